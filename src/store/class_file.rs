//! The class notes beside an answer key (`KEY.class.ron`): the rubric and the feedback per student, a versioned
//! file of its own so that the key stays the teacher's project and the notes can be shared or not.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use crate::model::class::ClassNotes;

/// The version of the class notes format this build writes and reads.
pub const CLASS_VERSION: u32 = 1;

const HEADER: &str = "// Gloss class notes: the rubric of an answer key and feedback per student.\n";

#[derive(Serialize)]
struct NotesOut<'a> {
    format_version: u32,
    notes: &'a ClassNotes,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "GlossClass")]
struct NotesIn {
    format_version: u32,
    notes: ClassNotes,
}

/// Where the class notes of the key at `key` live: `levy.ron` has `levy.class.ron` beside it.
pub fn class_notes_path(key: &Path) -> PathBuf {
    let stem = key.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    key.with_file_name(format!("{stem}.class.ron"))
}

/// The class notes of the key at `key`: the file's, or the defaults when there is none yet.
pub fn load_class_notes(key: &Path) -> Result<ClassNotes, StoreError> {
    let path = class_notes_path(key);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(ClassNotes::default()),
        Err(error) => return Err(StoreError::Io { path, action: "read", error }),
    };
    let text = super::load::text_of(&bytes, &path)?;
    let file: NotesIn = ron::from_str(text).map_err(|e| super::load::syntax(path.clone(), &e))?;
    if file.format_version > CLASS_VERSION {
        return Err(StoreError::NewerVersion { path, found: file.format_version, supported: CLASS_VERSION });
    }
    Ok(file.notes)
}

/// Writes the class notes of the key at `key` (atomically).
pub fn save_class_notes(key: &Path, notes: &ClassNotes) -> Result<(), StoreError> {
    let config = ron::ser::PrettyConfig::new().indentor("    ").new_line("\n").struct_names(false);
    let text = ron::ser::to_string_pretty(&NotesOut { format_version: CLASS_VERSION, notes }, config)?;
    super::save::write_text(&class_notes_path(key), &format!("{HEADER}{text}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_notes_round_trip_and_bad_ones_say_where() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("levy.ron");
        assert_eq!(load_class_notes(&key).unwrap(), ClassNotes::default(), "no file yet: the defaults");
        let mut notes = ClassNotes::default();
        notes.rubric.spans = 0.5;
        notes.rubric.comments = 0.5;
        notes.feedback.insert("ana.ron".to_owned(), "Good quotes; look again at the figures.".to_owned());
        save_class_notes(&key, &notes).unwrap();
        assert!(dir.path().join("levy.class.ron").is_file());
        assert_eq!(load_class_notes(&key).unwrap(), notes);
        std::fs::write(dir.path().join("levy.class.ron"), "(format_version: 1, notes: (rubric: oops))").unwrap();
        let error = load_class_notes(&key).unwrap_err().to_string();
        assert!(error.contains("levy.class.ron") && error.contains("1:"), "{error}");
        std::fs::write(dir.path().join("levy.class.ron"), "(format_version: 9, notes: ())").unwrap();
        assert!(load_class_notes(&key).unwrap_err().to_string().contains("newer"));
    }
}
