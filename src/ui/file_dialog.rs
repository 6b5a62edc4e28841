//! Choosing files: the desktop's native dialog (through rfd) where there is one, otherwise a path field.
//!
//! On Linux the native dialog needs a desktop portal (or zenity). A bare X display has neither, and rfd then
//! returns "no file" at once, just as if the user had cancelled. The app therefore checks for a session bus
//! first, and treats a dialog that "closes" faster than a person could cancel it as missing, and falls back to
//! typing a path.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::export::Format;

/// What the chosen file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Open a project.
    Open,
    /// Import article files into the project.
    Import,
    /// Import every article in a folder.
    ImportFolder,
    /// Save the project under a new name.
    SaveAs,
    /// Write the label schema to a file.
    ExportSchema,
    /// Read a label schema from a file.
    ImportSchema,
    /// Write a dataset in this format.
    Export(Format),
    /// Choose students' projects (or a folder of them) to compare with the key.
    CompareStudents,
    /// Choose other annotators' projects (or a folder of them) to measure agreement with.
    AgreeWith,
    /// Choose other people's projects (or a folder of them) to merge into the open one.
    MergeFrom,
    /// Write an exercise made from the open project.
    Exercise,
    /// Choose the newer version of this document's article.
    UpdateFrom(crate::model::DocId),
}

impl Purpose {
    /// Title of the dialog.
    pub fn title(self) -> &'static str {
        match self {
            Self::Open => "Open project",
            Self::Import => "Import articles",
            Self::ImportFolder => "Import a folder of articles",
            Self::SaveAs => "Save project as",
            Self::ExportSchema => "Export labels",
            Self::ImportSchema => "Load labels",
            Self::Export(format) if format.writes_folder() => "Export into a folder",
            Self::Export(_) => "Export to a file",
            Self::CompareStudents => "Students' projects to compare with the key",
            Self::AgreeWith => "Other annotators' projects",
            Self::MergeFrom => "Projects to merge into this one",
            Self::Exercise => "Save the exercise as",
            Self::UpdateFrom(_) => "The newer version of the article",
        }
    }

    /// Label of the confirming button.
    pub fn verb(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::Import | Self::ImportFolder => "Import",
            Self::SaveAs | Self::ExportSchema => "Save",
            Self::ImportSchema => "Load",
            Self::Export(_) => "Export",
            Self::CompareStudents => "Compare",
            Self::AgreeWith => "Measure",
            Self::MergeFrom => "Merge",
            Self::Exercise => "Save",
            Self::UpdateFrom(_) => "Update",
        }
    }
}

/// The extensions of the article files Gloss imports.
const ARTICLES: [&str; 12] = ["html", "htm", "txt", "md", "json", "jsonl", "jsonld", "csv", "gz", "ann", "xmi", "tsv"];

/// How a native dialog ended.
pub enum Outcome {
    /// The user chose these files.
    Chosen(Purpose, Vec<PathBuf>),
    /// The user cancelled.
    Cancelled,
    /// No native dialog could be shown; the caller offers a path field.
    Unavailable(Purpose),
}

/// A native file dialog running on its own thread, so that the window keeps drawing meanwhile.
pub struct NativeDialog {
    purpose: Purpose,
    receiver: Receiver<Option<Vec<PathBuf>>>,
    started: Instant,
}

/// Faster than this, a dialog that returned nothing was never shown.
const HUMAN_CANCEL: Duration = Duration::from_millis(300);

/// Whether this desktop can show native dialogs at all.
pub fn native_available() -> bool {
    if cfg!(target_os = "linux") {
        let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
            || std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|dir| PathBuf::from(dir).join("bus").exists());
        let zenity = std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file()));
        bus || zenity
    } else {
        true
    }
}

impl NativeDialog {
    /// Opens the native dialog for `purpose`, starting in `folder` and proposing `name` when saving.
    pub fn start(purpose: Purpose, folder: Option<PathBuf>, name: Option<String>) -> Self {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new().set_title(purpose.title());
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let chosen = match purpose {
                Purpose::Open => dialog.add_filter("Gloss project", &["ron"]).pick_file().map(|p| vec![p]),
                Purpose::Import => {
                    dialog.add_filter("Articles", &ARTICLES).add_filter("All files", &["*"]).pick_files()
                }
                Purpose::UpdateFrom(_) => dialog
                    .add_filter("Articles", &ARTICLES)
                    .add_filter("All files", &["*"])
                    .pick_file()
                    .map(|p| vec![p]),
                Purpose::ImportFolder => dialog.pick_folder().map(|p| vec![p]),
                Purpose::ExportSchema => dialog
                    .add_filter("Gloss labels", &["ron"])
                    .set_file_name("labels.gloss-labels.ron")
                    .save_file()
                    .map(|p| vec![p]),
                Purpose::ImportSchema => dialog.add_filter("Gloss labels", &["ron"]).pick_file().map(|p| vec![p]),
                Purpose::CompareStudents | Purpose::AgreeWith | Purpose::MergeFrom => {
                    dialog.add_filter("Gloss projects", &["ron"]).pick_files()
                }
                Purpose::Export(format) => match format.extension() {
                    None => dialog.pick_folder().map(|p| vec![p]),
                    Some(extension) => dialog
                        .add_filter(format.title(), &[extension])
                        .set_file_name(format!("{}.{extension}", name.as_deref().unwrap_or("export")))
                        .save_file()
                        .map(|p| vec![p]),
                },
                Purpose::Exercise => dialog
                    .add_filter("Gloss project", &["ron"])
                    .set_file_name(format!(
                        "{}-exercise.ron",
                        name.as_deref().unwrap_or("project").trim_end_matches(".ron")
                    ))
                    .save_file()
                    .map(|p| vec![p]),
                Purpose::SaveAs => dialog
                    .add_filter("Gloss project", &["ron"])
                    .set_file_name(name.unwrap_or_else(|| "project.ron".to_owned()))
                    .save_file()
                    .map(|p| vec![p]),
            };
            // The window may have closed meanwhile; then nobody listens and that is fine.
            let _ = sender.send(chosen);
        });
        Self { purpose, receiver, started: Instant::now() }
    }

    /// The outcome, once the dialog has closed.
    pub fn poll(&self) -> Option<Outcome> {
        match self.receiver.try_recv() {
            Ok(Some(paths)) if !paths.is_empty() => Some(Outcome::Chosen(self.purpose, paths)),
            Ok(_) if self.started.elapsed() < HUMAN_CANCEL => Some(Outcome::Unavailable(self.purpose)),
            Ok(_) => Some(Outcome::Cancelled),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Outcome::Unavailable(self.purpose)),
        }
    }
}
