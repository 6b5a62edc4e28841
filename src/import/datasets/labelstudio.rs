//! Label Studio tasks JSON: an array of tasks, each with its text under `data` and its regions in the results of
//! its first annotation (or, with none, of its first prediction). Tasks that Gloss exported carry `document_id`,
//! `target` and `comment_id` in `data` (and a comment's `comment_number`, `date`, `note` and `parent_id`) and become one
//! document with its comments again; any other task is a
//! document of its own. A region's `text` is its quote: where the offsets do not select it (a file from a Label
//! Studio release that counted UTF-16 code units), the quote is found again, and the import report says so.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::doccano::first_words;
use crate::import::{CommentRef, Extracted, ExtractedComment, ExtractedSpan, Marks, Place, Quote};

/// Whether a JSON value is a list of Label Studio tasks.
pub fn looks_like(value: &Value) -> bool {
    let Value::Array(tasks) = value else { return false };
    !tasks.is_empty()
        && tasks.iter().all(|t| t.get("data").is_some_and(Value::is_object))
        && tasks.iter().any(|t| t.get("data").and_then(|d| d.get("text")).is_some_and(Value::is_string))
}

fn text_of(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// The results of a task: its first annotation's, else its first prediction's.
fn results(task: &Value) -> Vec<&Map<String, Value>> {
    let first = |key: &str| task.get(key).and_then(Value::as_array).and_then(|a| a.first());
    let source = first("annotations").or_else(|| first("predictions"));
    let list = source.and_then(|s| s.get("result")).and_then(Value::as_array);
    list.into_iter().flatten().filter_map(Value::as_object).collect()
}

/// The highlights and comment marks of one task's results, `place` being where its text goes.
fn marks_of(
    results: &[&Map<String, Value>],
    place: &Place,
    origin: &str,
    warnings: &mut Vec<String>,
) -> (Vec<ExtractedSpan>, Marks) {
    // Regions by highlight: Gloss names the parts of one highlight `s12-1`, `s12-2`; any other id is its own.
    let mut grouped: BTreeMap<String, (usize, ExtractedSpan)> = BTreeMap::new();
    let mut marks = Marks::default();
    for (n, result) in results.iter().enumerate() {
        let value = result.get("value").and_then(Value::as_object);
        match result.get("type").and_then(Value::as_str) {
            Some("labels") => {
                let Some(value) = value else { continue };
                let (Some(start), Some(end)) =
                    (value.get("start").and_then(Value::as_u64), value.get("end").and_then(Value::as_u64))
                else {
                    warnings.push(format!("{origin}: a region without start and end was left out"));
                    continue;
                };
                let label =
                    value.get("labels").and_then(Value::as_array).and_then(|l| l.first()).map(|l| text_of(Some(l)));
                let Some(label) = label else { continue };
                let id = text_of(result.get("id"));
                let key = match id.strip_prefix('s').and_then(|rest| rest.rsplit_once('-')) {
                    Some((span, _)) => format!("s{span}"),
                    None => format!("{id}#{n}"),
                };
                let quote = Quote { exact: text_of(value.get("text")), prefix: String::new(), suffix: String::new() };
                let note = result
                    .get("meta")
                    .and_then(|m| m.get("text"))
                    .and_then(Value::as_array)
                    .map(|t| t.iter().map(|x| text_of(Some(x))).collect::<Vec<_>>().join("\n"))
                    .unwrap_or_default();
                let range = (start as usize, end as usize);
                let entry = grouped.entry(key).or_insert_with(|| {
                    let mut span = ExtractedSpan::new(*place, Vec::new(), &label).found_at(origin);
                    span.note = note;
                    (n, span)
                });
                entry.1.ranges.push(range);
                entry.1.quotes.push(quote);
            }
            Some("choices") => {
                let choice = value
                    .and_then(|v| v.get("choices"))
                    .and_then(Value::as_array)
                    .and_then(|c| c.first())
                    .map(|c| text_of(Some(c)));
                let Some(choice) = choice else { continue };
                // Gloss writes a dimension's own name beside the identifier the labelling config needs.
                let dimension =
                    result.get("gloss_dimension").or_else(|| result.get("from_name")).and_then(Value::as_str);
                match dimension {
                    Some("sentiment") | None => marks.sentiment = Some(choice),
                    Some(dimension) => marks.dimensions.push((dimension.to_owned(), choice)),
                }
            }
            Some(other) => warnings.push(format!("{origin}: a {other} result is not something Gloss models; left out")),
            None => {}
        }
    }
    let mut spans: Vec<(usize, ExtractedSpan)> = grouped.into_values().collect();
    spans.sort_by_key(|(n, _)| *n);
    (spans.into_iter().map(|(_, s)| s).collect(), marks)
}

/// Reads the tasks of `value` (from the file `name`).
pub fn read(value: &Value, name: &str) -> Result<Vec<Extracted>, String> {
    let Value::Array(tasks) = value else { return Err(format!("{name} is not a list of Label Studio tasks")) };
    let mut articles: Vec<Extracted> = Vec::new();
    let mut warnings = Vec::new();
    let mut documents: BTreeMap<String, usize> = BTreeMap::new();
    // (document_id, comment_id) -> the comment's index in its article.
    let mut comments: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (number, task) in tasks.iter().enumerate() {
        let Some(data) = task.get("data").and_then(Value::as_object) else { continue };
        let text = text_of(data.get("text"));
        let origin = format!("{name} task {}", number + 1);
        let document = data.get("document_id").map(|d| text_of(Some(d)));
        let is_comment = data.get("target").and_then(Value::as_str) == Some("comment");
        let results = results(task);
        match (document.as_ref().and_then(|d| documents.get(d)).copied(), is_comment) {
            (Some(index), true) => {
                let article = &mut articles[index];
                let position = article.comments.len();
                let doc = document.clone().unwrap_or_default();
                let field = |key: &str| Some(text_of(data.get(key))).filter(|v| !v.is_empty());
                // A reply names the comment it answers by id; that one came earlier in the file.
                let parent = field("parent_id").and_then(|p| comments.get(&(doc.clone(), p)).copied());
                article.comments.push(ExtractedComment {
                    number: field("comment_number"),
                    author: text_of(data.get("author")),
                    date: field("date"),
                    timestamp: None,
                    text,
                    parent,
                });
                comments.insert((doc, text_of(data.get("comment_id"))), position);
                let place = Place::Comment(CommentRef::Index(position));
                let (spans, mut marks) = marks_of(&results, &place, &origin, &mut warnings);
                marks.note = field("note").unwrap_or_default();
                article.annotations.spans.extend(spans);
                if !marks.is_empty() {
                    article.annotations.comments.push((CommentRef::Index(position), marks));
                }
            }
            _ => {
                let title = data.get("title").and_then(Value::as_str).map_or_else(|| first_words(&text), str::to_owned);
                let mut article = Extracted { title, body: text, ..Extracted::default() };
                let (spans, _) = marks_of(&results, &Place::Body, &origin, &mut warnings);
                article.annotations.spans = spans;
                documents.insert(document.unwrap_or_else(|| format!("task {}", number + 1)), articles.len());
                articles.push(article);
            }
        }
    }
    if articles.is_empty() {
        return Err(format!("{name} holds no Label Studio task with a text"));
    }
    if let Some(first) = articles.first_mut() {
        first.warnings.extend(warnings);
    }
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_from_elsewhere_are_documents_with_their_regions_and_predictions_count_without_annotations() {
        let value: Value = serde_json::from_str(
            r#"[
                {"data": {"text": "Ани said 😀 prices rose."},
                 "annotations": [{"result": [
                    {"id": "abc", "type": "labels", "value": {"start": 11, "end": 22, "text": "prices rose", "labels": ["Claim"]}},
                    {"id": "r1", "type": "relation", "from_id": "abc", "to_id": "abc"}]}]},
                {"data": {"text": "北京 is big"},
                 "predictions": [{"result": [
                    {"id": "p", "type": "labels", "value": {"start": 0, "end": 2, "text": "北京", "labels": ["Place"]}}]}]}
            ]"#,
        )
        .unwrap_or_default();
        assert!(looks_like(&value));
        let articles = read(&value, "tasks.json").unwrap_or_default();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].title, "Ани said 😀 prices rose.");
        assert_eq!(articles[0].annotations.spans[0].ranges, [(11, 22)]);
        assert_eq!(articles[1].annotations.spans[0].label, "Place");
        assert!(articles[0].warnings.iter().any(|w| w.contains("relation result")), "{:?}", articles[0].warnings);
        assert!(!looks_like(&serde_json::json!([{"title": "an article"}])));
    }
}
