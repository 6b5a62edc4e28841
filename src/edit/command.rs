//! Edit commands: every change to a project is one of these values.

use std::borrow::Cow;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::model::{
    CommentId, DimensionId, DocId, Document, LabelId, LabelSchema, Reanchoring, Rejection, SentimentId, SpanAnnotation,
    SpanId, Tagging, Target, ValueId, Verdict,
};

/// A span about to be made: what the user selected and chose, before it has an id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpanDraft {
    /// The text the ranges index.
    pub target: Target,
    /// Code point ranges `(start, end)` in the target text, in ascending order.
    pub ranges: Vec<(usize, usize)>,
    /// Label to apply.
    pub label: LabelId,
    /// When the user made it.
    pub at: Timestamp,
}

/// Where one highlight is in a document with an update's review list: each part says the position it goes to
/// (clamped to the list's length) when it is not there yet, and its value; `None` where it is not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReanchorState {
    /// The highlight.
    pub span: SpanId,
    /// Among the document's highlights, on the current text.
    pub placed: Option<(usize, SpanAnnotation)>,
    /// Among its orphans, with the older text's ranges.
    pub orphan: Option<(usize, SpanAnnotation)>,
    /// On the review list.
    pub review: Option<(usize, Reanchoring)>,
}

/// An attribute of a span that is not free text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpanAttribute {
    /// Whether the claim is worth checking (unset: undecided).
    CheckWorthy(Option<bool>),
    /// What a check found.
    Verdict(Verdict),
}

/// A repair of how an import split an article (see `crate::edit::fixup`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fix {
    /// The body from this paragraph (0-based) on becomes comments, one per paragraph.
    CommentsFrom {
        /// First paragraph that is a comment.
        paragraph: usize,
    },
    /// This comment and all after it go back to the end of the body.
    BodyFrom {
        /// First comment that is story.
        comment: CommentId,
    },
    /// One comment is really two: cut it at a code point offset of its text.
    SplitComment {
        /// The comment.
        comment: CommentId,
        /// Where the second begins.
        at: usize,
    },
    /// Two comments are really one: join this one with the next.
    MergeWithNext {
        /// The first of the two.
        comment: CommentId,
    },
}

/// A metadata field of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MetaField {
    /// Publication or web site.
    Site,
    /// Place and agency line.
    Dateline,
    /// Author line.
    Byline,
    /// Publication date.
    Date,
    /// Language tag.
    Language,
    /// Photo caption.
    Caption,
}

/// What makes consecutive edits one undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MergeKey {
    /// Typing in one text field.
    Text(TextField),
    /// Editing the label schema.
    Schema,
}

/// A free-text field that can be edited in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TextField {
    /// The project's name.
    ProjectName,
    /// The annotator's name.
    Annotator,
    /// A document's title.
    DocumentTitle(DocId),
    /// A document's note.
    DocumentNote(DocId),
    /// A comment's note.
    CommentNote(DocId, CommentId),
    /// A span's speaker or source.
    SpanSpeaker(DocId, SpanId),
    /// A span's note.
    SpanNote(DocId, SpanId),
    /// A metadata field of a document; an empty value clears it.
    Meta(DocId, MetaField),
    /// The name a comment was posted under.
    CommentAuthor(DocId, CommentId),
}

/// One change to a project. Applying a command yields its inverse, which is how undo works.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// Make a new span; its id comes from the project's counter.
    CreateSpan {
        /// Document to annotate.
        doc: DocId,
        /// What to make.
        draft: SpanDraft,
    },
    /// Add imported spans to a document; each gets a fresh id. Their labels must be in the schema and their
    /// ranges must quote the document's text.
    AddSpans {
        /// Document they belong to.
        doc: DocId,
        /// The spans (their ids are replaced).
        spans: Vec<SpanAnnotation>,
    },
    /// Put back an exact span (with its id), as undoing a removal or redoing a creation does.
    RestoreSpan {
        /// Document it belongs to.
        doc: DocId,
        /// The span.
        span: SpanAnnotation,
    },
    /// Delete a span.
    RemoveSpan {
        /// Document it belongs to.
        doc: DocId,
        /// Which span.
        span: SpanId,
    },
    /// Give a span another label.
    SetSpanLabel {
        /// Document it belongs to.
        doc: DocId,
        /// Which span.
        span: SpanId,
        /// The new label.
        label: LabelId,
        /// The span's new modification time.
        at: Timestamp,
    },
    /// Set a span's check-worthiness or verdict.
    SetSpanAttribute {
        /// Document it belongs to.
        doc: DocId,
        /// Which span.
        span: SpanId,
        /// The new value.
        attribute: SpanAttribute,
        /// The span's new modification time.
        at: Timestamp,
    },
    /// Change where a span lies: its ranges, re-anchored in its text. Adds a range to a quote interrupted by
    /// "he said", or moves an edge.
    SetRanges {
        /// Document it belongs to.
        doc: DocId,
        /// Which span.
        span: SpanId,
        /// The new ranges `(start, end)` in code points; sorted and merged where they touch.
        ranges: Vec<(usize, usize)>,
        /// The span's new modification time.
        at: Timestamp,
    },
    /// Tag a comment in one of the project's further dimensions, or clear the tag with `None`.
    SetCommentTag {
        /// Document it belongs to.
        doc: DocId,
        /// Which comment.
        comment: CommentId,
        /// Whose tag it is; none means the project's annotator at the time of the edit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        annotator: Option<String>,
        /// Which dimension.
        dimension: DimensionId,
        /// The value, or none.
        value: Option<ValueId>,
    },
    /// Replace the label schema (labels, sentiment scale, dimensions). Items whose id is 0 are new and get fresh
    /// ids; everything the project's spans and comments use must still be in the new schema.
    SetSchema {
        /// The new schema.
        schema: Box<LabelSchema>,
    },
    /// Tag a comment's sentiment, or clear it with `None`.
    SetSentiment {
        /// Document it belongs to.
        doc: DocId,
        /// Which comment.
        comment: CommentId,
        /// Whose tag it is; none means the project's annotator at the time of the edit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        annotator: Option<String>,
        /// The new tag.
        sentiment: Option<SentimentId>,
    },
    /// Replace everything one annotator tagged on a comment (an empty tagging removes theirs), as accepting a
    /// suggested sentiment does, with the suggestion it came from.
    SetTagging {
        /// Document it belongs to.
        doc: DocId,
        /// Which comment.
        comment: CommentId,
        /// Whose tagging it is.
        annotator: String,
        /// The new tagging.
        tagging: Box<Tagging>,
    },
    /// Record that an annotator turned a suggestion down (`rejected`), or take that back.
    SetRejected {
        /// The rejection.
        rejection: Box<Rejection>,
        /// Whether it is recorded (true) or withdrawn (false).
        rejected: bool,
    },
    /// Replace the value of a free-text field.
    SetText {
        /// Which field.
        field: TextField,
        /// Its new value.
        value: String,
        /// For a span's field: the span's new modification time.
        at: Option<Timestamp>,
    },
    /// Replace the list of merge conflicts left to decide (dismissing one removes it).
    SetConflicts {
        /// The new list.
        conflicts: Vec<crate::model::Conflict>,
    },
    /// Insert a whole document, e.g. an imported article.
    AddDocument {
        /// Position in the document list (clamped to its length).
        index: usize,
        /// The document.
        document: Box<Document>,
        /// Give the document and everything in it new ids from the project's counter (a new document), or keep
        /// them (a document put back by undo or redo).
        fresh_ids: bool,
    },
    /// Delete a document with everything in it.
    RemoveDocument {
        /// Which document.
        doc: DocId,
    },
    /// Repair how the import split a document; highlights keep their text.
    FixUp {
        /// The document.
        doc: DocId,
        /// The repair.
        fix: Fix,
    },
    /// Put a whole document back as it was (by its id), as undoing a repair does.
    ReplaceDocument {
        /// The document as it should be.
        document: Box<Document>,
    },
    /// Decide about a highlight an update listed for review: where it is now (among the highlights, among the
    /// orphans, on the review list) becomes `state`.
    ///
    /// Made by `crate::update::review::resolve`.
    SetReanchoring {
        /// The document.
        doc: DocId,
        /// Where the highlight goes.
        state: Box<ReanchorState>,
    },
    /// Several commands as one undo step; if one fails, those before it are undone and nothing changes.
    ///
    /// Made with [`Command::batch`].
    Batch {
        /// The step's name in the Edit menu.
        name: Cow<'static, str>,
        /// The commands, in order.
        commands: Vec<Command>,
    },
}

impl Command {
    /// The action's name as the Edit menu shows it after "Undo" or "Redo".
    pub fn name(&self) -> Cow<'static, str> {
        match self {
            Self::Batch { name, .. } => name.clone(),
            other => Cow::Borrowed(other.fixed_name()),
        }
    }

    /// The name of every command but a batch, which names itself.
    fn fixed_name(&self) -> &'static str {
        match self {
            Self::CreateSpan { .. } | Self::RestoreSpan { .. } => "Add highlight",
            Self::AddSpans { .. } => "Add imported highlights",
            Self::RemoveSpan { .. } => "Remove highlight",
            Self::SetSpanLabel { .. } => "Change label",
            Self::SetSentiment { .. } => "Set sentiment",
            Self::SetTagging { .. } => "Tag comment",
            Self::SetRejected { .. } => "Reject suggestion",
            Self::SetSpanAttribute { attribute: SpanAttribute::CheckWorthy(_), .. } => "Set check-worthy",
            Self::SetSpanAttribute { attribute: SpanAttribute::Verdict(_), .. } => "Set verdict",
            Self::SetRanges { .. } => "Change highlight extent",
            Self::SetCommentTag { .. } => "Tag comment",
            Self::SetSchema { .. } => "Edit labels",
            Self::SetConflicts { .. } => "Dismiss merge conflict",
            Self::SetText { field, .. } => match field {
                TextField::ProjectName => "Rename project",
                TextField::Annotator => "Change annotator",
                TextField::DocumentTitle(_) => "Edit title",
                TextField::DocumentNote(_) | TextField::CommentNote(..) | TextField::SpanNote(..) => "Edit note",
                TextField::SpanSpeaker(..) => "Edit speaker",
                TextField::Meta(..) => "Edit metadata",
                TextField::CommentAuthor(..) => "Edit comment author",
            },
            Self::FixUp { fix, .. } => match fix {
                Fix::CommentsFrom { .. } => "Mark comments start",
                Fix::BodyFrom { .. } => "Move comments to the article",
                Fix::SplitComment { .. } => "Split comment",
                Fix::MergeWithNext { .. } => "Merge comments",
            },
            Self::ReplaceDocument { .. } => "Restore document",
            Self::SetReanchoring { .. } => "Review updated highlight",
            Self::AddDocument { .. } => "Add document",
            Self::RemoveDocument { .. } => "Remove document",
            Self::Batch { .. } => "Several edits",
        }
    }

    /// Several commands as one undo step named `name`.
    pub fn batch(name: &'static str, commands: Vec<Self>) -> Self {
        Self::Batch { name: Cow::Borrowed(name), commands }
    }

    /// Consecutive commands with the same key merge into one undo step, so typing a note (or a label's name) is
    /// undone as a whole rather than letter by letter.
    pub fn merge_key(&self) -> Option<MergeKey> {
        match self {
            Self::SetText { field, .. } => Some(MergeKey::Text(*field)),
            Self::SetSchema { .. } => Some(MergeKey::Schema),
            _ => None,
        }
    }
}
