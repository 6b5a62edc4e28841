//! Span annotations: highlighted ranges of a document's body or of one comment.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::ids::{CommentId, LabelId, SpanId};
use super::text::{CharIndex, byte_index, char_index_of_byte, slice_chars};

/// How many code points of context are kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// The text a span annotates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Target {
    /// The article body.
    Body,
    /// One reader comment.
    Comment(CommentId),
}

/// One contiguous range of a span, with the quoted text and its context so that the anchor can be repaired if the
/// text ever changes (the W3C TextQuoteSelector beside the TextPositionSelector).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnchoredRange {
    /// Start offset in code points of the target text.
    pub start: usize,
    /// End offset (exclusive) in code points.
    pub end: usize,
    /// The text between `start` and `end`.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] code points before the range.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] code points after the range.
    pub suffix: String,
}

/// A range did not fit the text it was meant to anchor in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("range {start}..{end} does not fit a text of {len} characters")]
pub struct RangeError {
    /// Requested start.
    pub start: usize,
    /// Requested end.
    pub end: usize,
    /// Length of the text in code points.
    pub len: usize,
}

impl AnchoredRange {
    /// Anchors `start..end` (code points) in `text`, capturing the quote and its context.
    pub fn new(text: &str, start: usize, end: usize) -> Result<Self, RangeError> {
        let error = || RangeError { start, end, len: text.chars().count() };
        if start >= end {
            return Err(error());
        }
        let from = byte_index(text, start).ok_or_else(error)?;
        let to = from + byte_index(&text[from..], end - start).ok_or_else(error)?;
        Ok(Self::between_bytes(text, start, end, from, to))
    }

    /// Like [`Self::new`], finding the bytes through `index` (made for `text`): for anchoring many ranges in a
    /// long text.
    pub fn new_indexed(text: &str, index: &CharIndex, start: usize, end: usize) -> Result<Self, RangeError> {
        let error = || RangeError { start, end, len: text.chars().count() };
        if start >= end {
            return Err(error());
        }
        let from = index.byte(text, start).ok_or_else(error)?;
        let to = index.byte(text, end).ok_or_else(error)?;
        Ok(Self::between_bytes(text, start, end, from, to))
    }

    fn between_bytes(text: &str, start: usize, end: usize, from: usize, to: usize) -> Self {
        let before = &text[..from];
        let prefix_start = before.char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(i, _)| i);
        let after = &text[to..];
        let suffix_end = after.char_indices().nth(CONTEXT_CHARS).map_or(after.len(), |(i, _)| i);
        Self {
            start,
            end,
            exact: text[from..to].to_owned(),
            prefix: before[prefix_start..].to_owned(),
            suffix: after[..suffix_end].to_owned(),
        }
    }

    /// Anchors the byte range `from..to` of `text`; both ends must lie on character boundaries.
    pub fn from_bytes(text: &str, from: usize, to: usize) -> Result<Self, RangeError> {
        Self::new(text, char_index_of_byte(text, from), char_index_of_byte(text, to))
    }

    /// Whether the quote still matches `text` at the stored offsets.
    pub fn matches(&self, text: &str) -> bool {
        slice_chars(text, self.start, self.end) == Some(self.exact.as_str())
    }

    /// Length in code points.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the range covers no text (never true of a valid range).
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether the code point at `offset` lies inside the range.
    pub fn contains(&self, offset: usize) -> bool {
        (self.start..self.end).contains(&offset)
    }
}

/// The quoted text of `ranges`, joined with " … " where the quote is interrupted.
pub fn quote_of(ranges: &[AnchoredRange]) -> String {
    let parts: Vec<&str> = ranges.iter().map(|r| r.exact.as_str()).collect();
    parts.join(" … ")
}

/// What a fact-check found about a span.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// Not checked (yet).
    #[default]
    Unverified,
    /// Checked and true.
    Accurate,
    /// Checked and false.
    Inaccurate,
    /// True in part, or true but presented so as to mislead.
    Misleading,
    /// Cannot be checked.
    Unverifiable,
}

impl Verdict {
    /// Every verdict, in the order the inspector offers them.
    pub const ALL: [Self; 5] =
        [Self::Unverified, Self::Accurate, Self::Inaccurate, Self::Misleading, Self::Unverifiable];

    /// The verdict called `name` (as [`Self::name`] gives it).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.name() == name)
    }

    /// Whether nothing has been found yet (the default, which project files leave out).
    pub fn is_unverified(&self) -> bool {
        *self == Self::Unverified
    }

    /// The verdict's name as shown and exported.
    pub fn name(self) -> &'static str {
        match self {
            Self::Unverified => "Unverified",
            Self::Accurate => "Accurate",
            Self::Inaccurate => "Inaccurate",
            Self::Misleading => "Misleading",
            Self::Unverifiable => "Unverifiable",
        }
    }
}

/// A highlighted piece of text with its label and attributes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpanAnnotation {
    /// Stable id.
    pub id: SpanId,
    /// The body, or the comment the span lies in.
    pub target: Target,
    /// One or more ranges in ascending order; a quote interrupted by "he said" is one annotation with two ranges.
    pub ranges: Vec<AnchoredRange>,
    /// The label, by id.
    pub label: LabelId,
    /// Who said it or where it comes from, if the annotator recorded it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub speaker: String,
    /// The annotator's free note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Whether the claim is worth checking; unset until someone decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_worthy: Option<bool>,
    /// What a check found.
    #[serde(default, skip_serializing_if = "Verdict::is_unverified")]
    pub verdict: Verdict,
    /// When the span was made.
    pub created: Timestamp,
    /// When the span last changed.
    pub modified: Timestamp,
    /// Who made the span.
    #[serde(default)]
    pub annotator: String,
    /// The suggestion the span was accepted from, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested: Option<Box<super::provenance::SuggestedSpan>>,
    /// The IRI a W3C annotation file gave the highlight it came from, so that exporting it again names it the
    /// same; highlights made here are named by their id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iri: Option<String>,
}

impl SpanAnnotation {
    /// A highlight of `ranges` with `label` made at `at`, with no attributes, annotator or note yet.
    pub fn new(id: SpanId, target: Target, ranges: Vec<AnchoredRange>, label: LabelId, at: Timestamp) -> Self {
        Self {
            id,
            target,
            ranges,
            label,
            speaker: String::new(),
            note: String::new(),
            check_worthy: None,
            verdict: Verdict::Unverified,
            created: at,
            modified: at,
            annotator: String::new(),
            suggested: None,
            iri: None,
        }
    }

    /// First code point covered.
    pub fn start(&self) -> usize {
        self.ranges.first().map_or(0, |r| r.start)
    }

    /// One past the last code point covered.
    pub fn end(&self) -> usize {
        self.ranges.last().map_or(0, |r| r.end)
    }

    /// The quoted text of all ranges, joined with " … " where the quote is interrupted.
    pub fn quote(&self) -> String {
        quote_of(&self.ranges)
    }

    /// Whether any range covers the code point at `offset`.
    pub fn covers(&self, offset: usize) -> bool {
        self.ranges.iter().any(|r| r.contains(offset))
    }

    /// Total number of code points covered.
    pub fn covered_len(&self) -> usize {
        self.ranges.iter().map(AnchoredRange::len).sum()
    }
}

/// A span with one range and label 1, for tests across the crate.
#[cfg(test)]
pub(crate) fn test_span(id: u64, target: Target, text: &str, start: usize, end: usize) -> SpanAnnotation {
    let range = AnchoredRange::new(text, start, end).unwrap_or_else(|e| panic!("{e}"));
    SpanAnnotation::new(SpanId(id), target, vec![range], LabelId(1), Timestamp::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_quote_and_context_in_code_points() {
        let text = "Ереван 😀 said “24.3 percent” today";
        let start = text.chars().position(|c| c == '“').unwrap();
        let range = AnchoredRange::new(text, start, start + 14).unwrap();
        assert_eq!(range.exact, "“24.3 percent”");
        assert_eq!(range.prefix, "Ереван 😀 said ");
        assert_eq!(range.suffix, " today");
        assert!(range.matches(text));
        assert!(!range.matches("something else entirely, longer than that"));
    }

    #[test]
    fn context_is_capped() {
        let text = "x".repeat(100);
        let range = AnchoredRange::new(&text, 50, 51).unwrap();
        assert_eq!(range.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(range.suffix.chars().count(), CONTEXT_CHARS);
    }

    #[test]
    fn rejects_empty_and_out_of_bounds_ranges() {
        assert!(AnchoredRange::new("abc", 2, 2).is_err());
        assert!(AnchoredRange::new("abc", 1, 4).is_err());
        assert!(AnchoredRange::new("abc", 3, 1).is_err());
    }
}
