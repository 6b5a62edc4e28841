//! Projects of several people made from one: a copy that is another annotator's work, and a comment tagged
//! otherwise.

#![allow(dead_code, reason = "each test file uses what it needs")]

use gloss::model::Project;

/// `project` as `name`'s own file: they are its annotator, and every highlight and comment tag is theirs.
pub fn as_annotator(mut project: Project, name: &str) -> Project {
    name.clone_into(&mut project.annotator);
    for doc in &mut project.documents {
        for span in &mut doc.spans {
            name.clone_into(&mut span.annotator);
        }
        for comment in &mut doc.comments {
            let taggings = std::mem::take(&mut comment.tagged_by);
            if let Some(tagging) = taggings.into_values().next() {
                comment.tagged_by.insert(name.to_owned(), tagging);
            }
        }
    }
    project
}

/// Gives the first comment of the first document, as the project's annotator, a sentiment other than the one it
/// has.
pub fn retag_first_comment(project: &mut Project) {
    let levels: Vec<_> = project.schema.sentiments.iter().map(|l| l.id).collect();
    let who = project.annotator.clone();
    let comment = &mut project.documents[0].comments[0];
    comment.retag(&who, |t| t.sentiment = levels.iter().copied().find(|l| Some(*l) != t.sentiment));
}
