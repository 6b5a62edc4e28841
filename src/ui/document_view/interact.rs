//! Mouse interaction with the article: drag to select, click a highlight or a comment, double-click a word.

use egui::{CursorIcon, Pos2, Ui};

use super::layout::{BlockKind, Layout};
use super::span_index::SpanIndex;
use crate::model::{Document, Target};
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;
use crate::ui::selection::TextSelection;
use crate::ui::suggestions::Review;

/// Where the pointer is in the text: the block under it and the character offset within its target.
pub(super) fn hit(layout: &Layout, origin: Pos2, pos: Pos2) -> Option<(Target, usize)> {
    let local = pos - origin;
    let near = layout.range(local.y - 4.0, local.y + 4.0);
    layout.blocks[near].iter().find_map(|block| {
        let BlockKind::Paragraph { target, start, .. } = block.kind else { return None };
        let rect = block.galley.rect.translate(block.offset).expand2(egui::vec2(4.0, 3.0));
        if !rect.contains(local.to_pos2()) {
            return None;
        }
        Some((target, start + super::geometry::offset_at(block, local - block.offset)))
    })
}

/// Where a drag that started in `target` has reached: the pointer is clamped to that target's paragraphs, so a
/// selection never crosses from the article into a comment.
pub(super) fn drag_hit(layout: &Layout, origin: Pos2, pos: Pos2, target: Target) -> Option<usize> {
    let local = pos - origin;
    let blocks: Vec<_> = layout
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Paragraph { target: t, start, .. } if t == target => Some((b, start)),
            _ => None,
        })
        .collect();
    let (block, start) = blocks.iter().rev().find(|(b, _)| b.offset.y <= local.y).or_else(|| blocks.first())?;
    Some(start + super::geometry::offset_at(block, local - block.offset))
}

/// The pointer on the article: a drag selects (the selection under way is `drag`, sent when the button comes
/// up, grown to whole words if the settings say so), a double-click selects a word, a click selects the highlight
/// under it or focuses the comment.
pub(super) fn interact(
    ui: &Ui,
    response: &egui::Response,
    (layout, index, origin): (&Layout, &SpanIndex, Pos2),
    doc: &Document,
    drag: &mut Option<TextSelection>,
    cx: &mut Ctx<'_>,
) {
    if let Some(pos) = response.hover_pos()
        && hit(layout, origin, pos).is_some()
    {
        ui.ctx().set_cursor_icon(CursorIcon::Text);
    }
    if response.drag_started()
        && let Some(press) = ui.input(|i| i.pointer.press_origin())
    {
        *drag =
            hit(layout, origin, press).map(|(target, offset)| TextSelection { target, anchor: offset, head: offset });
        if drag.is_some() {
            // A selection begins: the highlight selected so far is the one it may be added to.
            cx.send(Intent::SelectText(*drag));
        }
    }
    if response.dragged()
        && let Some(pos) = response.interact_pointer_pos()
        && let Some(selection) = drag
    {
        if let Some(offset) = drag_hit(layout, origin, pos, selection.target) {
            selection.head = offset;
        }
        autoscroll(ui, pos);
    }
    if response.drag_stopped()
        && let Some(mut selection) = drag.take()
    {
        if selection.is_empty() {
            cx.send(Intent::SelectText(None));
        } else {
            // Alt asks for the characters dragged over, this once.
            let precise = ui.input(|i| i.modifiers.alt);
            if cx.settings.snap_to_words()
                && !precise
                && let Some(text) = doc.target_text(selection.target)
            {
                snap(&mut selection, text);
            }
            cx.send(Intent::SelectText(Some(selection)));
        }
    }
    if response.double_clicked()
        && let Some(pos) = response.interact_pointer_pos()
        && let Some((target, offset)) = hit(layout, origin, pos)
    {
        cx.send(Intent::SelectText(word_at(doc, target, offset)));
    } else if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        click(layout, index, origin, pos, cx);
    }
}

/// Grows a selection to the edges of the words it touches.
fn snap(selection: &mut TextSelection, text: &str) {
    let (start, end) = selection.range();
    let (mut new_start, mut new_end) = (start, end);
    for (word_start, word_end, _) in crate::model::text::words(text).take_while(|&(s, _, _)| s < end) {
        if (word_start..word_end).contains(&start) {
            new_start = word_start;
        }
        if word_start < end && end < word_end {
            new_end = word_end;
        }
    }
    let forward = selection.anchor <= selection.head;
    (selection.anchor, selection.head) = if forward { (new_start, new_end) } else { (new_end, new_start) };
}

fn click(layout: &Layout, index: &SpanIndex, origin: Pos2, pos: Pos2, cx: &mut Ctx<'_>) {
    if let Some((target, offset)) = hit(layout, origin, pos) {
        let span = index.at(target, offset).first().map(|r| r.span);
        cx.send(Intent::SelectSpan { span, target: Some(target), reveal: false });
        if span.is_none() {
            // Text that is no highlight may be a suggestion's: a click puts it under review.
            cx.send(Intent::Review(Review::Pick(target, offset)));
        }
        return;
    }
    cx.send(Intent::SelectSpan { span: None, target: None, reveal: false });
    let local = (pos - origin).to_pos2();
    if let Some(card) = layout.cards.iter().find(|c| c.rect.contains(local)) {
        cx.send(Intent::FocusComment { comment: card.comment, reveal: false });
        cx.send(Intent::Review(Review::Pick(Target::Comment(card.comment), usize::MAX)));
    }
}

fn word_at(doc: &Document, target: Target, offset: usize) -> Option<TextSelection> {
    let text = doc.target_text(target)?;
    let (start, end, _) = crate::model::text::words(text).find(|&(s, e, _)| (s..e).contains(&offset))?;
    Some(TextSelection { target, anchor: start, head: end })
}

/// Dragging past the top or bottom edge scrolls, so a selection can run longer than the window.
fn autoscroll(ui: &Ui, pos: Pos2) {
    let clip = ui.clip_rect();
    let margin = 24.0;
    let speed = if pos.y < clip.top() + margin {
        (clip.top() + margin - pos.y).min(60.0)
    } else if pos.y > clip.bottom() - margin {
        -(pos.y - (clip.bottom() - margin)).min(60.0)
    } else {
        return;
    };
    ui.scroll_with_delta_animation(egui::vec2(0.0, speed * 0.5), egui::style::ScrollAnimation::none());
    ui.ctx().request_repaint();
}
