//! Documents and their reader comments.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::ids::{CommentId, DimensionId, DocId, IdAllocator, SentimentId, SpanId, ValueId};
use super::schema::{Dimension, DimensionValue};
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

/// One annotator's tags on a comment: its sentiment and its values in the project's further dimensions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Tagging {
    /// The sentiment tag, unset until the annotator tags it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<SentimentId>,
    /// Tags in the project's further dimensions (stance, toxicity …), by dimension.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<DimensionId, ValueId>,
}

impl Tagging {
    /// Whether the annotator has tagged nothing.
    pub fn is_empty(&self) -> bool {
        self.sentiment.is_none() && self.tags.is_empty()
    }
}

/// One reader comment below an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "CommentFields")]
pub struct Comment {
    /// Stable id.
    pub id: CommentId,
    /// The number the page printed beside the comment, if any.
    pub number: Option<String>,
    /// The name the comment was posted under.
    pub author: String,
    /// When it was posted, as printed.
    pub date: Option<String>,
    /// The comment this one replies to.
    pub parent: Option<CommentId>,
    /// The comment's text; paragraphs are separated by a blank line.
    #[serde(with = "super::paragraphs")]
    pub text: String,
    /// Each annotator's tags, by the annotator's name (`""` for work nobody signed). An annotator who has tagged
    /// nothing has no entry, so a merged project keeps everyone's tags side by side.
    pub tagged_by: BTreeMap<String, Tagging>,
    /// The annotator's free note.
    pub note: String,
}

/// A comment as a file holds it: the current fields, plus the single `sentiment` and `tags` of format version 3
/// and older, which [`Comment`] keeps as the tagging of the unsigned annotator `""` until the migration to version
/// 4 gives them to the project's annotator.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommentFields {
    id: CommentId,
    #[serde(default)]
    number: Option<String>,
    author: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    parent: Option<CommentId>,
    #[serde(with = "super::paragraphs")]
    text: String,
    #[serde(default)]
    sentiment: Option<SentimentId>,
    #[serde(default)]
    tags: BTreeMap<DimensionId, ValueId>,
    #[serde(default)]
    tagged_by: BTreeMap<String, Tagging>,
    #[serde(default)]
    note: String,
}

impl From<CommentFields> for Comment {
    fn from(fields: CommentFields) -> Self {
        let mut tagged_by = fields.tagged_by;
        let old = Tagging { sentiment: fields.sentiment, tags: fields.tags };
        if !old.is_empty() {
            let unsigned = tagged_by.entry(String::new()).or_default();
            unsigned.sentiment = unsigned.sentiment.or(old.sentiment);
            for (dimension, value) in old.tags {
                unsigned.tags.entry(dimension).or_insert(value);
            }
        }
        Self {
            id: fields.id,
            number: fields.number,
            author: fields.author,
            date: fields.date,
            parent: fields.parent,
            text: fields.text,
            tagged_by,
            note: fields.note,
        }
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
}

impl Comment {
    /// A comment nobody has tagged yet.
    pub fn new(id: CommentId, author: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            id,
            number: None,
            author: author.into(),
            date: None,
            parent: None,
            text: text.into(),
            tagged_by: BTreeMap::new(),
            note: String::new(),
        }
    }

    /// What `annotator` tagged on this comment, if anything.
    pub fn tagging(&self, annotator: &str) -> Option<&Tagging> {
        self.tagged_by.get(annotator)
    }

    /// The sentiment `annotator` gave this comment.
    pub fn sentiment_of(&self, annotator: &str) -> Option<SentimentId> {
        self.tagging(annotator)?.sentiment
    }

    /// The value `annotator` gave this comment in `dimension`.
    pub fn tag_of(&self, annotator: &str, dimension: DimensionId) -> Option<ValueId> {
        self.tagging(annotator)?.tags.get(&dimension).copied()
    }

    /// The value of `dimension` that `annotator` tagged this comment with, if any.
    pub fn tag_value<'s>(&self, annotator: &str, dimension: &'s Dimension) -> Option<&'s DimensionValue> {
        let value = self.tag_of(annotator, dimension.id)?;
        dimension.values.iter().find(|v| v.id == value)
    }

    /// The tags of the person whose file this is, `owner`: theirs, or, where they have none and one annotator
    /// alone tagged the comment, that one's (the file of one person who renamed themselves).
    pub fn own_tagging(&self, owner: &str) -> Option<&Tagging> {
        match self.tagging(owner) {
            Some(tagging) => Some(tagging),
            None if self.tagged_by.len() == 1 => self.tagged_by.values().next(),
            None => None,
        }
    }

    /// The sentiment of [`Self::own_tagging`].
    pub fn own_sentiment(&self, owner: &str) -> Option<SentimentId> {
        self.own_tagging(owner)?.sentiment
    }

    /// Whether anyone gave this comment a sentiment.
    pub fn has_sentiment(&self) -> bool {
        self.tagged_by.values().any(|t| t.sentiment.is_some())
    }

    /// Every annotator's sentiment on this comment, by annotator.
    pub fn sentiments(&self) -> impl Iterator<Item = (&str, SentimentId)> {
        self.tagged_by.iter().filter_map(|(who, t)| Some((who.as_str(), t.sentiment?)))
    }

    /// Changes what `annotator` tagged, dropping the entry when nothing is left so that the file stays free of
    /// empty taggings. The edit layer and imports write tags through it.
    pub fn retag<T>(&mut self, annotator: &str, change: impl FnOnce(&mut Tagging) -> T) -> T {
        let tagging = self.tagged_by.entry(annotator.to_owned()).or_default();
        let out = change(tagging);
        if tagging.is_empty() {
            self.tagged_by.remove(annotator);
        }
        out
    }
}

impl Document {
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
        for span in &mut self.spans {
            span.id = SpanId(ids.fresh());
            if let Target::Comment(old) = span.target
                && let Some(&fresh) = comments.get(&old)
            {
                span.target = Target::Comment(fresh);
            }
        }
    }

    /// The largest id used in the document.
    pub fn max_id(&self) -> u64 {
        let comments = self.comments.iter().map(|c| c.id.0);
        let spans = self.spans.iter().map(|s| s.id.0);
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

    /// Number of comments that carry a sentiment tag of anyone.
    pub fn tagged_comments(&self) -> usize {
        self.comments.iter().filter(|c| c.has_sentiment()).count()
    }

    /// Length of the body in code points.
    pub fn body_len(&self) -> usize {
        char_len(&self.body)
    }
}
