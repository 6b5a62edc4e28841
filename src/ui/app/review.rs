//! Suggestions in the window: running the suggester in the background, walking its suggestions with the
//! keyboard, accepting and rejecting them as edits (so that undo takes them back like any other).

use super::GlossApp;
use crate::model::Target;
use crate::suggest::{accept, reject};
use crate::ui::suggestions::Review;

impl GlossApp {
    /// Carries out what the user asked of the suggestions.
    pub(super) fn review(&mut self, review: Review) {
        let Some(doc) = self.shown_id() else { return };
        match review {
            Review::Run(request) => {
                self.jobs.suggest(self.session.project().clone(), request);
            }
            Review::Step(forward) => self.step_suggestion(forward),
            Review::Pick(target, offset) => {
                self.suggestions.pick(doc, target, offset);
            }
            Review::Adjust(ranges) => self.suggestions.adjust(ranges),
            Review::Stop => self.suggestions.reviewing = false,
            Review::Clear => self.suggestions.clear(),
            Review::Accept(instead) => {
                let Some(current) = self.suggestions.current() else { return };
                let project = self.session.project();
                let command = accept(project, &[current], &project.annotator, instead, jiff::Timestamp::now());
                self.edit_suggestion(command);
            }
            Review::Reject => {
                let Some(current) = self.suggestions.current() else { return };
                let project = self.session.project();
                let command = reject(project, current, &project.annotator, jiff::Timestamp::now());
                self.edit_suggestion(command);
            }
            Review::AcceptAll(kind) => {
                let Some(kind) = kind.or(self.suggestions.current().map(|s| s.kind)) else { return };
                let all = self.suggestions.of_kind(doc, kind);
                let project = self.session.project();
                let command = accept(project, &all, &project.annotator, None, jiff::Timestamp::now());
                self.edit_suggestion(command);
            }
        }
    }

    /// Takes in a finished run: its suggestions replace the last run's, and the review starts at the first one
    /// of the document shown.
    pub(super) fn suggested(&mut self, found: Vec<crate::suggest::Suggestion>, cancelled: bool) {
        let count = found.len();
        self.suggestions.set(found, self.session.project());
        self.suggestions.refresh(self.session.project(), self.session.editor().revision());
        let here = self.shown_id().map_or(0, |doc| self.suggestions.in_document(doc).count());
        let stopped = if cancelled { " (stopped before the end)" } else { "" };
        self.toasts.push(match count {
            0 => format!("No suggestions{stopped}: nothing new in English text"),
            _ => format!(
                "{count} suggestion(s){stopped}, {here} in this document; Tab walks them, Enter accepts, X rejects"
            ),
        });
        if here > 0 {
            self.step_suggestion(true);
        }
    }

    /// Applies an accept or reject; the review moves on to the next suggestion.
    fn edit_suggestion(&mut self, command: Option<crate::edit::Command>) {
        let Some(command) = command else {
            self.toasts.push("This suggestion no longer fits the text; run Suggest again");
            return;
        };
        if let Err(error) = self.session.apply(command) {
            self.refused(&error);
            return;
        }
        self.suggestions.refresh(self.session.project(), self.session.editor().revision());
        match self.suggestions.current().map(place) {
            Some(place) => self.reveal_suggestion(place),
            None if self.suggestions.open_count() > 0 => self.step_suggestion(true),
            None => {}
        }
    }

    /// Moves the review on and brings the suggestion into view.
    fn step_suggestion(&mut self, forward: bool) {
        let Some(doc) = self.shown_id() else { return };
        if let Some(place) = self.suggestions.step(doc, forward).map(place) {
            self.reveal_suggestion(place);
        }
    }

    fn reveal_suggestion(&mut self, (target, offset): (Target, usize)) {
        self.selection.select_span(None, None, false);
        match target {
            Target::Comment(comment) => self.selection.focus_comment(comment, false),
            Target::Body => {}
        }
        self.selection.reveal_place(target, offset);
    }

    /// Whether the review keys act on suggestions now: reviewing, with one under review or one to walk to in the
    /// document shown.
    pub(super) fn reviewing(&self) -> bool {
        let here = || self.shown_id().is_some_and(|doc| self.suggestions.in_document(doc).next().is_some());
        self.suggestions.reviewing && (self.suggestions.current().is_some() || here())
    }

    /// Brings the suggestions up to date with the project and the document shown, before the frame reads keys.
    pub(super) fn sync_suggestions(&mut self) {
        self.suggestions.refresh(self.session.project(), self.session.editor().revision());
        self.suggestions.follow(self.shown_id());
    }

    fn shown_id(&self) -> Option<crate::model::DocId> {
        self.shown().map(|doc| doc.id)
    }
}

/// Where a suggestion is brought into view: its text and its first code point (a comment's start for sentiment).
fn place(s: &crate::suggest::Suggestion) -> (Target, usize) {
    (s.target, s.ranges.first().map_or(0, |r| r.0))
}
