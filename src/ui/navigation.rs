//! Moving around with the keyboard: comment to comment, highlight to highlight, document to document, and
//! nudging a highlight's edges a word at a time.

use super::app::GlossApp;
use crate::edit::Command;
use crate::model::{Document, SpanAnnotation, Target};

/// Which edge of a highlight to move, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Nudge {
    /// The end, one word further.
    ExtendEnd,
    /// The end, one word back.
    ShrinkEnd,
    /// The start, one word back.
    ExtendStart,
    /// The start, one word further.
    ShrinkStart,
}

impl GlossApp {
    /// Focuses the comment `step` places after (or before) the focused one, and brings it into view.
    pub(super) fn step_comment(&mut self, step: isize) {
        let Some(doc) = self.current_document() else { return };
        if doc.comments.is_empty() {
            return;
        }
        let last = doc.comments.len() as isize - 1;
        let index = match self.view.focused_comment.and_then(|c| doc.comment_index(c)) {
            Some(index) => (index as isize + step).clamp(0, last),
            None if step > 0 => 0,
            None => last,
        };
        let comment = doc.comments[index as usize].id;
        self.view.focused_comment = Some(comment);
        self.view.scroll_to_offset = Some((Target::Comment(comment), 0));
        self.view.selection = None;
        self.view.selected_span = None;
    }

    /// Selects the highlight `step` places after (or before) the selected one in reading order, wrapping round.
    pub(super) fn step_highlight(&mut self, step: isize) {
        let Some(doc) = self.current_document() else { return };
        let order = reading_order(doc);
        if order.is_empty() {
            return;
        }
        let len = order.len() as isize;
        let index = match self.view.selected_span.and_then(|s| order.iter().position(|o| o.id == s)) {
            Some(index) => (index as isize + step).rem_euclid(len),
            None if step > 0 => 0,
            None => len - 1,
        };
        let (id, target) = (order[index as usize].id, order[index as usize].target);
        self.view.selected_span = Some(id);
        self.view.scroll_to_span = Some(id);
        self.view.selection = None;
        if let Target::Comment(comment) = target {
            self.view.focused_comment = Some(comment);
        }
    }

    /// Shows the document `step` places after (or before) the shown one.
    pub(super) fn step_document(&mut self, step: isize) {
        let project = self.session.project();
        if project.documents.is_empty() {
            return;
        }
        let current = self.view.doc.and_then(|d| project.document_index(d)).unwrap_or(0) as isize;
        let index = (current + step).clamp(0, project.documents.len() as isize - 1) as usize;
        self.outbox.show_document = Some(project.documents[index].id);
    }

    /// Moves one edge of the selected highlight by a word.
    pub(super) fn nudge(&mut self, nudge: Nudge) {
        let (Some(doc), Some(span_id)) = (self.current_document(), self.view.selected_span) else { return };
        let Some(span) = doc.span(span_id) else { return };
        let Some(text) = doc.target_text(span.target) else { return };
        let mut ranges: Vec<(usize, usize)> = span.ranges.iter().map(|r| (r.start, r.end)).collect();
        let (starts, ends) = word_bounds(text);
        let (first, last) = (0, ranges.len() - 1);
        // Ends move between word ends and starts between word starts, so a step never lands on the
        // whitespace between words (which trimming would then undo).
        match nudge {
            Nudge::ExtendEnd => {
                let (start, end) = ranges[last];
                ranges[last].1 = ends.iter().copied().find(|&b| b > end).unwrap_or(end).max(start);
            }
            Nudge::ShrinkEnd => {
                let (start, end) = ranges[last];
                ranges[last].1 = ends.iter().rev().copied().find(|&b| b < end && b > start).unwrap_or(end);
            }
            Nudge::ExtendStart => {
                let (start, _) = ranges[first];
                ranges[first].0 = starts.iter().rev().copied().find(|&b| b < start).unwrap_or(start);
            }
            Nudge::ShrinkStart => {
                let (start, end) = ranges[first];
                ranges[first].0 = starts.iter().copied().find(|&b| b > start && b < end).unwrap_or(start);
            }
        }
        let trimmed: Option<Vec<(usize, usize)>> =
            ranges.iter().map(|&(s, e)| crate::model::text::trim_range(text, s, e)).collect();
        let Some(ranges) = trimmed else { return };
        let current: Vec<(usize, usize)> = span.ranges.iter().map(|r| (r.start, r.end)).collect();
        if ranges != current {
            self.outbox.commands.push(Command::SetRanges {
                doc: doc.id,
                span: span_id,
                ranges,
                at: jiff::Timestamp::now(),
            });
        }
    }

    /// Adds the text selection as a further range of the highlight that was selected before it.
    pub(super) fn add_range(&mut self) {
        let (Some(doc), Some(span_id), Some(selection)) =
            (self.current_document(), self.view.extend_target, self.view.selection.filter(|s| !s.is_empty()))
        else {
            self.toasts.push("Click a highlight, then select more text for it, then add the selection.");
            return;
        };
        let Some(span) = doc.span(span_id) else { return };
        if span.target != selection.target {
            self.toasts.push("A highlight's parts must all be in the article or all in one comment.");
            return;
        }
        let mut ranges: Vec<(usize, usize)> = span.ranges.iter().map(|r| (r.start, r.end)).collect();
        let (start, end) = selection.range();
        let text = doc.target_text(span.target).unwrap_or_default();
        if let Some(range) = crate::model::text::trim_range(text, start, end) {
            ranges.push(range);
        }
        self.outbox.commands.push(Command::SetRanges {
            doc: doc.id,
            span: span_id,
            ranges,
            at: jiff::Timestamp::now(),
        });
        self.view.selection = None;
        self.view.selected_span = Some(span_id);
    }
}

/// The document's highlights in reading order: the body first, then each comment, by start.
pub(super) fn reading_order(doc: &Document) -> Vec<&SpanAnnotation> {
    let place = |target: Target| match target {
        Target::Body => 0,
        Target::Comment(c) => doc.comment_index(c).map_or(usize::MAX, |i| i + 1),
    };
    let mut spans: Vec<&SpanAnnotation> = doc.spans.iter().collect();
    spans.sort_by_key(|s| (place(s.target), s.start(), s.end(), s.id));
    spans
}

/// Code point offsets where words start and where they end. Punctuation is not a word here, so a step takes
/// the full stop along with the word before it.
fn word_bounds(text: &str) -> (Vec<usize>, Vec<usize>) {
    crate::model::text::words(text)
        .filter(|(_, _, word)| word.chars().any(char::is_alphanumeric))
        .map(|(start, end, _)| (start, end))
        .unzip()
}
