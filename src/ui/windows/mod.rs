//! The windows over the workspace, each a type that owns its state and its open flag and draws itself with the
//! frame's [`Ctx`]; and the modal questions (`questions`, `path_prompt`) whose answers the app acts on.

pub mod agreement;
pub mod class;
pub mod conflicts;
pub mod dashboard;
pub mod error_note;
pub mod exercise;
pub mod export;
pub mod import_report;
pub mod labels_editor;
pub mod name_prompt;
pub mod palette;
pub mod path_prompt;
pub mod questions;
pub mod suggest;
pub mod table;
pub mod update_review;

use super::actions::Action;
use super::context::Ctx;

/// A window titled `title`, with an id made from the title so that [`Windows`] can tell which is on top.
fn window(title: &'static str) -> egui::Window<'static> {
    egui::Window::new(title).id(window_id(title))
}

/// The id of the window titled `title`.
fn window_id(title: &'static str) -> egui::Id {
    egui::Id::unique(("gloss window", title))
}

/// Shows `start..end` of `target` in document `doc`, selected and brought into view: where a window's list points
/// in the article.
fn show_text(cx: &mut Ctx<'_>, doc: crate::model::DocId, target: crate::model::Target, (start, end): (usize, usize)) {
    use crate::ui::intent::Intent;
    if cx.selection.doc() != Some(doc) {
        cx.send(Intent::Show(doc));
    }
    cx.send(Intent::SelectText(Some(crate::ui::selection::TextSelection { target, anchor: start, head: end })));
    cx.send(Intent::Reveal(target, start));
}

/// A column header of a sortable table: its title with an arrow where the table is sorted by it; true when clicked.
fn sort_header_ui<S: PartialEq>(ui: &mut egui::Ui, title: &str, column: &S, sorted: (&S, bool)) -> bool {
    let arrow = match sorted {
        (s, false) if s == column => " ^",
        (s, true) if s == column => " v",
        _ => "",
    };
    ui.button(format!("{title}{arrow}")).clicked()
}

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
    /// A class compared with the key.
    pub class: class::ClassWindow,
    /// Agreement among annotators.
    pub agreement: agreement::AgreementWindow,
    /// What a three-way merge left to decide.
    pub conflicts: conflicts::ConflictsWindow,
    /// A new exercise from the project.
    pub exercise: exercise::ExerciseWindow,
    /// Suggestions: what to suggest, and what is open.
    pub suggest: suggest::SuggestWindow,
    /// What an update left to decide.
    pub update_review: update_review::UpdateReviewWindow,
    /// The windows in the order they were opened, the last on top; Escape closes from the top.
    stack: Vec<Action>,
    /// The window egui drew on top last frame (the one clicked last), which Escape closes first.
    top: Option<egui::LayerId>,
}

impl Windows {
    /// Draws every open window.
    pub fn show(&mut self, egui: &egui::Context, cx: &mut Ctx<'_>) {
        self.top = egui.memory(|m| m.areas().top_layer_id(egui::Order::Middle));
        self.table.show(egui, cx);
        self.guidelines.show(egui, cx);
        self.shortcuts.show(egui, cx);
        self.labels.show(egui, cx);
        self.export.show(egui, cx);
        self.dashboard.show(egui, cx);
        self.palette.show(egui, cx);
        self.import_report.show(egui);
        self.class.show(egui, cx);
        self.agreement.show(egui, cx);
        self.conflicts.show_if_open(egui, cx);
        self.exercise.show_if_open(egui, cx);
        if self.suggest.open {
            self.suggest.show(egui, cx);
        }
        self.update_review.show(egui, cx);
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
            (Action::MergeConflicts, self.conflicts.open),
            (Action::Suggest, self.suggest.open),
            (Action::ReviewUpdate, self.update_review.open),
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

    /// Closes the window on top (the one clicked last, else the one opened last that is still open); false if
    /// none is open.
    pub fn close_top(&mut self) -> bool {
        let clicked = self.stack.iter().rev().copied().find(|&action| {
            Self::title(action)
                .is_some_and(|title| self.top == Some(egui::LayerId::new(egui::Order::Middle, window_id(title))))
        });
        if let Some(action) = clicked {
            self.stack.retain(|a| *a != action);
            if let Some(flag) = self.flag(action)
                && *flag
            {
                *flag = false;
                return true;
            }
        }
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

    /// The title of the window `action` opens, by which egui knows its layer.
    fn title(action: Action) -> Option<&'static str> {
        Some(match action {
            Action::AnnotationTable => table::TITLE,
            Action::Guidelines => labels_editor::GUIDELINES_TITLE,
            Action::Dashboard => dashboard::TITLE,
            Action::EditLabels => labels_editor::LABELS_TITLE,
            Action::Shortcuts => palette::SHORTCUTS_TITLE,
            Action::Export => export::TITLE,
            Action::ImportReport => import_report::TITLE,
            Action::CompareStudents => class::TITLE,
            Action::AgreeWithOthers | Action::AgreeWithin => agreement::TITLE,
            Action::MergeConflicts => conflicts::TITLE,
            Action::NewExercise => exercise::TITLE,
            Action::Suggest => suggest::TITLE,
            Action::ReviewUpdate => update_review::TITLE,
            _ => return None,
        })
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
            Action::CompareStudents => &mut self.class.open,
            Action::AgreeWithOthers | Action::AgreeWithin => &mut self.agreement.open,
            Action::MergeConflicts => &mut self.conflicts.open,
            Action::NewExercise => &mut self.exercise.open,
            Action::Suggest => &mut self.suggest.open,
            Action::ReviewUpdate => &mut self.update_review.open,
            _ => return None,
        })
    }
}
