//! A project's documents as an import sees them: texts with their annotations by names, so that merging uses the
//! same matching, schema extension and never-overwrite rules as importing another person's dataset.

use crate::import::{
    Annotations, CommentRef, Existing, Extracted, ExtractedComment, ExtractedRejection, ExtractedSpan, Marks, Place,
    Quote, Suggested,
};
use crate::model::{Document, Project, Rejected, Target};

/// Each document of `other` as an imported article; one that `into` already has (the same id and text, or else
/// the same text) is marked as that document's, so its annotations join it.
pub(super) fn articles(into: &Project, other: &Project) -> Vec<Extracted> {
    other.documents.iter().map(|doc| article(other, doc, same_document(into, doc))).collect()
}

/// The document of `project` with the same text as `doc` (body and comments): preferably the one with its id.
pub(super) fn same_document<'a>(project: &'a Project, doc: &Document) -> Option<&'a Document> {
    let same = |d: &&Document| d.has_text(&doc.body, doc.comments.iter().map(|c| c.text.as_str()));
    let mut candidates = project.documents.iter().filter(same);
    let first = candidates.clone().next();
    candidates.find(|d| d.id == doc.id).or(first)
}

fn article(project: &Project, doc: &Document, existing: Option<&Document>) -> Extracted {
    let schema = &project.schema;
    let comments = doc
        .comments
        .iter()
        .map(|c| ExtractedComment {
            number: c.number.clone(),
            author: c.author.clone(),
            date: c.date.clone(),
            timestamp: c.timestamp.clone(),
            text: c.text.clone(),
            parent: c.parent.and_then(|p| doc.comment_index(p)),
        })
        .collect();
    let mut annotations = Annotations { existing: existing.map(|d| Existing::Id(d.id.0)), ..Annotations::default() };
    for span in &doc.spans {
        let place = match span.target {
            Target::Body => Place::Body,
            Target::Comment(c) => match doc.comment_index(c) {
                Some(index) => Place::Comment(CommentRef::Index(index)),
                None => continue,
            },
        };
        let ranges = span.ranges.iter().map(|r| (r.start, r.end)).collect();
        let label = schema.label(span.label).map_or("", |l| l.name.as_str());
        let mut made = ExtractedSpan::new(place, ranges, label);
        made.speaker.clone_from(&span.speaker);
        made.note.clone_from(&span.note);
        made.check_worthy = span.check_worthy;
        made.verdict = span.verdict;
        made.annotator.clone_from(&span.annotator);
        made.created = Some(span.created);
        made.modified = Some(span.modified);
        made.quotes = span.ranges.iter().map(quote).collect();
        made.iri.clone_from(&span.iri);
        made.suggested = span.suggested.as_ref().map(|p| Suggested {
            by: p.by.clone(),
            version: p.version.clone(),
            proposed: schema.label(p.label).map_or_else(String::new, |l| l.name.clone()),
            ranges: p.ranges.clone(),
        });
        annotations.spans.push(made);
    }
    for (index, comment) in doc.comments.iter().enumerate() {
        for (who, tagging) in &comment.tagged_by {
            let marks = Marks {
                sentiment: tagging.sentiment.and_then(|s| schema.sentiment(s)).map(|l| l.name.clone()),
                dimensions: schema
                    .dimensions
                    .iter()
                    .filter_map(|d| Some((d.name.clone(), comment.tag_value(who, d)?.name.clone())))
                    .collect(),
                note: String::new(),
                annotator: who.clone(),
                suggested: tagging.suggested.as_ref().map(|p| Suggested {
                    by: p.by.clone(),
                    version: p.version.clone(),
                    proposed: schema.sentiment(p.sentiment).map_or_else(String::new, |l| l.name.clone()),
                    ranges: Vec::new(),
                }),
            };
            annotations.comments.push((CommentRef::Index(index), marks));
        }
    }
    annotations.rejected = rejections(project, doc);
    Extracted {
        title: doc.title.clone(),
        metadata: doc.metadata.clone(),
        body: doc.body.clone(),
        comments,
        annotations,
        ..Extracted::default()
    }
}

fn quote(range: &crate::model::AnchoredRange) -> Quote {
    Quote { exact: range.exact.clone(), prefix: range.prefix.clone(), suffix: range.suffix.clone() }
}

/// The suggestions rejected on `doc`, with labels and levels by name.
fn rejections(project: &Project, doc: &Document) -> Vec<ExtractedRejection> {
    let schema = &project.schema;
    project
        .rejected
        .iter()
        .filter(|r| r.doc == doc.id)
        .filter_map(|r| {
            let place = match r.target {
                Target::Body => Place::Body,
                Target::Comment(c) => Place::Comment(CommentRef::Index(doc.comment_index(c)?)),
            };
            let (proposed, ranges, quotes) = match &r.what {
                Rejected::Span { label, ranges } => (
                    schema.label(*label)?.name.clone(),
                    ranges.iter().map(|x| (x.start, x.end)).collect(),
                    ranges.iter().map(quote).collect(),
                ),
                Rejected::Sentiment(level) => (schema.sentiment(*level)?.name.clone(), Vec::new(), Vec::new()),
            };
            let proposed = Suggested { by: r.by.clone(), version: String::new(), proposed, ranges };
            Some(ExtractedRejection { place, annotator: r.annotator.clone(), proposed, quotes, at: r.at })
        })
        .collect()
}
