//! Opening project files from the GUI. (Articles are imported in the background: see `import_job`.)

use std::path::Path;

use anyhow::Result;

use crate::edit::Editor;

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

/// Loads the project at `path`.
pub(super) fn open(path: &Path) -> Result<Opened> {
    let project = crate::store::load(path)?;
    Ok(Opened { editor: Editor::new(project, true), saved: true, notices: Vec::new() })
}
