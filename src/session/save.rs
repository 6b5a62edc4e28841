//! Saving a session without overwriting anyone's work, noticing changes made by other programs, and taking such
//! a change in with the unsaved edits replayed onto it.

use std::path::{Path, PathBuf};

use super::journal::{Record, Start};
use super::journal_file::{self, Journal};
use super::replay::replay;
use super::{Journalling, Session, SessionError, locate};
use crate::edit::Editor;
use crate::store::{self, DiskState, Fingerprint, Saved};

/// Whether the file on disk still holds what the session last read or wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChange {
    /// It does (or the project has no file).
    Unchanged,
    /// Another program changed it.
    Changed,
    /// It is gone: deleted or moved away.
    Gone,
}

/// What [`Session::reload`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reloaded {
    /// How many unsaved steps were carried out again on the file as it now is.
    pub kept: usize,
    /// The edits that no longer apply to it, each with the reason.
    pub failed: Vec<String>,
}

impl Session {
    /// Saves to the project's file, unless another program changed or removed it since the session last read
    /// or wrote it ([`SessionError::ChangedOnDisk`], [`SessionError::GoneFromDisk`]): then the user chooses
    /// between [`Self::save_replacing`], [`Self::save_as`] and [`Self::reload`].
    pub fn save(&mut self) -> Result<Saved, SessionError> {
        let file = self.file.clone().ok_or(SessionError::NoFile)?;
        self.writable()?;
        match self.disk_change() {
            DiskChange::Unchanged => self.write_to(&file),
            DiskChange::Changed => Err(SessionError::ChangedOnDisk(file)),
            DiskChange::Gone => Err(SessionError::GoneFromDisk(file)),
        }
    }

    /// Saves to the project's file whatever happened to it meanwhile (the user chose to overwrite).
    pub fn save_replacing(&mut self) -> Result<Saved, SessionError> {
        let file = self.file.clone().ok_or(SessionError::NoFile)?;
        self.writable()?;
        self.write_to(&file)
    }

    /// Saves to `path`, which becomes the project's file (with its journal beside it); refused if another Gloss
    /// has that file open. A read-only session becomes an editable one on its own copy.
    pub fn save_as(&mut self, path: &Path) -> Result<Saved, SessionError> {
        let target = store::real_path(path);
        let ours = self.journal_path().map(Path::to_owned);
        let theirs = locate::beside(&target);
        if ours.as_deref() != Some(theirs.as_path()) && journal_file::in_use(&theirs) {
            return Err(SessionError::InUse(target));
        }
        let was_read_only = std::mem::replace(&mut self.read_only, false);
        let saved = self.write_to(&target);
        if saved.is_err() {
            self.read_only = was_read_only;
        }
        saved
    }

    /// Compares the file on disk with what the session last read or wrote: size and time first, the content if
    /// they differ. A file that was only touched counts as unchanged.
    pub fn disk_change(&mut self) -> DiskChange {
        let (Some(file), Some(disk)) = (&self.file, self.disk) else { return DiskChange::Unchanged };
        if !disk.may_differ(file) {
            return DiskChange::Unchanged;
        }
        match DiskState::of_file(file) {
            Ok(Some(now)) if now.fingerprint == disk.fingerprint => {
                self.disk = Some(now);
                DiskChange::Unchanged
            }
            Ok(Some(_)) => DiskChange::Changed,
            Ok(None) => DiskChange::Gone,
            // Unreadable for now (a sync client holding it): judged again later.
            Err(_) => DiskChange::Unchanged,
        }
    }

    /// Takes the file as it now is on disk and carries the unsaved edits out again on it, keeping those that
    /// still apply; the result is unsaved. Undo history starts afresh.
    pub fn reload(&mut self) -> Result<Reloaded, SessionError> {
        let file = self.file.clone().ok_or(SessionError::NoFile)?;
        if self.is_dirty() && !matches!(self.journal, Journalling::Held(_)) {
            // The unsaved edits are replayed from the journal; without one they would be lost.
            let error = std::io::Error::other("it could not be kept, so your unsaved edits cannot be carried over");
            let path = locate::beside(&file);
            return Err(SessionError::Journal { path, action: "read", error });
        }
        let (project, disk) = store::load_with_state(&file)?;
        let (records, base) = self.unsaved_records();
        let replayed = replay(Editor::new(project, true), &records, base);
        let kept = replayed.applied.len();
        self.editor = replayed.editor;
        self.disk = Some(disk);
        self.restart_journal(&file, &replayed.applied);
        Ok(Reloaded { kept, failed: replayed.failed })
    }

    /// The records since the journal last started, read back from it, and the id counter they started from.
    fn unsaved_records(&self) -> (Vec<Record>, u64) {
        let Journalling::Held(journal) = &self.journal else { return (Vec::new(), u64::MAX) };
        let Ok(bytes) = std::fs::read(journal.path()) else { return (Vec::new(), u64::MAX) };
        let contents = super::journal::read(&bytes);
        let base = contents.header.as_ref().map_or(u64::MAX, |h| h.next_id);
        (contents.records, base)
    }

    /// Writes the project to `file`: the journal first says which content the save will leave, so that a crash
    /// between the two is told apart from a change by someone else; then the journal starts again from the file.
    fn write_to(&mut self, file: &Path) -> Result<Saved, SessionError> {
        let text = store::checked_text(self.project(), file)?;
        self.record(&Record::Saving { path: file.to_owned(), file: Fingerprint::of_bytes(text.as_bytes()) });
        if let Journalling::Held(journal) = &self.journal {
            let _ = journal.sync();
        }
        let saved = store::save_bytes(text.as_bytes(), file)?;
        self.editor.mark_saved();
        self.disk = Some(saved.state);
        self.restart_journal(file, &[]);
        Ok(saved)
    }

    /// Starts the journal of `file` afresh from the project as the file now holds it, followed by `records`; the
    /// journal of another file (after Save As) or of no file is let go.
    pub(super) fn restart_journal(&mut self, file: &Path, records: &[Record]) {
        let previous = self.file.replace(file.to_owned());
        let mut header = self.header();
        if !records.is_empty() {
            // The records lead from the file's content to the project as it stands.
            header.start = Start::File;
            header.next_id = self.start_counter(records);
            header.history = crate::edit::History::default();
        }
        let same = previous.as_deref() == Some(file);
        let held = match std::mem::replace(&mut self.journal, Journalling::Off) {
            Journalling::Held(journal) if same => Some(journal),
            Journalling::Held(journal) => {
                journal.remove();
                None
            }
            Journalling::NotYet | Journalling::Off => None,
        };
        let result = match held {
            Some(mut journal) => {
                let path = journal.path().to_owned();
                journal.rewrite(&header, records).map(|()| journal).map_err(|e| (path, e))
            }
            None => self.new_journal_for(file, &header, records),
        };
        self.journal = match result {
            Ok(journal) => Journalling::Held(journal),
            Err((path, error)) => {
                self.note_trouble(&path, "start", &error);
                Journalling::Off
            }
        };
    }

    /// The id counter before the first of `records`, which were just carried out on this session's editor.
    fn start_counter(&self, records: &[Record]) -> u64 {
        records
            .iter()
            .find_map(|r| match r {
                Record::Apply { ids, .. } => Some(ids.0),
                _ => None,
            })
            .unwrap_or_else(|| self.project().next_id.peek())
    }

    /// A journal for `file`: beside it, or in the data folder where its folder cannot be written to.
    fn new_journal_for(
        &self,
        file: &Path,
        header: &super::journal::Header,
        records: &[Record],
    ) -> Result<Journal, (PathBuf, std::io::Error)> {
        let beside = locate::beside(file);
        match Journal::create(&beside, header, records) {
            Ok(journal) => Ok(journal),
            Err(error) => match &self.data_dir {
                Some(dir) => {
                    let elsewhere = locate::in_data_dir(file, dir);
                    Journal::create(&elsewhere, header, records).map_err(|e| (elsewhere, e))
                }
                None => Err((beside, error)),
            },
        }
    }
}
