//! The list of the project's documents with their progress, filtered by title.

use egui::{RichText, Ui};

use super::app::GlossApp;

/// One entry per document: title, highlights, comments tagged (as a bar); a field filters by title.
pub(super) fn documents_ui(ui: &mut Ui, app: &mut GlossApp) {
    ui.heading("Documents");
    let label = ui.label("Search titles:");
    ui.add(
        egui::TextEdit::singleline(&mut app.panes.doc_filter)
            .hint_text("words of a title")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.separator();
    let shown = app.current_document().map(|d| d.id);
    let words: Vec<String> = app.panes.doc_filter.split_whitespace().map(str::to_lowercase).collect();
    let mut chosen = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        let documents = &app.session.project().documents;
        let mut listed = 0;
        for doc in documents {
            let title = doc.title.to_lowercase();
            if !words.iter().all(|w| title.contains(w.as_str())) {
                continue;
            }
            listed += 1;
            let selected = shown == Some(doc.id);
            if ui.selectable_label(selected, RichText::new(&doc.title).strong()).clicked() {
                chosen = Some(doc.id);
            }
            let (tagged, comments) = (doc.tagged_comments(), doc.comments.len());
            ui.weak(format!("{} highlight(s) · {tagged}/{comments} comments tagged", doc.spans.len()));
            if comments > 0 {
                let done = tagged as f32 / comments as f32;
                ui.add(egui::ProgressBar::new(done).desired_height(4.0).desired_width(ui.available_width()));
            }
            ui.add_space(6.0);
        }
        if listed == 0 && !documents.is_empty() {
            ui.weak("No title has those words.");
        }
    });
    if chosen.is_some() && chosen != shown {
        app.outbox.show_document = chosen;
    }
}
