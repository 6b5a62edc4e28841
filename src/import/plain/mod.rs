//! Plain-text articles as people copy them from web pages: headline, caption, dateline, story, site boilerplate,
//! then reader comments under headers such as "1. Name said:".

mod comments;
mod front;
mod lines;
mod patterns;

use super::{Extracted, ExtractedComment};
use crate::model::Metadata;
use lines::{Line, paragraphs, starts_paragraph};
use patterns::{Marker, is_body_noise, marker};
pub(crate) use patterns::{date_start, dateline, looks_like_date, may_head_comments, mentions_comments};

/// Takes an article apart. `text` has `\n` line endings (see [`super::decode`]). Never fails: a text that fits no
/// known shape becomes one body with its first line as title, and a warning says so.
pub fn extract(text: &str) -> Extracted {
    let lines = lines::split(text);
    let front = front::read(&lines);
    let section = comments::find_section(&lines, front.end);
    let body_end = section.as_ref().map_or(lines.len(), |s| s.start);
    let (story_end, skipped) = end_of_story(&lines, front.end, body_end);

    let mut warnings = Vec::new();
    let story: Vec<Line<'_>> =
        lines[front.end..story_end].iter().copied().filter(|l| !is_body_noise(l.key())).collect();
    let mut body = paragraphs(&story);
    let mut metadata =
        Metadata { caption: front.caption, byline: front.byline, date: front.date, ..Metadata::default() };
    if let Some(first) = body.first_mut()
        && let Some((len, rest)) = dateline(first)
    {
        metadata.dateline = Some(first[..len].to_owned());
        *first = first[rest..].to_owned();
    }

    let (comments, form) = match &section {
        Some(section) => comments::read(&lines, section),
        None => (Vec::new(), lines.len()),
    };
    let title = match front.title {
        Some(title) if !body.is_empty() => title,
        _ => {
            // Nothing reads as a headline followed by a story: keep every line as the body.
            warnings.push(
                "the text has no recognisable headline and story; it was imported whole, with its first line as \
                 the title"
                    .to_owned(),
            );
            body = paragraphs(&lines[..body_end]);
            metadata = Metadata::default();
            fallback_title(text)
        }
    };
    let mut extracted = Extracted {
        title,
        metadata,
        body: body.join("\n\n"),
        comments,
        comments_found: None,
        warnings,
        skipped: Vec::new(),
        annotations: Default::default(),
    };
    if let Some(first) = skipped {
        extracted.skipped.push(describe_skip(&lines, first, body_end, "site text before the comments"));
    }
    if form < lines.len() && lines[form..].iter().any(|l| !l.is_blank()) {
        extracted.skipped.push(describe_skip(&lines, form, lines.len(), "the comment form"));
    }
    extracted
}

/// Whether a heading announces the comment section ("Comments", "6 Responses to …").
pub(crate) fn is_comments_heading(text: &str) -> bool {
    marker(text.trim()) == Some(Marker::CommentsHeading)
}

/// Whether a line opens the comment form ("Leave a Reply", "Kommentar schreiben").
pub(crate) fn is_comment_form(text: &str) -> bool {
    marker(text.trim()) == Some(Marker::CommentForm)
}

/// Splits a text that ends in a comment section ("Name says:" …) into the story and the comments; `None` if no
/// comment section is found. For pages whose comments are plain paragraphs rather than marked-up elements.
pub(crate) fn split_comments(text: &str) -> Option<(String, Vec<ExtractedComment>)> {
    let lines = lines::split(text);
    let section = comments::find_section(&lines, 0)?;
    let (found, _) = comments::read(&lines, &section);
    if found.is_empty() {
        return None;
    }
    let (story_end, _) = end_of_story(&lines, 0, section.start);
    Some((paragraphs(&lines[..story_end]).join("\n\n"), found))
}

/// Where the story ends: at the first line that opens the comment area or the page's furniture ("Discussion
/// Policy", "Share this:") after some story text. Returns that index and, if text was cut, where the cut starts.
fn end_of_story(lines: &[Line<'_>], from: usize, to: usize) -> (usize, Option<usize>) {
    let mut saw_text = false;
    for index in from..to {
        let line = &lines[index];
        if line.is_blank() {
            continue;
        }
        let ends = matches!(marker(line.key()), Some(Marker::CommentsHeading | Marker::EndOfArticle));
        if ends && saw_text && starts_paragraph(lines, index) {
            let cut = lines[index..to].iter().any(|l| !l.is_blank());
            return (index, cut.then_some(index));
        }
        saw_text = true;
    }
    (to, None)
}

fn describe_skip(lines: &[Line<'_>], from: usize, to: usize, what: &str) -> String {
    let parts = paragraphs(&lines[from..to]);
    let first = parts.first().map(String::as_str).unwrap_or_default();
    let preview: String = first.chars().take(40).collect();
    let ellipsis = if first.chars().count() > 40 { "…" } else { "" };
    format!("{what}: {} paragraph(s) from \"{preview}{ellipsis}\"", parts.len())
}

/// The first non-blank line, shortened to a readable length.
fn fallback_title(text: &str) -> String {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("Untitled");
    if first.chars().count() <= 100 {
        return first.to_owned();
    }
    let cut: String = first.chars().take(100).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}
