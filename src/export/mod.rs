//! Datasets out: a project (or one document) written in the formats other tools read.
//!
//! Every exporter renders its files in memory from `&Project` and hands them back as [`Output`]s; [`export`] then
//! writes each one atomically, so a failed or cancelled export never leaves half a file. Spans are stored in code
//! points; each exporter converts offsets to its format's unit with [`units::Units`] and says which unit it uses
//! in [`Format::offset_unit`].

mod brat;
mod csv_files;
pub mod destination;
mod doccano;
mod flat;
mod html;
mod ids;
mod labelstudio;
mod standoff;
pub mod units;
mod w3c;
mod webanno_tsv;
pub mod xmi;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::model::{DocId, Document, Project};
use crate::store::StoreError;

/// The formats Gloss exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// `documents.csv`, `spans.csv` and `comments.csv` in a folder.
    Csv,
    /// doccano's JSONL: a line per text with its spans and, for comments, the sentiment.
    Doccano,
    /// W3C Web Annotation JSON-LD: one AnnotationCollection.
    W3c,
    /// brat standoff: `NAME.txt` and `NAME.ann` per document, with `annotation.conf`, in a folder.
    Brat,
    /// Label Studio tasks JSON, with the labelling config beside it; offsets in code points, as Label Studio counts
    /// them since 2022.
    LabelStudio,
    /// The same for Label Studio releases from before 2022, whose editor counted UTF-16 code units.
    LabelStudioUtf16,
    /// UIMA CAS XMI for INCEpTION and DKPro Cassis: `NAME.xmi` per document and `TypeSystem.xml`, in a folder.
    Xmi,
    /// WebAnno TSV 3.3, INCEpTION's text format: `NAME.tsv` per document, in a folder.
    WebAnnoTsv,
    /// A standalone, printable HTML report.
    Html,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Self; 9] = [
        Self::Csv,
        Self::Doccano,
        Self::W3c,
        Self::Brat,
        Self::LabelStudio,
        Self::LabelStudioUtf16,
        Self::Xmi,
        Self::WebAnnoTsv,
        Self::Html,
    ];

    /// The name used on the command line (`--format`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Doccano => "doccano",
            Self::W3c => "w3c",
            Self::Brat => "brat",
            Self::LabelStudio => "labelstudio",
            Self::LabelStudioUtf16 => "labelstudio-utf16",
            Self::Xmi => "xmi",
            Self::WebAnnoTsv => "webanno-tsv",
            Self::Html => "html",
        }
    }

    /// The format named `name` on the command line.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// A title for menus and dialogs.
    pub fn title(self) -> &'static str {
        match self {
            Self::Csv => "CSV (texts, spans, comments)",
            Self::Doccano => "doccano JSONL",
            Self::W3c => "W3C Web Annotation (JSON-LD)",
            Self::Brat => "brat standoff (.txt + .ann)",
            Self::LabelStudio => "Label Studio JSON",
            Self::LabelStudioUtf16 => "Label Studio JSON, releases before 2022 (UTF-16 offsets)",
            Self::Xmi => "UIMA CAS XMI (INCEpTION, DKPro Cassis)",
            Self::WebAnnoTsv => "WebAnno TSV 3.3 (INCEpTION)",
            Self::Html => "HTML report",
        }
    }

    /// Whether the export is a folder of files rather than one file.
    pub fn writes_folder(self) -> bool {
        matches!(self, Self::Csv | Self::Brat | Self::Xmi | Self::WebAnnoTsv)
    }

    /// The extension of the file written, for formats that write one.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Self::Csv | Self::Brat | Self::Xmi | Self::WebAnnoTsv => None,
            Self::Doccano => Some("jsonl"),
            Self::W3c => Some("jsonld"),
            Self::LabelStudio | Self::LabelStudioUtf16 => Some("json"),
            Self::Html => Some("html"),
        }
    }

    /// The unit the format's offsets count; `None` for the HTML report, which has none (it shows the text).
    pub fn offset_unit(self) -> Option<&'static str> {
        match self {
            Self::Csv | Self::W3c => Some("Unicode code points of the target text (the body or one comment)"),
            Self::Doccano => Some("Unicode code points of each line's text (Python string indices)"),
            Self::Brat => Some("Unicode code points of NAME.txt"),
            Self::LabelStudio => Some("Unicode code points of each task's text (as Label Studio's editor counts them)"),
            Self::LabelStudioUtf16 => Some("UTF-16 code units of each task's text (JavaScript string indices)"),
            Self::Xmi | Self::WebAnnoTsv => {
                Some("UTF-16 code units of each document's text (Java string indices, as INCEpTION counts them)")
            }
            Self::Html => None,
        }
    }

    /// What of a project the format has no place for, in a sentence, for the export window and the README; a
    /// re-import of the file cannot bring it back.
    pub fn leaves_out(self) -> &'static str {
        match self {
            Self::Csv => {
                "Leaves out orphaned highlights, and other annotators' comment tags (it keeps the project annotator's)."
            }
            Self::Doccano => {
                "Leaves out speakers, verdicts, check-worthy, notes and times of highlights, comment dates and notes, \
                 orphaned highlights, and other annotators' comment tags."
            }
            Self::W3c => "Leaves out the texts themselves (the annotations name the documents they belong to).",
            Self::Brat => {
                "Leaves out the times of highlights, comment dates, orphaned highlights, and other annotators' \
                 comment tags."
            }
            Self::LabelStudio | Self::LabelStudioUtf16 => {
                "Leaves out speakers, verdicts, check-worthy, annotators and times of highlights, orphaned \
                 highlights, and other annotators' comment tags."
            }
            Self::Xmi | Self::WebAnnoTsv => {
                "Leaves out orphaned highlights, which comments were removed from the page, and other annotators' \
                 comment tags. INCEpTION shows a space for a control character such as a form feed (XMI cannot \
                 hold one); Gloss reads it back."
            }
            Self::Html => "A report to read: it is not read back.",
        }
    }

    /// What the format is for, in a sentence, for the export window.
    pub fn purpose(self) -> &'static str {
        match self {
            Self::Csv => "Tables of highlights and comments, for a spreadsheet, R or pandas.",
            Self::Doccano => "One JSON line for each text, for doccano's sequence labelling import.",
            Self::W3c => "W3C Web Annotations with quote and position selectors, for any tool that reads them.",
            Self::Brat => "A .txt and an .ann file for each document, for brat and INCEpTION.",
            Self::LabelStudio => "Tasks with their annotations, for Label Studio's JSON import.",
            Self::LabelStudioUtf16 => {
                "The same tasks for Label Studio releases from before 2022, which counted an emoji as two."
            }
            Self::Xmi => "A CAS per document with its type system, for INCEpTION's UIMA CAS XMI import and Python.",
            Self::WebAnnoTsv => "A WebAnno TSV 3.3 file per document, for INCEpTION's TSV import.",
            Self::Html => "A page to read and share: the articles with their highlights, and counts.",
        }
    }
}

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every document of the project.
    Project,
    /// One document.
    Document(DocId),
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The scope names a document the project does not have.
    #[error("the project has no document with id {0}")]
    NoSuchDocument(u64),
    /// The user cancelled; nothing was written.
    #[error("the export was cancelled; nothing was written")]
    Cancelled,
    /// A file could not be written.
    #[error(transparent)]
    Write(#[from] StoreError),
    /// The output folder could not be made.
    #[error(
        "{path}: {reason}",
        path = .path.display(),
        reason = crate::io_error::reason(.error, .path, crate::io_error::Access::Write, "create the folder")
    )]
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// Something was written to a file that already exists and is not a folder.
    #[error("{path} is a file; this format writes a folder", path = .path.display())]
    NotAFolder {
        /// The path given.
        path: PathBuf,
    },
    /// The export would write over something it must not; nothing was written.
    #[error("{path} {reason}; nothing was written", path = .path.display(), reason = .refusal.reason())]
    WouldReplace {
        /// The file or folder.
        path: PathBuf,
        /// Why not.
        refusal: destination::Refusal,
    },
    /// A CSV record could not be encoded.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// A JSON value could not be encoded.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl ExportError {
    /// The operating system's own words, for a details line under the message, where there are any.
    pub fn details(&self) -> Option<String> {
        match self {
            Self::Write(error) => error.details(),
            Self::Folder { error, .. } => Some(format!("create the folder: {}", crate::io_error::details(error))),
            _ => None,
        }
    }
}

/// What an exporter returns: its files, rendered and not yet written.
pub(crate) type Rendered = Result<Vec<Output>, ExportError>;

/// A file of an export, rendered and not yet written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// Where it goes: the path given, or a file name inside the folder given.
    pub path: PathBuf,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// Progress reports and the cancel flag of an export, so that a window can show a bar and a Cancel button.
pub struct Control<'a> {
    /// Set by the user to stop; checked between documents.
    pub cancel: &'a AtomicBool,
    /// Called with (documents done, documents in all).
    pub on_progress: &'a (dyn Fn(usize, usize) + Sync),
}

impl Control<'_> {
    /// A control that never cancels and reports nowhere, for tests and the command line.
    pub fn none() -> Control<'static> {
        static NEVER: AtomicBool = AtomicBool::new(false);
        Control { cancel: &NEVER, on_progress: &|_, _| {} }
    }

    /// Reports that `done` of `total` documents are rendered; fails if the user cancelled.
    fn step(&self, done: usize, total: usize) -> Result<(), ExportError> {
        (self.on_progress)(done, total);
        if self.cancel.load(Ordering::Relaxed) { Err(ExportError::Cancelled) } else { Ok(()) }
    }

    /// Runs `render` on each of `docs` in turn, reporting progress and stopping if the user cancels.
    pub(crate) fn each<'d>(
        &self,
        docs: &[&'d Document],
        mut render: impl FnMut(&'d Document) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        for (i, doc) in docs.iter().enumerate() {
            self.step(i, docs.len())?;
            render(doc)?;
        }
        self.step(docs.len(), docs.len())
    }
}

/// What an export wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The files written, in order.
    pub files: Vec<PathBuf>,
    /// Documents exported.
    pub documents: usize,
    /// Span annotations exported.
    pub spans: usize,
    /// Comments exported.
    pub comments: usize,
}

/// The documents `scope` selects.
pub fn documents(project: &Project, scope: Scope) -> Result<Vec<&Document>, ExportError> {
    match scope {
        Scope::Project => Ok(project.documents.iter().collect()),
        Scope::Document(id) => project.document(id).map(|d| vec![d]).ok_or(ExportError::NoSuchDocument(id.0)),
    }
}

/// Renders the export of `scope` in `format` for `out` without writing anything.
pub fn render(project: &Project, scope: Scope, format: Format, out: &Path, control: &Control<'_>) -> Rendered {
    render_documents(project, &documents(project, scope)?, format, out, control)
}

fn render_documents(
    project: &Project,
    docs: &[&Document],
    format: Format,
    out: &Path,
    control: &Control<'_>,
) -> Rendered {
    match format {
        Format::Csv => csv_files::render(project, docs, out, control),
        Format::Doccano => doccano::render(project, docs, out, control),
        Format::W3c => w3c::render(project, docs, out, control),
        Format::Brat => brat::render(project, docs, out, control),
        Format::LabelStudio => labelstudio::render(project, docs, out, control, units::Unit::CodePoint),
        Format::LabelStudioUtf16 => labelstudio::render(project, docs, out, control, units::Unit::Utf16),
        Format::Xmi => xmi::render(project, docs, out, control),
        Format::WebAnnoTsv => webanno_tsv::render(project, docs, out, control),
        Format::Html => html::render(project, docs, out, control),
    }
}

/// Exports `scope` of `project` as `format` to `out` (a file, or a folder for [`Format::writes_folder`]),
/// replacing only earlier exports of the format (see [`export_guarded`]).
pub fn export(
    project: &Project,
    scope: Scope,
    format: Format,
    out: &Path,
    control: &Control<'_>,
) -> Result<Report, ExportError> {
    export_guarded(project, scope, format, out, control, &destination::Guard::default())
}

/// Exports as [`export`] does, with `guard` saying which file is the project (never written over) and whether
/// files that are not earlier exports may be replaced. Every file is rendered and every destination checked
/// before the first is written, and each is written atomically.
pub fn export_guarded(
    project: &Project,
    scope: Scope,
    format: Format,
    out: &Path,
    control: &Control<'_>,
    guard: &destination::Guard,
) -> Result<Report, ExportError> {
    let docs = documents(project, scope)?;
    let outputs = render_documents(project, &docs, format, out, control)?;
    destination::check(guard, format, out, &outputs)?;
    if format.writes_folder() {
        if out.is_file() {
            return Err(ExportError::NotAFolder { path: out.to_owned() });
        }
        std::fs::create_dir_all(out).map_err(|error| ExportError::Folder { path: out.to_owned(), error })?;
    }
    for output in &outputs {
        crate::store::write_file(&output.path, &output.bytes)?;
    }
    Ok(Report {
        files: outputs.into_iter().map(|o| o.path).collect(),
        documents: docs.len(),
        spans: docs.iter().map(|d| d.spans.len()).sum(),
        comments: docs.iter().map(|d| d.comments.len()).sum(),
    })
}

/// `out`, or `out` with `extension` when the user gave no extension (`data` → `data.jsonl`).
pub fn with_extension(out: &Path, extension: &str) -> PathBuf {
    if out.extension().is_some() { out.to_owned() } else { out.with_extension(extension) }
}
