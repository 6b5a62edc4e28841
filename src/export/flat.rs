//! A document as one text: the body, then each comment under a header line. Formats that annotate one text per
//! document (brat, the HTML report) index this text.

use crate::model::text::char_len;
use crate::model::{CommentId, Document, Target};

/// Where one target's text lies in the flat text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    /// The body or a comment.
    pub target: Target,
    /// Code point offset of the target's first character.
    pub start: usize,
    /// Its length in code points.
    pub len: usize,
}

/// A document flattened into one text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flat {
    /// Body, a blank line, then per comment a header line ("#1 Maren") and its text, blank lines between.
    pub text: String,
    /// The body first, then each comment in order.
    pub parts: Vec<Part>,
}

impl Flat {
    /// Flattens `doc`.
    pub fn of(doc: &Document) -> Self {
        let mut text = doc.body.clone();
        let mut parts = vec![Part { target: Target::Body, start: 0, len: char_len(&doc.body) }];
        let mut at = parts[0].len;
        for comment in &doc.comments {
            let number = comment.number.as_deref().map(|n| format!("#{n} ")).unwrap_or_default();
            let author = if comment.author.is_empty() { "(no name)" } else { comment.author.as_str() };
            let header = format!("\n\n{number}{author}\n");
            at += char_len(&header);
            text.push_str(&header);
            text.push_str(&comment.text);
            let len = char_len(&comment.text);
            parts.push(Part { target: Target::Comment(comment.id), start: at, len });
            at += len;
        }
        text.push('\n');
        Self { text, parts }
    }

    /// The flat offset of code point `offset` of `target`.
    pub fn offset(&self, target: Target, offset: usize) -> Option<usize> {
        self.parts.iter().find(|p| p.target == target).map(|p| p.start + offset)
    }

    /// The part of comment `id`.
    pub fn comment(&self, id: CommentId) -> Option<Part> {
        self.parts.iter().copied().find(|p| p.target == Target::Comment(id))
    }
}
