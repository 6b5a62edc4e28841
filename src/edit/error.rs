//! Why an edit could not be carried out.

use crate::model::{CommentId, DocId, SpanId};

use super::fixup;

/// A command could not be carried out; the project is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The document is not in the project.
    #[error("document {0} is not in the project")]
    NoDocument(DocId),
    /// The comment is not in the document.
    #[error("comment {0} is not in this document")]
    NoComment(CommentId),
    /// The span is not in the document.
    #[error("highlight {0} is not in this document")]
    NoSpan(SpanId),
    /// The label or sentiment level is not in the schema.
    #[error("{0} is not in the label schema")]
    NotInSchema(String),
    /// The selected range does not fit the text.
    #[error("cannot highlight: {0}")]
    Range(#[from] crate::model::RangeError),
    /// An imported highlight does not quote the text it names.
    #[error("an imported highlight does not fit the text: {0}")]
    Anchor(String),
    /// A span needs at least one range.
    #[error("cannot highlight an empty selection")]
    NoRanges,
    /// A document with this id already exists.
    #[error("document {0} is already in the project")]
    DuplicateDocument(DocId),
    /// A new label schema would orphan spans or tags, or clash with other ids.
    #[error("cannot change the labels: {0}")]
    Schema(String),
    /// A repair would break a highlight or find nothing to repair.
    #[error("cannot repair: {0}")]
    Fixup(#[from] fixup::FixupError),
    /// A document would make the project contradict itself.
    #[error("the document cannot be added: {0}")]
    Invalid(String),
    /// Nothing to undo or redo.
    #[error("nothing to {0}")]
    NothingTo(&'static str),
}
