//! W3C Web Annotation (JSON-LD): one `AnnotationCollection` whose first page holds every annotation.
//!
//! A highlight is an Annotation with motivation `tagging`: a `TextualBody` with purpose `tagging` holds the label,
//! one with purpose `commenting` the note; its target names the document's text (`source`) and selects the range
//! twice, as alternatives: a `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector` counting code
//! points, the unit the model prescribes. A highlight in several parts has a target per part. A comment's
//! sentiment, further dimensions and note are one Annotation targeting the comment's text as a whole. Speaker,
//! check-worthy and verdict are extension properties named by absolute IRIs (`gloss:speaker`, …), which JSON-LD
//! keeps as they are, so the one `@context` is the model's own. Every Annotation carries it too, so each one also
//! stands alone.

use std::path::Path;

use serde::Serialize;

use super::ids::{comment_iri, document_iri, project_iri};
use super::{Control, Output, Rendered};
use crate::model::{Comment, Document, Project, SpanAnnotation, Target};

/// The JSON-LD context of the Web Annotation model.
pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The namespace of Gloss's own properties (`gloss:verdict`, `gloss:speaker`, `gloss:checkWorthy`,
/// `gloss:dimension`, `gloss:orphaned`), declared in every `@context` so that a JSON-LD processor expands them to
/// full IRIs instead of dropping them. It is a URN under the `urn:gloss:` names Gloss already gives its projects and
/// documents, which needs no web address.
pub const GLOSS_NAMESPACE: &str = "urn:gloss:ns:";

/// The `@context` of every object: the Web Annotation context, then the `gloss` prefix.
#[derive(Clone, Copy)]
struct Context;

impl Serialize for Context {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq as _;
        let mut seq = serializer.serialize_seq(Some(2))?;
        seq.serialize_element(ANNO_CONTEXT)?;
        seq.serialize_element(&serde_json::json!({ "gloss": GLOSS_NAMESPACE }))?;
        seq.end()
    }
}

// The model's objects as Rust types, serialised straight to JSON: 100,000 annotations in well under a second.

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: Context,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    first: Option<Page<'a>>,
}

#[derive(Serialize)]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

#[derive(Serialize)]
struct Annotation<'a> {
    #[serde(rename = "@context")]
    context: Context,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modified: Option<String>,
    body: Vec<Body<'a>>,
    target: Targets<'a>,
    #[serde(rename = "gloss:verdict", skip_serializing_if = "Option::is_none")]
    verdict: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Agent<'a>>,
    #[serde(rename = "gloss:speaker", skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    #[serde(rename = "gloss:checkWorthy", skip_serializing_if = "Option::is_none")]
    check_worthy: Option<bool>,
    #[serde(rename = "gloss:orphaned", skip_serializing_if = "std::ops::Not::not")]
    orphaned: bool,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    purpose: &'static str,
    format: &'static str,
    #[serde(rename = "gloss:dimension", skip_serializing_if = "Option::is_none")]
    dimension: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Targets<'a> {
    Iri(&'a str),
    One(Specific<'a>),
    Many(Vec<Specific<'a>>),
}

#[derive(Serialize)]
struct Specific<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    source: &'a str,
    selector: Selectors<'a>,
}

/// A range's selectors: its quote and its position, or the quote alone for an orphan, whose position belongs to a
/// text the document no longer has.
#[derive(Serialize)]
#[serde(untagged)]
enum Selectors<'a> {
    Both((Quote<'a>, Position)),
    QuoteOnly(Quote<'a>),
}

#[derive(Serialize)]
struct Quote<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    prefix: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    suffix: &'a str,
}

#[derive(Serialize)]
struct Position {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct Agent<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
}

fn textual<'a>(value: &'a str, purpose: &'static str, dimension: Option<&'a str>) -> Body<'a> {
    Body { kind: "TextualBody", value, purpose, format: "text/plain", dimension }
}

/// The names of one document's texts, made once for all its annotations.
struct Names {
    base: String,
    document: String,
    comments: Vec<(crate::model::CommentId, String)>,
}

impl Names {
    fn source(&self, target: Target) -> &str {
        match target {
            Target::Body => &self.document,
            Target::Comment(id) => self.comments.iter().find(|(c, _)| *c == id).map_or(&self.document, |(_, iri)| iri),
        }
    }
}

pub(super) fn render(project: &Project, docs: &[&Document], out: &Path, control: &Control<'_>) -> Rendered {
    let base = project_iri(project);
    let names: Vec<Names> = docs
        .iter()
        .map(|doc| Names {
            base: base.clone(),
            document: document_iri(project, doc),
            comments: doc.comments.iter().map(|c| (c.id, comment_iri(project, doc, c))).collect(),
        })
        .collect();
    let mut items = Vec::new();
    let mut index = 0;
    let mut used = std::collections::HashSet::new();
    control.each(docs, |doc| {
        let names = &names[index];
        index += 1;
        let spans = doc.spans.iter().map(|s| (s, false)).chain(doc.orphans.iter().map(|s| (s, true)));
        for (span, orphaned) in spans {
            // The IRI an imported file gave a highlight names it again, so that a file exported, imported and
            // exported again is the same; a highlight made here is named by its id. No two share a name.
            let own = format!("{}:span:{}", names.base, span.id.0);
            let id = match &span.iri {
                Some(iri) if used.insert(iri.clone()) => iri.clone(),
                _ => own,
            };
            items.push(span_annotation(project, names, span, orphaned, id));
        }
        items.extend(doc.comments.iter().flat_map(|comment| comment_annotations(project, names, comment)));
        Ok(())
    })?;
    let total = items.len();
    let first = (!items.is_empty()).then(|| Page {
        id: format!("{base}:annotations:page:1"),
        kind: "AnnotationPage",
        start_index: 0,
        items,
    });
    let collection = Collection {
        context: Context,
        id: format!("{base}:annotations"),
        kind: "AnnotationCollection",
        label: &project.name,
        total,
        first,
    };
    let mut bytes = serde_json::to_vec_pretty(&collection)?;
    bytes.push(b'\n');
    Ok(vec![Output { path: super::with_extension(out, "jsonld"), bytes }])
}

/// A highlight as an annotation; an `orphaned` one (whose text an update from a newer version removed) by its old
/// quote alone.
fn span_annotation<'a>(
    project: &'a Project,
    names: &'a Names,
    span: &'a SpanAnnotation,
    orphaned: bool,
    id: String,
) -> Annotation<'a> {
    let source = names.source(span.target);
    let mut targets: Vec<Specific<'a>> = span
        .ranges
        .iter()
        .map(|range| Specific {
            kind: "SpecificResource",
            source,
            selector: {
                let quote = Quote {
                    kind: "TextQuoteSelector",
                    exact: &range.exact,
                    prefix: &range.prefix,
                    suffix: &range.suffix,
                };
                if orphaned {
                    Selectors::QuoteOnly(quote)
                } else {
                    Selectors::Both((
                        quote,
                        Position { kind: "TextPositionSelector", start: range.start, end: range.end },
                    ))
                }
            },
        })
        .collect();
    let target = if targets.len() == 1 { Targets::One(targets.remove(0)) } else { Targets::Many(targets) };
    let label = project.schema.label(span.label).map_or("", |l| l.name.as_str());
    let mut body = vec![textual(label, "tagging", None)];
    if !span.note.is_empty() {
        body.push(textual(&span.note, "commenting", None));
    }
    Annotation {
        context: Context,
        id,
        kind: "Annotation",
        motivation: "tagging",
        created: Some(span.created.to_string()),
        modified: Some(span.modified.to_string()),
        body,
        target,
        verdict: Some(span.verdict.name()),
        creator: (!span.annotator.is_empty()).then_some(Agent { kind: "Person", name: &span.annotator }),
        speaker: (!span.speaker.is_empty()).then_some(span.speaker.as_str()),
        check_worthy: span.check_worthy,
        orphaned,
    }
}

/// The sentiment, dimension tags and note of a comment: an annotation per annotator who tagged it, the
/// project's annotator's first with the note; nothing if it has none of them.
fn comment_annotations<'a>(project: &'a Project, names: &'a Names, comment: &'a Comment) -> Vec<Annotation<'a>> {
    let mine = project.annotator.as_str();
    let others = comment.tagged_by.keys().filter(|who| who.as_str() != mine);
    let mut out = Vec::new();
    for (k, who) in std::iter::once(mine).chain(others.map(String::as_str)).enumerate() {
        let note = if k == 0 { comment.note.as_str() } else { "" };
        let id = match k {
            0 => format!("{}:comment:{}", names.base, comment.id.0),
            k => format!("{}:comment:{}:{k}", names.base, comment.id.0),
        };
        out.extend(comment_annotation(project, names, comment, (who, note), id));
    }
    out
}

/// What `who` tagged on a comment, with `note`, as one annotation.
fn comment_annotation<'a>(
    project: &'a Project,
    names: &'a Names,
    comment: &'a Comment,
    (who, note): (&'a str, &'a str),
    id: String,
) -> Option<Annotation<'a>> {
    let schema = &project.schema;
    let mut body = Vec::new();
    if let Some(level) = comment.sentiment_of(who).and_then(|s| schema.sentiment(s)) {
        body.push(textual(&level.name, "tagging", Some("sentiment")));
    }
    for dimension in &schema.dimensions {
        if let Some(value) = comment.tag_value(who, dimension) {
            body.push(textual(&value.name, "tagging", Some(&dimension.name)));
        }
    }
    if !note.is_empty() {
        body.push(textual(note, "commenting", None));
    }
    if body.is_empty() {
        return None;
    }
    Some(Annotation {
        context: Context,
        id,
        kind: "Annotation",
        motivation: "classifying",
        created: None,
        modified: None,
        body,
        target: Targets::Iri(names.source(Target::Comment(comment.id))),
        verdict: None,
        creator: (!who.is_empty()).then_some(Agent { kind: "Person", name: who }),
        speaker: None,
        check_worthy: None,
        orphaned: false,
    })
}
