//! Classes and teams in the window: a teacher makes an exercise, a student is asked their name on the first mark,
//! other people's projects are merged in as one undoable step, the conflicts of a git merge are listed and
//! dismissed, and the view shows one annotator's highlights.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

mod common;
#[path = "support/people.rs"]
mod people;

use common::{answer_prompt, body_char, drag, harness, run_by_name, sample_copy, wait_while};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gloss::ui::GlossApp;

#[test]
fn a_teacher_makes_an_exercise_and_a_student_is_asked_their_name_on_the_first_mark() {
    let dir = tempfile::tempdir().unwrap();
    let key_path = sample_copy(dir.path());
    let key = gloss::store::load(&key_path).unwrap();
    let mut teacher = harness(key_path);
    run_by_name(&mut teacher, "new exercise");
    teacher.get_by_label("Instructions for the class:").click();
    teacher.run_steps(1);
    teacher.get_by_label("Instructions for the class:").type_text("Mark every claim.");
    teacher.run_steps(1);
    let example = &key.documents[0].spans_in_reading_order()[0];
    teacher.get_by_label_contains(&format!("Claim: “{}", &example.quote()[..20])).click();
    teacher.run_steps(1);
    teacher.get_by_label("Save the exercise as…").click();
    teacher.run_steps(2);
    let out = dir.path().join("exercise.ron");
    answer_prompt(&mut teacher, &out, "Save");
    let exercise = gloss::store::load(&out).expect("the exercise is written");
    assert_eq!(exercise.exercise.as_ref().unwrap().instructions, "Mark every claim.");
    assert_eq!(exercise.documents[0].spans.len(), 1, "the worked example");
    assert!(exercise.annotator.is_empty());
    assert!(!teacher.state().editor().is_dirty(), "the key is unchanged");

    // The student opens it: the instructions are above the article; the first mark asks their name.
    let mut student = harness(out);
    assert!(student.query_by_label("Mark every claim.").is_some());
    let (from, to) = (body_char(&student, 4), body_char(&student, 16));
    drag(&mut student, from, to);
    student.key_press(Key::Num1);
    student.run_steps(2);
    assert!(student.state().editor().project().documents[0].spans.len() == 1, "nothing is marked yet");
    student.get_by_label("Name:").type_text("Ana");
    student.run_steps(1);
    student.get_by_label("Start").click();
    student.run_steps(3);
    let project = student.state().editor().project();
    assert_eq!(project.annotator, "Ana");
    let made = project.documents[0].spans.iter().find(|s| s.annotator == "Ana").expect("Ana's highlight");
    assert_eq!(made.quote(), "town council");
    // One step: undo takes back both the mark and the name.
    student.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    student.run_steps(2);
    assert!(student.state().editor().project().annotator.is_empty());
}

#[test]
fn other_projects_merge_in_as_one_step_with_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let key_path = sample_copy(dir.path());
    let key = gloss::store::load(&key_path).unwrap();
    let ana = dir.path().join("ana.ron");
    gloss::store::save(&people::as_annotator(key.clone(), "Ana"), &ana).unwrap();
    let mut harness = harness(key_path);
    run_by_name(&mut harness, "merge other projects");
    answer_prompt(&mut harness, &ana, "Merge");
    wait_while(&mut harness, GlossApp::is_merging, "the merge");
    harness.run_steps(2);
    let spans = key.documents[0].spans.len();
    assert_eq!(harness.state().editor().project().documents[0].spans.len(), 2 * spans);
    assert!(harness.query_by_label_contains("added for \"Ana\": 7 highlight(s), 5 comment tag(s)").is_some());
    harness.get_by_label("Close report").click();
    harness.run_steps(1);
    // The documents panel now offers one annotator's highlights.
    harness.get_by_label("Highlights of").click();
    harness.run_steps(2);
    harness.get_by_label("Ana").click();
    harness.run_steps(2);
    assert_eq!(harness.state().view_state().annotator(), Some("Ana"));
    // A comment's tags of the others are listed in the inspector, below the current annotator's buttons.
    harness.key_press(Key::J);
    harness.run_steps(2);
    assert!(harness.query_by_label("Ana: Positive").is_some(), "Ana's tag of the first comment");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(harness.state().editor().project().documents, key.documents, "one undo takes the merge back");
}

#[test]
fn conflicts_a_git_merge_left_are_listed_shown_and_dismissed() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let mut project = gloss::store::load(&path).unwrap();
    let span = project.documents[0].spans[0].clone();
    project.conflicts.push(gloss::model::Conflict {
        doc: Some(project.documents[0].id),
        comment: None,
        spans: vec![span.id],
        message: "the highlight was changed in both versions; both are kept".to_owned(),
    });
    gloss::store::save(&project, &path).unwrap();
    let mut harness = harness(path);
    assert!(
        harness.query_by_label("the highlight was changed in both versions; both are kept").is_some(),
        "opens by itself"
    );
    harness.get_by_label("Show").click();
    harness.run_steps(3);
    assert_eq!(harness.state().view_state().span(), Some(span.id));
    harness.get_by_label("Dismiss").click();
    harness.run_steps(2);
    assert!(harness.state().editor().project().conflicts.is_empty());
    assert!(harness.query_by_label_contains("No merge conflicts").is_some());
}
