//! The GUI driven through egui_kittest: select text with the mouse, label it, tag a comment, undo and redo, save.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::Path;

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{SpanAnnotation, Target};
use gloss::ui::GlossApp;

#[test]
fn select_label_tag_undo_redo_and_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let mut harness = harness(path.clone());
    let spans_before = harness.state().editor().project().documents[0].spans.len();
    assert!(!harness.state().editor().is_dirty());
    assert_eq!(harness.state().window_title(), "sample.ron — Gloss");

    // "town council" is characters 4..16 of the body.
    let (from, to) = (body_char(&harness, 4), body_char(&harness, 16));
    drag(&mut harness, from, to);
    let selection = harness.state().view_state().text().expect("a selection");
    assert_eq!(selection.target, Target::Body);
    assert_eq!(selection.range(), (4, 16));

    harness.key_press(Key::Num1);
    harness.run_steps(2);
    let span = newest_span(harness.state()).unwrap();
    assert_eq!(span.ranges[0].exact, "town council");
    let project = harness.state().editor().project();
    assert_eq!(project.schema.label(span.label).unwrap().name, "Claim");
    assert_eq!(harness.state().view_state().span(), Some(span.id), "the new highlight is selected");
    assert!(harness.state().editor().is_dirty());
    assert_eq!(harness.state().window_title(), "● sample.ron — Gloss");

    // Relabel the selected highlight with the palette.
    harness.get_by_label("Quote").click();
    harness.run_steps(2);
    let relabelled = newest_span(harness.state()).unwrap();
    assert_eq!(project_label(&harness, &relabelled), "Quote");

    // Focus the fourth comment (Petra V., tagged Neutral) and tag it with the keyboard.
    let comment = harness.state().editor().project().documents[0].comments[3].id;
    let at = harness.state().char_pos(Target::Comment(comment), 3).expect("comment laid out");
    click(&mut harness, at);
    assert_eq!(harness.state().view_state().comment(), Some(comment));
    harness.key_press(Key::P);
    harness.run_steps(2);
    assert_eq!(sentiment_of(&harness, 3).as_deref(), Some("Positive"));
    let next = harness.state().editor().project().documents[0].comments[4].id;
    assert_eq!(harness.state().view_state().comment(), Some(next), "tagging by key moves on");
    harness.key_press(Key::K);
    harness.run_steps(2);
    assert_eq!(harness.state().view_state().comment(), Some(comment), "K goes back");

    // And with the inspector's button.
    harness.get_by_label("Mixed").click();
    harness.run_steps(2);
    assert_eq!(sentiment_of(&harness, 3).as_deref(), Some("Mixed"));

    // Undo the three edits one by one, then redo them.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(sentiment_of(&harness, 3).as_deref(), Some("Positive"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(sentiment_of(&harness, 3).as_deref(), Some("Neutral"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(project_label(&harness, &newest_span(harness.state()).unwrap()), "Claim");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(harness.state().editor().project().documents[0].spans.len(), spans_before);
    assert!(!harness.state().editor().is_dirty(), "undoing everything is the saved state again");

    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    harness.run_steps(2);
    assert_eq!(newest_span(harness.state()).unwrap().ranges[0].exact, "town council");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run_steps(2);
    assert_eq!(project_label(&harness, &newest_span(harness.state()).unwrap()), "Quote");

    // Ctrl+S writes the file and keeps the previous one as .bak.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    assert!(!harness.state().editor().is_dirty());
    let saved = gloss::store::load(&path).unwrap();
    assert_eq!(&saved, harness.state().editor().project());
    assert!(gloss::store::backup_path(&path).exists());
}

fn project_label(harness: &Harness<'_, GlossApp>, span: &SpanAnnotation) -> String {
    let project = harness.state().editor().project();
    project.schema.label(span.label).unwrap().name.clone()
}

fn sentiment_of(harness: &Harness<'_, GlossApp>, index: usize) -> Option<String> {
    let project = harness.state().editor().project();
    let level = project.documents[0].comments[index].sentiment_of(&project.annotator)?;
    Some(project.schema.sentiment(level)?.name.clone())
}

#[test]
fn clicking_a_highlight_selects_it_and_delete_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(sample_copy(dir.path()));
    let doc = &harness.state().editor().project().documents[0];
    let first = doc.spans.iter().min_by_key(|s| s.start()).unwrap().clone();
    let count = doc.spans.len();
    let at = body_char(&harness, first.start() + 2);
    click(&mut harness, at);
    assert_eq!(harness.state().view_state().span(), Some(first.id));
    harness.key_press(Key::Delete);
    harness.run_steps(2);
    assert_eq!(harness.state().editor().project().documents[0].spans.len(), count - 1);
    assert_eq!(harness.state().view_state().span(), None);
}

#[test]
fn opening_an_article_makes_an_unsaved_project() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/articles/harbour-levy.txt");
    let harness = harness(path);
    let app = harness.state();
    assert_eq!(app.path(), None);
    assert!(app.editor().is_dirty());
    assert_eq!(app.editor().project().documents.len(), 1);
    assert_eq!(app.editor().project().documents[0].comments.len(), 5);
}

#[test]
fn a_broken_project_shows_an_error_instead_of_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(format_version: 1, name: \"x\"").unwrap();
    let harness = harness(path);
    let error = harness.state().error().expect("an error is shown");
    assert!(error.starts_with("Could not open broken.ron\nLine 1, column "), "{error}");
}

fn make_dirty(harness: &mut Harness<'_, GlossApp>) {
    let (from, to) = (body_char(harness, 4), body_char(harness, 16));
    drag(harness, from, to);
    harness.key_press(Key::Num2);
    harness.run_steps(2);
    assert!(harness.state().editor().is_dirty());
}

fn request_close(harness: &mut Harness<'_, GlossApp>) {
    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.run_steps(2);
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let original = std::fs::read(&path).unwrap();
    let mut harness = harness(path.clone());
    make_dirty(&mut harness);

    request_close(&mut harness);
    assert!(!harness.state().is_closing());
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(!harness.state().is_closing());
    assert!(harness.query_by_label("Don't save").is_none(), "the question is gone");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run_steps(2);
    harness.get_by_label("Don't save").click();
    harness.run_steps(2);
    assert!(harness.state().is_closing());
    assert_eq!(std::fs::read(&path).unwrap(), original, "nothing was saved");
}

#[test]
fn file_new_project_starts_an_empty_project_and_asks_first_about_unsaved_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let original = std::fs::read(&path).unwrap();
    let mut harness = harness(path.clone());
    make_dirty(&mut harness);

    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label_contains("New project").click();
    harness.run_steps(2);
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert_eq!(harness.state().path(), Some(path.as_path()), "Cancel keeps the project");
    assert!(harness.state().editor().is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(2);
    harness.get_by_label("Don't save").click();
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(app.path(), None, "a new project has no file until it is saved");
    assert!(app.editor().project().documents.is_empty());
    assert!(!app.editor().project().schema.span_labels.is_empty(), "it has the standard labels");
    assert!(!app.editor().is_dirty());
    assert_eq!(std::fs::read(&path).unwrap(), original, "nothing was saved");

    // From the palette, and with nothing unsaved, without a question.
    run_by_name(&mut harness, "new project");
    assert!(harness.query_by_label("Don't save").is_none());
    assert!(harness.state().editor().project().documents.is_empty());
}

#[test]
fn enter_presses_the_default_button_of_a_question() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let original = std::fs::read(&path).unwrap();
    let mut harness = harness(path.clone());
    make_dirty(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run_steps(2);
    assert!(harness.query_by_label("Don't save").is_some());
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert!(harness.state().is_closing(), "Enter chose Save, the default, and the window closes");
    assert_ne!(std::fs::read(&path).unwrap(), original, "the changes were saved first");
    assert!(!harness.state().editor().is_dirty());
}

#[test]
fn closing_and_choosing_save_writes_the_file_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let mut harness = harness(path.clone());
    make_dirty(&mut harness);
    request_close(&mut harness);
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    assert!(harness.state().is_closing());
    assert_eq!(&gloss::store::load(&path).unwrap(), harness.state().editor().project());
}

#[test]
fn save_as_without_a_file_dialog_asks_for_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/articles/harbour-levy.txt");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |_cc| GlossApp::new(None, Some(article)).without_native_dialogs());
    harness.run_steps(3);
    wait_for_import(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    answer_prompt(&mut harness, &dir.path().join("levy"), "Save");
    let saved = dir.path().join("levy.ron");
    assert_eq!(harness.state().path(), Some(saved.as_path()), "the .ron extension is added");
    assert!(!harness.state().editor().is_dirty());
    assert_eq!(harness.state().window_title(), "levy.ron — Gloss");
    assert_eq!(gloss::store::load(&saved).unwrap().documents[0].comments.len(), 5);
}

#[test]
fn open_and_import_through_the_path_field() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample_copy(dir.path());
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles/wrote.txt");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(|_cc| GlossApp::with_settings(gloss::ui::Settings::default()).without_native_dialogs());
    harness.run_steps(2);
    assert!(harness.state().editor().project().documents.is_empty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run_steps(2);
    answer_prompt(&mut harness, &sample, "Open");
    assert_eq!(harness.state().path(), Some(sample.as_path()));
    assert_eq!(harness.state().editor().project().documents.len(), 1);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run_steps(2);
    answer_prompt(&mut harness, &article, "Import");
    wait_for_import(&mut harness);
    let project = harness.state().editor().project();
    assert_eq!(project.documents.len(), 2);
    assert!(project.problems().is_empty());
    assert_eq!(harness.state().view_state().doc(), Some(project.documents[1].id), "the new document is shown");
    assert!(harness.state().editor().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(harness.state().editor().project().documents.len(), 1, "an import is undone like any edit");
}

#[test]
fn the_first_start_opens_a_copy_of_the_sample_project_never_the_shipped_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron");
    let before = std::fs::read(&shipped).unwrap();
    let folder = data.clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |_cc| GlossApp::new(None, None).with_data_dir(Some(folder)).without_native_dialogs());
    harness.run_steps(2);
    let copy = data.join("sample.ron");
    assert_eq!(harness.state().path(), Some(copy.as_path()), "the user's own copy in the data folder");
    assert!(!harness.state().editor().is_dirty());
    assert!(harness.query_by_label_contains("Article: Harbour Levy").is_some(), "the article view is named");
    // Edited and saved, the copy changes and the shipped file does not.
    harness.key_press(Key::J);
    harness.key_press(Key::N);
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    assert!(!harness.state().editor().is_dirty());
    assert_ne!(std::fs::read(&copy).unwrap(), before);
    assert_eq!(std::fs::read(&shipped).unwrap(), before);
    // Asked for by its path, the shipped file opens as the same copy.
    drop(harness);
    let folder = data.clone();
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 900.0)).build_eframe(move |_cc| {
        GlossApp::new(None, Some(shipped)).with_data_dir(Some(folder)).without_native_dialogs()
    });
    harness.run_steps(2);
    assert_eq!(harness.state().path(), Some(copy.as_path()));
    // Without a data folder it opens as a project with no file, so a save asks where.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(|_cc| GlossApp::new(None, None).without_native_dialogs());
    harness.run_steps(2);
    assert_eq!(harness.state().path(), None);
    assert_eq!(harness.state().editor().project().documents.len(), 1);
}

#[test]
fn the_path_field_says_why_there_is_no_file_dialog() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(|_cc| GlossApp::with_settings(gloss::ui::Settings::default()).without_native_dialogs());
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("No file dialog is available").is_some());
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Path:").is_none());
}

#[test]
fn a_failed_save_as_keeps_the_project_unsaved_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles/wrote.txt");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |_cc| GlossApp::new(None, Some(article)).without_native_dialogs());
    harness.run_steps(2);
    wait_for_import(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    answer_prompt(&mut harness, &dir.path().join("no-such-folder/x.ron"), "Save");
    assert_eq!(harness.state().path(), None, "a path that could not be written is not adopted");
    assert!(harness.state().editor().is_dirty());
    // Said as a person would say it, with the system's words in a details line and no temporary file named.
    let error = harness.state().error().unwrap();
    let folder = dir.path().join("no-such-folder");
    assert!(error.starts_with("Could not save x.ron\n"), "{error}");
    assert!(error.contains(&format!("The folder {} does not exist.", folder.display())), "{error}");
    assert!(error.contains("\nDetails: ") && !error.contains("at path") && !error.contains(".x.ron."), "{error}");
}

#[test]
fn pasting_text_makes_a_new_document() {
    let mut harness = empty_app();
    let text = "Night Buses Return\r\n\r\nThe night bus network returns on Friday after two years.\r\n\r\n1. Vera said:\r\n\r\n   About time.";
    harness.event(egui::Event::Paste(text.to_owned()));
    harness.run_steps(3);
    let project = harness.state().editor().project();
    assert_eq!(project.documents.len(), 1);
    let doc = &project.documents[0];
    assert_eq!(doc.title, "Night Buses Return");
    assert_eq!(doc.comments.len(), 1);
    assert_eq!(doc.metadata.extra.get("source").map(String::as_str), Some("clipboard"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert!(harness.state().editor().project().documents.is_empty(), "a paste is undone like any edit");
}

#[test]
fn dropping_files_imports_them_in_the_background_with_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{ nope").unwrap();
    let mut harness = empty_app();
    for path in [fixtures.join("wp_comments.html"), fixtures.join("stadium_comments.csv"), broken] {
        harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(path)));
    }
    harness.run_steps(1);
    wait_for_import(&mut harness);
    let project = harness.state().editor().project();
    assert_eq!(project.documents.len(), 2);
    let report = harness.state().import_report().expect("the report is shown when a file failed");
    assert_eq!(report.failures(), 1);
    assert_eq!(report.articles(), 2);
    assert!(harness.query_by_label_contains("could not be read").is_some(), "the report window names failures");

    // The comments of the spreadsheet go under the article, from the document details.
    let (article, comments) = (project.documents[0].id, project.documents[1].id);
    assert_eq!(harness.state().view_state().doc(), Some(article), "the first imported document is shown");
    harness.get_by_label("Close report").click();
    harness.run_steps(2);
    assert!(harness.state().import_report().is_none());
    harness.get_by_label("Comments from stadium_comments.csv").click();
    harness.run_steps(2);
    assert_eq!(harness.state().view_state().doc(), Some(comments));
    harness.get_by_label("Document details").click();
    harness.run_steps(2);
    harness.get_by_label_contains("→ Valley Dam").click();
    harness.run_steps(2);
    let project = harness.state().editor().project();
    assert_eq!(project.documents.len(), 1);
    assert_eq!(project.documents[0].comments.len(), 3 + 4);
    assert!(project.problems().is_empty());
}

#[test]
fn right_click_marks_where_the_comments_start_and_undo_puts_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(sample_copy(dir.path()));
    let before = harness.state().editor().project().documents[0].clone();
    let paragraphs = before.body.split("\n\n").count();
    // The last paragraph of the story: "The levy takes effect on 1 March. …"
    let offset = before.body.rfind("The levy takes effect").map(|b| before.body[..b].chars().count()).unwrap();
    let at = body_char(&harness, offset + 3);
    harness.event(egui::Event::PointerMoved(at));
    harness.step();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run_steps(2);
    harness.get_by_label("Comments start here").click();
    harness.run_steps(3);
    let after = &harness.state().editor().project().documents[0];
    assert_eq!(after.body.split("\n\n").count(), paragraphs - 1);
    assert_eq!(after.comments.len(), before.comments.len() + 1);
    assert!(after.comments[0].text.starts_with("The levy takes effect"));
    assert!(harness.state().editor().project().problems().is_empty(), "every highlight still quotes its text");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(&harness.state().editor().project().documents[0], &before);
}

#[test]
fn characters_no_font_draws_are_named_once_with_the_package_to_install() {
    // The test window has egui's own fonts only: Latin, Cyrillic, Greek and emoji, no Chinese.
    let mut harness = empty_app();
    harness.event(egui::Event::Paste("市议会批准港口税\n\n市长说，港口不能再等了。".to_owned()));
    harness.run_steps(3);
    let scripts: Vec<String> = harness.state().missing_fonts().iter().map(|m| m.script.clone()).collect();
    assert_eq!(scripts, ["Han"]);
    harness.get_by_label_contains("No installed font draws the Han characters of this document");
    harness.get_by_label_contains("sudo apt install fonts-noto-cjk");
    harness.get_by_label("Dismiss").click();
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("No installed font draws").is_none());
    // Another Chinese document: it was said once, and is not said again.
    harness.event(egui::Event::Paste("第二篇文章\n\n更多中文。".to_owned()));
    harness.run_steps(3);
    assert_eq!(harness.state().editor().project().documents.len(), 2);
    assert!(harness.query_by_label_contains("No installed font draws").is_none());
}

#[test]
fn notices_sit_in_the_status_bar_and_never_cover_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(sample_copy(dir.path()));
    make_dirty(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    let status = harness.get_by_label_contains("sample.ron · 1 document(s)").rect();
    // The newest notice, with the count of the one before it, on the status bar's line.
    let notice = harness.get_by_label("Saved sample.ron  (+1)").rect();
    assert!(notice.top() >= status.top() - 4.0 && notice.bottom() <= status.bottom() + 4.0, "{notice:?} {status:?}");
    assert!(notice.left() > status.right(), "at the right of the status line");
    assert_eq!(harness.state().notices().len(), 2);
}

#[test]
fn the_path_field_opens_with_its_text_selected_so_typing_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(sample_copy(dir.path()));
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    harness.run_steps(3);
    assert!(harness.get_by_label("Path:").value().is_some_and(|v| v.ends_with("sample.ron")), "pre-filled");
    let copy = dir.path().join("copy.ron");
    harness.get_by_label("Path:").type_text(&copy.display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Save").click();
    harness.run_steps(3);
    assert_eq!(harness.state().path(), Some(copy.as_path()), "{:?}", harness.state().error());
}
