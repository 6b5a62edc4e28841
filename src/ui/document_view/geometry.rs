//! Geometry of character ranges inside a galley: where highlights and the selection go, and where a span is.

use egui::{Galley, Rect, pos2};

use super::layout::{BlockKind, Layout};
use crate::model::{Document, SpanId};

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

/// The rectangle (relative to the content) of the start of a span, for scrolling to it.
pub(super) fn span_rect(layout: &Layout, doc: &Document, span: SpanId) -> Option<Rect> {
    let span = doc.span(span)?;
    let offset = span.start();
    layout.blocks.iter().find_map(|block| match block.kind {
        BlockKind::Paragraph { target, start, len }
            if target == span.target && (start..start + len).contains(&offset) =>
        {
            let rects = range_rects(&block.galley, offset - start, (span.end() - start).min(len));
            rects.first().map(|r| r.translate(block.offset))
        }
        _ => None,
    })
}
