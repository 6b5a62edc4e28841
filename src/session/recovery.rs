//! A journal found with edits in it when its project is opened: what they were, and bringing them back.
//!
//! The journal's header names the file content it was started on. If the file still holds that, the records
//! are replayed onto it exactly, undo history and all. If a save was under way when the session stopped and the
//! file holds what that save wrote, only the records after it are replayed. Any other content means the file
//! was changed meanwhile: the journal belongs to another version and is not replayed by itself; the user may
//! still have its edits tried on the file as it now is, keeping those that apply.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::journal::{Contents, Header, Record, Start};
use super::journal_file::Journal;
use super::replay::{Replayed, replay, step_names};
use super::{Journalling, Session, SessionError};
use crate::edit::Editor;
use crate::model::Project;
use crate::store::DiskState;

/// What a found journal holds, for the question the user is asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The unsaved edits, by their undo names, oldest first.
    pub edits: Vec<String>,
    /// When the session that wrote them started its journal.
    pub started: Timestamp,
    /// When the last of them was made.
    pub last: Option<Timestamp>,
    /// Whether they belong to the file as it is now; if not, they were made on another version of it.
    pub matches_file: bool,
    /// Edits that could not be replayed even onto their own file (a damaged journal); the rest still are.
    pub failed: Vec<String>,
}

impl Summary {
    /// "7 unsaved edits from 1 December 2026, 21:40", in the local time.
    pub fn title(&self) -> String {
        let when = self.last.unwrap_or(self.started).to_zoned_datetime(jiff::tz::TimeZone::system());
        let when = crate::model::dates::written(when.datetime());
        match self.edits.len() {
            1 => format!("1 unsaved edit from {when}"),
            n => format!("{n} unsaved edits from {when}"),
        }
    }
}

/// How the records relate to the file as it is.
enum Plan {
    /// Replayed onto their own starting point: this is the recovered editor, with the header the journal keeps.
    Exact(Box<(Replayed, Header)>),
    /// Made on another version of the file: tried on the file as it is only if the user asks.
    Foreign { records: Vec<Record>, base: u64 },
}

/// The project a found journal belongs to.
#[derive(Clone, Debug)]
enum Owner {
    /// A file, as loaded now.
    File { path: PathBuf, project: Box<Project>, disk: DiskState },
    /// A project never saved (its journal is in the data folder).
    Untitled,
}

/// A journal with unsaved edits, found and held, waiting for the user's decision.
pub struct Recovery {
    owner: Owner,
    journal: Journal,
    plan: Plan,
    summary: Summary,
    data_dir: Option<PathBuf>,
}

/// What a journal's records amount to, worked out without changing anything.
pub(super) struct Examined {
    plan: Plan,
    /// What to tell the user.
    pub summary: Summary,
}

/// Works out what the records of `contents` do, given the file as it is now (`None` for a project never saved).
/// `None` when there is nothing to recover: no records, or records that end where the file already is.
pub(super) fn examine(contents: Contents, file: Option<(&Project, &DiskState)>) -> Option<Examined> {
    let header = contents.header?;
    let records = contents.records;
    let has_steps = records.iter().any(|r| !matches!(r, Record::Seal | Record::Saving { .. }));
    if !has_steps {
        return None;
    }
    let started = header.created;
    let on_file = match file {
        None => true,
        Some((_, disk)) => header.file == Some(disk.fingerprint),
    };
    let exact = |project: &Project, header: Header| {
        let editor = Editor::with_history(project.clone(), header.history.clone());
        Plan::Exact(Box::new((replay(editor, &records, header.next_id), header)))
    };
    let plan = match (&header.start, file) {
        (Start::Snapshot(project), _) if on_file => exact(&project.clone(), header),
        (Start::File, Some((project, _))) if on_file => exact(project, header),
        (_, Some((project, disk))) => {
            // A save that wrote what the file now holds: the records before it are in the file.
            let saved_at =
                records.iter().rposition(|r| matches!(r, Record::Saving { file, .. } if *file == disk.fingerprint));
            match saved_at {
                Some(at) => {
                    let base = project.next_id.peek();
                    let replayed = replay(Editor::new(project.clone(), true), &records[at + 1..], base);
                    let header = Header {
                        file: Some(disk.fingerprint),
                        next_id: base,
                        start: Start::File,
                        history: Default::default(),
                        ..header
                    };
                    Plan::Exact(Box::new((replayed, header)))
                }
                None => Plan::Foreign { records: records.clone(), base: header.next_id },
            }
        }
        // A journal of a file, with no file to judge it by.
        (_, None) => return None,
    };
    let summary = match &plan {
        Plan::Exact(exact) => {
            let replayed = &exact.0;
            if !replayed.editor.is_dirty() && replayed.failed.is_empty() {
                return None;
            }
            let edits = replayed
                .editor
                .unsaved_edits()
                .map_or_else(|| step_names(&replayed.applied), |names| names.into_iter().map(str::to_owned).collect());
            Summary { edits, started, last: replayed.last, matches_file: true, failed: replayed.failed.clone() }
        }
        Plan::Foreign { records, .. } => Summary {
            edits: step_names(records),
            started,
            last: records.iter().rev().find_map(Record::at),
            matches_file: false,
            failed: Vec::new(),
        },
    };
    Some(Examined { plan, summary })
}

impl Recovery {
    /// A recovery of the journal `journal`, examined against the file at `path` as loaded.
    pub(super) fn of_file(
        path: PathBuf,
        (project, disk): (Project, DiskState),
        journal: Journal,
        examined: Examined,
        data_dir: Option<PathBuf>,
    ) -> Self {
        let owner = Owner::File { path, project: Box::new(project), disk };
        Self { owner, journal, plan: examined.plan, summary: examined.summary, data_dir }
    }

    /// A recovery of the journal of a project never saved.
    pub(super) fn of_untitled(journal: Journal, examined: Examined, data_dir: Option<PathBuf>) -> Self {
        Self { owner: Owner::Untitled, journal, plan: examined.plan, summary: examined.summary, data_dir }
    }

    /// What the journal holds.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// The project's file, or `None` for a project never saved.
    pub fn file(&self) -> Option<&Path> {
        match &self.owner {
            Owner::File { path, .. } => Some(path),
            Owner::Untitled => None,
        }
    }

    /// Where the journal is.
    pub fn journal_path(&self) -> &Path {
        self.journal.path()
    }

    /// Brings the edits back: the session that results has them, unsaved, with undo and redo as they were. Edits
    /// made on another version of the file are tried on it as it is; those that no longer apply are listed.
    pub fn recover(self) -> Result<(Session, Vec<String>), SessionError> {
        let Self { owner, mut journal, plan, data_dir, .. } = self;
        let (replayed, header) = match (plan, &owner) {
            (Plan::Exact(exact), _) => *exact,
            (Plan::Foreign { records, base }, Owner::File { project, disk, path }) => {
                let replayed = replay(Editor::new((**project).clone(), true), &records, base);
                let start = replayed.applied.iter().find_map(|r| match r {
                    Record::Apply { ids, .. } => Some(ids.0),
                    _ => None,
                });
                let header = Header {
                    gloss: env!("CARGO_PKG_VERSION").to_owned(),
                    created: Timestamp::now(),
                    pid: std::process::id(),
                    project: Some(path.clone()),
                    file: Some(disk.fingerprint),
                    start: Start::File,
                    next_id: start.unwrap_or_else(|| project.next_id.peek()),
                    history: Default::default(),
                };
                (replayed, header)
            }
            // A journal without a file is always replayed exactly (see `examine`).
            (Plan::Foreign { .. }, Owner::Untitled) => return Err(SessionError::NoFile),
        };
        let header = Header { pid: std::process::id(), ..header };
        let journal_error = journal.rewrite(&header, &replayed.applied).err();
        let (file, disk) = match owner {
            Owner::File { path, disk, .. } => (Some(path), Some(disk)),
            Owner::Untitled => (None, None),
        };
        let mut session = Session {
            editor: replayed.editor,
            file,
            disk,
            journal: Journalling::Held(journal),
            read_only: false,
            data_dir,
            trouble: None,
        };
        if let Some(error) = journal_error {
            let path = session.journal_path().map(Path::to_owned).unwrap_or_default();
            session.note_trouble(&path, "rewrite", &error);
        }
        Ok((session, replayed.failed))
    }

    /// Throws the edits away: the journal starts again from the file as it is (or goes, for a project never
    /// saved, which then has nothing left).
    pub fn discard(self) -> Option<Session> {
        let Self { owner, journal, data_dir, .. } = self;
        match owner {
            Owner::Untitled => {
                journal.remove();
                None
            }
            Owner::File { path, project, disk } => {
                let mut session = Session {
                    editor: Editor::new(*project, true),
                    file: Some(path.clone()),
                    disk: Some(disk),
                    journal: Journalling::Held(journal),
                    read_only: false,
                    data_dir,
                    trouble: None,
                };
                session.restart_journal(&path, &[]);
                Some(session)
            }
        }
    }

    /// Opens the file as saved, read-only, and leaves the journal as it is for a later decision.
    pub fn open_as_saved(self) -> Option<Session> {
        match self.owner {
            Owner::File { path, project, disk } => Some(Session::read_only(*project, path, disk)),
            Owner::Untitled => None,
        }
    }
}
