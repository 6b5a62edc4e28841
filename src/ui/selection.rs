//! What the user is looking at and pointing to: the document shown, the text selected, the highlight selected,
//! the comment focused, and a place to bring into view. UI state, never saved in the project. Its methods are
//! the only writers of it, and only the app calls them (when it carries out an intent).

use crate::model::{CommentId, DocId, Project, SpanId, Target};

/// A text selection made with the mouse, in code points of one target text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSelection {
    /// The body or the comment the selection lies in.
    pub target: Target,
    /// Where the drag started.
    pub anchor: usize,
    /// Where the drag is now.
    pub head: usize,
}

impl TextSelection {
    /// Start and end of the selection, in order.
    pub fn range(&self) -> (usize, usize) {
        (self.anchor.min(self.head), self.anchor.max(self.head))
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.anchor == self.head
    }
}

/// A place the document view should bring into view in the next frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reveal {
    /// A highlight.
    Span(SpanId),
    /// A code point of the body or of a comment.
    Place(Target, usize),
}

/// What is shown and selected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    doc: Option<DocId>,
    text: Option<TextSelection>,
    span: Option<SpanId>,
    comment: Option<CommentId>,
    /// The highlight that was selected when the current text selection began; "Add selection to highlight"
    /// adds to it.
    extend: Option<SpanId>,
    reveal: Option<Reveal>,
    /// Whose highlights the view shows: everyone's (`None`) or one annotator's.
    annotator: Option<String>,
    /// A student's work drawn over the key, while the class window shows it.
    overlay: Option<Box<crate::ui::overlay::Overlay>>,
}

impl Selection {
    /// The document shown.
    pub fn doc(&self) -> Option<DocId> {
        self.doc
    }

    /// Text selected with the mouse, if any (possibly empty while a drag is under way).
    pub fn text(&self) -> Option<TextSelection> {
        self.text
    }

    /// Text selected with the mouse that is not empty.
    pub fn selected_text(&self) -> Option<TextSelection> {
        self.text.filter(|s| !s.is_empty())
    }

    /// The highlight selected.
    pub fn span(&self) -> Option<SpanId> {
        self.span
    }

    /// The comment that sentiment keys apply to.
    pub fn comment(&self) -> Option<CommentId> {
        self.comment
    }

    /// The highlight that "Add selection to highlight" adds to.
    pub fn extend_target(&self) -> Option<SpanId> {
        self.extend
    }

    /// The place to bring into view, if one waits.
    pub fn reveal(&self) -> Option<Reveal> {
        self.reveal
    }

    /// Shows `doc`, forgetting everything that pointed into the document shown before.
    pub fn show_document(&mut self, doc: Option<DocId>) {
        *self = Self { doc, ..Self::default() };
    }

    /// Selects text (or none). A selection that begins lets go of the selected highlight, which becomes the one
    /// "Add selection to highlight" adds to.
    pub fn select_text(&mut self, text: Option<TextSelection>) {
        if text.is_some() {
            self.extend = self.span.take().or(self.extend);
        }
        self.text = text;
    }

    /// Selects a highlight (or none), which lets go of the text selection; `reveal` brings it into view. A
    /// highlight in a comment focuses that comment.
    pub fn select_span(&mut self, span: Option<SpanId>, target: Option<Target>, reveal: bool) {
        self.text = None;
        self.span = span;
        self.extend = None;
        if let Some(Target::Comment(comment)) = target {
            self.comment = Some(comment);
        }
        if let (true, Some(span)) = (reveal, span) {
            self.reveal = Some(Reveal::Span(span));
        }
    }

    /// Focuses a comment; `reveal` brings it into view and lets go of text and highlight.
    pub fn focus_comment(&mut self, comment: CommentId, reveal: bool) {
        self.comment = Some(comment);
        if reveal {
            self.text = None;
            self.span = None;
            self.reveal = Some(Reveal::Place(Target::Comment(comment), 0));
        }
    }

    /// The annotator whose highlights alone are shown, or `None` for everyone's.
    pub fn annotator(&self) -> Option<&str> {
        self.annotator.as_deref()
    }

    /// Shows only `annotator`'s highlights, or everyone's with `None`; a selected highlight of someone else is let go.
    pub fn show_annotator(&mut self, annotator: Option<String>) {
        self.annotator = annotator;
        self.span = None;
        self.extend = None;
    }

    /// The student's work drawn over the article, if any.
    pub fn overlay(&self) -> Option<&crate::ui::overlay::Overlay> {
        self.overlay.as_deref()
    }

    /// Draws `overlay` over the article, or nothing with `None`.
    pub fn set_overlay(&mut self, overlay: Option<Box<crate::ui::overlay::Overlay>>) {
        self.overlay = overlay;
    }

    /// Brings a place of the shown document into view.
    pub fn reveal_place(&mut self, target: Target, offset: usize) {
        self.reveal = Some(Reveal::Place(target, offset));
    }

    /// Lets go of text and highlight (Escape).
    pub fn clear(&mut self) {
        self.text = None;
        self.span = None;
        self.extend = None;
    }

    /// The place to bring into view, taken: the view goes there once.
    pub fn take_reveal(&mut self) -> Option<Reveal> {
        self.reveal.take()
    }

    /// Forgets what no longer exists after an edit (an undone document, highlight or comment), so that the view
    /// never points at nothing.
    pub fn forget_missing(&mut self, project: &Project) {
        match self.doc.and_then(|id| project.document(id)) {
            None => self.show_document(project.documents.first().map(|d| d.id)),
            Some(doc) => {
                if self.span.is_some_and(|s| doc.span(s).is_none()) {
                    self.span = None;
                }
                if self.extend.is_some_and(|s| doc.span(s).is_none()) {
                    self.extend = None;
                }
                if self.comment.is_some_and(|c| doc.comment(c).is_none()) {
                    self.comment = None;
                }
            }
        }
    }
}
