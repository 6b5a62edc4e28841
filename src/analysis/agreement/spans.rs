//! How far one annotator's highlights match another's (a student's the answer key's): precision, recall and F1
//! counted three ways, all in code points of the target text.
//!
//! - **Exact**: a highlight matches when one of the other side has the same target, parts and label.
//! - **Overlap**: a key highlight is recalled when a highlight of the same label and target overlaps it by at least
//!   one code point; a highlight is precise when it overlaps a key highlight of its label. There is no one-to-one
//!   matching: one long highlight can recall two short ones.
//! - **Characters**: the code points each side covers with a label, as sets.

use std::collections::BTreeSet;

/// A highlight reduced to what comparison looks at.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mark {
    /// The text it lies in (the body, or one comment), as any number that tells texts apart.
    pub target: u64,
    /// Its parts, `start..end` in code points, in order.
    pub ranges: Vec<(usize, usize)>,
    /// Its label, as any number that tells labels apart.
    pub label: u64,
}

impl Mark {
    /// Whether any part of `self` shares a code point with any part of `other` in the same text.
    pub fn overlaps(&self, other: &Self) -> bool {
        self.target == other.target
            && self.ranges.iter().any(|&(a, b)| other.ranges.iter().any(|&(c, d)| a < d && c < b))
    }

    /// Whether `other` has the same label and overlaps `self`: a match by overlap.
    pub fn touches(&self, other: &Self) -> bool {
        self.label == other.label && self.overlaps(other)
    }
}

/// Precision, recall and F1 of a comparison, with the sizes they come from. Where a side is empty its share is 0
/// (never NaN), and `key` or `found` being 0 says why.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    /// The share of what was found that is right.
    pub precision: f64,
    /// The share of the key that was found.
    pub recall: f64,
    /// Their harmonic mean.
    pub f1: f64,
    /// How many items the key has.
    pub key: usize,
    /// How many items were found.
    pub found: usize,
}

impl Score {
    /// The score of `found` items of which `precise` are right, against `key` items of which `recalled` were
    /// found.
    pub fn new(key: usize, found: usize, recalled: usize, precise: usize) -> Self {
        let share = |part: usize, whole: usize| if whole == 0 { 0.0 } else { part as f64 / whole as f64 };
        let (precision, recall) = (share(precise, found), share(recalled, key));
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        Self { precision, recall, f1, key, found }
    }
}

/// Exact matches: the same target, parts and label.
pub fn exact(key: &[Mark], found: &[Mark]) -> Score {
    let key: BTreeSet<&Mark> = key.iter().collect();
    let found: BTreeSet<&Mark> = found.iter().collect();
    let both = key.intersection(&found).count();
    Score::new(key.len(), found.len(), both, both)
}

/// Matches by overlap of at least one code point, with the same label. Each side's marks are indexed, so that a
/// team's whole corpus (thousands of highlights a side) is compared in n log n rather than n².
pub fn overlap(key: &[Mark], found: &[Mark]) -> Score {
    let key: Vec<&Mark> = key.iter().collect::<BTreeSet<_>>().into_iter().collect();
    let found: Vec<&Mark> = found.iter().collect::<BTreeSet<_>>().into_iter().collect();
    let recalled = touching(&key, &Parts::of(&found));
    let precise = touching(&found, &Parts::of(&key));
    Score::new(key.len(), found.len(), recalled, precise)
}

/// How many of `marks` touch (same label, one code point in common) a mark indexed in `others`.
fn touching(marks: &[&Mark], others: &Parts) -> usize {
    marks.iter().filter(|m| m.ranges.iter().any(|&(a, b)| others.any_over((m.target, m.label), a, b))).count()
}

/// The parts of some marks by target and label, sorted by start, with the largest end so far beside each.
struct Parts {
    by_text: std::collections::HashMap<(u64, u64), (Vec<usize>, Vec<usize>)>,
}

impl Parts {
    fn of(marks: &[&Mark]) -> Self {
        let mut groups: std::collections::HashMap<(u64, u64), Vec<(usize, usize)>> = Default::default();
        for mark in marks {
            groups.entry((mark.target, mark.label)).or_default().extend(mark.ranges.iter().copied());
        }
        let by_text = groups
            .into_iter()
            .map(|(key, mut parts)| {
                parts.sort_unstable();
                let starts = parts.iter().map(|p| p.0).collect();
                let mut most = 0;
                let ends = parts
                    .iter()
                    .map(|p| {
                        most = most.max(p.1);
                        most
                    })
                    .collect();
                (key, (starts, ends))
            })
            .collect();
        Self { by_text }
    }

    /// Whether a part of `text` (target and label) shares a code point with `a..b`: among the parts that start
    /// before `b`, one ends after `a`.
    fn any_over(&self, text: (u64, u64), a: usize, b: usize) -> bool {
        let Some((starts, ends)) = self.by_text.get(&text) else { return false };
        let before = starts.partition_point(|&c| c < b);
        before > 0 && ends[before - 1] > a
    }
}

/// Matches by code point: the characters each side covers with `label`.
pub fn characters(key: &[Mark], found: &[Mark], label: u64) -> Score {
    let covered = |marks: &[Mark]| -> BTreeSet<(u64, usize)> {
        marks
            .iter()
            .filter(|m| m.label == label)
            .flat_map(|m| m.ranges.iter().flat_map(move |&(a, b)| (a..b).map(move |at| (m.target, at))))
            .collect()
    };
    let (key, found) = (covered(key), covered(found));
    let both = key.intersection(&found).count();
    Score::new(key.len(), found.len(), both, both)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, label: u64) -> Mark {
        Mark { target: 0, ranges: vec![(start, end)], label }
    }

    #[test]
    fn exact_overlap_and_character_scores_of_a_student_against_a_key() {
        let key = [mark(0, 10, 1), mark(20, 30, 1), mark(40, 50, 2)];
        // One exact, one off by its boundaries, one with the wrong label, one extra.
        let student = [mark(0, 10, 1), mark(22, 35, 1), mark(40, 50, 1), mark(60, 65, 2)];
        let exact = exact(&key, &student);
        assert_eq!((exact.precision, exact.recall), (0.25, 1.0 / 3.0));
        assert!((exact.f1 - 2.0 * 0.25 * (1.0 / 3.0) / (0.25 + 1.0 / 3.0)).abs() < 1e-12);
        // Overlap: key 0..10 and 20..30 are recalled (label 1); 40..50 (label 2) is not. Of the student's, 0..10 and
        // 22..35 touch a key highlight of their label; 40..50 has label 1 where the key has 2.
        let overlap = overlap(&key, &student);
        assert_eq!((overlap.recall, overlap.precision), (2.0 / 3.0, 0.5));
        // Characters of label 1: the key covers 20, the student 10 + 13 + 10 = 33, of which 10 + 8 agree.
        let chars = characters(&key, &student, 1);
        assert_eq!((chars.key, chars.found), (20, 33));
        assert_eq!((chars.recall, chars.precision), (18.0 / 20.0, 18.0 / 33.0));
    }

    #[test]
    fn empty_sides_score_zero_and_say_so() {
        let none = exact(&[], &[]);
        assert_eq!(none, Score { precision: 0.0, recall: 0.0, f1: 0.0, key: 0, found: 0 });
        let nothing_found = overlap(&[mark(0, 5, 1)], &[]);
        assert_eq!((nothing_found.f1, nothing_found.found, nothing_found.key), (0.0, 0, 1));
        assert!(!characters(&[mark(0, 5, 1)], &[mark(0, 5, 1)], 2).f1.is_nan());
    }

    #[test]
    fn highlights_in_other_texts_or_with_other_parts_do_not_match() {
        let key = [Mark { target: 1, ranges: vec![(0, 5), (10, 15)], label: 1 }];
        let other_text = [Mark { target: 2, ranges: vec![(0, 5), (10, 15)], label: 1 }];
        assert_eq!(overlap(&key, &other_text).f1, 0.0);
        let one_part = [Mark { target: 1, ranges: vec![(0, 5)], label: 1 }];
        assert_eq!(exact(&key, &one_part).f1, 0.0);
        assert_eq!(overlap(&key, &one_part).f1, 1.0);
        assert_eq!(characters(&key, &one_part, 1).recall, 0.5);
    }
}
