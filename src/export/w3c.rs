//! W3C Web Annotation (JSON-LD): one `AnnotationCollection` whose first page holds every annotation.
//!
//! A highlight is an Annotation with motivation `tagging`: a `TextualBody` with purpose `tagging` holds the label,
//! one with purpose `commenting` the note; its target names the document's text (`source`) and selects the range
//! twice, as alternatives: a `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector` counting code
//! points, the unit the model prescribes. A highlight in several parts has a target per part. A comment's
//! sentiment, further dimensions and note are one Annotation targeting the comment's text as a whole. Speaker,
//! check-worthy and verdict are extension properties named by absolute IRIs (`gloss:speaker`, …), which JSON-LD
//! keeps as they are, so the one `@context` is the model's own. Every Annotation carries it too, so each one also
//! stands alone.

use std::path::Path;

use serde_json::{Value, json};

use super::ids::{comment_iri, document_iri, project_iri};
use super::{Control, ExportError, Output};
use crate::model::{Comment, Document, Project, SpanAnnotation, Target};

/// The JSON-LD context of the Web Annotation model.
pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

pub(super) fn render(
    project: &Project,
    docs: &[&Document],
    out: &Path,
    control: &Control<'_>,
) -> Result<Vec<Output>, ExportError> {
    let mut items = Vec::new();
    control.each(docs, |doc| {
        items.extend(doc.spans.iter().map(|span| span_annotation(project, doc, span)));
        items.extend(doc.comments.iter().filter_map(|comment| comment_annotation(project, doc, comment)));
        Ok(())
    })?;
    let base = project_iri(project);
    let mut collection = json!({
        "@context": context(),
        "id": format!("{base}:annotations"),
        "type": "AnnotationCollection",
        "label": project.name,
        "total": items.len(),
    });
    if !items.is_empty() {
        collection["first"] = json!({
            "id": format!("{base}:annotations:page:1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        });
    }
    let mut bytes = serde_json::to_vec_pretty(&collection)?;
    bytes.push(b'\n');
    Ok(vec![Output { path: super::with_extension(out, "jsonld"), bytes }])
}

fn context() -> Value {
    json!(ANNO_CONTEXT)
}

fn span_annotation(project: &Project, doc: &Document, span: &SpanAnnotation) -> Value {
    let source = match span.target {
        Target::Body => document_iri(project, doc),
        Target::Comment(id) => match doc.comment(id) {
            Some(comment) => comment_iri(project, doc, comment),
            None => document_iri(project, doc),
        },
    };
    let targets: Vec<Value> = span
        .ranges
        .iter()
        .map(|range| {
            let mut quote = json!({ "type": "TextQuoteSelector", "exact": range.exact });
            if !range.prefix.is_empty() {
                quote["prefix"] = json!(range.prefix);
            }
            if !range.suffix.is_empty() {
                quote["suffix"] = json!(range.suffix);
            }
            let position = json!({ "type": "TextPositionSelector", "start": range.start, "end": range.end });
            json!({ "type": "SpecificResource", "source": source, "selector": [quote, position] })
        })
        .collect();
    let label = project.schema.label(span.label).map_or("", |l| l.name.as_str());
    let mut body = vec![textual(label, "tagging")];
    if !span.note.is_empty() {
        body.push(textual(&span.note, "commenting"));
    }
    let mut annotation = json!({
        "@context": context(),
        "id": format!("{}:span:{}", project_iri(project), span.id.0),
        "type": "Annotation",
        "motivation": "tagging",
        "created": span.created.to_string(),
        "modified": span.modified.to_string(),
        "body": body,
        "target": if targets.len() == 1 { targets[0].clone() } else { Value::Array(targets) },
        "gloss:verdict": span.verdict.name(),
    });
    if !span.annotator.is_empty() {
        annotation["creator"] = json!({ "type": "Person", "name": span.annotator });
    }
    if !span.speaker.is_empty() {
        annotation["gloss:speaker"] = json!(span.speaker);
    }
    if let Some(worthy) = span.check_worthy {
        annotation["gloss:checkWorthy"] = json!(worthy);
    }
    annotation
}

/// The sentiment, dimension tags and note of a comment, or nothing if it has none of them.
fn comment_annotation(project: &Project, doc: &Document, comment: &Comment) -> Option<Value> {
    let schema = &project.schema;
    let mut body = Vec::new();
    if let Some(level) = comment.sentiment.and_then(|s| schema.sentiment(s)) {
        let mut sentiment = textual(&level.name, "tagging");
        sentiment["gloss:dimension"] = json!("sentiment");
        body.push(sentiment);
    }
    for dimension in &schema.dimensions {
        let value = comment.tag_value(dimension);
        if let Some(value) = value {
            let mut tag = textual(&value.name, "tagging");
            tag["gloss:dimension"] = json!(dimension.name);
            body.push(tag);
        }
    }
    if !comment.note.is_empty() {
        body.push(textual(&comment.note, "commenting"));
    }
    if body.is_empty() {
        return None;
    }
    let mut annotation = json!({
        "@context": context(),
        "id": format!("{}:comment:{}", project_iri(project), comment.id.0),
        "type": "Annotation",
        "motivation": "classifying",
        "body": body,
        "target": comment_iri(project, doc, comment),
    });
    if !project.annotator.is_empty() {
        annotation["creator"] = json!({ "type": "Person", "name": project.annotator });
    }
    Some(annotation)
}

fn textual(value: &str, purpose: &str) -> Value {
    json!({ "type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain" })
}
