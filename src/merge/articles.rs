//! A project's documents as an import sees them: texts with their annotations by names, so that merging uses the
//! same matching, schema extension and never-overwrite rules as importing another person's dataset.

use crate::import::{
    Annotations, CommentRef, Existing, Extracted, ExtractedComment, ExtractedSpan, Marks, Place, Quote,
};
use crate::model::{Document, LabelSchema, Project, Target};

/// Each document of `other` as an imported article; one that `into` already has (the same id and text, or else
/// the same text) is marked as that document's, so its annotations join it.
pub(super) fn articles(into: &Project, other: &Project) -> Vec<Extracted> {
    other.documents.iter().map(|doc| article(&other.schema, doc, same_document(into, doc))).collect()
}

/// The document of `project` with the same text as `doc` (body and comments): preferably the one with its id.
pub(super) fn same_document<'a>(project: &'a Project, doc: &Document) -> Option<&'a Document> {
    let same = |d: &&Document| d.has_text(&doc.body, doc.comments.iter().map(|c| c.text.as_str()));
    let mut candidates = project.documents.iter().filter(same);
    let first = candidates.clone().next();
    candidates.find(|d| d.id == doc.id).or(first)
}

fn article(schema: &LabelSchema, doc: &Document, existing: Option<&Document>) -> Extracted {
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
        made.quotes = span
            .ranges
            .iter()
            .map(|r| Quote { exact: r.exact.clone(), prefix: r.prefix.clone(), suffix: r.suffix.clone() })
            .collect();
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
            };
            annotations.comments.push((CommentRef::Index(index), marks));
        }
    }
    Extracted {
        title: doc.title.clone(),
        metadata: doc.metadata.clone(),
        body: doc.body.clone(),
        comments,
        annotations,
        ..Extracted::default()
    }
}
