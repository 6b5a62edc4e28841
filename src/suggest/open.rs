//! Which suggestions are still for an annotator to decide: not already done by a highlight or tag of theirs, and
//! not rejected by them. A passage counts as done when the annotator's highlights with the suggestion's label
//! cover at least half of it, so a nested attribution (the ministry reporting what the minister said) stays open
//! when only the inner quote is highlighted, while a highlight whose edges were moved a little still closes it.

use std::collections::{HashMap, HashSet};

use crate::model::{DocId, LabelId, Project, Rejected, Target, same_name};

use super::{Kind, Suggestion};

/// Whether `s` is still for `annotator` to decide. For many suggestions at once, [`open_of`] is faster.
pub fn is_open(project: &Project, s: &Suggestion, annotator: &str) -> bool {
    open_of(project, std::slice::from_ref(s), annotator)[0]
}

/// For each of `suggestions`, whether it is still for `annotator` to decide: no highlight of theirs with its
/// label covers half of it (nor, for sentiment, did they tag the comment), and no rejection of theirs covers half
/// of it. The window re-checks its list with this after every edit, so that undoing an accept brings the
/// suggestion back; it indexes the highlights once, so a long article with thousands of both stays quick.
pub fn open_of(project: &Project, suggestions: &[Suggestion], annotator: &str) -> Vec<bool> {
    let done = Done::of(project, annotator);
    suggestions.iter().map(|s| done.is_open(project, s, annotator)).collect()
}

/// Ranges of one text, sorted by start, with the longest length, for overlap queries.
#[derive(Default)]
struct Ranges {
    sorted: Vec<(usize, usize)>,
    longest: usize,
}

impl Ranges {
    fn push(&mut self, range: (usize, usize)) {
        self.sorted.push(range);
        self.longest = self.longest.max(range.1.saturating_sub(range.0));
    }

    fn sort(&mut self) {
        self.sorted.sort_unstable();
    }

    /// Code points of `a..b` that some range covers (ranges that overlap each other may count twice, which only
    /// makes a passage count as covered sooner).
    fn overlap(&self, (a, b): (usize, usize)) -> usize {
        let from = self.sorted.partition_point(|r| r.0 + self.longest <= a);
        self.sorted[from..].iter().take_while(|r| r.0 < b).map(|r| r.1.min(b).saturating_sub(r.0.max(a))).sum()
    }
}

/// The annotator's highlights and rejected passages, by document, text and label.
struct Done {
    spans: HashMap<(DocId, Target, LabelId), Ranges>,
    rejected: HashMap<(DocId, Target, LabelId), Ranges>,
    /// The comments whose suggested sentiment was rejected.
    rejected_sentiments: HashSet<(DocId, Target)>,
}

impl Done {
    fn of(project: &Project, annotator: &str) -> Self {
        let mut spans: HashMap<(DocId, Target, LabelId), Ranges> = HashMap::new();
        for doc in &project.documents {
            for span in doc.spans.iter().filter(|s| same_name(&s.annotator, annotator)) {
                // A highlight accepted from a suggestion and then given another label still decides it.
                let other = span.suggested.as_ref().map(|p| p.label).filter(|&l| l != span.label);
                let labels = std::iter::once(span.label).chain(other);
                for label in labels {
                    let slot = spans.entry((doc.id, span.target, label)).or_default();
                    span.ranges.iter().for_each(|r| slot.push((r.start, r.end)));
                }
            }
        }
        let mut rejected: HashMap<(DocId, Target, LabelId), Ranges> = HashMap::new();
        let mut rejected_sentiments = HashSet::new();
        for rejection in project.rejected.iter().filter(|r| same_name(&r.annotator, annotator)) {
            match &rejection.what {
                Rejected::Span { label, ranges } => {
                    let slot = rejected.entry((rejection.doc, rejection.target, *label)).or_default();
                    ranges.iter().for_each(|r| slot.push((r.start, r.end)));
                }
                Rejected::Sentiment(_) => {
                    rejected_sentiments.insert((rejection.doc, rejection.target));
                }
            }
        }
        spans.values_mut().chain(rejected.values_mut()).for_each(Ranges::sort);
        Self { spans, rejected, rejected_sentiments }
    }

    fn is_open(&self, project: &Project, s: &Suggestion, annotator: &str) -> bool {
        let Some(doc) = project.document(s.document) else { return false };
        if s.kind == Kind::Sentiment {
            let Target::Comment(id) = s.target else { return false };
            let rejected = self.rejected_sentiments.contains(&(s.document, s.target));
            return !rejected && doc.comment(id).is_some_and(|c| c.sentiment_of(annotator).is_none());
        }
        let Some(label) = s.label else { return true };
        let key = (s.document, s.target, label);
        let length: usize = s.ranges.iter().map(|&(a, b)| b - a).sum();
        let covered = |index: &HashMap<(DocId, Target, LabelId), Ranges>| {
            index.get(&key).is_some_and(|ranges| {
                let overlap: usize = s.ranges.iter().map(|&r| ranges.overlap(r)).sum();
                overlap * 2 >= length.max(1)
            })
        };
        !covered(&self.spans) && !covered(&self.rejected)
    }
}

#[cfg(test)]
mod tests {
    use super::Ranges;

    #[test]
    fn overlap_counts_the_covered_code_points_of_long_and_short_ranges() {
        let mut ranges = Ranges::default();
        for r in [(0, 100), (10, 12), (50, 60), (200, 210)] {
            ranges.push(r);
        }
        ranges.sort();
        assert_eq!(ranges.overlap((95, 105)), 5);
        assert_eq!(ranges.overlap((205, 300)), 5);
        assert_eq!(ranges.overlap((100, 200)), 0);
        assert_eq!(ranges.overlap((11, 51)), 40 + 1 + 1);
    }
}
