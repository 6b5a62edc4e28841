//! Reading a big project on a background thread, so that the window keeps drawing.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::job::Job;
use crate::session::{self, Opening};

/// Projects at least this big open on a background thread.
pub const BACKGROUND_BYTES: u64 = 2 << 20;

/// Opens the project at `path` with its journal (in `data_dir` where its folder cannot be written to).
pub fn open(path: &Path, data_dir: Option<&Path>) -> Result<Opening> {
    Ok(session::open(path, data_dir)?)
}

/// A project being read on a background thread.
pub struct OpenJob {
    /// The file.
    pub path: PathBuf,
    /// Its size, for the progress line.
    pub bytes: u64,
    started: std::time::Instant,
    job: Job<Result<Opening>>,
}

impl OpenJob {
    /// Starts reading `path`; `ctx` is asked to repaint when it is done.
    pub fn start(path: PathBuf, bytes: u64, data_dir: Option<PathBuf>, ctx: &egui::Context) -> Self {
        let file = path.clone();
        let job = Job::start(ctx, move |_| open(&file, data_dir.as_deref()));
        Self { path, bytes, started: std::time::Instant::now(), job }
    }

    /// The project, once read.
    pub fn finished(&self) -> Option<Result<Opening>> {
        let stopped = || anyhow::anyhow!("{}: reading stopped unexpectedly", self.path.display());
        self.job.finished().map(|result| result.unwrap_or_else(|| Err(stopped())))
    }

    /// A spinner with the file's name, size and the time so far, and a Cancel button if `with_cancel`; true when
    /// the user cancels (the reading thread then finishes unheard).
    pub fn progress_ui(&self, ui: &mut egui::Ui, with_cancel: bool) -> bool {
        let cancel = ui
            .horizontal(|ui| {
                ui.spinner();
                let name = self
                    .path
                    .file_name()
                    .map_or_else(|| self.path.display().to_string(), |n| n.to_string_lossy().into_owned());
                let mb = self.bytes as f64 / f64::from(1 << 20);
                ui.label(format!("Opening {name} ({mb:.0} MB)… {:.1} s", self.started.elapsed().as_secs_f32()));
                with_cancel && ui.button("Cancel opening").clicked()
            })
            .inner;
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
        cancel
    }
}
