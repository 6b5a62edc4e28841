//! Unit tests of a student against the key.

use super::*;

fn sample() -> Project {
    crate::store::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/projects/sample.ron"))).unwrap()
}

#[test]
fn the_key_against_itself_scores_full_marks() {
    let key = sample();
    let result = compare(&key, &key, Rubric::default());
    assert_eq!((result.exact.f1, result.overlap.f1), (1.0, 1.0));
    assert!(result.missed.is_empty() && result.extra.is_empty() && result.boundary.is_empty());
    assert_eq!(result.comments.agreement, Some(1.0));
    assert_eq!(result.score, 100.0);
}

#[test]
fn a_student_is_told_what_was_missed_extra_off_and_mislabelled() {
    let key = sample();
    let mut student = key.clone();
    let doc = &mut student.documents[0];
    let labels: Vec<_> = key.schema.span_labels.iter().map(|l| l.id).collect();
    assert!(doc.spans.len() >= 4, "the sample has enough highlights");
    // Missed: the first highlight is gone. Boundary: the second ends two code points early. Wrong label:
    // the third has another label. Extra: a highlight where the key has none (the first word of the body).
    let missed = doc.spans.remove(0);
    doc.spans[0].ranges[0].end -= 2;
    let other = labels.iter().copied().find(|l| *l != doc.spans[1].label).unwrap();
    doc.spans[1].label = other;
    let mut extra = doc.spans[2].clone();
    extra.id = crate::model::SpanId(9_999);
    extra.ranges = vec![crate::model::AnchoredRange::new(&doc.body, 0, 3).unwrap()];
    extra.label = labels[0];
    doc.spans.push(extra);
    // One comment tagged otherwise.
    let levels: Vec<_> = key.schema.sentiments.iter().map(|l| l.id).collect();
    let who = student.annotator.clone();
    doc.comments[0].retag(&who, |t| t.sentiment = levels.iter().copied().find(|l| Some(*l) != t.sentiment));

    let result = compare(&key, &student, Rubric::default());
    assert_eq!(result.missed.len(), 1);
    assert_eq!(result.missed[0].ranges, [(missed.start(), missed.end())]);
    assert_eq!(result.boundary.len(), 1);
    assert_eq!(result.wrong_label.len(), 1);
    assert_eq!(result.extra.len(), 1);
    assert_eq!(result.extra[0].ranges, [(0, 3)]);
    let spans = key.documents[0].spans.len();
    assert_eq!(result.exact.key, spans);
    assert_eq!(result.exact.found, spans);
    // Exact: all but the four changed ones match.
    assert!((result.exact.recall - (spans - 3) as f64 / spans as f64).abs() < 1e-12);
    assert_eq!(result.comments.compared, key.documents[0].comments.iter().filter(|c| c.has_sentiment()).count());
    assert_eq!(result.comments.differences.len(), 1);
    assert!(result.score < 100.0 && result.score > 0.0, "{}", result.score);
    assert_eq!(result.per_document.len(), 1);
    assert!(result.per_label.iter().all(|l| !l.exact.f1.is_nan()));
}

#[test]
fn a_student_without_the_article_scores_zero_not_nan() {
    let key = sample();
    let mut student = key.clone();
    student.documents.clear();
    let result = compare(&key, &student, Rubric::default());
    assert_eq!((result.exact.f1, result.overlap.recall), (0.0, 0.0));
    assert!(!result.per_document[0].present);
    assert_eq!(result.comments.agreement, None);
    assert!(result.comments.cohen_kappa.is_err());
    assert_eq!(result.score, 0.0);
}
