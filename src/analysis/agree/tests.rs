//! Unit tests of agreement among annotators.

use super::*;

fn sample() -> Project {
    crate::store::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/projects/sample.ron"))).unwrap()
}

#[test]
fn identical_annotators_agree_fully_and_undefined_numbers_say_why() {
    let project = sample();
    let annotators = [
        Annotator { name: "Ana", project: &project, only: None },
        Annotator { name: "Ben", project: &project, only: None },
    ];
    let report = agree(&annotators);
    assert_eq!(report.annotators, ["Ana", "Ben"]);
    assert_eq!(report.documents.len(), 1);
    assert_eq!(report.documents[0].spans.alpha_u, Ok(1.0));
    assert_eq!(report.overall.alpha_u, Ok(1.0));
    assert_eq!(report.overall.pairwise_overlap_f1, [[Some(1.0), Some(1.0)], [Some(1.0), Some(1.0)]]);
    assert_eq!(report.comments.items, 5);
    assert_eq!(report.comments.cohen_kappa, Ok(1.0));
    assert_eq!(report.comments.fleiss_kappa, Ok(1.0));
    assert_eq!(report.comments.krippendorff_alpha_nominal, Ok(1.0));
    // The sample's scale has Mixed, so it is not ordered.
    assert!(report.comments.krippendorff_alpha_ordinal.is_err());
    assert!(report.disagreements.is_empty());
}

#[test]
fn a_merged_project_is_split_by_annotator_and_differences_are_listed() {
    let mut project = sample();
    let doc = &mut project.documents[0];
    let count = doc.spans.len();
    for (i, span) in doc.spans.iter_mut().enumerate() {
        span.annotator = if i % 2 == 0 { "Ana" } else { "Ben" }.to_owned();
    }
    // Ben also marks Ana's first highlight, the same way.
    let mut shared = doc.spans[0].clone();
    shared.id = crate::model::SpanId(9_999);
    shared.annotator = "Ben".to_owned();
    doc.spans.push(shared);
    // Both tag every comment as the sample does, and Ben tags one more otherwise.
    for comment in &mut doc.comments {
        let tagging = comment.tagged_by.values().next().cloned().unwrap_or_default();
        comment.tagged_by = [("Ana".to_owned(), tagging.clone()), ("Ben".to_owned(), tagging)].into();
    }
    let annotators = [
        Annotator { name: "Ana", project: &project, only: Some("Ana") },
        Annotator { name: "Ben", project: &project, only: Some("Ben") },
    ];
    let report = agree(&annotators);
    let alpha = report.overall.alpha_u.unwrap();
    assert!(alpha < 1.0, "{alpha}");
    let f1 = report.overall.pairwise_overlap_f1[0][1].unwrap();
    assert!(f1 > 0.0 && f1 < 1.0, "{f1}");
    // Every highlight but the shared one is one annotator's only.
    assert_eq!(report.disagreements.len(), count - 1);
    assert!(report.disagreements.iter().all(|d| d.agreeing == 1 && d.what.contains("not by")));
    // Each annotator's comment tags are theirs: the same tags agree.
    assert_eq!(report.comments.krippendorff_alpha_nominal, Ok(1.0));
    let mut apart = project.clone();
    let comment = &mut apart.documents[0].comments[0];
    let levels: Vec<_> = apart.schema.sentiments.iter().map(|l| l.id).collect();
    comment.retag("Ben", |t| t.sentiment = levels.iter().copied().find(|l| Some(*l) != t.sentiment));
    let annotators = [
        Annotator { name: "Ana", project: &apart, only: Some("Ana") },
        Annotator { name: "Ben", project: &apart, only: Some("Ben") },
    ];
    let nominal = agree(&annotators).comments.krippendorff_alpha_nominal.unwrap();
    assert!(nominal < 1.0, "{nominal}");
}

#[test]
fn nobody_to_compare_is_undefined_not_a_panic() {
    let report = agree(&[]);
    assert!(report.overall.alpha_u.is_err() && report.documents.is_empty());
    let project = Project::new("empty");
    let one = agree(&[Annotator { name: "Ana", project: &project, only: None }]);
    assert!(one.overall.alpha_u.is_err());
    assert!(one.comments.krippendorff_alpha_nominal.is_err());
}

#[test]
fn projects_that_name_the_same_annotator_are_told_apart_by_their_files() {
    let (mut a, mut b) = (sample(), sample());
    a.annotator = "Ana".to_owned();
    b.annotator = "ana".to_owned();
    let c = Project { annotator: "Ben".to_owned(), ..sample() };
    let (first, second) = (std::path::Path::new("class/one.ron"), std::path::Path::new("class/two.ron"));
    let names = names_of(&[(&a, None), (&b, Some(second)), (&c, Some(first))]);
    assert_eq!(names, ["Ana (this project)", "ana (two.ron)", "Ben"]);
    let mut merged = sample();
    merged.documents[0].spans[1].annotator = "Ben".to_owned();
    assert_eq!(merged.annotators(), ["Gloss sample", "Ben"]);
}
