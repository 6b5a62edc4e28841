//! The highlights of an import, made to fit the text they land on: parts that do not fit are left out with a
//! note, a quote whose offsets moved is found again by its text and context.

use jiff::Timestamp;

use crate::anchor::{QuoteSelector, locate};
use crate::import::ExtractedSpan;
use crate::model::text::CharIndex;
use crate::model::{AnchoredRange, Document, LabelSchema, SpanAnnotation, SpanId, Target, same_name};

use super::Indexes;

/// A span of `doc` from an imported one, with what had to be left out of it said in `notes`: parts that are
/// empty, reversed, past the end of the text or whose quote is not in it; a part given twice; parts that overlap
/// are joined. `None` (with a note) when no part is left, or the label is unknown.
pub(super) fn make_span(
    schema: &LabelSchema,
    (doc, indexes): (&Document, &mut Indexes),
    target: Target,
    span: &ExtractedSpan,
    (id, at): (SpanId, Timestamp),
    notes: &mut Vec<String>,
) -> Option<SpanAnnotation> {
    let name = span.label.trim();
    let Some(label) = schema.label_named(&span.label).map(|l| l.id) else {
        notes.push(format!(
            "{}a highlight with the label {name:?}, which is not in the labels, was left out",
            span.origin(0)
        ));
        return None;
    };
    let text = doc.target_text(target)?;
    let index = indexes.entry(target).or_insert_with(|| CharIndex::new(text));
    let title = &doc.title;
    let mut parts: Vec<(usize, usize, usize)> = Vec::with_capacity(span.ranges.len());
    for (i, &(start, end)) in span.ranges.iter().enumerate() {
        let origin = span.origin(i);
        let (start, end) = match span.quotes.get(i).filter(|q| !q.exact.is_empty()) {
            // The one anchoring rule: the quote where its context agrees best, the stored position among equals.
            Some(quote) => {
                let selector = QuoteSelector { exact: &quote.exact, prefix: &quote.prefix, suffix: &quote.suffix };
                match locate(text, index, &selector, start) {
                    Ok(found) => {
                        if found.moved {
                            notes.push(format!(
                                "{origin}the {name} text {:?} is not at {start}..{end} of \"{title}\"; it was placed \
                                 at {}..{}, where its context agrees",
                                quote.exact, found.start, found.end
                            ));
                        }
                        (found.start, found.end)
                    }
                    Err(why) => {
                        notes.push(format!(
                            "{origin}the {name} text {:?} could not be placed in \"{title}\" ({why}); that part was \
                             left out",
                            quote.exact
                        ));
                        continue;
                    }
                }
            }
            None => (start, end),
        };
        let problem = if start > end {
            Some("ends before it starts".to_owned())
        } else if start == end {
            Some("is empty".to_owned())
        } else if index.slice(text, start, end).is_none() {
            Some(format!("reaches past the end of the text ({} characters)", index.len()))
        } else {
            None
        };
        match problem {
            Some(problem) => {
                notes.push(format!("{origin}the {name} part {start}..{end} of \"{title}\" {problem}; left out"));
            }
            None => parts.push((start, end, i)),
        }
    }
    parts.sort_unstable();
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(parts.len());
    for (start, end, i) in parts {
        let origin = span.origin(i);
        match joined.last_mut() {
            Some(last) if *last == (start, end) => {
                notes.push(format!(
                    "{origin}the {name} part {start}..{end} of \"{title}\" is given twice; once is kept"
                ));
            }
            Some(last) if start < last.1 => {
                notes.push(format!(
                    "{origin}the {name} parts {}..{} and {start}..{end} of \"{title}\" overlap; they were joined",
                    last.0, last.1
                ));
                last.1 = last.1.max(end);
            }
            _ => joined.push((start, end)),
        }
    }
    if joined.is_empty() {
        notes.push(format!("{}a {name} highlight with no part that fits \"{title}\" was left out", span.origin(0)));
        return None;
    }
    let ranges = joined
        .into_iter()
        .map(|(start, end)| AnchoredRange::new_indexed(text, index, start, end))
        .collect::<Result<Vec<_>, _>>()
        .ok()?;
    Some(SpanAnnotation {
        id,
        target,
        ranges,
        label,
        speaker: span.speaker.clone(),
        note: span.note.clone(),
        check_worthy: span.check_worthy,
        verdict: span.verdict,
        created: span.created.unwrap_or(at),
        modified: span.modified.or(span.created).unwrap_or(at),
        annotator: span.annotator.clone(),
        suggested: span.suggested.as_ref().and_then(|p| super::suggested::span_provenance(schema, p)),
        iri: span.iri.clone(),
    })
}

/// Whether two spans are the same highlight by the same annotator (an import of what is already there). The same
/// text and label marked by two annotators are two highlights: each is that person's work.
pub(super) fn same_span(a: &SpanAnnotation, b: &SpanAnnotation) -> bool {
    let ranges = |s: &SpanAnnotation| s.ranges.iter().map(|r| (r.start, r.end)).collect::<Vec<_>>();
    a.target == b.target && a.label == b.label && ranges(a) == ranges(b) && same_name(&a.annotator, &b.annotator)
}
