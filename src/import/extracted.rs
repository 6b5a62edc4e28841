//! What an importer makes of one file, before it becomes a document of a project.

use serde::Serialize;

use super::annotations::Annotations;
use crate::model::{Comment, CommentId, DocId, Document, IdAllocator, Metadata};

/// One reader comment as found in the source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExtractedComment {
    /// The number printed beside it, if any.
    pub number: Option<String>,
    /// Who wrote it.
    pub author: String,
    /// When, as printed.
    pub date: Option<String>,
    /// When, as the page states it for machines (RFC 3339, or a date alone), where it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// Its text; paragraphs separated by a blank line.
    pub text: String,
    /// Index (in the same list) of the comment it replies to.
    pub parent: Option<usize>,
}

/// An article taken apart: the same structure for every input format.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Extracted {
    /// Headline.
    pub title: String,
    /// Whatever is known about the source.
    pub metadata: Metadata,
    /// The story; paragraphs separated by a blank line.
    pub body: String,
    /// Reader comments in page order.
    pub comments: Vec<ExtractedComment>,
    /// What the importer was unsure of; the import still succeeded.
    pub warnings: Vec<String>,
    /// How the comments were told apart from the page (HTML pages), for the import report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments_found: Option<CommentsFound>,
    /// Page furniture left out of both body and comments, described for the import report.
    #[serde(skip)]
    pub skipped: Vec<String>,
    /// Highlights and comment tags the file brought (datasets), by label names.
    #[serde(skip_serializing_if = "Annotations::is_empty")]
    pub annotations: Annotations,
}

/// How a page's comments were found, and how sure the importer is of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommentsFound {
    /// What gave the comment section away.
    pub by: FoundBy,
    /// How sure the importer is that what it took are the page's comments, and all of them.
    pub confidence: Confidence,
    /// Parts of the page that looked like comments but were not taken, described.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub doubts: Vec<String>,
}

/// What gave a comment section away.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FoundBy {
    /// The page names its comment section and each comment (`id="comments"`, `li.comment`, `comment-123`).
    Markup,
    /// Their shape made them comments (alike blocks, each with an author, a date and text of its own): blocks
    /// that name no comment inside a section named for comments, or a thread nothing on the page names (a
    /// forum's posts).
    Structure,
    /// Comments written as text ("Name says:" then the comment).
    Text,
}

/// How sure the importer is of a page's comments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Nearly every comment has an author and a date where the markup says.
    High,
    /// At least half of them have an author or a date.
    Medium,
    /// Few have either: check the comments (or the body) in the window.
    Low,
}

impl CommentsFound {
    /// The import report's line, after "comments: ".
    pub fn describe(&self) -> String {
        let by = match self.by {
            FoundBy::Markup => "found by the page's markup (a section and comments named so)",
            FoundBy::Structure => "found by their structure (alike blocks with authors or dates)",
            FoundBy::Text => "found in the text (\"Name says:\" lines)",
        };
        let confidence = match self.confidence {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low; check them in the window",
        };
        let mut line = format!("{by}; confidence {confidence}");
        for doubt in &self.doubts {
            line.push_str("; ");
            line.push_str(doubt);
        }
        line
    }
}

impl Extracted {
    /// The document this article becomes. Its ids are provisional (counted from 1); the project it joins gives it
    /// its own (see `Command::AddDocument`).
    pub fn into_document(mut self) -> Document {
        self.annotations = Annotations::default();
        let mut ids = IdAllocator::default();
        let doc = DocId(ids.fresh());
        let comment_ids: Vec<CommentId> = self.comments.iter().map(|_| CommentId(ids.fresh())).collect();
        let comments = self
            .comments
            .into_iter()
            .zip(&comment_ids)
            .map(|(comment, &id)| Comment {
                id,
                number: comment.number,
                author: comment.author,
                date: comment.date,
                timestamp: comment.timestamp,
                parent: comment.parent.and_then(|i| comment_ids.get(i).copied()).filter(|&p| p != id),
                text: comment.text,
                tagged_by: std::collections::BTreeMap::new(),
                note: String::new(),
                removed: false,
            })
            .collect();
        Document {
            id: doc,
            title: self.title,
            metadata: self.metadata,
            body: self.body,
            comments,
            spans: Vec::new(),
            note: String::new(),
            orphans: Vec::new(),
            review: Vec::new(),
        }
    }

    /// The import report's line on how the comments were found (or why some that looked like comments were not
    /// taken); `None` where there is nothing to say.
    pub fn comments_note(&self) -> Option<String> {
        let found = self.comments_found.as_ref()?;
        if self.comments.is_empty() {
            return (!found.doubts.is_empty()).then(|| format!("comments: none taken; {}", found.doubts.join("; ")));
        }
        Some(format!("comments: {}", found.describe()))
    }

    /// One line per finding, for `gloss import` and the import report.
    pub fn summary(&self) -> String {
        let paragraphs = if self.body.is_empty() { 0 } else { self.body.split("\n\n").count() };
        let replies = self.comments.iter().filter(|c| c.parent.is_some()).count();
        let mut parts = vec![
            format!("\"{}\"", self.title),
            format!("{paragraphs} paragraph(s)"),
            format!("{} comment(s)", self.comments.len()),
        ];
        if replies > 0 {
            parts.push(format!("{replies} of them replies"));
        }
        for (name, value) in self.metadata.known_fields() {
            if name != "source_file" {
                parts.push(format!("{name}: {value}"));
            }
        }
        parts.join(", ")
    }
}
