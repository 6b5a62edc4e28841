//! Carrying out the actions of menus, shortcuts and the command palette.

use super::actions::Action;
use super::app::{GlossApp, Pending};
use super::file_dialog::Purpose;
use super::navigation::Nudge;
use crate::edit::Command;

impl GlossApp {
    /// Carries out a menu, shortcut or palette action.
    pub(super) fn run_action(&mut self, action: Action) {
        match action {
            Action::Open => self.guard(Pending::ChooseProject),
            Action::Import => self.choose_file(Purpose::Import),
            Action::ImportFolder => self.choose_file(Purpose::ImportFolder),
            Action::ImportReport => self.import_report_open = self.import_report.is_some(),
            Action::Paste => self.paste(None),
            Action::Save => self.save(),
            Action::SaveAs => self.choose_file(Purpose::SaveAs),
            Action::ExportSchema => self.choose_file(Purpose::ExportSchema),
            Action::ImportSchema => self.choose_file(Purpose::ImportSchema),
            Action::Export => self.panes.export.open = true,
            Action::Dashboard => self.panes.dashboard.open = !self.panes.dashboard.open,
            Action::Quit => self.guard(Pending::Close),
            Action::Undo => {
                if let Err(error) = self.session.undo() {
                    self.refused(&error);
                }
            }
            Action::Redo => {
                if let Err(error) = self.session.redo() {
                    self.refused(&error);
                }
            }
            Action::RemoveHighlight => {
                if let (Some(doc), Some(span)) = (self.view.doc, self.view.selected_span) {
                    self.outbox.commands.push(Command::RemoveSpan { doc, span });
                    self.view.selected_span = None;
                }
            }
            Action::ClearSelection => {
                self.view.selection = None;
                self.view.selected_span = None;
                self.view.extend_target = None;
            }
            Action::AddRange => self.add_range(),
            Action::ExtendEnd => self.nudge(Nudge::ExtendEnd),
            Action::ShrinkEnd => self.nudge(Nudge::ShrinkEnd),
            Action::ExtendStart => self.nudge(Nudge::ExtendStart),
            Action::ShrinkStart => self.nudge(Nudge::ShrinkStart),
            Action::Find => self.open_find(),
            Action::FindNext => self.step_match(1),
            Action::FindPrevious => self.step_match(-1),
            Action::NextComment => self.step_comment(1),
            Action::PreviousComment => self.step_comment(-1),
            Action::NextHighlight => self.step_highlight(1),
            Action::PreviousHighlight => self.step_highlight(-1),
            Action::NextDocument => self.step_document(1),
            Action::PreviousDocument => self.step_document(-1),
            Action::AnnotationTable => self.panes.table_open = !self.panes.table_open,
            Action::Guidelines => self.panes.guidelines_open = !self.panes.guidelines_open,
            Action::EditLabels => self.panes.labels_open = !self.panes.labels_open,
            Action::ToggleSnap => {
                self.view.snap_to_words = !self.view.snap_to_words;
                self.settings.snap_to_words = self.view.snap_to_words;
            }
            Action::SwitchTheme => self.settings.theme = self.settings.theme.next(),
            Action::ZoomIn => self.zoom = Some(1.1),
            Action::ZoomOut => self.zoom = Some(1.0 / 1.1),
            Action::ZoomReset => self.zoom = Some(0.0),
            Action::CommandPalette => self.panes.palette = Some(super::palette::Palette::default()),
            Action::Shortcuts => self.panes.shortcuts_open = !self.panes.shortcuts_open,
        }
    }
}
