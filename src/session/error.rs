//! Errors of an editing session.

use std::path::PathBuf;

use crate::edit::EditError;
use crate::store::StoreError;

/// Something a session could not do; the project and the files are as they were.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// Reading or writing the project file failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The edit could not be carried out.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The project is open read-only.
    #[error("{} is open read-only here; use Save As to keep a copy of your own", .0.display())]
    ReadOnly(PathBuf),
    /// The project has no file yet.
    #[error("the project has no file yet; choose one with Save As")]
    NoFile,
    /// The file changed on disk since it was opened or last saved: saving would overwrite someone's work.
    #[error("{} was changed by another program since Gloss opened or last saved it", .0.display())]
    ChangedOnDisk(PathBuf),
    /// The file was deleted or moved away since it was opened or last saved.
    #[error("{} was deleted or moved since Gloss opened or last saved it", .0.display())]
    GoneFromDisk(PathBuf),
    /// Another Gloss has the file open.
    #[error("{} is open in another Gloss window; close it there first", .0.display())]
    InUse(PathBuf),
    /// The journal of unsaved edits could not be read or written.
    #[error(
        "{}: the journal of unsaved edits: {reason}",
        path.display(),
        reason = crate::io_error::reason(.error, .path, crate::io_error::Access::Write, .action)
    )]
    Journal {
        /// The journal file.
        path: PathBuf,
        /// What was attempted.
        action: &'static str,
        /// Why it failed.
        error: std::io::Error,
    },
}

impl SessionError {
    /// The operating system's own words, for a details line under the message, where there are any.
    pub fn details(&self) -> Option<String> {
        match self {
            Self::Store(error) => error.details(),
            Self::Journal { action, error, .. } => Some(format!("{action}: {}", crate::io_error::details(error))),
            _ => None,
        }
    }
}
