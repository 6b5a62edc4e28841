//! CSV: `documents.csv` (metadata and body), `spans.csv` (a row per range of each highlight) and `comments.csv`
//! (a row per comment with its sentiment and a column per dimension), RFC 4180 with CRLF line ends, UTF-8
//! without a byte-order mark, a header row. Offsets count code points of the row's target text: the body in
//! `documents.csv`, or the comment's `text` in `comments.csv`. A highlight in several parts is several rows with
//! the same `span_id` and `part` 1, 2, ….

use std::path::Path;

use super::{Control, ExportError, Output, Rendered};
use crate::model::{Comment, Document, Project, SpanAnnotation, Target};

/// File names inside the export folder.
pub const DOCUMENTS: &str = "documents.csv";
/// See [`DOCUMENTS`].
pub const SPANS: &str = "spans.csv";
/// See [`DOCUMENTS`].
pub const COMMENTS: &str = "comments.csv";

/// Header of `spans.csv`.
pub const SPAN_COLUMNS: [&str; 17] = [
    "document_id",
    "document_title",
    "span_id",
    "part",
    "target",
    "comment_id",
    "label",
    "start",
    "end",
    "text",
    "speaker",
    "check_worthy",
    "verdict",
    "note",
    "annotator",
    "created",
    "modified",
];

pub(super) fn render(project: &Project, docs: &[&Document], out: &Path, control: &Control<'_>) -> Rendered {
    let mut documents = writer();
    documents.write_record([
        "document_id",
        "title",
        "site",
        "dateline",
        "byline",
        "date",
        "language",
        "caption",
        "source_file",
        "note",
        "body",
    ])?;
    let mut spans = writer();
    spans.write_record(SPAN_COLUMNS)?;
    let mut comments = writer();
    let dimensions = &project.schema.dimensions;
    let mut header: Vec<&str> = vec!["document_id", "comment_id", "number", "author", "date", "parent_id", "sentiment"];
    header.extend(dimensions.iter().map(|d| d.name.as_str()));
    header.extend(["text", "note", "annotator"]);
    comments.write_record(&header)?;
    control.each(docs, |doc| {
        documents.write_record(document_row(doc))?;
        for span in &doc.spans {
            for row in span_rows(project, doc, span) {
                spans.write_record(row)?;
            }
        }
        for comment in &doc.comments {
            comments.write_record(comment_row(project, doc, comment))?;
        }
        Ok(())
    })?;
    Ok(vec![
        Output { path: out.join(DOCUMENTS), bytes: finish(documents)? },
        Output { path: out.join(SPANS), bytes: finish(spans)? },
        Output { path: out.join(COMMENTS), bytes: finish(comments)? },
    ])
}

fn document_row(doc: &Document) -> [String; 11] {
    let m = &doc.metadata;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        doc.id.0.to_string(),
        doc.title.clone(),
        opt(&m.site),
        opt(&m.dateline),
        opt(&m.byline),
        opt(&m.date),
        opt(&m.language),
        opt(&m.caption),
        opt(&m.source_file),
        doc.note.clone(),
        doc.body.clone(),
    ]
}

/// A row per range of `span`, numbered from 1 in `part`.
fn span_rows(project: &Project, doc: &Document, span: &SpanAnnotation) -> Vec<[String; 17]> {
    let label = project.schema.label(span.label).map_or("", |l| l.name.as_str());
    let (target, comment) = match span.target {
        Target::Body => ("body", String::new()),
        Target::Comment(id) => ("comment", id.0.to_string()),
    };
    let worthy = span.check_worthy.map(|b| if b { "yes" } else { "no" }).unwrap_or_default();
    span.ranges
        .iter()
        .enumerate()
        .map(|(part, range)| {
            [
                doc.id.0.to_string(),
                doc.title.clone(),
                span.id.0.to_string(),
                (part + 1).to_string(),
                target.to_owned(),
                comment.clone(),
                label.to_owned(),
                range.start.to_string(),
                range.end.to_string(),
                range.exact.clone(),
                span.speaker.clone(),
                worthy.to_owned(),
                span.verdict.name().to_owned(),
                span.note.clone(),
                span.annotator.clone(),
                span.created.to_string(),
                span.modified.to_string(),
            ]
        })
        .collect()
}

fn comment_row(project: &Project, doc: &Document, comment: &Comment) -> Vec<String> {
    let schema = &project.schema;
    let sentiment =
        comment.sentiment_of(&project.annotator).and_then(|s| schema.sentiment(s)).map_or("", |l| l.name.as_str());
    let mut record = vec![
        doc.id.0.to_string(),
        comment.id.0.to_string(),
        comment.number.clone().unwrap_or_default(),
        comment.author.clone(),
        comment.date.clone().unwrap_or_default(),
        comment.parent.map(|p| p.0.to_string()).unwrap_or_default(),
        sentiment.to_owned(),
    ];
    for dimension in &schema.dimensions {
        let value = comment.tag_value(&project.annotator, dimension);
        record.push(value.map(|v| v.name.clone()).unwrap_or_default());
    }
    let annotator =
        if comment.tagging(&project.annotator).is_some() { project.annotator.clone() } else { String::new() };
    record.extend([comment.text.clone(), comment.note.clone(), annotator]);
    record
}

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new())
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, ExportError> {
    writer.into_inner().map_err(|e| ExportError::Csv(e.into_error().into()))
}
