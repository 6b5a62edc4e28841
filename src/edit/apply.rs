//! The one place where a project changes: [`apply`] carries out a command and returns its inverse.

use crate::model::text::CharIndex;
use crate::model::{
    AnchoredRange, CommentId, DocId, Document, IdAllocator, Project, SpanAnnotation, SpanId, Target, Verdict,
};

use super::command::{Command, Fix, MetaField, SpanAttribute, SpanDraft, TextField};
use super::error::EditError;
use super::fixup;

/// Carries out `command` on `project` and returns the command that undoes it.
///
/// On error the project is left exactly as it was.
pub fn apply(project: &mut Project, command: Command) -> Result<Command, EditError> {
    match command {
        Command::CreateSpan { doc, draft } => create_span(project, doc, &draft),
        Command::RestoreSpan { doc, span } => {
            let id = span.id;
            let document = document_mut(project, doc)?;
            document.target_text(span.target).ok_or(match span.target {
                Target::Comment(c) => EditError::NoComment(c),
                Target::Body => EditError::NoDocument(doc),
            })?;
            insert_span(document, span);
            Ok(Command::RemoveSpan { doc, span: id })
        }
        Command::AddSpans { doc, spans } => {
            let document = project.document(doc).ok_or(EditError::NoDocument(doc))?;
            let mut indexes: std::collections::HashMap<Target, CharIndex> = std::collections::HashMap::new();
            for span in &spans {
                if project.schema.label(span.label).is_none() {
                    return Err(EditError::NotInSchema(span.label.to_string()));
                }
                let text = document.target_text(span.target).ok_or(match span.target {
                    Target::Comment(c) => EditError::NoComment(c),
                    Target::Body => EditError::NoDocument(doc),
                })?;
                if span.ranges.is_empty() {
                    return Err(EditError::NoRanges);
                }
                let index = indexes.entry(span.target).or_insert_with(|| CharIndex::new(text));
                if let Some(problem) = span.range_problem(text, index) {
                    return Err(EditError::Anchor(problem));
                }
            }
            let mut removals = Vec::with_capacity(spans.len());
            let mut ids = project.next_id;
            let fresh: Vec<SpanAnnotation> = spans
                .into_iter()
                .map(|mut span| {
                    span.id = SpanId(ids.fresh());
                    removals.push(Command::RemoveSpan { doc, span: span.id });
                    span
                })
                .collect();
            project.next_id = ids;
            let document = document_mut(project, doc)?;
            for span in fresh {
                insert_span(document, span);
            }
            Ok(Command::batch("Add imported highlights", removals))
        }
        Command::RemoveSpan { doc, span } => {
            let document = document_mut(project, doc)?;
            let index = document.spans.iter().position(|s| s.id == span).ok_or(EditError::NoSpan(span))?;
            let removed = document.spans.remove(index);
            Ok(Command::RestoreSpan { doc, span: removed })
        }
        Command::SetSpanLabel { doc, span, label, at } => {
            if project.schema.label(label).is_none() {
                return Err(EditError::NotInSchema(label.to_string()));
            }
            let target = span_mut(project, doc, span)?;
            let inverse = Command::SetSpanLabel { doc, span, label: target.label, at: target.modified };
            target.label = label;
            target.modified = at;
            Ok(inverse)
        }
        Command::SetSpanAttribute { doc, span, attribute, at } => {
            let target = span_mut(project, doc, span)?;
            let old = match attribute {
                SpanAttribute::CheckWorthy(value) => {
                    SpanAttribute::CheckWorthy(std::mem::replace(&mut target.check_worthy, value))
                }
                SpanAttribute::Verdict(value) => SpanAttribute::Verdict(std::mem::replace(&mut target.verdict, value)),
            };
            let old_at = std::mem::replace(&mut target.modified, at);
            Ok(Command::SetSpanAttribute { doc, span, attribute: old, at: old_at })
        }
        Command::SetRanges { doc, span, ranges, at } => {
            let document = project.document(doc).ok_or(EditError::NoDocument(doc))?;
            let old_span = document.span(span).ok_or(EditError::NoSpan(span))?;
            let text = document.target_text(old_span.target).ok_or(EditError::NoSpan(span))?;
            let anchored = anchor_ranges(text, &ranges)?;
            let old_ranges: Vec<(usize, usize)> = old_span.ranges.iter().map(|r| (r.start, r.end)).collect();
            let target = span_mut(project, doc, span)?;
            target.ranges = anchored;
            let old_at = std::mem::replace(&mut target.modified, at);
            Ok(Command::SetRanges { doc, span, ranges: old_ranges, at: old_at })
        }
        Command::SetCommentTag { doc, comment, annotator, dimension, value } => {
            let known = project
                .schema
                .dimension(dimension)
                .is_some_and(|d| value.is_none_or(|v| d.values.iter().any(|x| x.id == v)));
            if !known {
                return Err(EditError::NotInSchema(format!("{dimension} or its value")));
            }
            let annotator = annotator.unwrap_or_else(|| project.annotator.clone());
            let old = comment_mut(project, doc, comment)?.retag(&annotator, |tagging| match value {
                Some(value) => tagging.tags.insert(dimension, value),
                None => tagging.tags.remove(&dimension),
            });
            Ok(Command::SetCommentTag { doc, comment, annotator: Some(annotator), dimension, value: old })
        }
        Command::SetSchema { schema } => super::schema::replace(project, *schema),
        Command::SetConflicts { conflicts } => {
            Ok(Command::SetConflicts { conflicts: std::mem::replace(&mut project.conflicts, conflicts) })
        }
        Command::SetSentiment { doc, comment, annotator, sentiment } => {
            if let Some(level) = sentiment
                && project.schema.sentiment(level).is_none()
            {
                return Err(EditError::NotInSchema(level.to_string()));
            }
            let annotator = annotator.unwrap_or_else(|| project.annotator.clone());
            let old = comment_mut(project, doc, comment)?
                .retag(&annotator, |tagging| std::mem::replace(&mut tagging.sentiment, sentiment));
            Ok(Command::SetSentiment { doc, comment, annotator: Some(annotator), sentiment: old })
        }
        Command::SetTagging { doc, comment, annotator, tagging } => {
            super::suggested::set_tagging(project, doc, comment, annotator, *tagging)
        }
        Command::SetRejected { rejection, rejected } => super::suggested::set_rejected(project, rejection, rejected),
        Command::SetText { field, value, at } => {
            let old_at = match (field, at) {
                (TextField::SpanSpeaker(doc, span) | TextField::SpanNote(doc, span), Some(at)) => {
                    Some(std::mem::replace(&mut span_mut(project, doc, span)?.modified, at))
                }
                _ => None,
            };
            let old = match text_slot(project, field)? {
                Slot::Text(slot) => std::mem::replace(slot, value),
                // An optional field is cleared by an empty value, and "" stands for "was unset".
                Slot::Optional(slot) => {
                    std::mem::replace(slot, (!value.is_empty()).then_some(value)).unwrap_or_default()
                }
            };
            Ok(Command::SetText { field, value: old, at: old_at })
        }
        Command::AddDocument { index, document, fresh_ids } => {
            let counter = project.next_id;
            let mut document = *document;
            if fresh_ids {
                document.assign_fresh_ids(&mut project.next_id);
            } else if project.document(document.id).is_some() {
                return Err(EditError::DuplicateDocument(document.id));
            }
            if document.max_id() >= project.next_id.peek() {
                // A restored document's ids came from this counter, which only grows; keep it so.
                project.next_id = IdAllocator::starting_at(document.max_id() + 1);
            }
            // Whatever an import built, the project stays one that opens again.
            let problems = project.document_problems(&document);
            if let Some(problem) = problems.first() {
                project.next_id = counter;
                return Err(EditError::Invalid(problem.to_string()));
            }
            let doc = document.id;
            let index = index.min(project.documents.len());
            project.documents.insert(index, document);
            Ok(Command::RemoveDocument { doc })
        }
        Command::FixUp { doc, fix } => {
            let index = project.document_index(doc).ok_or(EditError::NoDocument(doc))?;
            let old = &project.documents[index];
            let mut ids = project.next_id;
            let new = match fix {
                Fix::CommentsFrom { paragraph } => fixup::comments_from_paragraph(old, paragraph, &mut ids),
                Fix::BodyFrom { comment } => fixup::body_from_comment(old, comment),
                Fix::SplitComment { comment, at } => fixup::split_comment(old, comment, at, &mut ids),
                Fix::MergeWithNext { comment } => fixup::merge_with_next(old, comment),
            }?;
            project.next_id = ids;
            let old = std::mem::replace(&mut project.documents[index], new);
            Ok(Command::ReplaceDocument { document: Box::new(old) })
        }
        Command::ReplaceDocument { document } => {
            let index = project.document_index(document.id).ok_or(EditError::NoDocument(document.id))?;
            if document.max_id() >= project.next_id.peek() {
                project.next_id = IdAllocator::starting_at(document.max_id() + 1);
            }
            let old = std::mem::replace(&mut project.documents[index], *document);
            Ok(Command::ReplaceDocument { document: Box::new(old) })
        }
        Command::SetReanchoring { doc, state } => super::reanchoring::set(project, doc, *state),
        Command::Batch { name, commands } => {
            let mut inverses = Vec::with_capacity(commands.len());
            for command in commands {
                match apply(project, command) {
                    Ok(inverse) => inverses.push(inverse),
                    Err(error) => {
                        // Take back what this batch already did, newest first, so the project is as it was.
                        for inverse in inverses.into_iter().rev() {
                            let _ = apply(project, inverse);
                        }
                        return Err(error);
                    }
                }
            }
            inverses.reverse();
            Ok(Command::Batch { name, commands: inverses })
        }
        Command::RemoveDocument { doc } => {
            let index = project.document_index(doc).ok_or(EditError::NoDocument(doc))?;
            let document = project.documents.remove(index);
            Ok(Command::AddDocument { index, document: Box::new(document), fresh_ids: false })
        }
    }
}

fn create_span(project: &mut Project, doc: DocId, draft: &SpanDraft) -> Result<Command, EditError> {
    if project.schema.label(draft.label).is_none() {
        return Err(EditError::NotInSchema(draft.label.to_string()));
    }
    let annotator = project.annotator.clone();
    let document = project.document(doc).ok_or(EditError::NoDocument(doc))?;
    let text = document.target_text(draft.target).ok_or(match draft.target {
        Target::Comment(c) => EditError::NoComment(c),
        Target::Body => EditError::NoDocument(doc),
    })?;
    if draft.ranges.is_empty() {
        return Err(EditError::NoRanges);
    }
    let ranges =
        draft.ranges.iter().map(|&(start, end)| AnchoredRange::new(text, start, end)).collect::<Result<Vec<_>, _>>()?;
    let id = SpanId(project.next_id.fresh());
    let span = SpanAnnotation {
        id,
        target: draft.target,
        ranges,
        label: draft.label,
        speaker: String::new(),
        note: String::new(),
        check_worthy: None,
        verdict: Verdict::Unverified,
        created: draft.at,
        modified: draft.at,
        annotator,
        suggested: None,
        iri: None,
    };
    insert_span(document_mut(project, doc)?, span);
    Ok(Command::RemoveSpan { doc, span: id })
}

/// Anchors ranges in `text`, sorted, with ranges that overlap or touch merged into one.
fn anchor_ranges(text: &str, ranges: &[(usize, usize)]) -> Result<Vec<AnchoredRange>, EditError> {
    if ranges.is_empty() {
        return Err(EditError::NoRanges);
    }
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(sorted.len());
    for (start, end) in sorted {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    Ok(merged.into_iter().map(|(start, end)| AnchoredRange::new(text, start, end)).collect::<Result<_, _>>()?)
}

/// Keeps spans ordered by id, so that undoing a removal restores the file byte for byte.
fn insert_span(document: &mut Document, span: SpanAnnotation) {
    let index = document.spans.partition_point(|s| s.id < span.id);
    document.spans.insert(index, span);
}

pub(super) fn document_mut(project: &mut Project, doc: DocId) -> Result<&mut Document, EditError> {
    project.document_mut(doc).ok_or(EditError::NoDocument(doc))
}

fn span_mut(project: &mut Project, doc: DocId, span: SpanId) -> Result<&mut SpanAnnotation, EditError> {
    document_mut(project, doc)?.spans.iter_mut().find(|s| s.id == span).ok_or(EditError::NoSpan(span))
}

/// Where a text field's value lives: a string, or an optional string for fields that may be unknown.
enum Slot<'a> {
    Text(&'a mut String),
    Optional(&'a mut Option<String>),
}

pub(super) fn comment_mut(
    project: &mut Project,
    doc: DocId,
    comment: CommentId,
) -> Result<&mut crate::model::Comment, EditError> {
    document_mut(project, doc)?.comments.iter_mut().find(|c| c.id == comment).ok_or(EditError::NoComment(comment))
}

fn text_slot(project: &mut Project, field: TextField) -> Result<Slot<'_>, EditError> {
    Ok(match field {
        TextField::ProjectName => Slot::Text(&mut project.name),
        TextField::Annotator => Slot::Text(&mut project.annotator),
        TextField::DocumentTitle(doc) => Slot::Text(&mut document_mut(project, doc)?.title),
        TextField::DocumentNote(doc) => Slot::Text(&mut document_mut(project, doc)?.note),
        TextField::CommentNote(doc, comment) => Slot::Text(&mut comment_mut(project, doc, comment)?.note),
        TextField::CommentAuthor(doc, comment) => Slot::Text(&mut comment_mut(project, doc, comment)?.author),
        TextField::SpanSpeaker(doc, span) => Slot::Text(&mut span_mut(project, doc, span)?.speaker),
        TextField::SpanNote(doc, span) => Slot::Text(&mut span_mut(project, doc, span)?.note),
        TextField::Meta(doc, field) => {
            let meta = &mut document_mut(project, doc)?.metadata;
            Slot::Optional(match field {
                MetaField::Site => &mut meta.site,
                MetaField::Dateline => &mut meta.dateline,
                MetaField::Byline => &mut meta.byline,
                MetaField::Date => &mut meta.date,
                MetaField::Language => &mut meta.language,
                MetaField::Caption => &mut meta.caption,
            })
        }
    })
}
