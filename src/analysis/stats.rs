//! Counts of documents, comments, spans per label and sentiment tags.

use crate::model::Project;

/// A name with how often it occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    /// Label or sentiment name.
    pub name: String,
    /// Occurrences.
    pub count: usize,
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
}

impl Stats {
    /// Counts everything in `project`.
    pub fn of(project: &Project) -> Self {
        let docs = &project.documents;
        let spans = docs.iter().flat_map(|d| &d.spans);
        let comments = || docs.iter().flat_map(|d| &d.comments);
        let spans_per_label = project
            .schema
            .span_labels
            .iter()
            .map(|label| Count {
                name: label.name.clone(),
                count: spans.clone().filter(|s| s.label == label.id).count(),
            })
            .collect();
        let sentiments = project
            .schema
            .sentiments
            .iter()
            .map(|level| Count {
                name: level.name.clone(),
                count: comments().filter(|c| c.sentiment == Some(level.id)).count(),
            })
            .collect();
        Self {
            documents: docs.len(),
            comments: comments().count(),
            comments_tagged: comments().filter(|c| c.sentiment.is_some()).count(),
            spans: spans.count(),
            spans_per_label,
            sentiments,
        }
    }
}
