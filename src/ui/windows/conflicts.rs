//! The merge conflicts a three-way merge (`gloss merge-driver`) left in the project: what both people changed
//! otherwise, each with a way to its place and a way to dismiss it once the right version is kept.

use crate::edit::Command;
use crate::model::{Conflict, Target};
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;

/// The window's title, which is also its identity among egui's layers.
pub const TITLE: &str = "Merge conflicts";

/// The merge conflicts window and whether it is open.
#[derive(Default)]
pub struct ConflictsWindow {
    /// Whether the window is open.
    pub open: bool,
}

impl ConflictsWindow {
    /// The window, while open.
    pub fn show_if_open(&mut self, egui: &egui::Context, cx: &mut Ctx<'_>) {
        if !self.open {
            return;
        }
        let mut open = self.open;
        super::window(TITLE).open(&mut open).default_width(520.0).show(egui, |ui| self.contents_ui(ui, cx));
        self.open = open;
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui, cx: &mut Ctx<'_>) {
        let conflicts = &cx.project.conflicts;
        if conflicts.is_empty() {
            ui.label("No merge conflicts: everything both versions changed was merged.");
            return;
        }
        ui.label(format!(
            "{} place(s) both versions changed otherwise. Both versions are in the project: keep the one you \
             want (delete the other highlight, edit the note), then dismiss the conflict.",
            conflicts.len()
        ));
        ui.separator();
        let mut dismissed = None;
        egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
            for (index, conflict) in conflicts.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(&conflict.message);
                    if ui.button("Show").on_hover_text("Show the place in the article").clicked() {
                        show(cx, conflict);
                    }
                    if ui.button("Dismiss").clicked() {
                        dismissed = Some(index);
                    }
                });
                ui.separator();
            }
        });
        if let Some(index) = dismissed {
            let mut rest = cx.project.conflicts.clone();
            rest.remove(index);
            cx.send(Intent::Edit(Command::SetConflicts { conflicts: rest }));
        }
    }
}

/// Brings the conflict's document, highlight or comment into view.
fn show(cx: &mut Ctx<'_>, conflict: &Conflict) {
    let Some(doc) = conflict.doc.and_then(|d| cx.project.document(d)) else { return };
    let doc_id = doc.id;
    let span = conflict.spans.iter().find_map(|s| doc.span(*s));
    if cx.selection.doc() != Some(doc_id) {
        cx.send(Intent::Show(doc_id));
    }
    if let Some(span) = span {
        let target: Target = span.target;
        cx.send(Intent::SelectSpan { span: Some(span.id), target: Some(target), reveal: true });
    } else if let Some(comment) = conflict.comment {
        cx.send(Intent::FocusComment { comment, reveal: true });
    }
}
