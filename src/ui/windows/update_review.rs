//! The review of an update from a newer version: each highlight whose text changed (placed where the alignment
//! proposes) or vanished (an orphan), with its old and new text side by side, and the four decisions: accept the
//! proposal, use the text selected in the document instead, keep it as an orphan, delete it. Below, the orphans
//! kept so far.

use egui::{RichText, ScrollArea, Ui};

use crate::edit::Command;
use crate::model::{Document, Reanchor, Reanchoring, SpanAnnotation, Target};
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;
use crate::update::review::{Resolution, pending, resolve};

/// The window's title, which is also its identity among egui's layers.
pub const TITLE: &str = "Review update";

/// Height of one entry of the list: three lines.
const ROW: f32 = 66.0;

/// The review window.
#[derive(Default)]
pub struct UpdateReviewWindow {
    /// Whether the window is open.
    pub open: bool,
}

/// Where a highlight lies, for the list.
fn place(doc: &Document, target: Target) -> String {
    match target {
        Target::Body => "article".to_owned(),
        Target::Comment(c) => match doc.comment(c) {
            Some(comment) if !comment.author.is_empty() => format!("comment by {}", comment.author),
            _ => "comment".to_owned(),
        },
    }
}

/// A quote on one line of the list.
fn one_line(ranges: &[crate::model::AnchoredRange]) -> String {
    crate::model::quote_of(ranges).replace('\n', " ")
}

impl UpdateReviewWindow {
    /// The window, while open.
    pub fn show(&mut self, egui: &egui::Context, cx: &mut Ctx<'_>) {
        if !self.open {
            return;
        }
        let mut open = self.open;
        super::window(TITLE).open(&mut open).default_width(560.0).default_height(480.0).show(egui, |ui| {
            match cx.doc() {
                Some(doc) => self.ui(ui, cx, doc),
                None => {
                    ui.label("Show a document to review its update.");
                }
            }
        });
        self.open = open;
    }

    /// The list of what is left to decide, and the orphans.
    fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>, doc: &Document) {
        let list = pending(doc);
        let edited: Vec<&Reanchoring> =
            list.iter().filter(|(e, _)| e.status == Reanchor::Edited).map(|(e, _)| *e).collect();
        if list.is_empty() {
            ui.label("Nothing to review: every highlight of this document is on its text.");
        } else {
            let gone = list.len() - edited.len();
            let mut parts = Vec::new();
            if !edited.is_empty() {
                parts.push(format!("{} whose text changed (placed where it went: check them)", edited.len()));
            }
            if gone > 0 {
                parts.push(format!("{gone} whose text is gone"));
            }
            ui.label(format!("{} highlight(s) to review: {}.", list.len(), parts.join(" and ")));
            ui.label(
                RichText::new("To re-select one by hand, select its text in the document, then click Use selection.")
                    .weak(),
            );
            let accept_all = match edited.len() {
                1 => "Accept the proposal".to_owned(),
                n => format!("Accept all {n} proposals"),
            };
            if !edited.is_empty() && ui.button(accept_all).clicked() {
                let at = jiff::Timestamp::now();
                let commands: Vec<Command> =
                    edited.iter().filter_map(|e| resolve(doc, e.span, Resolution::Accept, at).ok()).collect();
                cx.send(Intent::Edit(Command::batch("Accept updated highlights", commands)));
            }
        }
        ui.separator();
        let kept: Vec<&SpanAnnotation> =
            doc.orphans.iter().filter(|o| !doc.review.iter().any(|r| r.span == o.id)).collect();
        let list_height = if kept.is_empty() { ui.available_height() } else { ui.available_height() * 0.65 };
        ScrollArea::vertical().id_salt("review list").max_height(list_height).auto_shrink([false, true]).show_rows(
            ui,
            ROW,
            list.len(),
            |ui, rows| {
                for (entry, span) in &list[rows] {
                    self.entry_ui(ui, cx, doc, entry, span);
                }
            },
        );
        if kept.is_empty() {
            return;
        }
        ui.separator();
        ui.strong(format!("Orphans ({}): highlights whose text is gone, kept with their old quote", kept.len()));
        ScrollArea::vertical().id_salt("orphans").auto_shrink([false, true]).show_rows(
            ui,
            24.0,
            kept.len(),
            |ui, rows| {
                for span in &kept[rows] {
                    ui.horizontal(|ui| {
                        let label = cx.project.schema.label(span.label).map_or("?", |l| l.name.as_str());
                        ui.label(format!("{label}: \"{}\"", one_line(&span.ranges)));
                        self.selection_button_ui(ui, cx, doc, span);
                        if ui.button("Delete").on_hover_text("Delete this orphaned highlight").clicked() {
                            send(cx, resolve(doc, span.id, Resolution::Delete, jiff::Timestamp::now()));
                        }
                    });
                }
            },
        );
    }

    /// One highlight on the list: what it was, what it is now, and the decisions.
    fn entry_ui(&self, ui: &mut Ui, cx: &mut Ctx<'_>, doc: &Document, entry: &Reanchoring, span: &SpanAnnotation) {
        let label = cx.project.schema.label(span.label).map_or("?", |l| l.name.as_str());
        let at = jiff::Timestamp::now();
        ui.vertical(|ui| {
            ui.set_min_height(ROW - 6.0);
            ui.horizontal(|ui| {
                let status = if entry.status == Reanchor::Edited { "Text changed" } else { "Text gone" };
                ui.strong(format!("{status}: {label}, {}", place(doc, span.target)));
                if entry.status == Reanchor::Edited {
                    if ui.button("Show").on_hover_text("Show it in the document").clicked() {
                        super::show_text(cx, doc.id, span.target, (span.start(), span.end()));
                    }
                    if ui.button("Accept").on_hover_text("The proposed place is right").clicked() {
                        send(cx, resolve(doc, span.id, Resolution::Accept, at));
                    }
                }
                self.selection_button_ui(ui, cx, doc, span);
                let keep = ui.button("Keep as orphan").on_hover_text("Keep it with its old quote, on no text");
                if keep.clicked() {
                    send(cx, resolve(doc, span.id, Resolution::KeepOrphan, at));
                }
                if ui.button("Delete").on_hover_text("Delete this highlight").clicked() {
                    send(cx, resolve(doc, span.id, Resolution::Delete, at));
                }
            });
            ui.add(egui::Label::new(format!("was: \"{}\"", one_line(&entry.before))).truncate());
            let now = match entry.status {
                Reanchor::Orphaned => "now: its text is not in the newer version".to_owned(),
                _ => format!("now: \"{}\"", one_line(&span.ranges)),
            };
            ui.add(egui::Label::new(now).truncate());
        });
        ui.separator();
    }

    /// "Use selection": the highlight goes on the text selected in the document.
    fn selection_button_ui(&self, ui: &mut Ui, cx: &mut Ctx<'_>, doc: &Document, span: &SpanAnnotation) {
        let selected = cx.selection.selected_text().filter(|_| cx.selection.doc() == Some(doc.id));
        let button = ui
            .add_enabled(selected.is_some(), egui::Button::new("Use selection"))
            .on_hover_text("Put the highlight on the text selected in the document")
            .on_disabled_hover_text("Select the text it belongs on in the document first");
        if button.clicked()
            && let Some(selection) = selected
        {
            let ranges = vec![selection.range()];
            send(cx, resolve(doc, span.id, Resolution::Ranges(selection.target, ranges), jiff::Timestamp::now()));
        }
    }
}

/// Sends a decision's command; one that cannot be made says why in the status bar.
fn send(cx: &mut Ctx<'_>, command: Result<Command, crate::update::review::ReviewError>) {
    match command {
        Ok(command) => cx.send(Intent::Edit(command)),
        Err(why) => cx.send(Intent::Notice(why.to_string())),
    }
}
