//! Short notices that go by themselves ("Saved sample.ron"). They are said at the right of the status bar, the
//! newest one, so that they never cover the article or the inspector; the others wait behind it, counted, and
//! show on hover.

use egui::{RichText, Ui};

/// How long a short notice stays, in seconds; a long one stays longer, for the time it takes to read.
const LIFETIME: f64 = 4.0;

/// The notices not yet gone.
#[derive(Default)]
pub struct Toasts {
    /// Each notice and when it goes (set the first frame it is shown).
    items: Vec<(String, Option<f64>)>,
}

impl Toasts {
    /// Shows `message` for a few seconds.
    pub fn push(&mut self, message: impl Into<String>) {
        self.items.push((message.into(), None));
    }

    /// The notices not yet gone, oldest first.
    pub fn messages(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|(m, _)| m.as_str())
    }

    /// Starts the clock of new notices and drops those whose time is up; asks for a frame when the next goes.
    pub fn expire(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        for (message, expires) in &mut self.items {
            expires.get_or_insert(now + LIFETIME + message.chars().count() as f64 / 25.0);
        }
        self.items.retain(|(_, expires)| expires.is_some_and(|t| t > now));
        if !self.items.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
    }

    /// The newest notice, on one line (whole on hover), with how many others are waiting.
    pub fn ui(&self, ui: &mut Ui) {
        let Some((newest, _)) = self.items.last() else { return };
        let older = self.items.len() - 1;
        let text = if older > 0 { format!("{newest}  (+{older})") } else { newest.clone() };
        let all = self.messages().collect::<Vec<_>>().join("\n");
        ui.add(egui::Label::new(RichText::new(text).strong()).truncate()).on_hover_text(all);
    }
}
