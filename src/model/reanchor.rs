//! What an update from a newer version of an article left for the annotator to decide: highlights whose text
//! changed (placed where the alignment proposes) and highlights whose text is gone (kept as orphans).
//!
//! The marks live in the project file, so a review interrupted by closing the window goes on where it stopped,
//! and a teammate who opens the file sees the same list.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::ids::SpanId;
use super::span::AnchoredRange;

/// What became of a highlight's text in the newer version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reanchor {
    /// The same text is there, perhaps at another place.
    Unchanged,
    /// Its text changed; the highlight is placed where the alignment carried it, for the annotator to confirm.
    Edited,
    /// Its text is gone; the highlight is kept with its old quote in the document's orphans.
    Orphaned,
}

impl Reanchor {
    /// The status as `gloss update --json` and the review window name it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Unchanged => "unchanged",
            Self::Edited => "edited",
            Self::Orphaned => "orphaned",
        }
    }
}

/// A highlight an update left for review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reanchoring {
    /// The highlight: in the document's spans when edited, in its orphans when orphaned.
    pub span: SpanId,
    /// Edited or orphaned.
    pub status: Reanchor,
    /// The ranges as they were on the older text, with their quote and context.
    pub before: Vec<AnchoredRange>,
    /// When the update was made.
    pub at: Timestamp,
}
