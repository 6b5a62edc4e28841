//! Opening files from the GUI: a project is loaded, an article becomes a new project.

use std::path::Path;

use anyhow::{Context, Result};

use crate::edit::{Command, Editor};
use crate::import::extract_file;
use crate::model::Project;

/// What opening a file gave.
pub(super) struct Opened {
    /// The project, ready to edit.
    pub editor: Editor,
    /// Whether the project is what the file holds (a loaded project) rather than something new and unsaved.
    pub saved: bool,
    /// Things to tell the user.
    pub notices: Vec<String>,
}

/// Whether `path` names a project rather than an article.
pub(super) fn is_project_path(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
}

/// Loads the project at `path`, or imports the article at `path` into a new project named after it.
pub(super) fn open(path: &Path) -> Result<Opened> {
    if is_project_path(path) {
        let project = crate::store::load(path)?;
        return Ok(Opened { editor: Editor::new(project, true), saved: true, notices: Vec::new() });
    }
    let article = extract_file(path).with_context(|| "cannot import the article".to_owned())?;
    let mut notices = vec![format!("Imported {}", article.summary())];
    notices.extend(article.warnings.iter().map(|w| format!("Warning: {w}")));
    let mut editor = Editor::new(Project::new(article.title.clone()), false);
    editor.apply(Command::AddDocument { index: 0, document: Box::new(article.into_document()), fresh_ids: true })?;
    Ok(Opened { editor, saved: false, notices })
}
