//! Lays the document out as a column of blocks (title, metadata, paragraphs, comment cards), each with its own
//! galley, so that drawing, hit-testing and highlighting work on one paragraph at a time.

use std::collections::HashMap;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontFamily, FontId, Galley, Ui};

use crate::model::{CommentId, DocId, Document, Target, paragraphs::SEPARATOR};

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
        for block in old.blocks.iter().filter(|b| b.laid_out) {
            let key = (block.galley.job.text.as_str(), block.style.size.to_bits(), block.style.indent.to_bits());
            by_text.insert(key, (&block.galley, block.offset.x));
        }
        let mut changed = false;
        for i in 0..self.blocks.len() {
            let found = {
                let block = &self.blocks[i];
                let text = match &block.source {
                    Source::Own(text) => text.as_str(),
                    Source::Slice(target, from, to) => {
                        doc.target_text(*target).and_then(|t| t.get(*from..*to)).unwrap_or_default()
                    }
                };
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

    /// Lays out block `i` if it is not yet; returns whether its height changed.
    pub fn ensure_block(&mut self, ui: &Ui, doc: &Document, i: usize) -> bool {
        let changed = self.lay_out(ui, doc, i);
        if changed {
            self.place();
        }
        changed
    }

    fn lay_out(&mut self, ui: &Ui, doc: &Document, i: usize) -> bool {
        let Some(block) = self.blocks.get_mut(i) else { return false };
        if block.laid_out {
            return false;
        }
        let text = match &block.source {
            Source::Own(text) => text.as_str(),
            Source::Slice(target, from, to) => {
                doc.target_text(*target).and_then(|t| t.get(*from..*to)).unwrap_or_default()
            }
        };
        let style = block.style;
        let mut job = job(text, style.size, style.color, style.italics);
        job.wrap.max_width = (self.column - style.indent - style.right_pad).max(40.0);
        // Right-to-left text is aligned to the right edge; egui then places the galley left of its origin.
        let right_aligned = crate::model::text::right_to_left(text);
        if right_aligned {
            job.halign = egui::Align::RIGHT;
        }
        let width = job.wrap.max_width;
        block.galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
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

/// Collects blocks with their estimated heights.
struct Builder<'a> {
    estimate: Estimator<'a>,
    column: f32,
    left: f32,
    gap: f32,
    blocks: Vec<Block>,
}

impl Builder<'_> {
    fn push(&mut self, kind: BlockKind, source: Source, text: &str, style: Style) {
        let width = (self.column - style.indent - style.right_pad).max(40.0);
        let height = self.estimate.height(text, style.size, width);
        let galley = self.estimate.empty.clone();
        let gap_before = std::mem::take(&mut self.gap);
        let offset = egui::vec2(self.left + style.indent, 0.0);
        self.blocks.push(Block { kind, galley, offset, height, laid_out: false, gap_before, style, source });
    }

    fn gap(&mut self, height: f32) {
        self.gap += height;
    }
}

/// Guesses the height of a text from the average width of a character in its font, measured once per size.
struct Estimator<'a> {
    ui: &'a Ui,
    widths: Vec<(u32, f32)>,
    empty: Arc<Galley>,
}

impl Estimator<'_> {
    fn height(&mut self, text: &str, size: f32, width: f32) -> f32 {
        let key = (size * 10.0) as u32;
        let char_width = match self.widths.iter().find(|(k, _)| *k == key) {
            Some(&(_, w)) => w,
            None => {
                let sample = "The council said on Tuesday that the harbour levy would raise EUR 1.8 million a year.";
                let galley = self
                    .ui
                    .fonts_mut(|f| f.layout_no_wrap(sample.to_owned(), FontId::proportional(size), Color32::WHITE));
                let w = (galley.size().x / sample.chars().count() as f32).max(1.0);
                self.widths.push((key, w));
                w
            }
        };
        let per_line = (width / char_width).max(1.0);
        let lines: f32 = text.split('\n').map(|line| (line.chars().count() as f32 / per_line).ceil().max(1.0)).sum();
        lines * size * 1.5
    }
}

fn job(text: &str, size: f32, color: Color32, italics: bool) -> LayoutJob {
    let format = TextFormat {
        font_id: FontId::new(size, FontFamily::Proportional),
        color,
        italics,
        line_height: Some(size * 1.5),
        ..TextFormat::default()
    };
    LayoutJob::single_section(text.to_owned(), format)
}

/// Arranges `doc` in a column that fits `width`, with estimated heights; [`Layout::ensure`] lays out what is seen.
pub fn build(ui: &Ui, doc: &Document, width: f32) -> Layout {
    let key = LayoutKey::new(ui, doc, width);
    let column = width.min(MAX_COLUMN);
    let left = ((width - column) / 2.0).max(0.0);
    let visuals = ui.visuals();
    let strong = visuals.strong_text_color();
    // egui's default text colour is meant for labels; long reading wants more contrast.
    let text = if visuals.dark_mode { Color32::from_gray(218) } else { Color32::from_gray(28) };
    let weak = visuals.weak_text_color();
    let empty = ui.fonts_mut(|f| f.layout_no_wrap(String::new(), FontId::proportional(12.0), Color32::WHITE));
    let estimate = Estimator { ui, widths: Vec::new(), empty: empty.clone() };
    let mut b = Builder { estimate, column, left, gap: 16.0, blocks: Vec::new() };
    let style = |size: f32, color: Color32, italics: bool, indent: f32, right_pad: f32| Style {
        size,
        color,
        italics,
        indent,
        right_pad,
    };

    b.push(BlockKind::Title, Source::Own(doc.title.clone()), &doc.title, style(26.0, strong, false, 0.0, 0.0));
    b.gap(8.0);
    let meta = meta_line(doc);
    if !meta.is_empty() {
        b.push(BlockKind::Meta, Source::Own(meta.clone()), &meta, style(13.0, weak, false, 0.0, 0.0));
    }
    if let Some(caption) = &doc.metadata.caption {
        b.gap(4.0);
        b.push(BlockKind::Meta, Source::Own(caption.clone()), caption, style(13.0, weak, true, 0.0, 0.0));
    }
    b.gap(18.0);
    paragraphs(&mut b, &doc.body, Target::Body, style(16.5, text, false, 0.0, 0.0));

    let mut cards = Vec::new();
    if !doc.comments.is_empty() {
        b.gap(20.0);
        let heading = format!("Comments ({})", doc.comments.len());
        b.push(
            BlockKind::CommentsHeading,
            Source::Own(heading.clone()),
            &heading,
            style(19.0, strong, false, 0.0, 0.0),
        );
        b.gap(12.0);
    }
    let parents: HashMap<CommentId, Option<CommentId>> = doc.comments.iter().map(|c| (c.id, c.parent)).collect();
    for comment in &doc.comments {
        let indent = reply_depth(&parents, comment.id) as f32 * REPLY_INDENT;
        b.gap(CARD_PAD);
        let mut header = String::new();
        if let Some(number) = &comment.number {
            header.push_str(&format!("#{number}  "));
        }
        header.push_str(&comment.author);
        if let Some(date) = &comment.date {
            header.push_str(&format!("  ·  {date}"));
        }
        let first = b.blocks.len();
        let header_style = style(14.0, strong, false, indent + CARD_PAD, CARD_PAD);
        b.push(BlockKind::CommentHeader(comment.id), Source::Own(header.clone()), &header, header_style);
        b.gap(4.0);
        let target = Target::Comment(comment.id);
        paragraphs(&mut b, &comment.text, target, style(15.0, text, false, indent + CARD_PAD, CARD_PAD));
        b.gap(CARD_PAD + 10.0);
        cards.push(Card {
            comment: comment.id,
            rect: egui::Rect::NOTHING,
            blocks: (first, b.blocks.len() - 1),
            indent,
        });
    }
    let tail = b.gap + 40.0;
    let mut layout = Layout {
        key,
        size: egui::vec2(width, 0.0),
        blocks: b.blocks,
        cards,
        column,
        left,
        tail,
        fresh: true,
        laid: Vec::new(),
        empty,
    };
    layout.place();
    layout
}

/// One block per paragraph of `text`; offsets count the separators between paragraphs.
fn paragraphs(b: &mut Builder<'_>, text: &str, target: Target, style: Style) {
    let in_card = matches!(target, Target::Comment(_));
    let separator = SEPARATOR.chars().count();
    let mut start = 0;
    let mut from = 0;
    let mut first = true;
    for paragraph in text.split(SEPARATOR) {
        let len = paragraph.chars().count();
        if !paragraph.trim().is_empty() {
            if !first {
                b.gap(if in_card { 8.0 } else { 14.0 });
            }
            first = false;
            let kind = BlockKind::Paragraph { target, start, len };
            b.push(kind, Source::Slice(target, from, from + paragraph.len()), paragraph, style);
        }
        start += len + separator;
        from += paragraph.len() + SEPARATOR.len();
    }
}

fn meta_line(doc: &Document) -> String {
    let meta = &doc.metadata;
    let parts: Vec<&str> =
        [&meta.dateline, &meta.byline, &meta.date, &meta.site].into_iter().flatten().map(String::as_str).collect();
    parts.join("   ·   ")
}

/// How many replies deep a comment is, capped so that long threads stay readable.
fn reply_depth(parents: &HashMap<CommentId, Option<CommentId>>, comment: CommentId) -> usize {
    let mut depth = 0;
    let mut current = parents.get(&comment).copied().flatten();
    while let Some(parent) = current
        && depth < 4
    {
        depth += 1;
        current = parents.get(&parent).copied().flatten();
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocId;

    fn doc(body: &str) -> Document {
        Document {
            id: DocId(1),
            title: "Title".to_owned(),
            metadata: crate::model::Metadata::default(),
            body: body.to_owned(),
            comments: Vec::new(),
            spans: Vec::new(),
            note: String::new(),
        }
    }

    #[test]
    fn an_edit_lays_out_only_the_paragraph_that_changed() {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let before = doc("First paragraph.\n\nSecond paragraph.\n\nThird paragraph.");
            let mut old = build(ui, &before, 600.0);
            old.fresh = false;
            old.ensure(ui, &before, 0.0, 800.0);
            assert!(old.blocks.iter().all(|b| b.laid_out), "everything is near the view");
            let after = doc("First paragraph.\n\nSecond paragraph, edited.\n\nThird paragraph.");
            let mut new = build(ui, &after, 600.0);
            new.reuse(&old, &after);
            let paragraphs: Vec<&Block> =
                new.blocks.iter().filter(|b| matches!(b.kind, BlockKind::Paragraph { .. })).collect();
            let kept: Vec<bool> = paragraphs.iter().map(|b| b.laid_out).collect();
            assert_eq!(kept, [true, false, true], "the first and third keep their galleys");
            let old_first = old.blocks.iter().find(|b| matches!(b.kind, BlockKind::Paragraph { start: 0, .. }));
            assert!(Arc::ptr_eq(&paragraphs[0].galley, &old_first.unwrap().galley));
            // Another width lays everything out anew.
            let mut wider = build(ui, &after, 700.0);
            wider.reuse(&old, &after);
            assert!(wider.blocks.iter().all(|b| !b.laid_out));
        });
        // No renderer takes the font texture here.
        output.textures_delta.clear();
    }

    #[test]
    fn blocks_are_found_by_position_and_estimates_become_exact() {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let body: Vec<String> = (0..400).map(|i| format!("Paragraph {i} with a few words in it.")).collect();
            let long = doc(&body.join("\n\n"));
            let mut layout = build(ui, &long, 600.0);
            let estimated = layout.size.y;
            assert!(layout.blocks.iter().all(|b| !b.laid_out), "nothing is laid out before it is seen");
            layout.fresh = false;
            layout.ensure(ui, &long, 5000.0, 5800.0);
            let laid: Vec<usize> = (0..layout.blocks.len()).filter(|&i| layout.blocks[i].laid_out).collect();
            assert!(!laid.is_empty() && laid.len() < 100, "{} laid out", laid.len());
            let range = layout.range(5000.0, 5800.0);
            assert!(range.clone().all(|i| layout.blocks[i].laid_out));
            assert!((layout.size.y - estimated).abs() < estimated * 0.5, "estimates are in the right range");
            let anchor = layout.anchor(5000.0).unwrap();
            assert_eq!(layout.anchor_shift(anchor), Some(0.0));
        });
        output.textures_delta.clear();
    }
}
