//! The highlights of one document in the three versions.

use crate::model::{Document, SpanAnnotation, SpanId, Target};

use super::{Merger, pick};

impl Merger {
    /// Highlights by id: added on either side kept, removed on one side and untouched on the other removed,
    /// changed on one side taken, changed on both kept twice.
    pub(super) fn spans(&mut self, doc: &mut Document, base: &Document, ours: &Document, theirs: &Document) {
        let mut spans: Vec<SpanAnnotation> = Vec::new();
        for mine in &ours.spans {
            match (base.span(mine.id), theirs.span(mine.id)) {
                (None, _) => spans.push(mine.clone()),
                (Some(old), None) if old == mine => {}
                (Some(_), None) => {
                    self.conflict(
                        Some(doc.id),
                        None,
                        vec![mine.id],
                        format!(
                            "the highlight \"{}\" was removed in the other version and changed in this one; it is kept",
                            mine.quote()
                        ),
                    );
                    spans.push(mine.clone());
                }
                (Some(old), Some(other)) => match pick(Some(old), Some(mine), Some(other)) {
                    Some(Some(chosen)) => spans.push(chosen.clone()),
                    Some(None) => {}
                    None => {
                        let mut copy = other.clone();
                        copy.id = SpanId(self.next.fresh());
                        self.conflict(
                            Some(doc.id),
                            None,
                            vec![mine.id, copy.id],
                            format!("the highlight \"{}\" was changed in both versions; both are kept", mine.quote()),
                        );
                        spans.push(mine.clone());
                        spans.push(copy);
                    }
                },
            }
        }
        for other in &theirs.spans {
            if ours.span(other.id).is_some() {
                continue;
            }
            match base.span(other.id) {
                None => spans.push(other.clone()),
                Some(old) if old == other => {}
                Some(_) => {
                    self.conflict(
                        Some(doc.id),
                        None,
                        vec![other.id],
                        format!(
                            "the highlight \"{}\" was removed in this version and changed in the other; it is kept",
                            other.quote()
                        ),
                    );
                    spans.push(other.clone());
                }
            }
        }
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

/// Whether every range of `span` still quotes its text in `doc`.
fn fits(doc: &Document, span: &SpanAnnotation) -> bool {
    let Some(text) = doc.target_text(span.target) else { return false };
    let target_ok = match span.target {
        Target::Body => true,
        Target::Comment(c) => doc.comment(c).is_some(),
    };
    target_ok
        && span.ranges.iter().all(|r| crate::model::text::slice_chars(text, r.start, r.end) == Some(r.exact.as_str()))
}
