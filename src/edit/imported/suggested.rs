//! What a merged project says about suggestions, brought into this one by name: the suggestion an imported
//! highlight or sentiment was accepted from, and the suggestions its annotators rejected.

use crate::import::{CommentRef, ExtractedRejection, Place, Suggested};
use crate::model::{
    AnchoredRange, CommentId, Document, LabelSchema, Project, Rejected, Rejection, SuggestedSentiment, SuggestedSpan,
    Target,
};

use super::super::command::Command;

/// The provenance of an imported highlight, its label found by name; none when the schema lacks it.
pub(super) fn span_provenance(schema: &LabelSchema, s: &Suggested) -> Option<Box<SuggestedSpan>> {
    let label = schema.label_named(&s.proposed)?.id;
    Some(Box::new(SuggestedSpan { by: s.by.clone(), version: s.version.clone(), label, ranges: s.ranges.clone() }))
}

/// The provenance of an imported sentiment, its level found by name.
pub(super) fn sentiment_provenance(schema: &LabelSchema, s: &Suggested) -> Option<SuggestedSentiment> {
    let sentiment = schema.sentiment_named(&s.proposed)?.id;
    Some(SuggestedSentiment { by: s.by.clone(), version: s.version.clone(), sentiment })
}

/// The commands that record `rejected` on `doc` (a document of `project`), each where its quote still is; the
/// rest is named in `notes`.
pub(super) fn rejections(
    (project, schema): (&Project, &LabelSchema),
    doc: &Document,
    rejected: &[ExtractedRejection],
    notes: &mut Vec<String>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut lost = 0;
    for r in rejected {
        match rejection(schema, doc, r) {
            // Merging a project with itself adds nothing.
            Some(rejection) if !project.rejected.contains(&rejection) => {
                commands.push(Command::SetRejected { rejection: Box::new(rejection), rejected: true });
            }
            Some(_) => {}
            None => lost += 1,
        }
    }
    if lost > 0 {
        notes.push(format!("{lost} rejected suggestion(s) on \"{}\" no longer fit its text; left out", doc.title));
    }
    commands
}

fn rejection(schema: &LabelSchema, doc: &Document, r: &ExtractedRejection) -> Option<Rejection> {
    let target = match r.place {
        Place::Body => Target::Body,
        Place::Comment(CommentRef::Index(i)) => Target::Comment(doc.comments.get(i)?.id),
        Place::Comment(CommentRef::Id(id)) => Target::Comment(doc.comment(CommentId(id))?.id),
    };
    let what = if r.proposed.ranges.is_empty() {
        Rejected::Sentiment(schema.sentiment_named(&r.proposed.proposed)?.id)
    } else {
        let label = schema.label_named(&r.proposed.proposed)?.id;
        let text = doc.target_text(target)?;
        let mut ranges = Vec::with_capacity(r.proposed.ranges.len());
        for (i, &(start, end)) in r.proposed.ranges.iter().enumerate() {
            let range = AnchoredRange::new(text, start, end).ok()?;
            // The same text, or it is not the same passage.
            if r.quotes.get(i).is_some_and(|q| q.exact != range.exact) {
                return None;
            }
            ranges.push(range);
        }
        Rejected::Span { label, ranges }
    };
    Some(Rejection { doc: doc.id, annotator: r.annotator.clone(), target, what, by: r.proposed.by.clone(), at: r.at })
}
