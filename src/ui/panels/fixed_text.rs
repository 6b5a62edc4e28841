//! Text in a box of a fixed number of lines, so that what comes after it keeps its place however long the
//! text is: longer text ends in "…" and shows whole on hover.

use egui::{RichText, Ui};

/// `text` in a box exactly `rows` lines high, as wide as the panel.
pub fn fixed_rows_ui(ui: &mut Ui, text: RichText, rows: usize) {
    let row = ui.text_style_height(&egui::TextStyle::Body);
    let height = row * rows as f32 + ui.spacing().item_spacing.y;
    let width = ui.available_width();
    let full = text.text().to_owned();
    ui.allocate_ui_with_layout(egui::vec2(width, height), egui::Layout::top_down(egui::Align::Min), |ui| {
        ui.set_min_size(egui::vec2(width, height));
        let text = egui::WidgetText::from(text);
        let mut job = std::sync::Arc::unwrap_or_clone(text.into_layout_job(
            ui.style(),
            egui::FontSelection::Default,
            egui::Align::Min,
        ));
        job.wrap.max_rows = rows;
        job.wrap.overflow_character = Some('…');
        let (pos, galley, response) = egui::Label::new(job).layout_in_ui(ui);
        let elided = galley.elided;
        ui.painter().galley(pos, galley, ui.visuals().text_color());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &full));
        if elided {
            response.on_hover_text_at_pointer(full);
        }
    });
}
