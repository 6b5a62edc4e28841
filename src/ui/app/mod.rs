//! The application: the only owner of the window's state. Each frame it builds the narrow context the panels,
//! windows and dialogs draw with, lets them send their intents, and carries the intents out in one place
//! (`dispatch`). The files of this folder are the only ones that know `GlossApp`.

mod dispatch;
mod files;
mod jobs;
mod keys;
mod navigation;
mod review;
mod safety;
mod teams;
mod updates;

use std::path::{Path, PathBuf};

use egui::{CentralPanel, Panel, Ui, ViewportCommand};

use super::context::{Ctx, Status};
use super::document_view::DocumentView;
use super::file_dialog::{NativeDialog, native_available};
use super::intent::{Intent, Intents, Job};
use super::jobs::Jobs;
use super::jobs::export::Request;
use super::jobs::import::ImportReport;
use super::panels::documents::DocumentsPanel;
use super::panels::find_bar::{FindBar, Match};
use super::panels::font_notice::{FontNotice, MissingScript};
use super::panels::toasts::Toasts;
use super::panels::{exercise_bar, inspector, menu_bar, safety_bar, status_bar};
use super::selection::Selection;
use super::settings::Settings;
use super::windows::Windows;
use super::windows::error_note::ErrorNote;
use super::windows::path_prompt::PathPrompt;
use super::windows::questions;
use crate::edit::Editor;
use crate::model::Project;
use crate::session::Session;
use safety::Safety;

const ICON: &[u8] = include_bytes!("../../../assets/icon.png");

/// Opens the window, with `file` (a project or an article) if given, and runs until it closes.
pub fn run(file: Option<PathBuf>) -> std::process::ExitCode {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Gloss")
        .with_app_id("gloss")
        .with_inner_size([1280.0, 820.0])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions { viewport, ..Default::default() };
    let data_dir = crate::session::locate::data_dir();
    let result = eframe::run_native(
        "Gloss",
        options,
        Box::new(move |cc| Ok(Box::new(GlossApp::new(cc.storage, file).with_data_dir(data_dir)))),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gloss: cannot open a window: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Something that has to wait for an answer to "Save changes?".
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pending {
    /// Close the window.
    Close,
    /// Start an empty project.
    New,
    /// Open this project.
    Open(PathBuf),
    /// Let the user choose a project to open.
    ChooseProject,
}

/// The Gloss window.
pub struct GlossApp {
    /// The project with its undo history, its file and its journal; the only way to change the project.
    session: Session,
    /// Where journals of projects without a file go, and the user's copy of the sample project; `None` keeps
    /// nothing there (tests, and systems without a home folder).
    data_dir: Option<PathBuf>,
    /// What to open once the window runs: the file asked for, or `None` for the last project or the sample.
    start: Option<Option<PathBuf>>,
    /// What is shown and selected.
    selection: Selection,
    /// Remembered between runs.
    settings: Settings,
    /// What the components asked for this frame.
    intents: Intents,
    /// The article view.
    document_view: DocumentView,
    /// The documents panel.
    documents: DocumentsPanel,
    /// The find bar.
    find: FindBar,
    /// The bar that names scripts no installed font draws.
    font_notice: FontNotice,
    /// The windows over the workspace.
    windows: Windows,
    /// Work in the background.
    jobs: Jobs,
    /// The suggestions found last, and the review of them.
    suggestions: super::suggestions::Suggestions,
    /// Short notices.
    toasts: Toasts,
    /// A native file dialog that is open.
    native: Option<NativeDialog>,
    /// Whether native file dialogs are worth trying on this desktop.
    native_ok: bool,
    /// The typed-path dialog, when it is open.
    prompt: Option<PathPrompt>,
    /// What waits for the answer to "Save changes?", while that question is shown.
    ask_unsaved: Option<Pending>,
    /// What to do once the save under way has succeeded.
    after_save: Option<Pending>,
    /// An error the user has to acknowledge.
    error: Option<ErrorNote>,
    /// An export that would replace something, and why, while the user is asked whether it may.
    ask_replace: Option<(Request, String)>,
    /// A file dropped on a shown document, while the user is asked whether it is the document's newer version.
    ask_update: Option<(crate::model::DocId, PathBuf)>,
    /// A student's first mark in an exercise, held while they are asked their name.
    ask_name: Option<(super::windows::name_prompt::NamePrompt, crate::edit::Command)>,
    /// Questions about unsaved edits, other windows and changes on disk.
    safety: Safety,
    /// Set once the window may close (nothing unsaved, or the user chose).
    allow_close: bool,
    /// The title last sent to the window.
    window_title: String,
    /// Where "Save as" proposes to put a project that has no file yet: beside the article it came from.
    new_project_dir: Option<PathBuf>,
    /// Projects this big (in bytes) or bigger are read in the background.
    background_bytes: u64,
    /// The project was started from an article: it takes the article's title once imported.
    name_project_after_import: bool,
    /// A zoom asked for by a menu or key: a factor, or 0 for the normal size.
    zoom: Option<f32>,
    /// Whether the first frame has set up the context (theme, zoom, keyboard zoom off).
    initialized: bool,
}

impl GlossApp {
    /// The app as it starts: with `file` if given, else the last project, else the sample project (opened in the
    /// first frame, so that the builder methods below apply to it).
    pub fn new(storage: Option<&dyn eframe::Storage>, file: Option<PathBuf>) -> Self {
        let settings = Settings::load(storage);
        let mut app = Self::with_settings(settings);
        app.start = Some(file);
        app
    }

    /// Keeps journals of projects without a file, and the user's copy of the sample, in `dir`; at start, offers
    /// to recover what a Gloss that stopped left there. `run` gives the user's data folder.
    pub fn with_data_dir(mut self, dir: Option<PathBuf>) -> Self {
        self.session = Session::untitled(Project::new("Untitled"), dir.clone());
        self.data_dir = dir;
        self
    }

    /// An app with an empty, unsaved project, and these settings.
    pub fn with_settings(settings: Settings) -> Self {
        Self {
            session: Session::untitled(Project::new("Untitled"), None),
            data_dir: None,
            start: None,
            selection: Selection::default(),
            settings,
            intents: Intents::default(),
            document_view: DocumentView::default(),
            documents: DocumentsPanel::default(),
            find: FindBar::default(),
            font_notice: FontNotice::default(),
            windows: Windows::default(),
            jobs: Jobs::default(),
            suggestions: super::suggestions::Suggestions::default(),
            toasts: Toasts::default(),
            native: None,
            native_ok: native_available(),
            prompt: None,
            ask_unsaved: None,
            after_save: None,
            error: None,
            ask_replace: None,
            ask_update: None,
            ask_name: None,
            safety: Safety::default(),
            allow_close: false,
            window_title: String::new(),
            new_project_dir: None,
            background_bytes: super::jobs::open::BACKGROUND_BYTES,
            name_project_after_import: false,
            zoom: None,
            initialized: false,
        }
    }

    /// Never tries the desktop's file dialog; always asks for a path in the window. For tests, and for desktops
    /// where the native dialog misbehaves.
    pub fn without_native_dialogs(mut self) -> Self {
        self.native_ok = false;
        self
    }

    /// Reads projects of `bytes` or more in the background (2 MB unless set); for tests of that path.
    pub fn background_open_from(mut self, bytes: u64) -> Self {
        self.background_bytes = bytes;
        self
    }

    /// Whether the app has decided to close the window (after any unsaved changes were dealt with).
    pub fn is_closing(&self) -> bool {
        self.allow_close
    }

    /// The project with its history.
    pub fn editor(&self) -> &Editor {
        self.session.editor()
    }

    /// The file the project is saved in, if any.
    pub fn path(&self) -> Option<&Path> {
        self.session.file()
    }

    /// Whether the project is open read-only (another window has it).
    pub fn is_read_only(&self) -> bool {
        self.session.is_read_only()
    }

    /// The journal of unsaved edits, once there is one.
    pub fn journal_path(&self) -> Option<&Path> {
        self.session.journal_path()
    }

    /// Whether the window asks about unsaved edits found in a journal.
    pub fn offers_recovery(&self) -> bool {
        self.safety.recovery.is_some() || !self.safety.orphans.is_empty()
    }

    /// Whether the window says that the file changed on disk.
    pub fn says_changed_on_disk(&self) -> bool {
        self.safety.changed_on_disk || self.safety.conflict.is_some()
    }

    /// What is shown and selected.
    pub fn view_state(&self) -> &Selection {
        &self.selection
    }

    /// The settings as they stand.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The find bar's matches and the current one.
    pub fn find_matches(&self) -> (&[Match], Option<usize>) {
        self.find.matches()
    }

    /// The scripts the missing-fonts bar names now.
    pub fn missing_fonts(&self) -> &[MissingScript] {
        self.font_notice.showing()
    }

    /// The error the app is showing, if any: its heading, message and details, a line each.
    pub fn error(&self) -> Option<String> {
        self.error.as_ref().map(ErrorNote::text)
    }

    /// Whether an import is under way or waiting to start.
    pub fn is_importing(&self) -> bool {
        self.jobs.busy(Job::Import)
    }

    /// Whether agreement is being measured, or waiting to be.
    pub fn is_measuring(&self) -> bool {
        self.jobs.busy(Job::Agree)
    }

    /// Whether a class is being compared with the key, or waiting to be.
    pub fn is_comparing(&self) -> bool {
        self.jobs.busy(Job::Class)
    }

    /// Whether other projects are being merged into the open one.
    pub fn is_merging(&self) -> bool {
        self.jobs.busy(Job::Merge)
    }

    /// Whether a big project is being read in the background.
    pub fn is_opening(&self) -> bool {
        self.jobs.busy(Job::Open)
    }

    /// Whether suggestions are being found in the background.
    pub fn is_suggesting(&self) -> bool {
        self.jobs.busy(Job::Suggest)
    }

    /// The suggestions of the last run and the review of them.
    pub fn suggestions(&self) -> &super::suggestions::Suggestions {
        &self.suggestions
    }

    /// Whether an export is running in the background.
    pub fn is_exporting(&self) -> bool {
        self.jobs.busy(Job::Export)
    }

    /// The report of the last import, while its window is open.
    pub fn import_report(&self) -> Option<&ImportReport> {
        self.windows.import_report.report().filter(|_| self.windows.import_report.open)
    }

    /// The notices on screen.
    pub fn notices(&self) -> Vec<String> {
        self.toasts.messages().map(str::to_owned).collect()
    }

    /// Screen position of a character of the shown document, as drawn in the last frame.
    pub fn char_pos(&self, target: crate::model::Target, offset: usize) -> Option<egui::Pos2> {
        self.document_view.char_pos(target, offset)
    }

    /// The title the window shows.
    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    /// The file name, or the project name for a project never saved.
    fn display_name(&self) -> String {
        self.session.file().map_or_else(|| self.session.project().name.clone(), display_name)
    }

    /// What menus and bars show of the app this frame.
    fn status(&self) -> Status {
        let editor = self.session.editor();
        Status {
            name: self.display_name(),
            dirty: self.session.is_dirty(),
            read_only: self.session.is_read_only(),
            undo: editor.undo_name().map(str::to_owned),
            redo: editor.redo_name().map(str::to_owned),
            has_import_report: self.windows.import_report.report().is_some(),
            open_windows: self.windows.open(),
            changed_on_disk: self.safety.changed_on_disk,
            suggesting: self.jobs.busy(Job::Suggest),
        }
    }

    /// Theme and zoom from the settings, applied on the first frame and whenever they change.
    fn context_settings(&mut self, egui: &egui::Context) {
        if !self.initialized {
            // Zoom keys go through the action table like every other shortcut.
            egui.options_mut(|o| o.zoom_with_keyboard = false);
            super::theme::install(egui);
            if let Some(zoom) = self.settings.zoom {
                egui.set_zoom_factor(zoom);
            }
            self.initialized = true;
        }
        let preference = self.settings.theme.preference();
        if egui.options(|o| o.theme_preference) != preference {
            egui.set_theme(preference);
        }
        if let Some(step) = self.zoom.take() {
            let factor = if step == 0.0 { 1.0 } else { (egui.zoom_factor() * step).clamp(0.5, 3.0) };
            egui.set_zoom_factor(factor);
            self.settings.zoom = Some(factor);
        }
    }

    /// Whether a modal dialog has the keyboard, so that shortcuts and annotation keys are left to it.
    fn modal_open(&self) -> bool {
        self.prompt.is_some()
            || self.ask_unsaved.is_some()
            || self.error.is_some()
            || self.native.is_some()
            || self.windows.modal()
            || self.ask_replace.is_some()
            || self.ask_update.is_some()
            || self.ask_name.is_some()
            || self.safety.asking()
    }

    fn update_title(&mut self, egui: &egui::Context) {
        let dirty = if self.session.is_dirty() { "● " } else { "" };
        let read_only = if self.session.is_read_only() { " (read-only)" } else { "" };
        let title = format!("{dirty}{}{read_only} — Gloss", self.display_name());
        if title != self.window_title {
            egui.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// The panels, the document and the windows, drawn with this frame's context; what they ask for is queued.
    fn workspace_ui(&mut self, ui: &mut Ui, keyboard: bool) {
        let egui = ui.ctx().clone();
        let status = self.status();
        let reveal = self.selection.take_reveal();
        let revision = self.session.editor().revision();
        let project = self.session.project();
        let parts = (&self.selection, &self.settings, &status, &self.suggestions);
        let mut cx = Ctx::new(project, revision, parts, &mut self.intents);
        Panel::top("menu_bar").show(ui, |ui| menu_bar::menu_bar_ui(ui, &mut cx));
        let (jobs, toasts) = (&self.jobs, &self.toasts);
        Panel::bottom("status_bar").show(ui, |ui| status_bar::status_bar_ui(ui, &mut cx, jobs, toasts));
        let documents = &mut self.documents;
        Panel::left("documents").resizable(true).default_size(220.0).show(ui, |ui| documents.ui(ui, &mut cx));
        Panel::right("inspector")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| inspector::inspector_ui(ui, &mut cx));
        let (find, view, jobs, fonts) = (&mut self.find, &mut self.document_view, &self.jobs, &mut self.font_notice);
        CentralPanel::default_margins().show(ui, |ui| {
            safety_bar::safety_bar_ui(ui, &mut cx);
            exercise_bar::exercise_bar_ui(ui, &cx);
            if let Some(doc) = cx.doc() {
                fonts.check(ui, doc);
            }
            fonts.ui(ui);
            find.ui(ui, &mut cx);
            match cx.doc() {
                Some(doc) => view.ui(ui, &mut cx, doc, reveal, find.matches()),
                None => empty_workspace_ui(ui, &mut cx, jobs),
            }
        });
        if keyboard {
            keys::annotation_keys(&egui, &mut cx);
        }
        self.windows.show(&egui, &mut cx);
    }

    /// The questions waiting for an answer, drawn with a context of their own; their answers are queued.
    fn questions_ui(&mut self, egui: &egui::Context) {
        self.poll_native_dialog(egui);
        let drop_question = self.drop_question();
        let status = self.status();
        let revision = self.session.editor().revision();
        let project = self.session.project();
        let parts = (&self.selection, &self.settings, &status, &self.suggestions);
        let mut cx = Ctx::new(project, revision, parts, &mut self.intents);
        if let Some(prompt) = &mut self.prompt {
            prompt.show(egui, &mut cx);
        }
        if self.ask_unsaved.is_some() {
            questions::unsaved_ui(egui, &mut cx, &status.name);
        }
        if let Some((_, why)) = &self.ask_replace {
            questions::replace_ui(egui, &mut cx, why);
        }
        if let Some((title, file)) = &drop_question {
            questions::update_drop_ui(egui, &mut cx, title, file);
        }
        if let Some((prompt, _)) = &mut self.ask_name {
            prompt.show(egui, &mut cx);
        }
        self.safety.questions_ui(egui, &mut cx, &status);
        if let Some(message) = &self.error {
            questions::error_ui(egui, &mut cx, message);
        }
    }
}

/// The middle of a window with no document: the big project being read, or how to bring one in.
fn empty_workspace_ui(ui: &mut Ui, cx: &mut Ctx<'_>, jobs: &Jobs) {
    if let Some(job) = jobs.opening() {
        let cancelled = ui
            .vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 3.0);
                job.progress_ui(ui, true)
            })
            .inner;
        if cancelled {
            cx.send(Intent::Cancel(Job::Open));
        }
        return;
    }
    ui.centered_and_justified(|ui| {
        ui.label("No documents yet. Import an article with File > Import articles… (Ctrl+I), or drop a file here.");
    });
}

/// The file name of `path`, for titles and notices.
fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

impl eframe::App for GlossApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let egui = ui.ctx().clone();
        self.context_settings(&egui);
        self.start_ui();
        self.watch_disk(&egui);
        self.handle_close_request(&egui);
        self.handle_dropped_files(&egui);
        self.take_in_jobs(&egui);
        self.selection.forget_missing(self.session.project());
        self.sync_suggestions();
        let keyboard = !self.modal_open();
        if keyboard {
            self.read_shortcuts(&egui);
        }
        self.workspace_ui(ui, keyboard);
        // What the workspace asked for first, so that a question it raised (a file to choose, "Save changes?")
        // is drawn in this same frame; then the answers to the questions.
        self.dispatch();
        self.questions_ui(&egui);
        self.dispatch();
        self.selection.forget_missing(self.session.project());
        if let Some(trouble) = self.session.take_trouble() {
            self.error.get_or_insert_with(|| ErrorNote::plain("Your edits are not kept safe from a crash", &trouble));
        }
        if self.allow_close {
            egui.send_viewport_cmd(ViewportCommand::Close);
        }
        self.update_title(&egui);
        self.toasts.expire(&egui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.save(storage);
    }
}
