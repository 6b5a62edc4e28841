//! Updates from a newer version of an article in the window: the file asked for (or dropped on the document),
//! the update worked out in the background and applied as one undoable step, the review window opened on what
//! is left to decide.

use std::path::PathBuf;

use super::GlossApp;
use crate::model::{DocId, Reanchor};
use crate::ui::actions::Action;
use crate::ui::file_dialog::Purpose;
use crate::ui::intent::Job;
use crate::ui::jobs::update::UpdateResult;

impl GlossApp {
    /// Document ▸ Update from newer version…: the file of the newer version, for the shown document.
    pub(super) fn ask_update_file(&mut self) {
        match self.selection.doc() {
            Some(doc) => self.choose_file(Purpose::UpdateFrom(doc)),
            None => self.toasts.push("Show the document to update first.".to_owned()),
        }
    }

    /// Starts updating `doc` from the article at `path` in the background.
    pub(super) fn update_from(&mut self, doc: DocId, path: PathBuf) {
        let project = (self.session.project().clone(), self.session.editor().revision());
        if !self.jobs.update(project, doc, path) {
            self.toasts.push("An update is under way already.".to_owned());
        }
    }

    /// Whether a file dropped on the window is a question: one article dropped while a document is shown may be
    /// its newer version, or another article.
    pub(super) fn ask_about_drop(&mut self, articles: &[PathBuf]) -> bool {
        match (articles, self.selection.doc()) {
            ([one], Some(doc)) if one.is_file() => {
                self.ask_update = Some((doc, one.clone()));
                true
            }
            _ => false,
        }
    }

    /// The answer to the question about a dropped file.
    pub(super) fn drop_answered(&mut self, update: Option<bool>) {
        let Some((doc, path)) = self.ask_update.take() else { return };
        match update {
            Some(true) => self.update_from(doc, path),
            Some(false) => self.import(&[path]),
            None => {}
        }
    }

    /// The title of the document a dropped file is asked about, for the question.
    pub(super) fn drop_question(&self) -> Option<(String, String)> {
        let (doc, path) = self.ask_update.as_ref()?;
        let title = self.session.project().document(*doc).map(|d| d.title.clone()).unwrap_or_default();
        let file = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        Some((title, file))
    }

    /// A worked-out update: applied as one step, with a notice and the review window if anything is left.
    pub(super) fn updated(&mut self, result: UpdateResult) {
        let name = result.path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let update = match result.update {
            Ok(update) => update,
            Err(why) => {
                self.toasts.push(format!("Nothing was updated from {name}: {why}"));
                return;
            }
        };
        if result.revision != self.session.editor().revision() {
            self.toasts.push(
                "The project changed while the update was worked out; nothing was updated. Update again.".to_owned(),
            );
            return;
        }
        let doc = update.document.id;
        if self.session.project().document(doc).is_some_and(|d| *d == update.document) {
            self.toasts.push(format!("{name} has the same text as the document; nothing changed."));
            return;
        }
        self.edit(crate::update::command(&update));
        let report = &update.report;
        self.toasts.push(format!("Updated from {name}: {}", report.summary()));
        if report.count(Reanchor::Edited) + report.count(Reanchor::Orphaned) > 0 {
            self.windows.open_window(Action::ReviewUpdate);
        }
    }

    /// Whether an update is being worked out (for tests, which wait for it).
    pub fn is_updating(&self) -> bool {
        self.jobs.busy(Job::Update)
    }
}
