//! Imported articles joining a project, with the annotations a dataset brought: labels, levels and dimension
//! values are matched by name, and the ones the project lacks are added to its schema first, so the whole import
//! is one list of commands (one undo step when run as a batch).

use jiff::Timestamp;

use crate::import::{CommentRef, Existing, Extracted, ExtractedSpan, Marks, Place, Quote};
use crate::model::text::{CharIndex, char_index_of_byte};

/// Indexes of the texts of one document, made once for all its imported highlights.
type Indexes = std::collections::HashMap<Target, CharIndex>;
use crate::model::{
    AnchoredRange, CommentId, Dimension, DimensionId, DimensionValue, Document, IdAllocator, LabelId, LabelSchema,
    NEW_COLORS, Project, SentimentId, SentimentLevel, SpanAnnotation, SpanId, SpanLabel, Target, ValueId, same_name,
};

use super::command::Command;

/// The commands that bring imported articles into a project, and what the user should hear about it.
#[derive(Debug, Default)]
pub struct Placement {
    /// A `SetSchema` first if names were added, then an `AddDocument` per new article and, for annotations of
    /// documents already in the project, `AddSpans`, `SetSentiment` and `SetCommentTag`.
    pub commands: Vec<Command>,
    /// Names added to the schema, annotations that could not be placed, documents not found.
    pub notes: Vec<String>,
}

/// Turns `articles` into commands for `project`; `at` stamps highlights that bring no time of their own.
pub fn place(project: &Project, articles: Vec<Extracted>, at: Timestamp) -> Placement {
    let mut placement = Placement::default();
    let mut ids = project.next_id;
    let mut schema = project.schema.clone();
    let added = extend_schema(&mut schema, &articles, &mut ids);
    if !added.is_empty() {
        placement.notes.push(format!("added to the labels: {}", added.join(", ")));
        placement.commands.push(Command::SetSchema { schema: Box::new(schema.clone()) });
    }
    for article in articles {
        let existing = article.annotations.existing.clone().or_else(|| same_article(project, &article));
        match existing {
            Some(existing) => annotate_existing(project, &schema, article, &existing, at, &mut placement),
            None => {
                let document = new_document(&schema, article, at, &mut placement.notes);
                placement.commands.push(Command::AddDocument {
                    index: usize::MAX,
                    document: Box::new(document),
                    fresh_ids: true,
                });
            }
        }
    }
    placement
}

/// The document of `project` that an annotated article is (the same text and comments), so that a dataset of the
/// same articles, as a student's or a colleague's export is, adds its annotations there instead of a second copy.
fn same_article(project: &Project, article: &Extracted) -> Option<Existing> {
    if article.annotations.is_empty() || article.body.is_empty() {
        return None;
    }
    project
        .documents
        .iter()
        .find(|doc| {
            doc.body == article.body
                && doc.comments.len() == article.comments.len()
                && doc.comments.iter().zip(&article.comments).all(|(a, b)| a.text == b.text)
        })
        .map(|doc| Existing::Id(doc.id.0))
}

/// Adds the labels, levels, dimensions and values the articles name and `schema` lacks; returns their names.
fn extend_schema(schema: &mut LabelSchema, articles: &[Extracted], ids: &mut IdAllocator) -> Vec<String> {
    let mut added = Vec::new();
    for article in articles {
        for span in &article.annotations.spans {
            if !schema.span_labels.iter().any(|l| same_name(&l.name, &span.label)) {
                let color = NEW_COLORS[schema.span_labels.len() % NEW_COLORS.len()];
                let id = LabelId(ids.fresh());
                let (name, description) = (span.label.trim().to_owned(), String::new());
                schema.span_labels.push(SpanLabel { id, name, color, key: None, description });
                added.push(span.label.trim().to_owned());
            }
        }
        for (_, marks) in &article.annotations.comments {
            if let Some(level) = &marks.sentiment
                && !schema.sentiments.iter().any(|l| same_name(&l.name, level))
            {
                let color = NEW_COLORS[schema.sentiments.len() % NEW_COLORS.len()];
                let (id, name) = (SentimentId(ids.fresh()), level.trim().to_owned());
                schema.sentiments.push(SentimentLevel { id, name, color, key: None, description: String::new() });
                added.push(level.trim().to_owned());
            }
            for (dimension, value) in &marks.dimensions {
                let index = match schema.dimensions.iter().position(|d| same_name(&d.name, dimension)) {
                    Some(index) => index,
                    None => {
                        let (id, name) = (DimensionId(ids.fresh()), dimension.trim().to_owned());
                        schema.dimensions.push(Dimension { id, name, description: String::new(), values: Vec::new() });
                        added.push(dimension.trim().to_owned());
                        schema.dimensions.len() - 1
                    }
                };
                let values = &mut schema.dimensions[index].values;
                if !values.iter().any(|v| same_name(&v.name, value)) {
                    values.push(DimensionValue { id: ValueId(ids.fresh()), name: value.trim().to_owned() });
                    added.push(format!("{dimension}: {value}"));
                }
            }
        }
    }
    added
}

/// The new document an imported article becomes, with its highlights and comment tags.
fn new_document(schema: &LabelSchema, mut article: Extracted, at: Timestamp, notes: &mut Vec<String>) -> Document {
    let annotations = std::mem::take(&mut article.annotations);
    let mut document = article.into_document();
    let comment_id = |r: CommentRef, doc: &Document| match r {
        CommentRef::Index(i) => doc.comments.get(i).map(|c| c.id),
        CommentRef::Id(_) => None,
    };
    let mut next = document.max_id() + 1;
    let mut indexes = Indexes::new();
    for span in annotations.spans {
        let target = match span.place {
            Place::Body => Some(Target::Body),
            Place::Comment(r) => comment_id(r, &document).map(Target::Comment),
        };
        let Some(target) = target else {
            notes.push(unplaced(&document.title, &span));
            continue;
        };
        if let Some(made) = make_span(schema, (&document, &mut indexes), target, &span, (SpanId(next), at), notes) {
            document.spans.push(made);
            next += 1;
        }
    }
    for (reference, marks) in annotations.comments {
        let Some(index) = comment_id(reference, &document).and_then(|id| document.comment_index(id)) else {
            notes.push(lost_tags(&document.title, reference));
            continue;
        };
        let comment = &mut document.comments[index];
        let (sentiment, tags) = resolve_marks(schema, &marks);
        comment.sentiment = sentiment.or(comment.sentiment);
        comment.tags.extend(tags);
        if !marks.note.is_empty() {
            comment.note = marks.note;
        }
    }
    document
}

/// Commands that add a dataset's annotations to a document the project already has.
fn annotate_existing(
    project: &Project,
    schema: &LabelSchema,
    article: Extracted,
    existing: &Existing,
    at: Timestamp,
    placement: &mut Placement,
) {
    let found = project.documents.iter().find(|d| match existing {
        Existing::Id(id) => d.id.0 == *id,
        Existing::Url(url) => d.metadata.extra.get("url") == Some(url),
    });
    let Some(doc) = found else {
        let name = match existing {
            Existing::Id(id) => format!("document {id}"),
            Existing::Url(url) => url.clone(),
        };
        placement.notes.push(format!(
            "{} annotation(s) of {name}, which is not in this project, were left out",
            article.annotations.spans.len() + article.annotations.comments.len()
        ));
        return;
    };
    let annotations = article.annotations;
    let comment_id = |r: CommentRef| match r {
        CommentRef::Id(id) => doc.comment(CommentId(id)).map(|c| c.id),
        CommentRef::Index(i) => doc.comments.get(i).map(|c| c.id),
    };
    let mut spans = Vec::new();
    let mut indexes = Indexes::new();
    for span in &annotations.spans {
        let target = match span.place {
            Place::Body => Some(Target::Body),
            Place::Comment(r) => comment_id(r).map(Target::Comment),
        };
        let Some(target) = target else {
            placement.notes.push(unplaced(&doc.title, span));
            continue;
        };
        let made = make_span(schema, (doc, &mut indexes), target, span, (SpanId(0), at), &mut placement.notes);
        if let Some(made) = made.filter(|m| !doc.spans.iter().any(|s| same_span(s, m))) {
            spans.push(made);
        }
    }
    if !spans.is_empty() {
        placement.commands.push(Command::AddSpans { doc: doc.id, spans });
    }
    for (reference, marks) in annotations.comments {
        let Some(comment) = comment_id(reference) else {
            placement.notes.push(lost_tags(&doc.title, reference));
            continue;
        };
        let (sentiment, tags) = resolve_marks(schema, &marks);
        let Some(current) = doc.comment(comment) else { continue };
        // Named as the article numbers it, only when a note needs it.
        let number = || {
            current.number.clone().unwrap_or_else(|| (doc.comment_index(comment).unwrap_or_default() + 1).to_string())
        };
        // A tag the comment already has otherwise is kept: an import never overwrites someone's work.
        match (current.sentiment, sentiment) {
            (None, Some(_)) => placement.commands.push(Command::SetSentiment { doc: doc.id, comment, sentiment }),
            (Some(have), Some(given)) if have != given => {
                let name = |id| schema.sentiment(id).map_or("?", |l| l.name.as_str());
                placement.notes.push(format!(
                    "comment {} of \"{}\" is tagged {} already; the imported {} was left out",
                    number(),
                    doc.title,
                    name(have),
                    name(given)
                ));
            }
            _ => {}
        }
        for (dimension, value) in tags {
            match current.tags.get(&dimension) {
                None => placement.commands.push(Command::SetCommentTag {
                    doc: doc.id,
                    comment,
                    dimension,
                    value: Some(value),
                }),
                Some(have) if *have != value => {
                    let dimension = schema.dimension(dimension);
                    let value_name = |id| {
                        dimension.and_then(|d| d.values.iter().find(|v| v.id == id)).map_or("?", |v| v.name.as_str())
                    };
                    placement.notes.push(format!(
                        "comment {} of \"{}\" has {} {} already; the imported {} was left out",
                        number(),
                        doc.title,
                        dimension.map_or("?", |d| d.name.as_str()),
                        value_name(*have),
                        value_name(value)
                    ));
                }
                Some(_) => {}
            }
        }
    }
}

/// A span of `doc` from an imported one, with what had to be left out of it said in `notes`: parts that are
/// empty, reversed, past the end of the text or whose quote is not in it; a part given twice; parts that overlap
/// are joined. `None` (with a note) when no part is left, or the label is unknown.
fn make_span(
    schema: &LabelSchema,
    (doc, indexes): (&Document, &mut Indexes),
    target: Target,
    span: &ExtractedSpan,
    (id, at): (SpanId, Timestamp),
    notes: &mut Vec<String>,
) -> Option<SpanAnnotation> {
    let name = span.label.trim();
    let Some(label) = schema.span_labels.iter().find(|l| same_name(&l.name, &span.label)).map(|l| l.id) else {
        notes.push(format!(
            "{}a highlight with the label {name:?}, which is not in the labels, was left out",
            span.origin(0)
        ));
        return None;
    };
    let text = doc.target_text(target)?;
    let index = indexes.entry(target).or_insert_with(|| CharIndex::new(text));
    let title = &doc.title;
    let mut parts: Vec<(usize, usize, usize)> = Vec::with_capacity(span.ranges.len());
    for (i, &(start, end)) in span.ranges.iter().enumerate() {
        let origin = span.origin(i);
        let (start, end) = match span.quotes.get(i).filter(|q| !q.exact.is_empty()) {
            Some(quote) if index.slice(text, start, end) != Some(quote.exact.as_str()) => {
                match find_quote(text, quote, start) {
                    Some(found) => found,
                    None => {
                        notes.push(format!(
                            "{origin}the {name} text {:?} is not in \"{title}\"; that part was left out",
                            quote.exact
                        ));
                        continue;
                    }
                }
            }
            _ => (start, end),
        };
        let problem = if start > end {
            Some("ends before it starts".to_owned())
        } else if start == end {
            Some("is empty".to_owned())
        } else if index.slice(text, start, end).is_none() {
            Some(format!("reaches past the end of the text ({} characters)", index.len()))
        } else {
            None
        };
        match problem {
            Some(problem) => {
                notes.push(format!("{origin}the {name} part {start}..{end} of \"{title}\" {problem}; left out"));
            }
            None => parts.push((start, end, i)),
        }
    }
    parts.sort_unstable();
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(parts.len());
    for (start, end, i) in parts {
        let origin = span.origin(i);
        match joined.last_mut() {
            Some(last) if *last == (start, end) => {
                notes.push(format!(
                    "{origin}the {name} part {start}..{end} of \"{title}\" is given twice; once is kept"
                ));
            }
            Some(last) if start < last.1 => {
                notes.push(format!(
                    "{origin}the {name} parts {}..{} and {start}..{end} of \"{title}\" overlap; they were joined",
                    last.0, last.1
                ));
                last.1 = last.1.max(end);
            }
            _ => joined.push((start, end)),
        }
    }
    if joined.is_empty() {
        notes.push(format!("{}a {name} highlight with no part that fits \"{title}\" was left out", span.origin(0)));
        return None;
    }
    let ranges = joined
        .into_iter()
        .map(|(start, end)| AnchoredRange::new_indexed(text, index, start, end))
        .collect::<Result<Vec<_>, _>>()
        .ok()?;
    Some(SpanAnnotation {
        id,
        target,
        ranges,
        label,
        speaker: span.speaker.clone(),
        note: span.note.clone(),
        check_worthy: span.check_worthy,
        verdict: span.verdict,
        created: span.created.unwrap_or(at),
        modified: span.modified.or(span.created).unwrap_or(at),
        annotator: span.annotator.clone(),
    })
}

/// Where `quote` is in `text`: the occurrence whose context matches best, the nearest to `near` among equals.
fn find_quote(text: &str, quote: &Quote, near: usize) -> Option<(usize, usize)> {
    let len = quote.exact.chars().count();
    let mut best: Option<(usize, usize, usize)> = None;
    for (byte, _) in text.match_indices(quote.exact.as_str()) {
        let before = &text[..byte];
        let after = &text[byte + quote.exact.len()..];
        let score = usize::from(before.ends_with(quote.prefix.as_str()))
            + usize::from(after.starts_with(quote.suffix.as_str()));
        let start = char_index_of_byte(text, byte);
        let distance = start.abs_diff(near);
        if best.is_none_or(|(s, d, _)| score > s || score == s && distance < d) {
            best = Some((score, distance, start));
        }
    }
    best.map(|(_, _, start)| (start, start + len))
}

/// Whether two spans are the same highlight by the same annotator (an import of what is already there). The same
/// text and label marked by two annotators are two highlights: each is that person's work.
fn same_span(a: &SpanAnnotation, b: &SpanAnnotation) -> bool {
    let ranges = |s: &SpanAnnotation| s.ranges.iter().map(|r| (r.start, r.end)).collect::<Vec<_>>();
    a.target == b.target && a.label == b.label && ranges(a) == ranges(b) && same_name(&a.annotator, &b.annotator)
}

fn resolve_marks(schema: &LabelSchema, marks: &Marks) -> (Option<SentimentId>, Vec<(DimensionId, ValueId)>) {
    let sentiment = marks
        .sentiment
        .as_ref()
        .and_then(|name| schema.sentiments.iter().find(|l| same_name(&l.name, name)).map(|l| l.id));
    let tags = marks
        .dimensions
        .iter()
        .filter_map(|(dimension, value)| {
            let dimension = schema.dimensions.iter().find(|d| same_name(&d.name, dimension))?;
            let value = dimension.values.iter().find(|v| same_name(&v.name, value))?;
            Some((dimension.id, value.id))
        })
        .collect();
    (sentiment, tags)
}

fn lost_tags(title: &str, reference: CommentRef) -> String {
    let which = match reference {
        CommentRef::Index(i) => format!("comment {}", i + 1),
        CommentRef::Id(id) => format!("comment {id}"),
    };
    format!("the tags of {which} of \"{title}\", which is not there, were left out")
}

fn unplaced(title: &str, span: &ExtractedSpan) -> String {
    format!(
        "{}a {} highlight on a comment of \"{title}\" that the file does not have was left out",
        span.origin(0),
        span.label.trim()
    )
}
