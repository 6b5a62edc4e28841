//! The agreement window: with another annotator's project, and among the annotators of the open project, with the
//! undefined numbers said as "n/a" and a difference shown in the article with a click.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

mod common;

use common::{answer_prompt, harness, run_by_name, sample_copy, wait_while};
use egui_kittest::kittest::Queryable;
use gloss::ui::GlossApp;

#[test]
fn agreement_with_another_annotator_is_measured_and_a_difference_is_a_click_away() {
    let dir = tempfile::tempdir().unwrap();
    let mine = sample_copy(dir.path());
    let mut other = gloss::store::load(&mine).unwrap();
    other.annotator = "Ben".to_owned();
    let dropped = other.documents[0].spans.remove(0);
    gloss::store::save(&other, &dir.path().join("ben.ron")).unwrap();

    let mut harness = harness(mine);
    run_by_name(&mut harness, "agreement with other");
    answer_prompt(&mut harness, &dir.path().join("ben.ron"), "Measure");
    wait_while(&mut harness, GlossApp::is_measuring, "the measurement");
    assert!(harness.query_by_label_contains("2 annotators: Gloss sample, Ben").is_some());
    assert!(harness.query_by_label_contains("alpha_u over all documents: 0.").is_some());
    // The sample's scale has Mixed: the ordinal alpha is n/a, and says why.
    assert!(harness.query_by_label_contains("n/a — the sentiment scale is not an ordered one").is_some());
    // The heat map names each pair.
    assert!(harness.query_by_label("overlap F1 of Gloss sample and Ben: 0.92").is_some());

    harness.get_by_label_contains("Where they differ: 1").click();
    harness.run_steps(2);
    harness.get_by_label_contains("marked by Gloss sample, not by Ben").click();
    harness.run_steps(3);
    let selected = harness.state().view_state().text().expect("the difference is selected");
    assert_eq!(selected.range(), (dropped.start(), dropped.end()));
}

#[test]
fn a_project_of_one_annotator_says_why_nothing_can_be_measured() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(sample_copy(dir.path()));
    run_by_name(&mut harness, "agreement among");
    wait_while(&mut harness, GlossApp::is_measuring, "the measurement");
    assert!(
        harness
            .query_by_label_contains("Could not measure agreement: this project holds the highlights of 1")
            .is_some()
    );
}
