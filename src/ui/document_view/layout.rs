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

/// One laid-out piece of the document.
pub struct Block {
    /// What it shows.
    pub kind: BlockKind,
    /// The laid-out text.
    pub galley: Arc<Galley>,
    /// Position of the galley's top-left corner relative to the content's top-left.
    pub offset: egui::Vec2,
}

impl Block {
    /// Bottom edge relative to the content's top.
    pub fn bottom(&self) -> f32 {
        self.offset.y + self.galley.size().y
    }
}

/// The frame drawn around one comment.
pub struct Card {
    /// The comment.
    pub comment: CommentId,
    /// Its rectangle relative to the content's top-left.
    pub rect: egui::Rect,
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

/// A document laid out for one width.
pub struct Layout {
    /// What the layout was made for.
    pub key: LayoutKey,
    /// Blocks from top to bottom.
    pub blocks: Vec<Block>,
    /// Comment cards, in page order.
    pub cards: Vec<Card>,
    /// Size of the whole content.
    pub size: egui::Vec2,
}

struct Builder<'a> {
    ui: &'a Ui,
    column: f32,
    left: f32,
    y: f32,
    blocks: Vec<Block>,
}

impl Builder<'_> {
    /// Lays out `job` from `indent` to the column's right edge less `right_pad`.
    fn push(&mut self, kind: BlockKind, job: LayoutJob, indent: f32, right_pad: f32) {
        let mut job = job;
        job.wrap.max_width = (self.column - indent - right_pad).max(40.0);
        // Right-to-left text is aligned to the right edge; egui then places the galley left of its origin.
        let right_aligned = crate::model::text::right_to_left(&job.text);
        if right_aligned {
            job.halign = egui::Align::RIGHT;
        }
        let width = job.wrap.max_width;
        let galley = self.ui.fonts_mut(|fonts| fonts.layout_job(job));
        let x = if right_aligned { self.left + indent + width } else { self.left + indent };
        let offset = egui::vec2(x, self.y);
        self.y += galley.size().y;
        self.blocks.push(Block { kind, galley, offset });
    }

    fn gap(&mut self, height: f32) {
        self.y += height;
    }
}

fn job(text: &str, size: f32, family: FontFamily, color: Color32, italics: bool) -> LayoutJob {
    let format = TextFormat {
        font_id: FontId::new(size, family),
        color,
        italics,
        line_height: Some(size * 1.5),
        ..TextFormat::default()
    };
    LayoutJob::single_section(text.to_owned(), format)
}

/// Lays out `doc` in a column that fits `width`.
pub fn build(ui: &Ui, doc: &Document, width: f32) -> Layout {
    let key = LayoutKey::new(ui, doc, width);
    let column = width.min(MAX_COLUMN);
    let left = ((width - column) / 2.0).max(0.0);
    let visuals = ui.visuals();
    let strong = visuals.strong_text_color();
    // egui's default text colour is meant for labels; long reading wants more contrast.
    let text = if visuals.dark_mode { Color32::from_gray(218) } else { Color32::from_gray(28) };
    let weak = visuals.weak_text_color();
    let mut b = Builder { ui, column, left, y: 16.0, blocks: Vec::new() };

    b.push(BlockKind::Title, job(&doc.title, 26.0, FontFamily::Proportional, strong, false), 0.0, 0.0);
    b.gap(8.0);
    let meta = meta_line(doc);
    if !meta.is_empty() {
        b.push(BlockKind::Meta, job(&meta, 13.0, FontFamily::Proportional, weak, false), 0.0, 0.0);
    }
    if let Some(caption) = &doc.metadata.caption {
        b.gap(4.0);
        b.push(BlockKind::Meta, job(caption, 13.0, FontFamily::Proportional, weak, true), 0.0, 0.0);
    }
    b.gap(18.0);
    paragraphs(&mut b, &doc.body, Target::Body, 0.0, text);

    let mut cards = Vec::new();
    if !doc.comments.is_empty() {
        b.gap(20.0);
        let heading = format!("Comments ({})", doc.comments.len());
        b.push(BlockKind::CommentsHeading, job(&heading, 19.0, FontFamily::Proportional, strong, false), 0.0, 0.0);
        b.gap(12.0);
    }
    let parents: HashMap<CommentId, Option<CommentId>> = doc.comments.iter().map(|c| (c.id, c.parent)).collect();
    for comment in &doc.comments {
        let indent = reply_depth(&parents, comment.id) as f32 * REPLY_INDENT;
        let top = b.y;
        b.gap(CARD_PAD);
        let mut header = String::new();
        if let Some(number) = &comment.number {
            header.push_str(&format!("#{number}  "));
        }
        header.push_str(&comment.author);
        if let Some(date) = &comment.date {
            header.push_str(&format!("  ·  {date}"));
        }
        b.push(
            BlockKind::CommentHeader(comment.id),
            job(&header, 14.0, FontFamily::Proportional, strong, false),
            indent + CARD_PAD,
            CARD_PAD,
        );
        b.gap(4.0);
        paragraphs(&mut b, &comment.text, Target::Comment(comment.id), indent + CARD_PAD, text);
        b.gap(CARD_PAD);
        cards.push(Card {
            comment: comment.id,
            rect: egui::Rect::from_min_max(egui::pos2(left + indent, top), egui::pos2(left + column, b.y)),
        });
        b.gap(10.0);
    }
    b.gap(40.0);
    Layout { key, size: egui::vec2(width, b.y), blocks: b.blocks, cards }
}

/// One block per paragraph of `text`; offsets count the separators between paragraphs.
fn paragraphs(b: &mut Builder<'_>, text: &str, target: Target, indent: f32, color: Color32) {
    let in_card = matches!(target, Target::Comment(_));
    let right_pad = if in_card { CARD_PAD } else { 0.0 };
    let separator = SEPARATOR.chars().count();
    let mut start = 0;
    let mut first = true;
    for paragraph in text.split(SEPARATOR) {
        let len = paragraph.chars().count();
        if !paragraph.trim().is_empty() {
            if !first {
                b.gap(if in_card { 8.0 } else { 14.0 });
            }
            first = false;
            let kind = BlockKind::Paragraph { target, start, len };
            let size = if in_card { 15.0 } else { 16.5 };
            b.push(kind, job(paragraph, size, FontFamily::Proportional, color, false), indent, right_pad);
        }
        start += len + separator;
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
