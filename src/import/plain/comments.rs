//! The reader comments below an article: where they start, and each comment's author, date, text and parent.

use super::lines::{Line, paragraphs, starts_paragraph};
use super::patterns::{Header, HeaderShape, Marker, date_line, header, is_comment_noise, marker};
use crate::import::ExtractedComment;

/// Where the comment section starts and how its headers look.
#[derive(Debug)]
pub(super) struct Section {
    /// Index of the first comment header line.
    pub start: usize,
    /// The shape every header of the section has.
    pub shape: HeaderShape,
}

/// Finds the comment section in `lines[from..]`. A header opens it only with evidence that it is not a line of
/// the story ("He said:"): it is numbered, a comments heading precedes it, or another header of its shape
/// follows.
pub(super) fn find_section(lines: &[Line<'_>], from: usize) -> Option<Section> {
    let mut saw_heading = false;
    let mut saw_text = false;
    for index in from..lines.len() {
        let line = &lines[index];
        if line.is_blank() {
            continue;
        }
        if marker(line.key()) == Some(Marker::CommentsHeading) {
            saw_heading = true;
            continue;
        }
        let Some(found) = header(line.key()).filter(|_| saw_text || saw_heading) else {
            saw_text = true;
            continue;
        };
        let followed = lines[index + 1..].iter().filter_map(|l| header(l.key())).any(|h| h.shape == found.shape);
        let opens = starts_paragraph(lines, index) && (found.number.is_some() || saw_heading || followed);
        if opens {
            return Some(Section { start: index, shape: found.shape });
        }
        saw_text = true;
    }
    None
}

/// Reads the comments of a section that starts at `section.start`. Returns them and the index where the comment
/// form (if any) starts, which is where the section ends.
pub(super) fn read(lines: &[Line<'_>], section: &Section) -> (Vec<ExtractedComment>, usize) {
    let end = lines[section.start..]
        .iter()
        .position(|l| marker(l.key()) == Some(Marker::CommentForm))
        .map_or(lines.len(), |i| section.start + i);
    let headers: Vec<(usize, Header)> = (section.start..end)
        .filter_map(|i| {
            header(lines[i].key()).filter(|h| h.shape == section.shape && starts_paragraph(lines, i)).map(|h| (i, h))
        })
        .collect();
    let mut comments: Vec<ExtractedComment> = Vec::with_capacity(headers.len());
    let mut indents: Vec<usize> = Vec::with_capacity(headers.len());
    for (n, (index, head)) in headers.iter().enumerate() {
        let body_end = headers.get(n + 1).map_or(end, |(next, _)| *next);
        let indent = lines[*index].indent;
        let (date, text) = comment_text(&lines[index + 1..body_end]);
        let parent = parent_of(&comments, &indents, indent, head.is_reply);
        comments.push(ExtractedComment {
            number: head.number.clone(),
            author: head.author.clone(),
            date: head.date.clone().or(date),
            timestamp: None,
            text,
            parent,
        });
        indents.push(indent);
    }
    (comments, end)
}

/// A reply is indented deeper than the comment it answers, or says "replied:" under a top-level comment.
fn parent_of(comments: &[ExtractedComment], indents: &[usize], indent: usize, is_reply: bool) -> Option<usize> {
    let deeper = (0..comments.len()).rev().find(|&i| indents[i] < indent);
    deeper.or_else(|| is_reply.then(|| (0..comments.len()).rev().find(|&i| comments[i].parent.is_none())).flatten())
}

/// The text of one comment from the lines after its header: a date on the first line is taken out, buttons such
/// as "Reply" are dropped, and the indentation of the page is removed.
fn comment_text(lines: &[Line<'_>]) -> (Option<String>, String) {
    let mut kept: Vec<Line<'_>> = lines.iter().copied().filter(|l| !is_comment_noise(l.key())).collect();
    let mut date = None;
    if let Some(first) = kept.iter().position(|l| !l.is_blank())
        && let Some(found) = date_line(kept[first].key())
    {
        date = Some(found.to_owned());
        kept.remove(first);
    }
    (date, paragraphs(&kept).join("\n\n"))
}
