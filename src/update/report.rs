//! What an update did, for the review window, the command line and its `--json`.

use serde_json::{Value, json};

use crate::model::{AnchoredRange, DocId, Reanchor, SpanAnnotation, SpanId, Target, quote_of};

/// What became of one highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HighlightChange {
    /// The highlight.
    pub id: SpanId,
    /// The text it is on.
    pub target: Target,
    /// Unchanged, edited or orphaned.
    pub status: Reanchor,
    /// Its ranges on the older text (code points).
    pub before: Vec<(usize, usize)>,
    /// Its ranges on the newer text; none when orphaned.
    pub after: Option<Vec<(usize, usize)>>,
    /// What it quoted.
    pub quote_before: String,
    /// What it quotes now; none when orphaned.
    pub quote_after: Option<String>,
}

impl HighlightChange {
    pub(super) fn new(span: &SpanAnnotation, status: Reanchor, after: &[AnchoredRange]) -> Self {
        let orphaned = status == Reanchor::Orphaned;
        Self {
            id: span.id,
            target: span.target,
            status,
            before: span.ranges.iter().map(|r| (r.start, r.end)).collect(),
            after: (!orphaned).then(|| after.iter().map(|r| (r.start, r.end)).collect()),
            quote_before: span.quote(),
            quote_after: (!orphaned).then(|| quote_of(after)),
        }
    }
}

/// How many comments of the newer page were there before, are new, or are gone from it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CommentCounts {
    /// Comments found again (the same, or edited by their writer).
    pub matched: usize,
    /// Comments the older version did not have; they arrive untagged.
    pub new: usize,
    /// Older comments the page no longer has; they are kept, marked removed, with their work.
    pub removed: usize,
}

/// What an update did to a document's work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpdateReport {
    /// The document.
    pub document: DocId,
    /// Every highlight, in the document's order.
    pub highlights: Vec<HighlightChange>,
    /// The comments.
    pub comments: CommentCounts,
}

impl UpdateReport {
    /// How many highlights have `status`.
    pub fn count(&self, status: Reanchor) -> usize {
        self.highlights.iter().filter(|h| h.status == status).count()
    }

    /// One sentence for the status bar and the command line.
    pub fn summary(&self) -> String {
        let c = &self.comments;
        format!(
            "{} highlight(s) unchanged, {} edited and {} orphaned (the edited and orphaned are listed for review); \
             comments: {} matched, {} new, {} removed from the page (kept)",
            self.count(Reanchor::Unchanged),
            self.count(Reanchor::Edited),
            self.count(Reanchor::Orphaned),
            c.matched,
            c.new,
            c.removed
        )
    }

    /// The report as `gloss update --json` prints it; offsets in code points of each highlight's target text.
    pub fn to_json(&self, document_number: usize) -> Value {
        let highlights: Vec<Value> = self
            .highlights
            .iter()
            .map(|h| {
                json!({
                    "id": h.id.0,
                    "target": match h.target {
                        Target::Body => json!("body"),
                        Target::Comment(id) => json!({ "comment": id.0 }),
                    },
                    "status": h.status.name(),
                    "before": h.before,
                    "after": h.after,
                    "quote_before": h.quote_before,
                    "quote_after": h.quote_after,
                })
            })
            .collect();
        json!({
            "document": document_number,
            "highlights": highlights,
            "comments": { "matched": self.comments.matched, "new": self.comments.new, "removed": self.comments.removed },
        })
    }
}
