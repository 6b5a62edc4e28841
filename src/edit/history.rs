//! Undo and redo on top of [`apply`]: the editor owns the project and is the only way to change it.

use crate::model::Project;

use super::apply::{EditError, apply};
use super::command::{Command, MergeKey};
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

struct Entry {
    /// Name of the action the entry undoes or redoes.
    name: &'static str,
    /// The command that takes the project back (or forward again).
    command: Command,
    /// The state the project returns to when `command` is applied.
    state: u64,
    /// For merging consecutive edits of one text field.
    merge_key: Option<MergeKey>,
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

    /// The project as it stands.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Carries out `command`, records its inverse for undo and forgets the redo history.
    pub fn apply(&mut self, command: Command) -> Result<Created, EditError> {
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
            return Ok(created);
        }
        self.undo.push(Entry { name, command: inverse, state: self.state, merge_key });
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.state = self.fresh_state();
        Ok(created)
    }

    /// Ends the current run of merged text edits, so the next keystroke starts a new undo step.
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.merge_key = None;
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
    pub fn undo_name(&self) -> Option<&'static str> {
        self.undo.last().map(|e| e.name)
    }

    /// Name of the edit that [`Self::redo`] would carry out.
    pub fn redo_name(&self) -> Option<&'static str> {
        self.redo.last().map(|e| e.name)
    }

    /// Whether the project differs from what was last saved (or was never saved).
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.state)
    }

    /// Records that the project as it stands is what is on disk now.
    pub fn mark_saved(&mut self) {
        self.saved_state = Some(self.state);
        self.seal();
    }

    /// A number that changes whenever the project changes; views compare it to know when to refresh caches.
    pub fn revision(&self) -> u64 {
        self.state
    }
}
