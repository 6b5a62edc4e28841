//! The class window: File ▸ Compare students with this key… on a folder of student projects, the table of
//! students, and a missed highlight shown in the article with a click.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

mod common;
#[path = "support/people.rs"]
mod people;

use common::{answer_prompt, harness, run_by_name, sample_copy, wait_while};
use egui_kittest::kittest::{NodeT as _, Queryable};
use gloss::ui::GlossApp;
use gloss::ui::overlay::Style;

#[test]
fn a_class_is_compared_with_the_open_key_and_what_a_student_missed_is_a_click_away() {
    let dir = tempfile::tempdir().unwrap();
    let key_path = sample_copy(dir.path());
    let key = gloss::store::load(&key_path).unwrap();
    let class = dir.path().join("class");
    std::fs::create_dir(&class).unwrap();
    let mut ana = people::as_annotator(key.clone(), "Ana");
    let missed = ana.documents[0].spans.remove(0);
    people::retag_first_comment(&mut ana);
    gloss::store::save(&ana, &class.join("ana.ron")).unwrap();
    let ben = people::as_annotator(key.clone(), "Ben");
    gloss::store::save(&ben, &class.join("ben.ron")).unwrap();
    std::fs::write(class.join("broken.ron"), "(format_version: 3").unwrap();

    let mut harness = harness(key_path);
    run_by_name(&mut harness, "compare students");
    answer_prompt(&mut harness, &class, "Compare");
    wait_while(&mut harness, GlossApp::is_comparing, "the comparison");
    assert!(harness.query_by_label_contains("2 student(s) compared with this project").is_some());
    assert!(harness.query_by_label_contains("Could not read").is_some(), "the broken file is named");
    // Sorted by score, best first: Ben (all of it), then Ana.
    let ben_top = harness.get_by_label("Ben").rect().top();
    let ana_top = harness.get_by_label("Ana").rect().top();
    assert!(ben_top < ana_top, "the best score first");

    harness.get_by_label("Ana").click();
    harness.run_steps(2);
    // Her work is drawn over the key's article: the missed highlight as missed, the others as found.
    let overlay = harness.state().view_state().overlay().expect("Ana's work over the article").clone();
    let missed_mark = overlay.marks.iter().find(|m| m.style == Style::Missed).expect("a missed mark");
    assert_eq!((missed_mark.start, missed_mark.end), (missed.start(), missed.end()));
    assert_eq!(overlay.marks.iter().filter(|m| m.style == Style::Matched).count(), key.documents[0].spans.len() - 1);
    harness.get_by_label_contains("Missed (in the key, not found): 1").click();
    harness.run_steps(2);
    harness.get_by_label(&format!("Claim “{}”", missed.quote())).click();
    harness.run_steps(3);
    let selected = harness.state().view_state().text().expect("the missed highlight's text is selected");
    assert_eq!(selected.range(), (missed.start(), missed.end()));
    // A comment Ana tagged otherwise is named as the article names it, and a click focuses it.
    harness.get_by_label_contains("Comments tagged otherwise: 1").click();
    harness.run_steps(2);
    let first = &key.documents[0].comments[0];
    let line = format!("Comment #{} {}: the key ", first.number.clone().unwrap(), first.author);
    harness.get_by_label_contains(&line).click();
    harness.run_steps(3);
    assert_eq!(harness.state().view_state().comment(), Some(first.id));
    // Feedback to Ana is kept beside the key, in its class notes.
    harness.get_by_label("Feedback to Ana:").click();
    harness.run_steps(1);
    harness.get_by_label("Feedback to Ana:").type_text("Look again at the first paragraph.");
    harness.run_steps(1);
    harness.get_by_label("Save class notes").click();
    harness.run_steps(2);
    let notes = gloss::store::load_class_notes(&dir.path().join("sample.ron")).unwrap();
    assert_eq!(notes.feedback["ana.ron"], "Look again at the first paragraph.");
    assert_eq!(notes.rubric, gloss::model::class::Rubric::default());
    // The key itself is unchanged by all this.
    assert!(!harness.state().editor().is_dirty());
    // Closing the window takes her work off the article.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().view_state().overlay().is_none());
}

#[test]
fn class_notes_that_cannot_be_read_are_said_and_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let key_path = sample_copy(dir.path());
    let class = dir.path().join("class");
    std::fs::create_dir(&class).unwrap();
    let mut ana = gloss::store::load(&key_path).unwrap();
    ana.annotator = "Ana".to_owned();
    gloss::store::save(&ana, &class.join("ana.ron")).unwrap();
    let broken = dir.path().join("sample.class.ron");
    std::fs::write(&broken, "(format_version: 1, notes: (rubric: oops))").unwrap();

    let mut harness = harness(key_path);
    run_by_name(&mut harness, "compare students");
    answer_prompt(&mut harness, &class, "Compare");
    wait_while(&mut harness, GlossApp::is_comparing, "the comparison");
    assert!(harness.query_by_label_contains("could not be read, so they are not written over").is_some());
    harness.get_by_label("Ana").click();
    harness.run_steps(2);
    harness.get_by_label("Feedback to Ana:").click();
    harness.run_steps(1);
    harness.get_by_label("Feedback to Ana:").type_text("Well done.");
    harness.run_steps(1);
    assert!(
        harness.get_by_label("Save class notes").accesskit_node().is_disabled(),
        "saving would lose what the file holds"
    );
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), "(format_version: 1, notes: (rubric: oops))");
}
