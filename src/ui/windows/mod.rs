//! The windows over the workspace, each a type that owns its state and its open flag and draws itself with the
//! frame's [`Ctx`]; and the modal questions (`questions`, `path_prompt`) whose answers the app acts on.

pub mod dashboard;
pub mod export;
pub mod import_report;
pub mod labels_editor;
pub mod palette;
pub mod path_prompt;
pub mod questions;
pub mod table;

use super::actions::Action;
use super::context::Ctx;

/// Every window of the workspace.
#[derive(Default)]
pub struct Windows {
    /// The annotation table.
    pub table: table::AnnotationTable,
    /// The guidelines.
    pub guidelines: labels_editor::GuidelinesWindow,
    /// The label editor.
    pub labels: labels_editor::LabelsWindow,
    /// The list of shortcuts.
    pub shortcuts: palette::ShortcutsWindow,
    /// The command palette.
    pub palette: palette::PaletteWindow,
    /// The export window.
    pub export: export::ExportWindow,
    /// The numbers.
    pub dashboard: dashboard::Dashboard,
    /// The report of the last import.
    pub import_report: import_report::ImportReportWindow,
    /// The windows in the order they were opened, the last on top; Escape closes from the top.
    stack: Vec<Action>,
}

impl Windows {
    /// Draws every open window.
    pub fn show(&mut self, egui: &egui::Context, cx: &mut Ctx<'_>) {
        self.table.show(egui, cx);
        self.guidelines.show(egui, cx);
        self.shortcuts.show(egui, cx);
        self.labels.show(egui, cx);
        self.export.show(egui, cx);
        self.dashboard.show(egui, cx);
        self.palette.show(egui, cx);
        self.import_report.show(egui);
    }

    /// Whether a modal of a window has the keyboard (the palette, a label change's question).
    pub fn modal(&self) -> bool {
        self.palette.is_open() || self.labels.asking()
    }

    /// The actions whose windows are open now, for the menus' ticks.
    pub fn open(&self) -> Vec<Action> {
        let mut open = Vec::new();
        for (action, is_open) in [
            (Action::AnnotationTable, self.table.open),
            (Action::Guidelines, self.guidelines.open),
            (Action::Dashboard, self.dashboard.open),
        ] {
            if is_open {
                open.push(action);
            }
        }
        open
    }

    /// Opens or closes the window of `action`; `false` if it has none.
    pub fn toggle(&mut self, action: Action) -> bool {
        let Some(flag) = self.flag(action) else { return false };
        *flag = !*flag;
        let now_open = *flag;
        self.stack.retain(|a| *a != action);
        if now_open {
            self.stack.push(action);
        }
        true
    }

    /// Opens the window of `action` (if it has one), on top of the others.
    pub fn open_window(&mut self, action: Action) {
        if let Some(flag) = self.flag(action) {
            *flag = true;
            self.stack.retain(|a| *a != action);
            self.stack.push(action);
        }
    }

    /// Closes the window on top (the one opened last that is still open); false if none is open.
    pub fn close_top(&mut self) -> bool {
        while let Some(action) = self.stack.pop() {
            if let Some(flag) = self.flag(action)
                && *flag
            {
                *flag = false;
                return true;
            }
        }
        false
    }

    /// The open flag of the window `action` opens.
    fn flag(&mut self, action: Action) -> Option<&mut bool> {
        Some(match action {
            Action::AnnotationTable => &mut self.table.open,
            Action::Guidelines => &mut self.guidelines.open,
            Action::Dashboard => &mut self.dashboard.open,
            Action::EditLabels => &mut self.labels.open,
            Action::Shortcuts => &mut self.shortcuts.open,
            Action::Export => &mut self.export.open,
            Action::ImportReport => &mut self.import_report.open,
            _ => return None,
        })
    }
}
