//! doccano JSONL: a line per text with `"label"` (or `"entities"`) as `[start, end, "Label"]` triples or
//! `{"start_offset", "end_offset", "label"}` objects, offsets in code points. Lines that Gloss exported carry
//! `document_id`, `target` and `comment_id`, and become one document with its comments again; any other line is a
//! document of its own, its text kept verbatim so the offsets stay valid. A `NAME.sentiment.jsonl` beside
//! `NAME.jsonl` brings the comments' sentiment and dimensions.

use std::collections::BTreeMap;
use std::path::Path;

/// The key of a sentiment line that names whose tags the line holds, in Gloss's doccano files.
pub const TAGGED_BY: &str = "tagged_by";

use serde_json::{Map, Value};

use crate::import::{CommentRef, Extracted, ExtractedComment, ExtractedSpan, Marks, Place};

/// Whether the first line of a JSON Lines text looks like doccano's.
pub fn looks_like(first_line: &str) -> bool {
    let Ok(Value::Object(line)) = serde_json::from_str::<Value>(first_line) else { return false };
    let spans = ["label", "entities"].iter().any(|k| line.get(*k).is_some_and(Value::is_array));
    line.get("text").is_some_and(Value::is_string) && spans
}

/// Reads the doccano file at `path` (whose text is `text`).
pub fn read(text: &str, path: &Path) -> Result<Vec<Extracted>, String> {
    let mut warnings = Vec::new();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let lines = parse_lines(text, &name, &mut warnings)?;
    let mut articles: Vec<Extracted> = Vec::new();
    // (document_id) -> index in `articles`, and (document_id, comment_id) -> comment index.
    let mut documents: BTreeMap<String, usize> = BTreeMap::new();
    let mut comments: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (number, line) in &lines {
        let number = *number;
        let text = line.get("text").and_then(Value::as_str).unwrap_or_default().to_owned();
        let origin = format!("{name} line {number}");
        let spans = spans_of(line, number, &mut warnings);
        let document_id = line.get("document_id").map(value_text);
        let is_comment = line.get("target").and_then(Value::as_str) == Some("comment");
        match (document_id, is_comment) {
            (Some(doc), true) => {
                let Some(&index) = documents.get(&doc) else { continue };
                let article = &mut articles[index];
                let comment = article.comments.len();
                let author = line.get("author").and_then(Value::as_str).unwrap_or_default().to_owned();
                let number = line.get("comment_number").map(value_text).filter(|n| !n.is_empty());
                // A reply names the comment it answers by id; that one came earlier in the file.
                let parent = line
                    .get("parent_id")
                    .map(value_text)
                    .filter(|p| !p.is_empty())
                    .and_then(|p| comments.get(&(doc.clone(), p)).copied());
                article.comments.push(ExtractedComment { number, author, date: None, timestamp: None, text, parent });
                comments.insert((doc, line.get("comment_id").map(value_text).unwrap_or_default()), comment);
                for (ranges, label, annotator) in spans {
                    let place = Place::Comment(CommentRef::Index(comment));
                    let mut span = ExtractedSpan::new(place, ranges, &label).found_at(&origin);
                    span.annotator = annotator;
                    article.annotations.spans.push(span);
                }
            }
            (document_id, _) => {
                let title = line.get("title").and_then(Value::as_str).map_or_else(|| first_words(&text), str::to_owned);
                let mut article = Extracted { title, body: text, ..Extracted::default() };
                for (ranges, label, annotator) in spans {
                    let mut span = ExtractedSpan::new(Place::Body, ranges, &label).found_at(&origin);
                    span.annotator = annotator;
                    article.annotations.spans.push(span);
                }
                documents.insert(document_id.unwrap_or_else(|| format!("line {number}")), articles.len());
                articles.push(article);
            }
        }
    }
    let classes = path.with_extension("sentiment.jsonl");
    if classes != path
        && let Ok(text) = std::fs::read_to_string(&classes)
    {
        let name = classes.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        for (_, line) in parse_lines(&text, &name, &mut warnings)? {
            let doc = line.get("document_id").map(value_text).unwrap_or_default();
            let comment = line.get("comment_id").map(value_text).unwrap_or_default();
            let (Some(&index), Some(&position)) = (documents.get(&doc), comments.get(&(doc, comment))) else {
                continue;
            };
            let sentiment = line.get("label").and_then(Value::as_array).and_then(|l| l.first()).map(value_text);
            let fixed = [
                "text",
                "label",
                "document_id",
                "title",
                "target",
                "comment_id",
                "author",
                "comment_number",
                "parent_id",
                "highlights",
                TAGGED_BY,
            ];
            let dimensions = line
                .iter()
                .filter(|(k, v)| !fixed.contains(&k.as_str()) && v.as_str().is_some_and(|v| !v.is_empty()))
                .map(|(k, v)| (k.clone(), value_text(v)))
                .collect();
            let annotator = line.get(TAGGED_BY).map(value_text).unwrap_or_default();
            let marks = Marks { sentiment, dimensions, annotator, ..Marks::default() };
            if !marks.is_empty() {
                articles[index].annotations.comments.push((CommentRef::Index(position), marks));
            }
        }
    }
    if let Some(first) = articles.first_mut() {
        first.warnings.extend(warnings);
    }
    Ok(articles)
}

/// A line of the file: its number and its object.
type Line = (usize, Map<String, Value>);

/// The JSON objects of the non-empty lines of the file `name`, each with its line number. A line that is not one
/// is left out with a warning, as each line is a record of its own; a file where no line is one is refused.
fn parse_lines(text: &str, name: &str, warnings: &mut Vec<String>) -> Result<Vec<Line>, String> {
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    for (number, line) in text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        match serde_json::from_str(line) {
            Ok(Value::Object(object)) => lines.push((number + 1, object)),
            Ok(_) => problems.push(format!("{name} line {} is not a JSON object", number + 1)),
            Err(error) => problems.push(format!("{name} line {}: {error}", number + 1)),
        }
    }
    if lines.is_empty()
        && let Some(first) = problems.first()
    {
        return Err(first.clone());
    }
    warnings.extend(problems.into_iter().map(|problem| format!("{problem}; the line was left out")));
    Ok(lines)
}

/// A highlight of a line: its ranges, label and annotator.
type LineSpan = (Vec<(usize, usize)>, String, String);

/// The spans of a line as (ranges, label, annotator); relations and anything else it cannot model become warnings.
/// Where the line has Gloss's `highlights` (one `[n, annotator]` per `label` triple), the triples of one highlight
/// are its parts again.
fn spans_of(line: &Map<String, Value>, number: usize, warnings: &mut Vec<String>) -> Vec<LineSpan> {
    let triples = triples_of(line, number, warnings);
    let owners: Vec<(u64, String)> = line
        .get("highlights")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|h| Some((h.get(0)?.as_u64()?, h.get(1).map(value_text).unwrap_or_default())))
        .collect();
    if owners.len() != triples.len() || triples.is_empty() {
        return triples.into_iter().map(|(range, label)| (vec![range], label, String::new())).collect();
    }
    let mut grouped: BTreeMap<u64, LineSpan> = BTreeMap::new();
    for ((range, label), (n, annotator)) in triples.into_iter().zip(owners) {
        grouped.entry(n).or_insert_with(|| (Vec::new(), label, annotator)).0.push(range);
    }
    grouped.into_values().collect()
}

/// The `[start, end, label]` entries of a line.
fn triples_of(line: &Map<String, Value>, number: usize, warnings: &mut Vec<String>) -> Vec<((usize, usize), String)> {
    let mut out = Vec::new();
    for key in ["label", "entities"] {
        for item in line.get(key).and_then(Value::as_array).into_iter().flatten() {
            let triple = match item {
                Value::Array(t) => {
                    (t.first().and_then(Value::as_u64), t.get(1).and_then(Value::as_u64), t.get(2).map(value_text))
                }
                Value::Object(o) => (
                    o.get("start_offset").and_then(Value::as_u64),
                    o.get("end_offset").and_then(Value::as_u64),
                    o.get("label").map(value_text),
                ),
                // A classification label ("Negative") on a line of a labelling file: not a span.
                _ => continue,
            };
            match triple {
                (Some(start), Some(end), Some(label)) => out.push(((start as usize, end as usize), label)),
                _ => warnings.push(format!("line {number}: a {key} entry Gloss cannot read was left out: {item}")),
            }
        }
    }
    if line.get("relations").and_then(Value::as_array).is_some_and(|r| !r.is_empty()) {
        warnings.push(format!("line {number}: relations between spans are not something Gloss models; left out"));
    }
    out
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A title for a text that comes without one: its first eight words.
pub(super) fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    if words.is_empty() { "Untitled".to_owned() } else { words.join(" ") }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::read;

    #[test]
    fn a_broken_line_is_left_out_with_a_warning_and_the_rest_imports() {
        let text = [
            r#"{"text": "The council raised the levy.", "label": [[4, 11, "Claim"]]}"#,
            r#"{"text": "cut short", "label": [[0, 3, "#,
            r#"[1, 2]"#,
            r#"{"text": "A second article.", "label": []}"#,
        ]
        .join("\n");
        let articles = read(&text, Path::new("d.jsonl")).unwrap();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].annotations.spans.len(), 1);
        let warnings = articles[0].warnings.join("\n");
        assert!(warnings.contains("d.jsonl line 2: EOF while parsing"), "{warnings}");
        assert!(warnings.contains("d.jsonl line 3 is not a JSON object; the line was left out"), "{warnings}");
        assert!(read("{ nope", Path::new("d.jsonl")).unwrap_err().starts_with("d.jsonl line 1:"));
    }
}
