//! The edits of accepting and rejecting suggestions that are not plain highlights: a comment's whole tagging with
//! the suggestion it came from, and the list of rejected suggestions.

use crate::model::{CommentId, DocId, Project, Rejection, Tagging};

use super::apply::comment_mut;
use super::command::Command;
use super::error::EditError;

/// Replaces what `annotator` tagged on a comment with `tagging`; the inverse puts the old tagging back.
pub(super) fn set_tagging(
    project: &mut Project,
    doc: DocId,
    comment: CommentId,
    annotator: String,
    tagging: Tagging,
) -> Result<Command, EditError> {
    if let Some(level) = tagging.sentiment
        && project.schema.sentiment(level).is_none()
    {
        return Err(EditError::NotInSchema(level.to_string()));
    }
    if let Some(&dimension) = tagging.tags.keys().find(|&&d| project.schema.dimension(d).is_none()) {
        return Err(EditError::NotInSchema(dimension.to_string()));
    }
    let old = comment_mut(project, doc, comment)?.retag(&annotator, |slot| std::mem::replace(slot, tagging));
    Ok(Command::SetTagging { doc, comment, annotator, tagging: Box::new(old) })
}

/// Records or withdraws a rejection; recording one twice keeps one.
pub(super) fn set_rejected(
    project: &mut Project,
    rejection: Box<Rejection>,
    rejected: bool,
) -> Result<Command, EditError> {
    let at = project.rejected.iter().position(|r| *r == *rejection);
    match (rejected, at) {
        (true, None) => project.rejected.push((*rejection).clone()),
        (false, Some(at)) => {
            project.rejected.remove(at);
        }
        // Already as asked: the inverse changes nothing either.
        (true, Some(_)) | (false, None) => return Ok(Command::batch("Reject suggestion", Vec::new())),
    }
    Ok(Command::SetRejected { rejection, rejected: !rejected })
}
