//! Dragging the ends of the selected highlight: handles at its first start and last end, a line where the edge
//! would go, and the new ranges when the button is released.

use egui::{Color32, CursorIcon, Pos2, Rect, Stroke, Ui};

use super::geometry::offset_rect;
use super::interact::drag_hit;
use super::layout::Layout;
use crate::model::{Document, SpanId, text::trim_range};

/// Which end of a highlight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// Where it begins.
    Start,
    /// Where it ends.
    End,
}

/// An edge being dragged: which highlight, which end, and where it would go now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EdgeDrag {
    /// The highlight.
    pub span: SpanId,
    /// Its end being moved.
    pub edge: Edge,
    /// The code point offset the edge would move to.
    pub offset: usize,
}

/// The handles of the selected highlight, in content coordinates.
pub(super) fn handles(layout: &Layout, doc: &Document, span: SpanId) -> Option<[(Edge, Rect); 2]> {
    let span = doc.span(span)?;
    let start = offset_rect(layout, span.target, span.start())?;
    let end = offset_rect(layout, span.target, span.end())?;
    let grow = |r: Rect| Rect::from_center_size(r.center(), egui::vec2(10.0, r.height() + 6.0));
    Some([(Edge::Start, grow(start)), (Edge::End, grow(end))])
}

/// Handles a drag that begins on a handle of the selected highlight `selected`; `dragging` is the drag under
/// way. Returns the highlight's new ranges when the drag ends.
pub(super) fn drag_edges(
    ui: &Ui,
    response: &egui::Response,
    (layout, origin): (&Layout, Pos2),
    doc: &Document,
    selected: Option<SpanId>,
    dragging: &mut Option<EdgeDrag>,
) -> Option<(SpanId, Vec<(usize, usize)>)> {
    let span_id = selected?;
    let handles = handles(layout, doc, span_id)?;
    let over = |pos: Pos2| handles.iter().find(|(_, r)| r.contains((pos - origin).to_pos2())).map(|(e, _)| *e);
    if response.hover_pos().is_some_and(|p| over(p).is_some()) || dragging.is_some() {
        ui.ctx().set_cursor_icon(CursorIcon::ResizeHorizontal);
    }
    if response.drag_started()
        && let Some(press) = ui.input(|i| i.pointer.press_origin())
        && let Some(edge) = over(press)
    {
        let span = doc.span(span_id)?;
        let offset = if edge == Edge::Start { span.start() } else { span.end() };
        *dragging = Some(EdgeDrag { span: span_id, edge, offset });
        return None;
    }
    let drag = dragging.as_mut()?;
    let span = doc.span(drag.span)?;
    if let Some(pos) = response.interact_pointer_pos()
        && let Some(offset) = drag_hit(layout, origin, pos, span.target)
    {
        drag.offset = offset;
    }
    if !response.drag_stopped() {
        return None;
    }
    let drag = dragging.take()?;
    let text = doc.target_text(span.target)?;
    let mut ranges: Vec<(usize, usize)> = span.ranges.iter().map(|r| (r.start, r.end)).collect();
    let last = ranges.len() - 1;
    match drag.edge {
        Edge::Start if drag.offset < ranges[0].1 => ranges[0].0 = drag.offset,
        Edge::End if drag.offset > ranges[last].0 => ranges[last].1 = drag.offset,
        _ => return None,
    }
    let ranges: Vec<(usize, usize)> = ranges.into_iter().map(|(s, e)| trim_range(text, s, e)).collect::<Option<_>>()?;
    Some((drag.span, ranges))
}

/// Paints the handles of the selected highlight and, while dragging, where its edge would go.
pub(super) fn paint_edges(
    ui: &Ui,
    (layout, origin): (&Layout, Pos2),
    doc: &Document,
    (selected, dragging): (Option<SpanId>, Option<EdgeDrag>),
    color: Color32,
) {
    let Some(span) = selected else { return };
    let Some(handles) = handles(layout, doc, span) else { return };
    let painter = ui.painter();
    for (_, rect) in handles {
        let rect = rect.translate(origin.to_vec2());
        painter.line_segment([rect.center_top(), rect.center_bottom()], Stroke::new(2.0, color));
        painter.circle_filled(rect.center_top(), 3.5, color);
    }
    if let Some(drag) = dragging
        && let Some(target) = doc.span(drag.span).map(|s| s.target)
        && let Some(rect) = offset_rect(layout, target, drag.offset)
    {
        let rect = rect.translate(origin.to_vec2());
        painter.line_segment(
            [rect.center_top(), rect.center_bottom()],
            Stroke::new(2.0, ui.visuals().selection.stroke.color),
        );
    }
}
