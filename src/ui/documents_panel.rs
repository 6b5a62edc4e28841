//! The list of the project's documents with their progress.

use egui::{RichText, Ui};

use super::app::GlossApp;

/// One entry per document: title, highlights, comments tagged.
pub(super) fn documents_ui(ui: &mut Ui, app: &mut GlossApp) {
    ui.heading("Documents");
    ui.separator();
    let shown = app.current_document().map(|d| d.id);
    let mut chosen = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        for doc in &app.editor.project().documents {
            let selected = shown == Some(doc.id);
            if ui.selectable_label(selected, RichText::new(&doc.title).strong()).clicked() {
                chosen = Some(doc.id);
            }
            ui.weak(format!(
                "{} highlight(s) · {}/{} comments tagged",
                doc.spans.len(),
                doc.tagged_comments(),
                doc.comments.len()
            ));
            ui.add_space(6.0);
        }
    });
    if chosen.is_some() && chosen != shown {
        app.outbox.show_document = chosen;
    }
}
