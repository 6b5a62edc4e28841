//! Classes and teams in the window: a new exercise written from the open key, a student's name asked before
//! their first mark, other people's projects merged in as one undoable step, and the conflicts of a git merge.

use std::path::PathBuf;

use super::GlossApp;
use super::display_name;
use crate::edit::{Command, TextField};
use crate::ui::actions::Action;
use crate::ui::jobs::import::ReportLine;
use crate::ui::jobs::merge::MergeResult;
use crate::ui::windows::error_note::ErrorNote;

impl GlossApp {
    /// Whether `command` is a student's first mark in an exercise that does not know their name yet.
    pub(super) fn needs_name(&self, command: &Command) -> bool {
        let project = self.session.project();
        project.exercise.is_some()
            && project.annotator.trim().is_empty()
            && matches!(
                command,
                Command::CreateSpan { .. } | Command::SetSentiment { .. } | Command::SetCommentTag { .. }
            )
    }

    /// The student's answer: their name and the mark they made, as one step; or nothing marked.
    pub(super) fn named(&mut self, name: Option<String>) {
        let Some((_, held)) = self.ask_name.take() else { return };
        match name {
            Some(name) => {
                let set = Command::SetText { field: TextField::Annotator, value: name, at: None };
                self.edit(Command::batch("Set your name and mark", vec![set, held]));
            }
            None => self.toasts.push("Nothing was marked: the exercise needs your name first.".to_owned()),
        }
    }

    /// Writes the exercise the New exercise window describes to `path`; never over the open project.
    pub(super) fn write_exercise(&mut self, mut path: PathBuf) {
        if path.extension().is_none() {
            path.set_extension("ron");
        }
        let real = crate::store::real_path(&path);
        if self.session.file().is_some_and(|file| crate::store::real_path(file) == real) {
            self.toasts.push("The exercise needs a file of its own, not the answer key's.".to_owned());
            return;
        }
        let window = &self.windows.exercise;
        let exercise = crate::exercise::exercise(self.session.project(), &window.instructions, &window.examples);
        match crate::store::save(&exercise, &path) {
            Ok(_) => {
                self.windows.exercise.open = false;
                self.toasts.push(format!("Exercise written to {}; hand it out to the class", display_name(&path)));
            }
            Err(error) => {
                self.error =
                    Some(ErrorNote::about("write the exercise to", &path, &error.to_string(), error.details()));
            }
        }
    }

    /// Starts merging the projects in `paths` into the open one.
    pub(super) fn merge_from(&mut self, paths: Vec<PathBuf>) {
        let project = (self.session.project().clone(), self.session.editor().revision());
        let file = self.session.file().map(std::path::Path::to_owned);
        if !self.jobs.merge(project, file, paths) {
            self.toasts.push("A merge is under way already".to_owned());
        }
    }

    /// A finished merge: applied as one step (if the project did not change meanwhile), with its report.
    pub(super) fn merged(&mut self, result: Result<MergeResult, String>) {
        let result = match result {
            Ok(result) => result,
            Err(why) => {
                self.toasts.push(format!("Nothing was merged: {why}"));
                return;
            }
        };
        if result.revision != self.session.editor().revision() {
            self.toasts.push("The project changed while the merge ran; nothing was merged. Merge again.".to_owned());
            return;
        }
        match crate::merge::changes(self.session.project(), &result.merged) {
            Some(command) => self.edit(command),
            None => self.toasts.push("Nothing to merge: this project has all of their work already.".to_owned()),
        }
        let mut report = crate::ui::jobs::import::ImportReport::new(&[], 0);
        report.lines = result
            .report
            .into_iter()
            .map(|source| ReportLine {
                path: PathBuf::from(source.source),
                found: Ok(vec![source.summary]),
                notes: source.notes,
            })
            .collect();
        self.windows.import_report.present(report, true);
        self.windows.open_window(Action::ImportReport);
    }
}
