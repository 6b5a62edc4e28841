//! Keeping the user's work safe: what becomes of unsaved edits found in a journal, a project open in another
//! window, a file that another program changed; looking at the file on disk while the window is idle.

use super::GlossApp;
use crate::session::{DiskChange, InUse, Recovery, Session, SessionError};
use crate::ui::context::{Ctx, Status};
use crate::ui::file_dialog::Purpose;
use crate::ui::intent::{ConflictChoice, RecoveryChoice};
use crate::ui::windows::error_note::ErrorNote;
use crate::ui::windows::questions;

/// How often, in seconds, an idle window looks whether its file changed on disk.
const DISK_CHECK_SECONDS: f64 = 2.0;

/// What waits for the user's answer, and what the window knows of its file on disk.
#[derive(Default)]
pub(super) struct Safety {
    /// A journal with unsaved edits, found on opening.
    pub recovery: Option<Box<Recovery>>,
    /// Journals of projects never saved that a Gloss which stopped left, offered one after the other.
    pub orphans: Vec<Recovery>,
    /// A project that another window has open.
    pub in_use: Option<InUse>,
    /// A save found the file changed or gone: overwrite, save as, or reload.
    pub conflict: Option<DiskChange>,
    /// The file changed on disk while the window was open; the bar says so until the user decides.
    pub changed_on_disk: bool,
    /// The user chose to keep their version: the bar stays away until the next save or reload.
    pub kept_mine: bool,
    /// When the file was last looked at.
    pub last_check: f64,
    /// Whether a refused edit of a read-only project has been explained.
    pub told_read_only: bool,
    /// The user answered "Don't save": the open project's unsaved edits go when another project replaces it.
    pub discard_on_replace: bool,
}

impl Safety {
    /// Whether a question is on screen.
    pub fn asking(&self) -> bool {
        self.recovery.is_some() || !self.orphans.is_empty() || self.in_use.is_some() || self.conflict.is_some()
    }

    /// The questions that wait: a recovery, a project open elsewhere, a file changed on disk.
    pub fn questions_ui(&self, egui: &egui::Context, cx: &mut Ctx<'_>, status: &Status) {
        if let Some(recovery) = self.recovery.as_deref().or(self.orphans.first()) {
            let name = recovery.file().map_or_else(|| "A project that was never saved".to_owned(), super::display_name);
            questions::recovery_ui(egui, cx, &name, recovery.summary(), recovery.file().is_some());
        }
        if let Some(in_use) = &self.in_use {
            let since =
                in_use.since.map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::system()).strftime("%H:%M").to_string());
            questions::in_use_ui(egui, cx, &super::display_name(&in_use.path), since.as_deref());
        }
        if let Some(change) = self.conflict {
            questions::conflict_ui(egui, cx, &status.name, change == DiskChange::Gone, status.dirty);
        }
    }
}

impl GlossApp {
    /// Carries out the answer to "Recover unsaved edits?".
    pub(super) fn recovery_answered(&mut self, choice: RecoveryChoice) {
        let recovery = match self.safety.recovery.take() {
            Some(recovery) => *recovery,
            None if !self.safety.orphans.is_empty() => self.safety.orphans.remove(0),
            None => return,
        };
        match choice {
            RecoveryChoice::Recover => match recovery.recover() {
                Ok((session, failed)) => {
                    self.install(session);
                    if failed.is_empty() {
                        self.toasts.push("Unsaved edits recovered; they are not saved yet.");
                    } else {
                        self.error = Some(left_out(&failed));
                    }
                }
                Err(error) => {
                    self.error = Some(ErrorNote {
                        details: error.details(),
                        ..ErrorNote::plain("Could not recover the unsaved edits", &error.to_string())
                    });
                }
            },
            RecoveryChoice::Discard => {
                if let Some(session) = recovery.discard() {
                    self.install(session);
                }
            }
            RecoveryChoice::AsSaved => {
                if let Some(session) = recovery.open_as_saved() {
                    self.install(session);
                    self.toasts
                        .push("Opened as saved, read-only; the unsaved edits are kept for when you open it again.");
                }
            }
        }
    }

    /// Carries out the answer to "Open in another window".
    pub(super) fn read_only_answered(&mut self, open: bool) {
        if let Some(in_use) = self.safety.in_use.take()
            && open
        {
            self.install(in_use.read_only());
        }
    }

    /// Carries out the answer to "The file changed on disk".
    pub(super) fn conflict_answered(&mut self, choice: ConflictChoice) {
        self.safety.conflict = None;
        match choice {
            ConflictChoice::Overwrite => {
                let result = self.session.save_replacing();
                let path = self.session.file().map(ToOwned::to_owned);
                self.after_saving(path.as_deref(), result);
            }
            ConflictChoice::SaveAs => self.choose_file(Purpose::SaveAs),
            ConflictChoice::Reload => self.reload(),
            ConflictChoice::Cancel => self.after_save = None,
        }
    }

    /// Carries out the choice of the bar that says the file changed: reload, or keep this version.
    pub(super) fn changed_on_disk_answered(&mut self, reload: bool) {
        if reload {
            self.reload();
        } else {
            self.safety.changed_on_disk = false;
            self.safety.kept_mine = true;
        }
    }

    /// Takes the file as it now is, with the unsaved edits carried out again on it.
    fn reload(&mut self) {
        match self.session.reload() {
            Ok(reloaded) => {
                self.safety.changed_on_disk = false;
                self.safety.kept_mine = false;
                self.document_view = crate::ui::document_view::DocumentView::for_project(self.session.file());
                self.selection.forget_missing(self.session.project());
                let kept = match reloaded.kept {
                    0 => String::new(),
                    1 => "; your unsaved edit is kept".to_owned(),
                    n => format!("; your {n} unsaved steps are kept"),
                };
                self.toasts.push(format!("Reloaded {}{kept}", self.display_name()));
                if !reloaded.failed.is_empty() {
                    self.error = Some(left_out(&reloaded.failed));
                }
            }
            Err(error) => {
                let path = self.session.file().map(ToOwned::to_owned).unwrap_or_default();
                self.error = Some(ErrorNote::about("reload", &path, &error.to_string(), error.details()));
            }
        }
    }

    /// What a save's result means for the window: done, a question, or an error.
    pub(super) fn after_saving(
        &mut self,
        target: Option<&std::path::Path>,
        result: Result<crate::store::Saved, SessionError>,
    ) {
        match result {
            Ok(_) => {
                self.safety.changed_on_disk = false;
                self.safety.kept_mine = false;
                if let Some(path) = self.session.file().map(ToOwned::to_owned) {
                    self.settings.remember(&path);
                    self.toasts.push(format!("Saved {}", super::display_name(&path)));
                }
                if let Some(pending) = self.after_save.take() {
                    self.proceed(pending);
                }
            }
            Err(SessionError::ChangedOnDisk(_)) => self.safety.conflict = Some(DiskChange::Changed),
            Err(SessionError::GoneFromDisk(_)) => self.safety.conflict = Some(DiskChange::Gone),
            Err(error) => {
                self.after_save = None;
                let (message, details) = (error.to_string(), error.details());
                self.error = Some(match target {
                    Some(path) => ErrorNote::about("save", path, &message, details),
                    None => ErrorNote { details, ..ErrorNote::plain("Could not save", &message) },
                });
            }
        }
    }

    /// Looks, every few seconds while the window is open, whether another program changed the file; an idle
    /// window wakes up for it.
    pub(super) fn watch_disk(&mut self, egui: &egui::Context) {
        if self.session.file().is_none() {
            return;
        }
        let now = egui.input(|i| i.time);
        if now - self.safety.last_check >= DISK_CHECK_SECONDS {
            self.safety.last_check = now;
            if !self.safety.kept_mine && !self.safety.asking() {
                self.safety.changed_on_disk = self.session.disk_change() != DiskChange::Unchanged;
            }
        }
        let next = DISK_CHECK_SECONDS - (now - self.safety.last_check);
        egui.request_repaint_after(std::time::Duration::from_secs_f64(next.max(0.05)));
    }

    /// Puts `session` in place of the open one. The open one's journal goes with it if it holds nothing unsaved
    /// or the user said "Don't save"; otherwise it stays, to be recovered.
    pub(super) fn replace_session(&mut self, session: Session) {
        let old = std::mem::replace(&mut self.session, session);
        if std::mem::take(&mut self.safety.discard_on_replace) {
            old.discard();
        }
        self.safety.changed_on_disk = false;
        self.safety.kept_mine = false;
        self.safety.told_read_only = false;
    }

    /// Throws away the unsaved edits of the open project now (the user said "Don't save" and closes the window).
    pub(super) fn discard_unsaved(&mut self) {
        self.safety.discard_on_replace = true;
        self.replace_session(Session::untitled(crate::model::Project::new("Untitled"), None));
    }

    /// Tells why an edit was not made: once for a read-only project, every time otherwise.
    pub(super) fn refused(&mut self, error: &SessionError) {
        match error {
            SessionError::ReadOnly(_) if self.safety.told_read_only => {}
            SessionError::ReadOnly(_) => {
                self.safety.told_read_only = true;
                self.toasts.push(error.to_string());
            }
            other => self.toasts.push(other.to_string()),
        }
    }
}

/// The edits that a recovery or a reload could not carry out again, listed one a line.
fn left_out(failed: &[String]) -> ErrorNote {
    ErrorNote {
        heading: "Some edits were left out".to_owned(),
        message: format!(
            "These edits no longer apply to the file as it is now and were left out:\n{}",
            failed.join("\n")
        ),
        details: None,
    }
}
