//! The right-hand panel: annotator, label palette, and the selected highlight or focused comment.

use egui::{Button, Color32, RichText, Ui};

use super::actions::Action;
use super::app::{GlossApp, Outbox};
use super::colors::to_color32;
use super::fields::text_field_ui;
use crate::edit::{Command, TextField};
use crate::model::{Comment, DocId, LabelSchema};

/// Draws the inspector; every change goes out as a command through the app's outbox. The annotator and the label
/// palette stay at the top however long the rest grows.
pub(super) fn inspector_ui(ui: &mut Ui, app: &mut GlossApp) {
    let GlossApp { session, view, outbox, .. } = app;
    let project = session.project();
    text_field_ui(ui, "Annotator", &project.annotator, TextField::Annotator, false, outbox);
    ui.separator();
    let can_label = view.selection.is_some_and(|s| !s.is_empty()) || view.selected_span.is_some();
    let clicked_label = palette_ui(ui, &project.schema, can_label);
    // Wrapped, so a button that appears with a selection never widens the panel (and reflows the article).
    ui.horizontal_wrapped(|ui| {
        if ui.button("Guidelines").clicked() {
            outbox.actions.push(Action::Guidelines);
        }
        if ui.button("Edit labels…").clicked() {
            outbox.actions.push(Action::EditLabels);
        }
        if view.extend_target.is_some()
            && view.selection.is_some_and(|s| !s.is_empty())
            && ui
                .button("Add to highlight")
                .on_hover_text("Add the selection to the highlight selected before")
                .clicked()
        {
            outbox.actions.push(Action::AddRange);
        }
    });
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        let Some(doc) = view.doc.and_then(|id| project.document(id)) else { return };
        if let Some(span) = view.selected_span.and_then(|id| doc.span(id)) {
            if super::span_inspector::span_ui(ui, project, doc, span, outbox) {
                view.selected_span = None;
            }
            ui.separator();
        }
        if let Some(comment) = view.focused_comment.and_then(|id| doc.comment(id)) {
            if let Some(choice) = comment_ui(ui, doc.id, comment, &project.schema, outbox) {
                outbox.commands.push(Command::SetSentiment { doc: doc.id, comment: comment.id, sentiment: choice });
            }
            ui.separator();
        }
        super::document_details::document_details_ui(ui, project, doc, outbox);
    });
    if let Some(label) = clicked_label {
        app.apply_label(label);
    }
}

/// The label palette. Returns the label clicked.
fn palette_ui(ui: &mut Ui, schema: &LabelSchema, enabled: bool) -> Option<crate::model::LabelId> {
    ui.heading("Labels");
    if !enabled {
        ui.weak("Select text, then press a label's key or click it.");
    }
    let mut clicked = None;
    for label in &schema.span_labels {
        ui.horizontal(|ui| {
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
            ui.painter().rect_filled(swatch, 3.0, to_color32(label.color));
            let button = ui
                .add_enabled(enabled, Button::new(&label.name))
                .on_hover_text(&label.description)
                .on_disabled_hover_text(&label.description);
            if button.clicked() {
                clicked = Some(label.id);
            }
            if let Some(key) = label.key {
                ui.weak(key.to_uppercase().to_string());
            }
        });
    }
    clicked
}

/// The focused comment with its sentiment buttons. Returns the sentiment chosen (`Some(None)` to clear it).
fn comment_ui(
    ui: &mut Ui,
    doc: DocId,
    comment: &Comment,
    schema: &LabelSchema,
    outbox: &mut Outbox,
) -> Option<Option<crate::model::SentimentId>> {
    ui.heading("Comment");
    let number = comment.number.as_deref().map(|n| format!("#{n} ")).unwrap_or_default();
    ui.label(RichText::new(format!("{number}{}", comment.author)).strong());
    ui.label("Sentiment");
    let mut choice = None;
    ui.horizontal_wrapped(|ui| {
        for level in &schema.sentiments {
            let selected = comment.sentiment == Some(level.id);
            let text =
                RichText::new(&level.name).color(if selected { Color32::WHITE } else { to_color32(level.color) });
            let button = Button::selectable(selected, text).fill(if selected {
                to_color32(level.color)
            } else {
                Color32::TRANSPARENT
            });
            let hint = match level.key {
                Some(key) => format!("{} (key {})", level.description, key.to_uppercase()),
                None => level.description.clone(),
            };
            if ui.add(button).on_hover_text(hint).clicked() {
                choice = Some((!selected).then_some(level.id));
            }
        }
    });
    dimensions_ui(ui, doc, comment, schema, outbox);
    text_field_ui(ui, "Author", &comment.author, TextField::CommentAuthor(doc, comment.id), false, outbox);
    text_field_ui(ui, "Comment note", &comment.note, TextField::CommentNote(doc, comment.id), true, outbox);
    ui.weak("Right-click a comment to split it, merge it with the next, or move it back into the article.");
    choice
}

/// A row of buttons per further dimension (stance, toxicity …); clicking the value a comment has clears it.
fn dimensions_ui(ui: &mut Ui, doc: DocId, comment: &Comment, schema: &LabelSchema, outbox: &mut Outbox) {
    for dimension in &schema.dimensions {
        ui.label(&dimension.name).on_hover_text(&dimension.description);
        ui.horizontal_wrapped(|ui| {
            let current = comment.tags.get(&dimension.id).copied();
            for value in &dimension.values {
                let selected = current == Some(value.id);
                if ui.selectable_label(selected, &value.name).clicked() {
                    let value = (!selected).then_some(value.id);
                    outbox.commands.push(Command::SetCommentTag {
                        doc,
                        comment: comment.id,
                        dimension: dimension.id,
                        value,
                    });
                }
            }
        });
    }
}
