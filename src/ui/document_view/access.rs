//! The visible part of the article in the accessibility tree: one node per block on screen (headline, meta line,
//! paragraph, comment header) with its text, so that a screen reader reads what the view shows. Like the
//! painting, only what is visible is described, so a long article costs no more than a short one.

use egui::{Pos2, Rect, Ui, accesskit};

use super::layout::{BlockKind, Layout};
use crate::model::Document;

/// Describes the blocks of `layout` that intersect `viewport` (content coordinates) to AccessKit.
pub(super) fn describe_visible(ui: &Ui, layout: &Layout, doc: &Document, origin: Pos2, viewport: Rect, id: egui::Id) {
    let blocks = &layout.blocks;
    let first = blocks.partition_point(|b| b.bottom() < viewport.min.y);
    for (index, block) in blocks.iter().enumerate().skip(first).take_while(|(_, b)| b.offset.y <= viewport.max.y) {
        let role = match block.kind {
            BlockKind::Title | BlockKind::CommentsHeading => accesskit::Role::Heading,
            BlockKind::Meta | BlockKind::CommentHeader(_) => accesskit::Role::Label,
            BlockKind::Paragraph { .. } => accesskit::Role::Paragraph,
        };
        let rect = Rect::from_min_size(origin + block.offset, egui::vec2(block.galley.size().x, block.height));
        let text = block.text(doc);
        ui.ctx().accesskit_node_builder(id.with(index), |node| {
            node.set_role(role);
            // AccessKit keeps a label's text as its value, and a heading's or paragraph's as its label.
            if role == accesskit::Role::Label {
                node.set_value(text);
            } else {
                node.set_label(text);
            }
            node.set_bounds(accesskit::Rect {
                x0: f64::from(rect.min.x),
                y0: f64::from(rect.min.y),
                x1: f64::from(rect.max.x),
                y1: f64::from(rect.max.y),
            });
        });
    }
}
