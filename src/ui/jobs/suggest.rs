//! Suggesting on a background thread, document by document, with progress and Cancel: a whole project of long
//! articles takes a moment, and the window keeps drawing meanwhile.

use std::sync::atomic::Ordering;

use super::job::Job;
use crate::model::Project;
use crate::suggest::{Request, Suggestion, suggest_project};

/// A run under way.
pub struct SuggestJob {
    job: Job<Vec<Suggestion>>,
}

impl SuggestJob {
    /// Starts suggesting on `project` (a copy of the open one) as `request` asks.
    pub fn start(project: Project, request: Request, ctx: &egui::Context) -> Self {
        let job = Job::start(ctx, move |counts| {
            suggest_project(&project, &request, |done, total| {
                counts.set(done, total);
                !counts.cancel_flag().load(Ordering::Relaxed)
            })
        });
        Self { job }
    }

    /// The suggestions once found (those of the documents done before a Cancel), and whether it was cancelled.
    pub fn finished(&self) -> Option<(Vec<Suggestion>, bool)> {
        self.job.finished().map(|found| (found.unwrap_or_default(), self.job.is_cancelled()))
    }

    /// Asks the run to stop after the document under way.
    pub fn cancel(&self) {
        self.job.cancel();
    }

    /// A progress bar with Cancel; true when Cancel was clicked.
    pub fn progress_ui(&self, ui: &mut egui::Ui) -> bool {
        let (done, total) = self.job.progress();
        self.job.progress_ui(ui, format!("Suggesting: {done} of {total} document(s)"), "Cancel suggestions")
    }
}
