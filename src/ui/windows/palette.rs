//! The command palette (Ctrl+Shift+P): every action by name, run by typing a few letters; and the list of every
//! shortcut (F1). Both are made from the one action table.

use egui::{Id, Key, Modal, Ui};

use crate::model::LabelSchema;
use crate::ui::actions::{Action, Menu};
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;

/// The shortcuts window's title, which is also its identity among egui's layers.
pub const SHORTCUTS_TITLE: &str = "Keyboard shortcuts";

/// The command palette: open while it has a state.
#[derive(Default)]
pub struct PaletteWindow {
    open: Option<Palette>,
}

impl PaletteWindow {
    /// Opens the palette afresh.
    pub fn open(&mut self) {
        self.open = Some(Palette::default());
    }

    /// Whether it is open (it is modal).
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// The palette, while open; the action chosen is sent, and the palette closes.
    pub fn show(&mut self, egui: &egui::Context, cx: &mut Ctx<'_>) {
        let Some(palette) = &mut self.open else { return };
        match palette.ui(egui) {
            PaletteStep::Open => {}
            PaletteStep::Run(action) => {
                self.open = None;
                cx.send(Intent::Run(action));
            }
            PaletteStep::Close => self.open = None,
        }
    }
}

/// The list of every shortcut (F1).
#[derive(Default)]
pub struct ShortcutsWindow {
    /// Whether the window is open.
    pub open: bool,
}

impl ShortcutsWindow {
    /// The window, while open.
    pub fn show(&mut self, egui: &egui::Context, cx: &Ctx<'_>) {
        let mut open = self.open;
        super::window(SHORTCUTS_TITLE)
            .open(&mut open)
            .default_width(460.0)
            .default_height(520.0)
            .show(egui, |ui| shortcuts_ui(ui, &cx.project.schema));
        self.open = open;
    }
}

/// The palette's state while it is open.
#[derive(Default)]
struct Palette {
    query: String,
    selected: usize,
    focused: bool,
}

/// The actions whose name holds every word of `query`: first those where more of the words begin a word of the
/// name ("light" finds the theme before "Add selection to highlight"), each group in menu order.
pub fn matching(query: &str) -> Vec<Action> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut found: Vec<(usize, Action)> = Action::all()
        .filter_map(|action| {
            let name = action.name().to_lowercase();
            let starts: Vec<&str> = name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            words.iter().all(|w| name.contains(w.as_str())).then(|| {
                let at_start = words.iter().filter(|w| starts.iter().any(|s| s.starts_with(w.as_str()))).count();
                (at_start, action)
            })
        })
        .collect();
    // A stable sort keeps the menu order within each group.
    found.sort_by_key(|(at_start, _)| std::cmp::Reverse(*at_start));
    found.into_iter().map(|(_, action)| action).collect()
}

/// What the palette's user did this frame.
enum PaletteStep {
    /// Keep it open.
    Open,
    /// Run this action (and close).
    Run(Action),
    /// Close without running anything.
    Close,
}

impl Palette {
    /// Shows the palette; Up and Down choose, Enter runs, Escape closes.
    fn ui(&mut self, ctx: &egui::Context) -> PaletteStep {
        let found = matching(&self.query);
        self.selected = self.selected.min(found.len().saturating_sub(1));
        let modal = Modal::new(Id::unique("command_palette")).show(ctx, |ui| {
            ui.set_width(460.0);
            let label = ui.label("Run an action:");
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .desired_width(f32::INFINITY)
                    .hint_text("type part of its name"),
            );
            let field = field.labelled_by(label.id);
            if !self.focused {
                field.request_focus();
                self.focused = true;
            }
            let (down, up, enter) =
                ui.input(|i| (i.key_pressed(Key::ArrowDown), i.key_pressed(Key::ArrowUp), i.key_pressed(Key::Enter)));
            if down {
                self.selected = (self.selected + 1).min(found.len().saturating_sub(1));
            }
            if up {
                self.selected = self.selected.saturating_sub(1);
            }
            if enter && let Some(action) = found.get(self.selected) {
                return PaletteStep::Run(*action);
            }
            ui.separator();
            let mut answer = PaletteStep::Open;
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                for (index, action) in found.iter().enumerate() {
                    let keys = shortcut_text(ui.ctx(), *action);
                    let text =
                        if keys.is_empty() { action.name().to_owned() } else { format!("{}    {keys}", action.name()) };
                    if ui.selectable_label(index == self.selected, text).clicked() {
                        answer = PaletteStep::Run(*action);
                    }
                }
                if found.is_empty() {
                    ui.weak("No action has that name.");
                }
            });
            answer
        });
        if modal.should_close() {
            return PaletteStep::Close;
        }
        modal.inner
    }
}

/// The action's shortcuts as text, e.g. "Ctrl+Shift+Z, Ctrl+Y".
pub fn shortcut_text(ctx: &egui::Context, action: Action) -> String {
    action.shortcuts().iter().map(|s| ctx.format_shortcut(s)).collect::<Vec<_>>().join(", ")
}

/// Every shortcut: the actions by menu, the label and sentiment keys of this project, and the mouse.
fn shortcuts_ui(ui: &mut Ui, schema: &LabelSchema) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::Grid::new("shortcuts").striped(true).num_columns(2).show(ui, |ui| {
            for menu in Menu::ALL {
                ui.strong(menu.title());
                ui.end_row();
                for action in Action::in_menu(menu) {
                    ui.label(action.name());
                    ui.label(shortcut_text(ui.ctx(), action));
                    ui.end_row();
                }
            }
            ui.strong("Labels (on selected text or a selected highlight)");
            ui.end_row();
            for label in &schema.span_labels {
                ui.label(&label.name);
                ui.label(label.key.map(|k| k.to_uppercase().to_string()).unwrap_or_default());
                ui.end_row();
            }
            ui.strong("Sentiment (on the focused comment; the focus then moves on)");
            ui.end_row();
            for level in &schema.sentiments {
                ui.label(&level.name);
                ui.label(level.key.map(|k| k.to_uppercase().to_string()).unwrap_or_default());
                ui.end_row();
            }
            ui.strong("Mouse");
            ui.end_row();
            for (what, how) in [
                ("Select text", "drag; double-click for a word"),
                ("Select a highlight or focus a comment", "click it"),
                ("Repair the article's split", "right-click a paragraph or comment"),
                ("Scroll", "wheel; Page Up, Page Down, Home, End"),
            ] {
                ui.label(what);
                ui.label(how);
                ui.end_row();
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_finds_actions_by_words_of_their_name() {
        assert_eq!(matching("undo"), [Action::Undo]);
        assert!(matching("next").contains(&Action::NextComment));
        assert!(matching("zoom in").contains(&Action::ZoomIn));
        assert_eq!(matching("").len(), Action::all().count());
        assert!(matching("no such thing").is_empty());
        assert_eq!(matching("light").first(), Some(&Action::SwitchTheme), "a word's start before its middle");
        assert!(matching("light").contains(&Action::AddRange), "the middle of a word still counts");
    }
}
