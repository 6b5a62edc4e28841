//! The project file format: a versioned RON document whose first field is `format_version`.

use serde::{Deserialize, Serialize};

use crate::model::{Conflict, Document, Exercise, IdAllocator, LabelSchema, Project, Rejection};

/// The format version this build writes; it reads this one and every older one.
pub const CURRENT_VERSION: u32 = 8;

/// Written above the data so that someone opening the file in an editor knows what it is.
pub const FILE_HEADER: &str = "// Gloss project file. Format: see README.md, \"The project file\".\n";

/// The file as written: the version first, then the project.
#[derive(Serialize)]
pub(crate) struct FileOut<'a> {
    pub format_version: u32,
    pub name: &'a str,
    pub annotator: &'a str,
    pub next_id: IdAllocator,
    pub schema: &'a LabelSchema,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exercise: Option<&'a Exercise>,
    #[serde(skip_serializing_if = "<[Conflict]>::is_empty")]
    pub conflicts: &'a [Conflict],
    #[serde(skip_serializing_if = "<[Rejection]>::is_empty")]
    pub rejected: &'a [Rejection],
    pub documents: &'a [Document],
}

/// The file as read, in the current version.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "GlossProject")]
pub(crate) struct FileIn {
    #[allow(dead_code, reason = "checked before the whole file is parsed")]
    pub format_version: u32,
    pub name: String,
    #[serde(default)]
    pub annotator: String,
    pub next_id: IdAllocator,
    pub schema: LabelSchema,
    #[serde(default)]
    pub exercise: Option<Exercise>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    #[serde(default)]
    pub rejected: Vec<Rejection>,
    #[serde(default)]
    pub documents: Vec<Document>,
}

impl<'a> FileOut<'a> {
    pub fn new(project: &'a Project) -> Self {
        Self {
            format_version: CURRENT_VERSION,
            name: &project.name,
            annotator: &project.annotator,
            next_id: project.next_id,
            schema: &project.schema,
            exercise: project.exercise.as_ref(),
            conflicts: &project.conflicts,
            rejected: &project.rejected,
            documents: &project.documents,
        }
    }
}

impl From<FileIn> for Project {
    fn from(file: FileIn) -> Self {
        Self {
            name: file.name,
            annotator: file.annotator,
            next_id: file.next_id,
            schema: file.schema,
            documents: file.documents,
            exercise: file.exercise,
            conflicts: file.conflicts,
            rejected: file.rejected,
        }
    }
}

/// Finds the value of the `format_version` field by scanning the text, without parsing the rest, so that a file
/// from a newer Gloss is recognised as such even when the rest uses syntax this build does not know.
pub(crate) fn scan_version(text: &str) -> Option<u32> {
    let mut rest = text;
    while let Some(at) = rest.find("format_version") {
        let after = rest[at + "format_version".len()..].trim_start();
        if let Some(value) = after.strip_prefix(':') {
            let value = value.trim_start();
            let digits: &str = &value[..value.find(|c: char| !c.is_ascii_digit()).unwrap_or(value.len())];
            return digits.parse().ok();
        }
        rest = &rest[at + 1..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::scan_version;

    #[test]
    fn finds_the_version_field() {
        assert_eq!(scan_version("(\n    format_version: 7,\n name: \"x\")"), Some(7));
        assert_eq!(scan_version("// format_version is first\n(format_version:2)"), Some(2));
        assert_eq!(scan_version("(name: \"x\")"), None);
        assert_eq!(scan_version("(format_version: \"one\")"), None);
    }
}
