//! The project file: round trips, determinism, backups, and every kind of bad file.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::{Path, PathBuf};

use gloss::edit::{Command, Editor, SpanDraft};
use gloss::import::extract_file;
use gloss::model::{Project, Target};
use gloss::store::{self, StoreError};

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn project_from(article: &Path) -> Project {
    let mut editor = Editor::new(Project::new("round trip"), false);
    let document = Box::new(extract_file(article).unwrap().remove(0).into_document());
    editor.apply(Command::AddDocument { index: 0, document, fresh_ids: true }).unwrap();
    editor.project().clone()
}

fn seed_or_fixture() -> PathBuf {
    let seed = manifest("../shared/seed/000_664d484072cc87fe.txt");
    if seed.exists() {
        seed
    } else {
        println!("../shared is not present; using a fixture of the same shape");
        manifest("projects/articles/harbour-levy.txt")
    }
}

#[test]
fn import_save_load_gives_the_same_project_and_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let project = project_from(&seed_or_fixture());
    store::save(&project, &path).unwrap();
    let first = std::fs::read(&path).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded, project);
    store::save(&loaded, &path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first, "saving an unchanged project twice gives identical bytes");
    let text = String::from_utf8(first).unwrap();
    assert!(text.lines().nth(1).unwrap().starts_with('('));
    let version_line = format!("format_version: {},", store::CURRENT_VERSION);
    assert!(text.lines().nth(2).unwrap().trim() == version_line, "the version is the first field");
}

#[test]
fn a_small_edit_gives_a_small_diff() {
    let project = project_from(&seed_or_fixture());
    let before = store::to_string(&project).unwrap();
    let doc = project.documents[0].id;
    let label = project.schema.span_labels[1].id;
    let mut editor = Editor::new(project, true);
    editor
        .apply(Command::CreateSpan {
            doc,
            draft: SpanDraft { target: Target::Body, ranges: vec![(10, 30)], label, at: jiff::Timestamp::UNIX_EPOCH },
        })
        .unwrap();
    let after = store::to_string(editor.project()).unwrap();
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let changed = new.iter().filter(|line| !old.contains(line)).count();
    assert!(changed <= 25, "{changed} lines changed for one highlight");
    assert!(new.len() - old.len() <= 25);
}

#[test]
fn saving_keeps_the_previous_file_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut project = Project::new("first");
    store::save(&project, &path).unwrap();
    let first = std::fs::read(&path).unwrap();
    assert!(!store::backup_path(&path).exists());
    project.name = "second".to_owned();
    store::save(&project, &path).unwrap();
    assert_eq!(std::fs::read(store::backup_path(&path)).unwrap(), first);
    assert_eq!(store::load(&path).unwrap().name, "second");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_failed_save_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing-folder").join("p.ron");
    assert!(matches!(store::save(&Project::new("x"), &path), Err(StoreError::Io { .. })));
    assert!(!path.exists());
}

#[test]
fn every_checked_in_format_version_loads() {
    // Every format version keeps a file here; the loader must read each of them for ever.
    assert_eq!(store::OLDEST_VERSION, 1);
    assert_eq!(store::CURRENT_VERSION, 8);
    for version in store::OLDEST_VERSION..=store::CURRENT_VERSION {
        let path = manifest(&format!("tests/fixtures/format/v{version}.ron"));
        let project = store::load(&path).unwrap_or_else(|e| panic!("version {version}: {e}"));
        assert_eq!(project.documents.len(), 1, "version {version}");
        assert_eq!(project.documents[0].comments.len(), 5);
        assert_eq!(project.documents[0].spans.len(), 7);
        let text = std::fs::read_to_string(&path).unwrap();
        let resaved = store::to_string(&project).unwrap();
        if version == store::CURRENT_VERSION {
            assert_eq!(resaved, text, "the current version re-saves byte for byte");
            // Version 3 as written before spans and comments went one per line reads the same.
            let expanded = store::load(&manifest("tests/fixtures/format/v3-one-field-per-line.ron")).unwrap();
            assert_eq!(expanded, project);
        } else {
            assert!(resaved.contains(&format!("format_version: {},", store::CURRENT_VERSION)));
        }
    }
}

#[test]
fn old_versions_upgrade_to_the_same_project_as_their_current_copy() {
    // The checked-in files hold the same sample project; every change since version 1 only added fields.
    let current = store::load(&manifest(&format!("tests/fixtures/format/v{}.ron", store::CURRENT_VERSION))).unwrap();
    for version in store::OLDEST_VERSION..store::CURRENT_VERSION {
        let old = store::load(&manifest(&format!("tests/fixtures/format/v{version}.ron"))).unwrap();
        assert_eq!(old, current, "version {version}");
    }
    assert_eq!(current.documents[0].metadata.direction, None);
    assert!(current.schema.dimensions.is_empty());
}

fn load_text(text: &[u8]) -> StoreError {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, text).unwrap();
    let error = store::load(&path).unwrap_err();
    assert_eq!(std::fs::read(&path).unwrap(), text, "a failed load changes nothing on disk");
    error
}

#[test]
fn bad_files_get_clear_messages() {
    assert!(load_text(b"").to_string().contains("the file is empty"));
    assert!(load_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00").to_string().contains("binary file"));
    let error = load_text(b"(\n  format_version: 1,\n  name: \"caf\xe9\"").to_string();
    assert!(error.ends_with("bad.ron:3:13: the file is not valid UTF-8 text"), "{error}");

    let sample = std::fs::read_to_string(manifest("projects/sample.ron")).unwrap();
    let truncated = &sample[..sample.len() / 2];
    let error = load_text(truncated.as_bytes());
    let StoreError::Syntax { line, column, .. } = &error else { panic!("{error}") };
    assert!(*line > 10 && *column >= 1, "{error}");
    assert!(error.to_string().contains(&format!("bad.ron:{line}:{column}: ")));

    let (now, next) = (store::CURRENT_VERSION, store::CURRENT_VERSION + 1);
    let newer = sample
        .replace(&format!("format_version: {now},"), &format!("format_version: {next},\n    future: Some(true),"));
    let error = load_text(newer.as_bytes()).to_string();
    assert!(error.contains(&format!("newer Gloss (project format version {next})")), "{error}");
    assert!(error.contains(&format!("up to {now}")), "{error}");

    let typo = sample.replace("annotator: \"Gloss sample\"", "anotator: \"Gloss sample\"");
    let error = load_text(typo.as_bytes()).to_string();
    assert!(error.contains("bad.ron:5:") && error.contains("anotator"), "{error}");

    let error = load_text(b"(name: \"no version\")").to_string();
    assert!(error.contains("no format_version"), "{error}");

    let dangling = sample.replace("label: 1,", "label: 999,");
    let error = load_text(dangling.as_bytes()).to_string();
    assert!(error.contains("refers to label 999"), "{error}");

    let moved = sample.replacen("start: 194,", "start: 195,", 1);
    let error = load_text(moved.as_bytes()).to_string();
    assert!(error.contains("should quote"), "{error}");
}

#[test]
fn a_label_file_round_trips_and_bad_ones_are_refused_with_a_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("labels.ron");
    let mut schema = store::load(&manifest("projects/sample.ron")).unwrap().schema;
    schema.span_labels[0].description = "A checkable statement «with» quotes and Ա😀.".to_owned();
    store::save_schema(&schema, &path).unwrap();
    assert_eq!(store::load_schema(&path).unwrap(), schema);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("// Gloss label schema"), "{text}");

    let newer = text.replace(&format!("format_version: {}", store::CURRENT_VERSION), "format_version: 99");
    std::fs::write(&path, newer).unwrap();
    let error = store::load_schema(&path).unwrap_err().to_string();
    assert!(error.contains("99"), "{error}");
    std::fs::write(&path, text.replace("span_labels", "span_lables")).unwrap();
    let error = store::load_schema(&path).unwrap_err().to_string();
    assert!(error.contains("labels.ron:") && error.contains("span_lables"), "{error}");
    std::fs::write(&path, [0xff, 0xfe, 0x00, 0x01]).unwrap();
    assert!(store::load_schema(&path).is_err());

    // A misspelt field deep in a project is reported too, not silently dropped.
    let project = std::fs::read_to_string(manifest("projects/sample.ron")).unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, project.replacen("check_worthy", "checkworthy", 1)).unwrap();
    let error = store::load(&bad).unwrap_err().to_string();
    assert!(error.contains("bad.ron:") && error.contains("checkworthy"), "{error}");
}

#[test]
fn several_annotators_an_exercise_and_merge_conflicts_round_trip() {
    // Each annotator's comment tags, the exercise and the conflicts a git merge left, as version 4 writes them.
    let path = manifest("tests/fixtures/teams.ron");
    let project = store::load(&path).unwrap();
    let comment = &project.documents[0].comments[0];
    assert_eq!(comment.tagged_by.keys().collect::<Vec<_>>(), ["Ana", "Gloss sample"]);
    assert_ne!(comment.sentiment_of("Ana"), comment.sentiment_of("Gloss sample"));
    assert_eq!(project.exercise.as_ref().unwrap().id, "5f0c2a9e41d7b3c8");
    assert_eq!(project.conflicts.len(), 1);
    assert_eq!(store::to_string(&project).unwrap(), std::fs::read_to_string(&path).unwrap(), "byte for byte");
}

#[test]
fn a_comment_keeps_its_machine_readable_time_through_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        r#"<html><head><title>Levy</title></head><body><article><h1>Levy</h1><p>The council approved the levy on
        Tuesday after a long debate in the harbour hall, which many fishermen attended.</p></article>
        <ol id="comments"><li class="comment" id="comment-1"><cite class="fn">Ammon</cite>
        <time datetime="2017-03-11T20:41:00+00:00">March 11, 2017 at 8:41 PM</time>
        <div class="comment-content"><p>The levy is too high for small boats.</p></div></li>
        <li class="comment" id="comment-2"><cite class="fn">Maren</cite> <span class="date">12.03.2017</span>
        <div class="comment-content"><p>It pays for the breakwater.</p></div></li></ol></body></html>"#,
    )
    .unwrap();
    let project = project_from(&page);
    let path = dir.path().join("p.ron");
    store::save(&project, &path).unwrap();
    let loaded = store::load(&path).unwrap();
    let times: Vec<(Option<&str>, Option<&str>)> =
        loaded.documents[0].comments.iter().map(|c| (c.date.as_deref(), c.timestamp.as_deref())).collect();
    assert_eq!(
        times,
        [(Some("March 11, 2017 at 8:41 PM"), Some("2017-03-11T20:41:00+00:00")), (Some("12.03.2017"), None)]
    );
    assert_eq!(loaded, project);
}
