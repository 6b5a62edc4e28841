//! Colours of the label schema as egui colours, and the arithmetic that keeps text on them readable: the WCAG
//! contrast ratio, and colours moved just far enough to reach 4.5:1 (WCAG AA for text). A schema's colours are
//! the user's choice, so readability is computed, never assumed.

use egui::Color32;

use crate::model::Rgb;

/// The contrast WCAG AA asks of text.
pub const AA: f32 = 4.5;

/// The schema colour as an opaque egui colour.
pub fn to_color32(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// A schema colour as the colour of its name written in a panel or window of `visuals`.
pub fn name_color(visuals: &egui::Visuals, rgb: Rgb) -> Color32 {
    legible(to_color32(rgb), visuals.window_fill)
}

/// Relative luminance (WCAG 2.x) of an opaque colour.
pub fn luminance(color: Color32) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}

/// The WCAG contrast ratio of two opaque colours, from 1 (none) to 21 (black on white).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `top` (premultiplied, possibly translucent) painted over the opaque `bottom`, as egui's painter blends.
pub fn over(top: Color32, bottom: Color32) -> Color32 {
    let keep = 1.0 - f32::from(top.a()) / 255.0;
    let mix = |t: u8, b: u8| (f32::from(t) + f32::from(b) * keep).round().clamp(0.0, 255.0) as u8;
    Color32::from_rgb(mix(top.r(), bottom.r()), mix(top.g(), bottom.g()), mix(top.b(), bottom.b()))
}

/// Black or white, whichever reads better on `fill` (one of them always reaches 4.5:1).
pub fn text_on(fill: Color32) -> Color32 {
    if contrast(Color32::BLACK, fill) >= contrast(Color32::WHITE, fill) { Color32::BLACK } else { Color32::WHITE }
}

/// `color` as text on `background`: itself where it already reads at 4.5:1, else moved towards black (on a
/// light background) or white (on a dark one) just far enough, so that the label keeps its hue.
pub fn legible(color: Color32, background: Color32) -> Color32 {
    let target = text_on(background);
    (0..=20)
        .map(|step| mix(color, target, step as f32 / 20.0))
        .find(|&c| contrast(c, background) >= AA)
        .unwrap_or(target)
}

/// The translucent fill behind highlighted text. It is as strong as it can be while `text` on it, over `page`,
/// still reads at 4.5:1 where two highlights overlap; overlapping highlights blend into a stronger mix.
pub fn highlight_fill(color: Color32, text: Color32, page: Color32) -> Color32 {
    let strongest = if luminance(page) < 0.5 { 0.45 } else { 0.38 };
    (0..=9)
        .map(|step| strongest * (1.0 - step as f32 / 10.0))
        .map(|alpha| color.gamma_multiply(alpha))
        .find(|&fill| contrast(text, over(fill, over(fill, page))) >= AA)
        .unwrap_or(Color32::TRANSPARENT)
}

/// `a` moved towards `b` by `t` (0 is `a`, 1 is `b`).
fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let m = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(m(a.r(), b.r()), m(a.g(), b.g()), m(a.b(), b.b()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contrast_ratio_is_wcags() {
        // WCAG's own end points and a published pair: #777 on white is 4.48:1.
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.001);
        assert!((contrast(Color32::from_gray(0x77), Color32::WHITE) - 4.48).abs() < 0.01);
    }

    #[test]
    fn any_colour_gets_readable_text_and_keeps_its_hue_where_it_can() {
        for r in (0..=255).step_by(17) {
            for g in (0..=255).step_by(17) {
                for b in (0..=255).step_by(17) {
                    let color = Color32::from_rgb(r, g, b);
                    assert!(contrast(text_on(color), color) >= AA, "{color:?}");
                    for background in [Color32::from_gray(27), Color32::from_gray(248)] {
                        assert!(contrast(legible(color, background), background) >= AA, "{color:?}");
                    }
                }
            }
        }
        let dark_blue = Color32::from_rgb(0x1a, 0x3a, 0x8a);
        assert_eq!(legible(dark_blue, Color32::WHITE), dark_blue, "a colour that reads stays as it is");
    }
}
