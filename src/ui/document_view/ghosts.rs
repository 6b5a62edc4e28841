//! Suggestions on the text: a dashed outline in the label's colour around each suggested passage (a solid,
//! thicker one around the suggestion under review), and a dashed pill with the suggested level and VADER's score
//! on a comment's header. They are drawn apart from highlights because they are not annotations. Highlights an
//! update placed where their changed text went, until the annotator decides about them, get a dashed amber
//! outline the same way.

use std::collections::HashMap;

use egui::{Color32, Pos2, Rect, Stroke, StrokeKind, Ui};

use super::geometry::block_rects;
use super::layout::Block;
use crate::model::{CommentId, Document, LabelSchema, Reanchor, Target};
use crate::ui::colors::to_color32;
use crate::ui::suggestions::Suggestions;

/// The outline of a highlight an update left for review.
const REVIEW: Color32 = Color32::from_rgb(232, 150, 40);

/// One suggested passage, as painted.
pub(super) struct Ghost {
    /// Code point ranges of its target.
    pub ranges: Vec<(usize, usize)>,
    /// The label's colour.
    pub color: Color32,
    /// Whether it is the one under review.
    pub current: bool,
}

/// A comment's suggested sentiment, as painted.
pub(super) struct Pill {
    /// "Positive +0.89".
    pub text: String,
    /// The level's colour.
    pub color: Color32,
    /// Whether it is the one under review.
    pub current: bool,
}

/// The suggested passages of one text, by start, with the longest extent, so that a paragraph finds its own
/// without looking at every other (a long article has thousands).
#[derive(Default)]
pub(super) struct Passages {
    ghosts: Vec<Ghost>,
    longest: usize,
}

/// The suggestions of one document, ready to paint.
#[derive(Default)]
pub(super) struct Ghosts {
    /// Passages by the text they lie in.
    pub passages: HashMap<Target, Passages>,
    /// Suggested sentiments by comment.
    pub pills: HashMap<CommentId, Pill>,
}

impl Ghosts {
    /// The open suggestions of `doc`, and its highlights waiting for review after an update.
    pub fn of(suggestions: &Suggestions, document: &Document, schema: &LabelSchema) -> Self {
        let doc = document.id;
        let mut ghosts = Self::default();
        for entry in document.review.iter().filter(|e| e.status == Reanchor::Edited) {
            if let Some(span) = document.span(entry.span) {
                let ranges = span.ranges.iter().map(|r| (r.start, r.end)).collect();
                ghosts.passages.entry(span.target).or_default().ghosts.push(Ghost {
                    ranges,
                    color: REVIEW,
                    current: false,
                });
            }
        }
        let under_review = suggestions.current();
        for s in suggestions.in_document(doc) {
            let current = under_review.is_some_and(|c| std::ptr::eq(c, s));
            if let (Some(level), Target::Comment(comment)) = (s.level, s.target) {
                let Some(level) = schema.sentiment(level) else { continue };
                let text = format!("suggested: {} {:+.2}", level.name, s.score.unwrap_or_default());
                ghosts.pills.insert(comment, Pill { text, color: to_color32(level.color), current });
                continue;
            }
            let color = s.label.and_then(|l| schema.label(l)).map_or(Color32::GRAY, |l| to_color32(l.color));
            let ranges = s.chosen_ranges().to_vec();
            ghosts.passages.entry(s.target).or_default().ghosts.push(Ghost { ranges, color, current });
        }
        for passages in ghosts.passages.values_mut() {
            passages.ghosts.sort_by_key(|g| g.ranges.first().map_or(0, |r| r.0));
            let extent = |g: &Ghost| g.ranges.last().map_or(0, |r| r.1) - g.ranges.first().map_or(0, |r| r.0);
            passages.longest = passages.ghosts.iter().map(extent).max().unwrap_or(0);
        }
        ghosts
    }

    /// Paints the passages that lie in the block's characters `start..start + len` of `target`.
    pub fn paint_passages(&self, ui: &Ui, block: &Block, pos: Pos2, (target, start, len): (Target, usize, usize)) {
        let Some(passages) = self.passages.get(&target) else { return };
        let painter = ui.painter();
        let first = |g: &Ghost| g.ranges.first().map_or(0, |r| r.0);
        let from = passages.ghosts.partition_point(|g| first(g) + passages.longest <= start);
        for ghost in passages.ghosts[from..].iter().take_while(|g| first(g) < start + len) {
            let width = if ghost.current { 2.5 } else { 1.5 };
            let stroke = Stroke::new(width, ghost.color);
            for &(from, to) in &ghost.ranges {
                if to <= start || from >= start + len {
                    continue;
                }
                for rect in block_rects(block, from.max(start) - start, to.min(start + len) - start) {
                    let rect = rect.translate(pos.to_vec2()).expand(1.5);
                    if ghost.current {
                        painter.rect_filled(rect, 2.0, ghost.color.gamma_multiply(0.18));
                        painter.rect_stroke(rect, 2.0, stroke, StrokeKind::Outside);
                    } else {
                        painter.extend(dashed(rect, stroke));
                    }
                }
            }
        }
    }

    /// Paints the suggested sentiment of `comment` as a pill ending at `right`, on the header row at `top`; the
    /// rectangle it took.
    pub fn paint_pill(&self, ui: &Ui, comment: CommentId, right: f32, top: f32) -> Option<Rect> {
        let pill = self.pills.get(&comment)?;
        let color = crate::ui::colors::legible(pill.color, ui.visuals().panel_fill);
        let galley = ui.painter().layout_no_wrap(pill.text.clone(), egui::FontId::proportional(12.0), color);
        let size = galley.size() + egui::vec2(14.0, 4.0);
        let rect = Rect::from_min_size(egui::pos2(right - size.x, top), size);
        let stroke = Stroke::new(if pill.current { 2.5 } else { 1.5 }, pill.color);
        if pill.current {
            ui.painter().rect(rect, 8.0, pill.color.gamma_multiply(0.18), stroke, StrokeKind::Inside);
        } else {
            ui.painter().extend(dashed(rect, stroke));
        }
        ui.painter().galley(rect.min + egui::vec2(7.0, 2.0), galley, color);
        Some(rect)
    }
}

/// A dashed rectangle.
fn dashed(rect: Rect, stroke: Stroke) -> Vec<egui::Shape> {
    let corners = [rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom(), rect.left_top()];
    egui::Shape::dashed_line(&corners, stroke, 4.0, 3.0)
}
