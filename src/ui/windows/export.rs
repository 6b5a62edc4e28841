//! The export window: the format (with the unit its offsets count) and whether the whole project or the
//! document shown goes out; then a file or folder is chosen and the export runs in the background.

use egui::Ui;

use crate::export::Format;
use crate::ui::context::Ctx;
use crate::ui::file_dialog::Purpose;
use crate::ui::intent::Intent;

/// The window's title, which is also its identity among egui's layers.
pub const TITLE: &str = "Export dataset";

/// The export window: format and scope, then a file or folder to choose.
pub struct ExportWindow {
    /// Whether the window is open.
    pub open: bool,
    /// The format chosen.
    pub format: Format,
    /// The whole project rather than the document shown.
    pub whole_project: bool,
}

impl Default for ExportWindow {
    fn default() -> Self {
        Self { open: false, format: Format::Csv, whole_project: true }
    }
}

impl ExportWindow {
    /// The window, while open; "Choose a file…" asks for where to write.
    pub fn show(&mut self, egui: &egui::Context, cx: &mut Ctx<'_>) {
        let mut open = self.open;
        let title = cx.doc().map(|d| d.title.clone());
        let mut next = false;
        super::window(TITLE).open(&mut open).resizable(false).show(egui, |ui| {
            next = self.ui(ui, title.as_deref());
        });
        self.open = open;
        if next {
            cx.send(Intent::ChooseFile(Purpose::Export(self.format)));
        }
    }

    /// Draws the choices; true when the user asks to go on and choose where to write.
    fn ui(&mut self, ui: &mut Ui, document_title: Option<&str>) -> bool {
        ui.label("Format:");
        for format in Format::ALL {
            ui.radio_value(&mut self.format, format, format.title()).on_hover_text(format.purpose());
        }
        ui.label(self.format.purpose());
        match self.format.offset_unit() {
            Some(unit) => ui.weak(format!("Offsets count {unit}.")),
            None => ui.weak("It holds no offsets: it shows the text itself."),
        };
        ui.weak(self.format.leaves_out());
        if self.format != Format::Html {
            ui.weak(
                "No format holds where accepted suggestions came from, rejected suggestions or an update's review \
                 list: the project file does.",
            );
        }
        ui.separator();
        ui.label("Export:");
        ui.radio_value(&mut self.whole_project, true, "The whole project");
        let this = document_title.map_or_else(|| "This document".to_owned(), |t| format!("This document ({t})"));
        ui.add_enabled_ui(document_title.is_some(), |ui| ui.radio_value(&mut self.whole_project, false, this));
        ui.separator();
        let next = if self.format.writes_folder() { "Choose a folder…" } else { "Choose a file…" };
        ui.button(next).clicked()
    }
}
