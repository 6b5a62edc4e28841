//! doccano JSONL, in two files for doccano's two project types:
//!
//! - `NAME.jsonl`, for a *sequence labeling* project: a line per text (the body, then each comment) with
//!   `"label": [[start, end, "Claim"], …]`. Offsets count code points of the line's `text`, as doccano (Python)
//!   does; a highlight in several parts is one triple per part.
//! - `NAME.sentiment.jsonl`, for a *text classification* project: a line per comment with `"label": ["Negative"]`
//!   (empty when untagged), each further dimension's value under its own name, and `tagged_by`, whose tags they
//!   are.
//!
//! Every line also carries `document_id`, `title`, `target`, `comment_id`, `author`, `comment_number` and
//! `parent_id` (empty strings where there is none, as on the body's line), which doccano keeps as metadata; the
//! sequence-labelling lines also carry `highlights`, one `[n, annotator]` per `label` triple, so that the parts of
//! one highlight (the same `n`) and whose work it is come back when Gloss imports the file again. Every line of a file has the same keys and no `null`: doccano reads a
//! file into a table, where a key missing from some lines becomes NaN and the import fails on it.

use std::path::Path;

use serde_json::{Value, json};

use super::{Control, ExportError, Output, Rendered};
use crate::import::datasets::doccano::TAGGED_BY;
use crate::model::{Comment, Document, Project, Target};

pub(super) fn render(project: &Project, docs: &[&Document], out: &Path, control: &Control<'_>) -> Rendered {
    let mut spans = Vec::new();
    let mut sentiment = Vec::new();
    control.each(docs, |doc| {
        push_line(&mut spans, &span_line(project, doc, Target::Body))?;
        for comment in &doc.comments {
            push_line(&mut spans, &span_line(project, doc, Target::Comment(comment.id)))?;
            push_line(&mut sentiment, &sentiment_line(project, doc, comment))?;
        }
        Ok(())
    })?;
    let path = super::with_extension(out, "jsonl");
    let classes = path.with_extension("sentiment.jsonl");
    Ok(vec![Output { path, bytes: spans }, Output { path: classes, bytes: sentiment }])
}

fn push_line(out: &mut Vec<u8>, value: &Value) -> Result<(), ExportError> {
    serde_json::to_writer(&mut *out, value)?;
    out.push(b'\n');
    Ok(())
}

fn span_line(project: &Project, doc: &Document, target: Target) -> Value {
    let mut labels = Vec::new();
    let mut highlights = Vec::new();
    for (n, span) in doc.spans.iter().filter(|s| s.target == target).enumerate() {
        let label = project.schema.label(span.label).map_or("", |l| l.name.as_str());
        for range in &span.ranges {
            labels.push(json!([range.start, range.end, label]));
            highlights.push(json!([n, span.annotator]));
        }
    }
    let mut line = json!({
        "text": doc.target_text(target).unwrap_or_default(),
        "label": labels,
        "highlights": highlights,
    });
    describe(&mut line, doc, target);
    line
}

fn sentiment_line(project: &Project, doc: &Document, comment: &Comment) -> Value {
    let schema = &project.schema;
    let label: Vec<&str> = comment
        .sentiment_of(&project.annotator)
        .and_then(|s| schema.sentiment(s))
        .map(|l| l.name.as_str())
        .into_iter()
        .collect();
    let mut line = json!({ "text": comment.text, "label": label });
    describe(&mut line, doc, Target::Comment(comment.id));
    if let Value::Object(fields) = &mut line {
        let mut tagged = !label.is_empty();
        for dimension in &schema.dimensions {
            let value = comment.tag_value(&project.annotator, dimension);
            tagged |= value.is_some();
            // An untagged dimension is an empty string: `null` fails doccano's import like a missing key.
            fields.insert(dimension.name.clone(), json!(value.map_or("", |v| v.name.as_str())));
        }
        // Whose tags they are, so that importing the file twice finds them already there.
        fields.insert(TAGGED_BY.to_owned(), json!(if tagged { project.annotator.as_str() } else { "" }));
    }
    line
}

/// Adds the fields that say where a line's text comes from.
fn describe(line: &mut Value, doc: &Document, target: Target) {
    let Value::Object(fields) = line else { return };
    let mut add = |key: &str, value: Value| {
        fields.insert(key.to_owned(), value);
    };
    add("document_id", json!(doc.id.0));
    add("title", json!(doc.title));
    match target {
        Target::Body => {
            add("target", json!("body"));
            for key in ["comment_id", "author", "comment_number", "parent_id"] {
                add(key, json!(""));
            }
        }
        Target::Comment(id) => {
            let comment = doc.comment(id);
            add("target", json!("comment"));
            add("comment_id", json!(id.0));
            add("author", json!(comment.map_or("", |c| c.author.as_str())));
            add("comment_number", json!(comment.and_then(|c| c.number.as_deref()).unwrap_or_default()));
            add("parent_id", comment.and_then(|c| c.parent).map_or_else(|| json!(""), |p| json!(p.0)));
        }
    }
}
