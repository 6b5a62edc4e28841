//! Measuring agreement among annotators on a background thread: the open project and other annotators' projects,
//! or the open project's own annotators.

use std::path::PathBuf;

use super::job::Job;
use crate::analysis::agree::{Agreement, Annotator, agree, names_of};
use crate::model::Project;

/// A measurement under way.
pub struct AgreeJob {
    job: Job<Result<Agreement, String>>,
}

impl AgreeJob {
    /// Starts measuring: `project` (the open one, whose file is `file`) against the projects in `others`, or, with
    /// no others, among the annotators of `project`'s own highlights.
    pub fn start(project: Project, file: Option<PathBuf>, others: Vec<PathBuf>, ctx: &egui::Context) -> Self {
        let job = Job::start(ctx, move |counts| {
            if others.is_empty() {
                return within(&project);
            }
            let files = crate::store::project_files(&others, file.as_deref()).map_err(|e| e.to_string())?;
            let mut projects = vec![project];
            for (i, path) in files.iter().enumerate() {
                counts.set(i, files.len());
                let other = crate::store::load(path).map_err(|e| e.to_string())?;
                projects.push(other);
            }
            if projects.len() < 2 {
                return Err("no other annotator's project was found there".to_owned());
            }
            // The open project first; two that name the same annotator are told apart by their file names.
            let paths = std::iter::once(file.as_deref()).chain(files.iter().map(|f| Some(f.as_path())));
            let sources: Vec<(&Project, Option<&std::path::Path>)> = projects.iter().zip(paths).collect();
            let names = names_of(&sources);
            let annotators: Vec<Annotator<'_>> =
                projects.iter().zip(&names).map(|(project, name)| Annotator { name, project, only: None }).collect();
            Ok(agree(&annotators))
        });
        Self { job }
    }

    /// The report, once measured.
    pub fn finished(&self) -> Option<Result<Agreement, String>> {
        self.job.finished().map(|r| r.unwrap_or_else(|| Err("the measurement stopped unexpectedly".to_owned())))
    }

    /// A progress bar (no Cancel: reading a few projects is quick, and the work stops with the window).
    pub fn progress_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Measuring agreement…");
        });
    }
}

/// The agreement among the annotators of `project`'s highlights.
fn within(project: &Project) -> Result<Agreement, String> {
    let names = project.annotators();
    if names.len() < 2 {
        return Err(format!(
            "this project holds the highlights of {} annotator(s); agreement needs two or more",
            names.len()
        ));
    }
    let annotators: Vec<Annotator<'_>> = names.iter().map(|n| Annotator { name: n, project, only: Some(n) }).collect();
    Ok(agree(&annotators))
}
