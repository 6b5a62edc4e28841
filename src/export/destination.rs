//! Where an export may write: never over the project it exports, and over an existing file or folder only when
//! that is an earlier export of the same format, unless the user says so. Every path is judged by where it
//! really leads, with symbolic links and `..` resolved.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::store::real_path;

use super::{ExportError, Format, Output};

/// What an export may replace.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Guard {
    /// The project file being exported: never written over, whatever else is allowed.
    pub project_file: Option<PathBuf>,
    /// Replace existing files and folders that are not earlier exports of the format (the user said so).
    pub force: bool,
}

/// Why a path may not be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// It is the project file being exported.
    TheProject,
    /// It is a Gloss project (another one).
    AProject,
    /// It is a file that is not an earlier export of the format.
    NotAnExport(Format),
    /// It is a folder that holds other things than an earlier export of the format.
    NotAnExportFolder(Format),
    /// It is a folder where the format writes a file.
    AFolder,
}

impl Refusal {
    /// Whether the user may still choose to replace it.
    pub fn can_force(self) -> bool {
        !matches!(self, Self::TheProject | Self::AFolder)
    }

    /// Says why, to follow "PATH ".
    pub fn reason(self) -> String {
        match self {
            Self::TheProject => "is the project being exported".to_owned(),
            Self::AProject => "is a Gloss project".to_owned(),
            Self::NotAnExport(format) => format!("exists and is not an earlier {} export", format.name()),
            Self::NotAnExportFolder(format) => {
                format!("is a folder of other files, not an earlier {} export", format.name())
            }
            Self::AFolder => "is a folder; this format writes a file".to_owned(),
        }
    }
}

/// Checks every file an export would write (and, for folder formats, the folder) before anything is written.
pub fn check(guard: &Guard, format: Format, out: &Path, outputs: &[Output]) -> Result<(), ExportError> {
    let project = guard.project_file.as_deref().map(real_path);
    let refuse = |path: &Path, refusal: Refusal| ExportError::WouldReplace { path: path.to_owned(), refusal };
    if format.writes_folder() && out.is_dir() {
        let ours = outputs.iter().any(|o| o.path.exists() && earlier_export(format, &o.path));
        let empty = std::fs::read_dir(out).is_ok_and(|mut entries| entries.next().is_none());
        if !ours && !empty && !guard.force {
            return Err(refuse(out, Refusal::NotAnExportFolder(format)));
        }
    }
    for output in outputs {
        let path = &output.path;
        let real = real_path(path);
        if project.as_deref() == Some(real.as_path()) {
            return Err(refuse(path, Refusal::TheProject));
        }
        let Ok(metadata) = std::fs::metadata(&real) else { continue };
        if metadata.is_dir() {
            return Err(refuse(path, Refusal::AFolder));
        }
        if guard.force || metadata.len() == 0 {
            continue;
        }
        if is_project(&real) {
            return Err(refuse(path, Refusal::AProject));
        }
        if !earlier_export(format, &real) {
            return Err(refuse(path, Refusal::NotAnExport(format)));
        }
    }
    Ok(())
}

/// Whether the file is a Gloss project: named `.ron`, or saying `format_version` near its top.
fn is_project(path: &Path) -> bool {
    let ron = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    ron || head(path, 4096).contains("format_version")
}

/// The first `limit` bytes of a file, as text.
fn head(path: &Path, limit: u64) -> String {
    let mut bytes = Vec::new();
    if let Ok(file) = std::fs::File::open(path) {
        let _ = file.take(limit).read_to_end(&mut bytes);
    }
    String::from_utf8_lossy(&bytes).trim_start_matches('\u{feff}').to_owned()
}

/// The first line of a file (up to 64 MB), as text.
fn first_line(path: &Path) -> String {
    let mut line = Vec::new();
    if let Ok(file) = std::fs::File::open(path) {
        let _ = BufReader::new(file.take(64 << 20)).read_until(b'\n', &mut line);
    }
    String::from_utf8_lossy(&line).trim_start_matches('\u{feff}').to_owned()
}

/// Whether the existing file at `path` is what an export in `format` writes there: recognised by its content,
/// whichever tool wrote it (an earlier export, or the same format from elsewhere that the user chose to replace
/// by exporting to its name).
pub fn earlier_export(format: Format, path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    match format {
        Format::Csv => crate::import::datasets::gloss_csv::is_dataset_header(&head(path, 256)),
        Format::Doccano => {
            let line = first_line(path);
            let object = serde_json::from_str::<serde_json::Value>(&line).ok();
            object.is_some_and(|o| o.get("text").is_some_and(serde_json::Value::is_string))
        }
        Format::W3c => head(path, 4096).contains("ns/anno.jsonld"),
        Format::LabelStudio | Format::LabelStudioUtf16 if name.ends_with(".config.xml") => {
            head(path, 256).starts_with("<View")
        }
        Format::LabelStudio | Format::LabelStudioUtf16 => {
            let top = head(path, 4096);
            top.starts_with('[') && (top.contains("\"data\"") || top.trim() == "[]")
        }
        Format::Brat if name.ends_with(".conf") => head(path, 4096).lines().any(is_brat_section),
        Format::Brat if name == crate::import::datasets::brat::DOCUMENTS_FILE => {
            head(path, 64).trim_start().starts_with('{')
        }
        Format::Brat if name.ends_with(".ann") => complete_lines(path, 4096).iter().all(|l| is_standoff_line(l)),
        // A text beside its annotations, in a folder of brat's configuration.
        Format::Brat => path.with_extension("ann").is_file() || path.with_file_name("annotation.conf").is_file(),
        Format::Xmi | Format::WebAnnoTsv if name == crate::import::datasets::brat::DOCUMENTS_FILE => {
            head(path, 64).trim_start().starts_with('{')
        }
        Format::Xmi | Format::WebAnnoTsv if name == super::xmi::TYPE_SYSTEM_FILE.to_lowercase() => {
            head(path, 4096).contains("<typeSystemDescription")
        }
        Format::Xmi => head(path, 4096).contains("http://www.omg.org/XMI"),
        Format::WebAnnoTsv => head(path, 64).starts_with("#FORMAT=WebAnno TSV"),
        Format::Html => head(path, 4096).contains(GENERATOR),
    }
}

/// The line the HTML report carries in its head, by which a later export recognises it.
pub const GENERATOR: &str = "<meta name=\"generator\" content=\"Gloss\">";

/// A section header of brat's configuration files: `[entities]`, `[labels]`, `[drawing]` …
fn is_brat_section(line: &str) -> bool {
    line.trim()
        .strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .is_some_and(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase()))
}

/// The lines within the first `limit` bytes of a file, without a last line that the limit cuts.
fn complete_lines(path: &Path, limit: u64) -> Vec<String> {
    let text = head(path, limit);
    let cut = std::fs::metadata(path).is_ok_and(|m| m.len() > limit);
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if cut {
        lines.pop();
    }
    lines
}

/// A line of a brat `.ann` file: empty, or an id of a known kind followed by a tab.
fn is_standoff_line(line: &str) -> bool {
    line.trim().is_empty()
        || line.split_once('\t').is_some_and(|(id, _)| id.starts_with(['T', 'A', 'M', 'R', 'E', 'N', '#', '*']))
}
