//! The keyboard: action shortcuts, label keys on a selection, sentiment keys on a focused comment. Keys are
//! read here and sent as intents like every click.

use egui::{Key, Modifiers};

use super::GlossApp;
use crate::model::{LabelId, SentimentId};
use crate::suggest::Instead;
use crate::ui::actions::Action;
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;
use crate::ui::suggestions::Review;

impl GlossApp {
    /// Reads this frame's action shortcuts. Runs before the panels, so that Ctrl+Z reaches the project rather
    /// than the text field under the cursor.
    pub(super) fn read_shortcuts(&mut self, egui: &egui::Context) {
        let typing = egui.egui_wants_keyboard_input();
        // An open menu (or context menu) closes on Escape by itself: the key is left to it.
        let menu_open = egui::Popup::is_any_open(egui);
        let reviewing = self.reviewing();
        // While reviewing, the review keys come first: Tab walks suggestions rather than highlights.
        let mut actions = Action::by_shortcut_precedence();
        actions.sort_by_key(|a| !a.reviews());
        for action in actions {
            if typing && action.needs_view_focus()
                || menu_open && action == Action::ClearSelection
                || action.reviews() && !reviewing
            {
                continue;
            }
            if action.shortcuts().iter().any(|s| egui.input_mut(|i| i.consume_shortcut(s))) {
                if action.needs_view_focus() {
                    // Tab and the arrows also move egui's keyboard focus between widgets; the view took the key,
                    // so no widget takes the focus (which would then hold every later key).
                    egui.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
                }
                self.intents.send(Intent::Run(action));
            }
        }
    }
}

/// Reads this frame's label and sentiment keys. Runs after the document view, so that a key pressed in the same
/// frame as the mouse button is released applies to the selection just made. The keys are plain letters and
/// digits, so they are left to a text field that has the keyboard.
pub(super) fn annotation_keys(egui: &egui::Context, cx: &mut Ctx<'_>) {
    if egui.egui_wants_keyboard_input() {
        return;
    }
    // Ctrl+V arrives as the pasted text; outside a text field it becomes a new document.
    let pasted = egui.input(|i| {
        i.events.iter().find_map(|e| match e {
            egui::Event::Paste(text) => Some(text.clone()),
            _ => None,
        })
    });
    if let Some(text) = pasted {
        cx.send(Intent::Paste(Some(text)));
    }
    let schema = &cx.project.schema;
    let labels: Vec<(LabelId, char)> = schema.span_labels.iter().filter_map(|l| l.key.map(|k| (l.id, k))).collect();
    let levels: Vec<(SentimentId, char)> = schema.sentiments.iter().filter_map(|l| l.key.map(|k| (l.id, k))).collect();
    let pressed = |key: char| {
        Key::from_name(&key.to_string()).is_some_and(|k| egui.input_mut(|i| i.consume_key(Modifiers::NONE, k)))
    };
    let reviewed = cx.suggestions.current().filter(|_| cx.suggestions.reviewing).map(|s| s.kind);
    if let Some(kind) = reviewed {
        // A label key accepts the highlight under review with that label; a sentiment key, the comment's tag with
        // that level.
        let instead = if kind == crate::suggest::Kind::Sentiment {
            levels.iter().find(|&&(_, key)| pressed(key)).map(|&(level, _)| Instead::Level(level))
        } else {
            labels.iter().find(|&&(_, key)| pressed(key)).map(|&(label, _)| Instead::Label(label))
        };
        if let Some(instead) = instead {
            cx.send(Intent::Review(Review::Accept(Some(instead))));
        }
        return;
    }
    if let Some(&(label, _)) = labels.iter().find(|&&(_, key)| pressed(key)) {
        cx.send(Intent::Label(label));
    } else if let Some(&(level, _)) = levels.iter().find(|&&(_, key)| pressed(key)) {
        cx.send(Intent::Sentiment(level));
    }
}
