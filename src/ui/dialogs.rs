//! Modal dialogs: typing a path where no native file dialog exists, the unsaved-changes question, errors.

use std::path::PathBuf;

use egui::{Id, Key, Modal, Ui};

use super::file_dialog::Purpose;

/// A path typed by hand.
pub struct PathPrompt {
    /// What the path is for.
    pub purpose: Purpose,
    /// The text typed so far.
    pub text: String,
    /// Why the prompt is shown instead of a native dialog, if it is.
    pub note: Option<String>,
    /// Whether the text field still needs the keyboard focus.
    pub focus: bool,
}

/// What the user did with a modal.
pub enum Answer<T> {
    /// Nothing yet.
    Pending,
    /// Confirmed with a value.
    Done(T),
    /// Closed without an answer.
    Cancelled,
}

impl PathPrompt {
    /// A prompt for `purpose`, pre-filled with `text`.
    pub fn new(purpose: Purpose, text: String, note: Option<String>) -> Self {
        Self { purpose, text, note, focus: true }
    }

    /// Shows the prompt; answers with the path once the user confirms.
    pub fn ui(&mut self, ctx: &egui::Context) -> Answer<PathBuf> {
        let modal = Modal::new(Id::unique("path_prompt")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(self.purpose.title());
            if let Some(note) = &self.note {
                ui.label(note);
            }
            let label = ui.label("Path:");
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.text)
                    .desired_width(f32::INFINITY)
                    .hint_text("/home/me/articles/story.txt"),
            );
            let field = field.labelled_by(label.id);
            if self.focus {
                field.request_focus();
                self.focus = false;
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let confirm = ui.add_enabled(!self.text.trim().is_empty(), egui::Button::new(self.purpose.verb()));
                if confirm.clicked() || entered && !self.text.trim().is_empty() {
                    return Answer::Done(expand_home(self.text.trim()));
                }
                if ui.button("Cancel").clicked() {
                    return Answer::Cancelled;
                }
                Answer::Pending
            })
            .inner
        });
        if modal.should_close() {
            return Answer::Cancelled;
        }
        modal.inner
    }
}

/// `~/x` means the home folder, as in a shell.
fn expand_home(text: &str) -> PathBuf {
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(dirs) = directories::BaseDirs::new()
    {
        return dirs.home_dir().join(rest);
    }
    PathBuf::from(text)
}

/// The answer to "Save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveChoice {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
}

/// A modal question: a heading, what `body` draws, and a row of buttons. Answers with the index of the button
/// clicked; closing the modal (Escape, a click beside it) is `Cancelled`.
pub fn question_ui(
    ctx: &egui::Context,
    salt: &str,
    heading: &str,
    body: impl FnOnce(&mut Ui),
    buttons: &[&str],
) -> Answer<usize> {
    let modal = Modal::new(Id::unique(salt)).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading(heading);
        body(ui);
        ui.add_space(8.0);
        ui.horizontal(|ui| buttons.iter().position(|text| ui.button(*text).clicked())).inner
    });
    match modal.inner {
        Some(index) => Answer::Done(index),
        None if modal.should_close() => Answer::Cancelled,
        None => Answer::Pending,
    }
}

/// Asks whether to save the changes to `name` before going on.
pub fn unsaved_ui(ctx: &egui::Context, name: &str) -> Answer<SaveChoice> {
    let text = format!("{name} has changes that are not saved. They are lost if you don't save them.");
    let body = |ui: &mut Ui| {
        ui.label(text);
    };
    match question_ui(ctx, "unsaved_changes", "Save changes?", body, &["Save", "Don't save", "Cancel"]) {
        Answer::Done(0) => Answer::Done(SaveChoice::Save),
        Answer::Done(1) => Answer::Done(SaveChoice::Discard),
        Answer::Done(_) | Answer::Cancelled => Answer::Cancelled,
        Answer::Pending => Answer::Pending,
    }
}

/// Asks whether an export may replace what is in its way; `why` says what it is ("… is not an earlier csv
/// export").
pub fn replace_ui(ctx: &egui::Context, why: &str) -> Answer<()> {
    let body = |ui: &mut Ui| {
        ui.label(why.trim_end_matches("; nothing was written"));
        ui.label("Replacing it loses what it holds now.");
    };
    match question_ui(ctx, "replace_question", "Replace it?", body, &["Replace", "Cancel"]) {
        Answer::Done(0) => Answer::Done(()),
        Answer::Done(_) | Answer::Cancelled => Answer::Cancelled,
        Answer::Pending => Answer::Pending,
    }
}

/// Shows an error that needs acknowledging; returns true once it is dismissed.
pub fn error_ui(ctx: &egui::Context, message: &str) -> bool {
    let modal = Modal::new(Id::unique("error")).show(ctx, |ui: &mut Ui| {
        ui.set_width(480.0);
        ui.heading("Something went wrong");
        ui.label(message);
        ui.add_space(8.0);
        ui.button("OK").clicked()
    });
    modal.inner || modal.should_close()
}
