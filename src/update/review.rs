//! The decisions of an update's review, each one undoable step: accept the proposed place, re-select the text by
//! hand, keep the highlight as an orphan, or delete it.

use jiff::Timestamp;

use crate::edit::{Command, ReanchorState};
use crate::model::{AnchoredRange, Document, Reanchor, Reanchoring, SpanAnnotation, SpanId, Target};

/// What the annotator decided about a highlight on the review list (or an orphan kept earlier).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The proposed place is right.
    Accept,
    /// The highlight goes on these ranges (code points) of this text instead.
    Ranges(Target, Vec<(usize, usize)>),
    /// Keep it with its old quote among the orphans.
    KeepOrphan,
    /// Delete it.
    Delete,
}

/// Why a decision cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The highlight is neither placed nor an orphan in this document.
    #[error("the highlight is no longer in this document")]
    Missing,
    /// Only a placed highlight has a proposal to accept.
    #[error("an orphaned highlight has no proposal; re-select its text or keep it as an orphan")]
    NothingToAccept,
    /// The ranges do not fit the text.
    #[error("{0}")]
    Range(#[from] crate::model::RangeError),
    /// No text was chosen.
    #[error("select the text the highlight belongs on first")]
    NoRanges,
}

fn position<T>(list: &[T], id: impl Fn(&T) -> bool) -> Option<(usize, &T)> {
    list.iter().enumerate().find(|(_, item)| id(item))
}

/// The command for `resolution` of highlight `span` in `doc`, named for the Edit menu.
pub fn resolve(doc: &Document, span: SpanId, resolution: Resolution, at: Timestamp) -> Result<Command, ReviewError> {
    let placed = position(&doc.spans, |s| s.id == span);
    let orphan = position(&doc.orphans, |s| s.id == span);
    let entry = position(&doc.review, |r| r.span == span);
    let current = placed.or(orphan).map(|(_, s)| s).ok_or(ReviewError::Missing)?;
    let keep = |p: Option<(usize, &SpanAnnotation)>| p.map(|(i, s)| (i, s.clone()));
    let (name, state) = match resolution {
        Resolution::Accept => {
            let Some(placed) = placed else { return Err(ReviewError::NothingToAccept) };
            ("Accept updated highlight", ReanchorState { span, placed: keep(Some(placed)), orphan: None, review: None })
        }
        Resolution::Ranges(target, ranges) => {
            let text = doc.target_text(target).ok_or(ReviewError::Missing)?;
            let mut ranges = ranges;
            ranges.sort_unstable();
            if ranges.is_empty() {
                return Err(ReviewError::NoRanges);
            }
            let anchored =
                ranges.iter().map(|&(s, e)| AnchoredRange::new(text, s, e)).collect::<Result<Vec<_>, _>>()?;
            let moved = SpanAnnotation { target, ranges: anchored, modified: at, ..current.clone() };
            let to = placed.map_or(doc.spans.len(), |(i, _)| i);
            (
                "Re-select updated highlight",
                ReanchorState { span, placed: Some((to, moved)), orphan: None, review: None },
            )
        }
        Resolution::KeepOrphan => {
            // An orphan keeps the quote it had before the update, on the older text's offsets.
            let before = entry.map_or_else(|| current.ranges.clone(), |(_, e)| e.before.clone());
            let kept = SpanAnnotation { ranges: before, ..current.clone() };
            let to = orphan.map_or(doc.orphans.len(), |(i, _)| i);
            ("Keep as orphan", ReanchorState { span, placed: None, orphan: Some((to, kept)), review: None })
        }
        Resolution::Delete => {
            ("Delete updated highlight", ReanchorState { span, placed: None, orphan: None, review: None })
        }
    };
    Ok(Command::Batch {
        name: std::borrow::Cow::Borrowed(name),
        commands: vec![Command::SetReanchoring { doc: doc.id, state: Box::new(state) }],
    })
}

/// The review list of `doc` with each entry's highlight, in reading order: edited ones first by where they are
/// now, then orphans.
pub fn pending(doc: &Document) -> Vec<(&Reanchoring, &SpanAnnotation)> {
    let mut list: Vec<(&Reanchoring, &SpanAnnotation)> = doc
        .review
        .iter()
        .filter_map(|entry| {
            let span = match entry.status {
                Reanchor::Orphaned => doc.orphans.iter().find(|s| s.id == entry.span),
                _ => doc.span(entry.span),
            }?;
            Some((entry, span))
        })
        .collect();
    let place = |target: Target| match target {
        Target::Body => 0,
        Target::Comment(c) => doc.comment_index(c).map_or(usize::MAX, |i| i + 1),
    };
    list.sort_by_key(|(entry, span)| (entry.status == Reanchor::Orphaned, place(span.target), span.start(), span.id));
    list
}
