//! Stable identifiers.
//!
//! Every document, comment, span annotation, label and sentiment level gets a number from the project's single
//! counter ([`crate::model::Project::next_id`]). The counter only grows, so an id is never reused, even after the
//! thing it named is deleted: a merged or re-imported file can never confuse an old reference with a new object.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a [`crate::model::Document`] within its project.
    DocId,
    "doc#"
);
id_type!(
    /// Identifies a [`crate::model::Comment`] within its project.
    CommentId,
    "comment#"
);
id_type!(
    /// Identifies a [`crate::model::SpanAnnotation`] within its project.
    SpanId,
    "span#"
);
id_type!(
    /// Identifies a [`crate::model::SpanLabel`] of the label schema.
    LabelId,
    "label#"
);
id_type!(
    /// Identifies a [`crate::model::SentimentLevel`] of the sentiment scale.
    SentimentId,
    "sentiment#"
);

id_type!(
    /// Identifies a [`crate::model::Dimension`] of comment tags (such as stance).
    DimensionId,
    "dimension#"
);
id_type!(
    /// Identifies one value of a [`crate::model::Dimension`] (such as "agrees").
    ValueId,
    "value#"
);

/// Hands out fresh ids from a counter that never goes back.
///
/// The allocator is a plain value so that importers can build whole documents before they are added to a
/// project: they borrow the project's counter, and the project keeps whatever the counter reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdAllocator(u64);

impl IdAllocator {
    /// An allocator whose first id is `next`.
    pub fn starting_at(next: u64) -> Self {
        Self(next.max(1))
    }

    /// The id the next call to [`Self::fresh`] returns.
    pub fn peek(self) -> u64 {
        self.0
    }

    /// A number never handed out before by this allocator.
    pub fn fresh(&mut self) -> u64 {
        let id = self.0;
        self.0 += 1;
        id
    }
}

impl Default for IdAllocator {
    fn default() -> Self {
        Self(1)
    }
}
