//! Work on background threads while the window draws: importing articles, exporting datasets, opening big
//! projects, comparing a class with its key, measuring agreement. Each is a slot that is idle, requested, or running; `Jobs::poll` starts what was requested and takes
//! in what finished, in one place.

pub mod agree;
pub mod class;
pub mod export;
pub mod import;
pub mod job;
pub mod merge;
pub mod open;
pub mod suggest;
pub mod update;

use std::path::{Path, PathBuf};

use crate::export::destination::Guard;
use crate::import::batch::FileOutcome;
use crate::model::Project;
use crate::session::Opening;
use crate::ui::intent::Job;

/// A kind of work: what was asked for and is waiting to start, and what is running.
struct Slot<R, J> {
    requested: Option<R>,
    running: Option<J>,
}

impl<R, J> Default for Slot<R, J> {
    fn default() -> Self {
        Self { requested: None, running: None }
    }
}

impl<R, J> Slot<R, J> {
    fn busy(&self) -> bool {
        self.requested.is_some() || self.running.is_some()
    }
}

/// What a job gave when it finished.
pub enum Finished {
    /// The import's outcomes, file by file.
    Import {
        /// What the user chose to import (files and folders).
        inputs: Vec<PathBuf>,
        /// One per file read.
        outcomes: Vec<FileOutcome>,
        /// Whether the user stopped it.
        cancelled: bool,
        /// Files never read because of that.
        not_read: usize,
    },
    /// What was asked for, and the export's result: what it wrote, or why it did not.
    Export(Box<(export::Request, Result<crate::export::Report, crate::export::ExportError>)>),
    /// The project read, and its file.
    Open(Box<(PathBuf, anyhow::Result<Opening>)>),
    /// Each student compared with the key.
    Class(class::ClassResult),
    /// The agreement measured, or why it could not be.
    Agree(Box<Result<crate::analysis::agree::Agreement, String>>),
    /// Other projects merged into the open one, or why they could not be.
    Merge(Box<Result<merge::MergeResult, String>>),
    /// The suggestions found, and whether the user stopped the run.
    Suggest(Vec<crate::suggest::Suggestion>, bool),
    /// A document's update from a newer version, worked out.
    Update(Box<update::UpdateResult>),
}

/// A merge asked for: the open project at its revision, its file, the projects to merge into it.
type MergeRequest = ((Project, u64), Option<PathBuf>, Vec<PathBuf>);

/// The background work of the window.
#[derive(Default)]
pub struct Jobs {
    import: Slot<Vec<PathBuf>, import::ImportJob>,
    export: Slot<export::Request, export::ExportJob>,
    open: Slot<(PathBuf, u64), open::OpenJob>,
    class: Slot<(Project, Option<PathBuf>, Vec<PathBuf>), class::ClassJob>,
    agree: Slot<(Project, Option<PathBuf>, Vec<PathBuf>), agree::AgreeJob>,
    merge: Slot<MergeRequest, merge::MergeJob>,
    suggest: Slot<(Project, crate::suggest::Request), suggest::SuggestJob>,
    update: Slot<((Project, u64), crate::model::DocId, PathBuf), update::UpdateJob>,
}

impl Jobs {
    /// Asks for `paths` (files and folders) to be imported, after any import under way.
    pub fn import(&mut self, paths: &[PathBuf]) {
        self.import.requested.get_or_insert_with(Vec::new).extend_from_slice(paths);
    }

    /// Asks for an export; false if one is under way already.
    pub fn export(&mut self, request: export::Request) -> bool {
        if self.export.running.is_some() {
            return false;
        }
        self.export.requested = Some(request);
        true
    }

    /// Asks for the students' projects in `paths` to be compared with `key` (whose file is `key_file`); false if
    /// a comparison is under way already.
    pub fn compare(&mut self, key: Project, key_file: Option<PathBuf>, paths: Vec<PathBuf>) -> bool {
        if self.class.busy() {
            return false;
        }
        self.class.requested = Some((key, key_file, paths));
        true
    }

    /// Asks for the agreement of `project` (whose file is `file`) with the projects in `others`, or among its own
    /// annotators if there are none; false if a measurement is under way already.
    pub fn agree(&mut self, project: Project, file: Option<PathBuf>, others: Vec<PathBuf>) -> bool {
        if self.agree.busy() {
            return false;
        }
        self.agree.requested = Some((project, file, others));
        true
    }

    /// Asks for the projects in `paths` to be merged into `project` (at `revision`, whose file is `file`); false
    /// if a merge is under way already.
    pub fn merge(&mut self, project: (Project, u64), file: Option<PathBuf>, paths: Vec<PathBuf>) -> bool {
        if self.merge.busy() {
            return false;
        }
        self.merge.requested = Some((project, file, paths));
        true
    }

    /// Asks for suggestions on `project` (a copy of the open one); a run under way is stopped first.
    pub fn suggest(&mut self, project: Project, request: crate::suggest::Request) {
        self.suggest.running.iter().for_each(suggest::SuggestJob::cancel);
        self.suggest = Slot { requested: Some((project, request)), running: None };
    }

    /// Asks for `doc` of `project` (a copy of the open one, at its revision) to be updated from the article at
    /// `path`; false if an update is under way already.
    pub fn update(&mut self, project: (Project, u64), doc: crate::model::DocId, path: PathBuf) -> bool {
        if self.update.busy() {
            return false;
        }
        self.update.requested = Some((project, doc, path));
        true
    }

    /// Asks for the project at `path` (of `bytes`) to be read in the background.
    pub fn open(&mut self, path: PathBuf, bytes: u64) {
        self.open = Slot { requested: Some((path, bytes)), running: None };
    }

    /// Whether a job of this kind is waiting or running.
    pub fn busy(&self, job: Job) -> bool {
        match job {
            Job::Import => self.import.busy(),
            Job::Export => self.export.busy(),
            Job::Open => self.open.busy(),
            Job::Class => self.class.busy(),
            Job::Agree => self.agree.busy(),
            Job::Merge => self.merge.busy(),
            Job::Suggest => self.suggest.busy(),
            Job::Update => self.update.busy(),
        }
    }

    /// Stops a job: an import after the files under way, an export before it writes, an opening at once (its
    /// thread finishes unheard).
    pub fn cancel(&mut self, job: Job) {
        match job {
            Job::Import => self.import.running.iter().for_each(import::ImportJob::cancel),
            Job::Export => self.export.running.iter().for_each(export::ExportJob::cancel),
            Job::Open => self.open = Slot::default(),
            Job::Class => self.class.running.iter().for_each(class::ClassJob::cancel),
            Job::Agree => self.agree = Slot::default(),
            Job::Merge => self.merge = Slot::default(),
            Job::Suggest => self.suggest.running.iter().for_each(suggest::SuggestJob::cancel),
            // Nothing has changed until the update is applied; its thread finishes unheard.
            Job::Update => self.update = Slot::default(),
        }
    }

    /// Starts what was asked for and takes in what finished. A job started here is taken in from a later frame
    /// on, however fast its thread is, so the frame that starts it always draws it as under way.
    pub fn poll(
        &mut self,
        egui: &egui::Context,
        project: &Project,
        file: Option<&Path>,
        data_dir: Option<&Path>,
    ) -> Vec<Finished> {
        let mut finished = Vec::new();
        if let Some(job) = &self.import.running
            && let Some(outcomes) = job.finished()
        {
            let inputs = job.inputs().to_vec();
            finished.push(Finished::Import {
                inputs,
                outcomes,
                cancelled: job.is_cancelled(),
                not_read: job.not_read(),
            });
            self.import.running = None;
        } else if self.import.running.is_none()
            && let Some(paths) = self.import.requested.take()
        {
            self.import.running = Some(import::ImportJob::start(paths, egui));
        }
        if let Some(job) = &self.export.running
            && let Some(result) = job.finished()
        {
            finished.push(Finished::Export(Box::new((job.request.clone(), result))));
            self.export.running = None;
        } else if let Some(request) = self.export.requested.take() {
            let guard = Guard { project_file: file.map(Path::to_owned), force: request.replace };
            self.export.running = Some(export::ExportJob::start(project.clone(), request, guard, egui));
        }
        if let Some(job) = &self.open.running
            && let Some(opened) = job.finished()
        {
            finished.push(Finished::Open(Box::new((job.path.clone(), opened))));
            self.open.running = None;
        } else if let Some((path, bytes)) = self.open.requested.take() {
            self.open.running = Some(open::OpenJob::start(path, bytes, data_dir.map(Path::to_owned), egui));
        }
        if let Some(job) = &self.class.running
            && let Some(results) = job.finished()
        {
            finished.push(Finished::Class(results));
            self.class.running = None;
        } else if let Some((key, key_file, paths)) = self.class.requested.take() {
            self.class.running = Some(class::ClassJob::start(key, key_file, paths, egui));
        }
        if let Some(job) = &self.agree.running
            && let Some(result) = job.finished()
        {
            finished.push(Finished::Agree(Box::new(result)));
            self.agree.running = None;
        } else if let Some((project, file, others)) = self.agree.requested.take() {
            self.agree.running = Some(agree::AgreeJob::start(project, file, others, egui));
        }
        if let Some(job) = &self.merge.running
            && let Some(result) = job.finished()
        {
            finished.push(Finished::Merge(Box::new(result)));
            self.merge.running = None;
        } else if let Some((project, file, paths)) = self.merge.requested.take() {
            self.merge.running = Some(merge::MergeJob::start(project, file, paths, egui));
        }
        if let Some(job) = &self.suggest.running
            && let Some((found, cancelled)) = job.finished()
        {
            finished.push(Finished::Suggest(found, cancelled));
            self.suggest.running = None;
        } else if let Some((project, request)) = self.suggest.requested.take() {
            self.suggest.running = Some(suggest::SuggestJob::start(project, request, egui));
        }
        if let Some(job) = &self.update.running
            && let Some(result) = job.finished()
        {
            finished.push(Finished::Update(Box::new(result)));
            self.update.running = None;
        } else if let Some((project, doc, path)) = self.update.requested.take() {
            self.update.running = Some(update::UpdateJob::start(project, doc, path, egui));
        }
        finished
    }

    /// The progress of each job under way, with Cancel buttons; the job whose Cancel was clicked.
    pub fn progress_ui(&self, ui: &mut egui::Ui) -> Option<Job> {
        let mut cancel = None;
        if let Some(job) = &self.import.running {
            if job.progress_ui(ui) {
                cancel = Some(Job::Import);
            }
            ui.separator();
        }
        if let Some(job) = &self.export.running {
            if job.progress_ui(ui) {
                cancel = Some(Job::Export);
            }
            ui.separator();
        }
        if let Some(job) = &self.open.running {
            job.progress_ui(ui, false);
            ui.separator();
        }
        if let Some(job) = &self.class.running {
            if job.progress_ui(ui) {
                cancel = Some(Job::Class);
            }
            ui.separator();
        }
        if let Some(job) = &self.agree.running {
            job.progress_ui(ui);
            ui.separator();
        }
        if let Some(job) = &self.merge.running {
            if job.progress_ui(ui) {
                cancel = Some(Job::Merge);
            }
            ui.separator();
        }
        if let Some(job) = &self.suggest.running {
            if job.progress_ui(ui) {
                cancel = Some(Job::Suggest);
            }
            ui.separator();
        }
        if let Some(job) = &self.update.running {
            if job.progress_ui(ui) {
                cancel = Some(Job::Update);
            }
            ui.separator();
        }
        cancel
    }

    /// The opening under way, for the workspace to show in its middle.
    pub fn opening(&self) -> Option<&open::OpenJob> {
        self.open.running.as_ref()
    }
}
