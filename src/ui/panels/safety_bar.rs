//! The bar over the document that says the project is read-only, or that another program changed its file.

use egui::{RichText, Ui};

use crate::ui::actions::Action;
use crate::ui::context::Ctx;
use crate::ui::intent::{Intent, Reply};

/// The bar, when there is something to say.
pub fn safety_bar_ui(ui: &mut Ui, cx: &mut Ctx<'_>) {
    if cx.status.read_only {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Read-only").strong());
            ui.label("This project is open in another window, or was opened as saved.");
            if ui.button("Save a copy…").clicked() {
                cx.send(Intent::Run(Action::SaveAs));
            }
        });
        ui.separator();
    } else if cx.status.changed_on_disk {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Changed on disk").strong());
            ui.label(format!("{} was changed by another program.", cx.status.name));
            if ui.button("Reload").clicked() {
                cx.send(Intent::Reply(Reply::ChangedOnDisk(true)));
            }
            if ui.button("Keep mine").clicked() {
                cx.send(Intent::Reply(Reply::ChangedOnDisk(false)));
            }
        });
        ui.separator();
    }
}
