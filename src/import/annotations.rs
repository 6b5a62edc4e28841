//! Annotations that come with an imported file (a dataset exported by Gloss or another tool): highlights, comment
//! sentiment and tags, named by their labels rather than by a project's ids. `edit::imported` resolves the names
//! against the project's schema, adding what it lacks.

use serde::Serialize;

use crate::model::Verdict;

/// A comment of the imported article (by its place in [`crate::import::Extracted::comments`]) or of a document
/// already in the project (by its id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum CommentRef {
    /// Index in the imported article's comments.
    Index(usize),
    /// Id of a comment of the existing document.
    Id(u64),
}

/// Where a highlight lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Place {
    /// The article's body.
    Body,
    /// A comment's text.
    Comment(CommentRef),
}

/// A document already in the project that the annotations belong to (W3C annotations name their text rather than
/// carry it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Existing {
    /// By its id in the project.
    Id(u64),
    /// By the web address its import recorded.
    Url(String),
}

/// One imported highlight, in code points of its target text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExtractedSpan {
    /// Body or comment.
    pub place: Place,
    /// Ranges in code points of the target text, in order.
    pub ranges: Vec<(usize, usize)>,
    /// Label name.
    pub label: String,
    /// Speaker or source.
    pub speaker: String,
    /// Free note.
    pub note: String,
    /// Check-worthy, if decided.
    pub check_worthy: Option<bool>,
    /// What a check found.
    pub verdict: Verdict,
    /// Who made it.
    pub annotator: String,
    /// When it was made, if known.
    pub created: Option<jiff::Timestamp>,
    /// When it last changed, if known.
    pub modified: Option<jiff::Timestamp>,
    /// The quoted text of each range with context before and after, where the file gives it (W3C
    /// `TextQuoteSelector`): a range whose offsets do not quote it is found again by its text.
    pub quotes: Vec<Quote>,
    /// Where each range came from in the file ("spans.csv line 7"), for warnings about it; the last one stands
    /// for ranges beyond, and none is known where the list is empty.
    #[serde(skip)]
    pub origins: Vec<String>,
    /// The suggestion the highlight was accepted from, if the file says (a Gloss project being merged).
    pub suggested: Option<Suggested>,
    /// The IRI the file names the highlight by (a W3C annotation's `id`), kept so that it is named so again.
    pub iri: Option<String>,
}

/// What a suggester proposed, with the label or sentiment level by name, as imports and merges carry it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggested {
    /// The suggester.
    pub by: String,
    /// Its version.
    pub version: String,
    /// The label (of a highlight) or level (of a sentiment) proposed, by name.
    pub proposed: String,
    /// The ranges proposed, in code points of the target; empty for a sentiment.
    pub ranges: Vec<(usize, usize)>,
}

/// A suggestion an annotator rejected, as imports and merges carry it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExtractedRejection {
    /// Body or comment.
    pub place: Place,
    /// Who rejected it.
    pub annotator: String,
    /// What was proposed: the label (with `ranges`) or the sentiment level (with none), by name.
    pub proposed: Suggested,
    /// The quoted text of each range with its context.
    pub quotes: Vec<Quote>,
    /// When it was rejected.
    pub at: jiff::Timestamp,
}

/// A quoted piece of text with some context, as a W3C `TextQuoteSelector` gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The text itself.
    pub exact: String,
    /// Text just before it.
    pub prefix: String,
    /// Text just after it.
    pub suffix: String,
}

impl ExtractedSpan {
    /// A highlight with only place, ranges and label known.
    pub fn new(place: Place, ranges: Vec<(usize, usize)>, label: &str) -> Self {
        Self {
            place,
            ranges,
            label: label.to_owned(),
            speaker: String::new(),
            note: String::new(),
            check_worthy: None,
            verdict: Verdict::Unverified,
            annotator: String::new(),
            created: None,
            modified: None,
            quotes: Vec::new(),
            origins: Vec::new(),
            suggested: None,
            iri: None,
        }
    }

    /// This highlight, noting that it comes from `origin` (all its ranges).
    pub fn found_at(mut self, origin: impl Into<String>) -> Self {
        self.origins = vec![origin.into()];
        self
    }

    /// Where range `index` came from, with a colon, ready to begin a warning ("spans.csv line 7: "); empty when
    /// unknown.
    pub fn origin(&self, index: usize) -> String {
        self.origins.get(index).or(self.origins.last()).map(|o| format!("{o}: ")).unwrap_or_default()
    }
}

/// What a comment was tagged with, by names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Marks {
    /// Sentiment level name.
    pub sentiment: Option<String>,
    /// (dimension name, value name) pairs.
    pub dimensions: Vec<(String, String)>,
    /// The comment's note.
    pub note: String,
    /// Who tagged it; empty when the file does not say.
    pub annotator: String,
    /// The suggestion the sentiment was accepted from, if the file says.
    pub suggested: Option<Suggested>,
}

impl Marks {
    /// Whether nothing is marked.
    pub fn is_empty(&self) -> bool {
        self.sentiment.is_none() && self.dimensions.is_empty() && self.note.is_empty()
    }
}

/// Everything annotated in an imported file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Annotations {
    /// Set when the file annotates a document the project already has, instead of bringing its own.
    pub existing: Option<Existing>,
    /// The highlights.
    pub spans: Vec<ExtractedSpan>,
    /// Sentiment, dimensions and notes of comments.
    pub comments: Vec<(CommentRef, Marks)>,
    /// Suggestions annotators rejected.
    pub rejected: Vec<ExtractedRejection>,
}

impl Annotations {
    /// Whether the file brought no annotations.
    pub fn is_empty(&self) -> bool {
        self.existing.is_none() && self.spans.is_empty() && self.comments.is_empty() && self.rejected.is_empty()
    }
}
