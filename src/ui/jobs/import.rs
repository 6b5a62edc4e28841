//! Importing in the background: the files are read on worker threads while the window shows progress and a
//! Cancel button; the finished articles come back to the UI thread, which adds them as one undoable command.

use std::path::PathBuf;

use egui::Ui;

use super::job::Job;
use crate::import::batch::{self, FileOutcome};

/// An import under way, and what the user chose to import (files and folders).
pub struct ImportJob(Job<Vec<FileOutcome>>, Vec<PathBuf>);

impl ImportJob {
    /// Starts importing `inputs` (files and folders); `ctx` is asked to repaint as files finish.
    pub fn start(inputs: Vec<PathBuf>, ctx: &egui::Context) -> Self {
        let chosen = inputs.clone();
        Self(
            Job::start(ctx, move |counts| {
                let (files, mut outcomes) = batch::collect(&inputs);
                counts.set(0, files.len());
                let progress = |p: batch::Progress| counts.set_done(p.done);
                outcomes.extend(batch::run(&files, counts.cancel_flag(), &progress));
                outcomes
            }),
            chosen,
        )
    }

    /// What the user chose to import.
    pub fn inputs(&self) -> &[PathBuf] {
        &self.1
    }

    /// The outcomes, once every file is done (or the rest was cancelled).
    pub fn finished(&self) -> Option<Vec<FileOutcome>> {
        self.0.finished().map(Option::unwrap_or_default)
    }

    /// Files of the batch that were never read (only after a cancel).
    pub fn not_read(&self) -> usize {
        let (done, total) = self.0.progress();
        total.saturating_sub(done)
    }

    /// Whether the user asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.0.is_cancelled()
    }

    /// Asks the import to stop after the files under way.
    pub fn cancel(&self) {
        self.0.cancel();
    }

    /// A progress bar with the count and a Cancel button; true when Cancel was clicked.
    pub fn progress_ui(&self, ui: &mut Ui) -> bool {
        let (done, total) = self.0.progress();
        let text = if self.is_cancelled() {
            format!("Cancelling… {done} of {total} files")
        } else {
            format!("Importing {done} of {total} files")
        };
        self.0.progress_ui(ui, text, "Cancel import")
    }
}

/// One line per file of the last import: what was found, warnings, errors.
pub struct ImportReport {
    /// (file, what happened) in file order.
    pub lines: Vec<ReportLine>,
    /// Files never started because the import was cancelled.
    pub cancelled: usize,
    /// What joining the project changed or left out: labels added, annotations that did not fit.
    pub notes: Vec<String>,
}

/// What happened to one file.
pub struct ReportLine {
    /// The file.
    pub path: PathBuf,
    /// Summary of each article found, or the error.
    pub found: Result<Vec<String>, String>,
    /// Warnings and left-out parts.
    pub notes: Vec<String>,
}

impl ImportReport {
    /// The report of finished outcomes, before their articles are taken out.
    pub fn new(outcomes: &[FileOutcome], cancelled: usize) -> Self {
        let lines = outcomes
            .iter()
            .map(|o| match &o.result {
                Ok(articles) => ReportLine {
                    path: o.path.clone(),
                    found: Ok(articles.iter().map(crate::import::Extracted::summary).collect()),
                    notes: articles
                        .iter()
                        .flat_map(|a| {
                            let warnings = a.warnings.iter().map(|w| format!("warning: {w}"));
                            let found = a.comments_note().into_iter();
                            found.chain(warnings).chain(a.skipped.iter().map(|s| format!("left out {s}")))
                        })
                        .collect(),
                },
                Err(error) => ReportLine { path: o.path.clone(), found: Err(error.to_string()), notes: Vec::new() },
            })
            .collect();
        Self { lines, cancelled, notes: Vec::new() }
    }

    /// Files that failed.
    pub fn failures(&self) -> usize {
        self.lines.iter().filter(|l| l.found.is_err()).count()
    }

    /// Articles found.
    pub fn articles(&self) -> usize {
        self.lines.iter().filter_map(|l| l.found.as_ref().ok()).map(Vec::len).sum()
    }
}
