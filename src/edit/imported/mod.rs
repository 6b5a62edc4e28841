//! Imported articles joining a project, with the annotations a dataset brought: labels, levels and dimension
//! values are matched by name, and the ones the project lacks are added to its schema first, so the whole import
//! is one list of commands (one undo step when run as a batch).

mod report;
mod schema;
mod spans;
mod suggested;

use std::path::Path;

use jiff::Timestamp;

use crate::import::{CommentRef, Existing, Extracted, ExtractedSpan, Place};
use crate::model::text::CharIndex;
use crate::model::{CommentId, Document, LabelSchema, Project, SpanId, Target};

use super::command::Command;
use schema::{extend_schema, resolve_marks};
use spans::{make_span, same_span};

/// Indexes of the texts of one document, made once for all its imported highlights.
type Indexes = std::collections::HashMap<Target, CharIndex>;

/// The commands that bring imported articles into a project, and what the user should hear about it.
#[derive(Debug, Default)]
pub struct Placement {
    /// A `SetSchema` first if names were added, then an `AddDocument` per new article and, for annotations of
    /// documents already in the project, `AddSpans`, `SetSentiment` and `SetCommentTag`.
    pub commands: Vec<Command>,
    /// Names added to the schema, annotations that could not be placed, documents not found.
    pub notes: Vec<String>,
}

/// Gives the highlights and tags of `articles` (read from `file`, found through `source`: the file or the folder
/// the user chose) that name no annotator to `given`, or else to the project's annotator when the project holds no
/// one's work yet (someone bringing in their own data), or else to the name of `source`, since another person's
/// work is arriving. Returns a note for the report when it named any.
pub fn sign_unsigned(
    project: &Project,
    (file, source): (&Path, &Path),
    articles: &mut [Extracted],
    given: Option<&str>,
) -> Option<String> {
    let name = match given {
        Some(given) => given.trim().to_owned(),
        None if project.annotators().is_empty() => project.annotator.clone(),
        None => source.file_stem().map_or_else(|| "imported".to_owned(), |s| s.to_string_lossy().into_owned()),
    };
    let mut signed = 0;
    for annotations in articles.iter_mut().map(|a| &mut a.annotations) {
        let spans = annotations.spans.iter_mut().map(|s| &mut s.annotator);
        for who in spans.chain(annotations.comments.iter_mut().map(|(_, m)| &mut m.annotator)) {
            if who.trim().is_empty() {
                name.clone_into(who);
                signed += 1;
            }
        }
    }
    let file = file.file_name().map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    (signed > 0 && !name.is_empty()).then(|| {
        format!(
            "{signed} highlight(s) and comment tag(s) of {file} name no annotator; they are {}'s",
            annotator_name(&name)
        )
    })
}

/// Turns `articles` into commands for `project`; `at` stamps highlights that bring no time of their own.
/// Everyone's work arrives as theirs, beside what the project holds (see [`sign_unsigned`] for work that names
/// no one), and the notes end with what was added for whom.
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
    placement.notes.extend(report::added_per_annotator(&placement.commands));
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
        .find(|doc| doc.has_text(&article.body, article.comments.iter().map(|c| c.text.as_str())))
        .map(|doc| Existing::Id(doc.id.0))
}

/// The new document an imported article becomes, with its highlights and comment tags.
fn new_document(schema: &LabelSchema, mut article: Extracted, at: Timestamp, notes: &mut Vec<String>) -> Document {
    let annotations = std::mem::take(&mut article.annotations);
    let mut document = article.into_document();
    if !annotations.rejected.is_empty() {
        // The document's ids are given when it joins the project, after these commands are made.
        notes.push(format!(
            "{} rejected suggestion(s) on \"{}\", a document new to this project, were not carried over",
            annotations.rejected.len(),
            document.title
        ));
    }
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
        let provenance = marks.suggested.as_ref().and_then(|p| suggested::sentiment_provenance(schema, p));
        comment.retag(&marks.annotator, |tagging| {
            if tagging.sentiment.is_none() && sentiment.is_some() {
                tagging.suggested = provenance;
            }
            tagging.sentiment = sentiment.or(tagging.sentiment);
            tagging.tags.extend(tags);
        });
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
    let rejected = suggested::rejections((project, schema), doc, &annotations.rejected, &mut placement.notes);
    placement.commands.extend(rejected);
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
        // Each annotator's tags are theirs; a tag the same annotator gave otherwise is kept: an import never
        // overwrites someone's work.
        let who = &marks.annotator;
        let annotator = Some(who.clone());
        match (current.sentiment_of(who), sentiment) {
            (None, Some(_)) => {
                match marks.suggested.as_ref().and_then(|p| suggested::sentiment_provenance(schema, p)) {
                    // Accepted from a suggestion: the tag keeps where it came from.
                    Some(provenance) => {
                        let mut tagging = current.tagging(who).cloned().unwrap_or_default();
                        tagging.sentiment = sentiment;
                        tagging.suggested = Some(provenance);
                        let (doc, annotator, tagging) = (doc.id, who.clone(), Box::new(tagging));
                        placement.commands.push(Command::SetTagging { doc, comment, annotator, tagging });
                    }
                    None => {
                        let annotator = annotator.clone();
                        placement.commands.push(Command::SetSentiment { doc: doc.id, comment, annotator, sentiment });
                    }
                }
            }
            (Some(have), Some(given)) if have != given => {
                let name = |id| schema.sentiment(id).map_or("?", |l| l.name.as_str());
                placement.notes.push(format!(
                    "comment {} of \"{}\" is tagged {} by {} already; the imported {} was left out",
                    number(),
                    doc.title,
                    name(have),
                    annotator_name(who),
                    name(given)
                ));
            }
            _ => {}
        }
        for (dimension, value) in tags {
            match current.tag_of(who, dimension).as_ref() {
                None => placement.commands.push(Command::SetCommentTag {
                    doc: doc.id,
                    comment,
                    annotator: annotator.clone(),
                    dimension,
                    value: Some(value),
                }),
                Some(have) if *have != value => {
                    let dimension = schema.dimension(dimension);
                    let value_name = |id| {
                        dimension.and_then(|d| d.values.iter().find(|v| v.id == id)).map_or("?", |v| v.name.as_str())
                    };
                    placement.notes.push(format!(
                        "comment {} of \"{}\" has {} {} by {} already; the imported {} was left out",
                        number(),
                        doc.title,
                        dimension.map_or("?", |d| d.name.as_str()),
                        value_name(*have),
                        annotator_name(who),
                        value_name(value)
                    ));
                }
                Some(_) => {}
            }
        }
    }
}

/// An annotator as a report names them.
pub(crate) fn annotator_name(name: &str) -> String {
    if name.is_empty() { "an unnamed annotator".to_owned() } else { format!("\"{name}\"") }
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
