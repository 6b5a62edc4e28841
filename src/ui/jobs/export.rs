//! Exporting on a background thread, with a progress bar and a Cancel button. The project is copied for the
//! thread, so editing goes on meanwhile.

use std::path::PathBuf;

use egui::Ui;

use super::job::Job;
use crate::export::destination::Guard;
use crate::export::{Control, ExportError, Format, Report, Scope, export_guarded};
use crate::model::Project;

/// What to export, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// The format.
    pub format: Format,
    /// The file or folder chosen.
    pub out: PathBuf,
    /// The whole project or one document.
    pub scope: Scope,
    /// Whether the user agreed to replace what is at `out`.
    pub replace: bool,
}

/// An export under way.
pub struct ExportJob {
    job: Job<Result<Report, ExportError>>,
    /// What it does.
    pub request: Request,
}

impl ExportJob {
    /// Starts exporting `scope` of `project` as `format` to `out`, replacing what `guard` allows; `ctx` is asked
    /// to repaint as it goes.
    pub fn start(project: Project, request: Request, guard: Guard, ctx: &egui::Context) -> Self {
        let Request { format, out, scope, .. } = request.clone();
        let job = Job::start(ctx, move |counts| {
            let control = Control { cancel: counts.cancel_flag(), on_progress: &|done, total| counts.set(done, total) };
            export_guarded(&project, scope, format, &out, &control, &guard)
        });
        Self { job, request }
    }

    /// Asks the export to stop between documents; it then writes nothing.
    pub fn cancel(&self) {
        self.job.cancel();
    }

    /// The result, once the export has ended.
    pub fn finished(&self) -> Option<Result<Report, ExportError>> {
        self.job.finished().map(|result| result.unwrap_or(Err(ExportError::Cancelled)))
    }

    /// A progress bar with the count and a Cancel button; true when Cancel was clicked.
    pub fn progress_ui(&self, ui: &mut Ui) -> bool {
        let (done, total) = self.job.progress();
        let text = if self.job.is_cancelled() {
            "Cancelling the export…".to_owned()
        } else {
            format!("Exporting {done} of {total} documents")
        };
        self.job.progress_ui(ui, text, "Cancel export")
    }
}

/// The notice for a finished export.
pub fn outcome_notice(result: &Result<Report, ExportError>, out: &std::path::Path) -> Option<String> {
    match result {
        Ok(report) => Some(format!(
            "Exported {} document(s), {} highlight(s) and {} comment(s) to {}",
            report.documents,
            report.spans,
            report.comments,
            out.display()
        )),
        Err(ExportError::Cancelled) => Some("Export cancelled; nothing was written.".to_owned()),
        Err(_) => None,
    }
}
