//! Exporting: the window that picks format and scope, and the export running on a background thread with a
//! progress bar and a Cancel button. The project is copied for the thread, so editing goes on meanwhile.

use std::path::PathBuf;

use egui::Ui;

use super::job::Job;
use crate::export::destination::Guard;
use crate::export::{Control, ExportError, Format, Report, Scope, export_guarded};
use crate::model::Project;

/// The choices of the export window.
pub struct ExportPane {
    /// Whether the window is open.
    pub open: bool,
    /// The format chosen.
    pub format: Format,
    /// The whole project rather than the document shown.
    pub whole_project: bool,
}

impl Default for ExportPane {
    fn default() -> Self {
        Self { open: false, format: Format::Csv, whole_project: true }
    }
}

impl ExportPane {
    /// Draws the choices; returns true when the user asks to go on and choose where to write.
    pub fn ui(&mut self, ui: &mut Ui, document_title: Option<&str>) -> bool {
        ui.label("Format:");
        for format in Format::ALL {
            ui.radio_value(&mut self.format, format, format.title())
                .on_hover_text(format!("Offsets: {}", format.offset_unit()));
        }
        ui.weak(format!("Offsets count {}.", self.format.offset_unit()));
        ui.separator();
        ui.label("Export:");
        ui.radio_value(&mut self.whole_project, true, "The whole project");
        let this = document_title.map_or_else(|| "This document".to_owned(), |t| format!("This document ({t})"));
        ui.add_enabled_ui(document_title.is_some(), |ui| ui.radio_value(&mut self.whole_project, false, this));
        ui.separator();
        let next = if self.format.writes_folder() { "Choose a folder…" } else { "Choose a file…" };
        ui.button(next).clicked()
    }
}

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

    /// The result, once the export has ended.
    pub fn finished(&self) -> Option<Result<Report, ExportError>> {
        self.job.finished().map(|result| result.unwrap_or(Err(ExportError::Cancelled)))
    }

    /// A progress bar with the count and a Cancel button.
    pub fn progress_ui(&self, ui: &mut Ui) {
        let (done, total) = self.job.progress();
        let text = if self.job.is_cancelled() {
            "Cancelling the export…".to_owned()
        } else {
            format!("Exporting {done} of {total} documents")
        };
        self.job.progress_ui(ui, text, "Cancel export");
    }
}

/// The notice for a finished export.
pub fn outcome_notice(result: &Result<Report, ExportError>, out: &std::path::Path) -> Result<String, String> {
    match result {
        Ok(report) => Ok(format!(
            "Exported {} document(s), {} highlight(s) and {} comment(s) to {}",
            report.documents,
            report.spans,
            report.comments,
            out.display()
        )),
        Err(ExportError::Cancelled) => Ok("Export cancelled; nothing was written.".to_owned()),
        Err(error) => Err(format!("The export failed: {error}")),
    }
}

impl super::app::GlossApp {
    /// Asks for an export, in the background, of what the export window chose, to `out`.
    pub(super) fn start_export(&mut self, format: Format, out: PathBuf) {
        if self.export_job.is_some() {
            self.toasts.push("An export is still running.");
            return;
        }
        self.panes.export.open = false;
        let scope = match self.current_document() {
            Some(doc) if !self.panes.export.whole_project => Scope::Document(doc.id),
            _ => Scope::Project,
        };
        self.pending_export = Some(Request { format, out, scope, replace: false });
    }

    /// Starts the export asked for, and takes in the one that has finished: a notice, the question whether to
    /// replace what is in the way, or the error in a dialog.
    pub(super) fn export_ui(&mut self, ctx: &egui::Context) {
        if let Some(request) = self.pending_export.take() {
            let project = self.session.project().clone();
            let guard = Guard { project_file: self.session.file().map(ToOwned::to_owned), force: request.replace };
            self.export_job = Some(ExportJob::start(project, request, guard, ctx));
        }
        if let Some(question) = &self.ask_replace {
            match super::dialogs::replace_ui(ctx, &question.1) {
                super::dialogs::Answer::Pending => {}
                super::dialogs::Answer::Done(()) => {
                    let request = Request { replace: true, ..question.0.clone() };
                    self.ask_replace = None;
                    self.pending_export = Some(request);
                }
                super::dialogs::Answer::Cancelled => self.ask_replace = None,
            }
        }
        let Some(job) = &self.export_job else { return };
        let Some(result) = job.finished() else { return };
        match (&result, outcome_notice(&result, &job.request.out)) {
            (Err(error @ ExportError::WouldReplace { refusal, .. }), _) if refusal.can_force() => {
                self.ask_replace = Some((job.request.clone(), error.to_string()));
            }
            (_, Ok(notice)) => self.toasts.push(notice),
            (_, Err(error)) => self.error = Some(error),
        }
        self.export_job = None;
    }
}
