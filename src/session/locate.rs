//! Where journals live: beside the project as `.NAME.ron.journal` (as an editor keeps its swap file), in the
//! user's data folder for a project that has no file yet, and there too for a project in a folder Gloss cannot
//! write to.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

/// The environment variable that moves Gloss's data folder (for portable installs and tests).
pub const DATA_DIR_VARIABLE: &str = "GLOSS_DATA_DIR";

/// Gloss's folder for the user's data: `$GLOSS_DATA_DIR`, else the platform's (`~/.local/share/gloss` on Linux,
/// `~/Library/Application Support/gloss` on macOS, `%APPDATA%\gloss\data` on Windows).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_VARIABLE).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "gloss").map(|dirs| dirs.data_dir().to_owned())
}

/// The folder of journals in the data folder.
pub fn journals_in(data_dir: &Path) -> PathBuf {
    data_dir.join("journals")
}

/// The journal beside `project`: `.NAME.ron.journal`.
pub fn beside(project: &Path) -> PathBuf {
    let name = project.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    project.with_file_name(format!(".{name}.journal"))
}

/// The journal of `project` in the data folder, for a project whose folder Gloss cannot write to: named after
/// the file and a hash of its whole path, so that two `notes.ron` in different folders do not share one.
pub fn in_data_dir(project: &Path, data_dir: &Path) -> PathBuf {
    let name = project.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let hash = xxhash_rust::xxh3::xxh3_64(project.as_os_str().as_encoded_bytes());
    journals_in(data_dir).join(format!("{name}-{hash:016x}.journal"))
}

/// A new journal for a project never saved, named after when it was started and by which process.
pub fn untitled(data_dir: &Path) -> PathBuf {
    let when = Timestamp::now().strftime("%Y%m%d-%H%M%S");
    journals_in(data_dir).join(format!("untitled-{when}-{}.journal", std::process::id()))
}

/// The journals of projects never saved in the data folder.
pub fn untitled_journals(data_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(journals_in(data_dir)) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            name.starts_with("untitled-") && name.ends_with(".journal")
        })
        .collect();
    paths.sort();
    paths
}

/// The journal `project` has, if one exists in either place.
pub fn existing(project: &Path, data_dir: Option<&Path>) -> Option<PathBuf> {
    let beside = beside(project);
    if beside.is_file() {
        return Some(beside);
    }
    data_dir.map(|dir| in_data_dir(project, dir)).filter(|p| p.is_file())
}
