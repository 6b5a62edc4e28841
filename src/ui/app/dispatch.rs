//! The one place intents are carried out: every edit, every action of the menus, shortcuts and palette, every
//! change of the selection, and every answer to a question.

use super::{GlossApp, Pending};
use crate::edit::{Command, Created};
use crate::ui::actions::Action;
use crate::ui::file_dialog::Purpose;
use crate::ui::intent::{Intent, Job, Reply, SaveChoice};
use crate::ui::suggestions::Review;
use crate::ui::windows::error_note::ErrorNote;

/// How many rounds of intents one frame carries out; an intent may send others (an action that edits), never
/// without end.
const MAX_ROUNDS: usize = 8;

impl GlossApp {
    /// Carries out the intents of the frame, in the order they were sent.
    pub(super) fn dispatch(&mut self) {
        for _ in 0..MAX_ROUNDS {
            let intents = self.intents.take();
            if intents.is_empty() {
                return;
            }
            for intent in intents {
                self.carry_out(intent);
            }
        }
    }

    fn carry_out(&mut self, intent: Intent) {
        match intent {
            Intent::Run(action) => self.run_action(action),
            Intent::Edit(command) => self.edit(command),
            Intent::Seal => self.session.seal(),
            Intent::Label(label) => self.apply_label(label),
            Intent::Sentiment(level) => self.toggle_sentiment(level),
            Intent::Show(doc) => self.selection.show_document(Some(doc)),
            Intent::ShowAnnotator(who) => self.selection.show_annotator(who),
            Intent::Overlay(overlay) => self.selection.set_overlay(overlay),
            Intent::SelectText(text) => self.selection.select_text(text),
            Intent::SelectSpan { span, target, reveal } => self.selection.select_span(span, target, reveal),
            Intent::FocusComment { comment, reveal } => self.selection.focus_comment(comment, reveal),
            Intent::Reveal(target, offset) => self.selection.reveal_place(target, offset),
            Intent::Open(path) => self.guard(Pending::Open(path)),
            Intent::Paste(text) => self.paste(text),
            Intent::ChooseFile(purpose) => self.choose_file(purpose),
            Intent::Cancel(job) => {
                self.jobs.cancel(job);
                if job == Job::Open {
                    self.toasts.push("Opening cancelled.");
                }
            }
            Intent::Reply(reply) => self.reply(reply),
            Intent::SaveClassNotes(notes) => self.save_class_notes(&notes),
            Intent::Review(review) => self.review(review),
            Intent::Notice(text) => self.toasts.push(text),
        }
    }

    /// Writes the class notes beside the key's file; the key must have one.
    fn save_class_notes(&mut self, notes: &crate::model::class::ClassNotes) {
        let Some(key) = self.session.file().map(std::path::Path::to_owned) else {
            self.toasts.push("Save the key first: its class notes are kept beside it");
            return;
        };
        match crate::store::save_class_notes(&key, notes) {
            Ok(()) => {
                let path = crate::store::class_notes_path(&key);
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                self.toasts.push(format!("Class notes saved in {name}"));
            }
            Err(error) => {
                let path = crate::store::class_notes_path(&key);
                self.error =
                    Some(ErrorNote::about("save the class notes to", &path, &error.to_string(), error.details()));
            }
        }
    }

    /// Applies an edit; what it made is selected or shown, and a refusal is told.
    pub(super) fn edit(&mut self, command: Command) {
        if self.needs_name(&command) {
            self.ask_name = Some((Default::default(), command));
            return;
        }
        match self.session.apply(command) {
            Ok(Created::Span(_, span)) => self.selection.select_span(Some(span), None, false),
            Ok(Created::Document(doc)) => self.selection.show_document(Some(doc)),
            Ok(Created::Nothing) => {}
            Err(error) => self.refused(&error),
        }
    }

    /// Carries out a menu, shortcut or palette action.
    pub(super) fn run_action(&mut self, action: Action) {
        match action {
            Action::NewProject => self.guard(Pending::New),
            Action::Open => self.guard(Pending::ChooseProject),
            Action::Import => self.choose_file(Purpose::Import),
            Action::ImportFolder => self.choose_file(Purpose::ImportFolder),
            Action::ImportReport => {
                if self.windows.import_report.report().is_some() {
                    self.windows.open_window(action);
                }
            }
            Action::Paste => self.paste(None),
            Action::Save => self.save(),
            Action::SaveAs => self.choose_file(Purpose::SaveAs),
            Action::ExportSchema => self.choose_file(Purpose::ExportSchema),
            Action::ImportSchema => self.choose_file(Purpose::ImportSchema),
            Action::CompareStudents => self.choose_file(Purpose::CompareStudents),
            Action::AgreeWithOthers => self.choose_file(Purpose::AgreeWith),
            Action::MergeProjects => self.choose_file(Purpose::MergeFrom),
            Action::NewExercise => self.windows.open_window(action),
            Action::AgreeWithin => {
                let project = self.session.project().clone();
                if !self.jobs.agree(project, None, Vec::new()) {
                    self.toasts.push("Agreement is being measured already".to_owned());
                }
            }
            Action::Export => self.windows.open_window(action),
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
                if let (Some(doc), Some(span)) = (self.selection.doc(), self.selection.span()) {
                    self.edit(Command::RemoveSpan { doc, span });
                }
            }
            // Escape: the window on top closes first; with none open, the selection goes.
            Action::ClearSelection => {
                if !self.windows.close_top() {
                    self.selection.clear();
                    // Escape also ends a review: the keys act on highlights again, the suggestions stay shown.
                    self.suggestions.reviewing = false;
                }
            }
            Action::AddRange => self.add_range(),
            Action::ExtendEnd | Action::ShrinkEnd | Action::ExtendStart | Action::ShrinkStart => self.nudge(action),
            Action::Find => self.find.open(),
            Action::FindNext | Action::FindPrevious => {
                let step = if action == Action::FindNext { 1 } else { -1 };
                if let Some((target, offset)) = self.find.step(step) {
                    self.selection.reveal_place(target, offset);
                }
            }
            Action::Suggest | Action::ReviewUpdate => self.windows.open_window(action),
            Action::UpdateDocument => self.ask_update_file(),
            Action::NextSuggestion => self.review(Review::Step(true)),
            Action::PreviousSuggestion => self.review(Review::Step(false)),
            Action::AcceptSuggestion => self.review(Review::Accept(None)),
            Action::RejectSuggestion => self.review(Review::Reject),
            Action::AcceptAllOfKind => self.review(Review::AcceptAll(None)),
            Action::NextComment => self.step_comment(1),
            Action::PreviousComment => self.step_comment(-1),
            Action::NextHighlight => self.step_highlight(1),
            Action::PreviousHighlight => self.step_highlight(-1),
            Action::NextDocument => self.step_document(1),
            Action::PreviousDocument => self.step_document(-1),
            Action::AnnotationTable
            | Action::Guidelines
            | Action::Dashboard
            | Action::EditLabels
            | Action::MergeConflicts
            | Action::Shortcuts => {
                self.windows.toggle(action);
            }
            Action::ToggleSnap => self.settings.character_precision = !self.settings.character_precision,
            Action::SwitchTheme => self.settings.theme = self.settings.theme.next(),
            Action::ZoomIn => self.zoom = Some(1.1),
            Action::ZoomOut => self.zoom = Some(1.0 / 1.1),
            Action::ZoomReset => self.zoom = Some(0.0),
            Action::CommandPalette => self.windows.palette.open(),
        }
    }

    /// Carries out the answer to one of the app's questions.
    fn reply(&mut self, reply: Reply) {
        match reply {
            Reply::Unsaved(choice) => {
                let Some(pending) = self.ask_unsaved.take() else { return };
                match choice {
                    SaveChoice::Save => {
                        self.after_save = Some(pending);
                        self.save();
                    }
                    SaveChoice::Discard => {
                        // The unsaved edits go with the project when it is closed or replaced, journal and all.
                        if pending == Pending::Close {
                            self.discard_unsaved();
                        } else {
                            self.safety.discard_on_replace = true;
                        }
                        self.proceed(pending);
                    }
                    SaveChoice::Cancel => {}
                }
            }
            Reply::Path(purpose, path) => {
                self.prompt = None;
                match path {
                    Some(path) => self.chosen(purpose, vec![path]),
                    None => self.after_save = None,
                }
            }
            Reply::ErrorSeen => self.error = None,
            Reply::Name(name) => self.named(name),
            Reply::Replace(replace) => {
                if let Some((request, _)) = self.ask_replace.take()
                    && replace
                {
                    self.jobs.export(crate::ui::jobs::export::Request { replace: true, ..request });
                }
            }
            Reply::Recover(choice) => self.recovery_answered(choice),
            Reply::ReadOnly(open) => self.read_only_answered(open),
            Reply::Conflict(choice) => self.conflict_answered(choice),
            Reply::ChangedOnDisk(reload) => self.changed_on_disk_answered(reload),
            Reply::UpdateDrop(update) => self.drop_answered(update),
        }
    }
}
