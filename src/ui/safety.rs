//! The questions that keep the user's work safe: unsaved edits found in a journal, a project open in another
//! window, a file that another program changed; and the bar that says so while the window is idle.

use egui::{RichText, ScrollArea, Ui};

use super::app::GlossApp;
use super::dialogs::{Answer, question_ui};
use super::file_dialog::Purpose;
use crate::session::{DiskChange, InUse, Recovery, Session, SessionError};

/// How often, in seconds, an idle window looks whether its file changed on disk.
const DISK_CHECK_SECONDS: f64 = 2.0;

/// What waits for the user's answer, and what the window knows of its file on disk.
#[derive(Default)]
pub struct Safety {
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
}

/// The answer to "Recover unsaved edits?".
enum RecoveryChoice {
    Recover,
    Discard,
    AsSaved,
}

impl GlossApp {
    /// Asks the questions that wait and carries out the answers; looks at the file on disk now and then.
    pub(super) fn safety_ui(&mut self, ctx: &egui::Context) {
        if let Some(trouble) = self.session.take_trouble() {
            self.error.get_or_insert(trouble);
        }
        self.recovery_ui(ctx);
        self.in_use_ui(ctx);
        self.conflict_ui(ctx);
        self.watch_disk(ctx);
    }

    fn recovery_ui(&mut self, ctx: &egui::Context) {
        let Some(recovery) = self.safety.recovery.as_deref().or(self.safety.orphans.first()) else { return };
        let name =
            recovery.file().map_or_else(|| "A project that was never saved".to_owned(), super::app::display_name);
        let summary = recovery.summary().clone();
        let can_view = recovery.file().is_some();
        let count = summary.edits.len();
        let when = summary.title().split(" from ").nth(1).unwrap_or_default().to_owned();
        let recover = format!("Recover {count} unsaved {} from {when}", if count == 1 { "edit" } else { "edits" });
        let mut buttons = vec![recover.as_str(), "Discard"];
        if can_view {
            buttons.push("Open the file as saved");
        }
        let body = |ui: &mut Ui| {
            ui.label(format!("{name}: {} were not saved when Gloss stopped.", summary.title()));
            if !summary.matches_file {
                ui.label(
                    "The file has changed since (another program or person saved it). The edits are tried on it as \
                     it is now; those that no longer apply are listed afterwards.",
                );
            }
            ui.add_space(4.0);
            ScrollArea::vertical().max_height(180.0).show(ui, |ui| {
                for edit in &summary.edits {
                    ui.label(format!("• {edit}"));
                }
            });
        };
        // The question stays until it is answered: closing it would leave the edits undecided.
        let choice = match question_ui(ctx, "recover_unsaved", "Recover unsaved edits?", body, &buttons) {
            Answer::Done(0) => RecoveryChoice::Recover,
            Answer::Done(1) => RecoveryChoice::Discard,
            Answer::Done(_) => RecoveryChoice::AsSaved,
            Answer::Pending | Answer::Cancelled => return,
        };
        let recovery = match self.safety.recovery.take() {
            Some(recovery) => *recovery,
            None => self.safety.orphans.remove(0),
        };
        match choice {
            RecoveryChoice::Recover => match recovery.recover() {
                Ok((session, failed)) => {
                    self.install(session);
                    if failed.is_empty() {
                        self.toasts.push("Unsaved edits recovered; they are not saved yet.");
                    } else {
                        self.error = Some(format!(
                            "These edits no longer apply to the file as it is now and were left out:\n{}",
                            failed.join("\n")
                        ));
                    }
                }
                Err(error) => self.error = Some(error.to_string()),
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

    fn in_use_ui(&mut self, ctx: &egui::Context) {
        let Some(in_use) = &self.safety.in_use else { return };
        let name = super::app::display_name(&in_use.path);
        let since = in_use.since.map(|t| {
            let local = t.to_zoned_datetime(jiff::tz::TimeZone::system());
            format!(" (since {})", local.strftime("%H:%M"))
        });
        let body = |ui: &mut Ui| {
            ui.label(format!(
                "{name} is open in another Gloss window{}. Two windows saving one file would undo each other's work.",
                since.unwrap_or_default()
            ));
        };
        match question_ui(ctx, "project_in_use", "Open in another window", body, &["Open read-only", "Cancel"]) {
            Answer::Done(0) => {
                if let Some(in_use) = self.safety.in_use.take() {
                    self.install(in_use.read_only());
                }
            }
            Answer::Done(_) | Answer::Cancelled => self.safety.in_use = None,
            Answer::Pending => {}
        }
    }

    fn conflict_ui(&mut self, ctx: &egui::Context) {
        let Some(change) = self.safety.conflict else { return };
        let name = self.display_name();
        let dirty = self.session.is_dirty();
        let gone = change == DiskChange::Gone;
        let (heading, text) = if gone {
            ("The file is gone", format!("{name} was deleted or moved since Gloss opened or last saved it."))
        } else {
            (
                "The file changed on disk",
                format!(
                    "{name} was changed by another program since Gloss opened or last saved it. Saving now would \
                     overwrite that change."
                ),
            )
        };
        let reload = if dirty { "Reload it, keeping my unsaved edits" } else { "Reload it" };
        let mut choices = vec![(if gone { "Save it there again" } else { "Overwrite it" }, Conflict::Overwrite)];
        choices.push(("Save as…", Conflict::SaveAs));
        if !gone {
            choices.push((reload, Conflict::Reload));
        }
        choices.push(("Cancel", Conflict::Cancel));
        let buttons: Vec<&str> = choices.iter().map(|(text, _)| *text).collect();
        let body = |ui: &mut Ui| {
            ui.label(text);
        };
        let answer = match question_ui(ctx, "changed_on_disk", heading, body, &buttons) {
            Answer::Done(index) => choices.get(index).map_or(Conflict::Cancel, |(_, c)| *c),
            Answer::Cancelled => Conflict::Cancel,
            Answer::Pending => return,
        };
        self.safety.conflict = None;
        match answer {
            Conflict::Overwrite => {
                let result = self.session.save_replacing();
                self.after_saving(result);
            }
            Conflict::SaveAs => self.choose_file(Purpose::SaveAs),
            Conflict::Reload => self.reload(),
            Conflict::Cancel => self.after_save = None,
        }
    }

    /// Takes the file as it now is, with the unsaved edits carried out again on it.
    pub(super) fn reload(&mut self) {
        match self.session.reload() {
            Ok(reloaded) => {
                self.safety.changed_on_disk = false;
                self.safety.kept_mine = false;
                self.document_view = super::document_view::DocumentView::for_project(self.session.file());
                self.forget_stale_selection();
                let kept = match reloaded.kept {
                    0 => String::new(),
                    1 => "; your unsaved edit is kept".to_owned(),
                    n => format!("; your {n} unsaved steps are kept"),
                };
                self.toasts.push(format!("Reloaded {}{kept}", self.display_name()));
                if !reloaded.failed.is_empty() {
                    self.error = Some(format!(
                        "These edits no longer apply to the file as it is now and were left out:\n{}",
                        reloaded.failed.join("\n")
                    ));
                }
            }
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    /// What a save's result means for the window: done, a question, or an error.
    pub(super) fn after_saving(&mut self, result: Result<crate::store::Saved, SessionError>) {
        match result {
            Ok(_) => {
                self.safety.changed_on_disk = false;
                self.safety.kept_mine = false;
                if let Some(path) = self.session.file().map(ToOwned::to_owned) {
                    self.settings.remember(&path);
                    self.toasts.push(format!("Saved {}", super::app::display_name(&path)));
                }
                if let Some(pending) = self.after_save.take() {
                    self.proceed(pending);
                }
            }
            Err(SessionError::ChangedOnDisk(_)) => self.safety.conflict = Some(DiskChange::Changed),
            Err(SessionError::GoneFromDisk(_)) => self.safety.conflict = Some(DiskChange::Gone),
            Err(error) => {
                self.after_save = None;
                self.error = Some(error.to_string());
            }
        }
    }

    /// Looks, every few seconds while the window is open, whether another program changed the file; an idle
    /// window wakes up for it.
    fn watch_disk(&mut self, ctx: &egui::Context) {
        if self.session.file().is_none() {
            return;
        }
        let now = ctx.input(|i| i.time);
        let since = now - self.safety.last_check;
        if since >= DISK_CHECK_SECONDS {
            self.safety.last_check = now;
            if !self.safety.kept_mine && !self.safety.asking() {
                self.safety.changed_on_disk = self.session.disk_change() != DiskChange::Unchanged;
            }
        }
        let next = DISK_CHECK_SECONDS - (now - self.safety.last_check);
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(next.max(0.05)));
    }

    /// The bar over the document: the project is read-only, or its file changed on disk.
    pub(super) fn safety_bar_ui(&mut self, ui: &mut Ui) {
        if self.session.is_read_only() {
            ui.horizontal(|ui| {
                ui.label(RichText::new("Read-only").strong());
                ui.label("This project is open in another window, or was opened as saved.");
                if ui.button("Save a copy…").clicked() {
                    self.choose_file(Purpose::SaveAs);
                }
            });
            ui.separator();
        } else if self.safety.changed_on_disk {
            ui.horizontal(|ui| {
                ui.label(RichText::new("Changed on disk").strong());
                ui.label(format!("{} was changed by another program.", self.display_name()));
                if ui.button("Reload").clicked() {
                    self.reload();
                }
                if ui.button("Keep mine").clicked() {
                    self.safety.changed_on_disk = false;
                    self.safety.kept_mine = true;
                }
            });
            ui.separator();
        }
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
}

/// The answer to "The file changed on disk".
#[derive(Clone, Copy)]
enum Conflict {
    Overwrite,
    SaveAs,
    Reload,
    Cancel,
}
