//! An editing session: a project with its undo history, the file it lives in, and a journal that makes every
//! edit durable the moment it is made. The window and `gloss edit` change projects only through a session.
//!
//! - Every applied edit, undo and redo is a [`journal::Record`] appended to the journal beside the project
//!   (`.NAME.ron.journal`, or in the data folder for a project with no file yet) as it happens; a save restarts
//!   the journal. A journal left behind by a crash is found when the project is opened again ([`open`]), and
//!   its edits are replayed onto the file it belongs to ([`Recovery`]).
//! - The journal is locked while a session holds it: a second window on the same project is told
//!   ([`Opening::InUse`]) and opens it read-only.
//! - A save first checks that the file still holds what the session last read or wrote, so that a change by
//!   another program is never overwritten without a word ([`SessionError::ChangedOnDisk`]); [`Session::reload`]
//!   takes the file as it now is and replays the unsaved edits onto it.

mod error;
pub mod journal;
mod journal_file;
pub mod locate;
mod open;
mod recovery;
mod replay;
mod save;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::edit::{Command, Created, Editor};
use crate::model::Project;
use crate::store::DiskState;

pub use error::SessionError;
use journal::{Header, Record, Start};
use journal_file::Journal;
pub use open::{InUse, Opening, Unsaved, open, orphans, unsaved};
pub use recovery::{Recovery, Summary};
pub use save::{DiskChange, Reloaded};

/// A project being edited, with its file and its journal.
pub struct Session {
    editor: Editor,
    /// The project's file (its real path), if it has one.
    file: Option<PathBuf>,
    /// What the file held when the session last read or wrote it.
    disk: Option<DiskState>,
    journal: Journalling,
    read_only: bool,
    /// Where journals of projects without a file go.
    data_dir: Option<PathBuf>,
    /// The first trouble with the journal, until the window has said so.
    trouble: Option<String>,
}

/// The state of a session's journal.
enum Journalling {
    /// Records go to this journal.
    Held(Journal),
    /// A project with no file has no journal until its first edit.
    NotYet,
    /// No journal: the session is read-only, or none could be written (the window has been told).
    Off,
}

impl Session {
    /// A session on a project that has no file yet; its journal is started in `data_dir` at the first edit.
    pub fn untitled(project: Project, data_dir: Option<PathBuf>) -> Self {
        Self {
            editor: Editor::new(project, true),
            file: None,
            disk: None,
            journal: Journalling::NotYet,
            read_only: false,
            data_dir,
            trouble: None,
        }
    }

    /// A session that shows `project`, read from `file`, and changes nothing.
    pub fn read_only(project: Project, file: PathBuf, disk: DiskState) -> Self {
        Self {
            editor: Editor::new(project, true),
            file: Some(file),
            disk: Some(disk),
            journal: Journalling::Off,
            read_only: true,
            data_dir: None,
            trouble: None,
        }
    }

    /// The project and its undo history.
    pub fn editor(&self) -> &Editor {
        &self.editor
    }

    /// The project as it stands.
    pub fn project(&self) -> &Project {
        self.editor.project()
    }

    /// The project's file, if it has one.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// Whether edits are refused (the project is open in another window).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Whether there are edits the file does not have.
    pub fn is_dirty(&self) -> bool {
        self.editor.is_dirty()
    }

    /// Where the journal is, once there is one.
    pub fn journal_path(&self) -> Option<&Path> {
        match &self.journal {
            Journalling::Held(journal) => Some(journal.path()),
            Journalling::NotYet | Journalling::Off => None,
        }
    }

    /// What went wrong with the journal, once: edits then are not safe from a crash until the next save.
    pub fn take_trouble(&mut self) -> Option<String> {
        self.trouble.take()
    }

    /// Carries out `command` and journals it.
    pub fn apply(&mut self, command: Command) -> Result<Created, SessionError> {
        self.writable()?;
        self.start_journal();
        let before = self.project().next_id.peek();
        let journalled = matches!(self.journal, Journalling::Held(_)).then(|| command.clone());
        let created = self.editor.apply(command)?;
        if let Some(command) = journalled {
            let ids = (before, self.project().next_id.peek());
            self.record(&Record::Apply { command, at: Timestamp::now(), ids });
        }
        Ok(created)
    }

    /// Takes back the last edit.
    pub fn undo(&mut self) -> Result<(), SessionError> {
        self.writable()?;
        self.start_journal();
        self.editor.undo()?;
        self.record(&Record::Undo { at: Timestamp::now() });
        Ok(())
    }

    /// Carries out again the last edit that was undone.
    pub fn redo(&mut self) -> Result<(), SessionError> {
        self.writable()?;
        self.start_journal();
        self.editor.redo()?;
        self.record(&Record::Redo { at: Timestamp::now() });
        Ok(())
    }

    /// Ends the current run of merged text edits.
    pub fn seal(&mut self) {
        if self.editor.seal() {
            self.record(&Record::Seal);
        }
    }

    /// Ends the session throwing its unsaved edits away: the journal goes with them.
    pub fn discard(mut self) {
        if let Journalling::Held(journal) = std::mem::replace(&mut self.journal, Journalling::Off) {
            journal.remove();
        }
    }

    /// Ends the session as a crash would: the journal is let go as it stands, unsaved edits and all. For tests
    /// of recovery, which cannot kill their own process.
    #[doc(hidden)]
    pub fn abandon(mut self) {
        // Closing the file releases the lock; nothing is removed.
        self.journal = Journalling::Off;
    }

    fn writable(&self) -> Result<(), SessionError> {
        match (&self.file, self.read_only) {
            (Some(file), true) => Err(SessionError::ReadOnly(file.clone())),
            _ => Ok(()),
        }
    }

    /// A project without a file gets its journal at its first edit, starting from the project as it is then.
    fn start_journal(&mut self) {
        if !matches!(self.journal, Journalling::NotYet) {
            return;
        }
        let Some(dir) = self.data_dir.clone() else {
            self.journal = Journalling::Off;
            return;
        };
        let path = locate::untitled(&dir);
        let header = self.header();
        self.journal = match Journal::create(&path, &header, &[]) {
            Ok(journal) => Journalling::Held(journal),
            Err(error) => {
                self.note_trouble(&path, "start", &error);
                Journalling::Off
            }
        };
    }

    /// The header of a journal that starts from the project as it stands now.
    fn header(&self) -> Header {
        let start = match &self.file {
            Some(_) => Start::File,
            None => Start::Snapshot(Box::new(self.project().clone())),
        };
        Header {
            gloss: env!("CARGO_PKG_VERSION").to_owned(),
            created: Timestamp::now(),
            pid: std::process::id(),
            project: self.file.clone(),
            file: self.disk.map(|d| d.fingerprint),
            start,
            next_id: self.project().next_id.peek(),
            history: self.editor.history(),
        }
    }

    /// Appends `record` to the journal; a failure is told once and journalling stops until the next save.
    fn record(&mut self, record: &Record) {
        let Journalling::Held(journal) = &mut self.journal else { return };
        if let Err(error) = journal.append(record) {
            let path = journal.path().to_owned();
            self.note_trouble(&path, "write", &error);
            self.journal = Journalling::Off;
        }
    }

    fn note_trouble(&mut self, path: &Path, action: &'static str, error: &std::io::Error) {
        let message = SessionError::Journal { path: path.to_owned(), action, error: clone_io(error) };
        self.trouble.get_or_insert_with(|| {
            format!("{message}. Your edits are not safe from a crash until you save; save often.")
        });
    }
}

fn clone_io(error: &std::io::Error) -> std::io::Error {
    std::io::Error::new(error.kind(), error.to_string())
}

impl Drop for Session {
    /// A journal outlives its session only while it holds edits the file does not have: those are what a
    /// recovery brings back. (A crash never gets here, and leaves the journal as it is.)
    fn drop(&mut self) {
        if !self.editor.is_dirty()
            && let Journalling::Held(journal) = std::mem::replace(&mut self.journal, Journalling::Off)
        {
            journal.remove();
        }
    }
}
