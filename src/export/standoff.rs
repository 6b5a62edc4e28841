//! A document as INCEpTION's formats see it: one text (the [`Flat`] text: the body, then each comment under a
//! header line) and annotations of two custom span layers over it, each a begin, an end and string features.
//! UIMA CAS XMI and WebAnno TSV write the same annotations, so they are worked out once here.
//!
//! A highlight is a `GlossHighlight` over each of its ranges; the ranges of a highlight in several parts share a
//! `part` number, because a UIMA annotation has one begin and one end. A comment is a `GlossComment` over its
//! text, with its number, author, date, the comment it answers and the project annotator's tags as features.

use crate::import::datasets::inception::{COMMENT_LAYER, Feature, HIGHLIGHT_LAYER};
use crate::model::{Document, Project, Verdict};

use super::flat::Flat;
use super::{ExportError, Output};
use crate::import::datasets::brat::DOCUMENTS_FILE;

/// The entry of `doc`, written as `stem`, in the file of titles and metadata beside a folder export.
pub(super) fn document_entry(stem: &str, doc: &Document) -> serde_json::Value {
    serde_json::json!({ "file": stem, "title": doc.title, "metadata": doc.metadata })
}

/// The file beside the documents of a folder export that carries each one's title and metadata, which brat and
/// INCEpTION's formats have no place for; those tools ignore it and Gloss reads it back.
pub(super) fn documents_file(out: &std::path::Path, documents: &[serde_json::Value]) -> Result<Output, ExportError> {
    let mut bytes = serde_json::to_vec_pretty(&serde_json::json!({ "documents": documents }))?;
    bytes.push(b'\n');
    Ok(Output { path: out.join(DOCUMENTS_FILE), bytes })
}

/// One annotation of a custom layer, in code points of the flat text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Layered {
    /// The layer's type name (`webanno.custom.GlossHighlight`).
    pub layer: &'static str,
    /// First code point.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// Features with a value, in the layer's feature order.
    pub features: Vec<(Feature, String)>,
}

/// The annotations of `doc` over `flat`, sorted by where they begin (then by layer, then by end), as the
/// formats list them.
pub(super) fn annotations(project: &Project, doc: &Document, flat: &Flat) -> Vec<Layered> {
    // Each annotation with the index of the highlight in several parts it belongs to, numbered once sorted.
    let mut out: Vec<(Layered, Option<usize>)> = Vec::new();
    for (index, span) in doc.spans.iter().enumerate() {
        let label = project.schema.label(span.label).map_or("", |l| l.name.as_str());
        let mut features = vec![
            (Feature::Label, label.to_owned()),
            (Feature::Speaker, span.speaker.clone()),
            (Feature::CheckWorthy, span.check_worthy.map_or("", |w| if w { "yes" } else { "no" }).to_owned()),
            (
                Feature::Verdict,
                if span.verdict == Verdict::Unverified { String::new() } else { span.verdict.name().to_owned() },
            ),
            (Feature::Note, span.note.clone()),
            (Feature::Annotator, span.annotator.clone()),
            (Feature::Created, span.created.to_string()),
            (Feature::Modified, span.modified.to_string()),
        ];
        features.retain(|(_, v)| !v.is_empty());
        for range in &span.ranges {
            let (Some(start), Some(end)) = (flat.offset(span.target, range.start), flat.offset(span.target, range.end))
            else {
                continue;
            };
            let several = (span.ranges.len() > 1).then_some(index);
            out.push((Layered { layer: HIGHLIGHT_LAYER, start, end, features: features.clone() }, several));
        }
    }
    let position = |id| doc.comments.iter().position(|c| c.id == id).map(|i| (i + 1).to_string());
    for comment in &doc.comments {
        let Some(place) = flat.comment(comment.id) else { continue };
        let annotator = &project.annotator;
        let sentiment = comment.sentiment_of(annotator).and_then(|s| project.schema.sentiment(s));
        let tags: serde_json::Map<String, serde_json::Value> = project
            .schema
            .dimensions
            .iter()
            .filter_map(|d| Some((d.name.clone(), comment.tag_value(annotator, d)?.name.clone().into())))
            .collect();
        let mut features = vec![
            (Feature::Number, comment.number.clone().unwrap_or_default()),
            (Feature::Author, comment.author.clone()),
            (Feature::Date, comment.date.clone().unwrap_or_default()),
            (Feature::Timestamp, comment.timestamp.clone().unwrap_or_default()),
            (Feature::ReplyTo, comment.parent.and_then(position).unwrap_or_default()),
            (Feature::Sentiment, sentiment.map(|s| s.name.clone()).unwrap_or_default()),
            (Feature::Tags, if tags.is_empty() { String::new() } else { serde_json::Value::Object(tags).to_string() }),
            (Feature::Note, comment.note.clone()),
        ];
        // The tags are the project annotator's; the note is the comment's, with no one's name.
        if features.iter().any(|(f, v)| matches!(f, Feature::Sentiment | Feature::Tags) && !v.is_empty()) {
            features.push((Feature::Annotator, annotator.clone()));
        }
        features.retain(|(_, v)| !v.is_empty());
        out.push((Layered { layer: COMMENT_LAYER, start: place.start, end: place.start + place.len, features }, None));
    }
    out.sort_by(|(a, _), (b, _)| (a.start, a.layer, a.end).cmp(&(b.start, b.layer, b.end)));
    // Parts are numbered in the order they first appear in the text, which an import keeps, so that a file
    // exported again from the imported project is the same.
    let mut numbers: Vec<usize> = Vec::new();
    out.into_iter()
        .map(|(mut layered, several)| {
            if let Some(index) = several {
                let number = numbers.iter().position(|i| *i == index).unwrap_or_else(|| {
                    numbers.push(index);
                    numbers.len() - 1
                });
                layered.features.push((Feature::Part, (number + 1).to_string()));
            }
            layered
        })
        .collect()
}
