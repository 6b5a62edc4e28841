//! Replacing the label schema: labels, sentiment scale and dimensions change as one edit, checked against what the
//! project's spans and comments use.

use std::collections::HashSet;

use crate::model::{DimensionId, IdAllocator, LabelId, LabelSchema, Project, SentimentId, ValueId, same_name};

use super::command::Command;
use super::error::EditError;

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

/// A schema from another file, made fit for a project by [`adopt`].
#[derive(Clone, Debug)]
pub struct Adopted {
    /// The schema to put in place with `Command::SetSchema`.
    pub schema: LabelSchema,
    /// Names of the labels, levels, dimensions and values the file lacks but the project uses, kept so that no
    /// highlight or tag is lost.
    pub kept: Vec<String>,
}

/// Makes a schema from another project fit for this one. A label, level, dimension or value with the name of one
/// the project has takes that one's id, so existing highlights and tags keep their meaning (a teacher's file
/// matches the labels a student's project started with). Other items keep their ids where the project does not
/// use them, and get fresh ones where it does. What the project uses but the file lacks is kept at the end.
pub fn adopt(project: &Project, mut schema: LabelSchema) -> Adopted {
    let current = &project.schema;
    let mut fit = Fit { used: project_ids(project), assigned: HashSet::new() };
    for label in &mut schema.span_labels {
        let same = current.span_labels.iter().find(|l| same_name(&l.name, &label.name)).map(|l| l.id.0);
        label.id = LabelId(fit.id(label.id.0, same));
    }
    for level in &mut schema.sentiments {
        let same = current.sentiments.iter().find(|l| same_name(&l.name, &level.name)).map(|l| l.id.0);
        level.id = SentimentId(fit.id(level.id.0, same));
    }
    for dimension in &mut schema.dimensions {
        let mine = current.dimensions.iter().find(|d| same_name(&d.name, &dimension.name));
        dimension.id = DimensionId(fit.id(dimension.id.0, mine.map(|d| d.id.0)));
        for value in &mut dimension.values {
            let same = mine.and_then(|d| d.values.iter().find(|v| same_name(&v.name, &value.name))).map(|v| v.id.0);
            value.id = ValueId(fit.id(value.id.0, same));
        }
    }
    let kept = keep_what_is_used(project, &mut schema);
    Adopted { schema, kept }
}

/// Hands out the ids of an adopted schema: each id once, never one the project uses for something else.
struct Fit {
    used: HashSet<u64>,
    assigned: HashSet<u64>,
}

impl Fit {
    /// The id for an item whose file id is `id`, and which is the same as the project's item `same` if any; 0
    /// asks `replace` for a fresh one.
    fn id(&mut self, id: u64, same: Option<u64>) -> u64 {
        let chosen = match same {
            Some(same) if !self.assigned.contains(&same) => same,
            _ if id != 0 && !self.used.contains(&id) && !self.assigned.contains(&id) => id,
            _ => return 0,
        };
        self.assigned.insert(chosen);
        chosen
    }
}

/// Every id the project uses: documents, comments, spans and its current schema.
fn project_ids(project: &Project) -> HashSet<u64> {
    let content = project.documents.iter().flat_map(|d| {
        std::iter::once(d.id.0).chain(d.comments.iter().map(|c| c.id.0)).chain(d.spans.iter().map(|s| s.id.0))
    });
    content.chain(schema_ids(&project.schema)).collect()
}

/// Appends to `schema` the project's labels, levels, dimensions and values that are in use but missing; returns
/// their names.
fn keep_what_is_used(project: &Project, schema: &mut LabelSchema) -> Vec<String> {
    let current = &project.schema;
    let spans = project.documents.iter().flat_map(|d| d.spans.iter());
    let taggings: Vec<_> =
        project.documents.iter().flat_map(|d| d.comments.iter()).flat_map(|c| c.tagged_by.values()).collect();
    let mut kept = Vec::new();
    for label in &current.span_labels {
        if schema.label(label.id).is_none() && spans.clone().any(|s| s.label == label.id) {
            kept.push(label.name.clone());
            schema.span_labels.push(label.clone());
        }
    }
    for level in &current.sentiments {
        if schema.sentiment(level.id).is_none() && taggings.iter().any(|t| t.sentiment == Some(level.id)) {
            kept.push(level.name.clone());
            schema.sentiments.push(level.clone());
        }
    }
    for dimension in &current.dimensions {
        let used: Vec<_> = dimension
            .values
            .iter()
            .filter(|v| taggings.iter().any(|t| t.tags.get(&dimension.id) == Some(&v.id)))
            .collect();
        if used.is_empty() {
            continue;
        }
        let Some(place) = schema.dimensions.iter().position(|d| d.id == dimension.id) else {
            kept.push(dimension.name.clone());
            schema.dimensions.push(dimension.clone());
            continue;
        };
        for value in used {
            if !schema.dimensions[place].values.iter().any(|v| v.id == value.id) {
                kept.push(format!("{}: {}", dimension.name, value.name));
                schema.dimensions[place].values.push(value.clone());
            }
        }
    }
    kept
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
            if comment.sentiments().any(|(_, s)| schema.sentiment(s).is_none()) {
                return refuse(format!(
                    "a comment by {} is tagged with a sentiment that would be removed",
                    comment.author
                ));
            }
            for (dimension, value) in comment.tagged_by.values().flat_map(|t| &t.tags) {
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
