//! What the GUI tests share: a copy of the sample project, a harness, and a person's mouse.

#![allow(dead_code, reason = "each test file uses some of these")]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use gloss::model::{SpanAnnotation, Target};
use gloss::ui::GlossApp;

pub fn sample_copy(dir: &Path) -> PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron");
    let path = dir.join("sample.ron");
    std::fs::copy(source, &path).unwrap();
    path
}

pub fn harness(path: PathBuf) -> Harness<'static, GlossApp> {
    let mut harness = Harness::builder()
        // Tall enough to show the whole sample, comments included, without scrolling.
        .with_size(egui::vec2(1280.0, 2000.0))
        .build_eframe(move |_cc| GlossApp::new(None, Some(path)).without_native_dialogs());
    harness.run_steps(3);
    wait_for_import(&mut harness);
    harness
}

/// Steps the app until a background import has finished and its documents are in the project.
pub fn wait_for_import(harness: &mut Harness<'_, GlossApp>) {
    wait_while(harness, GlossApp::is_importing, "the import");
}

/// Steps the app while `busy` says a background job runs (waiting on it, never on a guess of its speed).
pub fn wait_while(harness: &mut Harness<'_, GlossApp>, busy: impl Fn(&GlossApp) -> bool, what: &str) {
    let started = std::time::Instant::now();
    while busy(harness.state()) {
        assert!(started.elapsed() < std::time::Duration::from_secs(30), "{what} did not finish");
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    harness.run_steps(2);
}

pub fn pointer(harness: &Harness<'_, GlossApp>, event_pos: Pos2, pressed: bool) {
    harness.event(egui::Event::PointerButton {
        pos: event_pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
}

/// Presses at `from`, moves in steps to `to` and releases, as a person selecting text does.
pub fn drag(harness: &mut Harness<'_, GlossApp>, from: Pos2, to: Pos2) {
    drag_holding(harness, Modifiers::NONE, from, to);
}

/// A drag with `modifiers` held from before the press until after the release.
pub fn drag_holding(harness: &mut Harness<'_, GlossApp>, modifiers: Modifiers, from: Pos2, to: Pos2) {
    harness.event(egui::Event::ModifiersChanged(modifiers));
    harness.hover_at(from);
    harness.step();
    pointer(harness, from, true);
    harness.step();
    for i in 1..=5 {
        harness.hover_at(from + (to - from) * (i as f32 / 5.0));
        harness.step();
    }
    pointer(harness, to, false);
    harness.step();
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.step();
}

pub fn click(harness: &mut Harness<'_, GlossApp>, at: Pos2) {
    harness.hover_at(at);
    harness.step();
    pointer(harness, at, true);
    harness.step();
    pointer(harness, at, false);
    harness.step();
    harness.step();
}

pub fn body_char(harness: &Harness<'_, GlossApp>, offset: usize) -> Pos2 {
    harness.state().char_pos(Target::Body, offset).expect("the body is laid out")
}

pub fn newest_span(app: &GlossApp) -> Option<SpanAnnotation> {
    let doc = &app.editor().project().documents[0];
    doc.spans.iter().max_by_key(|s| s.id).cloned()
}

pub fn empty_app() -> Harness<'static, GlossApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        // The test renderer has only egui's own fonts; the app falls back to system fonts for other scripts.
        .allow_missing_glyphs()
        .build_eframe(|_cc| GlossApp::with_settings(gloss::ui::Settings::default()).without_native_dialogs());
    harness.run_steps(2);
    harness
}

/// Types `path` into the path field of the open prompt and confirms with `button`.
pub fn answer_prompt(harness: &mut Harness<'_, GlossApp>, path: &Path, button: &str) {
    harness.get_by_label("Path:").focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Path:").type_text(&path.display().to_string());
    harness.run_steps(1);
    harness.get_by_label(button).click();
    harness.run_steps(3);
}

/// Runs an action by typing `words` of its name into the command palette.
pub fn run_by_name(harness: &mut Harness<'_, GlossApp>, words: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::P);
    harness.run_steps(2);
    harness.get_by_label("Run an action:").type_text(words);
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(2);
}

/// A file dropped on the window, as eframe hands it over.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}
