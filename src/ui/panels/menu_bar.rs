//! The menu bar, made from [`Action`].

use egui::{Button, Ui};

use crate::ui::actions::{Action, Menu};
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;

/// The menus; a click sends the action.
pub fn menu_bar_ui(ui: &mut Ui, cx: &mut Ctx<'_>) {
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.title(), |ui| menu_items_ui(ui, cx, menu));
        }
    });
}

/// File ▸ Open recent.
fn recent_ui(ui: &mut Ui, cx: &mut Ctx<'_>) {
    let recent: Vec<std::path::PathBuf> = cx.settings.recent.iter().filter(|p| p.is_file()).cloned().collect();
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in recent {
                let name =
                    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                    cx.send(Intent::Open(path));
                    ui.close();
                }
            }
        });
    });
}

/// The items of one menu, with their shortcuts, greyed where they cannot act now.
fn menu_items_ui(ui: &mut Ui, cx: &mut Ctx<'_>, menu: Menu) {
    for action in Action::in_menu(menu) {
        let status = cx.status;
        let (name, enabled) = match action {
            Action::Undo => match &status.undo {
                Some(name) => (format!("Undo {}", name.to_lowercase()), true),
                None => ("Undo".to_owned(), false),
            },
            Action::Redo => match &status.redo {
                Some(name) => (format!("Redo {}", name.to_lowercase()), true),
                None => ("Redo".to_owned(), false),
            },
            Action::RemoveHighlight => (action.name().to_owned(), cx.selection.span().is_some()),
            Action::ImportReport => (action.name().to_owned(), status.has_import_report),
            Action::SwitchTheme => (format!("Theme: {:?} (switch)", cx.settings.theme), true),
            _ => (action.name().to_owned(), true),
        };
        let toggle = match action {
            Action::ToggleSnap => Some(cx.settings.snap_to_words()),
            Action::AnnotationTable | Action::Guidelines | Action::Dashboard => {
                Some(status.open_windows.contains(&action))
            }
            _ => None,
        };
        let shortcut = action.shortcuts().first().map(|s| ui.ctx().format_shortcut(s)).unwrap_or_default();
        if matches!(
            action,
            Action::Save
                | Action::Export
                | Action::Quit
                | Action::AddRange
                | Action::Find
                | Action::NextHighlight
                | Action::NextDocument
                | Action::ToggleSnap
                | Action::ZoomIn
                | Action::Shortcuts
        ) {
            ui.separator();
        }
        let clicked = match toggle {
            Some(mut on) => ui.checkbox(&mut on, name).clicked(),
            None => ui.add_enabled(enabled, Button::new(name).shortcut_text(shortcut)).clicked(),
        };
        if clicked {
            cx.send(Intent::Run(action));
            ui.close();
        }
        if action == Action::Open {
            recent_ui(ui, cx);
        }
    }
}
