//! The edit behind every review decision of an update: one highlight's place among a document's highlights, its
//! orphans and its review list, set at once, so that undo puts all three back together.

use crate::model::Project;
use crate::model::text::CharIndex;

use super::apply::document_mut;
use super::command::{Command, ReanchorState};
use super::error::EditError;

/// Puts `value` where the item with id `id` is in `list` (or at `value`'s position when it is not there, or takes
/// it out for `None`), and gives back what was there with its position.
fn put<T>(list: &mut Vec<T>, id: impl Fn(&T) -> bool, value: Option<(usize, T)>) -> Option<(usize, T)> {
    let at = list.iter().position(id);
    match (at, value) {
        (Some(at), Some((_, value))) => Some((at, std::mem::replace(&mut list[at], value))),
        (Some(at), None) => Some((at, list.remove(at))),
        (None, Some((to, value))) => {
            list.insert(to.min(list.len()), value);
            None
        }
        (None, None) => None,
    }
}

/// Applies [`Command::SetReanchoring`]; the inverse is the state the highlight was in.
pub(super) fn set(project: &mut Project, doc: crate::model::DocId, state: ReanchorState) -> Result<Command, EditError> {
    let document = document_mut(project, doc)?;
    let span = state.span;
    let same = |s: &crate::model::SpanAnnotation| s.id == span;
    if let Some((_, placed)) = &state.placed {
        let text = document.target_text(placed.target).ok_or(EditError::NoSpan(span))?;
        if placed.id != span {
            return Err(EditError::NoSpan(span));
        }
        if let Some(problem) = placed.range_problem(text, &CharIndex::new(text)) {
            return Err(EditError::Anchor(problem));
        }
    }
    let inverse = ReanchorState {
        span,
        placed: put(&mut document.spans, same, state.placed),
        orphan: put(&mut document.orphans, same, state.orphan),
        review: put(&mut document.review, |r: &crate::model::Reanchoring| r.span == span, state.review),
    };
    Ok(Command::SetReanchoring { doc, state: Box::new(inverse) })
}
