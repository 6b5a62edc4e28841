//! Dragging the ends of the selected highlight, or of the suggestion under review before it is accepted: handles
//! at its first start and last end, a line where the edge would go, and the new ranges when the button is released.

use egui::{Color32, CursorIcon, Pos2, Rect, Stroke, Ui};

use super::geometry::offset_rect;
use super::interact::drag_hit;
use super::layout::Layout;
use crate::model::{Document, SpanId, Target, text::trim_range};

/// What has handles: a highlight, or the suggested passage under review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handled {
    /// A highlight.
    Span(SpanId),
    /// The suggestion under review.
    Suggestion,
}

/// The thing with handles, the text it lies in and its ranges.
pub(super) type Subject = (Handled, Target, Vec<(usize, usize)>);

/// The selected highlight as a [`Subject`].
pub(super) fn span_subject(doc: &Document, span: SpanId) -> Option<Subject> {
    let span = doc.span(span)?;
    Some((Handled::Span(span.id), span.target, span.ranges.iter().map(|r| (r.start, r.end)).collect()))
}

/// Which end of a highlight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// Where it begins.
    Start,
    /// Where it ends.
    End,
}

/// An edge being dragged: of what, which end, and where it would go now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EdgeDrag {
    /// The highlight or suggestion.
    pub subject: Handled,
    /// Its end being moved.
    pub edge: Edge,
    /// The code point offset the edge would move to.
    pub offset: usize,
}

/// The handles of `subject`, in content coordinates.
pub(super) fn handles(layout: &Layout, (_, target, ranges): &Subject) -> Option<[(Edge, Rect); 2]> {
    let start = offset_rect(layout, *target, ranges.first()?.0)?;
    let end = offset_rect(layout, *target, ranges.last()?.1)?;
    let grow = |r: Rect| Rect::from_center_size(r.center(), egui::vec2(10.0, r.height() + 6.0));
    Some([(Edge::Start, grow(start)), (Edge::End, grow(end))])
}

/// Handles a drag that begins on a handle of `selected` (the selected highlight, or the suggestion under review);
/// `dragging` is the drag under way. Returns the new ranges when the drag ends.
pub(super) fn drag_edges(
    ui: &Ui,
    response: &egui::Response,
    (layout, origin): (&Layout, Pos2),
    doc: &Document,
    selected: Option<&Subject>,
    dragging: &mut Option<EdgeDrag>,
) -> Option<(Handled, Vec<(usize, usize)>)> {
    let subject = selected?;
    let handles = handles(layout, subject)?;
    let over = |pos: Pos2| handles.iter().find(|(_, r)| r.contains((pos - origin).to_pos2())).map(|(e, _)| *e);
    if response.hover_pos().is_some_and(|p| over(p).is_some()) || dragging.is_some() {
        ui.ctx().set_cursor_icon(CursorIcon::ResizeHorizontal);
    }
    let (handled, target, ranges) = subject;
    if response.drag_started()
        && let Some(press) = ui.input(|i| i.pointer.press_origin())
        && let Some(edge) = over(press)
    {
        let offset = if edge == Edge::Start { ranges.first()?.0 } else { ranges.last()?.1 };
        *dragging = Some(EdgeDrag { subject: *handled, edge, offset });
        return None;
    }
    let drag = dragging.as_mut().filter(|d| d.subject == *handled)?;
    if let Some(pos) = response.interact_pointer_pos()
        && let Some(offset) = drag_hit(layout, origin, pos, *target)
    {
        drag.offset = offset;
    }
    if !response.drag_stopped() {
        return None;
    }
    let drag = dragging.take()?;
    let text = doc.target_text(*target)?;
    let mut ranges = ranges.clone();
    let last = ranges.len() - 1;
    match drag.edge {
        Edge::Start if drag.offset < ranges[0].1 => ranges[0].0 = drag.offset,
        Edge::End if drag.offset > ranges[last].0 => ranges[last].1 = drag.offset,
        _ => return None,
    }
    let ranges: Vec<(usize, usize)> = ranges.into_iter().map(|(s, e)| trim_range(text, s, e)).collect::<Option<_>>()?;
    Some((drag.subject, ranges))
}

/// Paints the handles of `selected` and, while dragging, where its edge would go.
pub(super) fn paint_edges(
    ui: &Ui,
    (layout, origin): (&Layout, Pos2),
    (selected, dragging): (Option<&Subject>, Option<EdgeDrag>),
    color: Color32,
) {
    let Some(subject) = selected else { return };
    let Some(handles) = handles(layout, subject) else { return };
    let painter = ui.painter();
    for (_, rect) in handles {
        let rect = rect.translate(origin.to_vec2());
        painter.line_segment([rect.center_top(), rect.center_bottom()], Stroke::new(2.0, color));
        painter.circle_filled(rect.center_top(), 3.5, color);
    }
    if let Some(drag) = dragging.filter(|d| d.subject == subject.0)
        && let Some(rect) = offset_rect(layout, subject.1, drag.offset)
    {
        let rect = rect.translate(origin.to_vec2());
        painter.line_segment(
            [rect.center_top(), rect.center_bottom()],
            Stroke::new(2.0, ui.visuals().selection.stroke.color),
        );
    }
}
