//! Comments as a spreadsheet (CSV): one comment per row, columns matched by their header (`author`, `name`,
//! `user` …; `text`, `comment`, `body` …; `date`; `id` and `parent` for replies). The comments become a
//! comments-only document, which can then be moved under an article.

use super::{Extracted, ExtractedComment};
use crate::model::Metadata;

const AUTHOR: &[&str] = &["author", "name", "user", "username", "user_name", "by", "commenter", "nick", "nickname"];
const TEXT: &[&str] = &["text", "comment", "body", "content", "message", "comment_text"];
const DATE: &[&str] = &["date", "time", "created", "created_at", "timestamp", "posted", "published"];
const NUMBER: &[&str] = &["number", "no", "num", "#", "floor"];
const ID: &[&str] = &["id", "comment_id", "cid"];
const PARENT: &[&str] = &["parent", "parent_id", "reply_to", "in_reply_to"];

/// Reads the comments in `text`; `name` (the file's name) titles the document.
pub fn extract(text: &str, name: &str) -> Result<Extracted, String> {
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> =
        reader.headers().map_err(|e| e.to_string())?.iter().map(|h| h.trim().to_lowercase()).collect();
    let column = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let Some(text_column) = column(TEXT) else {
        return Err(format!(
            "no column holds the comment text (expected a header such as \"text\" or \"comment\"; found {})",
            headers.join(", ")
        ));
    };
    let (author, date, number, id, parent) = (column(AUTHOR), column(DATE), column(NUMBER), column(ID), column(PARENT));
    let used = [Some(text_column), author, date, number, id, parent];
    let unused: Vec<&str> =
        headers.iter().enumerate().filter(|(i, _)| !used.contains(&Some(*i))).map(|(_, h)| h.as_str()).collect();
    let mut warnings = Vec::new();
    if !unused.is_empty() {
        warnings.push(format!("columns not imported: {}", unused.join(", ")));
    }
    let mut comments = Vec::new();
    let mut ids: Vec<Option<String>> = Vec::new();
    let mut parents: Vec<Option<String>> = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("row {}: {e}", row + 2))?;
        let cell = |index: Option<usize>| {
            index.and_then(|i| record.get(i)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
        };
        let Some(text) = cell(Some(text_column)) else {
            warnings.push(format!("row {} has no text and was skipped", row + 2));
            continue;
        };
        ids.push(cell(id));
        parents.push(cell(parent));
        comments.push(ExtractedComment {
            number: cell(number),
            author: cell(author).unwrap_or_default(),
            date: cell(date),
            timestamp: None,
            text: super::normalize_newlines(&text),
            parent: None,
        });
    }
    for (index, parent) in parents.iter().enumerate() {
        if let Some(parent) = parent {
            comments[index].parent =
                ids.iter().position(|i| i.as_deref() == Some(parent.as_str())).filter(|&p| p != index);
        }
    }
    if comments.is_empty() {
        return Err("the file has no comments".to_owned());
    }
    let title = format!("Comments from {name}");
    Ok(Extracted {
        title,
        metadata: Metadata::default(),
        body: String::new(),
        comments,
        comments_found: None,
        warnings,
        skipped: Vec::new(),
        annotations: Default::default(),
    })
}

/// Comma, semicolon (spreadsheets in many European locales) or tab: whichever splits the header line most.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    [b',', b';', b'\t'].into_iter().max_by_key(|&d| header.bytes().filter(|&b| b == d).count()).unwrap_or(b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_matched_by_header() {
        let text = "ID;User;Comment;Created_At;Likes\n1;Kim;\"Finally; good.\";2024-01-02;3\n2;Tom;\"Line one\nline two\";;\n3;Sara;Reply;2024-01-03;\n";
        let article = extract(text, "stadium.csv").unwrap();
        assert_eq!(article.title, "Comments from stadium.csv");
        assert!(article.body.is_empty());
        let rows: Vec<(&str, &str)> = article.comments.iter().map(|c| (c.author.as_str(), c.text.as_str())).collect();
        assert_eq!(rows, [("Kim", "Finally; good."), ("Tom", "Line one\nline two"), ("Sara", "Reply")]);
        assert_eq!(article.comments[0].date.as_deref(), Some("2024-01-02"));
        assert_eq!(article.warnings, ["columns not imported: likes"]);
    }

    #[test]
    fn a_file_without_a_text_column_is_refused() {
        assert!(extract("a,b\n1,2\n", "x.csv").unwrap_err().contains("no column holds the comment text"));
    }
}
