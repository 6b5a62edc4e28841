//! The article view: title, metadata, paragraphs and comment cards, with highlights painted behind the text.
//!
//! egui's selectable labels do not tell which characters are selected, so the view lays out each paragraph as its
//! own galley, hit-tests the pointer with `Galley::cursor_from_pos`, and paints the selection and highlights
//! itself. Only the blocks inside the visible part of the scroll area are painted.

mod access;
mod context_menu;
mod edges;
mod geometry;
mod ghosts;
mod interact;
mod layout;
mod paint;
mod span_index;

use egui::{Align, Color32, Pos2, Sense, Ui};

use super::context::Ctx;
use super::intent::Intent;
use super::panels::find_bar::Match;
use super::selection::{Reveal, TextSelection};
use super::suggestions::Review;
use crate::edit::Command;
use crate::model::{CommentId, DocId, Document, LabelSchema, SpanId, Target};
pub use edges::EdgeDrag;
use layout::{BlockKind, Layout, LayoutKey};
pub use span_index::SpanIndex;

/// The document view: caches (the layout for the current width, the span index for the current revision) and
/// what the pointer is doing (a selection or an edge being dragged, where the context menu was opened).
#[derive(Default)]
pub struct DocumentView {
    /// Tells projects apart in egui's memory, which keeps each document's scroll position between runs.
    scope: u64,
    layout: Option<Layout>,
    index: Option<(DocId, u64, Option<String>, SpanIndex)>,
    /// Screen position of the content's top-left corner in the last frame.
    origin: Pos2,
    /// The document the pointer state below belongs to.
    shown: Option<DocId>,
    /// A text selection being dragged.
    drag: Option<TextSelection>,
    /// An edge of the selected highlight being dragged.
    edge: Option<EdgeDrag>,
    /// The text under the pointer when the context menu was opened.
    context: Option<(Target, usize)>,
}

/// What is marked on the text besides the highlights: the selection, the selected highlight, the focused comment
/// and the find bar's matches.
pub(super) struct Marks<'a> {
    /// The text selection (the one being dragged, else the app's).
    pub text: Option<TextSelection>,
    /// The selected highlight.
    pub span: Option<SpanId>,
    /// The focused comment.
    pub comment: Option<CommentId>,
    /// Search matches and which one is current.
    pub find: (&'a [Match], Option<usize>),
    /// A student's work over the key's article.
    pub overlay: Option<&'a crate::ui::overlay::Overlay>,
}

impl DocumentView {
    /// A view for the project saved at `path` (or a new one, if `None`).
    pub fn for_project(path: Option<&std::path::Path>) -> Self {
        let scope = path.map_or(0, |p| egui::Id::unique(p).value());
        Self { scope, ..Self::default() }
    }

    /// Shows `doc` (the document of `cx`) and handles the pointer on it, sending what the user does as intents;
    /// `reveal` is a place to bring into view now, `find` the matches of the find bar.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut Ctx<'_>,
        doc: &Document,
        reveal: Option<Reveal>,
        find: (&[Match], Option<usize>),
    ) {
        if self.shown != Some(doc.id) {
            (self.shown, self.drag, self.edge, self.context) = (Some(doc.id), None, None, None);
        }
        let only = cx.selection.annotator();
        let current = |(id, rev, who, _): &(DocId, u64, Option<String>, SpanIndex)| {
            *id == doc.id && *rev == cx.revision && who.as_deref() == only
        };
        if !self.index.as_ref().is_some_and(current) {
            let index = SpanIndex::build(doc, only, &cx.project.annotator);
            self.index = Some((doc.id, cx.revision, only.map(str::to_owned), index));
        }
        let project = cx.project;
        let schema = &project.schema;
        egui::ScrollArea::vertical().id_salt(("document", self.scope, doc.id)).auto_shrink(false).show_viewport(
            ui,
            |ui, viewport| {
                let width = ui.available_width();
                // The block at the top of the view stays where it is while heights change around it.
                let anchor = self.layout.as_ref().and_then(|l| l.anchor(viewport.min.y));
                if !self.layout.as_ref().is_some_and(|l| l.fits(ui, doc, width)) {
                    let mut fresh = layout::build(ui, doc, width);
                    if let Some(old) = &self.layout {
                        // A text changed (not the width): paragraphs that did not change keep their galleys.
                        fresh.reuse(old, doc);
                    }
                    let old = self.layout.replace(fresh);
                    // Freeing thousands of galleys takes milliseconds that the frame should not wait for.
                    if let Some(old) = old {
                        std::thread::spawn(move || drop(old));
                    }
                }
                let Some(layout) = &mut self.layout else { return };
                let scroll_target = match reveal {
                    Some(Reveal::Span(span)) => doc.span(span).map(|s| (s.target, s.start())),
                    Some(Reveal::Place(target, offset)) => Some((target, offset)),
                    None => None,
                };
                if let Some(i) = scroll_target.and_then(|(target, offset)| layout.block_of(target, offset)) {
                    // Lay out the target and the screenful around it first, so that nothing above it changes
                    // height once the view is there, and it lands exactly.
                    let y = layout.blocks[i].offset.y;
                    layout.ensure(ui, doc, y - viewport.height(), y + viewport.height());
                }
                if scroll_target.is_none() && end_pressed(ui) {
                    // The end of a long document is only estimated until it is laid out: lay it out, then go there.
                    let bottom = layout.size.y;
                    layout.ensure(ui, doc, bottom - viewport.height() * 2.0, bottom);
                    let end = egui::pos2(0.0, layout.size.y - 1.0);
                    let target = egui::Rect::from_min_size(end, egui::vec2(1.0, 1.0));
                    ui.scroll_to_rect_animation(
                        target.translate(ui.max_rect().min.to_vec2()),
                        Some(Align::BOTTOM),
                        egui::style::ScrollAnimation::none(),
                    );
                }
                layout.ensure(ui, doc, viewport.min.y, viewport.max.y);
                if scroll_target.is_none()
                    && let Some(shift) = anchor.and_then(|a| layout.anchor_shift(a))
                    && shift.abs() > 0.5
                {
                    // At once: an animated correction would fight the scrolling that caused it.
                    ui.scroll_with_delta_animation(egui::vec2(0.0, -shift), egui::style::ScrollAnimation::none());
                    ui.ctx().request_repaint();
                }
                let (Some(layout), Some((_, _, _, index))) = (&self.layout, &self.index) else { return };
                let (rect, response) = ui.allocate_exact_size(layout.size, Sense::click_and_drag());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Article, true, format!("Article: {}", doc.title))
                });
                self.origin = rect.min;
                let selected = cx.selection.span();
                let placed = (layout, rect.min);
                // The selected highlight has handles; with none selected, the suggested passage under review.
                let reviewed = cx.suggestions.current().filter(|s| cx.suggestions.reviewing && !s.ranges.is_empty());
                let subject = match selected {
                    Some(span) => edges::span_subject(doc, span),
                    None => reviewed.map(|s| (edges::Handled::Suggestion, s.target, s.chosen_ranges().to_vec())),
                };
                let dragged = edges::drag_edges(ui, &response, placed, doc, subject.as_ref(), &mut self.edge);
                if let Some((handled, ranges)) = dragged {
                    match handled {
                        edges::Handled::Span(span) => {
                            let at = jiff::Timestamp::now();
                            cx.send(Intent::Edit(Command::SetRanges { doc: doc.id, span, ranges, at }));
                        }
                        edges::Handled::Suggestion => cx.send(Intent::Review(Review::Adjust(ranges))),
                    }
                } else if self.edge.is_none() {
                    interact::interact(ui, &response, (layout, index, rect.min), doc, &mut self.drag, cx);
                }
                context_menu::context_menu_ui(&response, placed, doc, &mut self.context, cx);
                let wanted = scroll_target.and_then(|(target, offset)| geometry::offset_rect(layout, target, offset));
                if let Some(target) = wanted {
                    // At once: an animation would pass through text laid out on the way and miss.
                    let none = egui::style::ScrollAnimation::none();
                    ui.scroll_to_rect_animation(target.translate(rect.min.to_vec2()), Some(Align::Center), none);
                }
                hover_labels(&response, layout, index, schema, rect.min);
                scroll_keys(ui, viewport, rect);
                let marks = Marks {
                    text: self.drag.or(cx.selection.text()),
                    span: selected,
                    comment: cx.selection.comment(),
                    find,
                    overlay: cx.selection.overlay(),
                };
                let annotator = cx.project.annotator.as_str();
                let ghosts = &ghosts::Ghosts::of(cx.suggestions, doc, schema);
                let painting = paint::Painting {
                    ui,
                    layout,
                    index,
                    doc,
                    schema,
                    marks: &marks,
                    annotator,
                    origin: rect.min,
                    ghosts,
                };
                painting.visible(viewport);
                access::describe_visible(ui, layout, doc, rect.min, viewport, response.id);
                let label = match selected {
                    Some(span) => doc.span(span).map(|s| s.label),
                    None => reviewed.and_then(|s| s.label),
                };
                let color =
                    label.and_then(|l| schema.label(l)).map_or(Color32::GRAY, |l| super::colors::to_color32(l.color));
                edges::paint_edges(ui, placed, (subject.as_ref(), self.edge), color);
            },
        );
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
        let cursor = geometry::cursor_rect(block, local);
        Some(self.origin + block.offset + cursor.center().to_vec2())
    }
}

/// Hovering highlighted text lists the labels of every highlight there, innermost first.
fn hover_labels(response: &egui::Response, layout: &Layout, index: &SpanIndex, schema: &LabelSchema, origin: Pos2) {
    let Some(pos) = response.hover_pos() else { return };
    let Some((target, offset)) = interact::hit(layout, origin, pos) else { return };
    let here = index.at(target, offset);
    if here.is_empty() {
        return;
    }
    response.clone().on_hover_ui_at_pointer(|ui| {
        if here.len() > 1 {
            ui.weak(format!("{} highlights here", here.len()));
        }
        for range in here {
            if let Some(label) = schema.label(range.label) {
                let color = super::colors::name_color(ui.visuals(), label.color);
                ui.label(egui::RichText::new(&label.name).color(color).strong());
            }
        }
    });
}

/// Page Up, Page Down, Home and End scroll the article, unless a text field has the keyboard.
fn scroll_keys(ui: &Ui, viewport: egui::Rect, content: egui::Rect) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let page = viewport.height() * 0.9;
    let (down, up, home) = ui.input(|i| {
        (i.key_pressed(egui::Key::PageDown), i.key_pressed(egui::Key::PageUp), i.key_pressed(egui::Key::Home))
    });
    // Paging moves at once: blocks laid out on the way change heights, which an animation would not follow.
    let none = egui::style::ScrollAnimation::none();
    if down {
        ui.scroll_with_delta_animation(egui::vec2(0.0, -page), none);
    } else if up {
        ui.scroll_with_delta_animation(egui::vec2(0.0, page), none);
    } else if home {
        ui.scroll_to_rect_animation(
            egui::Rect::from_min_size(content.min, egui::vec2(1.0, 1.0)),
            Some(Align::TOP),
            none,
        );
    }
}

/// Whether End was pressed outside a text field (handled before the layout settles; see `DocumentView::ui`).
fn end_pressed(ui: &Ui) -> bool {
    !ui.ctx().egui_wants_keyboard_input() && ui.input(|i| i.key_pressed(egui::Key::End))
}

impl Layout {
    /// Whether the layout was made for `doc` at `width` in `ui`.
    fn fits(&self, ui: &Ui, doc: &Document, width: f32) -> bool {
        self.key == LayoutKey::new(ui, doc, width)
    }
}
