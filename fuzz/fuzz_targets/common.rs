//! What the import targets share: imported articles placed into a new project, which must stay valid.

use gloss::import::Extracted;

/// Places `articles` into a new project as an import does and checks the project that results.
pub fn place_and_check(articles: Vec<Extracted>) {
    let project = gloss::model::Project::new("fuzz");
    let placement = gloss::edit::imported::place(&project, articles, jiff::Timestamp::UNIX_EPOCH);
    let mut editor = gloss::edit::Editor::new(project, true);
    for command in placement.commands {
        let _ = editor.apply(command);
    }
    assert!(editor.project().problems().is_empty());
}
