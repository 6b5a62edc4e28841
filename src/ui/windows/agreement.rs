//! The agreement window: how far annotators agree, from the numbers of `gloss agree`: alpha_u per document and
//! label, the pairwise overlap F1 as a heat map, the comment coefficients ("n/a" with the reason where the data
//! leave one undefined), and the places where they differ, each a click away.

use egui::{Sense, Ui, vec2};

use crate::analysis::agree::Agreement;
use crate::analysis::agreement::Coefficient;
use crate::ui::context::Ctx;

/// The window's title, which is also its identity among egui's layers.
pub const TITLE: &str = "Agreement";

/// The window's state: the last measurement, or why there is none.
#[derive(Default)]
pub struct AgreementWindow {
    /// Whether the window is shown.
    pub open: bool,
    report: Option<Result<Agreement, String>>,
}

fn shown(value: &Coefficient) -> String {
    match value {
        Ok(x) => format!("{x:.3}"),
        Err(why) => format!("n/a — {why}"),
    }
}

impl AgreementWindow {
    /// Takes in a measurement and opens the window.
    pub fn present(&mut self, report: Result<Agreement, String>) {
        self.report = Some(report);
        self.open = true;
    }

    /// The window, while open.
    pub fn show(&mut self, egui: &egui::Context, cx: &mut Ctx<'_>) {
        let mut open = self.open;
        super::window(TITLE).open(&mut open).default_width(720.0).default_height(560.0).show(egui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| self.ui(ui, cx));
        });
        self.open = open;
    }

    /// The report.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let report = match &self.report {
            None => {
                ui.label("Nothing measured yet.");
                return;
            }
            Some(Err(why)) => {
                ui.colored_label(ui.visuals().error_fg_color, format!("Could not measure agreement: {why}"));
                return;
            }
            Some(Ok(report)) => report,
        };
        ui.label(format!("{} annotators: {}", report.annotators.len(), report.annotators.join(", ")));
        ui.strong(format!("Highlights, alpha_u over all documents: {}", shown(&report.overall.alpha_u)));
        egui::Grid::new("agreement labels").striped(true).show(ui, |ui| {
            for (label, value) in &report.overall.per_label {
                ui.label(label);
                ui.label(shown(value));
                ui.end_row();
            }
        });
        ui.collapsing(format!("Per document: {}", report.documents.len()), |ui| {
            egui::Grid::new("agreement documents").striped(true).show(ui, |ui| {
                for document in &report.documents {
                    let title: String = document.title.chars().take(60).collect();
                    ui.label(title);
                    ui.label(shown(&document.spans.alpha_u));
                    ui.end_row();
                }
            });
        });
        ui.separator();
        ui.strong("Overlap F1 between each two annotators");
        heat_map_ui(ui, &report.annotators, &report.overall.pairwise_overlap_f1);
        ui.separator();
        let c = &report.comments;
        ui.strong(format!("Comment sentiment ({} comments)", c.items));
        egui::Grid::new("agreement comments").show(ui, |ui| {
            for (name, value) in [
                ("Cohen's kappa", &c.cohen_kappa),
                ("Fleiss' kappa", &c.fleiss_kappa),
                ("Krippendorff's alpha, nominal", &c.krippendorff_alpha_nominal),
                ("Krippendorff's alpha, ordinal", &c.krippendorff_alpha_ordinal),
            ] {
                ui.label(name);
                ui.label(shown(value));
                ui.end_row();
            }
        });
        ui.separator();
        ui.collapsing(format!("Where they differ: {}", report.disagreements.len()), |ui| {
            for d in &report.disagreements {
                if ui.link(&d.what).clicked() {
                    super::show_text(cx, d.doc, d.target, d.range);
                }
            }
        });
    }
}

/// The pairwise F1 as a grid of cells, each with its number: full agreement in the page colour, and the less two
/// annotators agree the more their cell takes the warning colour, so the pairs that agree least stand out.
fn heat_map_ui(ui: &mut Ui, names: &[String], matrix: &[Vec<Option<f64>>]) {
    let strong = ui.visuals().warn_fg_color;
    let page = ui.visuals().extreme_bg_color;
    egui::Grid::new("agreement heat map").spacing(vec2(2.0, 2.0)).show(ui, |ui| {
        ui.label("");
        for name in names {
            ui.label(name);
        }
        ui.end_row();
        for (name, row) in names.iter().zip(matrix) {
            ui.label(name);
            for (other, value) in names.iter().zip(row) {
                let (rect, response) = ui.allocate_exact_size(vec2(64.0, 22.0), Sense::hover());
                let fill = value.map_or(page, |v| page.lerp_to_gamma(strong, (1.0 - v) as f32));
                ui.painter().rect_filled(rect, 2.0, fill);
                let text = value.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.2}"));
                let color = crate::ui::colors::text_on(fill);
                ui.painter().text(rect.center(), egui::Align2::CENTER_CENTER, &text, egui::FontId::default(), color);
                let said = format!("overlap F1 of {name} and {other}: {text}");
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &said));
                response.on_hover_text(said);
            }
            ui.end_row();
        }
    });
}
