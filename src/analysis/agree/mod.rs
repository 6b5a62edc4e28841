//! How far several annotators agree on the same articles, with no key: alpha_u of where their highlights lie
//! (per document, per label and over all documents), the pairwise overlap F1 between them, the agreement of their
//! comment sentiment (Cohen's kappa for two, Fleiss' kappa, Krippendorff's alpha nominal and, on an ordered scale,
//! ordinal), and the places where they differ.

use super::agreement::spans::{Mark, overlap};
use super::agreement::{Coefficient, Continuum, Undefined, Unit, alpha_u};
use super::aligned::{label_key, pairs, target_key};
use crate::model::{DocId, Document, Project, Target, same_name};

/// One annotator's work: a project, or one annotator's part of a merged project.
#[derive(Clone, Copy, Debug)]
pub struct Annotator<'a> {
    /// Their name.
    pub name: &'a str,
    /// The project their work is in.
    pub project: &'a Project,
    /// In a merged project, the annotator whose highlights are theirs; `None` takes every highlight.
    pub only: Option<&'a str>,
}

impl Annotator<'_> {
    /// This annotator's sentiment on a comment of their project.
    pub(crate) fn sentiment_on(&self, comment: &crate::model::Comment) -> Option<crate::model::SentimentId> {
        match self.only {
            Some(only) => comment.sentiments().find(|(who, _)| same_name(who, only)).map(|(_, level)| level),
            None => comment.own_sentiment(&self.project.annotator),
        }
    }
}

/// alpha_u and the pairwise overlap F1 of a stretch of text (one document, or all of them end to end).
#[derive(Clone, Debug, PartialEq)]
pub struct SpanAgreement {
    /// alpha_u over all labels.
    pub alpha_u: Coefficient,
    /// alpha_u per label, by name.
    pub per_label: Vec<(String, Coefficient)>,
    /// Overlap F1 between each two annotators (symmetric); `None` where neither has a highlight.
    pub pairwise_overlap_f1: Vec<Vec<Option<f64>>>,
}

/// One document's agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentAgreement {
    /// The first annotator's document.
    pub id: DocId,
    /// Its title.
    pub title: String,
    /// How far the highlights agree.
    pub spans: SpanAgreement,
}

/// Comment sentiment agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct CommentAgreement {
    /// Comments at least one annotator tagged.
    pub items: usize,
    /// Cohen's kappa, with exactly two annotators.
    pub cohen_kappa: Coefficient,
    /// Fleiss' kappa over the comments every annotator tagged.
    pub fleiss_kappa: Coefficient,
    /// Krippendorff's alpha, nominal; missing tags allowed.
    pub krippendorff_alpha_nominal: Coefficient,
    /// Krippendorff's alpha, ordinal, when the scale is an ordered one (the 3- and 5-point scales).
    pub krippendorff_alpha_ordinal: Coefficient,
}

/// A place where the annotators differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    /// The first annotator's document.
    pub doc: DocId,
    /// The text, as that document names it.
    pub target: Target,
    /// Where, in code points of that text.
    pub range: (usize, usize),
    /// What differs, in a sentence ("Claim: marked by Ana and Ben, not by Cy").
    pub what: String,
    /// How many annotators agree with the mark (fewest first in the list).
    pub agreeing: usize,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    /// The annotators, in the order of the matrices.
    pub annotators: Vec<String>,
    /// Per document of the first annotator.
    pub documents: Vec<DocumentAgreement>,
    /// All documents end to end.
    pub overall: SpanAgreement,
    /// Comment sentiment.
    pub comments: CommentAgreement,
    /// Where they differ, the widest disagreements first.
    pub disagreements: Vec<Disagreement>,
}

/// A highlight of one annotator in the first annotator's document.
struct Placed {
    annotator: usize,
    /// The text, as the first annotator's document names it.
    target: Target,
    /// What comparison looks at: target, parts and label.
    mark: Mark,
    quote: String,
}

/// A name for each project of one annotator: the annotator it names, and where two name the same, that name with
/// the project's file name (or "this project" for one without a file) so that they are told apart.
pub fn names_of(projects: &[(&Project, Option<&std::path::Path>)]) -> Vec<String> {
    let plain: Vec<String> = projects.iter().map(|(project, _)| super::aligned::annotator_name(project)).collect();
    plain
        .iter()
        .zip(projects)
        .map(|(name, (_, file))| {
            if plain.iter().filter(|n| same_name(n, name)).count() > 1 {
                let label = file.and_then(|f| f.file_name()).map_or_else(
                    || file.map_or_else(|| "this project".to_owned(), |f| f.display().to_string()),
                    |n| n.to_string_lossy().into_owned(),
                );
                format!("{name} ({label})")
            } else {
                name.clone()
            }
        })
        .collect()
}

/// The agreement of `annotators` on the documents of the first of them.
pub fn agree(annotators: &[Annotator<'_>]) -> Agreement {
    let names: Vec<String> = annotators.iter().map(|a| a.name.to_owned()).collect();
    let Some(first) = annotators.first() else {
        return empty(names);
    };
    let mut labels: Vec<String> = first.project.schema.span_labels.iter().map(|l| l.name.clone()).collect();
    // For each annotator, the pairing of the first's documents with theirs.
    let paired: Vec<_> = annotators.iter().map(|a| pairs(first.project, a.project)).collect();
    let mut documents = Vec::new();
    let mut all_units = Vec::new();
    let mut all_marks: Vec<Vec<Mark>> = vec![Vec::new(); annotators.len()];
    let mut disagreements = Vec::new();
    let mut offset = 0u64;
    for (d, reference) in first.project.documents.iter().enumerate() {
        let placed = placed(annotators, &paired, reference.id, d, &mut labels);
        let layout = Layout::of(reference);
        let units: Vec<Unit> = placed
            .iter()
            .flat_map(|p| {
                let start = layout.at(p.target);
                p.mark.ranges.iter().map(move |&(s, e)| Unit {
                    annotator: p.annotator,
                    start: start + s as u64,
                    end: start + e as u64,
                    category: p.mark.label as usize,
                })
            })
            .collect();
        let mut marks: Vec<Vec<Mark>> = vec![Vec::new(); annotators.len()];
        for p in &placed {
            marks[p.annotator].push(p.mark.clone());
        }
        let spans = span_agreement(&units, &marks, layout.length, &labels);
        all_units.extend(units.iter().map(|u| Unit { start: u.start + offset, end: u.end + offset, ..*u }));
        for (all, these) in all_marks.iter_mut().zip(marks) {
            all.extend(these);
        }
        offset += layout.length;
        disagreements.extend(differences(reference, &placed, &names, &labels));
        documents.push(DocumentAgreement { id: reference.id, title: reference.title.clone(), spans });
    }
    let overall = span_agreement(&all_units, &all_marks, offset, &labels);
    let comments = comments::comment_agreement(annotators, &paired);
    disagreements.sort_by_key(|d| d.agreeing);
    Agreement { annotators: names, documents, overall, comments, disagreements }
}

fn empty(annotators: Vec<String>) -> Agreement {
    let none = Err(Undefined("fewer than two annotators"));
    Agreement {
        annotators,
        documents: Vec::new(),
        overall: SpanAgreement { alpha_u: none, per_label: Vec::new(), pairwise_overlap_f1: Vec::new() },
        comments: CommentAgreement {
            items: 0,
            cohen_kappa: none,
            fleiss_kappa: none,
            krippendorff_alpha_nominal: none,
            krippendorff_alpha_ordinal: none,
        },
        disagreements: Vec::new(),
    }
}

/// Every annotator's highlights in the `d`-th document of the first, in the first's targets.
fn placed(
    annotators: &[Annotator<'_>],
    paired: &[Vec<super::aligned::Pair<'_>>],
    doc: DocId,
    d: usize,
    labels: &mut Vec<String>,
) -> Vec<Placed> {
    let mut placed = Vec::new();
    for (a, annotator) in annotators.iter().enumerate() {
        let pair = &paired[a][d];
        let Some(other) = pair.other else { continue };
        for span in &other.spans {
            if annotator.only.is_some_and(|only| !same_name(only, &span.annotator)) {
                continue;
            }
            let Some(target) = pair.target_in_reference(span.target) else { continue };
            let name = annotator.project.schema.label(span.label).map_or("?", |l| l.name.as_str());
            let ranges = span.ranges.iter().map(|r| (r.start, r.end)).collect();
            let mark = Mark { target: target_key(doc, target), ranges, label: label_key(labels, name) };
            placed.push(Placed { annotator: a, target, mark, quote: span.quote() });
        }
    }
    placed
}

/// Where each text of a document starts when the body and its comments are laid end to end.
struct Layout {
    starts: Vec<(Target, u64)>,
    length: u64,
}

impl Layout {
    fn of(document: &Document) -> Self {
        let mut starts = vec![(Target::Body, 0)];
        let mut length = document.body.chars().count() as u64;
        for comment in &document.comments {
            starts.push((Target::Comment(comment.id), length));
            length += comment.text.chars().count() as u64;
        }
        Self { starts, length }
    }

    fn at(&self, target: Target) -> u64 {
        self.starts.iter().find(|(t, _)| *t == target).map_or(0, |&(_, start)| start)
    }
}

fn named(labels: &[String], values: Vec<Coefficient>) -> Vec<(String, Coefficient)> {
    labels.iter().cloned().zip(values).filter(|(_, v)| v.is_ok()).collect()
}

/// alpha_u and the pairwise overlap F1 of `units` and each annotator's `marks` on a continuum of `length`.
fn span_agreement(units: &[Unit], marks: &[Vec<Mark>], length: u64, labels: &[String]) -> SpanAgreement {
    let alpha = alpha_u(Continuum { begin: 0, length, annotators: marks.len() }, labels.len(), units);
    SpanAgreement {
        alpha_u: alpha.overall,
        per_label: named(labels, alpha.per_category),
        pairwise_overlap_f1: pairwise(marks),
    }
}

/// Overlap F1 between each two annotators' highlights (F1 is the same whichever side is the key).
fn pairwise(marks: &[Vec<Mark>]) -> Vec<Vec<Option<f64>>> {
    marks
        .iter()
        .map(|a| marks.iter().map(|b| (!a.is_empty() || !b.is_empty()).then(|| overlap(a, b).f1)).collect())
        .collect()
}

/// Highlights that not every annotator has (by overlap, with the same label), once per place.
fn differences(reference: &Document, placed: &[Placed], names: &[String], labels: &[String]) -> Vec<Disagreement> {
    let mut listed: Vec<Disagreement> = Vec::new();
    let mut listed_marks: Vec<Mark> = Vec::new();
    for p in placed {
        let agreeing: Vec<usize> =
            (0..names.len()).filter(|&a| placed.iter().any(|q| q.annotator == a && q.mark.touches(&p.mark))).collect();
        if agreeing.len() == names.len() {
            continue;
        }
        // One line per place and label: a highlight overlapping one listed already with its label is not listed
        // again.
        if listed_marks.iter().any(|m| m.touches(&p.mark)) {
            continue;
        }
        listed_marks.push(p.mark.clone());
        let range = (p.mark.ranges.first().map_or(0, |r| r.0), p.mark.ranges.last().map_or(0, |r| r.1));
        let who = |list: Vec<&str>| list.join(", ");
        let by: Vec<&str> = agreeing.iter().map(|&a| names[a].as_str()).collect();
        let not: Vec<&str> = (0..names.len()).filter(|a| !agreeing.contains(a)).map(|a| names[a].as_str()).collect();
        listed.push(Disagreement {
            doc: reference.id,
            target: p.target,
            range,
            what: format!(
                "{} \"{}\": marked by {}, not by {}",
                labels[p.mark.label as usize],
                p.quote,
                who(by),
                who(not)
            ),
            agreeing: agreeing.len(),
        });
    }
    listed
}

mod comments;
#[cfg(test)]
mod tests;
