//! File ▸ New exercise from this project…: the teacher's instructions and the worked examples to keep, then the
//! file to write.

use crate::model::SpanId;
use crate::ui::context::Ctx;
use crate::ui::file_dialog::Purpose;
use crate::ui::intent::Intent;

/// The window's title, which is also its identity among egui's layers.
pub const TITLE: &str = "New exercise";

/// The new exercise window: what the teacher wrote and chose, and whether it is open.
#[derive(Default)]
pub struct ExerciseWindow {
    /// Whether the window is open.
    pub open: bool,
    /// What the class is asked to do.
    pub instructions: String,
    /// The key's highlights kept as worked examples.
    pub examples: Vec<SpanId>,
}

impl ExerciseWindow {
    /// The window, while open.
    pub fn show_if_open(&mut self, egui: &egui::Context, cx: &mut Ctx<'_>) {
        if !self.open {
            return;
        }
        let mut open = self.open;
        super::window(TITLE).open(&mut open).default_width(520.0).show(egui, |ui| self.contents_ui(ui, cx));
        self.open &= open;
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui, cx: &mut Ctx<'_>) {
        ui.label(
            "The exercise has this project's documents (with the same ids, so that each student's work is matched \
             to this key), its labels and guidelines, and none of its highlights or tags but the examples below.",
        );
        let label = ui.label("Instructions for the class:");
        ui.add(
            egui::TextEdit::multiline(&mut self.instructions)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text("Highlight every claim and every quote, and tag each comment's sentiment."),
        )
        .labelled_by(label.id);
        ui.label("Keep as worked examples:");
        egui::ScrollArea::vertical().max_height(220.0).show(ui, |ui| {
            let project = cx.project;
            if project.documents.iter().all(|d| d.spans.is_empty()) {
                ui.weak("This project has no highlights.");
            }
            for doc in &project.documents {
                for span in doc.spans_in_reading_order() {
                    let label = project.schema.label(span.label).map_or("?", |l| l.name.as_str());
                    let mut kept = self.examples.contains(&span.id);
                    let text = format!("{label}: \u{201c}{}\u{201d}", short(&span.quote()));
                    if ui.checkbox(&mut kept, text).changed() {
                        self.examples.retain(|s| *s != span.id);
                        if kept {
                            self.examples.push(span.id);
                        }
                    }
                }
            }
        });
        ui.add_space(6.0);
        if ui.button("Save the exercise as…").clicked() {
            cx.send(Intent::ChooseFile(Purpose::Exercise));
        }
    }
}

/// The first words of a quote, for a list.
fn short(quote: &str) -> String {
    let mut words: Vec<&str> = quote.split_whitespace().take(9).collect();
    if quote.split_whitespace().count() > words.len() {
        words.push("…");
    }
    words.join(" ")
}
