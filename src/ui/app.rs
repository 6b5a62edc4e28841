//! The application: owns the editing session and the UI state, lays out the panels, and applies the commands the
//! views emit at the end of each frame.

use std::path::{Path, PathBuf};

use egui::{CentralPanel, Panel, Ui, ViewportCommand};

use super::dialogs::PathPrompt;
use super::document_view::{DocumentView, ViewInput, ViewRequest};
use super::file_dialog::{NativeDialog, native_available};
use super::find::FindBar;
use super::import_job::{ImportJob, ImportReport};
use super::panes::Panes;
use super::settings::Settings;
use super::state::ViewState;
use super::toasts::Toasts;
use super::{documents_panel, inspector, menu};
use crate::edit::{Command, Created, Editor};
use crate::model::{Document, Project};
use crate::session::{Session, SessionError};

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
    /// The project with its undo history, its file and its journal; the only way to change the project.
    pub(super) session: Session,
    /// Where journals of projects without a file go, and the user's copy of the sample project; `None` keeps
    /// nothing there (tests, and systems without a home folder).
    pub(super) data_dir: Option<PathBuf>,
    /// What to open once the window runs: the file asked for, or `None` for the last project or the sample.
    pub(super) start: Option<Option<PathBuf>>,
    /// Questions about unsaved edits, other windows and changes on disk.
    pub(super) safety: super::safety::Safety,
    /// What is shown and selected.
    pub(super) view: ViewState,
    /// Layout and hit-testing caches of the article view.
    pub(super) document_view: DocumentView,
    /// What the panels asked for during this frame.
    pub(super) outbox: Outbox,
    /// A native file dialog that is open.
    pub(super) native: Option<NativeDialog>,
    /// Whether native file dialogs are worth trying on this desktop.
    pub(super) native_ok: bool,
    /// The typed-path dialog, when it is open.
    pub(super) prompt: Option<PathPrompt>,
    /// What waits for the answer to "Save changes?", while that question is shown.
    pub(super) ask_unsaved: Option<Pending>,
    /// What to do once the save under way has succeeded.
    pub(super) after_save: Option<Pending>,
    /// An error the user has to acknowledge.
    pub(super) error: Option<String>,
    /// Short notices.
    pub(super) toasts: Toasts,
    /// Remembered between runs.
    pub(super) settings: Settings,
    /// Set once the window may close (nothing unsaved, or the user chose).
    pub(super) allow_close: bool,
    /// The title last sent to the window.
    pub(super) window_title: String,
    /// Where "Save as" proposes to put a project that has no file yet: beside the article it came from.
    pub(super) new_project_dir: Option<PathBuf>,
    /// Files and folders to import as soon as no other import runs.
    pub(super) pending_import: Vec<PathBuf>,
    /// The import under way.
    pub(super) import_job: Option<ImportJob>,
    /// The export running in the background, if any.
    pub(super) export_job: Option<super::export_job::ExportJob>,
    /// A big project to read in the background, and the reading under way.
    pub(super) pending_open: Option<(PathBuf, u64)>,
    pub(super) open_job: Option<super::files::OpenJob>,
    /// Projects this big (in bytes) or bigger are read in the background.
    pub(super) background_bytes: u64,
    /// An export chosen this frame, started by `export_ui`.
    pub(super) pending_export: Option<super::export_job::Request>,
    /// An export that would replace something, and why, while the user is asked whether it may.
    pub(super) ask_replace: Option<(super::export_job::Request, String)>,
    /// The report of the last import.
    pub(super) import_report: Option<ImportReport>,
    /// Whether the report's window is open.
    pub(super) import_report_open: bool,
    /// The project was started from an article: it takes the article's title once imported.
    pub(super) name_project_after_import: bool,
    /// Windows over the workspace.
    pub(super) panes: Panes,
    /// The find bar, while open.
    pub(super) find: Option<FindBar>,
    /// A zoom asked for by a menu or key: a factor, or 0 for the normal size.
    pub(super) zoom: Option<f32>,
    /// Whether the first frame has set up the context (theme, zoom, keyboard zoom off).
    pub(super) initialized: bool,
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
    /// to recover what a Gloss that stopped left there. `ui::run` gives the user's data folder.
    pub fn with_data_dir(mut self, dir: Option<PathBuf>) -> Self {
        self.session = Session::untitled(Project::new("Untitled"), dir.clone());
        self.data_dir = dir;
        self
    }

    /// An app with an empty, unsaved project and no remembered settings.
    pub fn with_settings(settings: Settings) -> Self {
        Self {
            session: Session::untitled(Project::new("Untitled"), None),
            data_dir: None,
            start: None,
            safety: super::safety::Safety::default(),
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
            pending_import: Vec::new(),
            import_job: None,
            export_job: None,
            pending_open: None,
            open_job: None,
            background_bytes: super::files::BACKGROUND_BYTES,
            pending_export: None,
            ask_replace: None,
            import_report: None,
            import_report_open: false,
            name_project_after_import: false,
            panes: Panes::default(),
            find: None,
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
    pub fn view_state(&self) -> &ViewState {
        &self.view
    }

    /// The error the app is showing, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Whether an import is under way or waiting to start.
    pub fn is_importing(&self) -> bool {
        self.import_job.is_some() || !self.pending_import.is_empty()
    }

    /// Whether a big project is being read in the background.
    pub fn is_opening(&self) -> bool {
        self.open_job.is_some() || self.pending_open.is_some()
    }

    /// Whether an export is running in the background.
    pub fn is_exporting(&self) -> bool {
        self.export_job.is_some() || self.pending_export.is_some()
    }

    /// The report of the last import, while its window is open.
    pub fn import_report(&self) -> Option<&ImportReport> {
        self.import_report.as_ref().filter(|_| self.import_report_open)
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
        let project = self.session.project();
        self.view.doc.and_then(|id| project.document(id)).or_else(|| project.documents.first())
    }

    /// Theme and zoom from the settings, applied on the first frame and whenever they change.
    fn context_settings(&mut self, ctx: &egui::Context) {
        if !self.initialized {
            // Zoom keys go through the action table like every other shortcut.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            if let Some(zoom) = self.settings.zoom {
                ctx.set_zoom_factor(zoom);
            }
            self.view.snap_to_words = self.settings.snap_to_words;
            self.initialized = true;
        }
        let preference = self.settings.theme.preference();
        if ctx.options(|o| o.theme_preference) != preference {
            ctx.set_theme(preference);
        }
        if let Some(step) = self.zoom.take() {
            let factor = if step == 0.0 { 1.0 } else { (ctx.zoom_factor() * step).clamp(0.5, 3.0) };
            ctx.set_zoom_factor(factor);
            self.settings.zoom = Some(factor);
        }
    }

    fn modal_open(&self) -> bool {
        self.prompt.is_some()
            || self.ask_unsaved.is_some()
            || self.error.is_some()
            || self.native.is_some()
            || self.panes.palette.is_some()
            || self.panes.pending.is_some()
            || self.ask_replace.is_some()
            || self.safety.asking()
    }

    /// The file name, or the project name for a project never saved.
    pub(super) fn display_name(&self) -> String {
        self.session.file().map_or_else(|| self.session.project().name.clone(), display_name)
    }

    fn apply_outbox(&mut self) {
        // Actions go first: some of them emit commands of their own.
        for action in std::mem::take(&mut self.outbox.actions) {
            self.run_action(action);
        }
        let outbox = std::mem::take(&mut self.outbox);
        for command in outbox.commands {
            match self.session.apply(command) {
                Ok(Created::Span(_, span)) => {
                    self.view.selection = None;
                    self.view.selected_span = Some(span);
                }
                Ok(Created::Document(doc)) => self.view.show_document(Some(doc)),
                Ok(Created::Nothing) => {}
                Err(error) => self.refused(&error),
            }
        }
        if outbox.seal {
            self.session.seal();
        }
        if let Some(doc) = outbox.show_document {
            self.view.show_document(Some(doc));
        }
        self.forget_stale_selection();
    }

    /// Tells why an edit was not made: once for a read-only project, every time otherwise.
    pub(super) fn refused(&mut self, error: &SessionError) {
        match error {
            SessionError::ReadOnly(_) if self.safety.told_read_only => {}
            SessionError::ReadOnly(_) => {
                self.safety.told_read_only = true;
                self.toasts.push(error.to_string());
            }
            other => self.toasts.push(other.to_string()),
        }
    }

    /// Undo can remove what the view points at; the view must not point at nothing.
    pub(super) fn forget_stale_selection(&mut self) {
        let project = self.session.project();
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
        let dirty = if self.session.is_dirty() { "● " } else { "" };
        let read_only = if self.session.is_read_only() { " (read-only)" } else { "" };
        let title = format!("{dirty}{}{read_only} — Gloss", self.display_name());
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// The title the window shows.
    pub fn window_title(&self) -> &str {
        &self.window_title
    }
}

pub(super) fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

impl eframe::App for GlossApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.context_settings(&ctx);
        self.start_ui();
        self.safety_ui(&ctx);
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        self.open_ui(&ctx);
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
        CentralPanel::default_margins().show(ui, |ui| {
            self.safety_bar_ui(ui);
            self.find_bar_ui(ui);
            self.document_ui(ui);
        });
        if keyboard {
            self.handle_annotation_keys(&ctx);
        }
        self.panes_ui(&ctx);
        self.dialogs_ui(&ctx);
        self.import_ui(&ctx);
        self.export_ui(&ctx);
        if self.import_report_open
            && let Some(report) = &self.import_report
        {
            self.import_report_open = report.window_ui(&ctx);
        }
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
        let project = self.session.project();
        let Some(doc) = self.view.doc.and_then(|id| project.document(id)).or_else(|| project.documents.first()) else {
            if let Some(job) = &self.open_job {
                let cancelled = ui
                    .vertical_centered(|ui| {
                        ui.add_space(ui.available_height() / 3.0);
                        job.progress_ui(ui, true)
                    })
                    .inner;
                if cancelled {
                    self.open_job = None;
                    self.toasts.push("Opening cancelled.");
                }
                return;
            }
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
        let input = ViewInput { doc, schema: &project.schema, revision: self.session.editor().revision() };
        match self.document_view.ui(ui, &input, &mut self.view) {
            Some(ViewRequest::Fix(fix)) => self.outbox.commands.push(Command::FixUp { doc: doc.id, fix }),
            Some(ViewRequest::SetRanges(span, ranges)) => {
                self.outbox.commands.push(Command::SetRanges { doc: doc.id, span, ranges, at: jiff::Timestamp::now() });
            }
            None => {}
        }
    }
}
