//! The application: owns the editor and the UI state, lays out the panels, and applies the commands the views
//! emit at the end of each frame.

use std::path::{Path, PathBuf};

use egui::{CentralPanel, Panel, Ui, ViewportCommand};

use super::dialogs::{self, Answer, PathPrompt, SaveChoice};
use super::document_view::{DocumentView, ViewInput};
use super::file_dialog::{NativeDialog, Outcome, Purpose, native_available};
use super::settings::{Settings, sample_project};
use super::state::ViewState;
use super::toasts::Toasts;
use super::{documents_panel, inspector, menu};
use crate::edit::{Command, Editor};
use crate::model::{Document, Project};

/// Commands and requests the views emit during a frame; the app carries them out once the frame is drawn.
#[derive(Default)]
pub struct Outbox {
    /// Edits to apply, in order.
    pub commands: Vec<Command>,
    /// End the current run of merged text edits.
    pub seal: bool,
    /// Actions asked for by menus and buttons.
    pub actions: Vec<super::actions::Action>,
    /// A document to show.
    pub show_document: Option<crate::model::DocId>,
}

/// Something that has to wait for an answer to "Save changes?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Pending {
    /// Close the window.
    Close,
    /// Open this project.
    Open(PathBuf),
    /// Let the user choose a project to open.
    ChooseProject,
}

/// The Gloss window.
pub struct GlossApp {
    pub(super) editor: Editor,
    pub(super) path: Option<PathBuf>,
    pub(super) view: ViewState,
    document_view: DocumentView,
    pub(super) outbox: Outbox,
    native: Option<NativeDialog>,
    native_ok: bool,
    prompt: Option<PathPrompt>,
    ask_unsaved: Option<Pending>,
    after_save: Option<Pending>,
    error: Option<String>,
    pub(super) toasts: Toasts,
    pub(super) settings: Settings,
    allow_close: bool,
    window_title: String,
    /// Where "Save as" proposes to put a project that has no file yet: beside the article it came from.
    new_project_dir: Option<PathBuf>,
}

impl GlossApp {
    /// The app as it starts: with `file` if given, else the last project, else the sample project.
    pub fn new(storage: Option<&dyn eframe::Storage>, file: Option<PathBuf>) -> Self {
        let settings = Settings::load(storage);
        let mut app = Self::with_settings(settings);
        let start = file.or_else(|| app.settings.last_project.clone().filter(|p| p.is_file())).or_else(sample_project);
        if let Some(path) = start {
            app.open_now(&path);
        }
        app
    }

    /// An app with an empty, unsaved project and no remembered settings.
    pub fn with_settings(settings: Settings) -> Self {
        Self {
            editor: Editor::new(Project::new("Untitled"), true),
            path: None,
            view: ViewState::default(),
            document_view: DocumentView::default(),
            outbox: Outbox::default(),
            native: None,
            native_ok: native_available(),
            prompt: None,
            ask_unsaved: None,
            after_save: None,
            error: None,
            toasts: Toasts::default(),
            settings,
            allow_close: false,
            window_title: String::new(),
            new_project_dir: None,
        }
    }

    /// Never tries the desktop's file dialog; always asks for a path in the window. For tests, and for desktops
    /// where the native dialog misbehaves.
    pub fn without_native_dialogs(mut self) -> Self {
        self.native_ok = false;
        self
    }

    /// Whether the app has decided to close the window (after any unsaved changes were dealt with).
    pub fn is_closing(&self) -> bool {
        self.allow_close
    }

    /// The project with its history.
    pub fn editor(&self) -> &Editor {
        &self.editor
    }

    /// The file the project is saved in, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// What is shown and selected.
    pub fn view_state(&self) -> &ViewState {
        &self.view
    }

    /// The error the app is showing, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The notices on screen.
    pub fn notices(&self) -> Vec<String> {
        self.toasts.messages().map(str::to_owned).collect()
    }

    /// Screen position of a character of the shown document, as drawn in the last frame.
    pub fn char_pos(&self, target: crate::model::Target, offset: usize) -> Option<egui::Pos2> {
        self.document_view.char_pos(target, offset)
    }

    /// The document shown, if any.
    pub(super) fn current_document(&self) -> Option<&Document> {
        let project = self.editor.project();
        self.view.doc.and_then(|id| project.document(id)).or_else(|| project.documents.first())
    }

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

    fn proceed(&mut self, pending: Pending) {
        match pending {
            Pending::Close => self.allow_close = true,
            Pending::Open(path) => self.open_now(&path),
            Pending::ChooseProject => self.choose_file(Purpose::Open),
        }
    }

    /// Saves to the current file, or asks for one. Returns whether the project is now saved.
    pub(super) fn save(&mut self) -> bool {
        let Some(path) = self.path.clone() else {
            self.choose_file(Purpose::SaveAs);
            return false;
        };
        match crate::store::save(self.editor.project(), &path) {
            Ok(()) => {
                self.editor.mark_saved();
                self.settings.remember(&path);
                self.toasts.push(format!("Saved {}", display_name(&path)));
                if let Some(pending) = self.after_save.take() {
                    self.proceed(pending);
                }
                true
            }
            Err(error) => {
                self.after_save = None;
                self.error = Some(error.to_string());
                false
            }
        }
    }

    /// Asks for a file: the native dialog where there is one, else a path field.
    pub(super) fn choose_file(&mut self, purpose: Purpose) {
        if self.native.is_some() || self.prompt.is_some() {
            return;
        }
        let folder = self.path.as_deref().and_then(Path::parent).map(Path::to_owned).or(self.new_project_dir.clone());
        let suggested = suggested_file_name(self.editor.project());
        if self.native_ok {
            self.native = Some(NativeDialog::start(purpose, folder, Some(suggested)));
        } else {
            let text = match purpose {
                Purpose::SaveAs => folder.unwrap_or_default().join(suggested).display().to_string(),
                _ => folder.map(|f| format!("{}/", f.display())).unwrap_or_default(),
            };
            self.prompt = Some(PathPrompt::new(purpose, text, None));
        }
    }

    fn chosen(&mut self, purpose: Purpose, paths: Vec<PathBuf>) {
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
                    self.path = Some(path);
                    self.save();
                }
            }
        }
    }

    /// Adds the articles in `paths` to the project, each as one undoable command.
    pub(super) fn import(&mut self, paths: &[PathBuf]) {
        let mut ids = self.editor.project().next_id;
        let mut failures = Vec::new();
        let mut last = None;
        for path in paths {
            match crate::import::extract_file(path) {
                Ok(article) => {
                    self.toasts.push(format!("Imported {}", article.summary()));
                    let document = article.into_document(&mut ids);
                    last = Some(document.id);
                    self.outbox.commands.push(Command::AddDocument {
                        index: usize::MAX,
                        document: Box::new(document),
                        next_id: ids.peek(),
                    });
                }
                Err(error) => failures.push(error.to_string()),
            }
        }
        self.outbox.show_document = last.or(self.outbox.show_document);
        if !failures.is_empty() {
            self.error = Some(failures.join("\n"));
        }
    }

    fn modal_open(&self) -> bool {
        self.prompt.is_some() || self.ask_unsaved.is_some() || self.error.is_some() || self.native.is_some()
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        if let Some(native) = &self.native
            && let Some(outcome) = native.poll()
        {
            self.native = None;
            match outcome {
                Outcome::Chosen(purpose, paths) => self.chosen(purpose, paths),
                Outcome::Cancelled => self.after_save = None,
                Outcome::Unavailable(purpose) => {
                    self.native_ok = false;
                    let note = "No file dialog is available on this desktop (it needs a desktop portal). Type the \
                                path instead.";
                    self.prompt = Some(PathPrompt::new(purpose, String::new(), Some(note.to_owned())));
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

    /// The file name, or the project name for a project never saved.
    pub(super) fn display_name(&self) -> String {
        self.path.as_deref().map_or_else(|| self.editor.project().name.clone(), display_name)
    }

    fn apply_outbox(&mut self) {
        // Actions go first: some of them emit commands of their own.
        for action in std::mem::take(&mut self.outbox.actions) {
            self.run_action(action);
        }
        let outbox = std::mem::take(&mut self.outbox);
        for command in outbox.commands {
            let creates = matches!(command, Command::CreateSpan { .. });
            let doc = match &command {
                Command::CreateSpan { doc, .. } => Some(*doc),
                _ => None,
            };
            match self.editor.apply(command) {
                Ok(()) if creates => {
                    // Ids only grow, so the newest span of the document is the one just made.
                    self.view.selection = None;
                    self.view.selected_span = doc
                        .and_then(|d| self.editor.project().document(d))
                        .and_then(|d| d.spans.iter().map(|s| s.id).max());
                }
                Ok(()) => {}
                Err(error) => self.toasts.push(error.to_string()),
            }
        }
        if outbox.seal {
            self.editor.seal();
        }
        if let Some(doc) = outbox.show_document {
            self.view.show_document(Some(doc));
        }
        self.forget_stale_selection();
    }

    /// Undo can remove what the view points at; the view must not point at nothing.
    fn forget_stale_selection(&mut self) {
        let project = self.editor.project();
        let doc = self.view.doc.and_then(|id| project.document(id));
        match doc {
            None => self.view.show_document(project.documents.first().map(|d| d.id)),
            Some(doc) => {
                if self.view.selected_span.is_some_and(|s| doc.span(s).is_none()) {
                    self.view.selected_span = None;
                }
                if self.view.focused_comment.is_some_and(|c| doc.comment(c).is_none()) {
                    self.view.focused_comment = None;
                }
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let dirty = if self.editor.is_dirty() { "● " } else { "" };
        let title = format!("{dirty}{} — Gloss", self.display_name());
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// The title the window shows.
    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.editor.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.ask_unsaved = Some(Pending::Close);
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
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

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// A file name made from the project name, for "Save as".
fn suggested_file_name(project: &Project) -> String {
    let stem: String =
        project.name.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    let words: Vec<&str> = stem.split('-').filter(|w| !w.is_empty()).collect();
    let stem: String = words.join("-").chars().take(60).collect();
    format!("{}.ron", if stem.is_empty() { "project" } else { &stem })
}

impl eframe::App for GlossApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        let keyboard = !self.modal_open();
        if keyboard {
            self.handle_shortcuts(&ctx);
        }
        Panel::top("menu_bar").show(ui, |ui| menu::menu_bar_ui(ui, self));
        Panel::bottom("status_bar").show(ui, |ui| menu::status_bar_ui(ui, self));
        Panel::left("documents")
            .resizable(true)
            .default_size(220.0)
            .show(ui, |ui| documents_panel::documents_ui(ui, self));
        Panel::right("inspector").resizable(true).default_size(280.0).show(ui, |ui| inspector::inspector_ui(ui, self));
        CentralPanel::default_margins().show(ui, |ui| self.document_ui(ui));
        if keyboard {
            self.handle_annotation_keys(&ctx);
        }
        self.dialogs_ui(&ctx);
        self.apply_outbox();
        if self.allow_close {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        self.update_title(&ctx);
        self.toasts.ui(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.save(storage);
    }
}

impl GlossApp {
    fn document_ui(&mut self, ui: &mut Ui) {
        let project = self.editor.project();
        let Some(doc) = self.view.doc.and_then(|id| project.document(id)).or_else(|| project.documents.first()) else {
            ui.centered_and_justified(|ui| {
                ui.label(
                    "No documents yet. Import an article with File > Import articles… (Ctrl+I), or drop a file here.",
                );
            });
            return;
        };
        if self.view.doc != Some(doc.id) {
            self.view.show_document(Some(doc.id));
        }
        let input = ViewInput { doc, schema: &project.schema, revision: self.editor.revision() };
        self.document_view.ui(ui, &input, &mut self.view);
    }
}
