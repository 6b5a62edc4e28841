//! The article view: title, metadata, paragraphs and comment cards, with highlights painted behind the text.
//!
//! egui's selectable labels do not tell which characters are selected, so the view lays out each paragraph as its
//! own galley, hit-tests the pointer with `Galley::cursor_from_pos`, and paints the selection and highlights
//! itself. Only the blocks inside the visible part of the scroll area are painted.

mod layout;
mod paint;
mod span_index;

use egui::{Align, Color32, CursorIcon, Pos2, Rect, Sense, Stroke, Ui, epaint::text::cursor::CCursor};
use unicode_segmentation::UnicodeSegmentation;

use super::colors::{highlight_fill, to_color32};
use super::state::{TextSelection, ViewState};
use crate::model::{DocId, Document, LabelSchema, Target};
use layout::{BlockKind, Layout, LayoutKey};
pub use span_index::SpanIndex;

/// Caches of the document view: the layout for the current width and the span index for the current revision.
#[derive(Default)]
pub struct DocumentView {
    layout: Option<Layout>,
    index: Option<(DocId, u64, SpanIndex)>,
    /// Screen position of the content's top-left corner in the last frame.
    origin: Pos2,
}

/// What the view needs besides the document.
pub struct ViewInput<'a> {
    /// The document shown.
    pub doc: &'a Document,
    /// Labels and sentiment scale.
    pub schema: &'a LabelSchema,
    /// The editor's revision, to know when the span index is stale.
    pub revision: u64,
}

impl DocumentView {
    /// Shows the document and handles mouse selection; changes only `state`, never the project.
    pub fn ui(&mut self, ui: &mut Ui, input: &ViewInput<'_>, state: &mut ViewState) {
        let doc = input.doc;
        if !matches!(&self.index, Some((id, rev, _)) if *id == doc.id && *rev == input.revision) {
            self.index = Some((doc.id, input.revision, SpanIndex::build(doc)));
        }
        egui::ScrollArea::vertical()
            .id_salt(("document", doc.id))
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                let width = ui.available_width();
                if self.layout.as_ref().is_none_or(|l| l.key != LayoutKey::new(ui, doc, width)) {
                    self.layout = Some(layout::build(ui, doc, width));
                }
                let Some(layout) = &self.layout else { return };
                let (rect, response) = ui.allocate_exact_size(layout.size, Sense::click_and_drag());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Article, true, format!("Article: {}", doc.title))
                });
                self.origin = rect.min;
                let index = match &self.index {
                    Some((_, _, index)) => index,
                    None => return,
                };
                interact(ui, &response, layout, index, rect.min, doc, state);
                if let Some(span) = state.scroll_to_span.take()
                    && let Some(target) = span_rect(layout, doc, span)
                {
                    ui.scroll_to_rect(target.translate(rect.min.to_vec2()), Some(Align::Center));
                }
                paint(ui, layout, index, input, state, rect.min, viewport);
            });
    }

    /// Screen position of the character at `offset` of `target`, as drawn in the last frame; for tests and
    /// automation that need to point at text.
    pub fn char_pos(&self, target: Target, offset: usize) -> Option<Pos2> {
        let layout = self.layout.as_ref()?;
        let (block, local) = layout.blocks.iter().find_map(|block| match block.kind {
            BlockKind::Paragraph { target: t, start, len }
                if t == target && (start..=start + len).contains(&offset) =>
            {
                Some((block, offset - start))
            }
            _ => None,
        })?;
        let cursor = block.galley.pos_from_cursor(CCursor::new(local));
        Some(self.origin + block.offset + cursor.center().to_vec2())
    }
}

/// Where the pointer is in the text: the block under it and the character offset within its target.
fn hit(layout: &Layout, origin: Pos2, pos: Pos2) -> Option<(Target, usize)> {
    let local = pos - origin;
    layout.blocks.iter().find_map(|block| {
        let BlockKind::Paragraph { target, start, .. } = block.kind else { return None };
        let rect = Rect::from_min_size(block.offset.to_pos2(), block.galley.size()).expand2(egui::vec2(0.0, 3.0));
        if !rect.contains(local.to_pos2()) {
            return None;
        }
        let cursor = block.galley.cursor_from_pos(local - block.offset);
        Some((target, start + cursor.index.0))
    })
}

/// Where a drag that started in `target` has reached: the pointer is clamped to that target's paragraphs, so a
/// selection never crosses from the article into a comment.
fn drag_hit(layout: &Layout, origin: Pos2, pos: Pos2, target: Target) -> Option<usize> {
    let local = pos - origin;
    let blocks: Vec<_> = layout
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Paragraph { target: t, start, .. } if t == target => Some((b, start)),
            _ => None,
        })
        .collect();
    let (block, start) = blocks
        .iter()
        .rev()
        .find(|(b, _)| b.offset.y <= local.y)
        .or_else(|| blocks.first())?;
    let cursor = block.galley.cursor_from_pos(local - block.offset);
    Some(start + cursor.index.0)
}

fn interact(
    ui: &Ui,
    response: &egui::Response,
    layout: &Layout,
    index: &SpanIndex,
    origin: Pos2,
    doc: &Document,
    state: &mut ViewState,
) {
    if let Some(pos) = response.hover_pos()
        && hit(layout, origin, pos).is_some()
    {
        ui.ctx().set_cursor_icon(CursorIcon::Text);
    }
    if response.drag_started()
        && let Some(press) = ui.input(|i| i.pointer.press_origin())
    {
        state.selection = hit(layout, origin, press).map(|(target, offset)| TextSelection {
            target,
            anchor: offset,
            head: offset,
        });
        if state.selection.is_some() {
            state.selected_span = None;
        }
    }
    if response.dragged()
        && let Some(pos) = response.interact_pointer_pos()
        && let Some(selection) = &mut state.selection
    {
        if let Some(offset) = drag_hit(layout, origin, pos, selection.target) {
            selection.head = offset;
        }
        autoscroll(ui, pos);
    }
    if response.drag_stopped() && state.selection.as_ref().is_some_and(TextSelection::is_empty) {
        state.selection = None;
    }
    if response.double_clicked()
        && let Some(pos) = response.interact_pointer_pos()
        && let Some((target, offset)) = hit(layout, origin, pos)
    {
        state.selection = word_at(doc, target, offset);
        state.selected_span = None;
    } else if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        click(layout, index, origin, pos, state);
    }
}

fn click(layout: &Layout, index: &SpanIndex, origin: Pos2, pos: Pos2, state: &mut ViewState) {
    state.selection = None;
    state.selected_span = None;
    if let Some((target, offset)) = hit(layout, origin, pos) {
        state.selected_span = index.at(target, offset).first().map(|r| r.span);
        if let Target::Comment(comment) = target {
            state.focused_comment = Some(comment);
        }
        return;
    }
    let local = (pos - origin).to_pos2();
    if let Some(card) = layout.cards.iter().find(|c| c.rect.contains(local)) {
        state.focused_comment = Some(card.comment);
    }
}

fn word_at(doc: &Document, target: Target, offset: usize) -> Option<TextSelection> {
    let text = doc.target_text(target)?;
    let mut position = 0;
    for word in text.split_word_bounds() {
        let len = word.chars().count();
        if (position..position + len).contains(&offset) {
            if word.trim().is_empty() {
                return None;
            }
            return Some(TextSelection {
                target,
                anchor: position,
                head: position + len,
            });
        }
        position += len;
    }
    None
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

/// The rectangle (relative to the content) of the start of a span, for scrolling to it.
fn span_rect(layout: &Layout, doc: &Document, span: crate::model::SpanId) -> Option<Rect> {
    let span = doc.span(span)?;
    let offset = span.start();
    layout.blocks.iter().find_map(|block| match block.kind {
        BlockKind::Paragraph { target, start, len } if target == span.target && (start..start + len).contains(&offset) => {
            let rects = paint::range_rects(&block.galley, offset - start, (span.end() - start).min(len));
            rects.first().map(|r| r.translate(block.offset))
        }
        _ => None,
    })
}

fn paint(
    ui: &Ui,
    layout: &Layout,
    index: &SpanIndex,
    input: &ViewInput<'_>,
    state: &ViewState,
    origin: Pos2,
    viewport: Rect,
) {
    let painter = ui.painter();
    let visuals = ui.visuals();
    let at = |r: Rect| r.translate(origin.to_vec2());
    for card in layout.cards.iter().filter(|c| c.rect.intersects(viewport)) {
        let focused = state.focused_comment == Some(card.comment);
        let stroke = if focused {
            Stroke::new(2.0, visuals.selection.stroke.color)
        } else {
            visuals.widgets.noninteractive.bg_stroke
        };
        painter.rect(at(card.rect), 6.0, visuals.faint_bg_color, stroke, egui::StrokeKind::Inside);
    }
    let first = layout.blocks.partition_point(|b| b.bottom() < viewport.min.y);
    for block in layout.blocks[first..].iter().take_while(|b| b.offset.y <= viewport.max.y) {
        let pos = origin + block.offset;
        match block.kind {
            BlockKind::Paragraph { target, start, len } => {
                paint_highlights(painter, block, index, input, state, pos, (target, start, len), visuals.dark_mode);
                if let Some(selection) = &state.selection
                    && selection.target == target
                {
                    let (from, to) = selection.range();
                    let (from, to) = (from.max(start), to.min(start + len));
                    if from < to {
                        for rect in paint::range_rects(&block.galley, from - start, to - start) {
                            painter.rect_filled(rect.translate(pos.to_vec2()), 0.0, visuals.selection.bg_fill);
                        }
                    }
                }
            }
            BlockKind::CommentHeader(comment) => {
                paint_sentiment_badge(ui, input, comment, pos, block);
            }
            _ => {}
        }
        painter.galley(pos, block.galley.clone(), visuals.text_color());
    }
}

fn paint_highlights(
    painter: &egui::Painter,
    block: &layout::Block,
    index: &SpanIndex,
    input: &ViewInput<'_>,
    state: &ViewState,
    pos: Pos2,
    (target, start, len): (Target, usize, usize),
    dark: bool,
) {
    for range in index.overlapping(target, start, start + len) {
        let color = input
            .schema
            .label(range.label)
            .map_or(Color32::GRAY, |label| to_color32(label.color));
        let from = range.start.max(start) - start;
        let to = range.end.min(start + len) - start;
        let selected = state.selected_span == Some(range.span);
        for rect in paint::range_rects(&block.galley, from, to) {
            let rect = rect.translate(pos.to_vec2());
            painter.rect_filled(rect, 2.0, highlight_fill(color, dark));
            // A bar under each highlight keeps overlapping spans tellable apart.
            let underline = Rect::from_min_max(egui::pos2(rect.left(), rect.bottom() - 2.0), rect.max);
            painter.rect_filled(underline, 0.0, color);
            if selected {
                painter.rect_stroke(rect.expand(1.0), 2.0, Stroke::new(2.0, color), egui::StrokeKind::Outside);
            }
        }
    }
}

fn paint_sentiment_badge(ui: &Ui, input: &ViewInput<'_>, comment: crate::model::CommentId, pos: Pos2, block: &layout::Block) {
    let Some(comment) = input.doc.comment(comment) else { return };
    let level = comment.sentiment.and_then(|id| input.schema.sentiment(id));
    let (text, fill, color) = match level {
        Some(level) => (level.name.as_str(), to_color32(level.color), Color32::WHITE),
        None => ("untagged", Color32::TRANSPARENT, ui.visuals().weak_text_color()),
    };
    let galley = ui.painter().layout_no_wrap(text.to_owned(), egui::FontId::proportional(12.0), color);
    let right = pos.x + block.galley.job.wrap.max_width;
    let size = galley.size() + egui::vec2(14.0, 4.0);
    let rect = Rect::from_min_size(egui::pos2(right - size.x, pos.y), size);
    let stroke = if level.is_some() { Stroke::NONE } else { ui.visuals().widgets.noninteractive.bg_stroke };
    ui.painter().rect(rect, 8.0, fill, stroke, egui::StrokeKind::Inside);
    ui.painter().galley(rect.min + egui::vec2(7.0, 2.0), galley, color);
}
