//! Renaming the ids a command names, for replaying edits onto another version of a project.
//!
//! Edits made in one session take their new ids from the project's counter. Replayed onto a version of the file
//! that someone else changed meanwhile, the same edits take other ids, since that counter has moved on; every
//! later edit that names one of them must name the new one instead. All ids share one counter, so one function
//! from old number to new number serves every kind of id.

use super::command::{Command, Fix, SpanDraft, TextField};
use crate::model::{
    CommentId, DimensionId, DocId, Document, LabelId, LabelSchema, Rejected, Rejection, SentimentId, SpanAnnotation,
    SpanId, SuggestedSentiment, SuggestedSpan, Tagging, Target, ValueId,
};

/// Something that names ids.
trait Ids {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64);
}

macro_rules! plain_id {
    ($($id:ty),*) => {$(
        impl Ids for $id {
            fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
                self.0 = map(self.0);
            }
        }
    )*};
}

plain_id!(DocId, CommentId, SpanId, LabelId, SentimentId, DimensionId, ValueId);

impl<T: Ids> Ids for Option<T> {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
        if let Some(id) = self {
            id.remap(map);
        }
    }
}

impl<T: Ids> Ids for Box<T> {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
        T::remap(self, map);
    }
}

impl Ids for Target {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
        if let Self::Comment(comment) = self {
            comment.remap(map);
        }
    }
}

impl Ids for SpanAnnotation {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
        self.id.remap(map);
        self.target.remap(map);
        self.label.remap(map);
        self.suggested.remap(map);
    }
}

impl Ids for SuggestedSpan {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
        self.label.remap(map);
    }
}

impl Ids for SuggestedSentiment {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
        self.sentiment.remap(map);
    }
}

impl Ids for Tagging {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
        self.sentiment.remap(map);
        self.suggested.remap(map);
        self.tags = std::mem::take(&mut self.tags)
            .into_iter()
            .map(|(mut dimension, mut value)| {
                dimension.remap(map);
                value.remap(map);
                (dimension, value)
            })
            .collect();
    }
}

impl Ids for Rejection {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
        self.doc.remap(map);
        self.target.remap(map);
        match &mut self.what {
            Rejected::Span { label, .. } => label.remap(map),
            Rejected::Sentiment(level) => level.remap(map),
        }
    }
}

impl Ids for Document {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
        remap_references(self, map);
        self.id.remap(map);
        for comment in &mut self.comments {
            comment.id.remap(map);
            comment.parent.remap(map);
        }
        for span in self.spans.iter_mut().chain(&mut self.orphans) {
            span.id.remap(map);
            span.target.remap(map);
        }
        for entry in &mut self.review {
            entry.span.remap(map);
        }
    }
}

/// Renames only what a document refers to outside itself (labels, sentiment levels, dimensions and values): the
/// ids of a document about to get fresh ones are its own business.
fn remap_references(document: &mut Document, map: &dyn Fn(u64) -> u64) {
    for comment in &mut document.comments {
        for tagging in comment.tagged_by.values_mut() {
            tagging.remap(map);
        }
    }
    for span in document.spans.iter_mut().chain(&mut document.orphans) {
        span.label.remap(map);
        span.suggested.remap(map);
    }
}

impl Ids for LabelSchema {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
        for label in &mut self.span_labels {
            label.id.remap(map);
        }
        for level in &mut self.sentiments {
            level.id.remap(map);
        }
        for dimension in &mut self.dimensions {
            dimension.id.remap(map);
            for value in &mut dimension.values {
                value.id.remap(map);
            }
        }
    }
}

impl Ids for SpanDraft {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
        self.target.remap(map);
        self.label.remap(map);
    }
}

impl Ids for TextField {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
        match self {
            Self::ProjectName | Self::Annotator => {}
            Self::DocumentTitle(doc) | Self::DocumentNote(doc) | Self::Meta(doc, _) => doc.remap(map),
            Self::CommentNote(doc, comment) | Self::CommentAuthor(doc, comment) => {
                doc.remap(map);
                comment.remap(map);
            }
            Self::SpanSpeaker(doc, span) | Self::SpanNote(doc, span) => {
                doc.remap(map);
                span.remap(map);
            }
        }
    }
}

impl Ids for Fix {
    fn remap(&mut self, map: &dyn Fn(u64) -> u64) {
        match self {
            Self::CommentsFrom { .. } => {}
            Self::BodyFrom { comment } | Self::SplitComment { comment, .. } | Self::MergeWithNext { comment } => {
                comment.remap(map);
            }
        }
    }
}

impl Command {
    /// Renames every id this command names (documents, comments, spans, labels, levels, dimensions, values,
    /// inside documents and schemas too) by `map`. `map` must keep 0, which stands for "new" in a schema.
    pub fn remap_ids(&mut self, map: &dyn Fn(u64) -> u64) {
        match self {
            Self::CreateSpan { doc, draft } => {
                doc.remap(map);
                draft.remap(map);
            }
            Self::AddSpans { doc, spans } => {
                // The spans get fresh ids when added; what they point at is renamed.
                doc.remap(map);
                for span in spans {
                    span.target.remap(map);
                    span.label.remap(map);
                    span.suggested.remap(map);
                }
            }
            Self::RestoreSpan { doc, span } => {
                doc.remap(map);
                span.remap(map);
            }
            Self::RemoveSpan { doc, span }
            | Self::SetSpanAttribute { doc, span, .. }
            | Self::SetRanges { doc, span, .. } => {
                doc.remap(map);
                span.remap(map);
            }
            Self::SetSpanLabel { doc, span, label, .. } => {
                doc.remap(map);
                span.remap(map);
                label.remap(map);
            }
            Self::SetCommentTag { doc, comment, dimension, value, .. } => {
                doc.remap(map);
                comment.remap(map);
                dimension.remap(map);
                value.remap(map);
            }
            Self::SetSchema { schema } => schema.remap(map),
            Self::SetConflicts { conflicts } => {
                for conflict in conflicts {
                    conflict.doc.remap(map);
                    conflict.comment.remap(map);
                    conflict.spans.iter_mut().for_each(|s| s.remap(map));
                }
            }
            Self::SetSentiment { doc, comment, sentiment, .. } => {
                doc.remap(map);
                comment.remap(map);
                sentiment.remap(map);
            }
            Self::SetTagging { doc, comment, tagging, .. } => {
                doc.remap(map);
                comment.remap(map);
                tagging.remap(map);
            }
            Self::SetRejected { rejection, .. } => rejection.remap(map),
            Self::SetText { field, .. } => field.remap(map),
            Self::AddDocument { document, fresh_ids: true, .. } => remap_references(document, map),
            Self::AddDocument { document, fresh_ids: false, .. } | Self::ReplaceDocument { document } => {
                document.remap(map);
            }
            Self::RemoveDocument { doc } => doc.remap(map),
            Self::FixUp { doc, fix } => {
                doc.remap(map);
                fix.remap(map);
            }
            Self::SetReanchoring { doc, state } => {
                doc.remap(map);
                state.span.remap(map);
                for (_, span) in state.placed.iter_mut().chain(&mut state.orphan) {
                    span.remap(map);
                }
                if let Some((_, entry)) = &mut state.review {
                    entry.span.remap(map);
                }
            }
            Self::Batch { commands, .. } => commands.iter_mut().for_each(|c| c.remap_ids(map)),
        }
    }
}

/// Renames every id in `project` (documents, comments, spans, the schema and every reference to them) by `map`,
/// which must be one-to-one. Used to make room for another version's new ids before merging it.
pub fn remap_project(project: &mut crate::model::Project, map: &dyn Fn(u64) -> u64) {
    project.schema.remap(map);
    for document in &mut project.documents {
        document.remap(map);
    }
    for rejection in &mut project.rejected {
        rejection.remap(map);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{MetaField, SpanAttribute};
    use crate::model::Verdict;

    #[test]
    fn every_id_a_command_names_is_renamed_and_zero_stays() {
        let shift = |id: u64| if id >= 100 { id + 1000 } else { id };
        let mut command = Command::batch(
            "test",
            vec![
                Command::SetSpanLabel {
                    doc: DocId(5),
                    span: SpanId(150),
                    label: LabelId(120),
                    at: jiff::Timestamp::UNIX_EPOCH,
                },
                Command::SetCommentTag {
                    doc: DocId(5),
                    comment: CommentId(101),
                    annotator: None,
                    dimension: DimensionId(3),
                    value: Some(ValueId(130)),
                },
                Command::SetText {
                    field: TextField::Meta(DocId(140), MetaField::Site),
                    value: String::new(),
                    at: None,
                },
                Command::SetSpanAttribute {
                    doc: DocId(141),
                    span: SpanId(7),
                    attribute: SpanAttribute::Verdict(Verdict::Accurate),
                    at: jiff::Timestamp::UNIX_EPOCH,
                },
                Command::FixUp { doc: DocId(5), fix: Fix::SplitComment { comment: CommentId(160), at: 3 } },
            ],
        );
        command.remap_ids(&shift);
        let Command::Batch { commands, .. } = command else { unreachable!() };
        assert!(matches!(
            commands[0],
            Command::SetSpanLabel { doc: DocId(5), span: SpanId(1150), label: LabelId(1120), .. }
        ));
        assert!(matches!(
            commands[1],
            Command::SetCommentTag {
                comment: CommentId(1101),
                dimension: DimensionId(3),
                value: Some(ValueId(1130)),
                ..
            }
        ));
        assert!(matches!(commands[2], Command::SetText { field: TextField::Meta(DocId(1140), MetaField::Site), .. }));
        assert!(matches!(commands[3], Command::SetSpanAttribute { doc: DocId(1141), span: SpanId(7), .. }));
        assert!(matches!(commands[4], Command::FixUp { fix: Fix::SplitComment { comment: CommentId(1160), .. }, .. }));
    }
}
