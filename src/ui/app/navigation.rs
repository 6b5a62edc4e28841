//! Moving around and annotating with the keyboard: comment to comment, highlight to highlight, document to
//! document, nudging a highlight's edges a word at a time, adding a part, labelling, tagging.

use super::GlossApp;
use crate::edit::{Command, SpanDraft};
use crate::model::text::trim_range;
use crate::model::{Document, LabelId, SentimentId, Target};
use crate::ui::actions::Action;

impl GlossApp {
    /// The document shown.
    pub(super) fn shown(&self) -> Option<&Document> {
        let project = self.session.project();
        self.selection.doc().and_then(|id| project.document(id)).or_else(|| project.documents.first())
    }

    /// Focuses the comment `step` places after (or before) the focused one, and brings it into view.
    pub(super) fn step_comment(&mut self, step: isize) {
        let Some(doc) = self.shown() else { return };
        if doc.comments.is_empty() {
            return;
        }
        let last = doc.comments.len() as isize - 1;
        let index = match self.selection.comment().and_then(|c| doc.comment_index(c)) {
            Some(index) => (index as isize + step).clamp(0, last),
            None if step > 0 => 0,
            None => last,
        };
        let comment = doc.comments[index as usize].id;
        self.selection.focus_comment(comment, true);
    }

    /// Selects the highlight `step` places after (or before) the selected one in reading order, wrapping round.
    pub(super) fn step_highlight(&mut self, step: isize) {
        let Some(doc) = self.shown() else { return };
        let order = doc.spans_in_reading_order();
        if order.is_empty() {
            return;
        }
        let len = order.len() as isize;
        let index = match self.selection.span().and_then(|s| order.iter().position(|o| o.id == s)) {
            Some(index) => (index as isize + step).rem_euclid(len),
            None if step > 0 => 0,
            None => len - 1,
        };
        let (id, target) = (order[index as usize].id, order[index as usize].target);
        self.selection.select_span(Some(id), Some(target), true);
    }

    /// Shows the document `step` places after (or before) the shown one.
    pub(super) fn step_document(&mut self, step: isize) {
        let project = self.session.project();
        if project.documents.is_empty() {
            return;
        }
        let current = self.selection.doc().and_then(|d| project.document_index(d)).unwrap_or(0) as isize;
        let index = (current + step).clamp(0, project.documents.len() as isize - 1) as usize;
        let doc = project.documents[index].id;
        self.selection.show_document(Some(doc));
    }

    /// Moves one edge of the selected highlight by a word (`action` says which edge and which way); while a
    /// suggested passage is under review and no highlight is selected, moves that suggestion's edge instead.
    pub(super) fn nudge(&mut self, action: Action) {
        let Some(doc) = self.shown() else { return };
        if self.selection.span().is_none() && self.reviewing() {
            let Some(s) = self.suggestions.current().filter(|s| !s.ranges.is_empty()) else { return };
            let Some(text) = doc.target_text(s.target) else { return };
            if let Some(ranges) = nudged(text, s.chosen_ranges().to_vec(), action) {
                self.suggestions.adjust(ranges);
            }
            return;
        }
        let Some(span_id) = self.selection.span() else { return };
        let Some(span) = doc.span(span_id) else { return };
        let Some(text) = doc.target_text(span.target) else { return };
        let current: Vec<(usize, usize)> = span.ranges.iter().map(|r| (r.start, r.end)).collect();
        let Some(ranges) = nudged(text, current.clone(), action) else { return };
        if ranges != current {
            let command = Command::SetRanges { doc: doc.id, span: span_id, ranges, at: jiff::Timestamp::now() };
            self.edit(command);
        }
    }

    /// Adds the text selection as a further range of the highlight that was selected before it.
    pub(super) fn add_range(&mut self) {
        let (Some(doc), Some(span_id), Some(selection)) =
            (self.shown(), self.selection.extend_target(), self.selection.selected_text())
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
        if let Some(range) = trim_range(text, start, end) {
            ranges.push(range);
        }
        let (doc, target) = (doc.id, span.target);
        self.edit(Command::SetRanges { doc, span: span_id, ranges, at: jiff::Timestamp::now() });
        self.selection.select_span(Some(span_id), Some(target), false);
    }

    /// Highlights the selected text with `label`, or gives the selected highlight that label.
    pub(super) fn apply_label(&mut self, label: LabelId) {
        let Some(doc) = self.shown() else { return };
        let doc_id = doc.id;
        if let Some(selection) = self.selection.selected_text() {
            let (start, end) = selection.range();
            let text = doc.target_text(selection.target);
            let Some((start, end)) = text.and_then(|t| trim_range(t, start, end)) else {
                self.toasts.push("The selection holds only white space.");
                return;
            };
            let draft =
                SpanDraft { target: selection.target, ranges: vec![(start, end)], label, at: jiff::Timestamp::now() };
            self.edit(Command::CreateSpan { doc: doc_id, draft });
        } else if let Some(span) = self.selection.span() {
            self.edit(Command::SetSpanLabel { doc: doc_id, span, label, at: jiff::Timestamp::now() });
        } else {
            self.toasts.push("Select some text first, then choose a label.");
        }
    }

    /// Tags the focused comment with `level`, or clears the tag if it already has that level.
    pub(super) fn toggle_sentiment(&mut self, level: SentimentId) {
        let Some(doc) = self.shown() else { return };
        let comment = self.selection.comment().or(match self.selection.text().map(|s| s.target) {
            Some(Target::Comment(c)) => Some(c),
            _ => None,
        });
        let Some(comment) = comment.and_then(|c| doc.comment(c)) else {
            self.toasts.push("Click a comment first, then choose its sentiment.");
            return;
        };
        let sentiment = (comment.sentiment_of(&self.session.project().annotator) != Some(level)).then_some(level);
        let (doc, comment) = (doc.id, comment.id);
        self.edit(Command::SetSentiment { doc, comment, annotator: None, sentiment });
        // Tagging by key moves on, so a run of comments is tagged without touching the mouse.
        if sentiment.is_some() && self.selection.text().is_none() {
            self.step_comment(1);
        }
    }
}

/// `ranges` with one edge moved by a word (`action` says which edge and which way), trimmed of white space; none
/// when nothing but white space would be left.
fn nudged(text: &str, mut ranges: Vec<(usize, usize)>, action: Action) -> Option<Vec<(usize, usize)>> {
    if ranges.is_empty() {
        return None;
    }
    let (starts, ends) = word_bounds(text);
    let (first, last) = (0, ranges.len() - 1);
    // Ends move between word ends and starts between word starts, so a step never lands on the whitespace
    // between words (which trimming would then undo).
    match action {
        Action::ExtendEnd => {
            let (start, end) = ranges[last];
            ranges[last].1 = ends.iter().copied().find(|&b| b > end).unwrap_or(end).max(start);
        }
        Action::ShrinkEnd => {
            let (start, end) = ranges[last];
            ranges[last].1 = ends.iter().rev().copied().find(|&b| b < end && b > start).unwrap_or(end);
        }
        Action::ExtendStart => {
            let (start, _) = ranges[first];
            ranges[first].0 = starts.iter().rev().copied().find(|&b| b < start).unwrap_or(start);
        }
        Action::ShrinkStart => {
            let (start, end) = ranges[first];
            ranges[first].0 = starts.iter().copied().find(|&b| b > start && b < end).unwrap_or(start);
        }
        _ => return None,
    }
    ranges.iter().map(|&(s, e)| trim_range(text, s, e)).collect()
}

/// Code point offsets where words start and where they end. Punctuation is not a word here, so a step takes
/// the full stop along with the word before it.
fn word_bounds(text: &str) -> (Vec<usize>, Vec<usize>) {
    crate::model::text::words(text)
        .filter(|(_, _, word)| word.chars().any(char::is_alphanumeric))
        .map(|(start, end, _)| (start, end))
        .unzip()
}
