//! What the user is looking at and pointing to: UI state, never saved in the project.

use crate::model::{CommentId, DocId, SpanId, Target};

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

/// The view's state: which document is shown and what is selected in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    /// The document shown.
    pub doc: Option<DocId>,
    /// Text selected with the mouse.
    pub selection: Option<TextSelection>,
    /// The highlight the user clicked.
    pub selected_span: Option<SpanId>,
    /// The comment that sentiment keys apply to.
    pub focused_comment: Option<CommentId>,
    /// A highlight to bring into view in the next frame.
    pub scroll_to_span: Option<SpanId>,
    /// The text under the pointer when the context menu was opened.
    pub context: Option<(Target, usize)>,
    /// A place in the text to bring into view in the next frame.
    pub scroll_to_offset: Option<(Target, usize)>,
    /// The highlight that was selected when the current text selection began; "Add selection to highlight" adds
    /// to it.
    pub extend_target: Option<SpanId>,
    /// Search matches to paint, as (target, start, end) in code points, and which of them is the current one.
    pub find_matches: Vec<(Target, usize, usize)>,
    /// Index of the current match in `find_matches`.
    pub find_current: Option<usize>,
    /// Whether a new selection grows to whole words.
    pub snap_to_words: bool,
    /// The edge of the selected highlight being dragged.
    pub edge_drag: Option<super::document_view::EdgeDrag>,
}

impl ViewState {
    /// Forgets everything that points into the shown document, e.g. when another document is shown; keeps the
    /// settings of the view.
    pub fn show_document(&mut self, doc: Option<DocId>) {
        *self = Self { doc, snap_to_words: self.snap_to_words, ..Self::default() };
    }
}
