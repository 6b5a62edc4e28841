//! Asking a student for their name when they first mark something in an exercise that has none yet: their work
//! must be theirs before it is made.

use egui::{Id, Key, Modal};

use crate::ui::context::Ctx;
use crate::ui::intent::{Intent, Reply};

/// The name typed so far.
#[derive(Default)]
pub struct NamePrompt {
    /// The text typed so far.
    pub text: String,
    focused: bool,
}

impl NamePrompt {
    /// Shows the question; the name, once given, or that it was not, is sent as a reply.
    pub fn show(&mut self, ctx: &egui::Context, cx: &mut Ctx<'_>) {
        let mut answer = None;
        let modal = Modal::new(Id::unique("name_prompt")).show(ctx, |ui| {
            ui.set_width(440.0);
            ui.heading("Your name");
            ui.label(
                "This exercise records who made each highlight and tag. Your name goes with your work to the teacher.",
            );
            let label = ui.label("Name:");
            let field =
                ui.add(egui::TextEdit::singleline(&mut self.text).desired_width(f32::INFINITY)).labelled_by(label.id);
            if !self.focused {
                field.request_focus();
                self.focused = true;
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let name = self.text.trim();
            ui.horizontal(|ui| {
                if ui.add_enabled(!name.is_empty(), egui::Button::new("Start")).clicked() || entered && !name.is_empty()
                {
                    answer = Some(Some(name.to_owned()));
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(None);
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(None);
        }
        if let Some(answer) = answer {
            cx.send(Intent::Reply(Reply::Name(answer)));
        }
    }
}
