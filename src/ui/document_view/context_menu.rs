//! The right-click menu of the article: repairs of how the import split it, at the place clicked.

use egui::{Pos2, Response};
use unicode_segmentation::UnicodeSegmentation;

use super::interact::hit;
use super::layout::Layout;
use crate::edit::Fix;
use crate::model::{Document, Target, paragraphs, text::byte_index};
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;

/// Shows the menu; `place` is where it was opened (kept by the view between frames). A right-click in a comment
/// focuses it; the repair chosen is sent as an edit.
pub(super) fn context_menu_ui(
    response: &Response,
    (layout, origin): (&Layout, Pos2),
    doc: &Document,
    place: &mut Option<(Target, usize)>,
    cx: &mut Ctx<'_>,
) {
    if response.secondary_clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        *place = hit(layout, origin, pos);
        if let Some((Target::Comment(comment), _)) = *place {
            cx.send(Intent::FocusComment { comment, reveal: false });
        }
    }
    let mut chosen = None;
    let place = *place;
    response.context_menu(|ui| {
        let Some((target, offset)) = place else {
            ui.label("Right-click a paragraph or a comment to repair how the article was split.");
            return;
        };
        match target {
            Target::Body => {
                let paragraph = paragraphs::index_at(&doc.body, offset);
                let button = ui.add_enabled(paragraph > 0, egui::Button::new("Comments start here"));
                if button.on_hover_text("This paragraph and all after it become comments, one each").clicked() {
                    chosen = Some(Fix::CommentsFrom { paragraph });
                }
            }
            Target::Comment(comment) => {
                let Some(index) = doc.comment_index(comment) else { return };
                let text = &doc.comments[index].text;
                let at = word_start(text, offset);
                if ui.add_enabled(at > 0, egui::Button::new("Split comment here")).clicked() {
                    chosen = Some(Fix::SplitComment { comment, at });
                }
                let has_next = index + 1 < doc.comments.len();
                if ui.add_enabled(has_next, egui::Button::new("Merge with the next comment")).clicked() {
                    chosen = Some(Fix::MergeWithNext { comment });
                }
                if ui.button("This and later comments belong to the article").clicked() {
                    chosen = Some(Fix::BodyFrom { comment });
                }
            }
        }
        if chosen.is_some() {
            ui.close();
        }
    });
    if let Some(fix) = chosen {
        cx.send(Intent::Edit(crate::edit::Command::FixUp { doc: doc.id, fix }));
    }
}

/// The start of the word at code point `offset`, so a split never cuts a word in two.
fn word_start(text: &str, offset: usize) -> usize {
    let Some(byte) = byte_index(text, offset) else { return offset };
    let start = text.split_word_bound_indices().take_while(|(i, _)| *i <= byte).last().map_or(0, |(i, _)| i);
    text[..start].chars().count()
}
