//! Consistency checks run on every loaded project and by `gloss validate`.

use super::text::CharIndex;
use std::collections::HashSet;

use super::document::Document;
use super::project::Project;
use super::span::Target;

/// One way a project contradicts itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// Two things share an id.
    #[error("id {id} is used twice (the second time by {what})")]
    DuplicateId {
        /// The id.
        id: u64,
        /// What the second user is, e.g. "comment 3 of document \"…\"".
        what: String,
    },
    /// An id is not below the project's counter, so it could be handed out again.
    #[error("id {id} is not below next_id {next}; new ids could collide with it")]
    IdNotBelowCounter {
        /// The id.
        id: u64,
        /// The counter.
        next: u64,
    },
    /// A reference points at nothing.
    #[error("{what} refers to {missing}, which does not exist")]
    Dangling {
        /// Who refers.
        what: String,
        /// What is missing.
        missing: String,
    },
    /// A span's ranges are empty, unordered, overlapping or outside its text.
    #[error("{what}: {detail}")]
    BadRange {
        /// Which span.
        what: String,
        /// What is wrong.
        detail: String,
    },
}

impl Project {
    /// Every contradiction in the project; an empty list means it is consistent.
    pub fn problems(&self) -> Vec<Problem> {
        let mut checker = Checker { project: self, seen: HashSet::new(), problems: Vec::new() };
        checker.schema();
        for doc in &self.documents {
            checker.document(doc);
        }
        checker.problems
    }

    /// The contradictions `doc` (in this project, or about to join it) brings: ids used twice within it or not
    /// below the counter, references to labels, levels, values, comments and parents that do not exist, and
    /// ranges that do not quote their text. Cheaper than [`Self::problems`] for checking one new document.
    pub fn document_problems(&self, doc: &Document) -> Vec<Problem> {
        let mut checker = Checker { project: self, seen: HashSet::new(), problems: Vec::new() };
        checker.document(doc);
        checker.problems
    }
}

impl super::SpanAnnotation {
    /// What is wrong with this span's ranges in `text` (empty, unordered, overlapping, or not quoting the text
    /// there), if anything; `index` indexes `text`.
    pub fn range_problem(&self, text: &str, index: &CharIndex) -> Option<String> {
        range_problem(self, text, index)
    }
}

struct Checker<'a> {
    project: &'a Project,
    seen: HashSet<u64>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn id(&mut self, id: u64, what: impl FnOnce() -> String) {
        if !self.seen.insert(id) {
            self.problems.push(Problem::DuplicateId { id, what: what() });
        }
        let next = self.project.next_id.peek();
        if id >= next {
            self.problems.push(Problem::IdNotBelowCounter { id, next });
        }
    }

    fn schema(&mut self) {
        let schema = &self.project.schema;
        for label in &schema.span_labels {
            self.id(label.id.0, || format!("label \"{}\"", label.name));
        }
        for level in &schema.sentiments {
            self.id(level.id.0, || format!("sentiment \"{}\"", level.name));
        }
        for dimension in &schema.dimensions {
            self.id(dimension.id.0, || format!("dimension \"{}\"", dimension.name));
            for value in &dimension.values {
                self.id(value.id.0, || format!("value \"{}\" of dimension \"{}\"", value.name, dimension.name));
            }
        }
    }

    fn document(&mut self, doc: &Document) {
        let doc_name = format!("document \"{}\"", doc.title);
        self.id(doc.id.0, || doc_name.clone());
        for comment in &doc.comments {
            let what = format!("comment {} of {doc_name}", comment.id.0);
            self.id(comment.id.0, || what.clone());
            for (_, level) in comment.sentiments() {
                if self.project.schema.sentiment(level).is_none() {
                    self.dangling(&what, format!("sentiment {}", level.0));
                }
            }
            if let Some(parent) = comment.parent
                && doc.comment(parent).is_none()
            {
                self.dangling(&what, format!("parent comment {}", parent.0));
            }
            for (dimension, value) in comment.tagged_by.values().flat_map(|t| &t.tags) {
                let known =
                    self.project.schema.dimension(*dimension).is_some_and(|d| d.values.iter().any(|v| v.id == *value));
                if !known {
                    self.dangling(&what, format!("value {} of dimension {}", value.0, dimension.0));
                }
            }
        }
        let mut body_index: Option<CharIndex> = None;
        for span in &doc.spans {
            let what = format!("span {} of {doc_name}", span.id.0);
            self.id(span.id.0, || what.clone());
            if self.project.schema.label(span.label).is_none() {
                self.dangling(&what, format!("label {}", span.label.0));
            }
            let Some(text) = doc.target_text(span.target) else {
                if let Target::Comment(id) = span.target {
                    self.dangling(&what, format!("comment {}", id.0));
                }
                continue;
            };
            let index = match span.target {
                Target::Body => body_index.get_or_insert_with(|| CharIndex::new(&doc.body)),
                Target::Comment(_) => &CharIndex::new(text),
            };
            if let Some(detail) = range_problem(span, text, index) {
                self.problems.push(Problem::BadRange { what, detail });
            }
        }
        // An orphan's ranges index the older text it was made on, so only its id and label are checked.
        for span in &doc.orphans {
            let what = format!("orphaned span {} of {doc_name}", span.id.0);
            self.id(span.id.0, || what.clone());
            if self.project.schema.label(span.label).is_none() {
                self.dangling(&what, format!("label {}", span.label.0));
            }
        }
        for entry in &doc.review {
            let listed = match entry.status {
                super::Reanchor::Orphaned => doc.orphans.iter().any(|s| s.id == entry.span),
                _ => doc.span(entry.span).is_some(),
            };
            if !listed {
                self.dangling(&format!("the review list of {doc_name}"), format!("span {}", entry.span.0));
            }
        }
    }

    fn dangling(&mut self, what: &str, missing: String) {
        self.problems.push(Problem::Dangling { what: what.to_owned(), missing });
    }
}

fn range_problem(span: &super::SpanAnnotation, text: &str, index: &CharIndex) -> Option<String> {
    if span.ranges.is_empty() {
        return Some("has no ranges".to_owned());
    }
    let mut previous_end = 0;
    for (i, range) in span.ranges.iter().enumerate() {
        if range.is_empty() {
            return Some(format!("range {}..{} is empty", range.start, range.end));
        }
        if i > 0 && range.start < previous_end {
            return Some(format!("range {}..{} overlaps or precedes the one before it", range.start, range.end));
        }
        if index.slice(text, range.start, range.end) != Some(range.exact.as_str()) {
            return Some(format!(
                "range {}..{} should quote {:?}, but the text there differs or is too short",
                range.start, range.end, range.exact
            ));
        }
        previous_end = range.end;
    }
    None
}
