//! Suggestions in the window, through egui_kittest: Suggest in the background, Tab through the ghosts, Enter
//! accepts, X rejects, a label key accepts as another label, Shift+Enter accepts a whole kind, Ctrl+Z takes each
//! step back, Escape ends the review, and the numbers window counts what became of them.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{Outcome, Project};
use gloss::suggest::Kind;
use gloss::ui::GlossApp;

const ARTICLE: &str = "Harbour levy row\n\n\
    “We cannot wait,” Maria Ivanova told reporters on Monday. Landings at the harbour fell 12 percent since \
    2019, and the town has lost a third of its boats in the same time.\n\n\
    The mayor said the levy would raise EUR 1.8 million a year.\n\n\
    Comments\n\nAna wrote:\n\nThis is a great and wonderful decision, thank you!\n\nBen wrote:\n\nTerrible, awful idea.\n";

fn project<'h>(harness: &'h Harness<'_, GlossApp>) -> &'h Project {
    harness.state().editor().project()
}

fn press(harness: &mut Harness<'_, GlossApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(2);
}

fn current_kind(harness: &Harness<'_, GlossApp>) -> Option<Kind> {
    harness.state().suggestions().current().map(|s| s.kind)
}

/// A project of the article above (`copies` times), signed by Ana, opened in the window, with the suggestions
/// run on the document shown or on the whole project.
fn suggested_on(copies: usize, whole_project: bool) -> (tempfile::TempDir, Harness<'static, GlossApp>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("levy.txt"), ARTICLE).unwrap();
    let article = gloss::import::extract_file(&dir.path().join("levy.txt")).unwrap().remove(0);
    let mut project = Project::new("levy");
    project.annotator = "Ana".to_owned();
    let mut editor = gloss::edit::Editor::new(project, false);
    for index in 0..copies {
        let document = Box::new(article.clone().into_document());
        editor.apply(gloss::edit::Command::AddDocument { index, document, fresh_ids: true }).unwrap();
    }
    let path = dir.path().join("levy.ron");
    gloss::store::save(editor.project(), &path).unwrap();
    let mut harness = harness(path);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::G);
    assert!(harness.query_by_label("Quotes, with speaker and cue — reads English only").is_some());
    if whole_project {
        harness.get_by_label("Whole project").click();
        harness.run_steps(1);
    }
    harness.get_by_label("Suggest").click();
    harness.run_steps(2);
    wait_while(&mut harness, GlossApp::is_suggesting, "the suggestions");
    (dir, harness)
}

fn suggested() -> (tempfile::TempDir, Harness<'static, GlossApp>) {
    suggested_on(1, false)
}

#[test]
fn enter_accepts_x_rejects_and_undo_takes_each_back() {
    let (_dir, mut harness) = suggested();
    let open = harness.state().suggestions().open_count();
    assert!(open >= 5, "{open} suggestions");
    assert_eq!(current_kind(&harness), Some(Kind::Quote), "the review starts at the first one");
    assert!(project(&harness).documents[0].spans.is_empty(), "suggestions are not annotations");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let spans = &project(&harness).documents[0].spans;
    assert_eq!(spans.len(), 2, "the quote and its source");
    assert!(spans.iter().all(|s| s.annotator == "Ana" && s.outcome() == Some(Outcome::AsIs)));
    assert!(spans.iter().any(|s| s.speaker == "Ivanova" && s.quote() == "“We cannot wait,”"));
    assert_eq!(harness.state().suggestions().open_count(), open - 1);
    // The review moved on; X rejects the next one.
    let next = harness.state().suggestions().current().cloned().unwrap();
    press(&mut harness, Modifiers::NONE, Key::X);
    assert_eq!(project(&harness).rejected.len(), 1);
    assert_eq!(harness.state().suggestions().open_count(), open - 2);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(project(&harness).rejected.is_empty());
    assert_eq!(harness.state().suggestions().open_count(), open - 1, "undoing a reject brings it back");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(project(&harness).documents[0].spans.is_empty());
    assert_eq!(harness.state().suggestions().open_count(), open);
    assert!(harness.state().suggestions().in_document(project(&harness).documents[0].id).any(|s| *s == next));
}

#[test]
fn a_label_key_accepts_as_that_label_and_shift_enter_accepts_the_whole_kind() {
    let (_dir, mut harness) = suggested();
    // Tab walks to the first statistic.
    while current_kind(&harness) != Some(Kind::Statistic) {
        press(&mut harness, Modifiers::NONE, Key::Tab);
    }
    let claim = project(&harness).schema.span_labels.iter().find(|l| l.name == "Claim").unwrap().clone();
    press(&mut harness, Modifiers::NONE, Key::Num1);
    let spans = &project(&harness).documents[0].spans;
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].label, claim.id);
    assert_eq!(spans[0].outcome(), Some(Outcome::Edited), "accepted with another label");
    // Shift+Enter on a sentiment accepts both comments' sentiment in one step.
    while current_kind(&harness) != Some(Kind::Sentiment) {
        press(&mut harness, Modifiers::NONE, Key::Tab);
    }
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    let comments = &project(&harness).documents[0].comments;
    assert!(comments.iter().all(|c| c.tagging("Ana").and_then(gloss::model::Tagging::outcome) == Some(Outcome::AsIs)));
    assert_eq!(harness.state().editor().undo_name(), Some("Accept suggestions"));
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(project(&harness).documents[0].comments.iter().all(|c| c.tagging("Ana").is_none()));
}

#[test]
fn shift_arrows_move_a_suggestions_edges_before_it_is_accepted() {
    let (_dir, mut harness) = suggested();
    while current_kind(&harness) != Some(Kind::Statistic) {
        press(&mut harness, Modifiers::NONE, Key::Tab);
    }
    let suggested = harness.state().suggestions().current().unwrap().ranges.clone();
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight);
    let adjusted = harness.state().suggestions().current().unwrap().chosen_ranges().to_vec();
    assert_eq!(adjusted[0].0, suggested[0].0);
    assert!(adjusted[0].1 > suggested[0].1, "{suggested:?} -> {adjusted:?}");
    assert!(project(&harness).documents[0].spans.is_empty(), "nothing is made before accepting");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let span = &project(&harness).documents[0].spans[0];
    assert_eq!((span.ranges[0].start, span.ranges[0].end), adjusted[0]);
    assert_eq!(span.outcome(), Some(Outcome::Edited));
    assert_eq!(span.suggested.as_ref().unwrap().ranges, suggested);
}

#[test]
fn escape_ends_the_review_and_tab_walks_highlights_again() {
    let (_dir, mut harness) = suggested();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    // Escape closes the window on top first (the Suggestions window), as everywhere; then it ends the review.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Suggest").is_none());
    assert!(harness.state().suggestions().reviewing);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().suggestions().reviewing);
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(harness.state().view_state().span().is_some(), "Tab selects a highlight");
    // Enter and X do nothing to suggestions outside the review.
    let open = harness.state().suggestions().open_count();
    press(&mut harness, Modifiers::NONE, Key::X);
    assert_eq!(harness.state().suggestions().open_count(), open);
    assert!(project(&harness).rejected.is_empty());
}

#[test]
fn the_numbers_window_counts_accepted_edited_and_rejected_suggestions() {
    let (_dir, mut harness) = suggested();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::X);
    press(&mut harness, Modifiers::COMMAND, Key::D);
    let stats = gloss::analysis::Stats::of(project(&harness));
    let count = |name: &str| stats.suggestions.iter().find(|c| c.name == name).unwrap().count;
    assert_eq!(count("highlights accepted as suggested"), 2);
    assert_eq!(count("highlights rejected"), 1);
    assert!(harness.query_by_label("highlights accepted as suggested").is_some());
    assert!(harness.query_by_label("highlights rejected").is_some());
}

#[test]
fn the_review_follows_the_document_shown_and_never_acts_on_another() {
    let (_dir, mut harness) = suggested_on(2, true);
    let open = harness.state().suggestions().open_count();
    let second = project(&harness).documents[1].id;
    assert_eq!(harness.state().suggestions().in_document(second).count() * 2, open, "both documents");
    press(&mut harness, Modifiers::COMMAND, Key::PageDown);
    assert_eq!(harness.state().view_state().doc(), Some(second));
    assert!(harness.state().suggestions().current().is_none(), "the first document's suggestion is let go");
    // Enter with nothing under review here does nothing; Tab starts on this document's first suggestion.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(project(&harness).documents.iter().all(|d| d.spans.is_empty()));
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(harness.state().suggestions().current().map(|s| s.document), Some(second));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(project(&harness).documents[0].spans.is_empty());
    assert!(!project(&harness).documents[1].spans.is_empty());
}

#[test]
fn dragging_a_handle_moves_a_suggestions_edge_before_it_is_accepted() {
    let (_dir, mut harness) = suggested();
    press(&mut harness, Modifiers::NONE, Key::Escape);
    while current_kind(&harness) != Some(Kind::Statistic) {
        press(&mut harness, Modifiers::NONE, Key::Tab);
    }
    let s = harness.state().suggestions().current().unwrap().clone();
    let (start, end) = s.ranges[0];
    let from = harness.state().char_pos(s.target, end).expect("the end is on screen");
    let to = harness.state().char_pos(s.target, end + 6).expect("a later place");
    drag(&mut harness, from, to);
    harness.run_steps(2);
    let adjusted = harness.state().suggestions().current().unwrap().chosen_ranges().to_vec();
    assert_eq!(adjusted[0].0, start);
    assert!(adjusted[0].1 > end, "{:?} -> {adjusted:?}", s.ranges);
    assert!(project(&harness).documents[0].spans.is_empty(), "nothing is made before accepting");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let span = &project(&harness).documents[0].spans[0];
    assert_eq!((span.ranges[0].start, span.ranges[0].end), adjusted[0]);
    assert_eq!(span.outcome(), Some(Outcome::Edited));
}
