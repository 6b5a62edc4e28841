//! Opening project files from the GUI. (Articles are imported in the background: see `import_job`.)

use std::path::Path;

use anyhow::Result;

use crate::edit::Editor;

/// What opening a file gave.
pub(super) struct Opened {
    /// The project, ready to edit.
    pub editor: Editor,
    /// Whether the project is what the file holds (a loaded project) rather than something new and unsaved.
    pub saved: bool,
    /// Things to tell the user.
    pub notices: Vec<String>,
}

/// Whether `path` names a project rather than an article.
pub(super) fn is_project_path(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
}

/// Loads the project at `path`.
pub(super) fn open(path: &Path) -> Result<Opened> {
    let project = crate::store::load(path)?;
    Ok(Opened { editor: Editor::new(project, true), saved: true, notices: Vec::new() })
}

/// Projects at least this big open on a background thread, so that the window keeps drawing.
pub(super) const BACKGROUND_BYTES: u64 = 2 << 20;

/// A project being read on a background thread.
pub(super) struct OpenJob {
    /// The file.
    pub path: std::path::PathBuf,
    /// Its size, for the progress line.
    pub bytes: u64,
    started: std::time::Instant,
    job: super::job::Job<Result<Opened>>,
}

impl OpenJob {
    /// Starts reading `path`; `ctx` is asked to repaint when it is done.
    pub fn start(path: std::path::PathBuf, bytes: u64, ctx: &egui::Context) -> Self {
        let file = path.clone();
        let job = super::job::Job::start(ctx, move |_| open(&file));
        Self { path, bytes, started: std::time::Instant::now(), job }
    }

    /// The project, once read.
    pub fn finished(&self) -> Option<Result<Opened>> {
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
    /// Puts an opened project in place, or says why it could not be opened.
    pub(super) fn finish_open(&mut self, path: &Path, opened: Result<Opened>) {
        match opened {
            Ok(opened) => {
                self.editor = opened.editor;
                self.path = opened.saved.then(|| path.to_owned());
                self.new_project_dir = path.parent().map(Path::to_owned);
                self.document_view = super::document_view::DocumentView::for_project(self.path.as_deref());
                if opened.saved {
                    self.settings.remember(path);
                }
                let first = self.editor.project().documents.first().map(|d| d.id);
                self.view.show_document(first);
                for notice in opened.notices {
                    self.toasts.push(notice);
                }
            }
            Err(error) => self.error = Some(format!("{error:#}")),
        }
    }

    /// Starts reading the big project asked for, and puts it in place once read. Runs before the panels, so the
    /// frame that receives the project also draws it.
    pub(super) fn open_ui(&mut self, ctx: &egui::Context) {
        if let Some((path, bytes)) = self.pending_open.take() {
            // The result is taken in from the next frame on, however fast the thread is: the frame that starts
            // the reading always draws the workspace as "opening".
            self.open_job = Some(OpenJob::start(path, bytes, ctx));
            return;
        }
        let Some(job) = &self.open_job else { return };
        let Some(opened) = job.finished() else { return };
        let path = job.path.clone();
        self.open_job = None;
        self.finish_open(&path, opened);
    }
}
