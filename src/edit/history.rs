//! Undo and redo on top of [`apply`]: the editor owns the project and is the only way to change it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::model::Project;

use super::apply::apply;
use super::command::{Command, MergeKey};
use super::error::EditError;
use crate::model::{DocId, SpanId};

/// What an applied command brought into being, so that a view can select or show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Created {
    /// Nothing new.
    Nothing,
    /// A span, in this document.
    Span(DocId, SpanId),
    /// A document.
    Document(DocId),
}

/// How many steps of undo are kept; older ones are forgotten.
const MAX_UNDO: usize = 1000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Entry {
    /// Name of the action the entry undoes or redoes.
    name: Cow<'static, str>,
    /// The command that takes the project back (or forward again).
    command: Command,
    /// The state the project returns to when `command` is applied.
    state: u64,
    /// For merging consecutive edits of one text field.
    merge_key: Option<MergeKey>,
}

/// The undo and redo history of an editor without its project, as a journal keeps it across a save so that
/// undo reaches back beyond the save after a crash, as it would have without one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    state: u64,
    next_state: u64,
    saved_state: Option<u64>,
}

/// A project together with its undo history and saved-state marker.
///
/// Views read the project through [`Editor::project`] and change it only by [`Editor::apply`], so every change
/// is undoable and the unsaved marker is always right.
pub struct Editor {
    project: Project,
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    /// Names the current state; each new edit gets a fresh number, undo and redo return to earlier ones.
    state: u64,
    next_state: u64,
    saved_state: Option<u64>,
}

/// What a command brought into being, read from its inverse (which removes it); for a batch, the first thing.
fn created_by(inverse: &Command) -> Created {
    match inverse {
        Command::RemoveSpan { doc, span } => Created::Span(*doc, *span),
        Command::RemoveDocument { doc } => Created::Document(*doc),
        // The inverse of a batch lists the inverses newest first.
        Command::Batch { commands, .. } => {
            commands.iter().rev().map(created_by).find(|c| *c != Created::Nothing).unwrap_or(Created::Nothing)
        }
        _ => Created::Nothing,
    }
}

impl Editor {
    /// An editor on a project that matches what is on disk (or that has nowhere to be saved yet, if `saved` is
    /// false).
    pub fn new(project: Project, saved: bool) -> Self {
        Self { project, undo: Vec::new(), redo: Vec::new(), state: 0, next_state: 1, saved_state: saved.then_some(0) }
    }

    /// An editor on `project` with the undo history it had when `history` was taken (from an editor on this very
    /// project).
    pub fn with_history(project: Project, history: History) -> Self {
        let History { undo, redo, state, next_state, saved_state } = history;
        Self { project, undo, redo, state, next_state: next_state.max(state + 1), saved_state }
    }

    /// The undo history as it stands, for [`Self::with_history`].
    pub fn history(&self) -> History {
        History {
            undo: self.undo.clone(),
            redo: self.redo.clone(),
            state: self.state,
            next_state: self.next_state,
            saved_state: self.saved_state,
        }
    }

    /// The names of the edits since the last save, oldest first, when undo leads back to it (else `None`: the
    /// saved state was undone past, or was never reached).
    pub fn unsaved_edits(&self) -> Option<Vec<&str>> {
        let saved = self.saved_state?;
        if saved == self.state {
            return Some(Vec::new());
        }
        let from = self.undo.iter().rposition(|e| e.state == saved)?;
        Some(self.undo[from..].iter().map(|e| e.name.as_ref()).collect())
    }

    /// The project as it stands.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Carries out `command`, records its inverse for undo and forgets the redo history.
    pub fn apply(&mut self, command: Command) -> Result<Created, EditError> {
        self.apply_merging(command).map(|(created, _)| created)
    }

    /// As [`Self::apply`], also saying whether the edit merged into the undo step before it (a keystroke in the
    /// same text field).
    pub fn apply_merging(&mut self, command: Command) -> Result<(Created, bool), EditError> {
        let name = command.name();
        let merge_key = command.merge_key();
        let inverse = apply(&mut self.project, command)?;
        let created = created_by(&inverse);
        self.redo.clear();
        let merges = merge_key.is_some()
            && self.undo.last().is_some_and(|top| top.merge_key == merge_key)
            && self.saved_state != Some(self.state);
        if merges {
            // The entry on top already restores the value from before the first keystroke.
            self.state = self.fresh_state();
            return Ok((created, true));
        }
        self.undo.push(Entry { name, command: inverse, state: self.state, merge_key });
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.state = self.fresh_state();
        Ok((created, false))
    }

    /// Ends the current run of merged text edits, so the next keystroke starts a new undo step; says whether
    /// there was such a run.
    pub fn seal(&mut self) -> bool {
        match self.undo.last_mut() {
            Some(top) if top.merge_key.is_some() => {
                top.merge_key = None;
                true
            }
            _ => false,
        }
    }

    /// Takes back the last edit.
    pub fn undo(&mut self) -> Result<(), EditError> {
        let entry = self.undo.pop().ok_or(EditError::NothingTo("undo"))?;
        let entry = self.step(entry)?;
        self.redo.push(entry);
        Ok(())
    }

    /// Carries out again the last edit that was undone.
    pub fn redo(&mut self) -> Result<(), EditError> {
        let entry = self.redo.pop().ok_or(EditError::NothingTo("redo"))?;
        let entry = self.step(entry)?;
        self.undo.push(entry);
        Ok(())
    }

    fn step(&mut self, entry: Entry) -> Result<Entry, EditError> {
        let back = apply(&mut self.project, entry.command)?;
        let reverse = Entry { name: entry.name, command: back, state: self.state, merge_key: None };
        self.state = entry.state;
        Ok(reverse)
    }

    fn fresh_state(&mut self) -> u64 {
        let state = self.next_state;
        self.next_state += 1;
        state
    }

    /// Name of the edit that [`Self::undo`] would take back.
    pub fn undo_name(&self) -> Option<&str> {
        self.undo.last().map(|e| e.name.as_ref())
    }

    /// Name of the edit that [`Self::redo`] would carry out.
    pub fn redo_name(&self) -> Option<&str> {
        self.redo.last().map(|e| e.name.as_ref())
    }

    /// Whether the project differs from what was last saved (or was never saved).
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.state)
    }

    /// Records that the project as it stands is what is on disk now.
    pub fn mark_saved(&mut self) {
        self.saved_state = Some(self.state);
        let _ = self.seal();
    }

    /// A number that changes whenever the project changes; views compare it to know when to refresh caches.
    pub fn revision(&self) -> u64 {
        self.state
    }
}
