//! Opening project files from the GUI: the project with its journal, or the question what to do with unsaved
//! edits a journal holds, or with a project another window has open. (Articles are imported in the background:
//! see `import_job`.)

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::session::{self, Opening, Session};

/// Whether `path` names a project rather than an article.
pub(super) fn is_project_path(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
}

/// Opens the project at `path` with its journal (in `data_dir` where its folder cannot be written to).
pub(super) fn open(path: &Path, data_dir: Option<&Path>) -> Result<Opening> {
    Ok(session::open(path, data_dir)?)
}

/// Projects at least this big open on a background thread, so that the window keeps drawing.
pub(super) const BACKGROUND_BYTES: u64 = 2 << 20;

/// A project being read on a background thread.
pub(super) struct OpenJob {
    /// The file.
    pub path: PathBuf,
    /// Its size, for the progress line.
    pub bytes: u64,
    started: std::time::Instant,
    job: super::job::Job<Result<Opening>>,
}

impl OpenJob {
    /// Starts reading `path`; `ctx` is asked to repaint when it is done.
    pub fn start(path: PathBuf, bytes: u64, data_dir: Option<PathBuf>, ctx: &egui::Context) -> Self {
        let file = path.clone();
        let job = super::job::Job::start(ctx, move |_| open(&file, data_dir.as_deref()));
        Self { path, bytes, started: std::time::Instant::now(), job }
    }

    /// The project, once read.
    pub fn finished(&self) -> Option<Result<Opening>> {
        let stopped = || anyhow::anyhow!("{}: reading stopped unexpectedly", self.path.display());
        self.job.finished().map(|result| result.unwrap_or_else(|| Err(stopped())))
    }

    /// A spinner with the file's name, size and the time so far, and a Cancel button; returns true when the user
    /// cancels (the reading thread then finishes unheard).
    pub fn progress_ui(&self, ui: &mut egui::Ui, with_cancel: bool) -> bool {
        let cancel = ui
            .horizontal(|ui| {
                ui.spinner();
                let name = super::app::display_name(&self.path);
                let mb = self.bytes as f64 / f64::from(1 << 20);
                ui.label(format!("Opening {name} ({mb:.0} MB)… {:.1} s", self.started.elapsed().as_secs_f32()));
                with_cancel && ui.button("Cancel opening").clicked()
            })
            .inner;
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
        cancel
    }
}

impl super::app::GlossApp {
    /// Puts an opened project in place, asks what the user wants where its journal or another window stand in
    /// the way, or says why it could not be opened.
    pub(super) fn finish_open(&mut self, opened: Result<Opening>) {
        match opened {
            Ok(Opening::Ready(session)) => self.install(session),
            Ok(Opening::Recover(recovery)) => self.safety.recovery = Some(recovery),
            Ok(Opening::InUse(in_use)) => self.safety.in_use = Some(in_use),
            Err(error) => self.error = Some(format!("{error:#}")),
        }
    }

    /// Makes `session` the open project and shows its first document.
    pub(super) fn install(&mut self, session: Session) {
        self.replace_session(session);
        let path = self.session.file().map(Path::to_owned);
        self.new_project_dir =
            path.as_deref().and_then(Path::parent).map(Path::to_owned).or(self.new_project_dir.take());
        self.document_view = super::document_view::DocumentView::for_project(path.as_deref());
        if let Some(path) = path.filter(|_| !self.session.is_read_only()) {
            self.settings.remember(&path);
        }
        let first = self.session.project().documents.first().map(|d| d.id);
        self.view.show_document(first);
    }

    /// Starts reading the big project asked for, and puts it in place once read. Runs before the panels, so the
    /// frame that receives the project also draws it.
    pub(super) fn open_ui(&mut self, ctx: &egui::Context) {
        if let Some((path, bytes)) = self.pending_open.take() {
            // The result is taken in from the next frame on, however fast the thread is: the frame that starts
            // the reading always draws the workspace as "opening".
            self.open_job = Some(OpenJob::start(path, bytes, self.data_dir.clone(), ctx));
            return;
        }
        let Some(job) = &self.open_job else { return };
        let Some(opened) = job.finished() else { return };
        self.open_job = None;
        self.finish_open(opened);
    }
}
