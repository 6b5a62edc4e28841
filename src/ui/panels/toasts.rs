//! Short notices that fade by themselves ("Saved sample.ron").

use egui::{Align2, Context, Id};

/// How long a notice stays, in seconds.
const LIFETIME: f64 = 4.0;

/// The notices on screen.
#[derive(Default)]
pub struct Toasts {
    items: Vec<(String, Option<f64>)>,
}

impl Toasts {
    /// Shows `message` for a few seconds.
    pub fn push(&mut self, message: impl Into<String>) {
        self.items.push((message.into(), None));
    }

    /// The notices shown now, oldest first.
    pub fn messages(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|(m, _)| m.as_str())
    }

    /// Draws the notices in the bottom-right corner and drops expired ones.
    pub fn ui(&mut self, ctx: &Context) {
        let now = ctx.input(|i| i.time);
        for (_, expires) in &mut self.items {
            expires.get_or_insert(now + LIFETIME);
        }
        self.items.retain(|(_, expires)| expires.is_some_and(|t| t > now));
        if self.items.is_empty() {
            return;
        }
        egui::Area::new(Id::unique("toasts"))
            .anchor(Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -40.0))
            .order(egui::Order::Foreground)
            .interactable(false)
            .show(ctx, |ui| {
                for (message, _) in &self.items {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.label(message);
                    });
                }
            });
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
    }
}
