//! The right-hand panel: annotator, label palette, and the selected highlight or focused comment.

use egui::{Button, Color32, RichText, Ui};

use super::fields::text_field_ui;
use crate::edit::{Command, TextField};
use crate::model::{Comment, DocId, LabelSchema};
use crate::ui::actions::Action;
use crate::ui::colors::{name_color, text_on, to_color32};
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;

/// Draws the inspector. The annotator and the label palette stay at the top however long the rest grows.
pub fn inspector_ui(ui: &mut Ui, cx: &mut Ctx<'_>) {
    let project = cx.project;
    let selection = cx.selection;
    text_field_ui(ui, cx, ("Annotator", &project.annotator), TextField::Annotator, false, None);
    ui.separator();
    let can_label = selection.selected_text().is_some() || selection.span().is_some();
    let hint = if selection.selected_text().is_some() {
        "Press a label's key or click it to highlight the selection."
    } else if selection.span().is_some() {
        "Press a label's key or click it to change the highlight's label."
    } else {
        "Select text, then press a label's key or click it."
    };
    if let Some(label) = palette_ui(ui, &project.schema, can_label, hint) {
        cx.send(Intent::Label(label));
    }
    // Wrapped, so a button that appears with a selection never widens the panel (and reflows the article).
    ui.horizontal_wrapped(|ui| {
        if ui.button("Guidelines").clicked() {
            cx.send(Intent::Run(Action::Guidelines));
        }
        if ui.button("Edit labels…").clicked() {
            cx.send(Intent::Run(Action::EditLabels));
        }
        // Always there (greyed when it cannot act), so that the panel below never moves when it can.
        let can_add = selection.extend_target().is_some() && selection.selected_text().is_some();
        if ui
            .add_enabled(can_add, Button::new("Add to highlight"))
            .on_hover_text("Add the selection to the highlight selected before")
            .on_disabled_hover_text("Select a highlight, then further text, to add that text to it")
            .clicked()
        {
            cx.send(Intent::Run(Action::AddRange));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        let Some(doc) = selection.doc().and_then(|id| project.document(id)) else { return };
        if let Some(span) = selection.span().and_then(|id| doc.span(id)) {
            super::span_inspector::span_ui(ui, cx, doc, span);
            ui.separator();
        }
        if let Some(comment) = selection.comment().and_then(|id| doc.comment(id)) {
            comment_ui(ui, cx, doc.id, comment, &project.schema);
            ui.separator();
        }
        super::document_details::document_details_ui(ui, cx, doc);
    });
}

/// The label palette, under a hint that always takes two lines (so that the labels never move). Returns the
/// label clicked.
fn palette_ui(ui: &mut Ui, schema: &LabelSchema, enabled: bool, hint: &str) -> Option<crate::model::LabelId> {
    ui.heading("Labels");
    super::fixed_text::fixed_rows_ui(ui, RichText::new(hint).weak(), 2);
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

/// The focused comment with its sentiment buttons, its dimensions, author and note.
fn comment_ui(ui: &mut Ui, cx: &mut Ctx<'_>, doc: DocId, comment: &Comment, schema: &LabelSchema) {
    ui.heading("Comment");
    let number = comment.number.as_deref().map(|n| format!("#{n} ")).unwrap_or_default();
    ui.label(RichText::new(format!("{number}{}", comment.author)).strong());
    ui.label("Sentiment");
    ui.horizontal_wrapped(|ui| {
        for level in &schema.sentiments {
            let selected = comment.sentiment_of(&cx.project.annotator) == Some(level.id);
            let fill = to_color32(level.color);
            let text = RichText::new(&level.name).color(if selected {
                text_on(fill)
            } else {
                name_color(ui.visuals(), level.color)
            });
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
                let sentiment = (!selected).then_some(level.id);
                cx.send(Intent::Edit(Command::SetSentiment { doc, comment: comment.id, annotator: None, sentiment }));
            }
        }
    });
    others_ui(ui, cx.project, comment, schema);
    dimensions_ui(ui, cx, doc, comment, schema);
    text_field_ui(ui, cx, ("Author", &comment.author), TextField::CommentAuthor(doc, comment.id), false, None);
    text_field_ui(ui, cx, ("Comment note", &comment.note), TextField::CommentNote(doc, comment.id), true, None);
    ui.weak("Right-click a comment to split it, merge it with the next, or move it back into the article.");
}

/// What the other annotators of a merged project tagged on this comment, one line each, read-only: the buttons
/// above are the current annotator's.
fn others_ui(ui: &mut Ui, project: &crate::model::Project, comment: &Comment, schema: &LabelSchema) {
    for (who, tagging) in comment.tagged_by.iter().filter(|(who, _)| **who != project.annotator) {
        let mut parts: Vec<String> =
            tagging.sentiment.and_then(|s| schema.sentiment(s)).map(|l| l.name.clone()).into_iter().collect();
        for dimension in &schema.dimensions {
            if let Some(value) = comment.tag_value(who, dimension) {
                parts.push(format!("{}: {}", dimension.name, value.name));
            }
        }
        let who = if who.is_empty() { "Unnamed annotator" } else { who.as_str() };
        ui.weak(format!("{who}: {}", parts.join(", ")));
    }
}

/// A row of buttons per further dimension (stance, toxicity …); clicking the value a comment has clears it.
fn dimensions_ui(ui: &mut Ui, cx: &mut Ctx<'_>, doc: DocId, comment: &Comment, schema: &LabelSchema) {
    for dimension in &schema.dimensions {
        ui.label(&dimension.name).on_hover_text(&dimension.description);
        ui.horizontal_wrapped(|ui| {
            let current = comment.tag_of(&cx.project.annotator, dimension.id);
            for value in &dimension.values {
                let selected = current == Some(value.id);
                if ui.selectable_label(selected, &value.name).clicked() {
                    let value = (!selected).then_some(value.id);
                    let comment = comment.id;
                    cx.send(Intent::Edit(Command::SetCommentTag {
                        doc,
                        comment,
                        annotator: None,
                        dimension: dimension.id,
                        value,
                    }));
                }
            }
        });
    }
}
