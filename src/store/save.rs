//! Writing project files: deterministic text, written atomically, with the previous content kept as a backup.

use std::io::Write;
use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;

use crate::model::Project;

use super::error::StoreError;
use super::fingerprint::DiskState;
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
    let temp = write_temp(&target, bytes, &target)?;
    persist(temp, &target)
}

/// What a save did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The file as it now is on disk.
    pub state: DiskState,
    /// Whether anything was written: saving the bytes the file already holds writes nothing and keeps the backup.
    pub written: bool,
}

/// Saves `project` to `path` so that a crash at any moment leaves either the old file or the new one, never a
/// mix, and keeps the previous content as [`backup_path`]. A project that contradicts itself is refused rather
/// than written, so Gloss never writes a file it would not open again.
pub fn save(project: &Project, path: &Path) -> Result<Saved, StoreError> {
    save_bytes(checked_text(project, path)?.as_bytes(), path)
}

/// The text of `project` as [`save`] writes it to `path`, refused if the project contradicts itself.
pub fn checked_text(project: &Project, path: &Path) -> Result<String, StoreError> {
    let problems = project.problems();
    if !problems.is_empty() {
        return Err(StoreError::WouldBeInvalid { path: path.to_owned(), problems });
    }
    to_string(project)
}

/// Where `path` really leads: symbolic links followed and `.`/`..` resolved, also for a file not yet there (its
/// folder is resolved and its name added).
pub fn real_path(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut existing = absolute;
    let mut rest = Vec::new();
    while !existing.exists() {
        let Some(name) = existing.file_name().map(ToOwned::to_owned) else { break };
        rest.push(name);
        if !existing.pop() {
            break;
        }
    }
    let mut real = std::fs::canonicalize(&existing).unwrap_or(existing);
    for part in rest.iter().rev() {
        match Path::new(part).components().next() {
            Some(std::path::Component::ParentDir) => {
                real.pop();
            }
            Some(std::path::Component::CurDir) => {}
            _ => real.push(part),
        }
    }
    real
}

/// Writes the text of a project (made by [`to_string`]) to `path`, as [`save`] does.
///
/// The steps, each safe to be stopped after:
/// 1. If the file already holds these bytes, nothing is written: the backup keeps the previous *different*
///    content.
/// 2. What an earlier save stopped midway left is settled (see [`settle_staged_backup`]).
/// 3. The new text goes to a temporary file beside the project and is flushed to disk. A failure here leaves
///    file and backup as they were.
/// 4. The current file gets a second name, `NAME.ron.bak.new` (a hard link, or a copy where links are
///    impossible), and the temporary file is renamed over the project.
/// 5. `NAME.ron.bak.new` is renamed over `NAME.ron.bak`; then temporary files that killed saves of this project
///    left behind are removed.
pub fn save_bytes(bytes: &[u8], path: &Path) -> Result<Saved, StoreError> {
    let target = resolve_symlink(path);
    if holds(&target, bytes) {
        return Ok(Saved { state: DiskState::written(&target, bytes), written: false });
    }
    let backup = backup_path(&target);
    let staged = staged_backup_path(&target);
    settle_staged_backup(&target, &staged, &backup);
    let temp = write_temp(&target, bytes, &target)?;
    let had_file = target.is_file();
    if had_file {
        stage_backup(&target, &staged)?;
    }
    if let Err(error) = persist(temp, &target) {
        // The project is as it was; so is the backup.
        let _ = std::fs::remove_file(&staged);
        return Err(error);
    }
    if had_file {
        std::fs::rename(&staged, &backup).map_err(|e| io(&backup, "replace", e))?;
        // Renaming one name of a file over another name of the same file does nothing and leaves both: the case
        // of a project whose backup was a hard link to it.
        let _ = std::fs::remove_file(&staged);
    }
    remove_stale_temps(&target);
    Ok(Saved { state: DiskState::written(&target, bytes), written: true })
}

/// Whether the file at `path` holds exactly `bytes`, read a piece at a time and stopping at the first difference
/// (an edit near the top of a 40 MB project is found in the first piece).
fn holds(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read as _;
    let same_length = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
    if !same_length {
        return false;
    }
    let Ok(mut file) = std::fs::File::open(path) else { return false };
    let mut piece = vec![0; 1 << 16];
    let mut at = 0;
    loop {
        match file.read(&mut piece) {
            Ok(0) => return at == bytes.len(),
            Ok(read) => {
                if bytes.get(at..at + read) != Some(&piece[..read]) {
                    return false;
                }
                at += read;
            }
            Err(_) => return false,
        }
    }
}

/// `NAME.ron.bak.new`: the previous content while a save is under way.
fn staged_backup_path(target: &Path) -> PathBuf {
    let mut name = backup_path(target).file_name().unwrap_or_default().to_os_string();
    name.push(".new");
    target.with_file_name(name)
}

/// A save stopped between steps 4 and 5 leaves `NAME.ron.bak.new`. If it is still the project itself (stopped
/// before the rename over the project), it goes; if the project was replaced, it is the previous content and
/// becomes the backup.
fn settle_staged_backup(target: &Path, staged: &Path, backup: &Path) {
    if !staged.is_file() {
        return;
    }
    // After a rename onto another name of the same file, both names remain; the staged one goes either way.
    if same_file(staged, target) || std::fs::rename(staged, backup).is_ok() {
        let _ = std::fs::remove_file(staged);
    }
}

/// Gives the file at `target` the second name `staged`: a hard link costs nothing however big the project; where
/// links are impossible (some network and FAT drives) the file is copied.
fn stage_backup(target: &Path, staged: &Path) -> Result<(), StoreError> {
    let _ = std::fs::remove_file(staged);
    if std::fs::hard_link(target, staged).is_ok() {
        return Ok(());
    }
    let previous = std::fs::read(target).map_err(|e| io(target, "read the previous version", e))?;
    let temp = write_temp(staged, &previous, target)?;
    persist(temp, staged)
}

/// Whether two paths name one file (on Unix, the same inode; elsewhere, the same bytes).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        matches!((std::fs::read(a), std::fs::read(b)), (Ok(a), Ok(b)) if a == b)
    }
}

/// How many random letters and digits a temporary file's name has: `.NAME.ron.XXXXXX.tmp`.
const TEMP_RANDOM: usize = 6;

/// When this process started (first asked); `main` asks first thing. Temporary files older than this cannot be
/// a save of this process that is under way.
pub fn process_started() -> std::time::SystemTime {
    static STARTED: std::sync::OnceLock<std::time::SystemTime> = std::sync::OnceLock::new();
    *STARTED.get_or_init(std::time::SystemTime::now)
}

/// Removes what saves of `target` that were killed left behind: files named exactly `.NAME.XXXXXX.tmp` beside it
/// and older than this process. Nothing else is touched.
fn remove_stale_temps(target: &Path) {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else { return };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let started = process_started();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(random) = file_name.strip_prefix(&prefix).and_then(|rest| rest.strip_suffix(".tmp")) else {
            continue;
        };
        if random.len() != TEMP_RANDOM || !random.bytes().all(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        let old = entry.metadata().is_ok_and(|m| m.is_file() && m.modified().is_ok_and(|t| t < started));
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to a new temporary file beside `path`, flushed to disk; `like` lends its permissions if it
/// exists. Dropping the result without [`persist`] removes it.
fn write_temp(path: &Path, bytes: &[u8], like: &Path) -> Result<tempfile::NamedTempFile, StoreError> {
    let dir = folder_of(path);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(TEMP_RANDOM);
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
    Ok(temp)
}

/// Renames a flushed temporary file over `path` and makes the rename durable.
fn persist(temp: tempfile::NamedTempFile, path: &Path) -> Result<(), StoreError> {
    temp.persist(path).map_err(|e| io(path, "replace", e.error))?;
    sync_dir(folder_of(path));
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
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
