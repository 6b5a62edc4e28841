//! A student's project compared with the answer key: highlights scored three ways (overall, per label and per
//! document), the lists a teacher goes through (missed, extra, off by their boundaries, wrong label), comment
//! sentiment agreement, and a score from a rubric.

use std::collections::BTreeSet;

use super::agreement::spans::{Mark, Score, characters, exact, overlap};
use super::agreement::{Coefficient, cohen_kappa};
use super::aligned::{Pair, annotator_name, label_key, pairs, target_key};
use crate::model::{DocId, Document, Project, SpanAnnotation, Target};

pub use crate::model::class::Rubric;

/// Precision, recall and F1 of one label.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelScores {
    /// The label's name.
    pub label: String,
    /// Same target, parts and label.
    pub exact: Score,
    /// Overlapping by a code point, same label.
    pub overlap: Score,
    /// Code points covered with the label.
    pub chars: Score,
}

/// The scores of one document of the key.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentScores {
    /// The key's document.
    pub doc: DocId,
    /// Its title.
    pub title: String,
    /// Whether the student's project has the article at all.
    pub present: bool,
    /// Exact matches.
    pub exact: Score,
    /// Matches by overlap.
    pub overlap: Score,
}

/// A highlight the teacher looks at: where it is in the key's document, and what the other side has there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The key's document.
    pub doc: DocId,
    /// The text it lies in, as the key names it.
    pub target: Target,
    /// Its parts, in code points of that text.
    pub ranges: Vec<(usize, usize)>,
    /// Its label.
    pub label: String,
    /// Its text.
    pub quote: String,
    /// For a boundary difference or a wrong label, the student's highlight it is compared with.
    pub against: Option<(Vec<(usize, usize)>, String)>,
}

/// A comment the student tagged otherwise than the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommentDifference {
    /// The key's document.
    pub doc: DocId,
    /// The key's comment.
    pub comment: crate::model::CommentId,
    /// The key's tag.
    pub key: Option<String>,
    /// The student's.
    pub student: Option<String>,
}

/// Comment sentiment against the key.
#[derive(Clone, Debug, PartialEq)]
pub struct CommentAgreement {
    /// Comments the key tags that the student's project has.
    pub compared: usize,
    /// The share of those the student tagged the same (an untagged comment counts as different).
    pub agreement: Option<f64>,
    /// Cohen's kappa over the comments both tagged.
    pub cohen_kappa: Coefficient,
    /// Each comment where they differ.
    pub differences: Vec<CommentDifference>,
}

/// A student against the key.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The student's name as their project gives it (the annotator of their highlights, else the project's).
    pub annotator: String,
    /// All highlights, exact matches.
    pub exact: Score,
    /// All highlights, by overlap.
    pub overlap: Score,
    /// Per label of the key and the student.
    pub per_label: Vec<LabelScores>,
    /// Per document of the key.
    pub per_document: Vec<DocumentScores>,
    /// Key highlights the student has nothing of the same label over, and no same-range highlight either.
    pub missed: Vec<Finding>,
    /// The student's highlights over no key highlight of their label and not a key highlight's range.
    pub extra: Vec<Finding>,
    /// Key highlights the student overlaps with the same label but with other boundaries.
    pub boundary: Vec<Finding>,
    /// Key highlights the student has with exactly the same range but another label.
    pub wrong_label: Vec<Finding>,
    /// Comment tags.
    pub comments: CommentAgreement,
    /// The score out of 100.
    pub score: f64,
}

/// A highlight as compared, with where it came from.
struct Seen<'a> {
    mark: Mark,
    doc: &'a Document,
    target: Target,
    span: &'a SpanAnnotation,
    /// Its label's name as its project has it.
    name: String,
}

/// Compares `student` with `key` under `rubric`.
pub fn compare(key: &Project, student: &Project, rubric: Rubric) -> Comparison {
    let pairs = pairs(key, student);
    let mut labels: Vec<String> = key.schema.span_labels.iter().map(|l| l.name.clone()).collect();
    let mut keyed: Vec<Seen<'_>> = Vec::new();
    let mut found: Vec<Seen<'_>> = Vec::new();
    for pair in &pairs {
        for span in &pair.reference.spans {
            let name = key.schema.label(span.label).map_or("?", |l| l.name.as_str());
            keyed.push(seen(&mut labels, pair.reference, span.target, span, name));
        }
        let Some(other) = pair.other else { continue };
        for span in &other.spans {
            let Some(target) = pair.target_in_reference(span.target) else { continue };
            let name = student.schema.label(span.label).map_or("?", |l| l.name.as_str());
            found.push(seen(&mut labels, pair.reference, target, span, name));
        }
    }
    let key_marks: Vec<Mark> = keyed.iter().map(|s| s.mark.clone()).collect();
    let found_marks: Vec<Mark> = found.iter().map(|s| s.mark.clone()).collect();
    let per_label = labels
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let of = |marks: &[Mark]| marks.iter().filter(|m| m.label == i as u64).cloned().collect::<Vec<_>>();
            let (k, f) = (of(&key_marks), of(&found_marks));
            LabelScores {
                label: name.clone(),
                exact: exact(&k, &f),
                overlap: overlap(&k, &f),
                chars: characters(&k, &f, i as u64),
            }
        })
        .filter(|scores| scores.exact.key + scores.exact.found > 0)
        .collect();
    let per_document = pairs
        .iter()
        .map(|pair| {
            let of = |seen: &[Seen<'_>]| {
                seen.iter().filter(|s| s.doc.id == pair.reference.id).map(|s| s.mark.clone()).collect::<Vec<_>>()
            };
            let (k, f) = (of(&keyed), of(&found));
            DocumentScores {
                doc: pair.reference.id,
                title: pair.reference.title.clone(),
                present: pair.other.is_some(),
                exact: exact(&k, &f),
                overlap: overlap(&k, &f),
            }
        })
        .collect();
    let (missed, extra, boundary, wrong_label) = findings(&keyed, &found);
    let comments = comment_agreement(key, student, &pairs);
    let exact_all = exact(&key_marks, &found_marks);
    let overlap_all = overlap(&key_marks, &found_marks);
    let score = score(rubric, &overlap_all, &comments);
    Comparison {
        annotator: annotator_name(student),
        exact: exact_all,
        overlap: overlap_all,
        per_label,
        per_document,
        missed,
        extra,
        boundary,
        wrong_label,
        comments,
        score,
    }
}

fn seen<'a>(
    labels: &mut Vec<String>,
    doc: &'a Document,
    target: Target,
    span: &'a SpanAnnotation,
    name: &str,
) -> Seen<'a> {
    let ranges = span.ranges.iter().map(|r| (r.start, r.end)).collect();
    let mark = Mark { target: target_key(doc.id, target), ranges, label: label_key(labels, name) };
    Seen { mark, doc, target, span, name: name.trim().to_owned() }
}

type Findings = (Vec<Finding>, Vec<Finding>, Vec<Finding>, Vec<Finding>);

/// The teacher's lists: missed, extra, boundary differences, wrong labels.
fn findings(keyed: &[Seen<'_>], found: &[Seen<'_>]) -> Findings {
    let finding = |s: &Seen<'_>, against: Option<&Seen<'_>>| Finding {
        doc: s.doc.id,
        target: s.target,
        ranges: s.mark.ranges.clone(),
        label: s.name.clone(),
        quote: s.span.quote(),
        against: against.map(|a| (a.mark.ranges.clone(), a.name.clone())),
    };
    let exact_set: BTreeSet<&Mark> = found.iter().map(|s| &s.mark).collect();
    let same_range = |a: &Mark, b: &Mark| a.target == b.target && a.ranges == b.ranges;
    let (mut missed, mut boundary, mut wrong_label) = (Vec::new(), Vec::new(), Vec::new());
    for k in keyed {
        if exact_set.contains(&k.mark) {
            continue;
        }
        if let Some(f) = found.iter().find(|f| k.mark.touches(&f.mark)) {
            boundary.push(finding(k, Some(f)));
        } else if let Some(f) = found.iter().find(|f| same_range(&k.mark, &f.mark)) {
            wrong_label.push(finding(k, Some(f)));
        } else {
            missed.push(finding(k, None));
        }
    }
    let extra = found
        .iter()
        .filter(|f| !keyed.iter().any(|k| k.mark.touches(&f.mark) || same_range(&k.mark, &f.mark)))
        .map(|f| finding(f, None))
        .collect();
    (missed, extra, boundary, wrong_label)
}

/// Comment sentiment of the student against the key, by the names of the levels.
fn comment_agreement(key: &Project, student: &Project, pairs: &[Pair<'_>]) -> CommentAgreement {
    let level = |project: &Project, id| project.schema.sentiment(id).map(|l| l.name.clone());
    let mut names: Vec<String> = Vec::new();
    let (mut compared, mut same, mut both) = (0, 0, Vec::new());
    let mut differences = Vec::new();
    for pair in pairs {
        let Some(other) = pair.other else { continue };
        for comment in &pair.reference.comments {
            let Some(expected) = comment.own_sentiment(&key.annotator).and_then(|id| level(key, id)) else { continue };
            let Some(theirs) = pair.other_comment(comment.id).and_then(|id| other.comment(id)) else { continue };
            compared += 1;
            let given = theirs.own_sentiment(&student.annotator).and_then(|id| level(student, id));
            if given.as_deref().is_some_and(|g| crate::model::same_name(g, &expected)) {
                same += 1;
            } else {
                differences.push(CommentDifference {
                    doc: pair.reference.id,
                    comment: comment.id,
                    key: Some(expected.clone()),
                    student: given.clone(),
                });
            }
            if let Some(given) = given {
                let a = label_key(&mut names, &expected) as usize;
                let b = label_key(&mut names, &given) as usize;
                both.push((a, b));
            }
        }
    }
    CommentAgreement {
        compared,
        agreement: (compared > 0).then(|| same as f64 / compared as f64),
        cohen_kappa: cohen_kappa(&both),
        differences,
    }
}

/// The rubric's score out of 100 for these figures; a part the key has nothing for is left out of the weighing.
pub fn score(rubric: Rubric, spans: &Score, comments: &CommentAgreement) -> f64 {
    let mut parts = Vec::new();
    if spans.key > 0 {
        parts.push((rubric.spans, spans.f1));
    }
    if let Some(agreement) = comments.agreement {
        parts.push((rubric.comments, agreement));
    }
    let weight: f64 = parts.iter().map(|(w, _)| w).sum();
    if weight <= 0.0 {
        return 0.0;
    }
    100.0 * parts.iter().map(|(w, v)| w * v).sum::<f64>() / weight
}

#[cfg(test)]
mod tests;
