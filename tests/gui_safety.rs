//! The window never loses work: unsaved edits a stopped window left are offered back and replayed exactly, a
//! project open in another window opens read-only, and a file another program changed is never overwritten
//! without a question.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::{Path, PathBuf};

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{Project, Target};
use gloss::ui::GlossApp;

fn window(path: PathBuf, data: &Path) -> Harness<'static, GlossApp> {
    let data = data.to_owned();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 2000.0))
        .build_eframe(move |_cc| GlossApp::new(None, Some(path)).with_data_dir(Some(data)).without_native_dialogs());
    harness.run_steps(3);
    wait_for_import(&mut harness);
    harness
}

/// Seven steps of a person's work, made with mouse and keys: three highlights, three sentiment tags, an undo and
/// a redo.
fn work(harness: &mut Harness<'_, GlossApp>) {
    for (start, end, key) in [(4, 16, Key::Num1), (28, 40, Key::Num3), (60, 70, Key::Num2)] {
        let (from, to) = (body_char(harness, start), body_char(harness, end));
        drag(harness, from, to);
        harness.key_press(key);
        harness.run_steps(2);
    }
    let comment = harness.state().editor().project().documents[0].comments[0].id;
    let at = harness.state().char_pos(Target::Comment(comment), 2).unwrap();
    click(harness, at);
    for key in [Key::N, Key::P, Key::U] {
        harness.key_press(key);
        harness.run_steps(2);
    }
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    harness.run_steps(2);
}

#[test]
fn unsaved_work_of_a_window_that_stopped_is_offered_and_replayed_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (sample_copy(dir.path()), dir.path().join("data"));
    let mut harness = window(path.clone(), &data);
    work(&mut harness);
    let before: Project = harness.state().editor().project().clone();
    let undo = harness.state().editor().undo_name().map(str::to_owned);
    assert!(harness.state().editor().is_dirty());
    // The window goes without saving (as a crash would, its journal stays).
    drop(harness);

    let mut harness = window(path.clone(), &data);
    assert!(harness.state().offers_recovery());
    assert!(harness.query_by_label("Recover unsaved edits?").is_some());
    for name in ["• Add highlight", "• Set sentiment"] {
        assert!(harness.query_all_by_label(name).next().is_some(), "{name} is listed");
    }
    harness.get_by_label_contains("Recover 6 unsaved edits from ").click();
    harness.run_steps(3);
    assert!(!harness.state().offers_recovery());
    assert_eq!(harness.state().editor().project(), &before, "replayed exactly");
    assert_eq!(harness.state().editor().undo_name().map(str::to_owned), undo);
    assert!(harness.state().window_title().starts_with('●'), "recovered edits are unsaved");
    // Undo walks back through the recovered edits to the saved state, as it would have before.
    for _ in 0..6 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run_steps(1);
    }
    harness.run_steps(2);
    assert!(!harness.state().editor().is_dirty());
    assert_eq!(harness.state().window_title(), "sample.ron — Gloss");
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    harness.run_steps(2);
    assert!(harness.state().editor().is_dirty());
}

#[test]
fn unsaved_work_can_be_looked_at_as_saved_or_thrown_away() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (sample_copy(dir.path()), dir.path().join("data"));
    let saved = gloss::store::load(&path).unwrap();
    let mut harness = window(path.clone(), &data);
    work(&mut harness);
    drop(harness);
    // Looked at as saved: read-only, and offered again next time.
    let mut harness = window(path.clone(), &data);
    harness.get_by_label("Open the file as saved").click();
    harness.run_steps(3);
    assert!(harness.state().is_read_only());
    assert_eq!(harness.state().editor().project(), &saved);
    assert!(harness.query_by_label("Read-only").is_some(), "a bar says so");
    drop(harness);
    let mut harness = window(path.clone(), &data);
    assert!(harness.state().offers_recovery(), "still there");
    harness.get_by_label("Discard").click();
    harness.run_steps(3);
    assert!(!harness.state().is_read_only());
    assert_eq!(harness.state().editor().project(), &saved);
    drop(harness);
    let harness = window(path, &data);
    assert!(!harness.state().offers_recovery(), "thrown away for good");
}

#[test]
fn a_project_open_in_another_window_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (sample_copy(dir.path()), dir.path().join("data"));
    let first = window(path.clone(), &data);
    let mut second = window(path.clone(), &data);
    assert!(second.query_by_label("Open in another window").is_some());
    second.get_by_label("Open read-only").click();
    second.run_steps(3);
    assert!(second.state().is_read_only());
    assert_eq!(second.state().window_title(), "sample.ron (read-only) — Gloss");
    let spans = second.state().editor().project().documents[0].spans.len();
    let (from, to) = (body_char(&second, 4), body_char(&second, 16));
    drag(&mut second, from, to);
    second.key_press(Key::Num1);
    second.run_steps(2);
    assert_eq!(second.state().editor().project().documents[0].spans.len(), spans, "no edit is made");
    assert!(second.state().notices().iter().any(|n| n.contains("read-only")), "{:?}", second.state().notices());
    // Ctrl+S asks for another file: never two writers on one.
    second.key_press_modifiers(Modifiers::COMMAND, Key::S);
    second.run_steps(2);
    let copy = dir.path().join("mine.ron");
    answer_prompt(&mut second, &copy, "Save");
    assert_eq!(second.state().path(), Some(copy.as_path()));
    assert!(!second.state().is_read_only(), "its own copy is editable");
    drop(first);
}

/// The sample as a colleague saved it meanwhile: renamed.
fn change_on_disk(path: &Path) {
    let mut theirs = gloss::store::load(path).unwrap();
    theirs.name = "Changed elsewhere".to_owned();
    gloss::store::save(&theirs, path).unwrap();
}

#[test]
fn a_file_changed_by_another_program_is_not_overwritten_without_a_question() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (sample_copy(dir.path()), dir.path().join("data"));
    let mut harness = window(path.clone(), &data);
    let (from, to) = (body_char(&harness, 4), body_char(&harness, 16));
    drag(&mut harness, from, to);
    harness.key_press(Key::Num1);
    harness.run_steps(2);
    change_on_disk(&path);
    let theirs = std::fs::read(&path).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    assert!(harness.query_by_label("The file changed on disk").is_some());
    assert_eq!(std::fs::read(&path).unwrap(), theirs, "nothing was written");
    // Every answer here loses something, so Enter, pressed out of habit, decides nothing.
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert!(harness.query_by_label("The file changed on disk").is_some(), "still asked");
    assert_eq!(std::fs::read(&path).unwrap(), theirs, "nothing was written");
    harness.get_by_label("Reload it, keeping my unsaved edits").click();
    harness.run_steps(3);
    let project = harness.state().editor().project();
    assert_eq!(project.name, "Changed elsewhere", "their change is in");
    assert!(project.documents[0].spans.iter().any(|s| s.quote() == "town council"), "and my highlight");
    assert!(harness.state().editor().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    let saved = gloss::store::load(&path).unwrap();
    assert_eq!(saved.name, "Changed elsewhere");
    assert!(saved.documents[0].spans.iter().any(|s| s.quote() == "town council"));
}

#[test]
fn an_idle_window_notices_a_change_on_disk_and_overwrite_is_a_choice() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (sample_copy(dir.path()), dir.path().join("data"));
    let mut harness = window(path.clone(), &data);
    change_on_disk(&path);
    // A few seconds pass with the window open.
    let mut frames = 0;
    while !harness.state().says_changed_on_disk() {
        assert!(frames < 600, "the change was not noticed");
        harness.step();
        frames += 1;
    }
    harness.run_steps(2);
    assert!(harness.query_by_label("Changed on disk").is_some(), "a bar says so");
    harness.get_by_label("Keep mine").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Changed on disk").is_none());
    // Saving still asks; overwriting is what the user chose.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    harness.get_by_label("Overwrite it").click();
    harness.run_steps(2);
    assert_eq!(gloss::store::load(&path).unwrap().name, "Sample: the Port Merran harbour levy");
    assert!(
        gloss::store::load(&gloss::store::backup_path(&path)).unwrap().name == "Changed elsewhere",
        "their version is the backup"
    );
}

#[test]
fn a_project_never_saved_is_offered_back_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles/wrote.txt");
    let harness = window(article, &data);
    assert_eq!(harness.state().path(), None);
    let imported = harness.state().editor().project().clone();
    assert_eq!(imported.documents.len(), 1);
    drop(harness);
    let folder = data.clone();
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 900.0)).build_eframe(move |_cc| {
        GlossApp::with_settings(gloss::ui::Settings::default()).with_data_dir(Some(folder)).without_native_dialogs()
    });
    // `with_settings` starts nothing; `new` offers what was left.
    harness.run_steps(2);
    assert!(!harness.state().offers_recovery());
    drop(harness);
    let folder = data.clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |_cc| GlossApp::new(None, None).with_data_dir(Some(folder)).without_native_dialogs());
    harness.run_steps(3);
    assert!(harness.state().offers_recovery());
    assert!(harness.query_by_label_contains("A project that was never saved").is_some());
    harness.get_by_label_contains("Recover 1 unsaved edit from ").click();
    harness.run_steps(3);
    assert_eq!(harness.state().path(), None);
    assert_eq!(harness.state().editor().project().documents, imported.documents);
}
