//! W3C Web Annotation JSON-LD: an `AnnotationCollection` (with its pages), an `AnnotationPage`, one `Annotation`
//! or an array of them. The annotations name the texts they annotate (`source`) rather than carry them, so they
//! join documents the project already has: Gloss's own `urn:gloss:…:doc:N` names, or the web address an import
//! recorded. `TextPositionSelector`s count code points; where a `TextQuoteSelector` says otherwise, the quote wins
//! and is found in the text again.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::import::{CommentRef, Existing, Extracted, ExtractedSpan, Marks, Place, Quote};
use crate::model::Verdict;

/// Whether a JSON value is Web Annotation JSON-LD.
pub fn looks_like(value: &Value) -> bool {
    let context = |v: &Value| match v.get("@context") {
        Some(Value::String(s)) => s.contains("ns/anno.jsonld"),
        Some(Value::Array(items)) => items.iter().any(|i| i.as_str().is_some_and(|s| s.contains("ns/anno.jsonld"))),
        _ => false,
    };
    match value {
        Value::Array(items) => items.first().is_some_and(context),
        other => context(other),
    }
}

/// Reads the annotations of `value`, one article (of annotations only) per document they name; fails with the
/// reasons when not one annotation could be used.
pub fn read(value: &Value) -> Result<Vec<Extracted>, String> {
    let mut items = Vec::new();
    collect(value, &mut items);
    let mut by_source: BTreeMap<String, Extracted> = BTreeMap::new();
    let mut warnings = Vec::new();
    for (number, annotation) in items.into_iter().enumerate() {
        let id = annotation.get("id").and_then(Value::as_str).unwrap_or("an annotation").to_owned();
        let targets: Vec<&Value> = match annotation.get("target") {
            Some(Value::Array(targets)) => targets.iter().collect(),
            Some(target) => vec![target],
            None => {
                warnings.push(format!("{id} has no target; left out"));
                continue;
            }
        };
        let sources: Vec<String> = targets.iter().filter_map(|t| source_of(t)).collect();
        let Some(source) = sources.first().cloned() else {
            warnings.push(format!("{id}: its target names no text; left out"));
            continue;
        };
        let (existing, comment) = parse_source(&source);
        let key = match &existing {
            Existing::Id(id) => format!("id:{id}"),
            Existing::Url(url) => format!("url:{url}"),
        };
        let article = by_source.entry(key).or_insert_with(|| Extracted {
            title: source.clone(),
            annotations: crate::import::Annotations { existing: Some(existing), ..Default::default() },
            ..Extracted::default()
        });
        let bodies = bodies_of(annotation);
        let place = comment.map_or(Place::Body, |c| Place::Comment(CommentRef::Id(c)));
        let selectors: Vec<Selected> = targets.iter().filter(|t| t.is_object()).map(|t| selectors_of(t)).collect();
        if selectors.is_empty() {
            // The whole comment (or text): sentiment, dimensions and a note.
            let mut marks = Marks::default();
            for body in &bodies {
                match (body.purpose.as_str(), body.dimension.as_deref()) {
                    ("tagging" | "classifying", Some("sentiment") | None) => marks.sentiment = Some(body.value.clone()),
                    ("tagging" | "classifying", Some(dimension)) => {
                        marks.dimensions.push((dimension.to_owned(), body.value.clone()));
                    }
                    _ => marks.note = body.value.clone(),
                }
            }
            marks.annotator = annotation.get("creator").map(agent_name).unwrap_or_default();
            if let (Some(comment), false) = (comment, marks.is_empty()) {
                article.annotations.comments.push((CommentRef::Id(comment), marks));
            }
            continue;
        }
        if annotation.get("gloss:orphaned").and_then(Value::as_bool) == Some(true) {
            // Its text was gone from a newer version of the article: placing its old quote wherever that text
            // turns up would put it on words it is not about.
            warnings.push(format!("{id} is an orphaned highlight (its text is gone from the article); left out"));
            continue;
        }
        let label =
            bodies.iter().find(|b| b.purpose == "tagging" || b.purpose == "classifying").map(|b| b.value.clone());
        let Some(label) = label else {
            warnings.push(format!("{id} has no tag to use as a label; left out"));
            continue;
        };
        let mut ranges = Vec::new();
        let mut quotes = Vec::new();
        for (position, quote) in selectors {
            let quote = quote.unwrap_or_default();
            match position {
                Some(range) => ranges.push(range),
                // Only a quote: placed where it is found.
                None if !quote.exact.is_empty() => ranges.push((0, 0)),
                None => continue,
            }
            quotes.push(quote);
        }
        if ranges.is_empty() {
            warnings.push(format!("{id}: no text position or quote Gloss can use; left out"));
            continue;
        }
        let mut span = ExtractedSpan::new(place, ranges, &label).found_at(format!("annotation {} ({id})", number + 1));
        span.quotes = quotes;
        span.note =
            bodies.iter().filter(|b| b.purpose == "commenting").map(|b| b.value.clone()).collect::<Vec<_>>().join("\n");
        span.speaker = text(annotation, "gloss:speaker");
        span.check_worthy = annotation.get("gloss:checkWorthy").and_then(Value::as_bool);
        let verdict = text(annotation, "gloss:verdict");
        span.verdict = Verdict::from_name(&verdict).unwrap_or_default();
        span.annotator = annotation.get("creator").map(agent_name).unwrap_or_default();
        span.created = text(annotation, "created").parse().ok();
        span.modified = text(annotation, "modified").parse().ok();
        span.iri = annotation.get("id").and_then(Value::as_str).map(str::to_owned);
        article.annotations.spans.push(span);
    }
    let mut articles: Vec<Extracted> = by_source.into_values().collect();
    match articles.first_mut() {
        Some(first) => first.warnings = warnings,
        None if warnings.is_empty() => return Err("there are no annotations in it".to_owned()),
        None => return Err(format!("no annotation Gloss can use: {}", warnings.join("; "))),
    }
    Ok(articles)
}

/// The annotations in a collection, page, array or single annotation (pages embedded via `first` and `next`).
fn collect<'v>(value: &'v Value, out: &mut Vec<&'v Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| collect(item, out)),
        Value::Object(object) => {
            let kinds = types(value);
            if kinds.iter().any(|t| t == "Annotation") {
                out.push(value);
            }
            for key in ["first", "next", "items"] {
                if let Some(inner) = object.get(key).filter(|v| v.is_object() || v.is_array()) {
                    collect(inner, out);
                }
            }
        }
        _ => {}
    }
}

fn types(value: &Value) -> Vec<String> {
    match value.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

fn source_of(target: &Value) -> Option<String> {
    match target {
        Value::String(iri) => Some(iri.clone()),
        Value::Object(object) => match object.get("source") {
            Some(Value::String(iri)) => Some(iri.clone()),
            Some(Value::Object(source)) => source.get("id").and_then(Value::as_str).map(str::to_owned),
            _ => object.get("id").and_then(Value::as_str).map(str::to_owned),
        },
        _ => None,
    }
}

/// The document and, for a comment's text, the comment that an IRI names.
fn parse_source(iri: &str) -> (Existing, Option<u64>) {
    if iri.starts_with("urn:gloss:") {
        let parts: Vec<&str> = iri.split(':').collect();
        let after = |key: &str| parts.iter().position(|p| *p == key).and_then(|i| parts.get(i + 1)?.parse().ok());
        if let Some(doc) = after("doc") {
            return (Existing::Id(doc), after("comment"));
        }
    }
    match iri.split_once("#gloss-comment-") {
        Some((url, comment)) => (Existing::Url(url.to_owned()), comment.parse().ok()),
        None => (Existing::Url(iri.to_owned()), None),
    }
}

/// What a target's selectors give: a position in code points, a quote, or both.
type Selected = (Option<(usize, usize)>, Option<Quote>);

fn selectors_of(target: &Value) -> Selected {
    let selectors: Vec<&Value> = match target.get("selector") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    let mut position = None;
    let mut quote = None;
    for selector in selectors {
        let kinds = types(selector);
        if kinds.iter().any(|t| t == "TextPositionSelector") {
            let number = |key: &str| selector.get(key).and_then(Value::as_u64).map(|n| n as usize);
            if let (Some(start), Some(end)) = (number("start"), number("end")) {
                position = Some((start, end));
            }
        } else if kinds.iter().any(|t| t == "TextQuoteSelector") {
            quote = Some(Quote {
                exact: text(selector, "exact"),
                prefix: text(selector, "prefix"),
                suffix: text(selector, "suffix"),
            });
        }
    }
    (position, quote)
}

struct Body {
    value: String,
    purpose: String,
    dimension: Option<String>,
}

fn bodies_of(annotation: &Value) -> Vec<Body> {
    let list: Vec<&Value> = match annotation.get("body") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    let motivation = text(annotation, "motivation");
    let mut bodies: Vec<Body> = list
        .into_iter()
        .filter_map(|body| {
            let value = body.get("value").and_then(Value::as_str).or_else(|| body.as_str())?;
            let purpose = body.get("purpose").and_then(Value::as_str).map_or_else(|| motivation.clone(), str::to_owned);
            Some(Body {
                value: value.to_owned(),
                purpose,
                dimension: body.get("gloss:dimension").and_then(Value::as_str).map(str::to_owned),
            })
        })
        .collect();
    if let Some(value) = annotation.get("bodyValue").and_then(Value::as_str) {
        bodies.push(Body { value: value.to_owned(), purpose: motivation, dimension: None });
    }
    bodies
}

fn text(value: &Value, key: &str) -> String {
    value.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn agent_name(agent: &Value) -> String {
    match agent {
        Value::String(iri) => iri.clone(),
        Value::Array(agents) => agents.first().map(agent_name).unwrap_or_default(),
        other => {
            other.get("name").or_else(|| other.get("nickname")).and_then(Value::as_str).unwrap_or_default().to_owned()
        }
    }
}
