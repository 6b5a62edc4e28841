//! The menu bar and the status bar.

use egui::{Button, Ui};

use super::actions::{Action, Menu};
use super::app::GlossApp;

/// The menus, made from [`Action`].
pub(super) fn menu_bar_ui(ui: &mut Ui, app: &mut GlossApp) {
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.title(), |ui| {
                if menu == Menu::File {
                    recent_ui(ui, app);
                }
                menu_items_ui(ui, app, menu);
            });
        }
    });
}

/// File ▸ Open recent.
fn recent_ui(ui: &mut Ui, app: &mut GlossApp) {
    let recent: Vec<std::path::PathBuf> = app.settings.recent.iter().filter(|p| p.is_file()).cloned().collect();
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in recent {
                let name =
                    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                    app.guard(super::app::Pending::Open(path));
                    ui.close();
                }
            }
        });
    });
}

fn menu_items_ui(ui: &mut Ui, app: &mut GlossApp, menu: Menu) {
    for action in Action::in_menu(menu) {
        let (name, enabled) = match action {
            Action::Undo => match app.session.editor().undo_name() {
                Some(name) => (format!("Undo {}", name.to_lowercase()), true),
                None => ("Undo".to_owned(), false),
            },
            Action::Redo => match app.session.editor().redo_name() {
                Some(name) => (format!("Redo {}", name.to_lowercase()), true),
                None => ("Redo".to_owned(), false),
            },
            Action::RemoveHighlight => (action.name().to_owned(), app.view.selected_span.is_some()),
            Action::ImportReport => (action.name().to_owned(), app.import_report.is_some()),
            Action::SwitchTheme => (format!("Theme: {:?} (switch)", app.settings.theme), true),
            _ => (action.name().to_owned(), true),
        };
        let toggle = match action {
            Action::ToggleSnap => Some(app.view.snap_to_words),
            Action::AnnotationTable => Some(app.panes.table_open),
            Action::Guidelines => Some(app.panes.guidelines_open),
            Action::Dashboard => Some(app.panes.dashboard.open),
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
            app.outbox.actions.push(action);
            ui.close();
        }
    }
}

/// What is open, and what the keys do right now.
pub(super) fn status_bar_ui(ui: &mut Ui, app: &GlossApp) {
    ui.horizontal(|ui| {
        if let Some(job) = &app.import_job {
            job.progress_ui(ui);
            ui.separator();
        }
        if let Some(job) = &app.export_job {
            job.progress_ui(ui);
            ui.separator();
        }
        if let Some(job) = &app.open_job {
            job.progress_ui(ui, false);
            ui.separator();
        }
        let project = app.session.project();
        ui.label(format!("{} · {} document(s)", app.display_name(), project.documents.len()));
        ui.separator();
        let hint = if let Some(selection) = app.view.selection.filter(|s| !s.is_empty()) {
            let (start, end) = selection.range();
            format!("{} characters selected: press a label key or click a label", end - start)
        } else if app.view.selected_span.is_some() {
            "Highlight selected: press a label key to change it, Delete to remove it".to_owned()
        } else if app.view.focused_comment.is_some() {
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
        ui.weak(hint);
    });
}
