//! Opening a project for editing: taking its journal, and finding what a session that stopped left in it.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::journal::{self, Header, Record};
use super::journal_file::{self, Journal, Taken};
use super::recovery::{Recovery, examine};
use super::{Journalling, Session, SessionError, locate};
use crate::edit::Editor;
use crate::model::Project;
use crate::store::{self, DiskState, Fingerprint};

/// What opening a project found.
pub enum Opening {
    /// Ready for editing.
    Ready(Session),
    /// A journal with unsaved edits was found: the user decides what becomes of them.
    Recover(Box<Recovery>),
    /// Another Gloss has the project open.
    InUse(InUse),
}

/// A project that another Gloss has open.
pub struct InUse {
    /// The file.
    pub path: PathBuf,
    /// When that Gloss started its journal, if its header could be read.
    pub since: Option<Timestamp>,
    /// Its process id, likewise.
    pub pid: Option<u32>,
    project: Project,
    disk: DiskState,
}

impl InUse {
    /// The project as saved, to look at without changing it.
    pub fn read_only(self) -> Session {
        Session::read_only(self.project, self.path, self.disk)
    }
}

/// Opens the project at `path`: loads it, takes its journal, and looks at what the journal holds. `data_dir` is
/// where journals go for projects whose folder cannot be written to (and of projects never saved).
pub fn open(path: &Path, data_dir: Option<&Path>) -> Result<Opening, SessionError> {
    let file = store::real_path(path);
    let (project, disk) = store::load_with_state(&file)?;
    let journal_path = locate::existing(&file, data_dir).unwrap_or_else(|| locate::beside(&file));
    let taken = match Journal::take(&journal_path) {
        Ok(taken) => Ok(taken),
        // A folder that cannot be written to: the journal goes to the data folder instead.
        Err(error) => match data_dir {
            Some(dir) => Journal::take(&locate::in_data_dir(&file, dir)),
            None => Err(error),
        },
    };
    let session = |editor, journal, trouble| Session {
        editor,
        file: Some(file.clone()),
        disk: Some(disk),
        journal,
        read_only: false,
        data_dir: data_dir.map(Path::to_owned),
        trouble,
    };
    match taken {
        Err(error) => {
            // Editing goes on without a journal; the window says so once.
            let trouble = SessionError::Journal { path: journal_path.clone(), action: "create", error };
            let trouble = format!("{trouble}. Your edits are not safe from a crash until you save; save often.");
            Ok(Opening::Ready(session(Editor::new(project, true), Journalling::Off, Some(trouble))))
        }
        Ok(Taken::InUse) => {
            let header = read_header(&journal_path);
            let (since, pid) = header.map_or((None, None), |h| (Some(h.created), Some(h.pid)));
            Ok(Opening::InUse(InUse { path: file, since, pid, project, disk }))
        }
        Ok(Taken::Held(journal, bytes)) => {
            let contents = journal::read(&bytes);
            match examine(contents, Some((&project, &disk))) {
                Some(examined) => {
                    let owned = data_dir.map(Path::to_owned);
                    Ok(Opening::Recover(Box::new(Recovery::of_file(file, (project, disk), journal, examined, owned))))
                }
                None => {
                    let mut session = session(Editor::new(project, true), Journalling::Held(journal), None);
                    let path = file.clone();
                    session.restart_journal(&path, &[]);
                    Ok(Opening::Ready(session))
                }
            }
        }
    }
}

/// The header of the journal at `path`, read without taking it.
fn read_header(path: &Path) -> Option<Header> {
    std::fs::read(path).ok().and_then(|bytes| journal::read(&bytes).header)
}

/// The journals of projects never saved that no running Gloss holds and that have unsaved edits, newest first:
/// what a window offers to recover when it starts. Journals with nothing to recover are removed.
pub fn orphans(data_dir: &Path) -> Vec<Recovery> {
    let mut found = Vec::new();
    for path in locate::untitled_journals(data_dir).into_iter().rev() {
        let Ok(Taken::Held(journal, bytes)) = Journal::take(&path) else { continue };
        let contents = journal::read(&bytes);
        if saved_elsewhere(&contents.records) {
            journal.remove();
            continue;
        }
        match examine(contents, None) {
            Some(examined) => found.push(Recovery::of_untitled(journal, examined, Some(data_dir.to_owned()))),
            None => journal.remove(),
        }
    }
    found
}

/// Whether the last thing a journal of a project never saved did was a save, to a file that holds what it
/// wrote: then everything is in that file (the session stopped before it let its old journal go).
fn saved_elsewhere(records: &[Record]) -> bool {
    match records.iter().rev().find(|r| !matches!(r, Record::Seal)) {
        Some(Record::Saving { path, file }) => Fingerprint::of_file(path).ok().flatten() == Some(*file),
        _ => false,
    }
}

/// What the command line says about a project's journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsaved {
    /// The journal.
    pub journal: PathBuf,
    /// What it holds.
    pub summary: super::Summary,
    /// Whether a running Gloss holds it (the project is open in a window now).
    pub in_use: bool,
}

/// The unsaved edits the journal of the project at `path` holds, if any, worked out without taking the journal
/// or changing anything.
pub fn unsaved(path: &Path, data_dir: Option<&Path>) -> Result<Option<Unsaved>, SessionError> {
    let file = store::real_path(path);
    let Some(journal) = locate::existing(&file, data_dir) else { return Ok(None) };
    let bytes = std::fs::read(&journal).map_err(|error| SessionError::Journal {
        path: journal.clone(),
        action: "read",
        error,
    })?;
    let (project, disk) = store::load_with_state(&file)?;
    let in_use = journal_file::in_use(&journal);
    Ok(examine(journal::read(&bytes), Some((&project, &disk))).map(|examined| Unsaved {
        journal,
        summary: examined.summary,
        in_use,
    }))
}
