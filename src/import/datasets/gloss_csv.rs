//! The CSV dataset Gloss exports: `documents.csv` with `spans.csv` and `comments.csv` beside it. Offsets count
//! code points of the body or of the comment's text, as written.

use std::collections::BTreeMap;
use std::path::Path;

use crate::import::{CommentRef, Extracted, ExtractedComment, ExtractedSpan, Marks, Place};
use crate::model::{Metadata, Verdict};

/// Whether `header` is the first line of one of the three files.
pub fn is_dataset_header(header: &str) -> bool {
    header.trim_start_matches('\u{feff}').starts_with("document_id,")
}

/// Reads the dataset whose `documents.csv` is `documents` (the text of the file at `path`).
pub fn read(documents: &str, path: &Path) -> Result<Vec<Extracted>, String> {
    let sibling = |name: &str| path.with_file_name(name);
    let mut articles: BTreeMap<String, Extracted> = BTreeMap::new();
    let mut order = Vec::new();
    for (_, row) in rows(documents)? {
        let get = |key: &str| row.get(key).cloned().unwrap_or_default();
        let opt = |key: &str| Some(get(key)).filter(|v| !v.is_empty());
        let id = get("document_id");
        let metadata = Metadata {
            site: opt("site"),
            dateline: opt("dateline"),
            byline: opt("byline"),
            date: opt("date"),
            language: opt("language"),
            caption: opt("caption"),
            source_file: opt("source_file"),
            ..Metadata::default()
        };
        let article = Extracted { title: get("title"), metadata, body: get("body"), ..Extracted::default() };
        order.push(id.clone());
        articles.insert(id, article);
    }
    // Comment ids of the file, per document, in order, so that spans can find their comment.
    let mut comment_ids: BTreeMap<String, Vec<String>> = BTreeMap::new();
    if let Ok(text) = std::fs::read_to_string(sibling("comments.csv")) {
        for (_, row) in rows(&text)? {
            let get = |key: &str| row.get(key).cloned().unwrap_or_default();
            let Some(article) = articles.get_mut(&get("document_id")) else { continue };
            let ids = comment_ids.entry(get("document_id")).or_default();
            let index = article.comments.len();
            ids.push(get("comment_id"));
            let parent = ids.iter().position(|c| !c.is_empty() && *c == get("parent_id"));
            article.comments.push(ExtractedComment {
                number: Some(get("number")).filter(|n| !n.is_empty()),
                author: get("author"),
                date: Some(get("date")).filter(|d| !d.is_empty()),
                timestamp: None,
                text: get("text"),
                parent,
            });
            let fixed = [
                "document_id",
                "comment_id",
                "number",
                "author",
                "date",
                "parent_id",
                "sentiment",
                "text",
                "note",
                "annotator",
            ];
            let dimensions = row
                .iter()
                .filter(|(k, v)| !fixed.contains(&k.as_str()) && !v.is_empty())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let marks = Marks {
                sentiment: Some(get("sentiment")).filter(|s| !s.is_empty()),
                dimensions,
                note: get("note"),
                annotator: get("annotator"),
                suggested: None,
            };
            if !marks.is_empty() {
                article.annotations.comments.push((CommentRef::Index(index), marks));
            }
        }
    }
    if let Ok(text) = std::fs::read_to_string(sibling("spans.csv")) {
        let mut parts: BTreeMap<(String, String), ExtractedSpan> = BTreeMap::new();
        let mut seen = Vec::new();
        for (line, row) in rows(&text)? {
            let get = |key: &str| row.get(key).cloned().unwrap_or_default();
            let doc = get("document_id");
            let origin = format!("spans.csv line {line}");
            let number = |key: &str| {
                get(key).parse::<usize>().map_err(|_| format!("{origin}: {key} {:?} is not a number", get(key)))
            };
            let range = match (number("start"), number("end")) {
                (Ok(start), Ok(end)) => (start, end),
                (Err(problem), _) | (_, Err(problem)) => {
                    // One bad row is left out; the rest of the dataset still imports.
                    if let Some(article) = articles.get_mut(&doc) {
                        article.warnings.push(format!("{problem}; the row was left out"));
                    }
                    continue;
                }
            };
            let key = (doc.clone(), get("span_id"));
            if let Some(span) = parts.get_mut(&key) {
                span.ranges.push(range);
                span.origins.push(origin);
                continue;
            }
            let place = match get("target").as_str() {
                "comment" => {
                    let index = comment_ids.get(&doc).and_then(|ids| ids.iter().position(|c| *c == get("comment_id")));
                    match index {
                        Some(index) => Place::Comment(CommentRef::Index(index)),
                        None => continue,
                    }
                }
                _ => Place::Body,
            };
            let mut span = ExtractedSpan::new(place, vec![range], &get("label")).found_at(origin);
            span.speaker = get("speaker");
            span.note = get("note");
            span.check_worthy = match get("check_worthy").as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            };
            span.verdict = Verdict::from_name(&get("verdict")).unwrap_or_default();
            span.annotator = get("annotator");
            span.created = get("created").parse().ok();
            span.modified = get("modified").parse().ok();
            seen.push(key.clone());
            parts.insert(key, span);
        }
        for key in seen {
            if let (Some(span), Some(article)) = (parts.remove(&key), articles.get_mut(&key.0)) {
                article.annotations.spans.push(span);
            }
        }
    }
    Ok(order.into_iter().filter_map(|id| articles.remove(&id)).collect())
}

/// A row of a CSV file: the line it starts on, and its values by header.
type Row = (u64, BTreeMap<String, String>);

/// The rows of a CSV text as maps from header to value, each with the line it starts on.
fn rows(text: &str) -> Result<Vec<Row>, String> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let mut lines = LineCounter::default();
    reader
        .records()
        .map(|record| {
            let record = record.map_err(|e| e.to_string())?;
            let line = record.position().map_or(0, |at| lines.line_at(text, at.byte()));
            Ok((line, headers.iter().zip(record.iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect()))
        })
        .collect()
}

/// Line numbers of byte offsets met in increasing order. The csv reader's own line count lags by one after a CRLF
/// line end (it counts the `\n` when it reads the next record), and Gloss writes CRLF, so lines are counted here.
#[derive(Default)]
struct LineCounter {
    /// The byte offset counted up to, and the line it is on.
    byte: usize,
    line: u64,
}

impl LineCounter {
    /// The line (from 1) that the record starting at or after `byte` begins on; the line end before it is skipped.
    fn line_at(&mut self, text: &str, byte: u64) -> u64 {
        let bytes = text.as_bytes();
        let mut start = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= self.byte {
            self.line += bytecount_newlines(&bytes[self.byte..start]);
            self.byte = start;
        }
        self.line + 1
    }
}

/// How many `\n` bytes `bytes` holds.
fn bytecount_newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use super::{read, rows};

    #[test]
    fn a_row_with_a_broken_offset_is_left_out_with_a_warning_and_the_rest_imports() {
        let dir = tempfile::tempdir().unwrap();
        let documents = "document_id,title,body\r\nd1,Levy,The council raised the levy.\r\n";
        std::fs::write(dir.path().join("documents.csv"), documents).unwrap();
        let spans = "document_id,target,span_id,label,start,end\r\nd1,body,s1,Claim,x,11\r\nd1,body,s2,Claim,12,18\r\n";
        std::fs::write(dir.path().join("spans.csv"), spans).unwrap();
        let articles = read(documents, &dir.path().join("documents.csv")).unwrap();
        assert_eq!(articles[0].warnings, ["spans.csv line 2: start \"x\" is not a number; the row was left out"]);
        assert_eq!(articles[0].annotations.spans.len(), 1);
        assert_eq!(articles[0].annotations.spans[0].ranges, [(12, 18)]);
    }

    #[test]
    fn rows_know_the_line_they_start_on_whatever_the_line_ends() {
        for end in ["\n", "\r\n"] {
            let text = ["a,b", "1,2", "\"multi", "line\",3", "", "4,5", ""].join(end);
            let lines: Vec<u64> = rows(&text).unwrap().into_iter().map(|(line, _)| line).collect();
            assert_eq!(lines, [2, 3, 6], "line ends {end:?}");
        }
    }
}
