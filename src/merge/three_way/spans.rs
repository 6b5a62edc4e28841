//! The highlights of one document in the three versions.

use crate::model::{Document, SpanAnnotation, SpanId};

use super::{Merger, by_id, pick};

impl Merger {
    /// Highlights by id: added on either side kept, removed on one side and untouched on the other removed,
    /// changed on one side taken, changed on both kept twice.
    pub(super) fn spans(&mut self, doc: &mut Document, base: &Document, ours: &Document, theirs: &Document) {
        let id = doc.id;
        let spans = by_id(
            self,
            (&base.spans, &ours.spans, &theirs.spans),
            |s: &SpanAnnotation| s.id,
            |merger, old, mine, other| match pick(Some(old), Some(mine), Some(other)) {
                Some(Some(chosen)) => vec![chosen.clone()],
                Some(None) => vec![],
                None => {
                    let mut copy = other.clone();
                    copy.id = SpanId(merger.next.fresh());
                    let message =
                        format!("the highlight \"{}\" was changed in both versions; both are kept", mine.quote());
                    merger.conflict(Some(id), None, vec![mine.id, copy.id], message);
                    vec![mine.clone(), copy]
                }
            },
            |merger, kept, removed| {
                let message = format!("the highlight \"{}\" was {removed}; it is kept", kept.quote());
                merger.conflict(Some(id), None, vec![kept.id], message);
            },
        );
        // A highlight whose text is no longer there (a comment removed on the other side) cannot stay; it is
        // named so that the user can mark it again.
        let (fits, lost): (Vec<_>, Vec<_>) = spans.into_iter().partition(|s| fits(doc, s));
        for span in lost {
            self.conflict(
                Some(doc.id),
                None,
                vec![],
                format!(
                    "the highlight \"{}\" ({}) no longer fits the merged text and was left out",
                    span.quote(),
                    span.annotator
                ),
            );
        }
        doc.spans = fits;
    }
}

/// Whether every range of `span` still quotes its text in `doc` (whose comment it names, if any, is still there).
fn fits(doc: &Document, span: &SpanAnnotation) -> bool {
    let Some(text) = doc.target_text(span.target) else { return false };
    span.ranges.iter().all(|r| crate::model::text::slice_chars(text, r.start, r.end) == Some(r.exact.as_str()))
}
