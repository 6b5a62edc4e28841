//! Writing project files: deterministic text, written atomically, with the previous file kept as a backup.

use std::io::Write;
use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;

use crate::model::Project;

use super::error::StoreError;
use super::format::{FILE_HEADER, FileOut};

/// The project as the text of a project file. The same project always gives the same bytes.
///
/// Structures are laid out over lines down to the level of a document's fields; each comment and each span is
/// one line, so that a new highlight adds one line to a diff and a project with 100,000 highlights stays a
/// third of the size (and parses three times as fast) as with every field on its own line. Documents are written
/// on all cores at once and put together in order, which gives the same text as writing them in one go.
pub fn to_string(project: &Project) -> Result<String, StoreError> {
    let shell = FileOut { documents: &[], ..FileOut::new(project) };
    let head = ron::ser::to_string_pretty(&shell, config(4))?;
    if project.documents.is_empty() {
        return Ok(format!("{FILE_HEADER}{head}\n"));
    }
    let documents = documents_text(&project.documents)?;
    let Some((before, after)) = head.split_once(EMPTY_DOCUMENTS) else {
        // The shell always has the empty list; a serializer that wrote it otherwise still gives a valid file.
        return Ok(format!("{FILE_HEADER}{}\n", ron::ser::to_string_pretty(&FileOut::new(project), config(4))?));
    };
    Ok(format!("{FILE_HEADER}{before}    documents: [\n{documents}    ],\n{after}\n"))
}

/// How the shell of a project writes its (empty) document list.
const EMPTY_DOCUMENTS: &str = "    documents: [],\n";

fn config(depth: usize) -> PrettyConfig {
    PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .compact_arrays(false)
        .depth_limit(depth)
}

/// Each document as it appears inside the project's document list (two levels in, one item per line from the
/// comments and spans down), written on as many threads as there are cores.
fn documents_text(documents: &[crate::model::Document]) -> Result<String, StoreError> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(documents.len());
    let chunk = documents.len().div_ceil(threads);
    let parts: Vec<Result<String, StoreError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = documents
            .chunks(chunk)
            .map(|docs| {
                scope.spawn(move || {
                    let mut out = String::new();
                    for doc in docs {
                        let text = ron::ser::to_string_pretty(doc, config(2))?;
                        for line in text.lines() {
                            out.push_str("        ");
                            out.push_str(line);
                            out.push('\n');
                        }
                        // The last line is the document's closing parenthesis; a list item ends with a comma.
                        out.pop();
                        out.push_str(",\n");
                    }
                    Ok(out)
                })
            })
            .collect();
        // A thread that panicked wrote nothing usable: the save fails rather than leave documents out.
        let failed = || Err(StoreError::Serialize(ron::Error::Message("a document could not be written".to_owned())));
        handles.into_iter().map(|h| h.join().unwrap_or_else(|_| failed())).collect()
    });
    let mut text = String::new();
    for part in parts {
        text.push_str(&part?);
    }
    Ok(text)
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
        keep_backup(&target)?;
    }
    write_atomically(&target, text.as_bytes(), &target)
}

/// Makes the file at `target` also `NAME.ron.bak`. A second name for the same file costs nothing, however big the
/// project; the save then renames a new file over `target`, which leaves the backup's content alone. Where links
/// are not possible (some network and FAT drives) the file is copied instead.
fn keep_backup(target: &Path) -> Result<(), StoreError> {
    let backup = backup_path(target);
    let staged = backup.with_extension("bak.new");
    let _ = std::fs::remove_file(&staged);
    if std::fs::hard_link(target, &staged).is_ok() {
        // Renaming over the old backup is atomic, so there is always a backup.
        return std::fs::rename(&staged, &backup).map_err(|e| io(&backup, "replace", e));
    }
    let previous = std::fs::read(target).map_err(|e| io(target, "read the previous version", e))?;
    write_atomically(&backup, &previous, target)
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
