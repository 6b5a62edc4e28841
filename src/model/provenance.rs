//! Where work came from when a suggester proposed it, and the suggestions an annotator turned down.
//!
//! An accepted suggestion becomes ordinary work of the annotator; what was proposed stays beside it, so a team can
//! count how many were taken as they were, edited, or rejected.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::ids::{DocId, LabelId, SentimentId};
use super::span::{AnchoredRange, SpanAnnotation, Target};

/// The suggester that proposed a highlight, and the highlight as it proposed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestedSpan {
    /// The suggester, e.g. "gloss-rules".
    pub by: String,
    /// Its version.
    pub version: String,
    /// The label it proposed.
    pub label: LabelId,
    /// The ranges it proposed, in code points of the target text.
    pub ranges: Vec<(usize, usize)>,
}

/// The suggester that proposed a comment's sentiment, and the level it proposed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestedSentiment {
    /// The suggester, e.g. "vader".
    pub by: String,
    /// Its version.
    pub version: String,
    /// The level it proposed.
    pub sentiment: SentimentId,
}

/// What became of an accepted suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// The work is what was suggested.
    AsIs,
    /// The annotator changed the ranges, the label or the level after accepting.
    Edited,
}

impl SpanAnnotation {
    /// What became of the suggestion this highlight was accepted from; none for a highlight made by hand.
    pub fn outcome(&self) -> Option<Outcome> {
        let suggested = self.suggested.as_ref()?;
        let ranges: Vec<(usize, usize)> = self.ranges.iter().map(|r| (r.start, r.end)).collect();
        Some(if suggested.label == self.label && suggested.ranges == ranges { Outcome::AsIs } else { Outcome::Edited })
    }
}

/// A suggestion an annotator turned down; the same passage or comment is not suggested to them again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    /// The document.
    pub doc: DocId,
    /// Who rejected it.
    pub annotator: String,
    /// The body or the comment it was about.
    pub target: Target,
    /// What was proposed.
    pub what: Rejected,
    /// The suggester.
    pub by: String,
    /// When it was rejected.
    pub at: Timestamp,
}

/// The proposal of a [`Rejection`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rejected {
    /// A highlight with this label over these ranges (anchored with their quote, so that they survive a new
    /// version of the text).
    Span {
        /// The proposed label.
        label: LabelId,
        /// The proposed ranges.
        ranges: Vec<AnchoredRange>,
    },
    /// A sentiment level for the comment.
    Sentiment(SentimentId),
}

impl Rejection {
    /// Whether it turned down a highlight (rather than a sentiment).
    pub fn is_span(&self) -> bool {
        matches!(self.what, Rejected::Span { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_span;

    #[test]
    fn a_highlight_is_as_suggested_until_its_edges_or_label_change() {
        let text = "He said it was fine.";
        let mut span = test_span(1, Target::Body, text, 3, 7);
        assert_eq!(span.outcome(), None);
        let suggested = SuggestedSpan { by: "t".into(), version: "1".into(), label: LabelId(1), ranges: vec![(3, 7)] };
        span.suggested = Some(Box::new(suggested));
        assert_eq!(span.outcome(), Some(Outcome::AsIs));
        span.label = LabelId(2);
        assert_eq!(span.outcome(), Some(Outcome::Edited));
        span.label = LabelId(1);
        span.ranges = vec![AnchoredRange::new(text, 0, 7).unwrap()];
        assert_eq!(span.outcome(), Some(Outcome::Edited));
    }
}
