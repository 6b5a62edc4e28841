//! Arranging a document into blocks with estimated heights; nothing is laid out here.

use std::collections::HashMap;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontFamily, FontId, Galley, Ui};

use super::{Block, BlockKind, CARD_PAD, Card, Layout, LayoutKey, MAX_COLUMN, REPLY_INDENT, Source, Style};
use crate::model::{CommentId, Document, Target, paragraphs::SEPARATOR};

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
        self.blocks.push(Block {
            kind,
            galley,
            offset,
            height,
            laid_out: false,
            visual: None,
            gap_before,
            style,
            source,
        });
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

pub(super) fn job(text: &str, size: f32, color: Color32, italics: bool) -> LayoutJob {
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
    let text = crate::ui::theme::document_text(visuals);
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
        // Number, author, date and state, each only where the page gave it (a thread saved without its names
        // shows the date alone).
        let mut parts: Vec<String> = Vec::new();
        if let Some(number) = &comment.number {
            parts.push(format!("#{number}"));
        }
        if !comment.author.is_empty() {
            parts.push(comment.author.clone());
        }
        if let Some(date) = &comment.date {
            parts.push(crate::model::dates::readable(date).into_owned());
        }
        if comment.removed {
            // Kept with its work after an update whose page no longer has it.
            parts.push("removed from the page".to_owned());
        }
        let header = match parts.as_slice() {
            [] => "(no name)".to_owned(),
            [number, rest @ ..] if comment.number.is_some() => format!("{number}  {}", rest.join("  ·  ")),
            _ => parts.join("  ·  "),
        };
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
    let date = meta.date.as_deref().map(crate::model::dates::readable);
    let parts: Vec<&str> = [meta.dateline.as_deref(), meta.byline.as_deref(), date.as_deref(), meta.site.as_deref()]
        .into_iter()
        .flatten()
        .collect();
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
