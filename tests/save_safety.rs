//! What a save keeps: the backup holds the previous *different* content, a failed or refused save changes
//! nothing, and what killed saves left behind is cleaned up by the next save of the same project only.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::Path;
use std::time::{Duration, SystemTime};

use gloss::model::Project;
use gloss::store::{self, StoreError};

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn named(name: &str) -> Project {
    Project::new(name)
}

#[test]
fn saving_the_same_bytes_again_keeps_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&named("first"), &path).unwrap();
    let first = std::fs::read(&path).unwrap();
    let saved = store::save(&named("second"), &path).unwrap();
    assert!(saved.written);
    assert_eq!(std::fs::read(store::backup_path(&path)).unwrap(), first);
    // Saving an unchanged project writes nothing: the backup still holds "first", not a copy of "second".
    let again = store::save(&named("second"), &path).unwrap();
    assert!(!again.written);
    assert_eq!(again.state.fingerprint, saved.state.fingerprint);
    assert_eq!(std::fs::read(store::backup_path(&path)).unwrap(), first);
    assert_eq!(names(dir.path()), ["p.ron", "p.ron.bak"]);
}

#[test]
fn a_refused_save_changes_neither_the_file_nor_its_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&named("first"), &path).unwrap();
    store::save(&named("second"), &path).unwrap();
    let (file, backup) = (std::fs::read(&path).unwrap(), std::fs::read(store::backup_path(&path)).unwrap());
    // A project that contradicts itself (an id the counter could hand out again) is never written.
    let mut broken = named("third");
    broken.next_id = gloss::model::IdAllocator::starting_at(1);
    let error = store::save(&broken, &path).unwrap_err();
    assert!(matches!(error, StoreError::WouldBeInvalid { .. }), "{error}");
    assert!(error.to_string().contains("not saved"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), file);
    assert_eq!(std::fs::read(store::backup_path(&path)).unwrap(), backup);
    assert_eq!(names(dir.path()), ["p.ron", "p.ron.bak"]);
}

#[test]
fn a_backup_that_is_a_hard_link_to_the_project_leaves_no_stray_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&named("first"), &path).unwrap();
    let first = std::fs::read(&path).unwrap();
    // The project and its backup are one file with two names (as a save stopped midway, or a person, leaves).
    std::fs::hard_link(&path, store::backup_path(&path)).unwrap();
    store::save(&named("second"), &path).unwrap();
    assert_eq!(names(dir.path()), ["p.ron", "p.ron.bak"], "no p.ron.bak.new is left behind");
    assert_eq!(std::fs::read(store::backup_path(&path)).unwrap(), first);
    assert_eq!(store::load(&path).unwrap().name, "second");
}

#[test]
fn what_a_save_stopped_midway_left_is_settled_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let staged = dir.path().join("p.ron.bak.new");
    // Stopped after the project was replaced: the staged name holds the previous content and becomes the backup.
    store::save(&named("first"), &path).unwrap();
    std::fs::rename(store::backup_path(&path), &staged).ok();
    std::fs::write(&staged, store::to_string(&named("zero")).unwrap()).unwrap();
    store::save(&named("second"), &path).unwrap();
    assert_eq!(store::load(&store::backup_path(&path)).unwrap().name, "first");
    assert_eq!(names(dir.path()), ["p.ron", "p.ron.bak"]);
    // Stopped before the project was replaced: the staged name is the project itself and simply goes.
    std::fs::hard_link(&path, &staged).unwrap();
    store::save(&named("third"), &path).unwrap();
    assert_eq!(store::load(&store::backup_path(&path)).unwrap().name, "second");
    assert_eq!(names(dir.path()), ["p.ron", "p.ron.bak"]);
}

#[test]
fn temporary_files_of_killed_saves_go_and_nothing_else_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&named("first"), &path).unwrap();
    let old = SystemTime::now() - Duration::from_secs(3600);
    let leftovers = [
        (".p.ron.a1B2c3.tmp", old, false),  // a killed save of this project: removed
        (".p.ron.Zz9Zz9.tmp", old, false),  // another: removed
        (".p.ron.a1B2c3.tmp.x", old, true), // not the pattern
        (".p.ron.a1B2.tmp", old, true),     // too short
        (".p.ron.a1-2c3.tmp", old, true),   // not letters and digits
        (".q.ron.a1B2c3.tmp", old, true),   // another project's
        ("p.ron.a1B2c3.tmp", old, true),    // not hidden
        (".p.ron.newer1.tmp", SystemTime::now() + Duration::from_secs(3600), true), // not older than this process
    ];
    for (name, modified, _) in leftovers {
        let file = std::fs::File::create(dir.path().join(name)).unwrap();
        file.set_modified(modified).unwrap();
    }
    store::save(&named("second"), &path).unwrap();
    for (name, _, kept) in leftovers {
        assert_eq!(dir.path().join(name).exists(), kept, "{name}");
    }
}

#[test]
fn a_save_through_a_symbolic_link_keeps_the_link() {
    #[cfg(unix)]
    {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        store::save(&named("first"), &real).unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        store::save(&named("second"), &link).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(store::load(&real).unwrap().name, "second");
        assert_eq!(store::load(&store::backup_path(&real)).unwrap().name, "first");
    }
}
