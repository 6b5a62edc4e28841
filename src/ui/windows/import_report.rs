//! The report of the last import, as a window: what each file gave, warnings, errors, and what joining the
//! project changed.

use crate::ui::jobs::import::ImportReport;

/// The window's title, which is also its identity among egui's layers.
pub const TITLE: &str = "Import report";

/// The import report window: the report of the last import, and whether it is open.
#[derive(Default)]
pub struct ImportReportWindow {
    report: Option<ImportReport>,
    /// Whether the window is open.
    pub open: bool,
}

impl ImportReportWindow {
    /// Shows `report` (and keeps it for File ▸ Last import report).
    pub fn present(&mut self, report: ImportReport, open: bool) {
        self.report = Some(report);
        self.open = open;
    }

    /// The report kept, if any.
    pub fn report(&self) -> Option<&ImportReport> {
        self.report.as_ref()
    }

    /// The window, while open.
    pub fn show(&mut self, egui: &egui::Context) {
        if self.open
            && let Some(report) = &self.report
        {
            self.open = report.window_ui(egui);
        }
    }
}

impl ImportReport {
    /// The report as a window; returns false once the user closes it.
    fn window_ui(&self, ctx: &egui::Context) -> bool {
        let mut open = true;
        let mut close = false;
        let window = super::window(TITLE)
            .open(&mut open)
            .default_width(560.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center());
        window.show(ctx, |ui| {
            ui.label(format!(
                "{} article(s) from {} file(s); {} file(s) could not be read{}.",
                self.articles(),
                self.lines.len(),
                self.failures(),
                if self.cancelled > 0 { format!("; {} not read (cancelled)", self.cancelled) } else { String::new() }
            ));
            ui.separator();
            egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                for line in &self.lines {
                    let name = line
                        .path
                        .file_name()
                        .map_or_else(|| line.path.display().to_string(), |n| n.to_string_lossy().into_owned());
                    match &line.found {
                        Ok(found) => {
                            for summary in found {
                                ui.label(egui::RichText::new(format!("{name}: {summary}")));
                            }
                        }
                        Err(error) => {
                            ui.colored_label(ui.visuals().error_fg_color, error);
                        }
                    }
                    for note in &line.notes {
                        ui.weak(format!("    {note}"));
                    }
                }
                for note in &self.notes {
                    ui.label(note);
                }
            });
            ui.separator();
            close = ui.button("Close report").clicked();
        });
        open && !close
    }
}
