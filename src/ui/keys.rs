//! The keyboard: action shortcuts, label keys on a selection, sentiment keys on a focused comment.

use egui::{Context, Key, Modifiers};

use super::actions::Action;
use super::app::GlossApp;
use crate::edit::{Command, SpanDraft};
use crate::model::text::trim_range;
use crate::model::{LabelId, SentimentId, Target};

impl GlossApp {
    /// Reads this frame's action shortcuts. Runs before the panels, so that Ctrl+Z undoes the project rather than
    /// the text field under the cursor.
    pub(super) fn handle_shortcuts(&mut self, ctx: &Context) {
        let typing = ctx.egui_wants_keyboard_input();
        for action in Action::by_shortcut_precedence() {
            if typing && action.needs_view_focus() {
                continue;
            }
            if action.shortcuts().iter().any(|s| ctx.input_mut(|i| i.consume_shortcut(s))) {
                if action.needs_view_focus() {
                    // Tab and the arrows also move egui's keyboard focus between widgets; the view took the key,
                    // so no widget takes the focus (which would then hold every later key).
                    ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
                }
                self.run_action(action);
            }
        }
    }

    /// Reads this frame's label and sentiment keys. Runs after the document view, so that a key pressed in the
    /// same frame as the mouse button is released applies to the selection just made. The keys are plain letters
    /// and digits, so they are left to a text field that has the keyboard.
    pub(super) fn handle_annotation_keys(&mut self, ctx: &Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        // Ctrl+V arrives as the pasted text; outside a text field it becomes a new document.
        let pasted = ctx.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::Paste(text) => Some(text.clone()),
                _ => None,
            })
        });
        if let Some(text) = pasted {
            self.paste(Some(text));
        }
        let project = self.session.project();
        let labels: Vec<(LabelId, char)> =
            project.schema.span_labels.iter().filter_map(|l| l.key.map(|k| (l.id, k))).collect();
        let levels: Vec<(SentimentId, char)> =
            project.schema.sentiments.iter().filter_map(|l| l.key.map(|k| (l.id, k))).collect();
        let pressed = |key: char| {
            Key::from_name(&key.to_string()).is_some_and(|k| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, k)))
        };
        if let Some(&(label, _)) = labels.iter().find(|&&(_, key)| pressed(key)) {
            self.apply_label(label);
        } else if let Some(&(level, _)) = levels.iter().find(|&&(_, key)| pressed(key)) {
            self.toggle_sentiment(level);
        }
    }

    /// Highlights the selected text with `label`, or gives the selected highlight that label.
    pub(super) fn apply_label(&mut self, label: LabelId) {
        let Some(doc) = self.view.doc else { return };
        if let Some(selection) = self.view.selection.filter(|s| !s.is_empty()) {
            let (start, end) = selection.range();
            let text = self.current_document().and_then(|d| d.target_text(selection.target));
            let Some((start, end)) = text.and_then(|t| trim_range(t, start, end)) else {
                self.toasts.push("The selection holds only white space.");
                return;
            };
            self.outbox.commands.push(Command::CreateSpan {
                doc,
                draft: SpanDraft {
                    target: selection.target,
                    ranges: vec![(start, end)],
                    label,
                    at: jiff::Timestamp::now(),
                },
            });
        } else if let Some(span) = self.view.selected_span {
            self.outbox.commands.push(Command::SetSpanLabel { doc, span, label, at: jiff::Timestamp::now() });
        } else {
            self.toasts.push("Select some text first, then choose a label.");
        }
    }

    /// Tags the focused comment with `level`, or clears the tag if it already has that level.
    pub(super) fn toggle_sentiment(&mut self, level: SentimentId) {
        let Some(doc) = self.current_document() else { return };
        let comment = self.view.focused_comment.or(match self.view.selection.map(|s| s.target) {
            Some(Target::Comment(c)) => Some(c),
            _ => None,
        });
        let Some(comment) = comment.and_then(|c| doc.comment(c)) else {
            self.toasts.push("Click a comment first, then choose its sentiment.");
            return;
        };
        let sentiment = (comment.sentiment != Some(level)).then_some(level);
        self.outbox.commands.push(Command::SetSentiment { doc: doc.id, comment: comment.id, sentiment });
        // Tagging by key moves on, so a run of comments is tagged without touching the mouse.
        if sentiment.is_some() && self.view.selection.is_none() {
            self.step_comment(1);
        }
    }
}
