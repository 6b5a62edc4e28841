//! Errors of reading and writing project files.

use std::path::PathBuf;

use crate::io_error::{self, Access};
use crate::model::Problem;

/// Reading or writing a project file failed. Every message names the file; parse errors add line and column.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The operating system refused to read or write. The message says why in a person's words; the system's
    /// own are in [`StoreError::details`].
    #[error("{path}: {reason}", path = .path.display(), reason = io_error::reason(.error, .path, access(.action), .action))]
    Io {
        /// The file.
        path: PathBuf,
        /// What was attempted ("read", "write", ...).
        action: &'static str,
        /// The underlying error.
        error: std::io::Error,
    },
    /// The file has no content.
    #[error("{}: the file is empty, so it is not a Gloss project", .0.display())]
    Empty(PathBuf),
    /// The file holds binary data.
    #[error("{}: this is a binary file, not a Gloss project (a .ron text file)", .0.display())]
    Binary(PathBuf),
    /// The file is larger than any project Gloss would write.
    #[error("{path}: the file is {size} bytes, more than the {limit} bytes a project may have", path = .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The text is not valid UTF-8.
    #[error("{path}:{line}:{column}: the file is not valid UTF-8 text", path = .path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Line of the first bad byte (1-based).
        line: usize,
        /// Column of the first bad byte (1-based, in characters).
        column: usize,
    },
    /// The text is not RON of the expected shape.
    #[error("{path}:{line}:{column}: {message}", path = .path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Line (1-based).
        line: usize,
        /// Column (1-based).
        column: usize,
        /// What was wrong or expected.
        message: String,
    },
    /// No `format_version` field: not a Gloss project.
    #[error("{}: no format_version field, so this is not a Gloss project file", .0.display())]
    NoVersion(PathBuf),
    /// Written by a newer Gloss.
    #[error(
        "{path}: written by a newer Gloss (project format version {found}); this Gloss reads format versions up to \
         {supported}. Update Gloss to open it.",
        path = .path.display()
    )]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// A version number that no Gloss ever wrote.
    #[error("{path}: format version {found} was never a Gloss project format", path = .path.display())]
    UnknownVersion {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: u32,
    },
    /// Migrating an old file to the current format failed.
    #[error("{path}: cannot upgrade from format version {from}: {message}", path = .path.display())]
    Migration {
        /// The file.
        path: PathBuf,
        /// The version it was in.
        from: u32,
        /// What went wrong.
        message: String,
    },
    /// The file parsed but contradicts itself.
    #[error("{path}: {summary}", path = .path.display(), summary = summarize(.problems))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found; never empty.
        problems: Vec<Problem>,
    },
    /// A project that contradicts itself was about to be saved; nothing was written. Edits keep a project
    /// consistent, so this is a bug, caught before it costs a file.
    #[error(
        "{path}: not saved, because the project contradicts itself: {summary}. The file on disk is unchanged; \
         please report this.",
        path = .path.display(), summary = summarize(.problems)
    )]
    WouldBeInvalid {
        /// The file that was to be written.
        path: PathBuf,
        /// Every problem found; never empty.
        problems: Vec<Problem>,
    },
    /// The project could not be turned into RON.
    #[error("cannot write the project as RON: {0}")]
    Serialize(#[from] ron::Error),
}

impl StoreError {
    /// The operating system's own words, for a details line under the message, where there are any.
    pub fn details(&self) -> Option<String> {
        match self {
            Self::Io { action, error, .. } => Some(format!("{action}: {}", io_error::details(error))),
            _ => None,
        }
    }
}

/// Reading, for the steps that read ("read", "read the previous version"); every other step writes.
fn access(action: &str) -> Access {
    if action.starts_with("read") { Access::Read } else { Access::Write }
}

fn summarize(problems: &[Problem]) -> String {
    match problems {
        [] => "the project contradicts itself".to_owned(),
        [only] => only.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more problems)", rest.len()),
    }
}
