//! Repairs of an import that split an article wrongly: where the comments start, one comment that is really two,
//! two that are really one. Each repair is a pure function from a document to a new document, and every highlight
//! keeps exactly the text it had: its ranges are moved to the text's new place, or the repair is refused.

use crate::anchor::{QuoteSelector, locate};
use crate::model::paragraphs::SEPARATOR;
use crate::model::{AnchoredRange, Comment, CommentId, Document, IdAllocator, SpanAnnotation, Target, text::char_len};

/// A repair that would break something.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FixupError {
    /// The paragraph or comment is not there.
    #[error("{0} is not in this document")]
    Missing(String),
    /// A highlight spans the place where the text would be cut.
    #[error("a highlight (\"{0}\") crosses the place of the cut; remove or shorten it first")]
    CrossingSpan(String),
    /// Nothing would be left on one side of the cut.
    #[error("one side of the cut would be empty")]
    EmptySide,
}

/// Start offsets (code points) of the paragraphs of `text`, and its length.
fn paragraph_starts(text: &str) -> Vec<usize> {
    let separator = char_len(SEPARATOR);
    let mut starts = Vec::new();
    let mut at = 0;
    for paragraph in text.split(SEPARATOR) {
        starts.push(at);
        at += char_len(paragraph) + separator;
    }
    starts
}

/// Moves the ranges of `span` that lie in `target` between `from..to` to `new_target`, shifted left by `from`
/// into `new_text`. Returns false if some range lies only partly inside.
fn move_span(
    span: &mut SpanAnnotation,
    target: Target,
    from: usize,
    to: usize,
    new_target: Target,
    new_text: &str,
) -> Result<bool, FixupError> {
    if span.target != target {
        return Ok(false);
    }
    let inside = span.ranges.iter().filter(|r| r.start >= from && r.end <= to).count();
    let outside = span.ranges.iter().filter(|r| r.end <= from || r.start >= to).count();
    if inside + outside != span.ranges.len() || inside > 0 && outside > 0 {
        return Err(FixupError::CrossingSpan(span.quote()));
    }
    if inside == 0 {
        return Ok(false);
    }
    let mut ranges = Vec::with_capacity(span.ranges.len());
    for range in &span.ranges {
        let moved = AnchoredRange::new(new_text, range.start - from, range.end - from)
            .map_err(|_| FixupError::CrossingSpan(span.quote()))?;
        debug_assert_eq!(moved.exact, range.exact);
        ranges.push(moved);
    }
    span.ranges = ranges;
    span.target = new_target;
    Ok(true)
}

/// Re-anchors the ranges of `span` (kept in place) in a target text that changed around them but not inside: each
/// range is `shift` code points from where it was, its context taken anew. Should its quote not be there, it is
/// looked for by quote and context through the one anchoring routine every re-finding uses; a range that cannot
/// be placed stays as it was, and the project check after the repair refuses it.
fn reanchor(span: &mut SpanAnnotation, text: &str, shift: isize) {
    let index = crate::model::text::CharIndex::new(text);
    for range in &mut span.ranges {
        let near = range.start.saturating_add_signed(shift);
        let selector = QuoteSelector { exact: &range.exact, prefix: &range.prefix, suffix: &range.suffix };
        let (start, end) = if index.slice(text, near, near + range.len()) == Some(range.exact.as_str()) {
            // The cut moved the text by exactly this much; a copy elsewhere with more of the old context is not it.
            (near, near + range.len())
        } else {
            locate(text, &index, &selector, near).map_or((near, near + range.len()), |f| (f.start, f.end))
        };
        if let Ok(moved) = AnchoredRange::new_indexed(text, &index, start, end) {
            *range = moved;
        }
    }
}

/// The body from paragraph `paragraph` on becomes comments, one per paragraph, with ids from `ids`.
pub fn comments_from_paragraph(
    doc: &Document,
    paragraph: usize,
    ids: &mut IdAllocator,
) -> Result<Document, FixupError> {
    let starts = paragraph_starts(&doc.body);
    if paragraph >= starts.len() {
        return Err(FixupError::Missing(format!("paragraph {}", paragraph + 1)));
    }
    let parts: Vec<&str> = doc.body.split(SEPARATOR).collect();
    let mut new = doc.clone();
    let keep = parts[..paragraph].join(SEPARATOR);
    new.body = keep.clone();
    let mut comments = Vec::new();
    for (offset, text) in parts[paragraph..].iter().enumerate() {
        let start = starts[paragraph + offset];
        if text.trim().is_empty() {
            continue;
        }
        let id = CommentId(ids.fresh());
        for span in &mut new.spans {
            move_span(span, Target::Body, start, start + char_len(text), Target::Comment(id), text)?;
        }
        comments.push(Comment::new(id, String::new(), *text));
    }
    // What stays in the body must lie in the part that stays.
    if let Some(span) = new.spans.iter().find(|s| s.target == Target::Body && s.end() > char_len(&keep)) {
        return Err(FixupError::CrossingSpan(span.quote()));
    }
    for span in new.spans.iter_mut().filter(|s| s.target == Target::Body) {
        reanchor(span, &new.body, 0);
    }
    comments.extend(new.comments);
    new.comments = comments;
    Ok(new)
}

/// `comment` and every comment after it go back to the end of the body, one paragraph each.
pub fn body_from_comment(doc: &Document, comment: CommentId) -> Result<Document, FixupError> {
    let index = doc.comment_index(comment).ok_or_else(|| FixupError::Missing(comment.to_string()))?;
    let mut new = doc.clone();
    let moving: Vec<Comment> = new.comments.split_off(index);
    let mut body = new.body.clone();
    let mut places = Vec::new();
    for moved in &moving {
        if !body.is_empty() {
            body.push_str(SEPARATOR);
        }
        places.push((moved.id, char_len(&body), moved.text.clone()));
        body.push_str(&moved.text);
    }
    new.body = body;
    for (id, at, text) in &places {
        for span in &mut new.spans {
            if span.target == Target::Comment(*id) {
                span.target = Target::Body;
                reanchor(span, &new.body, *at as isize);
                debug_assert!(span.ranges.iter().all(|r| r.matches(&new.body)), "{text}");
            }
        }
    }
    for span in new.spans.iter_mut().filter(|s| s.target == Target::Body) {
        reanchor(span, &new.body, 0);
    }
    for left in &mut new.comments {
        if left.parent.is_some_and(|p| moving.iter().any(|m| m.id == p)) {
            left.parent = None;
        }
    }
    Ok(new)
}

/// Cuts `comment` at code point `at` of its text into two comments; the second gets a fresh id from `ids`, the
/// same author and date, and is placed right after the first.
pub fn split_comment(
    doc: &Document,
    comment: CommentId,
    at: usize,
    ids: &mut IdAllocator,
) -> Result<Document, FixupError> {
    let index = doc.comment_index(comment).ok_or_else(|| FixupError::Missing(comment.to_string()))?;
    let original = &doc.comments[index];
    let len = char_len(&original.text);
    let chars: Vec<char> = original.text.chars().collect();
    let head: String = chars[..at.min(len)].iter().collect();
    let tail: String = chars[at.min(len)..].iter().collect();
    let (head_trimmed, tail_trimmed) = (head.trim_end(), tail.trim_start());
    if head_trimmed.is_empty() || tail_trimmed.is_empty() {
        return Err(FixupError::EmptySide);
    }
    let tail_start = len - char_len(tail_trimmed);
    let mut new = doc.clone();
    let second = CommentId(ids.fresh());
    for span in &mut new.spans {
        move_span(span, Target::Comment(comment), tail_start, len, Target::Comment(second), tail_trimmed)?;
        if span.target == Target::Comment(comment) && span.end() > char_len(head_trimmed) {
            return Err(FixupError::CrossingSpan(span.quote()));
        }
    }
    let first = &mut new.comments[index];
    first.text = head_trimmed.to_owned();
    let mut copy = first.clone();
    copy.id = second;
    copy.text = tail_trimmed.to_owned();
    copy.number = None;
    // The sentiment was given to the whole; the new part starts untagged in it.
    for tagging in copy.tagged_by.values_mut() {
        tagging.sentiment = None;
    }
    copy.tagged_by.retain(|_, tagging| !tagging.is_empty());
    copy.note = String::new();
    for span in new.spans.iter_mut().filter(|s| s.target == Target::Comment(comment)) {
        reanchor(span, head_trimmed, 0);
    }
    new.comments.insert(index + 1, copy);
    Ok(new)
}

/// Joins `comment` and the comment after it into one; the second's text follows as a new paragraph, its
/// highlights move along, and replies to it now answer the first.
pub fn merge_with_next(doc: &Document, comment: CommentId) -> Result<Document, FixupError> {
    let index = doc.comment_index(comment).ok_or_else(|| FixupError::Missing(comment.to_string()))?;
    let Some(next) = doc.comments.get(index + 1) else { return Err(FixupError::Missing("a next comment".to_owned())) };
    let next_id = next.id;
    let mut new = doc.clone();
    let second = new.comments.remove(index + 1);
    let first = &mut new.comments[index];
    let shift = char_len(&first.text) + char_len(SEPARATOR);
    first.text = format!("{}{SEPARATOR}{}", first.text, second.text);
    if !second.note.is_empty() {
        first.note = [first.note.as_str(), second.note.as_str()]
            .iter()
            .filter(|n| !n.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
    }
    for (who, theirs) in second.tagged_by {
        let mine = first.tagged_by.entry(who).or_default();
        mine.sentiment = mine.sentiment.or(theirs.sentiment);
        for (dimension, value) in theirs.tags {
            mine.tags.entry(dimension).or_insert(value);
        }
    }
    let text = first.text.clone();
    for span in &mut new.spans {
        if span.target == Target::Comment(next_id) {
            span.target = Target::Comment(comment);
            reanchor(span, &text, shift as isize);
        } else if span.target == Target::Comment(comment) {
            reanchor(span, &text, 0);
        }
    }
    for reply in &mut new.comments {
        if reply.parent == Some(next_id) {
            reply.parent = Some(comment);
        }
    }
    Ok(new)
}

/// The commands that move every comment of `from` under `to`, and remove `from` if nothing else is left in it:
/// how a spreadsheet of comments is attached to its article. Ids are kept, so nothing needs new ones.
pub fn attach_comments(from: &Document, to: &Document) -> crate::edit::Command {
    use crate::edit::Command;
    let (rest, joined) = move_comments(from, to);
    let mut commands = vec![Command::ReplaceDocument { document: Box::new(joined) }];
    let empty = rest.body.trim().is_empty() && rest.comments.is_empty() && rest.spans.is_empty();
    commands.push(if empty {
        Command::RemoveDocument { doc: from.id }
    } else {
        Command::ReplaceDocument { document: Box::new(rest) }
    });
    Command::batch("Attach comments", commands)
}

/// Moves every comment of `from` (with the highlights on them) to the end of `to`'s comments.
pub fn move_comments(from: &Document, to: &Document) -> (Document, Document) {
    let (mut from, mut to) = (from.clone(), to.clone());
    let moved: Vec<CommentId> = from.comments.iter().map(|c| c.id).collect();
    to.comments.append(&mut from.comments);
    let (spans, kept): (Vec<SpanAnnotation>, Vec<SpanAnnotation>) =
        from.spans.drain(..).partition(|s| matches!(s.target, Target::Comment(c) if moved.contains(&c)));
    from.spans = kept;
    to.spans.extend(spans);
    to.spans.sort_by_key(|s| s.id);
    (from, to)
}

#[cfg(test)]
mod tests;
