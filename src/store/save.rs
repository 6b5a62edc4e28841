//! Writing project files: deterministic text, written atomically, with the previous file kept as a backup.

use std::io::Write;
use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;

use crate::model::Project;

use super::error::StoreError;
use super::format::{FILE_HEADER, FileOut};

/// The project as the text of a project file. The same project always gives the same bytes.
pub fn to_string(project: &Project) -> Result<String, StoreError> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .compact_arrays(false);
    let body = ron::ser::to_string_pretty(&FileOut::new(project), config)?;
    Ok(format!("{FILE_HEADER}{body}\n"))
}

/// Where the previous version of `path` is kept: `NAME.ron.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `text` to `path` atomically, keeping no backup (for files other than projects).
pub(crate) fn write_text(path: &Path, text: &str) -> Result<(), StoreError> {
    write_file(path, text.as_bytes())
}

/// Writes `bytes` to `path` atomically (a temporary file beside it, flushed, renamed over it), keeping no backup:
/// for exports and other files that are not projects.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let target = resolve_symlink(path);
    write_atomically(&target, bytes, &target)
}

/// Saves `project` to `path` so that a crash at any moment leaves either the old file or the new one, never a
/// mix: the text goes to a temporary file in the same folder, is flushed to disk, and is renamed over `path`.
/// The file it replaces is kept as [`backup_path`].
pub fn save(project: &Project, path: &Path) -> Result<(), StoreError> {
    let text = to_string(project)?;
    let target = resolve_symlink(path);
    if target.is_file() {
        let previous = std::fs::read(&target).map_err(|e| io(&target, "read the previous version", e))?;
        if previous != text.as_bytes() {
            write_atomically(&backup_path(&target), &previous, &target)?;
        }
    }
    write_atomically(&target, text.as_bytes(), &target)
}

/// Writes `bytes` to `path` through a temporary file and a rename; `like` lends its permissions if it exists.
fn write_atomically(path: &Path, bytes: &[u8], like: &Path) -> Result<(), StoreError> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // A new project gets the permissions of any new file (subject to the umask), not a temporary file's
        // owner-only ones.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir).map_err(|e| io(path, "create a temporary file beside it", e))?;
    temp.write_all(bytes).map_err(|e| io(path, "write", e))?;
    if let Ok(metadata) = std::fs::metadata(like) {
        // A failure here only leaves the stricter default permissions of a temporary file.
        let _ = temp.as_file().set_permissions(metadata.permissions());
    }
    temp.as_file().sync_all().map_err(|e| io(path, "flush to disk", e))?;
    temp.persist(path).map_err(|e| io(path, "replace", e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Makes the rename itself durable. Not every platform can open a folder; the data is flushed either way.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// Saving through a symbolic link updates the file it points to instead of replacing the link.
fn resolve_symlink(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()),
        _ => path.to_owned(),
    }
}

fn io(path: &Path, action: &'static str, error: std::io::Error) -> StoreError {
    StoreError::Io { path: path.to_owned(), action, error }
}
