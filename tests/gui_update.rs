//! Updating a document from a newer version in the window, through egui_kittest: Document ▸ Update from newer
//! version… (with the typed path of a desktop without file dialogs), the review window with the old and new text
//! of each highlight, Accept, Keep as orphan, Use selection, Delete, Ctrl+Z, and a file dropped on the document
//! with its question.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{AnchoredRange, Project, Reanchor, SpanAnnotation, SpanId, Target};
use gloss::ui::GlossApp;

const OLD: &str = "Lavrov on sanctions\n\nLavrov said the sanctions were illegal.\n\nPrices rose 24.3 percent in 2015, officials said.\n\nThe talks were held in Yerevan.\n";
const NEW: &str = "Lavrov on sanctions\n\nOn Monday Lavrov said the sanctions were unlawful.\n\nPrices rose in 2015, officials said.\n\nThe talks were held in Yerevan.\n";

fn project<'h>(harness: &'h Harness<'_, GlossApp>) -> &'h Project {
    harness.state().editor().project()
}

/// The article above with three highlights, saved and opened in the window; the newer version beside it.
fn opened() -> (tempfile::TempDir, Harness<'static, GlossApp>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.txt"), OLD).unwrap();
    std::fs::write(dir.path().join("new.txt"), NEW).unwrap();
    let mut doc = gloss::import::extract_file(&dir.path().join("old.txt")).unwrap().remove(0).into_document();
    let mut project = Project::new("sanctions");
    project.annotator = "Ana".to_owned();
    let label = project.schema.span_labels[0].id;
    for (i, quote) in ["Lavrov said", "the sanctions were illegal", "24.3 percent"].into_iter().enumerate() {
        let start = doc.body[..doc.body.find(quote).unwrap()].chars().count();
        let range = AnchoredRange::new(&doc.body, start, start + quote.chars().count()).unwrap();
        let mut span =
            SpanAnnotation::new(SpanId(i as u64), Target::Body, vec![range], label, jiff::Timestamp::UNIX_EPOCH);
        span.annotator = "Ana".to_owned();
        doc.spans.push(span);
    }
    let mut editor = gloss::edit::Editor::new(project, false);
    editor.apply(gloss::edit::Command::AddDocument { index: 0, document: Box::new(doc), fresh_ids: true }).unwrap();
    let path = dir.path().join("sanctions.ron");
    gloss::store::save(editor.project(), &path).unwrap();
    (dir, harness(path))
}

fn update_through_the_menu(harness: &mut Harness<'_, GlossApp>, newer: &std::path::Path) {
    run_by_name(harness, "Update from newer");
    answer_prompt(harness, newer, "Update");
    wait_while(harness, GlossApp::is_updating, "the update");
    harness.run_steps(2);
}

fn quotes(harness: &Harness<'_, GlossApp>) -> Vec<String> {
    project(harness).documents[0].spans.iter().map(SpanAnnotation::quote).collect()
}

#[test]
fn the_menu_updates_the_document_and_the_review_decides_the_rest() {
    let (dir, mut harness) = opened();
    update_through_the_menu(&mut harness, &dir.path().join("new.txt"));
    let doc = &project(&harness).documents[0];
    assert!(doc.body.contains("unlawful"), "the new text is in");
    assert_eq!(doc.review.len(), 2, "the edited and the orphaned highlight are listed");
    assert!(
        harness.query_by_label_contains("2 highlight(s) to review: 1 whose text changed").is_some(),
        "the review window opened"
    );
    assert!(harness.query_by_label("was: \"the sanctions were illegal\"").is_some());
    assert!(harness.query_by_label("now: \"the sanctions were unlawful\"").is_some());
    assert!(harness.query_by_label("now: its text is not in the newer version").is_some());
    assert_eq!(harness.state().editor().undo_name(), Some("Update from newer version"));

    // Accept the proposal; Ctrl+Z takes it back, Ctrl+Shift+Z does it again.
    harness.get_by_label("Accept").click();
    harness.run_steps(2);
    assert_eq!(project(&harness).documents[0].review.len(), 1);
    assert!(quotes(&harness).contains(&"the sanctions were unlawful".to_owned()));

    // The orphan kept: it moves to the orphans section with its old quote.
    harness.get_by_label("Keep as orphan").click();
    harness.run_steps(2);
    let doc = &project(&harness).documents[0];
    assert!(doc.review.is_empty());
    assert_eq!(doc.orphans.iter().map(SpanAnnotation::quote).collect::<Vec<_>>(), ["24.3 percent"]);
    assert!(harness.query_by_label_contains("Orphans (1)").is_some());
    assert!(harness.query_by_label("Nothing to review: every highlight of this document is on its text.").is_some());

    // Three undos: the orphan back on the list, the proposal back to review, the whole update gone at once.
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run_steps(2);
    }
    let doc = &project(&harness).documents[0];
    assert!(doc.body.contains("illegal") && doc.review.is_empty() && doc.orphans.is_empty());
    assert_eq!(quotes(&harness), ["Lavrov said", "the sanctions were illegal", "24.3 percent"]);
}

#[test]
fn an_orphan_goes_on_text_selected_by_hand() {
    let (dir, mut harness) = opened();
    update_through_the_menu(&mut harness, &dir.path().join("new.txt"));
    let body = project(&harness).documents[0].body.clone();
    let start = body[..body.find("in 2015").unwrap()].chars().count();
    // The review window may lie over the text: close it, select, open it again.
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    let (from, to) = (body_char(&harness, start), body_char(&harness, start + 7));
    drag(&mut harness, from, to);
    harness.run_steps(2);
    assert!(harness.state().view_state().selected_text().is_some(), "the text is selected");
    run_by_name(&mut harness, "Review update");
    // The orphan's row is the second; its Use selection is the second button of that name.
    let buttons: Vec<_> = harness.get_all_by_label("Use selection").collect();
    assert_eq!(buttons.len(), 2);
    buttons[1].click();
    harness.run_steps(2);
    let doc = &project(&harness).documents[0];
    assert!(doc.orphans.is_empty());
    assert_eq!(doc.review.iter().map(|r| r.status).collect::<Vec<_>>(), [Reanchor::Edited]);
    assert!(quotes(&harness).contains(&"in 2015".to_owned()), "{:?}", quotes(&harness));
    harness.get_all_by_label("Delete").next().unwrap().click();
    harness.run_steps(2);
    assert!(!quotes(&harness).contains(&"the sanctions were unlawful".to_owned()), "the edited one is deleted");
}

#[test]
fn a_file_dropped_on_the_document_asks_whether_it_is_its_newer_version() {
    let (dir, mut harness) = opened();
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(dir.path().join("new.txt"))));
    harness.run_steps(2);
    assert!(harness.query_by_label("Is new.txt a newer version of \"Lavrov on sanctions\"?").is_some());
    harness.get_by_label("Update this document").click();
    harness.run_steps(2);
    wait_while(&mut harness, GlossApp::is_updating, "the update");
    harness.run_steps(2);
    assert_eq!(project(&harness).documents.len(), 1);
    assert!(project(&harness).documents[0].body.contains("unlawful"));

    // Dropped again and imported instead: a document of its own.
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(dir.path().join("old.txt"))));
    harness.run_steps(2);
    harness.get_by_label("Import as a new document").click();
    harness.run_steps(2);
    wait_for_import(&mut harness);
    assert_eq!(project(&harness).documents.len(), 2);
}
