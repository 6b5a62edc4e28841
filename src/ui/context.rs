//! The narrow context every panel, window and dialog gets for one frame: what it may read (the project, the
//! selection, the settings, a few facts of the app) and the one thing it may do (send intents).

use super::intent::{Intent, Intents};
use super::selection::Selection;
use super::settings::Settings;
use super::suggestions::Suggestions;
use crate::model::{Document, Project};

/// Facts of the app that menus and bars show, gathered once per frame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Status {
    /// The file name, or the project's name if it has no file.
    pub name: String,
    /// Whether there are unsaved edits.
    pub dirty: bool,
    /// Whether edits are refused (another window has the project).
    pub read_only: bool,
    /// What Undo would take back.
    pub undo: Option<String>,
    /// What Redo would carry out again.
    pub redo: Option<String>,
    /// Whether there is an import report to show again.
    pub has_import_report: bool,
    /// The actions that open a window whose window is open now (the menus show them ticked).
    pub open_windows: Vec<super::actions::Action>,
    /// Whether another program changed the project's file since it was read or saved (and the user has not yet
    /// said to keep this version).
    pub changed_on_disk: bool,
    /// Whether suggestions are being found in the background.
    pub suggesting: bool,
}

/// What a component sees of the app during one frame.
pub struct Ctx<'a> {
    /// The project as it stands; only intents change it.
    pub project: &'a Project,
    /// A number that changes whenever the project changes, for caches.
    pub revision: u64,
    /// What is shown and selected.
    pub selection: &'a Selection,
    /// What the user set.
    pub settings: &'a Settings,
    /// Facts of the app.
    pub status: &'a Status,
    /// The suggestions found, and the one under review.
    pub suggestions: &'a Suggestions,
    intents: &'a mut Intents,
}

impl<'a> Ctx<'a> {
    /// A context over these parts; the app builds one per frame, a test builds its own.
    pub fn new(
        project: &'a Project,
        revision: u64,
        (selection, settings, status, suggestions): (&'a Selection, &'a Settings, &'a Status, &'a Suggestions),
        intents: &'a mut Intents,
    ) -> Self {
        Self { project, revision, selection, settings, status, suggestions, intents }
    }

    /// The document shown: the selected one, or the first.
    pub fn doc(&self) -> Option<&'a Document> {
        let project = self.project;
        self.selection.doc().and_then(|id| project.document(id)).or_else(|| project.documents.first())
    }

    /// Asks the app for `intent`, to be carried out once the frame is drawn.
    pub fn send(&mut self, intent: Intent) {
        self.intents.send(intent);
    }
}
