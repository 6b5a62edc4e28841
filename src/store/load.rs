//! Reading project files.

use std::path::{Path, PathBuf};

use crate::model::Project;

use super::error::StoreError;
use super::fingerprint::{DiskState, Fingerprint};
use super::format::{CURRENT_VERSION, FileIn, scan_version};
use super::migrate::{OLDEST_VERSION, upgrade};
use crate::model::text::line_column;

/// Largest project file Gloss reads: far above any real project, low enough to refuse a wrong file quickly.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Reads and checks the project at `path`. Nothing on disk is changed, whatever happens.
pub fn load(path: &Path) -> Result<Project, StoreError> {
    load_with_state(path).map(|(project, _)| project)
}

/// Reads and checks the project at `path`, with what the file held (to notice later changes by others).
pub fn load_with_state(path: &Path) -> Result<(Project, DiskState), StoreError> {
    let io = |action, error| StoreError::Io { path: path.to_owned(), action, error };
    let metadata = std::fs::metadata(path).map_err(|e| io("read", e))?;
    let size = metadata.len();
    if size > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge { path: path.to_owned(), size, limit: MAX_FILE_BYTES });
    }
    let bytes = std::fs::read(path).map_err(|e| io("read", e))?;
    let state = DiskState { fingerprint: Fingerprint::of_bytes(&bytes), modified: metadata.modified().ok() };
    Ok((from_bytes(&bytes, path)?, state))
}

/// The text of a Gloss file: refuses empty, binary and non-UTF-8 files, and drops a byte-order mark.
pub(crate) fn text_of<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, StoreError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(StoreError::Empty(path.to_owned()));
    }
    if bytes.contains(&0) {
        return Err(StoreError::Binary(path.to_owned()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(error) => {
            let (line, column) = line_column(bytes, error.valid_up_to());
            Err(StoreError::NotUtf8 { path: path.to_owned(), line, column })
        }
    }
}

/// Parses and checks a project from the bytes of a file; `path` is used in messages only.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Project, StoreError> {
    let text = text_of(bytes, path)?;
    let path: PathBuf = path.to_owned();
    let Some(version) = scan_version(text) else {
        return Err(match ron::from_str::<ron::Value>(text) {
            Err(error) => syntax(path, &error),
            Ok(_) => StoreError::NoVersion(path),
        });
    };
    if version > CURRENT_VERSION {
        return Err(StoreError::NewerVersion { path, found: version, supported: CURRENT_VERSION });
    }
    if version < OLDEST_VERSION {
        return Err(StoreError::UnknownVersion { path, found: version });
    }
    let file: FileIn = ron::from_str(text).map_err(|e| syntax(path.clone(), &e))?;
    let mut project = Project::from(file);
    upgrade(&mut project, version).map_err(|message| StoreError::Migration {
        path: path.clone(),
        from: version,
        message,
    })?;
    let problems = project.problems();
    if !problems.is_empty() {
        return Err(StoreError::Invalid { path, problems });
    }
    Ok(project)
}

pub(crate) fn syntax(path: PathBuf, error: &ron::error::SpannedError) -> StoreError {
    StoreError::Syntax {
        path,
        line: error.span.start.line,
        column: error.span.start.col,
        message: error.code.to_string(),
    }
}
