//! Where the words of a right-to-left paragraph are drawn. egui's cursor positions do not follow right-to-left
//! text (its rows count glyphs, not characters, there), so highlights, the selection and clicks in such a
//! paragraph work with whole words and spaces, placed by measuring them.

use egui::{Galley, Rect, pos2};

use super::bidi::{Piece, Visual};

/// The pieces of `visual`, laid out as `galley` (one row per display line), each measured with `measure`.
pub fn place(visual: &Visual, galley: &Galley, mut measure: impl FnMut(&str) -> f32) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut display = 0;
    for (row, line) in visual.text.split('\n').enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mut tokens: Vec<(usize, usize)> = Vec::new();
        for (i, c) in chars.iter().enumerate() {
            match tokens.last_mut() {
                Some(last) if chars[last.0].is_whitespace() == c.is_whitespace() => last.1 = i + 1,
                _ => tokens.push((i, i + 1)),
            }
        }
        let widths: Vec<f32> = tokens.iter().map(|&(a, b)| measure(&chars[a..b].iter().collect::<String>())).collect();
        let Some(placed) = galley.rows.get(row) else { break };
        let rect = placed.rect();
        let total: f32 = widths.iter().sum();
        let scale = if total > 0.0 { rect.width() / total } else { 1.0 };
        let mut x = rect.min.x;
        for (&(a, b), width) in tokens.iter().zip(widths) {
            let logical: Vec<(usize, bool)> = (a..b).filter_map(|i| visual.logical(display + i)).collect();
            let x1 = x + width * scale;
            if let (Some(first), Some(last)) = (logical.iter().map(|l| l.0).min(), logical.iter().map(|l| l.0).max()) {
                let rtl = logical.iter().any(|l| l.1);
                pieces.push(Piece { row, x0: x, x1, first, last, rtl });
            }
            x = x1;
        }
        display += chars.len() + 1;
    }
    pieces
}

/// Rectangles over the pieces that hold characters of `start..end` (reading order).
pub fn rects(pieces: &[Piece], galley: &Galley, start: usize, end: usize) -> Vec<Rect> {
    pieces
        .iter()
        .filter(|p| p.first < end && p.last >= start)
        .filter_map(|p| {
            let row = galley.rows.get(p.row)?;
            Some(Rect::from_min_max(pos2(p.x0, row.min_y()), pos2(p.x1, row.max_y())))
        })
        .collect()
}

/// A thin rectangle where the boundary before character `offset` (reading order) is drawn.
pub fn cursor(pieces: &[Piece], galley: &Galley, offset: usize) -> Rect {
    let found = pieces.iter().find(|p| (p.first..=p.last).contains(&offset));
    let (piece, at_start) = match found {
        Some(p) => (Some(p), offset == p.first),
        None => (pieces.iter().max_by_key(|p| p.last), false),
    };
    let Some(piece) = piece else { return Rect::from_min_size(pos2(0.0, 0.0), egui::vec2(1.0, 16.0)) };
    // Reading starts at the right edge of a right-to-left word.
    let x = if at_start == piece.rtl { piece.x1 } else { piece.x0 };
    let (top, bottom) = galley.rows.get(piece.row).map_or((0.0, 16.0), |r| (r.min_y(), r.max_y()));
    Rect::from_min_max(pos2(x, top), pos2(x + 1.0, bottom))
}

/// The reading-order boundary nearest to `pos` (galley coordinates): a word's start or end.
pub fn offset_at(pieces: &[Piece], galley: &Galley, pos: egui::Pos2) -> usize {
    let row = galley
        .rows
        .iter()
        .enumerate()
        .min_by(|a, b| distance(a.1.min_y(), a.1.max_y(), pos.y).total_cmp(&distance(b.1.min_y(), b.1.max_y(), pos.y)))
        .map_or(0, |(i, _)| i);
    let in_row = pieces.iter().filter(|p| p.row == row);
    let nearest = in_row.min_by(|a, b| distance(a.x0, a.x1, pos.x).total_cmp(&distance(b.x0, b.x1, pos.x)));
    let Some(piece) = nearest else { return 0 };
    let right_half = pos.x > (piece.x0 + piece.x1) / 2.0;
    if right_half == piece.rtl { piece.first } else { piece.last + 1 }
}

fn distance(from: f32, to: f32, at: f32) -> f32 {
    if at < from {
        from - at
    } else if at > to {
        at - to
    } else {
        0.0
    }
}
