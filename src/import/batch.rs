//! Importing many files at once: folders are walked, files are read on worker threads, progress is reported as
//! each file finishes, and a cancel flag stops the work between files. A bad file is reported and the others
//! still import.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::{Extracted, ImportError, extract_file};

/// The names of files a folder import picks up; other files in a folder are skipped.
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "shtml", "md", "markdown", "json", "jsonl", "ndjson", "jsonld", "csv", "gz",
    "xmi", "tsv",
];

/// What became of one file.
#[derive(Debug)]
pub struct FileOutcome {
    /// The file.
    pub path: PathBuf,
    /// Its articles, or why it could not be read.
    pub result: Result<Vec<Extracted>, ImportError>,
}

/// How far a batch has come.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Files finished.
    pub done: usize,
    /// Files in the batch.
    pub total: usize,
}

/// The files named by `inputs`: files as given, folders walked (sorted, hidden entries skipped) for files with an
/// article extension. Folders that cannot be read are reported as outcomes.
pub fn collect(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileOutcome>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        if input.is_dir() {
            walk(input, &mut files, &mut problems);
        } else {
            files.push(input.clone());
        }
    }
    let all = files.clone();
    files.retain(|f| !super::datasets::is_companion(f, &all));
    (files, problems)
}

/// The input of `inputs` that `file` was found through: the file itself, or the folder it was in.
pub fn source_of(inputs: &[PathBuf], file: &Path) -> PathBuf {
    inputs
        .iter()
        .filter(|input| file.starts_with(input))
        .max_by_key(|i| i.components().count())
        .cloned()
        .unwrap_or_else(|| file.to_owned())
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<FileOutcome>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            problems.push(FileOutcome {
                path: dir.to_owned(),
                result: Err(ImportError::Io { path: dir.to_owned(), error }),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, files, problems);
        } else if has_article_extension(&path) {
            files.push(path);
        }
    }
}

/// A bug in an extractor must cost one file, not the whole batch (or the window).
fn extract_guarded(path: &Path) -> Result<Vec<Extracted>, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract_file(path)))
        .unwrap_or_else(|_| Err(ImportError::Crashed(path.to_owned())))
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()))
}

/// Extracts every file on worker threads. Outcomes come back in the order of `files`; files not started before
/// `cancel` was set are left out. `on_progress` is called from the workers after each file.
pub fn run(files: &[PathBuf], cancel: &AtomicBool, on_progress: &(dyn Fn(Progress) + Sync)) -> Vec<FileOutcome> {
    let total = files.len();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<FileOutcome>>> = Mutex::new((0..total).map(|_| None).collect());
    let workers = std::thread::available_parallelism().map_or(1, usize::from).min(total.max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    if cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(index) else { break };
                    let outcome = FileOutcome { path: path.clone(), result: extract_guarded(path) };
                    if let Ok(mut slots) = slots.lock() {
                        slots[index] = Some(outcome);
                    }
                    let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                    on_progress(Progress { done: finished, total });
                }
            });
        }
    });
    slots.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner).into_iter().flatten().collect()
}
