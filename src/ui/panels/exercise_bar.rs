//! The teacher's instructions above the article, in a project that is an exercise.

use egui::{RichText, Ui};

use crate::ui::context::Ctx;

/// A band with the exercise's instructions and whose work this is; nothing in a project that is no exercise.
pub fn exercise_bar_ui(ui: &mut Ui, cx: &Ctx<'_>) {
    let Some(exercise) = &cx.project.exercise else { return };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Exercise").strong());
            if exercise.instructions.is_empty() {
                ui.label("Mark the documents as your teacher asked.");
            } else {
                ui.label(&exercise.instructions);
            }
        });
        let who = cx.project.annotator.trim();
        if who.is_empty() {
            ui.weak(
                "You are asked your name when you first mark something; then save the file as your own (Save as…).",
            );
        } else {
            ui.weak(format!("Your work is recorded as {who}'s."));
        }
    });
}
