//! Opening, saving, importing and closing: the steps that may have to wait for the user (a file dialog, a typed
//! path, the "Save changes?" question).

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use super::app::{GlossApp, Pending, display_name};
use super::dialogs::{self, Answer, PathPrompt, SaveChoice};
use super::document_view::DocumentView;
use super::file_dialog::{NativeDialog, Outcome, Purpose};
use crate::edit::Command;
use crate::model::Project;

/// Said above the path field, so the user knows why no file dialog appeared.
const NO_DIALOG: &str =
    "No file dialog is available on this desktop (it needs a desktop portal or zenity). Type the path instead.";

impl GlossApp {
    /// Opens a project, or imports an article into a new project, replacing what is open without asking.
    pub(super) fn open_now(&mut self, path: &Path) {
        match super::files::open(path) {
            Ok(opened) => {
                self.editor = opened.editor;
                self.path = opened.saved.then(|| path.to_owned());
                self.new_project_dir = path.parent().map(Path::to_owned);
                self.document_view = DocumentView::for_project(self.path.as_deref());
                if opened.saved {
                    self.settings.remember(path);
                }
                let first = self.editor.project().documents.first().map(|d| d.id);
                self.view.show_document(first);
                for notice in opened.notices {
                    self.toasts.push(notice);
                }
            }
            Err(error) => self.error = Some(format!("{error:#}")),
        }
    }

    /// Runs `pending` now if nothing is unsaved, or after the user answered "Save changes?".
    pub(super) fn guard(&mut self, pending: Pending) {
        if self.editor.is_dirty() {
            self.ask_unsaved = Some(pending);
        } else {
            self.proceed(pending);
        }
    }

    /// Carries out what was waiting, now that nothing unsaved stands in the way.
    pub(super) fn proceed(&mut self, pending: Pending) {
        match pending {
            Pending::Close => self.allow_close = true,
            Pending::Open(path) => self.open_now(&path),
            Pending::ChooseProject => self.choose_file(Purpose::Open),
        }
    }

    /// Saves to the current file, or asks for one first.
    pub(super) fn save(&mut self) {
        match self.path.clone() {
            Some(path) => self.save_to(path),
            None => self.choose_file(Purpose::SaveAs),
        }
    }

    /// Saves to `path`, which becomes the project's file if the save succeeds; then carries out what waited for
    /// the save.
    fn save_to(&mut self, path: PathBuf) {
        match crate::store::save(self.editor.project(), &path) {
            Ok(()) => {
                self.editor.mark_saved();
                self.settings.remember(&path);
                self.toasts.push(format!("Saved {}", display_name(&path)));
                self.path = Some(path);
                if let Some(pending) = self.after_save.take() {
                    self.proceed(pending);
                }
            }
            Err(error) => {
                self.after_save = None;
                self.error = Some(error.to_string());
            }
        }
    }

    /// Asks for a file: the native dialog where there is one, else a path field.
    pub(super) fn choose_file(&mut self, purpose: Purpose) {
        if self.native.is_some() || self.prompt.is_some() {
            return;
        }
        let folder = self.path.as_deref().and_then(Path::parent).map(Path::to_owned).or(self.new_project_dir.clone());
        let suggested = self
            .path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| suggested_file_name(self.editor.project()), |n| n.to_string_lossy().into_owned());
        if self.native_ok {
            self.native = Some(NativeDialog::start(purpose, folder, Some(suggested)));
        } else {
            let text = match purpose {
                Purpose::SaveAs => folder.unwrap_or_default().join(suggested).display().to_string(),
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
            Purpose::Import => self.import(&paths),
            Purpose::SaveAs => {
                if let Some(mut path) = paths.into_iter().next() {
                    if path.extension().is_none() {
                        path.set_extension("ron");
                    }
                    self.save_to(path);
                }
            }
        }
    }

    /// Adds the articles in `paths` to the project, each as one undoable command.
    pub(super) fn import(&mut self, paths: &[PathBuf]) {
        let mut failures = Vec::new();
        for path in paths {
            match crate::import::extract_file(path) {
                Ok(article) => {
                    self.toasts.push(format!("Imported {}", article.summary()));
                    self.outbox.commands.push(Command::AddDocument {
                        index: usize::MAX,
                        document: Box::new(article.into_document()),
                        fresh_ids: true,
                    });
                }
                Err(error) => failures.push(error.to_string()),
            }
        }
        if !failures.is_empty() {
            self.error = Some(failures.join("\n"));
        }
    }

    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        if let Some(native) = &self.native
            && let Some(outcome) = native.poll()
        {
            self.native = None;
            match outcome {
                Outcome::Chosen(purpose, paths) => self.chosen(purpose, paths),
                Outcome::Cancelled => self.after_save = None,
                Outcome::Unavailable(purpose) => {
                    self.native_ok = false;
                    self.prompt = Some(PathPrompt::new(purpose, String::new(), Some(NO_DIALOG.to_owned())));
                }
            }
        } else if self.native.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some(prompt) = &mut self.prompt {
            match prompt.ui(ctx) {
                Answer::Pending => {}
                Answer::Done(path) => {
                    let purpose = prompt.purpose;
                    self.prompt = None;
                    self.chosen(purpose, vec![path]);
                }
                Answer::Cancelled => {
                    self.prompt = None;
                    self.after_save = None;
                }
            }
        }
        if let Some(pending) = &self.ask_unsaved {
            match dialogs::unsaved_ui(ctx, &self.display_name()) {
                Answer::Pending => {}
                Answer::Done(SaveChoice::Discard) => {
                    let pending = pending.clone();
                    self.ask_unsaved = None;
                    self.proceed(pending);
                }
                Answer::Done(SaveChoice::Save) => {
                    self.after_save = Some(pending.clone());
                    self.ask_unsaved = None;
                    self.save();
                }
                Answer::Cancelled => self.ask_unsaved = None,
            }
        }
        if let Some(message) = &self.error
            && dialogs::error_ui(ctx, message)
        {
            self.error = None;
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.editor.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.ask_unsaved = Some(Pending::Close);
        }
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        if dropped.is_empty() {
            return;
        }
        let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) =
            dropped.into_iter().partition(|p| super::files::is_project_path(p));
        if let Some(project) = projects.into_iter().next() {
            self.guard(Pending::Open(project));
        }
        if !articles.is_empty() {
            self.import(&articles);
        }
    }
}

/// A file name made from the project name, for "Save as".
fn suggested_file_name(project: &Project) -> String {
    let stem: String =
        project.name.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    let words: Vec<&str> = stem.split('-').filter(|w| !w.is_empty()).collect();
    let stem: String = words.join("-").chars().take(60).collect();
    format!("{}.ron", if stem.is_empty() { "project" } else { &stem })
}
