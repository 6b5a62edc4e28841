//! Articles as JSON: one object `{"title", "body", "comments": [{"author", "text", …}], "metadata": {…}}`, an
//! array of such objects, or JSON Lines (one object per line). Field names are matched loosely (`headline`,
//! `content`, `user` …); fields Gloss has no place for are kept in the metadata rather than dropped.

use serde_json::{Map, Value};

use super::{Extracted, ExtractedComment};
use crate::model::Metadata;

const TITLE: &[&str] = &["title", "headline", "name", "subject"];
const BODY: &[&str] = &["body", "text", "content", "article", "article_body", "articlebody", "story", "paragraphs"];
const COMMENTS: &[&str] = &["comments", "replies", "responses", "discussion"];
const AUTHOR: &[&str] = &["author", "name", "user", "username", "user_name", "by", "commenter", "nick"];
const COMMENT_TEXT: &[&str] = &["text", "comment", "body", "content", "message", "html"];
const DATE: &[&str] = &["date", "time", "created", "created_at", "timestamp", "published", "posted"];
const NUMBER: &[&str] = &["number", "no", "num", "index", "floor"];
const COMMENT_ID: &[&str] = &["id", "comment_id", "cid"];
const PARENT: &[&str] = &["parent", "parent_id", "reply_to", "in_reply_to", "replyto"];

/// Takes apart JSON text: one article, an array of them, or JSON Lines. An error names the line and column.
pub fn extract(text: &str) -> Result<Vec<Extracted>, String> {
    let values: Vec<Value> = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items,
        Ok(value) => vec![value],
        Err(whole) => {
            // Perhaps JSON Lines: one value per non-empty line.
            let lines: Vec<(usize, &str)> = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).collect();
            let mut values = Vec::new();
            for (number, line) in lines.iter().copied() {
                match serde_json::from_str::<Value>(line) {
                    Ok(value) => values.push(value),
                    Err(_) if values.is_empty() || lines.len() < 2 => return Err(describe(&whole, 0)),
                    Err(error) => return Err(describe(&error, number)),
                }
            }
            values
        }
    };
    values
        .into_iter()
        .enumerate()
        .map(|(index, value)| match value {
            Value::Object(object) => Ok(article(object)),
            other => Err(format!("item {} is {} rather than an article object", index + 1, kind(&other))),
        })
        .collect()
}

/// "line L, column C: what was wrong", with `line_offset` lines before the text that was parsed.
fn describe(error: &serde_json::Error, line_offset: usize) -> String {
    let message = error.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
    format!("line {}, column {}: {message}", error.line() + line_offset, error.column())
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Removes and returns the first field whose name (lower-cased) is one of `names`.
fn take(object: &mut Map<String, Value>, names: &[&str]) -> Option<Value> {
    let key = object.keys().find(|k| names.contains(&k.to_lowercase().as_str()))?.clone();
    object.remove(&key)
}

/// A value as text: strings as they are, arrays of strings as paragraphs, numbers as written.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(text_of).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        Value::Object(object) => ["name", "text", "value"].iter().find_map(|k| object.get(*k).and_then(text_of)),
        Value::Null => None,
    }
}

fn article(mut object: Map<String, Value>) -> Extracted {
    let mut warnings = Vec::new();
    let title = take(&mut object, TITLE).and_then(|v| text_of(&v));
    let body = take(&mut object, BODY).and_then(|v| text_of(&v)).unwrap_or_default();
    let comments = match take(&mut object, COMMENTS) {
        Some(Value::Array(items)) => comments(items, &mut warnings),
        Some(other) => {
            warnings.push(format!("\"comments\" is {} rather than a list; it was ignored", kind(&other)));
            Vec::new()
        }
        None => Vec::new(),
    };
    let mut metadata = Metadata::default();
    if let Some(Value::Object(meta)) = take(&mut object, &["metadata", "meta"]) {
        object.extend(meta);
    }
    let mut field = |names: &[&str]| take(&mut object, names).and_then(|v| text_of(&v));
    metadata.site = field(&["site", "site_name", "sitename", "publisher", "source"]);
    metadata.byline = field(&["byline", "author", "authors"]);
    metadata.date = field(&["date", "published", "published_time", "publishedtime", "date_published", "time"]);
    metadata.dateline = field(&["dateline"]);
    metadata.language = field(&["language", "lang"]);
    metadata.direction = field(&["direction", "dir"]);
    metadata.caption = field(&["caption"]);
    metadata.source_file = None;
    for (key, value) in object {
        if let Some(text) = text_of(&value).or_else(|| Some(value.to_string())) {
            metadata.extra.insert(key, text);
        }
    }
    let title = title.unwrap_or_else(|| {
        warnings.push("the article has no title field; its first words are the title".to_owned());
        body.split_whitespace().take(12).collect::<Vec<_>>().join(" ")
    });
    Extracted {
        title,
        metadata,
        body: normalize(&body),
        comments,
        comments_found: None,
        warnings,
        skipped: Vec::new(),
        annotations: Default::default(),
    }
}

/// Line endings as everywhere else in Gloss.
fn normalize(text: &str) -> String {
    super::normalize_newlines(text).trim().to_owned()
}

fn comments(items: Vec<Value>, warnings: &mut Vec<String>) -> Vec<ExtractedComment> {
    let mut ids: Vec<Option<String>> = Vec::new();
    let mut parents: Vec<Option<String>> = Vec::new();
    let mut comments = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        let mut object = match item {
            Value::Object(object) => object,
            Value::String(text) => Map::from_iter([("text".to_owned(), Value::String(text))]),
            other => {
                warnings.push(format!("comment {} is {} and was skipped", index + 1, kind(&other)));
                continue;
            }
        };
        let mut field = |names: &[&str]| take(&mut object, names).and_then(|v| text_of(&v));
        let text = field(COMMENT_TEXT).unwrap_or_default();
        let author = field(AUTHOR).unwrap_or_default();
        let date = field(DATE);
        let number = field(NUMBER);
        ids.push(field(COMMENT_ID));
        parents.push(field(PARENT));
        comments.push(ExtractedComment { number, author, date, timestamp: None, text: normalize(&text), parent: None });
    }
    // A parent is named by its id; it becomes an index into the list.
    for (index, parent) in parents.iter().enumerate() {
        let Some(parent) = parent else { continue };
        let found = ids.iter().position(|id| id.as_deref() == Some(parent.as_str())).filter(|&p| p != index);
        match found {
            Some(position) => comments[index].parent = Some(position),
            None => warnings.push(format!("comment {} replies to {parent}, which is not in the file", index + 1)),
        }
    }
    comments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_article_with_comments_replies_and_extra_fields() {
        let text = r#"{"headline": "Rail Strike Off", "content": ["First.", "Second."], "url": "https://x.org/a",
            "metadata": {"site": "Wire", "lang": "en", "section": "Transport"},
            "comments": [{"id": 7, "user": "sam", "comment": "Good.", "created_at": "2024-01-02"},
                         {"id": 8, "name": "Priya", "text": "No.", "parent_id": 7}]}"#;
        let articles = extract(text).unwrap();
        let a = &articles[0];
        assert_eq!(a.title, "Rail Strike Off");
        assert_eq!(a.body, "First.\n\nSecond.");
        assert_eq!(a.metadata.site.as_deref(), Some("Wire"));
        assert_eq!(a.metadata.extra.get("url").map(String::as_str), Some("https://x.org/a"));
        assert_eq!(a.metadata.extra.get("section").map(String::as_str), Some("Transport"));
        assert_eq!(a.comments[0].author, "sam");
        assert_eq!(a.comments[0].date.as_deref(), Some("2024-01-02"));
        assert_eq!(a.comments[1].parent, Some(0));
    }

    #[test]
    fn arrays_and_json_lines() {
        assert_eq!(extract(r#"[{"title": "A", "body": "x"}, {"title": "B", "body": "y"}]"#).unwrap().len(), 2);
        let lines = "{\"title\": \"A\", \"body\": \"x\"}\n\n{\"title\": \"B\", \"body\": \"y\"}\n";
        let titles: Vec<String> = extract(lines).unwrap().into_iter().map(|a| a.title).collect();
        assert_eq!(titles, ["A", "B"]);
    }

    #[test]
    fn broken_json_names_the_place() {
        let error = extract("{\"title\": \"A\",\n \"body\": }").unwrap_err();
        assert!(error.contains("line 2"), "{error}");
        assert!(extract("[1, 2]").unwrap_err().contains("a number"));
    }
}
