//! The status bar: jobs under way, what is open, and what the keys do right now.

use egui::Ui;

use crate::ui::context::Ctx;
use crate::ui::intent::Intent;
use crate::ui::jobs::Jobs;
use crate::ui::panels::toasts::Toasts;

/// One line at the bottom of the window, notices at its right; a job's Cancel button sends an intent.
pub fn status_bar_ui(ui: &mut Ui, cx: &mut Ctx<'_>, jobs: &Jobs, toasts: &Toasts) {
    ui.horizontal(|ui| {
        if let Some(job) = jobs.progress_ui(ui) {
            cx.send(Intent::Cancel(job));
        }
        let project = cx.project;
        ui.label(format!("{} · {} document(s)", cx.status.name, project.documents.len()));
        ui.separator();
        let selection = cx.selection;
        let reviewed = cx.suggestions.current().filter(|_| cx.suggestions.reviewing);
        let hint = if let Some(s) = reviewed {
            review_hint(cx, s)
        } else if let Some(text) = selection.selected_text() {
            let (start, end) = text.range();
            format!("{} characters selected: press a label key or click a label", end - start)
        } else if selection.span().is_some() {
            "Highlight selected: press a label key to change it, Delete to remove it".to_owned()
        } else if selection.comment().is_some() {
            let keys: Vec<String> = project
                .schema
                .sentiments
                .iter()
                .filter_map(|l| l.key.map(|k| format!("{} {}", k.to_uppercase(), l.name)))
                .collect();
            format!("Comment focused: {}", keys.join(", "))
        } else {
            "Select text with the mouse to highlight it; click a comment to tag its sentiment".to_owned()
        };
        // The notice takes the room it needs at the right; the hint gives way (truncated, whole on hover).
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            toasts.ui(ui);
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(egui::Label::new(egui::RichText::new(hint).weak()).truncate());
            });
        });
    });
}

/// What the suggestion under review proposes, and the keys that decide it.
fn review_hint(cx: &Ctx<'_>, s: &crate::suggest::Suggestion) -> String {
    let schema = &cx.project.schema;
    let what = match s.kind {
        crate::suggest::Kind::Sentiment => {
            let level = s.level.and_then(|l| schema.sentiment(l)).map_or("?", |l| l.name.as_str());
            format!("sentiment {level} (VADER {:+.2})", s.score.unwrap_or_default())
        }
        _ => {
            let label = s.label.and_then(|l| schema.label(l)).map_or("?", |l| l.name.as_str());
            match &s.speaker {
                Some(speaker) => format!("{label} by {speaker}"),
                None => label.to_owned(),
            }
        }
    };
    let left = cx.doc().map_or(0, |d| cx.suggestions.in_document(d.id).count());
    format!(
        "Suggested {what} ({left} open here): Enter or A accepts, X rejects, a label key accepts as that label, \
         Shift+arrows move its edges, Shift+Enter accepts all of this kind, Tab goes on, Escape ends the review"
    )
}
