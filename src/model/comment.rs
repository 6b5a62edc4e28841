//! Reader comments and each annotator's tags on them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ids::{CommentId, DimensionId, SentimentId, ValueId};
use super::provenance::{Outcome, SuggestedSentiment};
use super::schema::{Dimension, DimensionValue};

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
    /// The suggestion the sentiment was accepted from, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested: Option<SuggestedSentiment>,
}

impl Tagging {
    /// What became of the sentiment suggestion this tagging was accepted from: none for a sentiment given by hand
    /// or since cleared.
    pub fn outcome(&self) -> Option<Outcome> {
        let suggested = self.suggested.as_ref()?;
        let sentiment = self.sentiment?;
        Some(if sentiment == suggested.sentiment { Outcome::AsIs } else { Outcome::Edited })
    }

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
    /// When it was posted, as the page states it for machines (`<time datetime>`): RFC 3339, or a date alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
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
    /// Whether a newer version of the page no longer has the comment; it is kept, with its work, after an update.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
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
    timestamp: Option<String>,
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
    #[serde(default)]
    removed: bool,
}

impl From<CommentFields> for Comment {
    fn from(fields: CommentFields) -> Self {
        let mut tagged_by = fields.tagged_by;
        let old = Tagging { sentiment: fields.sentiment, tags: fields.tags, suggested: None };
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
            timestamp: fields.timestamp,
            parent: fields.parent,
            text: fields.text,
            tagged_by,
            note: fields.note,
            removed: fields.removed,
        }
    }
}

impl Comment {
    /// A comment nobody has tagged yet.
    pub fn new(id: CommentId, author: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            id,
            number: None,
            author: author.into(),
            date: None,
            timestamp: None,
            parent: None,
            text: text.into(),
            tagged_by: BTreeMap::new(),
            note: String::new(),
            removed: false,
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
