//! Counts of a project: documents, comments, highlights per label, verdict and annotator, comment sentiment and
//! dimensions, and highlights per document.

use std::collections::BTreeMap;

use crate::model::{Comment, Document, Outcome, Project, Verdict};

/// A name with how often it occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    /// Label, level, annotator or document name.
    pub name: String,
    /// Occurrences.
    pub count: usize,
}

/// How the comments are tagged in one further dimension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionCounts {
    /// The dimension's name.
    pub name: String,
    /// Comments per value, in the dimension's order.
    pub values: Vec<Count>,
}

/// The numbers of a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Number of documents.
    pub documents: usize,
    /// Number of comments in all documents.
    pub comments: usize,
    /// Comments with a sentiment tag.
    pub comments_tagged: usize,
    /// Span annotations in all documents.
    pub spans: usize,
    /// Spans per label, in schema order (labels with no spans included).
    pub spans_per_label: Vec<Count>,
    /// Comments per sentiment level, in scale order.
    pub sentiments: Vec<Count>,
    /// Comments per value of each further dimension.
    pub dimensions: Vec<DimensionCounts>,
    /// Spans per verdict, in the inspector's order.
    pub verdicts: Vec<Count>,
    /// Spans marked check-worthy.
    pub check_worthy: usize,
    /// Spans per annotator, most first ("(unknown)" for spans without one).
    pub spans_per_annotator: Vec<Count>,
    /// Spans per document, in project order.
    pub spans_per_document: Vec<Count>,
    /// What became of suggestions: highlights and sentiments accepted as suggested, edited after accepting, and
    /// rejected.
    pub suggestions: Vec<Count>,
}

impl Stats {
    /// Counts everything in `project`.
    pub fn of(project: &Project) -> Self {
        Self::of_documents(project, &project.documents.iter().collect::<Vec<_>>())
    }

    /// Counts the documents `docs` of `project` (for one document, or a selection).
    pub fn of_documents(project: &Project, docs: &[&Document]) -> Self {
        let schema = &project.schema;
        let spans = || docs.iter().flat_map(|d| &d.spans);
        let comments = || docs.iter().flat_map(|d| &d.comments);
        let spans_per_label = schema
            .span_labels
            .iter()
            .map(|label| Count { name: label.name.clone(), count: spans().filter(|s| s.label == label.id).count() })
            .collect();
        let sentiments = schema
            .sentiments
            .iter()
            .map(|level| Count {
                name: level.name.clone(),
                // Each annotator's tag counts: a merged project shows everyone's.
                count: comments().flat_map(Comment::sentiments).filter(|(_, s)| *s == level.id).count(),
            })
            .collect();
        let dimensions = schema
            .dimensions
            .iter()
            .map(|dimension| DimensionCounts {
                name: dimension.name.clone(),
                values: dimension
                    .values
                    .iter()
                    .map(|value| Count {
                        name: value.name.clone(),
                        count: comments()
                            .flat_map(|c| c.tagged_by.values())
                            .filter(|t| t.tags.get(&dimension.id) == Some(&value.id))
                            .count(),
                    })
                    .collect(),
            })
            .collect();
        let verdicts = Verdict::ALL
            .iter()
            .map(|v| Count { name: v.name().to_owned(), count: spans().filter(|s| s.verdict == *v).count() })
            .collect();
        let mut annotators: BTreeMap<String, usize> = BTreeMap::new();
        for span in spans() {
            let name = if span.annotator.trim().is_empty() { "(unknown)" } else { span.annotator.trim() };
            *annotators.entry(name.to_owned()).or_default() += 1;
        }
        let mut spans_per_annotator: Vec<Count> =
            annotators.into_iter().map(|(name, count)| Count { name, count }).collect();
        spans_per_annotator.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        Self {
            documents: docs.len(),
            comments: comments().count(),
            comments_tagged: comments().filter(|c| c.has_sentiment()).count(),
            spans: spans().count(),
            spans_per_label,
            sentiments,
            dimensions,
            verdicts,
            check_worthy: spans().filter(|s| s.check_worthy == Some(true)).count(),
            spans_per_annotator,
            spans_per_document: docs.iter().map(|d| Count { name: d.title.clone(), count: d.spans.len() }).collect(),
            suggestions: suggestion_counts(project, docs),
        }
    }

    /// Comments without a sentiment.
    pub fn untagged(&self) -> usize {
        self.comments - self.comments_tagged
    }
}

/// Highlights and sentiments accepted from suggestions (as suggested, or edited since) and suggestions
/// rejected, over `docs`.
fn suggestion_counts(project: &Project, docs: &[&Document]) -> Vec<Count> {
    let spans: Vec<Option<Outcome>> =
        docs.iter().flat_map(|d| &d.spans).map(crate::model::SpanAnnotation::outcome).collect();
    let tags: Vec<Option<Outcome>> = docs
        .iter()
        .flat_map(|d| &d.comments)
        .flat_map(|c| c.tagged_by.values())
        .map(crate::model::Tagging::outcome)
        .collect();
    let ids: Vec<_> = docs.iter().map(|d| d.id).collect();
    let rejected =
        |spans: bool| project.rejected.iter().filter(|r| ids.contains(&r.doc) && r.is_span() == spans).count();
    let count = |name: &str, count: usize| Count { name: name.to_owned(), count };
    let outcomes = |list: &[Option<Outcome>], outcome| list.iter().filter(|o| **o == Some(outcome)).count();
    vec![
        count("highlights accepted as suggested", outcomes(&spans, Outcome::AsIs)),
        count("highlights edited after accepting", outcomes(&spans, Outcome::Edited)),
        count("highlights rejected", rejected(true)),
        count("sentiments accepted as suggested", outcomes(&tags, Outcome::AsIs)),
        count("sentiments changed after accepting", outcomes(&tags, Outcome::Edited)),
        count("sentiments rejected", rejected(false)),
    ]
}

/// `part` of `whole` in percent, rounded, 0 for an empty whole.
pub fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_and_survive_an_empty_whole() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(5, 0), 0);
    }
}
