//! Geometry of character ranges inside a galley: where highlights and the selection go, and where a span is.

use egui::epaint::text::cursor::CCursor;
use egui::{Galley, Rect, Vec2, pos2};

use super::layout::{Block, BlockKind, Layout, pieces};
use crate::model::Target;

/// Rectangles (relative to the block's galley) covering the block's characters `start..end`, counted in reading
/// order; a right-to-left paragraph shows them where its display order puts them.
pub fn block_rects(block: &Block, start: usize, end: usize) -> Vec<Rect> {
    match &block.visual {
        None => range_rects(&block.galley, start, end),
        Some(visual) => pieces::rects(&visual.pieces, &block.galley, start, end),
    }
}

/// The cursor rectangle (relative to the galley) before the block's character `offset`, in reading order.
pub fn cursor_rect(block: &Block, offset: usize) -> Rect {
    match &block.visual {
        None => block.galley.pos_from_cursor(CCursor::new(offset)),
        Some(visual) => pieces::cursor(&visual.pieces, &block.galley, offset),
    }
}

/// The reading-order offset of the block's character boundary nearest to `local` (relative to the galley).
pub fn offset_at(block: &Block, local: Vec2) -> usize {
    match &block.visual {
        None => block.galley.cursor_from_pos(local).index.0,
        Some(visual) => pieces::offset_at(&visual.pieces, &block.galley, local.to_pos2()),
    }
}

/// Rectangles covering the characters `start..end` (code points of the galley's text), one per row touched.
pub fn range_rects(galley: &Galley, start: usize, end: usize) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut row_start = 0;
    for row in &galley.rows {
        let chars = row.char_count_excluding_newline().0;
        let row_end = row_start + chars;
        let from = start.max(row_start);
        let to = end.min(row_end);
        if from < to {
            let x0 = row.pos.x + row.x_offset((from - row_start).into());
            let x1 = row.pos.x + row.x_offset((to - row_start).into());
            rects.push(Rect::from_min_max(pos2(x0, row.min_y()), pos2(x1, row.max_y())));
        } else if from == to && start < row_end + 1 && end > row_end && row.ends_with_newline && chars == 0 {
            // An empty line inside the range: show a sliver so the selection does not look interrupted.
            rects.push(Rect::from_min_max(pos2(row.pos.x, row.min_y()), pos2(row.pos.x + 4.0, row.max_y())));
        }
        row_start += row.char_count_including_newline().0;
        if row_start >= end {
            break;
        }
    }
    rects
}

/// The rectangle (relative to the content) of the character at `offset` of `target`, or of the first paragraph
/// of the target if the offset falls between paragraphs.
pub(super) fn offset_rect(layout: &Layout, target: Target, offset: usize) -> Option<Rect> {
    let paragraphs = layout.blocks.iter().filter_map(|block| match block.kind {
        BlockKind::Paragraph { target: t, start, len } if t == target => Some((block, start, len)),
        _ => None,
    });
    let mut first = None;
    for (block, start, len) in paragraphs {
        first.get_or_insert((block, start));
        if (start..=start + len).contains(&offset) {
            let cursor = cursor_rect(block, offset - start);
            return Some(cursor.expand2(egui::vec2(4.0, 0.0)).translate(block.offset));
        }
    }
    first.map(|(block, _)| Rect::from_min_size(block.offset.to_pos2(), egui::vec2(4.0, 20.0)))
}
