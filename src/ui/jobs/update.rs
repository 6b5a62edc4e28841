//! Reading the newer version of an article and working out the update on a background thread: a long page takes
//! a moment to take apart and align, and the window keeps drawing meanwhile.

use std::path::PathBuf;

use super::job::Job;
use crate::model::{DocId, Project};
use crate::update::{Update, newer_version, plan};

/// What an update job gives: the update worked out on the project at `revision`, or why there is none.
pub struct UpdateResult {
    /// The revision of the open project the update was worked out on; if it changed meanwhile, it is stale.
    pub revision: u64,
    /// The file read.
    pub path: PathBuf,
    /// The update, or a sentence saying why there is none.
    pub update: Result<Update, String>,
}

/// An update under way.
pub struct UpdateJob {
    job: Job<UpdateResult>,
    /// The file being read.
    path: PathBuf,
}

/// Reads `path` as one article and works out `doc` of `project` updated to it.
fn work(project: &Project, doc: DocId, path: &std::path::Path) -> Result<Update, String> {
    let newer = newer_version(path).map_err(|e| e.to_string())?;
    plan(project, doc, &newer, jiff::Timestamp::now()).map_err(|e| e.to_string())
}

impl UpdateJob {
    /// Starts updating `doc` of `project` (a copy of the open one, at `revision`) from the file at `path`.
    pub fn start((project, revision): (Project, u64), doc: DocId, path: PathBuf, ctx: &egui::Context) -> Self {
        let file = path.clone();
        let job = Job::start(ctx, move |_| {
            let update = work(&project, doc, &file);
            UpdateResult { revision, path: file, update }
        });
        Self { job, path }
    }

    /// The result, once there.
    pub fn finished(&self) -> Option<UpdateResult> {
        self.job.finished().map(|result| {
            result.unwrap_or_else(|| UpdateResult {
                revision: 0,
                path: self.path.clone(),
                update: Err("the update stopped unexpectedly".to_owned()),
            })
        })
    }

    /// A spinner while it runs; true when Cancel is clicked.
    pub fn progress_ui(&self, ui: &mut egui::Ui) -> bool {
        ui.horizontal(|ui| {
            ui.spinner();
            let name = self.path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            ui.label(format!("Updating from {name}…"));
            ui.button("Cancel update").clicked()
        })
        .inner
    }
}
