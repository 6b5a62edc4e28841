//! What panels, windows and dialogs ask for: one queue of intents per frame, carried out in one place (the app's
//! `dispatch`) once the frame is drawn. No component changes the project or the app itself.

use std::path::PathBuf;

use super::actions::Action;
use super::file_dialog::Purpose;
use super::selection::TextSelection;
use crate::edit::Command;
use crate::model::{CommentId, DocId, LabelId, SentimentId, SpanId, Target};

/// One thing a component asks the app to do.
#[derive(Debug)]
#[must_use = "an intent does nothing until it is sent"]
pub enum Intent {
    /// Carry out an action of the menus, shortcuts and palette.
    Run(Action),
    /// Apply an edit to the project.
    Edit(Command),
    /// End the current run of merged typing (a text field lost the keyboard).
    Seal,
    /// Label the selected text with this label, or give the selected highlight this label.
    Label(LabelId),
    /// Tag the focused comment with this sentiment, or clear it if it has it.
    Sentiment(SentimentId),
    /// Show a document.
    Show(DocId),
    /// Show only this annotator's highlights, or everyone's with `None`.
    ShowAnnotator(Option<String>),
    /// Draw a student's work over the key's article, or stop with `None`.
    Overlay(Option<Box<crate::ui::overlay::Overlay>>),
    /// Select text in the shown document, or none.
    SelectText(Option<TextSelection>),
    /// Select a highlight (lying in `target`), or none, and bring it into view if `reveal`.
    SelectSpan {
        /// The highlight.
        span: Option<SpanId>,
        /// The text it lies in.
        target: Option<Target>,
        /// Bring it into view.
        reveal: bool,
    },
    /// Focus a comment, and bring it into view if `reveal`.
    FocusComment {
        /// The comment.
        comment: CommentId,
        /// Bring it into view.
        reveal: bool,
    },
    /// Bring a place of the shown document into view.
    Reveal(Target, usize),
    /// Open this project (after asking about unsaved changes).
    Open(PathBuf),
    /// Make a new document of this pasted text (or of the clipboard).
    Paste(Option<String>),
    /// Ask the user for a file, for `purpose`.
    ChooseFile(Purpose),
    /// Stop a job running in the background.
    Cancel(Job),
    /// Write the class notes (rubric and feedback) beside the open key.
    SaveClassNotes(Box<crate::model::class::ClassNotes>),
    /// The user answered a question the app asked.
    Reply(Reply),
    /// Find, walk, accept or reject suggestions.
    Review(crate::ui::suggestions::Review),
    /// Say this in a short notice.
    Notice(String),
}

/// The jobs that run in the background.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Job {
    /// Reading articles.
    Import,
    /// Writing a dataset.
    Export,
    /// Reading a big project.
    Open,
    /// Comparing students with the key.
    Class,
    /// Measuring agreement among annotators.
    Agree,
    /// Merging other projects into the open one.
    Merge,
    /// Finding suggestions.
    Suggest,
    /// Updating a document from a newer version.
    Update,
}

/// An answer to a question of the app's dialogs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// "Save changes?"
    Unsaved(SaveChoice),
    /// The path typed for `purpose`, or `None` when cancelled.
    Path(Purpose, Option<PathBuf>),
    /// The student's name asked on their first mark in an exercise, or none if they cancelled.
    Name(Option<String>),
    /// An error was read.
    ErrorSeen,
    /// "Replace it?" for an export: yes or no.
    Replace(bool),
    /// "Recover unsaved edits?"
    Recover(RecoveryChoice),
    /// "Open in another window": open read-only, or not.
    ReadOnly(bool),
    /// "The file changed on disk".
    Conflict(ConflictChoice),
    /// The bar that says the file changed on disk: reload it (true), or keep this version (false).
    ChangedOnDisk(bool),
    /// A file dropped on a document: update the document from it (true), or import it as a new one (false);
    /// `None` when cancelled.
    UpdateDrop(Option<bool>),
}

/// The answer to "Save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveChoice {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Do not go on.
    Cancel,
}

/// The answer to "Recover unsaved edits?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Bring them back.
    Recover,
    /// Throw them away.
    Discard,
    /// Look at the file as saved, read-only, and decide later.
    AsSaved,
}

/// The answer to "The file changed on disk".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Write over it (or write it again where it was).
    Overwrite,
    /// Save under another name.
    SaveAs,
    /// Take the file as it is, with the unsaved edits replayed.
    Reload,
    /// Do nothing.
    Cancel,
}

/// The intents of one frame, in the order they were sent.
#[derive(Debug, Default)]
pub struct Intents(Vec<Intent>);

impl Intents {
    /// Sends `intent`.
    pub fn send(&mut self, intent: Intent) {
        self.0.push(intent);
    }

    /// Takes every intent sent so far, oldest first.
    pub fn take(&mut self) -> Vec<Intent> {
        std::mem::take(&mut self.0)
    }

    /// What was sent, for tests of a component.
    #[cfg(test)]
    pub fn sent(&self) -> &[Intent] {
        &self.0
    }
}
