//! The list of the project's documents with their progress, filtered by title.

use egui::{RichText, Ui};

use crate::ui::context::Ctx;
use crate::ui::intent::Intent;

/// The documents panel's own state: the words the list is filtered by.
#[derive(Default)]
pub struct DocumentsPanel {
    /// Words every title listed must contain.
    pub filter: String,
    /// The project's annotators, as of a revision (finding them reads every highlight).
    annotators: Option<(u64, Vec<String>)>,
}

impl DocumentsPanel {
    /// One entry per document: title, highlights, comments tagged (as a bar); a click shows it.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        ui.heading("Documents");
        let label = ui.label("Search titles:");
        ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text("words of a title").desired_width(f32::INFINITY))
            .labelled_by(label.id);
        self.annotators_ui(ui, cx);
        ui.separator();
        let shown = cx.doc().map(|d| d.id);
        let words: Vec<String> = self.filter.split_whitespace().map(str::to_lowercase).collect();
        let mut chosen = None;
        egui::ScrollArea::vertical().show(ui, |ui| {
            let documents = &cx.project.documents;
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
                if !doc.review.is_empty() {
                    // What an update left: Document > Review update… lists it.
                    ui.label(RichText::new(format!("{} to review after an update", doc.review.len())).italics());
                }
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
        if let Some(doc) = chosen.filter(|c| Some(*c) != shown) {
            cx.send(Intent::Show(doc));
        }
    }

    /// "Highlights of": everyone's or one annotator's, where the project holds the work of several.
    fn annotators_ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        if self.annotators.as_ref().is_none_or(|(revision, _)| *revision != cx.revision) {
            self.annotators = Some((cx.revision, cx.project.annotators()));
        }
        let Some((_, names)) = &self.annotators else { return };
        let shown = cx.selection.annotator();
        if names.len() < 2 && shown.is_none() {
            return;
        }
        let me = &cx.project.annotator;
        let name_of =
            |who: &str| if crate::model::same_name(who, me) { format!("{who} (you)") } else { who.to_owned() };
        let mut chosen = None;
        ui.horizontal(|ui| {
            let label = ui.label("Highlights of");
            egui::ComboBox::from_id_salt("highlights of")
                .selected_text(shown.map_or_else(|| "everyone".to_owned(), name_of))
                .show_ui(ui, |ui| {
                    if ui.selectable_label(shown.is_none(), "everyone").clicked() {
                        chosen = Some(None);
                    }
                    for name in names {
                        if ui.selectable_label(shown == Some(name.as_str()), name_of(name)).clicked() {
                            chosen = Some(Some(name.clone()));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if shown.is_none() {
            ui.weak("Others' highlights are outlined, yours filled.");
        }
        if let Some(who) = chosen {
            cx.send(Intent::ShowAnnotator(who));
        }
    }
}
