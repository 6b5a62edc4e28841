//! `gloss export` never writes over the project it exports, another project, or a file or folder that is not an
//! earlier export of the same format, unless told to with `--force`; paths are judged by where they really lead.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::Path;
use std::process::{Command, Output};

fn gloss(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss")).args(args).current_dir(dir).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The sample project copied into `dir` as `p.ron`.
fn project_in(dir: &Path) -> Vec<u8> {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron");
    std::fs::copy(sample, dir.join("p.ron")).unwrap();
    std::fs::read(dir.join("p.ron")).unwrap()
}

/// Refused: exit 1, one line naming why, and `path` byte for byte as it was.
fn assert_refused(output: &Output, why: &str, path: &Path, before: &[u8]) {
    assert_eq!(output.status.code(), Some(1), "{}", stderr(output));
    let message = stderr(output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains(why), "{why:?} in {message}");
    assert_eq!(std::fs::read(path).unwrap(), before, "{} is untouched", path.display());
}

#[test]
fn the_project_itself_is_never_replaced_however_it_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let before = project_in(dir.path());
    let project = dir.path().join("p.ron");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&project, dir.path().join("link.html")).unwrap();
    for format in ["html", "w3c", "doccano", "labelstudio"] {
        for out in ["p.ron", "./p.ron", "sub/../p.ron", "link.html"] {
            if out == "link.html" && cfg!(not(unix)) {
                continue;
            }
            for force in [false, true] {
                let mut args = vec!["export", "p.ron", "--format", format, "--out", out];
                if force {
                    args.push("--force");
                }
                let output = gloss(&args, dir.path());
                assert_refused(&output, "is the project being exported", &project, &before);
            }
        }
    }
    assert!(gloss::store::load(&project).is_ok());
}

#[test]
fn another_project_or_a_file_of_another_kind_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    project_in(dir.path());
    let other = dir.path().join("other.ron");
    std::fs::copy(dir.path().join("p.ron"), &other).unwrap();
    let other_before = std::fs::read(&other).unwrap();
    let output = gloss(&["export", "p.ron", "--format", "w3c", "--out", "other.ron"], dir.path());
    assert_refused(
        &output,
        "other.ron is a Gloss project; nothing was written (choose another name, or pass --force",
        &other,
        &other_before,
    );
    let notes = dir.path().join("notes.html");
    std::fs::write(&notes, "<html><body>my own notes</body></html>").unwrap();
    let output = gloss(&["export", "p.ron", "--format", "html", "--out", "notes.html"], dir.path());
    assert_refused(&output, "is not an earlier html export", &notes, b"<html><body>my own notes</body></html>");
    // Asked for, it is replaced.
    let output = gloss(&["export", "p.ron", "--format", "html", "--out", "notes.html", "--force"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(std::fs::read_to_string(&notes).unwrap().contains("Harbour"));
}

#[test]
fn an_earlier_export_of_the_same_format_is_replaced_and_one_of_another_is_not() {
    let dir = tempfile::tempdir().unwrap();
    project_in(dir.path());
    for (format, out, file) in [
        ("html", "report.html", "report.html"),
        ("w3c", "notes.jsonld", "notes.jsonld"),
        ("doccano", "data.jsonl", "data.jsonl"),
        ("labelstudio", "tasks.json", "tasks.json"),
        ("csv", "csv", "csv/spans.csv"),
        ("brat", "brat", "brat/annotation.conf"),
    ] {
        for round in 0..2 {
            let output = gloss(&["export", "p.ron", "--format", format, "--out", out], dir.path());
            assert!(output.status.success(), "{format}, export {round}: {}", stderr(&output));
        }
        assert!(dir.path().join(file).is_file());
    }
    // A W3C file is not a doccano file: exporting doccano over it asks for --force.
    let w3c = dir.path().join("notes.jsonld");
    let before = std::fs::read(&w3c).unwrap();
    let output = gloss(&["export", "p.ron", "--format", "doccano", "--out", "notes.jsonld"], dir.path());
    assert_refused(&output, "is not an earlier doccano export", &w3c, &before);
}

#[test]
fn a_folder_format_leaves_a_folder_of_other_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    project_in(dir.path());
    let folder = dir.path().join("papers");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("thesis.txt"), "mine").unwrap();
    let output = gloss(&["export", "p.ron", "--format", "csv", "--out", "papers"], dir.path());
    assert_refused(
        &output,
        "is a folder of other files, not an earlier csv export",
        &folder.join("thesis.txt"),
        b"mine",
    );
    assert!(!folder.join("spans.csv").exists(), "nothing was written");
    // A brat text of the same name as a document, in a folder that is not a brat export, is not replaced
    // either, even with the folder allowed by --force only for what is asked.
    let output = gloss(&["export", "p.ron", "--format", "csv", "--out", "papers", "--force"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read(folder.join("thesis.txt")).unwrap(), b"mine", "files it does not write stay");
    // An empty folder is fine.
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let output = gloss(&["export", "p.ron", "--format", "brat", "--out", "empty"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
}
