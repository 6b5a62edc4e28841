//! Replacing the label schema: labels, sentiment scale and dimensions change as one edit, checked against what the
//! project's spans and comments use.

use std::collections::HashSet;

use crate::model::{DimensionId, IdAllocator, LabelId, LabelSchema, Project, SentimentId, ValueId};

use super::apply::EditError;
use super::command::Command;

/// Carries out `Command::SetSchema`: new items (id 0) get fresh ids, then the schema is checked and put in place.
pub(crate) fn replace(project: &mut Project, mut schema: LabelSchema) -> Result<Command, EditError> {
    let mut ids = project.next_id;
    assign_fresh_ids(&mut schema, &mut ids);
    check(project, &schema)?;
    project.next_id = ids;
    let max = schema_ids(&schema).into_iter().max().unwrap_or(0);
    if max >= project.next_id.peek() {
        project.next_id = IdAllocator::starting_at(max + 1);
    }
    let old = std::mem::replace(&mut project.schema, schema);
    Ok(Command::SetSchema { schema: Box::new(old) })
}

fn assign_fresh_ids(schema: &mut LabelSchema, ids: &mut IdAllocator) {
    for label in schema.span_labels.iter_mut().filter(|l| l.id.0 == 0) {
        label.id = LabelId(ids.fresh());
    }
    for level in schema.sentiments.iter_mut().filter(|l| l.id.0 == 0) {
        level.id = SentimentId(ids.fresh());
    }
    for dimension in &mut schema.dimensions {
        if dimension.id.0 == 0 {
            dimension.id = DimensionId(ids.fresh());
        }
        for value in dimension.values.iter_mut().filter(|v| v.id.0 == 0) {
            value.id = ValueId(ids.fresh());
        }
    }
}

fn schema_ids(schema: &LabelSchema) -> Vec<u64> {
    let labels = schema.span_labels.iter().map(|l| l.id.0);
    let levels = schema.sentiments.iter().map(|l| l.id.0);
    let dimensions =
        schema.dimensions.iter().flat_map(|d| std::iter::once(d.id.0).chain(d.values.iter().map(|v| v.id.0)));
    labels.chain(levels).chain(dimensions).collect()
}

/// A schema from another project, made fit for this one: items whose ids this project already uses for something
/// else (a document, a comment, a span) become new items with fresh ids.
pub fn adopt(project: &Project, mut schema: LabelSchema) -> LabelSchema {
    let taken: HashSet<u64> = project
        .documents
        .iter()
        .flat_map(|d| {
            std::iter::once(d.id.0).chain(d.comments.iter().map(|c| c.id.0)).chain(d.spans.iter().map(|s| s.id.0))
        })
        .collect();
    let clear = |id: &mut u64| {
        if taken.contains(id) {
            *id = 0;
        }
    };
    schema.span_labels.iter_mut().for_each(|l| clear(&mut l.id.0));
    schema.sentiments.iter_mut().for_each(|l| clear(&mut l.id.0));
    for dimension in &mut schema.dimensions {
        clear(&mut dimension.id.0);
        dimension.values.iter_mut().for_each(|v| clear(&mut v.id.0));
    }
    schema
}

/// The new schema must keep every label, level and value in use, and its ids must not clash with each other or
/// with the ids of documents, comments and spans.
fn check(project: &Project, schema: &LabelSchema) -> Result<(), EditError> {
    let refuse = |why: String| Err(EditError::Schema(why));
    let mut seen = HashSet::new();
    for id in schema_ids(schema) {
        if !seen.insert(id) {
            return refuse(format!("id {id} is used twice"));
        }
    }
    for doc in &project.documents {
        let taken = std::iter::once(doc.id.0)
            .chain(doc.comments.iter().map(|c| c.id.0))
            .chain(doc.spans.iter().map(|s| s.id.0));
        if let Some(id) = taken.into_iter().find(|id| seen.contains(id)) {
            return refuse(format!("id {id} already names something in \"{}\"", doc.title));
        }
        if let Some(span) = doc.spans.iter().find(|s| schema.label(s.label).is_none()) {
            return refuse(format!("highlights use the label that would be removed (\"{}\")", span.quote()));
        }
        for comment in &doc.comments {
            if comment.sentiment.is_some_and(|s| schema.sentiment(s).is_none()) {
                return refuse(format!(
                    "a comment by {} is tagged with a sentiment that would be removed",
                    comment.author
                ));
            }
            for (dimension, value) in &comment.tags {
                let known = schema.dimension(*dimension).is_some_and(|d| d.values.iter().any(|v| v.id == *value));
                if !known {
                    return refuse(format!(
                        "a comment by {} is tagged with a value that would be removed",
                        comment.author
                    ));
                }
            }
        }
    }
    Ok(())
}
