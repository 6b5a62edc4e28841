//! Opening, saving, importing and closing: the steps that may have to wait for the user (a file dialog, a typed
//! path, the "Save changes?" question), and what opening a project gives.

use std::path::{Path, PathBuf};

use anyhow::Result;
use egui::ViewportCommand;

use super::{GlossApp, Pending, display_name};
use crate::edit::Command;
use crate::model::Project;
use crate::session::{Opening, Session};
use crate::ui::document_view::DocumentView;
use crate::ui::file_dialog::{NativeDialog, Outcome, Purpose};
use crate::ui::jobs::export::Request;
use crate::ui::jobs::open::open;
use crate::ui::windows::error_note::ErrorNote;
use crate::ui::windows::path_prompt::PathPrompt;

/// Said above the path field, so the user knows why no file dialog appeared.
const NO_DIALOG: &str =
    "No file dialog is available on this desktop (it needs a desktop portal or zenity). Type the path instead.";

/// Whether `path` names a project rather than an article.
fn is_project_path(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
}

impl GlossApp {
    /// Opens a project, or imports an article into a new project, replacing what is open without asking.
    pub(super) fn open_now(&mut self, path: &Path) {
        if !is_project_path(path) {
            self.install(Session::untitled(Project::new("Untitled"), self.data_dir.clone()));
            self.new_project_dir = path.parent().map(Path::to_owned);
            self.name_project_after_import = true;
            self.import(&[path.to_owned()]);
            return;
        }
        if is_shipped_sample(path) {
            self.open_sample();
            return;
        }
        let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
        if bytes >= self.background_bytes {
            // A big project is read on a thread; the workspace is empty meanwhile, so nothing is edited that the
            // opened project would then replace.
            self.install(Session::untitled(Project::new("Opening…"), None));
            self.jobs.open(path.to_owned(), bytes);
            return;
        }
        let opened = open(path, self.data_dir.as_deref());
        self.finish_open(path, opened);
    }

    /// Replaces what is open with an empty project that has the standard labels and no file yet; its edits are
    /// journaled in the data folder from the first one, like every project without a file.
    fn new_project(&mut self) {
        self.install(Session::untitled(Project::new("Untitled"), self.data_dir.clone()));
        self.new_project_dir = None;
        self.name_project_after_import = true;
        self.toasts.push("A new project. Import articles (Ctrl+I), paste text or drop files to begin.");
    }

    /// Opens the sample project that ships with Gloss as the user's own copy in the data folder (made on first
    /// use), so that saving never writes over the shipped file; without a data folder, as a project with no file.
    pub(super) fn open_sample(&mut self) {
        let Some(shipped) = crate::ui::settings::sample_project() else { return };
        if let Some(dir) = self.data_dir.clone() {
            let copy = dir.join("sample.ron");
            let ready =
                copy.is_file() || std::fs::create_dir_all(&dir).and_then(|()| std::fs::copy(&shipped, &copy)).is_ok();
            if ready {
                self.toasts.push(format!(
                    "This is your own copy of the sample project ({}); the one that ships with Gloss stays as it is.",
                    copy.display()
                ));
                let opened = open(&copy, Some(&dir));
                self.finish_open(&copy, opened);
                return;
            }
        }
        match crate::store::load(&shipped) {
            Ok(project) => {
                self.install(Session::untitled(project, self.data_dir.clone()));
                self.new_project_dir = None;
            }
            Err(error) => self.error = Some(ErrorNote::about("open", &shipped, &error.to_string(), error.details())),
        }
    }

    /// Opens what the window was started with, and offers what a Gloss that stopped left unsaved; on the first
    /// frame, once the builder has set the data folder.
    pub(super) fn start_ui(&mut self) {
        let Some(file) = self.start.take() else { return };
        if let Some(dir) = &self.data_dir {
            self.safety.orphans = crate::session::orphans(dir);
        }
        match file.or_else(|| self.settings.last_project.clone().filter(|p| p.is_file())) {
            Some(path) => self.open_now(&path),
            None => self.open_sample(),
        }
    }

    /// Runs `pending` now if nothing is unsaved, or after the user answered "Save changes?".
    pub(super) fn guard(&mut self, pending: Pending) {
        self.safety.discard_on_replace = false;
        if self.session.is_dirty() {
            self.ask_unsaved = Some(pending);
        } else {
            self.proceed(pending);
        }
    }

    /// Carries out what was waiting, now that nothing unsaved stands in the way.
    pub(super) fn proceed(&mut self, pending: Pending) {
        match pending {
            Pending::Close => self.allow_close = true,
            Pending::New => self.new_project(),
            Pending::Open(path) => self.open_now(&path),
            Pending::ChooseProject => self.choose_file(Purpose::Open),
        }
    }

    /// Saves to the current file, or asks for one first.
    pub(super) fn save(&mut self) {
        if self.session.is_read_only() || self.session.file().is_none() {
            self.choose_file(Purpose::SaveAs);
            return;
        }
        let result = self.session.save();
        let path = self.session.file().map(Path::to_owned);
        self.after_saving(path.as_deref(), result);
    }

    /// Saves to `path`, which becomes the project's file if the save succeeds; then carries out what waited for
    /// the save.
    fn save_to(&mut self, path: &Path) {
        let result = self.session.save_as(path);
        if result.is_ok() {
            self.document_view = DocumentView::for_project(self.session.file());
        }
        self.after_saving(Some(path), result);
    }

    /// Asks for a file: the native dialog where there is one, else a path field.
    pub(super) fn choose_file(&mut self, purpose: Purpose) {
        if self.native.is_some() || self.prompt.is_some() {
            return;
        }
        let folder = self.session.file().and_then(Path::parent).map(Path::to_owned).or(self.new_project_dir.clone());
        let mut suggested = self
            .session
            .file()
            .and_then(Path::file_name)
            .map_or_else(|| suggested_file_name(self.session.project()), |n| n.to_string_lossy().into_owned());
        if let Purpose::Export(format) = purpose {
            // "levy.ron" exports as "levy.jsonld", or into a folder "levy-brat".
            let stem = Path::new(&suggested).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            suggested = match format.extension() {
                Some(_) => stem,
                None => format!("{stem}-{}", format.name()),
            };
        }
        if self.native_ok {
            self.native = Some(NativeDialog::start(purpose, folder, Some(suggested)));
        } else {
            let text = match purpose {
                Purpose::SaveAs => folder.unwrap_or_default().join(suggested).display().to_string(),
                Purpose::ExportSchema => {
                    folder.unwrap_or_default().join("labels.gloss-labels.ron").display().to_string()
                }
                Purpose::Export(format) => {
                    let name = format.extension().map_or_else(|| suggested.clone(), |e| format!("{suggested}.{e}"));
                    folder.unwrap_or_default().join(name).display().to_string()
                }
                _ => folder.map(|f| format!("{}/", f.display())).unwrap_or_default(),
            };
            self.prompt = Some(PathPrompt::new(purpose, text, Some(NO_DIALOG.to_owned())));
        }
    }

    pub(super) fn chosen(&mut self, purpose: Purpose, paths: Vec<PathBuf>) {
        match purpose {
            Purpose::Open => {
                if let Some(path) = paths.into_iter().next() {
                    self.guard(Pending::Open(path));
                }
            }
            Purpose::Import | Purpose::ImportFolder => self.import(&paths),
            Purpose::MergeFrom => self.merge_from(paths),
            Purpose::UpdateFrom(doc) => {
                if let Some(path) = paths.into_iter().next() {
                    self.update_from(doc, path);
                }
            }
            Purpose::Exercise => {
                if let Some(path) = paths.into_iter().next() {
                    self.write_exercise(path);
                }
            }
            Purpose::AgreeWith => {
                let project = self.session.project().clone();
                let file = self.session.file().map(Path::to_owned);
                if !self.jobs.agree(project, file, paths) {
                    self.toasts.push("Agreement is being measured already".to_owned());
                }
            }
            Purpose::CompareStudents => {
                let key = self.session.project().clone();
                let file = self.session.file().map(Path::to_owned);
                if !self.jobs.compare(key, file, paths) {
                    self.toasts.push("A class is being compared already".to_owned());
                }
            }
            Purpose::SaveAs => {
                if let Some(mut path) = paths.into_iter().next() {
                    if path.extension().is_none() {
                        path.set_extension("ron");
                    }
                    self.save_to(&path);
                }
            }
            Purpose::ExportSchema => {
                if let Some(path) = paths.into_iter().next() {
                    match crate::store::save_schema(&self.session.project().schema, &path) {
                        Ok(()) => self.toasts.push(format!("Labels written to {}", display_name(&path))),
                        Err(error) => {
                            self.error = Some(ErrorNote::about(
                                "write the labels to",
                                &path,
                                &error.to_string(),
                                error.details(),
                            ));
                        }
                    }
                }
            }
            Purpose::Export(format) => {
                if let Some(path) = paths.into_iter().next() {
                    self.start_export(format, path);
                }
            }
            Purpose::ImportSchema => {
                if let Some(path) = paths.into_iter().next() {
                    match crate::store::load_schema(&path) {
                        Ok(schema) => {
                            let adopted = crate::edit::schema::adopt(self.session.project(), schema);
                            self.edit(Command::SetSchema { schema: Box::new(adopted.schema) });
                            let mut notice = format!("Labels loaded from {}", display_name(&path));
                            if !adopted.kept.is_empty() {
                                notice.push_str(&format!(
                                    "; kept {} that this project uses and the file lacks",
                                    adopted.kept.join(", ")
                                ));
                            }
                            self.toasts.push(notice);
                        }
                        Err(error) => {
                            let (message, details) = (error.to_string(), error.details());
                            self.error = Some(ErrorNote::about("load the labels from", &path, &message, details));
                        }
                    }
                }
            }
        }
    }

    /// Imports the articles in `paths` (files or folders) in the background; they join the project when all are
    /// read, as one undoable step.
    pub(super) fn import(&mut self, paths: &[PathBuf]) {
        self.jobs.import(paths);
    }

    /// Asks for an export, in the background, of what the export window chose, to `out`.
    fn start_export(&mut self, format: crate::export::Format, out: PathBuf) {
        self.windows.export.open = false;
        let scope = match self.selection.doc() {
            Some(doc) if !self.windows.export.whole_project => crate::export::Scope::Document(doc),
            _ => crate::export::Scope::Project,
        };
        if !self.jobs.export(Request { format, out, scope, replace: false }) {
            self.toasts.push("An export is still running.");
        }
    }

    /// Puts an opened project in place, asks what the user wants where its journal or another window stand in
    /// the way, or says why it could not be opened.
    pub(super) fn finish_open(&mut self, path: &Path, opened: Result<Opening>) {
        match opened {
            Ok(Opening::Ready(session)) => self.install(session),
            Ok(Opening::Recover(recovery)) => self.safety.recovery = Some(recovery),
            Ok(Opening::InUse(in_use)) => self.safety.in_use = Some(in_use),
            Err(error) => {
                let details = error
                    .downcast_ref::<crate::session::SessionError>()
                    .and_then(crate::session::SessionError::details);
                self.error = Some(ErrorNote::about("open", path, &format!("{error:#}"), details));
            }
        }
    }

    /// Makes `session` the open project and shows its first document.
    pub(super) fn install(&mut self, session: Session) {
        self.replace_session(session);
        let path = self.session.file().map(Path::to_owned);
        self.new_project_dir =
            path.as_deref().and_then(Path::parent).map(Path::to_owned).or(self.new_project_dir.take());
        self.document_view = DocumentView::for_project(path.as_deref());
        if let Some(path) = path.filter(|_| !self.session.is_read_only()) {
            self.settings.remember(&path);
        }
        let first = self.session.project().documents.first().map(|d| d.id);
        self.selection.show_document(first);
        if !self.session.project().conflicts.is_empty() {
            // A git merge left things to decide: they are the first thing to see.
            self.windows.open_window(crate::ui::actions::Action::MergeConflicts);
        }
    }

    /// Takes in the answer of a native file dialog, once it has one.
    pub(super) fn poll_native_dialog(&mut self, egui: &egui::Context) {
        let Some(native) = &self.native else { return };
        let Some(outcome) = native.poll() else {
            egui.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        self.native = None;
        match outcome {
            Outcome::Chosen(purpose, paths) => self.chosen(purpose, paths),
            Outcome::Cancelled => self.after_save = None,
            Outcome::Unavailable(purpose) => {
                self.native_ok = false;
                self.prompt = Some(PathPrompt::new(purpose, String::new(), Some(NO_DIALOG.to_owned())));
            }
        }
    }

    /// Makes a new document of what is on the clipboard: the HTML a browser put there if there is some, else
    /// the text (`text`, when the paste event already carried it).
    pub(super) fn paste(&mut self, text: Option<String>) {
        let html = arboard::Clipboard::new().and_then(|mut c| c.get().html()).ok().filter(|h| !h.trim().is_empty());
        let text = text.or_else(|| arboard::Clipboard::new().and_then(|mut c| c.get_text()).ok());
        let mut article = match (html, text) {
            (Some(html), _) => crate::import::html::extract(&html),
            (None, Some(text)) if !text.trim().is_empty() => {
                crate::import::plain::extract(&crate::import::normalize_newlines(&text))
            }
            _ => {
                self.toasts.push("The clipboard holds no text.");
                return;
            }
        };
        article.metadata.extra.insert("source".to_owned(), "clipboard".to_owned());
        // A project that begins with pasted text keeps its name rather than take that of a later import.
        self.name_project_after_import = false;
        self.toasts.push(format!("Pasted as a new document: {}", article.summary()));
        self.edit(Command::AddDocument {
            index: usize::MAX,
            document: Box::new(article.into_document()),
            fresh_ids: true,
        });
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.session.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.ask_unsaved = Some(Pending::Close);
        }
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        if dropped.is_empty() {
            return;
        }
        let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) = dropped.into_iter().partition(|p| is_project_path(p));
        if let Some(project) = projects.into_iter().next() {
            self.guard(Pending::Open(project));
        }
        if !articles.is_empty() && !self.ask_about_drop(&articles) {
            self.import(&articles);
        }
    }
}

/// Whether `path` is the sample project that ships with Gloss (which is never edited in place).
fn is_shipped_sample(path: &Path) -> bool {
    crate::ui::settings::sample_project()
        .is_some_and(|shipped| crate::store::real_path(&shipped) == crate::store::real_path(path))
}

/// A file name made from the project name, for "Save as".
fn suggested_file_name(project: &Project) -> String {
    let stem: String =
        project.name.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    let words: Vec<&str> = stem.split('-').filter(|w| !w.is_empty()).collect();
    let stem: String = words.join("-").chars().take(60).collect();
    format!("{}.ron", if stem.is_empty() { "project" } else { &stem })
}
