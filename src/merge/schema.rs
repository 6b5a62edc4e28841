//! The labels, levels, dimensions and values of another project that a merged one lacks, added with their colour,
//! key and description so that nothing of the other person's schema is lost.

use crate::model::{
    DimensionId, DimensionValue, LabelId, LabelSchema, SentimentId, SentimentLevel, SpanLabel, ValueId, same_name,
};

/// `into` with what `other` has and it lacks (matched by name), and the names added. New items have id 0, which
/// `SetSchema` turns into fresh ids; a key already taken in `into` is left off. `None` when nothing is missing.
pub(super) fn union(into: &LabelSchema, other: &LabelSchema) -> Option<(LabelSchema, Vec<String>)> {
    let mut schema = into.clone();
    let mut added = Vec::new();
    for label in &other.span_labels {
        if !schema.span_labels.iter().any(|l| same_name(&l.name, &label.name)) {
            let key = free_key(&schema, label.key);
            schema.span_labels.push(SpanLabel { id: LabelId(0), key, ..label.clone() });
            added.push(label.name.clone());
        }
    }
    for level in &other.sentiments {
        if !schema.sentiments.iter().any(|l| same_name(&l.name, &level.name)) {
            let key = free_key(&schema, level.key);
            schema.sentiments.push(SentimentLevel { id: SentimentId(0), key, ..level.clone() });
            added.push(level.name.clone());
        }
    }
    for dimension in &other.dimensions {
        match schema.dimensions.iter_mut().find(|d| same_name(&d.name, &dimension.name)) {
            Some(mine) => {
                for value in &dimension.values {
                    if !mine.values.iter().any(|v| same_name(&v.name, &value.name)) {
                        mine.values.push(DimensionValue { id: ValueId(0), name: value.name.clone() });
                        added.push(format!("{}: {}", dimension.name, value.name));
                    }
                }
            }
            None => {
                let mut copy = dimension.clone();
                copy.id = DimensionId(0);
                copy.values.iter_mut().for_each(|v| v.id = ValueId(0));
                schema.dimensions.push(copy);
                added.push(dimension.name.clone());
            }
        }
    }
    (!added.is_empty()).then_some((schema, added))
}

/// `key`, unless a label or level of `schema` has it already.
fn free_key(schema: &LabelSchema, key: Option<char>) -> Option<char> {
    let mut used = schema.span_labels.iter().map(|l| l.key).chain(schema.sentiments.iter().map(|l| l.key));
    key.filter(|k| !used.any(|u| u == Some(*k)))
}
