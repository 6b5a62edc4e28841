//! Label Studio: a JSON array of tasks, one per text (the body, then each comment), with the annotations as a
//! completed annotation. Offsets count code points, as Label Studio's editor has since 2022 (it measures text with
//! `[...text]`, and its converters slice Python strings): an emoji outside the BMP counts one. Releases from before
//! then counted UTF-16 code units, and `Format::LabelStudioUtf16` writes those. A highlight in several parts becomes one region per part with the same label (Label Studio has no
//! discontinuous regions); its note goes in the region's `meta`. A comment's sentiment and dimensions are `choices`
//! results; a comment's number, date, note and the comment it answers ride in the task's `data`, which Label Studio
//! keeps. The labelling config that matches (`<View>` with `Labels`, `Text` and a `Choices` per scale) is written
//! beside the tasks as `NAME.config.xml`.

use std::path::Path;

use serde_json::{Value, json};

use super::html::escape;
use super::ids::slug;
use super::units::{Unit, Units};
use super::{Control, Output, Rendered};
use crate::model::{Comment, Document, LabelSchema, Project, Target};

pub(super) fn render(project: &Project, docs: &[&Document], out: &Path, control: &Control<'_>, unit: Unit) -> Rendered {
    let mut tasks = Vec::new();
    control.each(docs, |doc| {
        tasks.push(task(project, doc, Target::Body, unit));
        tasks.extend(doc.comments.iter().map(|c| task(project, doc, Target::Comment(c.id), unit)));
        Ok(())
    })?;
    let path = super::with_extension(out, "json");
    let mut bytes = serde_json::to_vec_pretty(&Value::Array(tasks))?;
    bytes.push(b'\n');
    let config = path.with_extension("config.xml");
    Ok(vec![Output { path, bytes }, Output { path: config, bytes: labelling_config(&project.schema).into_bytes() }])
}

fn task(project: &Project, doc: &Document, target: Target, unit: Unit) -> Value {
    let comment: Option<&Comment> = match target {
        Target::Body => None,
        Target::Comment(id) => doc.comment(id),
    };
    let text = doc.target_text(target).unwrap_or_default();
    let units = Units::new(text, unit);
    let mut result = Vec::new();
    for span in doc.spans.iter().filter(|s| s.target == target) {
        let label = project.schema.label(span.label).map_or("", |l| l.name.as_str());
        for (part, range) in span.ranges.iter().enumerate() {
            let mut region = json!({
                "id": format!("s{}-{}", span.id.0, part + 1),
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "origin": "manual",
                "value": {
                    "start": units.convert(range.start),
                    "end": units.convert(range.end),
                    "text": range.exact,
                    "labels": [label],
                },
            });
            if !span.note.is_empty() {
                region["meta"] = json!({ "text": [span.note] });
            }
            result.push(region);
        }
    }
    if let Some(comment) = comment {
        result.extend(choices((&project.schema, &project.annotator), comment));
    }
    let mut data = json!({
        "text": text,
        "title": doc.title,
        "document_id": doc.id.0,
        "target": if comment.is_some() { "comment" } else { "body" },
    });
    if let Some(comment) = comment {
        data["comment_id"] = json!(comment.id.0);
        data["author"] = json!(comment.author);
        // Label Studio keeps every key of a task's data and gives it back in its exports.
        if let Some(number) = &comment.number {
            data["comment_number"] = json!(number);
        }
        if let Some(parent) = comment.parent {
            data["parent_id"] = json!(parent.0);
        }
        if let Some(date) = &comment.date {
            data["date"] = json!(date);
        }
        if !comment.note.is_empty() {
            data["note"] = json!(comment.note);
        }
    }
    let mut task = json!({ "data": data });
    if !result.is_empty() {
        task["annotations"] = json!([{ "result": result, "ground_truth": false }]);
    }
    task
}

/// The comment's sentiment and dimension values as `choices` results.
fn choices((schema, who): (&LabelSchema, &str), comment: &Comment) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(level) = comment.sentiment_of(who).and_then(|s| schema.sentiment(s)) {
        out.push(choice(comment, "sentiment", &level.name));
    }
    for dimension in &schema.dimensions {
        let value = comment.tag_value(who, dimension);
        if let Some(value) = value {
            let mut result = choice(comment, &slug(&dimension.name, "dimension"), &value.name);
            // The config's names must be identifiers; the dimension's own name rides along for Gloss to read.
            result["gloss_dimension"] = json!(dimension.name);
            out.push(result);
        }
    }
    out
}

fn choice(comment: &Comment, from_name: &str, value: &str) -> Value {
    json!({
        "id": format!("c{}-{from_name}", comment.id.0),
        "from_name": from_name,
        "to_name": "text",
        "type": "choices",
        "origin": "manual",
        "value": { "choices": [value] },
    })
}

/// The Label Studio labelling config for `schema`.
pub fn labelling_config(schema: &LabelSchema) -> String {
    let mut xml = String::from("<View>\n  <Header value=\"$title\"/>\n  <Labels name=\"label\" toName=\"text\">\n");
    for label in &schema.span_labels {
        xml.push_str(&format!("    <Label value=\"{}\" background=\"{}\"/>\n", escape(&label.name), label.color));
    }
    xml.push_str("  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n");
    let mut scale = |name: &str, values: Vec<&str>| {
        xml.push_str(&format!("  <Choices name=\"{}\" toName=\"text\" choice=\"single\">\n", escape(name)));
        for value in values {
            xml.push_str(&format!("    <Choice value=\"{}\"/>\n", escape(value)));
        }
        xml.push_str("  </Choices>\n");
    };
    scale("sentiment", schema.sentiments.iter().map(|l| l.name.as_str()).collect());
    for dimension in &schema.dimensions {
        scale(&slug(&dimension.name, "dimension"), dimension.values.iter().map(|v| v.name.as_str()).collect());
    }
    xml.push_str("</View>\n");
    xml
}
