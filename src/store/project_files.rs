//! The project files a user points at: files, and the `.ron` projects in folders.

use std::path::{Path, PathBuf};

use super::real_path;

/// Each path of `given` that is a file, and for a folder the `.ron` projects in it (in name order); never `except`
/// (the key a class is compared with, found by its real path).
pub fn project_files(given: &[PathBuf], except: Option<&Path>) -> std::io::Result<Vec<PathBuf>> {
    let except = except.map(real_path);
    let mut files = Vec::new();
    for path in given {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)?
                .flatten()
                .map(|entry| entry.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron") && p.is_file())
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    files.retain(|file| except.as_ref().is_none_or(|key| real_path(file) != *key));
    Ok(files)
}
