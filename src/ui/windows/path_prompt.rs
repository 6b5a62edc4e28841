//! Typing a path where the desktop has no file dialog.

use std::path::PathBuf;

use egui::{Id, Key, Modal};

use super::questions::ModalResult;
use crate::ui::context::Ctx;
use crate::ui::file_dialog::Purpose;
use crate::ui::intent::{Intent, Reply};

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

impl PathPrompt {
    /// A prompt for `purpose`, pre-filled with `text`.
    pub fn new(purpose: Purpose, text: String, note: Option<String>) -> Self {
        Self { purpose, text, note, focus: true }
    }

    /// Shows the prompt; the path, once confirmed, or that it was cancelled, is sent as a reply.
    pub fn show(&mut self, ctx: &egui::Context, cx: &mut Ctx<'_>) {
        let path = match self.ui(ctx) {
            ModalResult::Pending => return,
            ModalResult::Done(path) => Some(path),
            ModalResult::Cancelled => None,
        };
        cx.send(Intent::Reply(Reply::Path(self.purpose, path)));
    }

    fn ui(&mut self, ctx: &egui::Context) -> ModalResult<PathBuf> {
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
                // Focused with its text selected, as a file dialog's name field is: typing replaces it, an
                // arrow key keeps it to edit.
                field.request_focus();
                if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), field.id) {
                    let all = egui::text_selection::CCursorRange::select_all_str(&self.text);
                    state.cursor.set_char_range(Some(all));
                    state.store(ui.ctx(), field.id);
                }
                self.focus = false;
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let confirm = ui.add_enabled(!self.text.trim().is_empty(), egui::Button::new(self.purpose.verb()));
                if confirm.clicked() || entered && !self.text.trim().is_empty() {
                    return ModalResult::Done(expand_home(self.text.trim()));
                }
                if ui.button("Cancel").clicked() {
                    return ModalResult::Cancelled;
                }
                ModalResult::Pending
            })
            .inner
        });
        if modal.should_close() {
            return ModalResult::Cancelled;
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
