//! Gloss's light and dark themes: egui's own, with every text colour moved to at least 4.5:1 against what it is
//! drawn on (WCAG AA), greyed controls included. egui's defaults give weak text about 2.7:1 and a greyed button
//! about 2.3:1 in the light theme; an analyst reads these panels all day.

use egui::{Color32, Theme, Visuals};

/// The colours of the article's text, which wants more contrast for long reading than egui's label colour.
pub fn document_text(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_gray(218) } else { Color32::from_gray(28) }
}

/// How strongly a greyed (disabled) control is drawn: faint enough to look unavailable, strong enough that its
/// text still reads at 4.5:1.
const DISABLED_ALPHA: f32 = 0.72;

/// The visuals of `theme`.
pub fn visuals(theme: Theme) -> Visuals {
    let mut visuals = match theme {
        Theme::Dark => Visuals::dark(),
        Theme::Light => Visuals::light(),
    };
    visuals.disabled_alpha = DISABLED_ALPHA;
    let grey = Color32::from_gray;
    match theme {
        Theme::Dark => {
            visuals.widgets.noninteractive.fg_stroke.color = grey(190);
            visuals.weak_text_color = Some(grey(150));
            visuals.error_fg_color = Color32::from_rgb(255, 110, 110);
            visuals.warn_fg_color = Color32::from_rgb(255, 160, 40);
            visuals.hyperlink_color = Color32::from_rgb(110, 180, 255);
        }
        Theme::Light => {
            visuals.widgets.noninteractive.fg_stroke.color = grey(45);
            visuals.widgets.inactive.fg_stroke.color = grey(30);
            visuals.weak_text_color = Some(grey(95));
            visuals.error_fg_color = Color32::from_rgb(190, 0, 0);
            visuals.warn_fg_color = Color32::from_rgb(160, 70, 0);
            visuals.hyperlink_color = Color32::from_rgb(0, 90, 180);
        }
    }
    visuals
}

/// Puts both themes into `ctx`; the user's preference picks between them.
pub fn install(ctx: &egui::Context) {
    for theme in [Theme::Dark, Theme::Light] {
        ctx.set_visuals_of(theme, visuals(theme));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IdAllocator, LabelSchema};
    use crate::ui::colors::{AA, contrast, highlight_fill, legible, over, text_on, to_color32};

    /// Every text colour the window draws, with what it is drawn on, named for the failure message.
    fn pairs(theme: Theme) -> Vec<(String, Color32, Color32)> {
        let v = visuals(theme);
        let mut pairs = Vec::new();
        let faint = over(v.faint_bg_color, v.panel_fill);
        let backgrounds = [
            ("panel", v.panel_fill),
            ("window", v.window_fill),
            ("text field", v.text_edit_bg_color()),
            ("stripe", faint),
        ];
        for (name, bg) in backgrounds {
            pairs.push((format!("text on {name}"), v.text_color(), bg));
            pairs.push((format!("weak text on {name}"), v.weak_text_color(), bg));
            pairs.push((format!("strong text on {name}"), v.strong_text_color(), bg));
            pairs.push((format!("error on {name}"), v.error_fg_color, bg));
            pairs.push((format!("warning on {name}"), v.warn_fg_color, bg));
            pairs.push((format!("link on {name}"), v.hyperlink_color, bg));
            // A greyed label: the whole of it drawn at the disabled alpha.
            pairs.push((format!("greyed text on {name}"), over(v.text_color().gamma_multiply(DISABLED_ALPHA), bg), bg));
        }
        let w = &v.widgets;
        for (name, state) in
            [("inactive", &w.inactive), ("hovered", &w.hovered), ("active", &w.active), ("open", &w.open)]
        {
            let button = over(state.weak_bg_fill, v.panel_fill);
            pairs.push((format!("{name} button"), state.fg_stroke.color, button));
            pairs.push((format!("{name} checkbox"), state.fg_stroke.color, over(state.bg_fill, v.panel_fill)));
        }
        // A greyed button (the label palette with nothing selected): fill and text both faded.
        for (name, bg) in [("panel", v.panel_fill), ("window", v.window_fill)] {
            let fill = over(w.inactive.weak_bg_fill.gamma_multiply(DISABLED_ALPHA), bg);
            let text = over(w.inactive.fg_stroke.color.gamma_multiply(DISABLED_ALPHA), fill);
            pairs.push((format!("greyed button on {name}"), text, fill));
        }
        pairs.push(("selected item".to_owned(), v.selection.stroke.color, v.selection.bg_fill));
        // The article, on the page, under a selection, and under highlights of the standard labels, two at a
        // time where they overlap.
        let (text, page) = (document_text(&v), v.panel_fill);
        pairs.push(("article".to_owned(), text, page));
        pairs.push(("article under the selection".to_owned(), text, over(v.selection.bg_fill, page)));
        let schema = LabelSchema::news_default(&mut IdAllocator::default());
        let fills: Vec<Color32> =
            schema.span_labels.iter().map(|l| highlight_fill(to_color32(l.color), text, page)).collect();
        for (i, a) in fills.iter().enumerate() {
            pairs.push((format!("article under highlight {i}"), text, over(*a, page)));
            for (j, b) in fills.iter().enumerate() {
                pairs.push((format!("article under highlights {i} and {j}"), text, over(*b, over(*a, page))));
            }
        }
        let schema_colors = schema.span_labels.iter().map(|l| l.color).chain(schema.sentiments.iter().map(|s| s.color));
        for color in schema_colors.map(to_color32) {
            pairs.push((format!("name of {color:?}"), legible(color, v.panel_fill), v.panel_fill));
            pairs.push((format!("name of {color:?} in a window"), legible(color, v.window_fill), v.window_fill));
            pairs.push((format!("text on a {color:?} badge"), text_on(color), color));
        }
        pairs
    }

    #[test]
    fn every_text_reads_at_wcag_aa_in_both_themes() {
        let mut failures = Vec::new();
        for theme in [Theme::Dark, Theme::Light] {
            for (what, text, background) in pairs(theme) {
                let ratio = contrast(text, background);
                if ratio < AA {
                    failures.push(format!("{theme:?}: {what}: {ratio:.2}:1 ({text:?} on {background:?})"));
                }
            }
        }
        assert!(failures.is_empty(), "below 4.5:1:\n{}", failures.join("\n"));
    }

    #[test]
    fn greyed_controls_still_look_greyed() {
        for theme in [Theme::Dark, Theme::Light] {
            let v = visuals(theme);
            let fill = over(v.widgets.inactive.weak_bg_fill, v.panel_fill);
            let enabled = contrast(v.widgets.inactive.fg_stroke.color, fill);
            let faded = over(v.widgets.inactive.weak_bg_fill.gamma_multiply(DISABLED_ALPHA), v.panel_fill);
            let greyed =
                contrast(over(v.widgets.inactive.fg_stroke.color.gamma_multiply(DISABLED_ALPHA), faded), faded);
            assert!(enabled > greyed * 1.4, "{theme:?}: enabled {enabled:.1}:1, greyed {greyed:.1}:1");
        }
    }
}
