//! The desktop GUI (egui/eframe). It reads the model through the editor and changes it only by emitting edit
//! commands, which the app applies at the end of each frame.

mod actions;
mod app;
mod colors;
mod dashboard;
mod dialogs;
mod dispatch;
mod document_details;
mod document_view;
mod documents_panel;
mod export_job;
mod fields;
mod file_dialog;
mod files;
mod find;
mod import_job;
mod inspector;
mod job;
mod keys;
mod labels_editor;
mod menu;
mod navigation;
mod palette;
mod panes;
mod safety;
mod settings;
mod span_inspector;
mod state;
mod table;
mod toasts;
mod workflow;

use std::path::PathBuf;
use std::process::ExitCode;

pub use actions::{Action, Menu};
pub use app::GlossApp;
pub use import_job::{ImportReport, ReportLine};
pub use settings::Settings;
pub use state::{TextSelection, ViewState};

const ICON: &[u8] = include_bytes!("../../assets/icon.png");

/// Opens the window, with `file` (a project or an article) if given, and runs until it closes.
pub fn run(file: Option<PathBuf>) -> ExitCode {
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
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gloss: cannot open a window: {error}");
            ExitCode::FAILURE
        }
    }
}
