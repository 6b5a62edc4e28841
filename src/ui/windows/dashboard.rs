//! The numbers of the project or the shown document, as a small dashboard: totals, bar charts of highlights per
//! label and of comment sentiment, verdicts, annotators and documents. The same counts as `gloss stats`.

use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, Plot};

use crate::analysis::{Count, Stats, percent};
use crate::model::{Document, Project, Rgb};
use crate::ui::colors::to_color32;
use crate::ui::context::Ctx;

/// The window's title, which is also its identity among egui's layers.
pub const TITLE: &str = "Numbers";

/// The dashboard's one choice.
#[derive(Default)]
pub struct Dashboard {
    /// Whether the window is open.
    pub open: bool,
    /// Only the document shown, rather than the whole project.
    pub this_document: bool,
}

impl Dashboard {
    /// The window, while open.
    pub fn show(&mut self, egui: &egui::Context, cx: &Ctx<'_>) {
        let mut open = self.open;
        super::window(TITLE).open(&mut open).default_width(640.0).show(egui, |ui| {
            self.ui(ui, cx.project, cx.doc());
        });
        self.open = open;
    }

    /// Draws the dashboard for `project`; `shown` is the document in view.
    pub fn ui(&mut self, ui: &mut Ui, project: &Project, shown: Option<&Document>) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.this_document, false, "Whole project");
            ui.add_enabled_ui(shown.is_some(), |ui| {
                ui.selectable_value(&mut self.this_document, true, "This document")
            });
        });
        let docs: Vec<&Document> = match shown {
            Some(doc) if self.this_document => vec![doc],
            _ => project.documents.iter().collect(),
        };
        let stats = Stats::of_documents(project, &docs);
        ui.label(format!(
            "{} document(s) · {} highlight(s), {} check-worthy · {} of {} comment(s) tagged ({} %)",
            stats.documents,
            stats.spans,
            stats.check_worthy,
            stats.comments_tagged,
            stats.comments,
            percent(stats.comments_tagged, stats.comments)
        ));
        ui.separator();
        let labels: Vec<Rgb> = project.schema.span_labels.iter().map(|l| l.color).collect();
        let levels: Vec<Rgb> = project.schema.sentiments.iter().map(|l| l.color).collect();
        ui.columns(2, |columns| {
            columns[0].strong("Highlights per label");
            bar_chart_ui(&mut columns[0], "labels_chart", &stats.spans_per_label, &labels);
            columns[1].strong("Comment sentiment");
            bar_chart_ui(&mut columns[1], "sentiment_chart", &stats.sentiments, &levels);
        });
        ui.separator();
        ui.columns(3, |columns| {
            counts_ui(&mut columns[0], "Verdicts", &stats.verdicts, stats.spans);
            counts_ui(&mut columns[1], "Annotators", &stats.spans_per_annotator, stats.spans);
            counts_ui(&mut columns[2], "Highlights per document", &stats.spans_per_document, stats.spans);
        });
        for dimension in &stats.dimensions {
            let tagged = dimension.values.iter().map(|c| c.count).sum();
            counts_ui(ui, &dimension.name, &dimension.values, tagged);
        }
        ui.separator();
        suggestions_ui(ui, &stats.suggestions);
    }
}

/// A bar per count, coloured like its label, named below.
fn bar_chart_ui(ui: &mut Ui, id: &str, counts: &[Count], colors: &[Rgb]) {
    let bars: Vec<Bar> = counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let color = colors.get(i).map_or(Color32::GRAY, |c| to_color32(*c));
            Bar::new(i as f64, c.count as f64).name(&c.name).fill(color).width(0.7)
        })
        .collect();
    let names: Vec<String> = counts.iter().map(|c| c.name.clone()).collect();
    Plot::new(id)
        .height(170.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([false, true])
        .include_y(0.0)
        .x_axis_formatter(move |mark, _| {
            let index = mark.value.round();
            if (mark.value - index).abs() > 1e-6 || index < 0.0 {
                return String::new();
            }
            names.get(index as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| plot.bar_chart(BarChart::new("counts", bars)));
}

/// A name, count and share per line.
fn counts_ui(ui: &mut Ui, title: &str, counts: &[Count], whole: usize) {
    ui.strong(title);
    egui::Grid::new(title).num_columns(3).striped(true).show(ui, |ui| {
        for count in counts {
            let name: String = count.name.chars().take(40).collect();
            ui.label(name).on_hover_text(&count.name);
            ui.label(count.count.to_string());
            ui.weak(format!("{} %", percent(count.count, whole)));
            ui.end_row();
        }
    });
}

/// What became of suggestions: accepted as suggested, edited after accepting, rejected; highlights and sentiments
/// each as a share of all suggestions decided.
fn suggestions_ui(ui: &mut Ui, counts: &[Count]) {
    let decided: usize = counts.iter().map(|c| c.count).sum();
    if decided == 0 {
        ui.weak("Suggestions: none accepted or rejected yet (Edit > Suggest…).");
        return;
    }
    counts_ui(ui, "Suggestions", counts, decided);
}
