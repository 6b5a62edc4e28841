//! Finds the spans that overlap a piece of text without scanning every span: per target, the ranges sorted by
//! start with a running maximum of their ends.

use std::collections::HashMap;

use crate::model::{Document, LabelId, SpanId, Target, same_name};

/// One range of one span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndexedRange {
    /// Start in code points of the target text.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The span.
    pub span: SpanId,
    /// Its label.
    pub label: LabelId,
    /// Which underline row the range takes, so that overlapping highlights stay apart (0 is the lowest).
    pub lane: u8,
    /// Whether the span is the current annotator's (others' are drawn outlined).
    pub mine: bool,
}

#[derive(Default)]
struct TargetRanges {
    ranges: Vec<IndexedRange>,
    /// `max_end[i]` is the largest end among `ranges[..=i]`.
    max_end: Vec<usize>,
}

/// Interval lookup over the spans of one document.
#[derive(Default)]
pub struct SpanIndex {
    targets: HashMap<Target, TargetRanges>,
}

impl SpanIndex {
    /// Indexes every range of every span of `document`, or only of those of `only` when it names an annotator;
    /// `me` is the current annotator.
    pub fn build(document: &Document, only: Option<&str>, me: &str) -> Self {
        let mut targets: HashMap<Target, TargetRanges> = HashMap::new();
        for span in document.spans.iter().filter(|s| only.is_none_or(|who| same_name(who, &s.annotator))) {
            let mine = same_name(me, &span.annotator);
            let entry = targets.entry(span.target).or_default();
            for range in &span.ranges {
                entry.ranges.push(IndexedRange {
                    start: range.start,
                    end: range.end,
                    span: span.id,
                    label: span.label,
                    lane: 0,
                    mine,
                });
            }
        }
        for entry in targets.values_mut() {
            entry.ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end), r.span));
            // Each range takes the lowest lane free at its start: outer highlights below, nested ones above.
            let mut lane_ends: Vec<usize> = Vec::new();
            for range in &mut entry.ranges {
                let lane = lane_ends.iter().position(|&end| end <= range.start).unwrap_or(lane_ends.len());
                if lane == lane_ends.len() {
                    lane_ends.push(range.end);
                } else {
                    lane_ends[lane] = range.end;
                }
                range.lane = u8::try_from(lane).unwrap_or(u8::MAX);
            }
            let mut max = 0;
            entry.max_end = entry
                .ranges
                .iter()
                .map(|r| {
                    max = max.max(r.end);
                    max
                })
                .collect();
        }
        Self { targets }
    }

    /// Ranges of `target` that overlap `start..end`, in order of start.
    pub fn overlapping(&self, target: Target, start: usize, end: usize) -> Vec<IndexedRange> {
        let Some(entry) = self.targets.get(&target) else {
            return Vec::new();
        };
        let before_end = entry.ranges.partition_point(|r| r.start < end);
        // Walk back only while some earlier range can still reach into `start..end`.
        let mut found: Vec<IndexedRange> = Vec::new();
        for i in (0..before_end).rev() {
            if entry.max_end[i] <= start {
                break;
            }
            let range = entry.ranges[i];
            if range.end > start {
                found.push(range);
            }
        }
        found.reverse();
        found
    }

    /// The spans covering the code point at `offset`, shortest first (the innermost is the likeliest meant).
    pub fn at(&self, target: Target, offset: usize) -> Vec<IndexedRange> {
        let mut found = self.overlapping(target, offset, offset + 1);
        found.sort_by_key(|r| (r.end - r.start, r.span));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, Metadata, test_span};

    fn doc_with(ranges: &[(usize, usize)]) -> Document {
        let body = "x".repeat(100);
        let spans = ranges
            .iter()
            .enumerate()
            .map(|(i, &(start, end))| test_span(i as u64 + 1, Target::Body, &body, start, end))
            .collect();
        Document {
            id: DocId(0),
            title: String::new(),
            metadata: Metadata::default(),
            body,
            comments: Vec::new(),
            spans,
            note: String::new(),
            orphans: Vec::new(),
            review: Vec::new(),
        }
    }

    #[test]
    fn finds_overlapping_and_nested_ranges() {
        let index = SpanIndex::build(&doc_with(&[(0, 50), (10, 20), (30, 40), (60, 70)]), None, "");
        let ids = |v: Vec<IndexedRange>| v.into_iter().map(|r| r.span.0).collect::<Vec<_>>();
        assert_eq!(ids(index.overlapping(Target::Body, 35, 65)), [1, 3, 4]);
        assert_eq!(ids(index.overlapping(Target::Body, 50, 60)), Vec::<u64>::new());
        assert_eq!(ids(index.at(Target::Body, 15)), [2, 1]);
        assert!(index.overlapping(Target::Comment(crate::model::CommentId(9)), 0, 100).is_empty());
        let lanes: Vec<u8> = index.overlapping(Target::Body, 0, 100).into_iter().map(|r| r.lane).collect();
        assert_eq!(lanes, [0, 1, 1, 0], "nested highlights take the lane above the one they sit in");
    }

    #[test]
    fn shows_one_annotators_highlights_or_everyones_with_the_current_ones_marked() {
        let mut doc = doc_with(&[(0, 10), (20, 30)]);
        doc.spans[0].annotator = "Ana".to_owned();
        doc.spans[1].annotator = "Ben".to_owned();
        let all = SpanIndex::build(&doc, None, "ana").overlapping(Target::Body, 0, 100);
        assert_eq!(all.iter().map(|r| (r.span.0, r.mine)).collect::<Vec<_>>(), [(1, true), (2, false)]);
        let ben = SpanIndex::build(&doc, Some("Ben"), "Ana").overlapping(Target::Body, 0, 100);
        assert_eq!(ben.iter().map(|r| r.span.0).collect::<Vec<_>>(), [2]);
    }
}
