//! Lays the document out as a column of blocks (title, metadata, paragraphs, comment cards), each with its own
//! galley, so that drawing, hit-testing and highlighting work on one paragraph at a time.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Color32, Galley, Ui};

use crate::model::{CommentId, DocId, Document, Target};

/// Widest the text column grows, for comfortable reading.
const MAX_COLUMN: f32 = 760.0;
/// Indentation of one reply level.
const REPLY_INDENT: f32 = 28.0;
/// Padding inside a comment card.
pub const CARD_PAD: f32 = 10.0;

/// What a block shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The headline.
    Title,
    /// Dateline, byline, date and site; or the photo caption.
    Meta,
    /// A paragraph of annotatable text, starting at code point `start` of its target.
    Paragraph {
        /// The body or a comment.
        target: Target,
        /// Offset of the paragraph's first code point in the target text.
        start: usize,
        /// Length in code points.
        len: usize,
    },
    /// "Comments (n)".
    CommentsHeading,
    /// Number and author of a comment.
    CommentHeader(CommentId),
}

/// One piece of the document. It is laid out (its galley made) only once it comes near the visible part of the
/// view; until then its height is estimated from its length, so that a long article opens and resizes at once.
pub struct Block {
    /// What it shows.
    pub kind: BlockKind,
    /// The laid-out text; an empty galley until the block is laid out.
    pub galley: Arc<Galley>,
    /// Position of the galley's top-left corner relative to the content's top-left.
    pub offset: egui::Vec2,
    /// Height: exact once laid out, estimated before.
    pub height: f32,
    /// Whether `galley` is the real one.
    pub laid_out: bool,
    /// For a right-to-left paragraph, how its text was put in display order (the galley shows `visual.text`).
    pub visual: Option<Arc<bidi::Visual>>,
    /// Space above the block.
    gap_before: f32,
    /// How to lay it out.
    style: Style,
    /// Where its text is.
    source: Source,
}

impl Block {
    /// Bottom edge relative to the content's top.
    pub fn bottom(&self) -> f32 {
        self.offset.y + self.height
    }

    /// The block's text in reading order (a right-to-left galley shows display order).
    pub fn text<'d>(&'d self, doc: &'d Document) -> &'d str {
        match &self.source {
            Source::Own(text) => text.as_str(),
            Source::Slice(target, from, to) => {
                doc.target_text(*target).and_then(|t| t.get(*from..*to)).unwrap_or_default()
            }
        }
    }
}

/// Font, colour and box of a block.
#[derive(Clone, Copy)]
struct Style {
    size: f32,
    color: Color32,
    italics: bool,
    indent: f32,
    right_pad: f32,
}

/// Where a block's text comes from, so that it can be laid out later without a copy of it.
enum Source {
    /// A text of its own (title, metadata, headings).
    Own(String),
    /// Bytes `from..to` of the body or of a comment's text.
    Slice(Target, usize, usize),
}

/// The frame drawn around one comment.
pub struct Card {
    /// The comment.
    pub comment: CommentId,
    /// Its rectangle relative to the content's top-left.
    pub rect: egui::Rect,
    /// Its header block and its last block.
    blocks: (usize, usize),
    indent: f32,
}

/// Everything that decides a layout; when any of it changes, the layout is rebuilt.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutKey {
    doc: DocId,
    width: f32,
    pixels_per_point: f32,
    dark: bool,
    /// Texts that blocks show; editable ones (the title) are compared by value.
    title: String,
    body_len: usize,
    comments: Vec<(CommentId, usize)>,
}

impl LayoutKey {
    /// The key of `doc` drawn `width` points wide in `ui`.
    pub fn new(ui: &Ui, doc: &Document, width: f32) -> Self {
        Self {
            doc: doc.id,
            width: width.round(),
            pixels_per_point: ui.pixels_per_point(),
            dark: ui.visuals().dark_mode,
            title: doc.title.clone(),
            body_len: doc.body.len(),
            comments: doc.comments.iter().map(|c| (c.id, c.text.len())).collect(),
        }
    }
}

/// A document arranged for one width.
pub struct Layout {
    /// What the layout was made for.
    pub key: LayoutKey,
    /// Blocks from top to bottom.
    pub blocks: Vec<Block>,
    /// Comment cards, in page order.
    pub cards: Vec<Card>,
    /// Size of the whole content.
    pub size: egui::Vec2,
    column: f32,
    left: f32,
    /// Space below the last block.
    tail: f32,
    /// Made this frame: nothing laid out yet.
    fresh: bool,
    /// Blocks that hold a galley, so that those far from the view can give theirs back.
    laid: Vec<usize>,
    /// The galley of a block not laid out.
    empty: Arc<Galley>,
}

/// Galleys further than this from the view are dropped (their heights stay), which keeps memory flat however much
/// of a long article has been read.
const KEEP: f32 = 12_000.0;

/// Blocks this far above and below the visible part are laid out too, so that scrolling a little never shows an
/// estimate.
const MARGIN: f32 = 400.0;

impl Layout {
    /// The blocks that intersect `top..bottom` (content coordinates), by binary search.
    pub fn range(&self, top: f32, bottom: f32) -> std::ops::Range<usize> {
        let first = self.blocks.partition_point(|b| b.bottom() < top);
        let last = first + self.blocks[first..].partition_point(|b| b.offset.y <= bottom);
        first..last
    }

    /// Lays out the blocks within `top..bottom` (and a margin) that are not laid out yet. Returns whether any
    /// height changed (and so the positions of the blocks below).
    pub fn ensure(&mut self, ui: &Ui, doc: &Document, top: f32, bottom: f32) -> bool {
        // The frame that made the layout (a resize) lays out only what shows; the margin follows a frame later.
        let margin = if std::mem::take(&mut self.fresh) {
            ui.ctx().request_repaint();
            0.0
        } else {
            MARGIN
        };
        let mut changed = false;
        // Laying out can shrink blocks and pull more into view; a few rounds settle it.
        for _ in 0..4 {
            let range = self.range(top - margin, bottom + margin);
            let pending: Vec<usize> = range.filter(|&i| !self.blocks[i].laid_out).collect();
            if pending.is_empty() {
                break;
            }
            for i in pending {
                changed |= self.lay_out(ui, doc, i);
            }
            self.place();
        }
        if self.laid.len() > 600 {
            self.evict(top - KEEP, bottom + KEEP);
        }
        changed
    }

    /// Drops the galleys of blocks outside `top..bottom`; their exact heights stay, so nothing moves.
    fn evict(&mut self, top: f32, bottom: f32) {
        let empty = self.empty.clone();
        let blocks = &mut self.blocks;
        self.laid.retain(|&i| {
            let Some(block) = blocks.get_mut(i) else { return false };
            let keep = block.bottom() >= top && block.offset.y <= bottom;
            if !keep {
                block.galley = empty.clone();
                block.visual = None;
                block.laid_out = false;
            }
            keep
        });
    }

    /// Takes over the galleys of `old` for blocks whose text and box are unchanged, when only texts changed (same
    /// width, scale and theme): an edit of one paragraph lays out that paragraph alone.
    pub fn reuse(&mut self, old: &Layout, doc: &Document) {
        let same_frame = old.key.width == self.key.width
            && old.key.pixels_per_point == self.key.pixels_per_point
            && old.key.dark == self.key.dark;
        if !same_frame {
            return;
        }
        let mut by_text: HashMap<(&str, u32, u32), (&Arc<Galley>, f32)> = HashMap::new();
        // A right-to-left galley shows display order and needs its map, which laying it out again rebuilds.
        for block in old.blocks.iter().filter(|b| b.laid_out && b.visual.is_none()) {
            let key = (block.galley.job.text.as_str(), block.style.size.to_bits(), block.style.indent.to_bits());
            by_text.insert(key, (&block.galley, block.offset.x));
        }
        let mut changed = false;
        for i in 0..self.blocks.len() {
            let found = {
                let block = &self.blocks[i];
                let text = block.text(doc);
                let key = (text, block.style.size.to_bits(), block.style.indent.to_bits());
                by_text.get(&key).map(|(galley, x)| (Arc::clone(galley), *x))
            };
            if let Some((galley, x)) = found {
                let block = &mut self.blocks[i];
                block.height = galley.size().y;
                block.galley = galley;
                block.offset.x = x;
                block.laid_out = true;
                self.laid.push(i);
                changed = true;
            }
        }
        if changed {
            self.place();
        }
    }

    /// The block at content height `y`, with where it is now: kept in place across a change by
    /// [`Self::anchor_shift`].
    pub fn anchor(&self, y: f32) -> Option<(usize, f32, BlockKind)> {
        let i = self.blocks.partition_point(|b| b.bottom() < y);
        let block = self.blocks.get(i)?;
        Some((i, block.offset.y, block.kind))
    }

    /// How far the anchored block has moved since [`Self::anchor`] (in a rebuilt layout too, as long as it has the
    /// same blocks).
    pub fn anchor_shift(&self, (i, was, kind): (usize, f32, BlockKind)) -> Option<f32> {
        let block = self.blocks.get(i).filter(|b| b.kind == kind)?;
        Some(block.offset.y - was)
    }

    /// The paragraph block that holds code point `offset` of `target`, or its first paragraph.
    pub fn block_of(&self, target: Target, offset: usize) -> Option<usize> {
        let mut first = None;
        for (i, block) in self.blocks.iter().enumerate() {
            if let BlockKind::Paragraph { target: t, start, len } = block.kind
                && t == target
            {
                first.get_or_insert(i);
                if (start..=start + len).contains(&offset) {
                    return Some(i);
                }
            }
        }
        first
    }

    fn lay_out(&mut self, ui: &Ui, doc: &Document, i: usize) -> bool {
        let Some(block) = self.blocks.get_mut(i) else { return false };
        if block.laid_out {
            return false;
        }
        let text = block.text(doc);
        let style = block.style;
        let width = (self.column - style.indent - style.right_pad).max(40.0);
        // Right-to-left text is aligned to the right edge; egui then places the galley left of its origin.
        let right_aligned = crate::model::text::right_to_left(text);
        if right_aligned {
            // Broken into lines by measuring words (egui's rows do not count the characters of right-to-left
            // text reliably), then each line put in display order and laid out as it stands.
            let font = egui::FontId::new(style.size, egui::FontFamily::Proportional);
            let measure =
                |word: &str| ui.fonts_mut(|f| f.layout_no_wrap(word.to_owned(), font.clone(), style.color)).size().x;
            let mut visual = bidi::reorder(text, &bidi::break_lines(text, width, measure));
            let mut job = build::job(&visual.text, style.size, style.color, style.italics);
            job.wrap.max_width = f32::INFINITY;
            job.halign = egui::Align::RIGHT;
            block.galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
            visual.pieces = pieces::place(&visual, &block.galley, measure);
            block.visual = Some(Arc::new(visual));
        } else {
            let mut job = build::job(text, style.size, style.color, style.italics);
            job.wrap.max_width = width;
            block.galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
            block.visual = None;
        }
        block.offset.x = if right_aligned { self.left + style.indent + width } else { self.left + style.indent };
        block.laid_out = true;
        self.laid.push(i);
        let height = block.galley.size().y;
        let changed = (height - block.height).abs() > 0.01;
        block.height = height;
        changed
    }

    /// Positions every block below the one before it, and the cards around their comments.
    fn place(&mut self) {
        let mut y = 0.0;
        for block in &mut self.blocks {
            y += block.gap_before;
            block.offset.y = y;
            y += block.height;
        }
        for card in &mut self.cards {
            let top = self.blocks[card.blocks.0].offset.y - CARD_PAD;
            let bottom = self.blocks[card.blocks.1].bottom() + CARD_PAD;
            card.rect = egui::Rect::from_min_max(
                egui::pos2(self.left + card.indent, top),
                egui::pos2(self.left + self.column, bottom),
            );
        }
        self.size.y = y + self.tail;
    }
}

mod bidi;
mod build;
pub mod pieces;
#[cfg(test)]
mod tests;

pub use build::build;
