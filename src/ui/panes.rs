//! The windows that open over the workspace: annotation table, guidelines, label editor, shortcuts, command
//! palette, and the question before a label change that removes annotations.

use egui::{Context, Id, Modal};

use super::app::GlossApp;
use super::labels_editor::{EditorRequest, PendingChange, guidelines_ui, labels_editor_ui};
use super::palette::{Palette, PaletteAnswer, shortcuts_ui};
use super::table::AnnotationTable;
use crate::edit::Command;

/// Which windows are open, and their state.
#[derive(Default)]
pub struct Panes {
    /// The annotation table.
    pub table_open: bool,
    /// Its settings and rows.
    pub table: AnnotationTable,
    /// The guidelines.
    pub guidelines_open: bool,
    /// The label editor.
    pub labels_open: bool,
    /// The list of shortcuts.
    pub shortcuts_open: bool,
    /// The command palette, while open.
    pub palette: Option<Palette>,
    /// A label change waiting for "Delete" or "Cancel".
    pub pending: Option<PendingChange>,
    /// Words the document list is filtered by.
    pub doc_filter: String,
    /// The export window.
    pub export: super::export_job::ExportPane,
    /// The numbers window.
    pub dashboard: super::dashboard::Dashboard,
}

impl GlossApp {
    /// Draws the open windows and carries out what they ask for.
    pub(super) fn panes_ui(&mut self, ctx: &Context) {
        self.table_window(ctx);
        let project = self.session.project();
        let mut open = self.panes.guidelines_open;
        egui::Window::new("Guidelines").open(&mut open).default_width(420.0).show(ctx, |ui| guidelines_ui(ui, project));
        self.panes.guidelines_open = open;
        let mut open = self.panes.shortcuts_open;
        egui::Window::new("Keyboard shortcuts").open(&mut open).default_width(460.0).default_height(520.0).show(
            ctx,
            |ui| {
                shortcuts_ui(ui, &project.schema);
            },
        );
        self.panes.shortcuts_open = open;
        let mut open = self.panes.labels_open;
        let mut request = None;
        egui::Window::new("Labels").open(&mut open).default_width(720.0).show(ctx, |ui| {
            request = labels_editor_ui(ui, project);
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Export labels…").clicked() {
                    self.outbox.actions.push(super::actions::Action::ExportSchema);
                }
                if ui.button("Load labels…").clicked() {
                    self.outbox.actions.push(super::actions::Action::ImportSchema);
                }
            });
        });
        self.panes.labels_open = open;
        match request {
            Some(EditorRequest::Apply(command)) => self.outbox.commands.push(command),
            Some(EditorRequest::Confirm(pending)) => self.panes.pending = Some(pending),
            None => {}
        }
        self.confirm_ui(ctx);
        self.export_window(ctx);
        let mut open = self.panes.dashboard.open;
        let project = self.session.project();
        let shown = self.view.doc.and_then(|id| project.document(id)).or_else(|| project.documents.first());
        let dashboard = &mut self.panes.dashboard;
        egui::Window::new("Numbers").open(&mut open).default_width(640.0).show(ctx, |ui| {
            dashboard.ui(ui, project, shown);
        });
        self.panes.dashboard.open = open;
        if let Some(palette) = &mut self.panes.palette {
            match palette.ui(ctx) {
                PaletteAnswer::Open => {}
                PaletteAnswer::Run(action) => {
                    self.panes.palette = None;
                    self.outbox.actions.push(action);
                }
                PaletteAnswer::Close => self.panes.palette = None,
            }
        }
    }

    fn export_window(&mut self, ctx: &Context) {
        let mut open = self.panes.export.open;
        let title = self.current_document().map(|d| d.title.clone());
        let mut next = false;
        egui::Window::new("Export dataset").open(&mut open).resizable(false).show(ctx, |ui| {
            next = self.panes.export.ui(ui, title.as_deref());
        });
        self.panes.export.open = open;
        if next {
            self.choose_file(super::file_dialog::Purpose::Export(self.panes.export.format));
        }
    }

    fn table_window(&mut self, ctx: &Context) {
        let mut open = self.panes.table_open;
        let mut clicked = None;
        egui::Window::new("Annotations").open(&mut open).default_width(900.0).default_height(420.0).show(ctx, |ui| {
            clicked = self.panes.table.ui(ui, self.session.project(), self.session.editor().revision(), self.view.doc);
        });
        self.panes.table_open = open;
        if let Some(row) = clicked {
            if self.view.doc != Some(row.doc) {
                self.view.show_document(Some(row.doc));
            }
            self.view.selected_span = row.span;
            self.view.focused_comment = row.comment;
            self.view.selection = None;
            match (row.span, row.comment) {
                (Some(span), _) => self.view.scroll_to_span = Some(span),
                (None, Some(comment)) => self.view.scroll_to_offset = Some((crate::model::Target::Comment(comment), 0)),
                _ => {}
            }
        }
    }

    fn confirm_ui(&mut self, ctx: &Context) {
        let Some(pending) = &self.panes.pending else { return };
        let mut answer = None;
        let modal = Modal::new(Id::unique("confirm_label_change")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading("Remove annotations?");
            ui.label(&pending.message);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Remove them").clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
        if modal.should_close() {
            answer = Some(false);
        }
        if let Some(confirmed) = answer
            && let Some(pending) = self.panes.pending.take()
            && confirmed
        {
            let commands: Vec<Command> = pending.commands;
            self.outbox.commands.extend(commands);
        }
    }
}
