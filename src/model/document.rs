//! Documents and their reader comments.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::comment::Comment;
use super::ids::{CommentId, DocId, IdAllocator, SpanId};
use super::span::{SpanAnnotation, Target};
use super::text::char_len;

/// What is known about where an article comes from. Every field is optional because real input rarely has them all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Metadata {
    /// Name of the file the article was imported from.
    pub source_file: Option<String>,
    /// Publication or web site.
    pub site: Option<String>,
    /// Place and agency line that opens a news story, e.g. "MOSCOW, Russia (ArmRadio)".
    pub dateline: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// Publication date as printed.
    pub date: Option<String>,
    /// Language tag such as "en" or "hy".
    pub language: Option<String>,
    /// Writing direction of the text, "ltr" or "rtl", where the source says.
    pub direction: Option<String>,
    /// Photo caption, kept once however often the page repeated it.
    pub caption: Option<String>,
    /// Anything else the source said about itself, kept rather than dropped.
    pub extra: BTreeMap<String, String>,
}

impl Metadata {
    /// The named fields that are set, in display order, as (name, value) pairs.
    pub fn known_fields(&self) -> Vec<(&'static str, &str)> {
        [
            ("site", &self.site),
            ("dateline", &self.dateline),
            ("byline", &self.byline),
            ("date", &self.date),
            ("language", &self.language),
            ("direction", &self.direction),
            ("caption", &self.caption),
            ("source_file", &self.source_file),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.as_deref().map(|v| (name, v)))
        .collect()
    }
}

/// An article with its comments and the annotations made on them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable id.
    pub id: DocId,
    /// Headline.
    pub title: String,
    /// Source, dateline, byline and the like.
    #[serde(default)]
    pub metadata: Metadata,
    /// The article text; paragraphs are separated by a blank line (`"\n\n"`). Span offsets index this string in
    /// code points.
    #[serde(with = "super::paragraphs")]
    pub body: String,
    /// Reader comments in page order.
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// Highlights on the body and on the comments.
    #[serde(default)]
    pub spans: Vec<SpanAnnotation>,
    /// The annotator's free note on the whole document.
    #[serde(default)]
    pub note: String,
    /// Highlights whose text an update from a newer version removed, kept with their old quote and context (their
    /// ranges index the older text, not this one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphans: Vec<SpanAnnotation>,
    /// Highlights an update left for the annotator to confirm, re-select, keep as orphans or delete.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<super::reanchor::Reanchoring>,
}

impl Document {
    /// A document with this text and nothing else: no metadata, comments or highlights.
    pub fn new(id: DocId, title: impl Into<String>, body: impl Into<String>) -> Self {
        Self {
            id,
            title: title.into(),
            metadata: Metadata::default(),
            body: body.into(),
            comments: Vec::new(),
            spans: Vec::new(),
            note: String::new(),
            orphans: Vec::new(),
            review: Vec::new(),
        }
    }

    /// The document's highlights in reading order: the body first, then each comment, by start.
    pub fn spans_in_reading_order(&self) -> Vec<&SpanAnnotation> {
        let place = |target: Target| match target {
            Target::Body => 0,
            Target::Comment(c) => self.comment_index(c).map_or(usize::MAX, |i| i + 1),
        };
        let mut spans: Vec<&SpanAnnotation> = self.spans.iter().collect();
        spans.sort_by_key(|s| (place(s.target), s.start(), s.end(), s.id));
        spans
    }

    /// The comment with this id.
    pub fn comment(&self, id: CommentId) -> Option<&Comment> {
        self.comments.iter().find(|comment| comment.id == id)
    }

    /// Position of the comment with this id in [`Self::comments`].
    pub fn comment_index(&self, id: CommentId) -> Option<usize> {
        self.comments.iter().position(|comment| comment.id == id)
    }

    /// Gives the document, its comments and its spans new ids from `ids`, keeping every reference between them
    /// (reply parents, span targets) intact. Used when a document joins a project, whose counter decides the ids.
    pub fn assign_fresh_ids(&mut self, ids: &mut IdAllocator) {
        self.id = DocId(ids.fresh());
        let mut comments = HashMap::new();
        for comment in &mut self.comments {
            let fresh = CommentId(ids.fresh());
            comments.insert(comment.id, fresh);
            comment.id = fresh;
        }
        for comment in &mut self.comments {
            comment.parent = comment.parent.and_then(|p| comments.get(&p).copied());
        }
        let mut spans = HashMap::new();
        for span in self.spans.iter_mut().chain(&mut self.orphans) {
            let fresh = SpanId(ids.fresh());
            spans.insert(span.id, fresh);
            span.id = fresh;
            if let Target::Comment(old) = span.target
                && let Some(&fresh) = comments.get(&old)
            {
                span.target = Target::Comment(fresh);
            }
        }
        for entry in &mut self.review {
            entry.span = spans.get(&entry.span).copied().unwrap_or(entry.span);
        }
    }

    /// The largest id used in the document.
    pub fn max_id(&self) -> u64 {
        let comments = self.comments.iter().map(|c| c.id.0);
        let spans = self.spans.iter().chain(&self.orphans).map(|s| s.id.0);
        comments.chain(spans).fold(self.id.0, u64::max)
    }

    /// The span annotation with this id.
    pub fn span(&self, id: SpanId) -> Option<&SpanAnnotation> {
        self.spans.iter().find(|span| span.id == id)
    }

    /// The text a target refers to, or `None` for a comment that does not exist.
    pub fn target_text(&self, target: Target) -> Option<&str> {
        match target {
            Target::Body => Some(&self.body),
            Target::Comment(id) => self.comment(id).map(|comment| comment.text.as_str()),
        }
    }

    /// Whether the document has exactly this text: `body`, and `comments` as the texts of its comments in order.
    /// The same article, whatever its ids, as an import or a merge finds it.
    pub fn has_text<'a>(&self, body: &str, comments: impl ExactSizeIterator<Item = &'a str>) -> bool {
        self.body == body
            && self.comments.len() == comments.len()
            && self.comments.iter().zip(comments).all(|(mine, theirs)| mine.text == theirs)
    }

    /// Number of comments that carry a sentiment tag of anyone.
    pub fn tagged_comments(&self) -> usize {
        self.comments.iter().filter(|c| c.has_sentiment()).count()
    }

    /// Length of the body in code points.
    pub fn body_len(&self) -> usize {
        char_len(&self.body)
    }
}
