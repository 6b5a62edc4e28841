//! The selected highlight in the inspector: label, quote, speaker (with the speakers already in the project
//! suggested), check-worthy, verdict and note.

use egui::{RichText, Ui};

use super::fields::text_field_ui;
use crate::edit::{Command, SpanAttribute, TextField};
use crate::model::{Document, SpanAnnotation, Target, Verdict};
use crate::ui::actions::Action;
use crate::ui::colors::name_color;
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;

/// Draws the highlight's details; every change is an intent.
pub fn span_ui(ui: &mut Ui, cx: &mut Ctx<'_>, doc: &Document, span: &SpanAnnotation) {
    ui.heading("Highlight");
    if let Some(label) = cx.project.schema.label(span.label) {
        let color = name_color(ui.visuals(), label.color);
        ui.label(RichText::new(&label.name).color(color).strong()).on_hover_text(&label.description);
    }
    // The highlight's own text, without added quotation marks (a quote that begins with its own “ would show
    // two), in a box of three lines whatever its length, so that the fields below never move.
    super::fixed_text::fixed_rows_ui(ui, RichText::new(span.quote().trim()).italics(), 3);
    let place = match span.target {
        Target::Body => "in the article".to_owned(),
        Target::Comment(id) => {
            doc.comment(id).map_or_else(|| "in a comment".to_owned(), |c| format!("in the comment of {}", c.author))
        }
    };
    let parts = if span.ranges.len() > 1 { format!(", {} parts", span.ranges.len()) } else { String::new() };
    // One line however long the commenter's name, so that what follows keeps its place.
    let place = format!("{place}, characters {}–{}{parts}", span.start(), span.end());
    ui.add(egui::Label::new(RichText::new(place).weak()).truncate());
    let at = Some(jiff::Timestamp::now());
    let speaker = TextField::SpanSpeaker(doc.id, span.id);
    text_field_ui(ui, cx, ("Speaker / source", &span.speaker), speaker, false, at);
    speaker_suggestions_ui(ui, cx, doc, span);
    let now = jiff::Timestamp::now();
    let attribute =
        |attribute| Intent::Edit(Command::SetSpanAttribute { doc: doc.id, span: span.id, attribute, at: now });
    ui.horizontal(|ui| {
        ui.label("Check-worthy:");
        for (value, name) in [(Some(true), "Yes"), (Some(false), "No"), (None, "Undecided")] {
            if ui.selectable_label(span.check_worthy == value, name).clicked() && span.check_worthy != value {
                cx.send(attribute(SpanAttribute::CheckWorthy(value)));
            }
        }
    });
    ui.label("Verdict:");
    ui.horizontal_wrapped(|ui| {
        for verdict in Verdict::ALL {
            if ui.selectable_label(span.verdict == verdict, verdict.name()).clicked() && span.verdict != verdict {
                cx.send(attribute(SpanAttribute::Verdict(verdict)));
            }
        }
    });
    text_field_ui(ui, cx, ("Note", &span.note), TextField::SpanNote(doc.id, span.id), true, at);
    if !span.annotator.is_empty() {
        ui.weak(format!("by {}", span.annotator));
    }
    ui.weak("Shift+arrows move the end, Alt+Shift+arrows the start, a word at a time.");
    if ui.button("Remove highlight").clicked() {
        cx.send(Intent::Run(Action::RemoveHighlight));
    }
}

/// Speakers already named in the project that begin like what is typed, as buttons that fill it in.
fn speaker_suggestions_ui(ui: &mut Ui, cx: &mut Ctx<'_>, doc: &Document, span: &SpanAnnotation) {
    let typed = span.speaker.trim().to_lowercase();
    let mut speakers: Vec<&str> = cx
        .project
        .documents
        .iter()
        .flat_map(|d| d.spans.iter().map(|s| s.speaker.trim()))
        .filter(|s| !s.is_empty() && s.to_lowercase() != typed && s.to_lowercase().starts_with(&typed))
        .collect();
    speakers.sort_unstable();
    speakers.dedup();
    if speakers.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak("Known:");
        for speaker in speakers.into_iter().take(6) {
            if ui.small_button(speaker).on_hover_text("Use this speaker").clicked() {
                cx.send(Intent::Edit(Command::SetText {
                    field: TextField::SpanSpeaker(doc.id, span.id),
                    value: speaker.to_owned(),
                    at: Some(jiff::Timestamp::now()),
                }));
                cx.send(Intent::Seal);
            }
        }
    });
}
