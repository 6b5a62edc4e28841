//! What a three-way merge could not decide on its own.

use serde::{Deserialize, Serialize};

use super::ids::{CommentId, DocId, SpanId};

/// A place both people changed in different ways. Both versions are in the project (nothing is lost); this
/// names where and what, so that the window can list it until the user has chosen and dismisses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The document concerned, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<DocId>,
    /// The comment concerned, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<CommentId>,
    /// The highlights concerned: each side's version.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<SpanId>,
    /// What happened, as a sentence.
    pub message: String,
}
