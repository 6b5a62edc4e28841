//! Teams and classes through the built binary: `gloss exercise`, `gloss merge`, `gloss merge-driver` run by a
//! real `git merge` with the two lines of configuration the README shows, and an import that reports what it
//! added for whom.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

#[path = "support/binary.rs"]
mod binary;
#[path = "support/people.rs"]
mod people;

use std::path::Path;
use std::process::Command;

use binary::gloss_in as gloss;
use gloss::model::Project;

fn sample() -> Project {
    gloss::store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron")).unwrap()
}

fn text(output: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[test]
fn an_exercise_is_made_from_a_key_and_never_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    gloss::store::save(&sample(), &dir.path().join("key.ron")).unwrap();
    let example = sample().documents[0].spans[0].id.0.to_string();
    let args = ["exercise", "key.ron", "--out", "ex.ron", "--instructions", "Mark every claim.", "--example", &example];
    let made = gloss(&args, dir.path());
    assert!(made.status.success(), "{}", text(&made));
    let exercise = gloss::store::load(&dir.path().join("ex.ron")).unwrap();
    assert_eq!(exercise.exercise.as_ref().unwrap().instructions, "Mark every claim.");
    assert_eq!(exercise.documents[0].id, sample().documents[0].id, "the same ids as the key");
    assert_eq!(exercise.documents[0].spans.len(), 1, "the one worked example");
    let before = std::fs::read(dir.path().join("ex.ron")).unwrap();
    let again = gloss(&args, dir.path());
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again).contains("exists already"), "{}", text(&again));
    assert_eq!(std::fs::read(dir.path().join("ex.ron")).unwrap(), before);
    let missing = gloss(&["exercise", "key.ron", "--out", "ex2.ron", "--example", "999999"], dir.path());
    assert_eq!(missing.status.code(), Some(1));
    assert!(!dir.path().join("ex2.ron").exists());
}

#[test]
fn a_class_merges_into_one_project_with_everyones_work() {
    let dir = tempfile::tempdir().unwrap();
    gloss::store::save(&sample(), &dir.path().join("key.ron")).unwrap();
    gloss::store::save(&people::as_annotator(sample(), "Ana"), &dir.path().join("ana.ron")).unwrap();
    let mut ben = people::as_annotator(sample(), "Ben");
    ben.documents[0].spans.truncate(2);
    gloss::store::save(&ben, &dir.path().join("ben.ron")).unwrap();
    let output = gloss(&["merge", "key.ron", "ana.ron", "ben.ron", "--into", "class.ron"], dir.path());
    assert!(output.status.success(), "{}", text(&output));
    let report = text(&output);
    assert!(report.contains("from ana.ron: 1 document(s) matched, 0 added, 7 highlight(s) added"), "{report}");
    assert!(report.contains("added for \"Ben\": 2 highlight(s), 5 comment tag(s)"), "{report}");
    let class = gloss::store::load(&dir.path().join("class.ron")).unwrap();
    assert_eq!(class.annotators(), ["Gloss sample", "Ana", "Ben"]);
    assert_eq!(class.documents[0].spans.len(), 7 + 7 + 2);
    // The merged project measures its annotators' agreement as it is.
    let agree = gloss(&["agree", "class.ron"], dir.path());
    assert!(agree.status.success(), "{}", text(&agree));
    // Never over another file.
    let refused = gloss(&["merge", "key.ron", "ana.ron", "--into", "ben.ron"], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(gloss::store::load(&dir.path().join("ben.ron")).unwrap(), ben);
}

#[test]
fn an_import_of_someone_elses_export_reports_what_it_added_for_whom() {
    let dir = tempfile::tempdir().unwrap();
    gloss::store::save(&sample(), &dir.path().join("key.ron")).unwrap();
    gloss::store::save(&people::as_annotator(sample(), "Ana"), &dir.path().join("ana.ron")).unwrap();
    let export = gloss(&["export", "ana.ron", "--format", "w3c", "--out", "ana"], dir.path());
    assert!(export.status.success(), "{}", text(&export));
    let import = gloss(&["import", "ana.jsonld", "--into", "key.ron"], dir.path());
    assert!(import.status.success(), "{}", text(&import));
    assert!(text(&import).contains("added for \"Ana\": 7 highlight(s), 5 comment tag(s)"), "{}", text(&import));
    let key = gloss::store::load(&dir.path().join("key.ron")).unwrap();
    assert!(key.documents[0].comments.iter().all(|c| c.tagged_by.len() == 2), "the key's tags stay beside Ana's");
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GLOSS_DATA_DIR", dir.join(".gloss-data"))
        .output()
        .unwrap()
}

/// A repository holding `p.ron` (the sample) on `main`, with the merge driver set up as the README says.
fn repository(dir: &Path) {
    assert!(git(dir, &["init", "-q", "-b", "main"]).status.success());
    std::fs::write(dir.join(".gitattributes"), "*.ron merge=gloss\n").unwrap();
    let driver = format!("{} merge-driver %O %A %B", env!("CARGO_BIN_EXE_gloss"));
    assert!(git(dir, &["config", "merge.gloss.driver", &driver]).status.success());
    gloss::store::save(&sample(), &dir.join("p.ron")).unwrap();
    assert!(git(dir, &["add", "."]).status.success());
    assert!(git(dir, &["commit", "-qm", "sample"]).status.success());
}

/// Commits `change` of `p.ron` on `branch` (made from main).
fn commit_on(dir: &Path, branch: &str, change: impl FnOnce(&mut Project)) {
    assert!(git(dir, &["checkout", "-q", "-B", branch, "main"]).status.success());
    let mut project = gloss::store::load(&dir.join("p.ron")).unwrap();
    change(&mut project);
    gloss::store::save(&project, &dir.join("p.ron")).unwrap();
    std::fs::remove_file(dir.join("p.ron.bak")).ok();
    assert!(git(dir, &["commit", "-qam", branch]).status.success());
}

fn tag_comment(project: &mut Project, index: usize, who: &str) {
    let level = project.schema.sentiments[0].id;
    project.documents[0].comments[index].retag(who, |t| t.sentiment = Some(level));
}

#[test]
fn git_merges_two_peoples_edits_of_a_project_with_the_driver() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    repository(dir);
    commit_on(dir, "ana", |p| {
        p.documents[0].spans.remove(0);
        tag_comment(p, 0, "Ana");
    });
    commit_on(dir, "ben", |p| {
        p.documents[0].note = "Ben checked the figures.".to_owned();
        tag_comment(p, 1, "Ben");
    });
    let merge = git(dir, &["merge", "-q", "--no-edit", "ana"]);
    assert!(merge.status.success(), "a clean merge: {}", text(&merge));
    let merged = gloss::store::load(&dir.join("p.ron")).unwrap();
    let doc = &merged.documents[0];
    assert_eq!(doc.spans.len(), sample().documents[0].spans.len() - 1, "Ana's removal is taken");
    assert_eq!(doc.note, "Ben checked the figures.");
    assert!(doc.comments[0].sentiment_of("Ana").is_some() && doc.comments[1].sentiment_of("Ben").is_some());
    assert!(merged.conflicts.is_empty());
}

#[test]
fn git_reports_a_true_conflict_and_the_file_keeps_both_versions_and_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    repository(dir);
    let labels: Vec<_> = sample().schema.span_labels.iter().map(|l| l.id).collect();
    commit_on(dir, "ana", |p| p.documents[0].spans[0].label = labels[3]);
    commit_on(dir, "ben", |p| p.documents[0].spans[0].label = labels[4]);
    let merge = git(dir, &["merge", "-q", "--no-edit", "ana"]);
    assert!(!merge.status.success(), "git stops for the conflict");
    assert!(text(&merge).contains("was changed in both versions"), "{}", text(&merge));
    let merged = gloss::store::load(&dir.join("p.ron")).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    let kept: Vec<_> =
        merged.conflicts[0].spans.iter().map(|id| merged.documents[0].span(*id).unwrap().label).collect();
    assert_eq!(kept, [labels[4], labels[3]], "this branch's version, then the other's");
}

#[test]
fn work_that_names_no_annotator_is_given_a_name_and_the_report_says_whose() {
    let dir = tempfile::tempdir().unwrap();
    gloss::store::save(&sample(), &dir.path().join("key.ron")).unwrap();
    // brat files from another tool name no annotator (Gloss's own have `Annotator` lines, taken out here): their
    // highlights and tags arrive unsigned.
    let export = gloss(&["export", "key.ron", "--format", "brat", "--out", "cleo"], dir.path());
    assert!(export.status.success(), "{}", text(&export));
    for entry in std::fs::read_dir(dir.path().join("cleo")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ann") {
            let ann = std::fs::read_to_string(&path).unwrap();
            let kept: String = ann.lines().filter(|l| !l.contains("\tAnnotator ")).map(|l| format!("{l}\n")).collect();
            std::fs::write(&path, kept).unwrap();
        }
    }
    let import = gloss(&["import", "cleo", "--into", "key.ron"], dir.path());
    assert!(import.status.success(), "{}", text(&import));
    assert!(text(&import).contains("name no annotator; they are \"cleo\"'s"), "{}", text(&import));
    let key = gloss::store::load(&dir.path().join("key.ron")).unwrap();
    assert_eq!(key.annotators(), ["Gloss sample", "cleo"], "taken from the folder's name, beside the key's own");
    // The same again adds nothing, says so, and leaves the file as it is.
    let before = std::fs::read(dir.path().join("key.ron")).unwrap();
    let again = gloss(&["import", "cleo", "--into", "key.ron"], dir.path());
    assert!(again.status.success(), "{}", text(&again));
    assert!(text(&again).contains("nothing new"), "{}", text(&again));
    assert_eq!(std::fs::read(dir.path().join("key.ron")).unwrap(), before);
    // Named by the user instead.
    gloss::store::save(&sample(), &dir.path().join("key2.ron")).unwrap();
    let named = gloss(&["import", "cleo", "--into", "key2.ron", "--annotator", "Cleo"], dir.path());
    assert!(named.status.success(), "{}", text(&named));
    assert!(text(&named).contains("added for \"Cleo\""), "{}", text(&named));
}
