//! The Suggest window: which kinds, for this document or the whole project; the languages each kind reads; how
//! many suggestions are open, with the keys that review them and a button per kind to accept them all.

use egui::Ui;

use crate::suggest::{Kind, Request};
use crate::ui::actions::Action;
use crate::ui::context::Ctx;
use crate::ui::intent::{Intent, Job};
use crate::ui::suggestions::Review;

/// The window's title, which is also its identity among egui's layers.
pub const TITLE: &str = "Suggestions";

/// The window's choices.
pub struct SuggestWindow {
    /// Whether the window is open.
    pub open: bool,
    /// The kinds to suggest, in [`Kind::ALL`] order.
    kinds: [bool; 3],
    /// The whole project rather than the document shown.
    whole_project: bool,
}

impl Default for SuggestWindow {
    fn default() -> Self {
        Self { open: false, kinds: [true; 3], whole_project: false }
    }
}

impl SuggestWindow {
    /// The window, while open.
    pub fn show(&mut self, egui: &egui::Context, cx: &mut Ctx<'_>) {
        let mut open = self.open;
        super::window(TITLE).open(&mut open).default_width(420.0).show(egui, |ui| self.ui(ui, cx));
        self.open = open;
    }

    /// The choices, the Suggest button and the open suggestions.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        ui.label("Suggestions are proposals, not annotations: they count nowhere until you accept them.");
        ui.add_space(4.0);
        for (kind, on) in Kind::ALL.into_iter().zip(&mut self.kinds) {
            let name = match kind {
                Kind::Quote => "Quotes, with speaker and cue",
                Kind::Statistic => "Statistics",
                Kind::Sentiment => "Comment sentiment (VADER)",
            };
            ui.checkbox(on, format!("{name} — reads {} only", kind.languages()));
        }
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.whole_project, false, "This document");
            ui.selectable_value(&mut self.whole_project, true, "Whole project");
        });
        let kinds: Vec<Kind> = Kind::ALL.into_iter().zip(self.kinds).filter(|(_, on)| *on).map(|(k, _)| k).collect();
        let doc = cx.doc().map(|d| d.id);
        ui.horizontal(|ui| {
            let ready = !kinds.is_empty() && doc.is_some();
            if ui.add_enabled(ready, egui::Button::new("Suggest")).clicked() {
                let document = if self.whole_project { None } else { doc };
                let request = Request { kinds: kinds.clone(), document, annotator: cx.project.annotator.clone() };
                cx.send(Intent::Review(Review::Run(request)));
            }
            if cx.status.suggesting && ui.button("Cancel").clicked() {
                cx.send(Intent::Cancel(Job::Suggest));
            }
            if cx.suggestions.open_count() > 0 && ui.button("Clear suggestions").clicked() {
                cx.send(Intent::Review(Review::Clear));
            }
        });
        if cx.status.suggesting {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Suggesting…");
            });
        }
        ui.separator();
        self.open_ui(ui, cx, doc);
    }

    /// The open suggestions of the document shown, kind by kind, with Accept all; then the review keys.
    fn open_ui(&self, ui: &mut Ui, cx: &mut Ctx<'_>, doc: Option<crate::model::DocId>) {
        let total = cx.suggestions.open_count();
        let here: usize = Kind::ALL.into_iter().map(|k| cx.suggestions.count(k, doc)).sum();
        ui.label(format!("{here} open in this document, {total} in all"));
        egui::Grid::new("suggestion_kinds").num_columns(2).show(ui, |ui| {
            for kind in Kind::ALL {
                let count = cx.suggestions.count(kind, doc);
                ui.label(format!("{}: {count}", kind.name()));
                let button = ui.add_enabled(count > 0, egui::Button::new(format!("Accept all {count}")));
                if button.clicked() {
                    cx.send(Intent::Review(Review::AcceptAll(Some(kind))));
                }
                ui.end_row();
            }
        });
        ui.separator();
        let reviewing = cx.suggestions.reviewing && cx.suggestions.current().is_some();
        if !reviewing && here > 0 && ui.button("Review (Tab)").clicked() {
            cx.send(Intent::Run(Action::NextSuggestion));
        }
        ui.weak(
            "While reviewing: Tab / Shift+Tab walk the suggestions, Enter or A accepts, X or Backspace rejects, a \
             label or sentiment key accepts with that label or level, dragging its handles, Shift+Right / \
             Shift+Left and Alt+Shift+Left / Alt+Shift+Right move its edges first, Shift+Enter accepts every suggestion of that kind in the document, Escape ends the review. Each step is undone with Ctrl+Z.",
        );
    }
}
