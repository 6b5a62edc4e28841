//! `gloss compare` through the built binary: a class folder against an answer key, as a table, JSON and a
//! gradebook, with bad input refused without writing anything.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::{Path, PathBuf};

use gloss::model::Project;

#[path = "support/binary.rs"]
mod binary;
#[path = "support/people.rs"]
mod people;

use binary::gloss_in as gloss;

fn sample() -> Project {
    gloss::store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron")).unwrap()
}

/// A key and a class of two: Ana missed the first highlight and tagged a comment otherwise; Ben has it all.
fn class(dir: &Path) -> PathBuf {
    let key = sample();
    gloss::store::save(&key, &dir.join("key.ron")).unwrap();
    std::fs::create_dir(dir.join("class")).unwrap();
    let mut ana = people::as_annotator(key.clone(), "Ana");
    ana.documents[0].spans.remove(0);
    people::retag_first_comment(&mut ana);
    gloss::store::save(&ana, &dir.join("class/ana.ron")).unwrap();
    let ben = people::as_annotator(key, "Ben");
    gloss::store::save(&ben, &dir.join("class/ben.ron")).unwrap();
    dir.join("class")
}

#[test]
fn a_class_folder_is_compared_with_the_key_as_json_and_a_gradebook() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path());
    let output = gloss(&["compare", "key.ron", "class", "--json", "--gradebook", "grades.csv"], dir.path());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let students = value["students"].as_array().unwrap();
    assert_eq!(students.len(), 2);
    let ana = &students[0];
    assert_eq!(ana["annotator"], "Ana");
    assert_eq!(ana["missed"].as_array().unwrap().len(), 1);
    assert_eq!(ana["spans"]["exact"]["recall"].as_f64().unwrap(), 6.0 / 7.0);
    assert_eq!(ana["spans"]["overlap"]["precision"], 1.0);
    for label in ["exact", "overlap", "chars"] {
        assert!(ana["spans"]["per_label"]["Claim"][label]["f1"].is_number(), "{label}");
    }
    assert_eq!(ana["comments"]["compared"], 5);
    assert_eq!(ana["comments"]["agreement"], 0.8);
    assert!(ana["comments"]["cohen_kappa"].is_number());
    assert_eq!(students[1]["score"], 100.0);

    let grades = std::fs::read_to_string(dir.path().join("grades.csv")).unwrap();
    let lines: Vec<&str> = grades.lines().collect();
    assert!(lines[0].starts_with("file,name,score,"));
    assert!(lines[1].contains(",Ana,") && lines[2].contains(",Ben,100.0,"), "{grades}");
    // An earlier gradebook is replaced; anything else is not, and nothing is written then.
    assert!(gloss(&["compare", "key.ron", "class", "--gradebook", "grades.csv"], dir.path()).status.success());
    std::fs::write(dir.path().join("notes.csv"), "mine").unwrap();
    let refused = gloss(&["compare", "key.ron", "class", "--gradebook", "notes.csv"], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(dir.path().join("notes.csv")).unwrap(), "mine");
    let key_before = std::fs::read(dir.path().join("key.ron")).unwrap();
    let refused = gloss(&["compare", "key.ron", "class", "--gradebook", "key.ron"], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(std::fs::read(dir.path().join("key.ron")).unwrap(), key_before, "the key is never written");
}

#[test]
fn the_class_notes_beside_the_key_set_the_rubric_and_the_feedback() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path());
    let mut notes = gloss::model::class::ClassNotes {
        rubric: gloss::model::class::Rubric { spans: 1.0, comments: 0.0 },
        ..Default::default()
    };
    notes.feedback.insert("ana.ron".to_owned(), "Look again at the first paragraph.".to_owned());
    gloss::store::save_class_notes(&dir.path().join("key.ron"), &notes).unwrap();
    let output = gloss(&["compare", "key.ron", "class", "--json", "--gradebook", "grades.csv"], dir.path());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["rubric"]["spans"], 1.0);
    let ana = &value["students"][0];
    // Highlights only: the score is the overlap F1.
    assert!((ana["score"].as_f64().unwrap() - 100.0 * ana["spans"]["overlap"]["f1"].as_f64().unwrap()).abs() < 1e-9);
    assert_eq!(ana["feedback"], "Look again at the first paragraph.");
    let grades = std::fs::read_to_string(dir.path().join("grades.csv")).unwrap();
    assert!(grades.lines().nth(1).unwrap().ends_with(",Look again at the first paragraph."), "{grades}");
    let table = gloss(&["compare", "key.ron", "class"], dir.path());
    assert!(String::from_utf8_lossy(&table.stdout).contains("score = 100% overlap F1"));
    // A broken notes file is named with its line, and nothing is compared.
    std::fs::write(dir.path().join("key.class.ron"), "(format_version: 1, notes: (rubric: (spans: -1, comments: 0)))")
        .unwrap();
    let refused = gloss(&["compare", "key.ron", "class"], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("key.class.ron"));
}

#[test]
fn the_table_names_each_student_and_a_broken_file_does_not_stop_the_class() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path());
    std::fs::write(dir.path().join("class/broken.ron"), "(format_version: 3, name: ").unwrap();
    let output = gloss(&["compare", "key.ron", "class"], dir.path());
    assert_eq!(output.status.code(), Some(1), "a file could not be read");
    let table = String::from_utf8_lossy(&output.stdout);
    assert!(table.contains("ana.ron") && table.contains("Ana") && table.contains("ben.ron"), "{table}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("broken.ron"), "{stderr}");
    let none = gloss(&["compare", "key.ron", "nothing-here"], dir.path());
    assert_eq!(none.status.code(), Some(1));
}
