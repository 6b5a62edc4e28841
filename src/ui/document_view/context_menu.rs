//! The right-click menu of the article: repairs of how the import split it, at the place clicked.

use egui::{Pos2, Response};
use unicode_segmentation::UnicodeSegmentation;

use super::interact::hit;
use super::layout::Layout;
use crate::edit::Fix;
use crate::model::{Document, Target, paragraphs, text::byte_index};
use crate::ui::state::ViewState;

/// Shows the menu; returns the repair chosen, if any.
pub(super) fn context_menu_ui(
    response: &Response,
    layout: &Layout,
    origin: Pos2,
    doc: &Document,
    state: &mut ViewState,
) -> Option<Fix> {
    if response.secondary_clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        state.context = hit(layout, origin, pos);
        if let Some((Target::Comment(comment), _)) = state.context {
            state.focused_comment = Some(comment);
        }
    }
    let mut chosen = None;
    response.context_menu(|ui| {
        let Some((target, offset)) = state.context else {
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
    chosen
}

/// The start of the word at code point `offset`, so a split never cuts a word in two.
fn word_start(text: &str, offset: usize) -> usize {
    let Some(byte) = byte_index(text, offset) else { return offset };
    let start = text.split_word_bound_indices().take_while(|(i, _)| *i <= byte).last().map_or(0, |(i, _)| i);
    text[..start].chars().count()
}
