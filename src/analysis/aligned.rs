//! The same articles in two projects: which document of one is which of the other, and which comment. An
//! exercise keeps its key's ids, so documents are matched by id where the text is the same; an article imported
//! twice is matched by its text.

use crate::model::{CommentId, DocId, Document, Project, Target, same_name};

/// A document of the reference project and its counterpart in the other, with their comments paired.
pub struct Pair<'a> {
    /// The reference's document.
    pub reference: &'a Document,
    /// The other project's, if it has the same article.
    pub other: Option<&'a Document>,
    /// For each comment of the other document, the reference's comment with the same place and text.
    comments: Vec<(CommentId, CommentId)>,
}

impl Pair<'_> {
    /// The reference's target for a target of the other document, if the other's comment has a counterpart.
    pub fn target_in_reference(&self, target: Target) -> Option<Target> {
        match target {
            Target::Body => Some(Target::Body),
            Target::Comment(id) => {
                self.comments.iter().find(|(other, _)| *other == id).map(|&(_, reference)| Target::Comment(reference))
            }
        }
    }

    /// The other document's comment that is the reference's `comment`.
    pub fn other_comment(&self, comment: CommentId) -> Option<CommentId> {
        self.comments.iter().find(|(_, reference)| *reference == comment).map(|&(other, _)| other)
    }
}

/// Every document of `reference`, each with its counterpart in `other`.
pub fn pairs<'a>(reference: &'a Project, other: &'a Project) -> Vec<Pair<'a>> {
    reference
        .documents
        .iter()
        .map(|document| {
            let same = |candidate: &&Document| candidate.body == document.body;
            let counterpart = other
                .document(document.id)
                .filter(|candidate| same(candidate))
                .or_else(|| other.documents.iter().find(same));
            let comments = counterpart.map(|c| comment_pairs(document, c)).unwrap_or_default();
            Pair { reference: document, other: counterpart, comments }
        })
        .collect()
}

/// Comments matched by position where their texts are the same.
fn comment_pairs(reference: &Document, other: &Document) -> Vec<(CommentId, CommentId)> {
    other
        .comments
        .iter()
        .zip(&reference.comments)
        .filter(|(a, b)| a.text == b.text)
        .map(|(a, b)| (a.id, b.id))
        .collect()
}

/// The name by which a label of `project` is compared: labels are the same when their names are (but for case).
pub fn label_key(names: &mut Vec<String>, name: &str) -> u64 {
    let index = names.iter().position(|n| same_name(n, name)).unwrap_or_else(|| {
        names.push(name.trim().to_owned());
        names.len() - 1
    });
    index as u64
}

/// A number for a target of a document, for comparing highlights across projects.
pub fn target_key(doc: DocId, target: Target) -> u64 {
    match target {
        Target::Body => doc.0 << 1,
        Target::Comment(id) => (id.0 << 1) | 1,
    }
}

/// Whose work a project is: its annotator (the name set in it), else the one most of their highlights carry,
/// else the project's name.
pub fn annotator_name(project: &Project) -> String {
    if !project.annotator.trim().is_empty() {
        return project.annotator.trim().to_owned();
    }
    let mut names: Vec<(usize, &str)> = Vec::new();
    for span in project.documents.iter().flat_map(|d| &d.spans) {
        match names.iter_mut().find(|(_, n)| *n == span.annotator) {
            Some((count, _)) => *count += 1,
            None => names.push((1, &span.annotator)),
        }
    }
    names.sort_by_key(|(count, _)| std::cmp::Reverse(*count));
    names.first().map(|(_, n)| n.trim().to_owned()).filter(|n| !n.is_empty()).unwrap_or_else(|| project.name.clone())
}
