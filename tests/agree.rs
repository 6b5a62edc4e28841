//! `gloss agree` through the built binary: one project per annotator, or one merged project, as a table and as
//! JSON whose undefined numbers are null with a reason.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

#[path = "support/binary.rs"]
mod binary;
#[path = "support/people.rs"]
mod people;

use std::path::Path;

use binary::gloss_in as gloss;
use gloss::model::Project;

fn sample() -> Project {
    gloss::store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron")).unwrap()
}

#[test]
fn projects_of_two_annotators_give_every_coefficient_or_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let ana = people::as_annotator(sample(), "Ana");
    let mut ben = people::as_annotator(ana.clone(), "Ben");
    ben.documents[0].spans.remove(0);
    people::retag_first_comment(&mut ben);
    gloss::store::save(&ana, &dir.path().join("ana.ron")).unwrap();
    gloss::store::save(&ben, &dir.path().join("ben.ron")).unwrap();

    let output = gloss(&["agree", "ana.ron", "ben.ron", "--json"], dir.path());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["annotators"], serde_json::json!(["Ana", "Ben"]));
    let document = &value["documents"][0];
    let alpha = document["spans"]["alpha_u"].as_f64().unwrap();
    assert!(alpha > 0.0 && alpha < 1.0, "{alpha}");
    assert_eq!(document["spans"]["alpha_u_per_label"]["Quote"], 1.0);
    assert_eq!(document["spans"]["pairwise_overlap_f1"][0][0], 1.0);
    let comments = &value["comments"];
    assert_eq!(comments["items"], 5);
    for key in ["cohen_kappa", "fleiss_kappa", "krippendorff_alpha_nominal"] {
        let x = comments[key].as_f64().unwrap();
        assert!(x < 1.0 && x > 0.0, "{key} {x}");
    }
    // The sample's scale has Mixed: no ordinal alpha, and the reason says so.
    assert!(comments["krippendorff_alpha_ordinal"].is_null());
    assert!(comments["undefined"]["krippendorff_alpha_ordinal"].as_str().unwrap().contains("ordered"));
    assert_eq!(value["disagreements"].as_array().unwrap().len(), 1);

    let table = gloss(&["agree", "ana.ron", "ben.ron"], dir.path());
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("2 annotators: Ana, Ben") && text.contains("n/a — "), "{text}");
}

#[test]
fn a_merged_project_is_measured_by_the_annotator_of_each_highlight() {
    let dir = tempfile::tempdir().unwrap();
    let mut merged = people::as_annotator(sample(), "Ana");
    for (i, span) in merged.documents[0].spans.iter_mut().enumerate() {
        span.annotator = if i % 2 == 0 { "Ana" } else { "Ben" }.to_owned();
    }
    gloss::store::save(&merged, &dir.path().join("merged.ron")).unwrap();
    let output = gloss(&["agree", "merged.ron", "--json"], dir.path());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["annotators"], serde_json::json!(["Ana", "Ben"]));
    assert!(value["overall"]["alpha_u"].as_f64().unwrap() < 0.5, "they marked different places");
    // The sample has one annotator only: nothing to measure, said in one line.
    let alone = dir.path().join("alone.ron");
    gloss::store::save(&sample(), &alone).unwrap();
    let refused = gloss(&["agree", "alone.ron"], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&refused.stderr).lines().count(), 1);
}
