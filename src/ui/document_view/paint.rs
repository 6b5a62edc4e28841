//! Painting the visible part of the article: comment cards, highlights and the selection behind the text, then
//! the text itself.

use egui::{Color32, Pos2, Rect, Stroke, StrokeKind, Ui};

use super::Marks;
use super::geometry::block_rects;
use super::layout::{Block, BlockKind, Layout};
use super::span_index::SpanIndex;
use crate::model::{CommentId, Target};
use crate::model::{Document, LabelSchema};
use crate::ui::colors::{highlight_fill, text_on, to_color32};

/// Everything one frame of painting reads.
pub(super) struct Painting<'a> {
    pub ui: &'a Ui,
    pub layout: &'a Layout,
    pub index: &'a SpanIndex,
    pub doc: &'a Document,
    pub schema: &'a LabelSchema,
    pub marks: &'a Marks<'a>,
    /// The current annotator, whose tags the badges show.
    pub annotator: &'a str,
    /// Screen position of the content's top-left corner.
    pub origin: Pos2,
    /// The open suggestions of the document.
    pub ghosts: &'a super::ghosts::Ghosts,
}

impl Painting<'_> {
    /// Paints the blocks and cards that intersect `viewport` (in content coordinates), and nothing else.
    pub fn visible(&self, viewport: Rect) {
        let visuals = self.ui.visuals();
        let painter = self.ui.painter();
        for card in self.layout.cards.iter().filter(|c| c.rect.intersects(viewport)) {
            let stroke = if self.marks.comment == Some(card.comment) {
                Stroke::new(2.0, visuals.selection.stroke.color)
            } else {
                visuals.widgets.noninteractive.bg_stroke
            };
            let rect = card.rect.translate(self.origin.to_vec2());
            painter.rect(rect, 6.0, visuals.faint_bg_color, stroke, StrokeKind::Inside);
        }
        let blocks = &self.layout.blocks;
        let first = blocks.partition_point(|b| b.bottom() < viewport.min.y);
        for block in blocks[first..].iter().take_while(|b| b.offset.y <= viewport.max.y) {
            let pos = self.origin + block.offset;
            match block.kind {
                BlockKind::Paragraph { target, start, len } => {
                    self.highlights(block, pos, target, start, len);
                    self.ghosts.paint_passages(self.ui, block, pos, (target, start, len));
                    self.overlay(block, pos, target, start, len);
                    self.find_matches(block, pos, target, start, len);
                    self.selection(block, pos, target, start, len);
                }
                BlockKind::CommentHeader(comment) => self.sentiment_badge(block, pos, comment),
                _ => {}
            }
            painter.galley(pos, block.galley.clone(), visuals.text_color());
        }
    }

    fn highlights(&self, block: &Block, pos: Pos2, target: Target, start: usize, len: usize) {
        let painter = self.ui.painter();
        let (text, page) = (crate::ui::theme::document_text(self.ui.visuals()), self.ui.visuals().panel_fill);
        for range in self.index.overlapping(target, start, start + len) {
            let color = self.schema.label(range.label).map_or(Color32::GRAY, |l| to_color32(l.color));
            let from = range.start.max(start) - start;
            let to = range.end.min(start + len) - start;
            let selected = self.marks.span == Some(range.span);
            for rect in block_rects(block, from, to) {
                let rect = rect.translate(pos.to_vec2());
                if range.mine {
                    painter.rect_filled(rect, 2.0, highlight_fill(color, text, page));
                } else {
                    // Another annotator's highlight: outlined, so that one's own work stands out over theirs.
                    painter.rect_stroke(rect, 2.0, Stroke::new(1.5, color), StrokeKind::Inside);
                }
                // A bar under each highlight, stacked by lane, keeps overlapping spans tellable apart.
                let lift = 3.0 * f32::from(range.lane.min(4));
                let underline = Rect::from_min_max(
                    egui::pos2(rect.left(), rect.bottom() - 2.0 - lift),
                    egui::pos2(rect.right(), rect.bottom() - lift),
                );
                painter.rect_filled(underline, 0.0, color);
                if selected {
                    painter.rect_stroke(rect.expand(1.0), 2.0, Stroke::new(2.0, color), StrokeKind::Outside);
                }
            }
        }
    }

    /// A student's work over the key: each mark outlined in its style's colour, dashed for what is missed or added.
    fn overlay(&self, block: &Block, pos: Pos2, target: Target, start: usize, len: usize) {
        let Some(overlay) = self.marks.overlay else { return };
        let painter = self.ui.painter();
        for mark in overlay.marks.iter().filter(|m| m.doc == self.doc.id && m.target == target) {
            if mark.end <= start || mark.start >= start + len {
                continue;
            }
            let stroke = Stroke::new(2.0, mark.style.color());
            for rect in block_rects(block, mark.start.max(start) - start, mark.end.min(start + len) - start) {
                let rect = rect.translate(pos.to_vec2()).expand(2.0);
                if mark.style.dashed() {
                    let corners =
                        [rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom(), rect.left_top()];
                    painter.extend(egui::Shape::dashed_line(&corners, stroke, 4.0, 3.0));
                } else {
                    painter.rect_stroke(rect, 2.0, stroke, StrokeKind::Outside);
                }
            }
        }
    }

    /// Search matches: outlined, the current one filled.
    fn find_matches(&self, block: &Block, pos: Pos2, target: Target, start: usize, len: usize) {
        let color = Color32::from_rgb(0xff, 0xc1, 0x07);
        let fill =
            highlight_fill(color, crate::ui::theme::document_text(self.ui.visuals()), self.ui.visuals().panel_fill);
        let (matches, current) = self.marks.find;
        for (index, &(t, from, to)) in matches.iter().enumerate() {
            if t != target || to <= start || from >= start + len {
                continue;
            }
            let current = current == Some(index);
            for rect in block_rects(block, from.max(start) - start, to.min(start + len) - start) {
                let rect = rect.translate(pos.to_vec2()).expand(1.0);
                if current {
                    self.ui.painter().rect_filled(rect, 2.0, fill);
                }
                self.ui.painter().rect_stroke(rect, 2.0, Stroke::new(1.5, color), StrokeKind::Outside);
            }
        }
    }

    fn selection(&self, block: &Block, pos: Pos2, target: Target, start: usize, len: usize) {
        let Some(selection) = self.marks.text.filter(|s| s.target == target) else { return };
        let (from, to) = selection.range();
        let (from, to) = (from.max(start), to.min(start + len));
        if from >= to {
            return;
        }
        let fill = self.ui.visuals().selection.bg_fill;
        for rect in block_rects(block, from - start, to - start) {
            self.ui.painter().rect_filled(rect.translate(pos.to_vec2()), 0.0, fill);
        }
    }

    /// The comment's sentiment as a coloured pill at the right of its header, or "untagged".
    fn sentiment_badge(&self, block: &Block, pos: Pos2, comment: CommentId) {
        let Some(comment) = self.doc.comment(comment) else { return };
        let ui = self.ui;
        let level = comment.sentiment_of(self.annotator).and_then(|id| self.schema.sentiment(id));
        // The header's galley starts at the column's left edge, or ends at its right edge for right-to-left names.
        let right =
            if block.galley.job.halign == egui::Align::RIGHT { pos.x } else { pos.x + block.galley.job.wrap.max_width };
        if level.is_none() && self.ghosts.paint_pill(ui, comment.id, right, pos.y).is_some() {
            return;
        }
        let (text, fill, color) = match level {
            Some(level) => (level.name.as_str(), to_color32(level.color), text_on(to_color32(level.color))),
            None => ("untagged", Color32::TRANSPARENT, ui.visuals().weak_text_color()),
        };
        let galley = ui.painter().layout_no_wrap(text.to_owned(), egui::FontId::proportional(12.0), color);
        let size = galley.size() + egui::vec2(14.0, 4.0);
        let rect = Rect::from_min_size(egui::pos2(right - size.x, pos.y), size);
        let stroke = if level.is_some() { Stroke::NONE } else { ui.visuals().widgets.noninteractive.bg_stroke };
        ui.painter().rect(rect, 8.0, fill, stroke, StrokeKind::Inside);
        ui.painter().galley(rect.min + egui::vec2(7.0, 2.0), galley, color);
    }
}
