//! Colours of the label schema as egui colours.

use egui::Color32;

use crate::model::Rgb;

/// The schema colour as an opaque egui colour.
pub fn to_color32(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// The translucent fill behind highlighted text; overlapping highlights blend into a darker mix.
pub fn highlight_fill(color: Color32, dark_mode: bool) -> Color32 {
    color.gamma_multiply(if dark_mode { 0.45 } else { 0.38 })
}
