//! The names an import brings (labels, sentiment levels, dimensions and their values), matched against the
//! project's schema by name and added where it lacks them.

use crate::import::{Extracted, Marks};
use crate::model::{
    Dimension, DimensionId, DimensionValue, IdAllocator, LabelId, LabelSchema, NEW_COLORS, SentimentId, SentimentLevel,
    SpanLabel, ValueId, same_name,
};

/// Adds the labels, levels, dimensions and values the articles name and `schema` lacks; returns their names.
pub(super) fn extend_schema(schema: &mut LabelSchema, articles: &[Extracted], ids: &mut IdAllocator) -> Vec<String> {
    let mut added = Vec::new();
    for article in articles {
        for span in &article.annotations.spans {
            if schema.label_named(&span.label).is_none() {
                let color = NEW_COLORS[schema.span_labels.len() % NEW_COLORS.len()];
                let id = LabelId(ids.fresh());
                let (name, description) = (span.label.trim().to_owned(), String::new());
                schema.span_labels.push(SpanLabel { id, name, color, key: None, description });
                added.push(span.label.trim().to_owned());
            }
        }
        for (_, marks) in &article.annotations.comments {
            if let Some(level) = &marks.sentiment
                && schema.sentiment_named(level).is_none()
            {
                let color = NEW_COLORS[schema.sentiments.len() % NEW_COLORS.len()];
                let (id, name) = (SentimentId(ids.fresh()), level.trim().to_owned());
                schema.sentiments.push(SentimentLevel { id, name, color, key: None, description: String::new() });
                added.push(level.trim().to_owned());
            }
            for (dimension, value) in &marks.dimensions {
                let index = match schema.dimensions.iter().position(|d| same_name(&d.name, dimension)) {
                    Some(index) => index,
                    None => {
                        let (id, name) = (DimensionId(ids.fresh()), dimension.trim().to_owned());
                        schema.dimensions.push(Dimension { id, name, description: String::new(), values: Vec::new() });
                        added.push(dimension.trim().to_owned());
                        schema.dimensions.len() - 1
                    }
                };
                let values = &mut schema.dimensions[index].values;
                if !values.iter().any(|v| same_name(&v.name, value)) {
                    values.push(DimensionValue { id: ValueId(ids.fresh()), name: value.trim().to_owned() });
                    added.push(format!("{dimension}: {value}"));
                }
            }
        }
    }
    added
}

/// The sentiment and dimension values that `marks` name, as ids of `schema`.
pub(super) fn resolve_marks(schema: &LabelSchema, marks: &Marks) -> (Option<SentimentId>, Vec<(DimensionId, ValueId)>) {
    let sentiment = marks.sentiment.as_ref().and_then(|name| schema.sentiment_named(name).map(|l| l.id));
    let tags = marks
        .dimensions
        .iter()
        .filter_map(|(dimension, value)| {
            let dimension = schema.dimensions.iter().find(|d| same_name(&d.name, dimension))?;
            let value = dimension.values.iter().find(|v| same_name(&v.name, value))?;
            Some((dimension.id, value.id))
        })
        .collect();
    (sentiment, tags)
}
