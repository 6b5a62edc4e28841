//! Exporting from the window: format and scope in the export window, a path, the export in the background.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn file_export_writes_the_chosen_format_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(sample_copy(dir.path()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    harness.get_by_label("W3C Web Annotation (JSON-LD)").click();
    harness.run_steps(1);
    assert!(harness.query_by_label_contains("Offsets count Unicode code points").is_some());
    harness.get_by_label("Choose a file…").click();
    harness.run_steps(2);
    let out = dir.path().join("levy-annotations.jsonld");
    answer_prompt(&mut harness, &out, "Export");
    wait_for_export(&mut harness);
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(written["type"], "AnnotationCollection");
    assert_eq!(written["total"], 7 + 5, "7 highlights and 5 tagged comments");
    assert!(harness.query_by_label_contains("Exported 1 document(s)").is_some(), "a notice says so");
}

#[test]
fn a_folder_format_asks_for_a_folder_and_one_document_can_go_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(sample_copy(dir.path()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    harness.get_by_label("brat standoff (.txt + .ann)").click();
    harness.run_steps(1);
    harness.get_by_label_contains("This document (").click();
    harness.run_steps(1);
    harness.get_by_label("Choose a folder…").click();
    harness.run_steps(2);
    let out = dir.path().join("brat");
    answer_prompt(&mut harness, &out, "Export");
    wait_for_export(&mut harness);
    let names: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names.len(), 5, "the document, its annotations, two configurations and the titles: {names:?}");
    assert!(names.iter().any(|n| n.ends_with(".ann")) && names.contains(&"annotation.conf".to_owned()));
}

#[test]
fn inceptions_formats_are_chosen_and_written_from_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(sample_copy(dir.path()));
    for (title, name, file) in [
        ("UIMA CAS XMI (INCEpTION, DKPro Cassis)", "xmi", "TypeSystem.xml"),
        ("WebAnno TSV 3.3 (INCEpTION)", "tsv", "gloss-documents.json"),
    ] {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
        harness.run_steps(2);
        harness.get_by_label(title).click();
        harness.run_steps(1);
        assert!(harness.query_by_label_contains("Offsets count UTF-16 code units of each document's text").is_some());
        harness.get_by_label("Choose a folder…").click();
        harness.run_steps(2);
        let out = dir.path().join(name);
        answer_prompt(&mut harness, &out, "Export");
        wait_for_export(&mut harness);
        assert!(out.join(file).is_file(), "{name}");
        let documents = std::fs::read_dir(&out)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == name));
        assert_eq!(documents.count(), 1, "{name}: a file for the one document");
    }
}

#[test]
fn the_numbers_window_counts_and_charts_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(sample_copy(dir.path()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run_steps(3);
    assert!(harness.query_by_label("Highlights per label").is_some());
    assert!(harness.query_by_label("Comment sentiment").is_some());
    let totals = "1 document(s) · 7 highlight(s), 2 check-worthy · 5 of 5 comment(s) tagged (100 %)";
    assert!(harness.query_by_label(totals).is_some());
    assert!(harness.query_by_label("Gloss sample").is_some(), "the annotators are listed");
    harness.get_by_label("This document").click();
    harness.run_steps(2);
    assert!(harness.query_by_label(totals).is_some(), "the sample has one document");
}

#[test]
fn a_dropped_brat_folder_comes_in_with_its_highlights() {
    let dir = tempfile::tempdir().unwrap();
    let sample = gloss::store::load(&sample_copy(dir.path())).unwrap();
    let out = dir.path().join("brat");
    let control = gloss::export::Control::none();
    gloss::export::export(&sample, gloss::export::Scope::Project, gloss::export::Format::Brat, &out, &control).unwrap();
    let mut harness = empty_app();
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(out)));
    harness.run_steps(1);
    wait_for_import(&mut harness);
    let project = harness.state().editor().project();
    assert_eq!(project.documents.len(), 1, "one document, not one per file of the folder");
    assert_eq!(project.documents[0].spans.len(), 7);
    assert_eq!(project.documents[0].comments.iter().filter(|c| c.has_sentiment()).count(), 5);
}

#[test]
fn a_big_project_opens_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    // Every project counts as big here, so that the sample takes the path a 40 MB project takes.
    let mut harness = egui_kittest::Harness::builder().with_size(egui::vec2(1280.0, 820.0)).build_eframe(|_cc| {
        gloss::ui::GlossApp::with_settings(gloss::ui::Settings::default())
            .without_native_dialogs()
            .background_open_from(0)
    });
    harness.run_steps(2);
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(path.clone())));
    harness.step();
    assert!(harness.state().is_opening(), "the frame after the drop draws while the file is read");
    wait_while(&mut harness, gloss::ui::GlossApp::is_opening, "the opening");
    assert_eq!(harness.state().path(), Some(path.as_path()));
    assert_eq!(harness.state().editor().project().documents[0].spans.len(), 7);
    assert!(harness.query_by_label_contains("Article: Harbour Levy").is_some());
}

#[test]
fn scrolling_to_a_far_highlight_lands_on_it_in_a_long_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.ron");
    let size = gloss::synthetic::Size { documents: 1, body_bytes: 200_000, comments: 100, spans: 400, seed: 9 };
    let project = gloss::synthetic::project(size);
    // The last highlight of the body, some 30,000 points down, far beyond any estimate's reach.
    let far = project.documents[0]
        .spans
        .iter()
        .filter(|s| s.target == gloss::model::Target::Body)
        .max_by_key(|s| s.start())
        .unwrap()
        .clone();
    gloss::store::save(&project, &path).unwrap();
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .allow_missing_glyphs()
        .build_eframe(move |_cc| gloss::ui::GlossApp::new(None, Some(path)).without_native_dialogs());
    harness.run_steps(3);
    // Shift+Tab from nothing selected goes to the last highlight in reading order: the last comment's, then back.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    harness.run_steps(3);
    let selected = harness.state().view_state().span().unwrap();
    let span = harness.state().editor().project().documents[0].span(selected).unwrap().clone();
    let at = harness.state().char_pos(span.target, span.start()).expect("laid out");
    assert!((0.0..820.0).contains(&at.y), "the selected highlight is on screen at {at:?}");
    // And the table's row for the far body highlight scrolls to it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::T);
    harness.run_steps(2);
    harness.get_by_label("Filter:").click();
    harness.run_steps(1);
    harness.get_by_label("Filter:").type_text(&far.quote());
    harness.run_steps(2);
    harness.get_all_by_label(&far.quote()).next().unwrap().click();
    harness.run_steps(5);
    assert_eq!(harness.state().view_state().span(), Some(far.id));
    let at = harness.state().char_pos(far.target, far.start()).expect("laid out");
    assert!((0.0..820.0).contains(&at.y), "the far highlight is on screen at {at:?}");
}

fn wait_for_export(harness: &mut egui_kittest::Harness<'_, gloss::ui::GlossApp>) {
    wait_while(harness, gloss::ui::GlossApp::is_exporting, "the export");
}

fn export_html_to(harness: &mut egui_kittest::Harness<'_, gloss::ui::GlossApp>, out: &std::path::Path) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    harness.get_by_label("HTML report").click();
    harness.run_steps(1);
    harness.get_by_label("Choose a file…").click();
    harness.run_steps(2);
    answer_prompt(harness, out, "Export");
    wait_for_export(harness);
}

#[test]
fn an_export_over_a_file_of_another_kind_asks_first_and_never_replaces_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample_copy(dir.path());
    let before = std::fs::read(&project).unwrap();
    let mut harness = harness(project.clone());
    // Over the project itself: refused, with no question that could let it through.
    export_html_to(&mut harness, &project);
    assert!(harness.query_by_label("Replace it?").is_none());
    assert!(
        harness.state().error().is_some_and(|e| e.contains("is the project being exported")),
        "{:?}",
        harness.state().error()
    );
    assert_eq!(std::fs::read(&project).unwrap(), before);
    harness.get_by_label("OK").click();
    harness.run_steps(2);
    // Over a page of the user's own: asked; Cancel keeps it, Replace replaces it.
    let notes = dir.path().join("notes.html");
    std::fs::write(&notes, "<p>mine</p>").unwrap();
    export_html_to(&mut harness, &notes);
    assert!(harness.query_by_label("Replace it?").is_some(), "the window asks");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "<p>mine</p>");
    export_html_to(&mut harness, &notes);
    harness.get_by_label("Replace").click();
    harness.run_steps(2);
    wait_for_export(&mut harness);
    assert!(std::fs::read_to_string(&notes).unwrap().contains("<meta name=\"generator\" content=\"Gloss\">"));
    // Its own earlier export is replaced without a question.
    export_html_to(&mut harness, &notes);
    assert!(harness.query_by_label("Replace it?").is_none());
    assert!(harness.query_by_label_contains("Exported 1 document(s)").is_some());
}

#[test]
fn the_export_window_says_what_each_format_is_for_and_what_its_offsets_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(sample_copy(dir.path()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    harness.get_by_label("Label Studio JSON").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Offsets count Unicode code points of each task's text");
    harness.get_by_label_contains("Leaves out speakers, verdicts, check-worthy, annotators");
    harness.get_by_label("Label Studio JSON, releases before 2022 (UTF-16 offsets)").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Offsets count UTF-16 code units");
    harness.get_by_label("HTML report").click();
    harness.run_steps(2);
    harness.get_by_label_contains("A page to read and share");
    harness.get_by_label("It holds no offsets: it shows the text itself.");
    assert!(harness.query_by_label_contains("Offsets count").is_none(), "no \"Offsets count none\"");
}
