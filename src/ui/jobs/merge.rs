//! Merging other people's projects into the open one on a background thread.

use std::path::PathBuf;

use super::job::Job;
use crate::model::Project;

/// What a merge gives: the merged project and what came from whom, for the revision of the open project it was
/// made from.
pub struct MergeResult {
    /// The revision of the open project when the merge started; if it changed meanwhile, the merge is stale.
    pub revision: u64,
    /// The open project with the others' work.
    pub merged: Project,
    /// What came from whom, file by file.
    pub report: Vec<crate::merge::SourceReport>,
}

/// A merge under way.
pub struct MergeJob {
    job: Job<Result<MergeResult, String>>,
}

impl MergeJob {
    /// Starts merging the projects in `paths` (files or folders, without the open project's own `file`) into
    /// `project`, which is at `revision`.
    pub fn start(
        (project, revision): (Project, u64),
        file: Option<PathBuf>,
        paths: Vec<PathBuf>,
        ctx: &egui::Context,
    ) -> Self {
        let job = Job::start(ctx, move |counts| {
            let files = crate::store::project_files(&paths, file.as_deref()).map_err(|e| e.to_string())?;
            if files.is_empty() {
                return Err("no other project was found there".to_owned());
            }
            let mut others = Vec::new();
            for (i, path) in files.iter().enumerate() {
                counts.set(i, files.len());
                let other = crate::store::load(path).map_err(|e| e.to_string())?;
                others.push((other, path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())));
            }
            let sources: Vec<(&Project, &str)> = others.iter().map(|(p, n)| (p, n.as_str())).collect();
            let merged = crate::merge::merge(project, &sources).map_err(|e| e.to_string())?;
            Ok(MergeResult { revision, merged: merged.project, report: merged.report })
        });
        Self { job }
    }

    /// The merge, once made.
    pub fn finished(&self) -> Option<Result<MergeResult, String>> {
        self.job.finished().map(|r| r.unwrap_or_else(|| Err("the merge stopped unexpectedly".to_owned())))
    }

    /// A spinner while it runs; true when Cancel is clicked.
    pub fn progress_ui(&self, ui: &mut egui::Ui) -> bool {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Merging projects…");
            ui.button("Cancel").clicked()
        })
        .inner
    }
}
