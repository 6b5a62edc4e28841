//! Comparing a class with the answer key on a background thread: each student's project read and compared in
//! turn, with progress and a cancel between students.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use super::job::Job;
use crate::analysis::compare::{Comparison, compare};
use crate::model::Project;
use crate::model::class::ClassNotes;

/// What comparing a class gave.
pub struct ClassResult {
    /// Per student file, their comparison or why it could not be read.
    pub students: Vec<(PathBuf, Result<Comparison, String>)>,
    /// The key's class notes (rubric and feedback), or why the file of them could not be read.
    pub notes: Result<ClassNotes, String>,
}

/// A class being compared.
pub struct ClassJob {
    job: Job<ClassResult>,
}

impl ClassJob {
    /// Starts comparing the projects in `paths` (files, or folders of `.ron` projects) with `key`, whose own
    /// file `key_file` is left out.
    pub fn start(key: Project, key_file: Option<PathBuf>, paths: Vec<PathBuf>, ctx: &egui::Context) -> Self {
        let job = Job::start(ctx, move |counts| {
            let notes = match &key_file {
                Some(file) => crate::store::load_class_notes(file).map_err(|e| e.to_string()),
                None => Ok(ClassNotes::default()),
            };
            let rubric = notes.as_ref().map(|n| n.rubric).unwrap_or_default();
            let files = match crate::store::project_files(&paths, key_file.as_deref()) {
                Ok(files) => files,
                Err(error) => {
                    let failed = (paths.first().cloned().unwrap_or_default(), Err(error.to_string()));
                    return ClassResult { students: vec![failed], notes };
                }
            };
            let mut results = Vec::with_capacity(files.len());
            for (i, file) in files.iter().enumerate() {
                if counts.cancel_flag().load(Ordering::Relaxed) {
                    break;
                }
                counts.set(i, files.len());
                let result = crate::store::load(file)
                    .map(|student| compare(&key, &student, rubric))
                    .map_err(|error| error.to_string());
                results.push((file.clone(), result));
            }
            counts.set(files.len(), files.len());
            ClassResult { students: results, notes }
        });
        Self { job }
    }

    /// The results, once all are compared (or the user stopped).
    pub fn finished(&self) -> Option<ClassResult> {
        let stopped = || ClassResult { students: Vec::new(), notes: Err("the comparison stopped unexpectedly".into()) };
        self.job.finished().map(|result| result.unwrap_or_else(stopped))
    }

    /// Asks the comparison to stop after the student under way.
    pub fn cancel(&self) {
        self.job.cancel();
    }

    /// A progress bar and Cancel; true when Cancel was clicked.
    pub fn progress_ui(&self, ui: &mut egui::Ui) -> bool {
        let (done, total) = self.job.progress();
        self.job.progress_ui(ui, format!("Comparing students with the key: {done} of {total}"), "Cancel comparing")
    }
}
