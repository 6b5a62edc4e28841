//! The `gloss` binary: every subcommand, and bad input that must end in one line and exit code 1 with no file
//! changed.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

#[path = "support/binary.rs"]
mod binary;

use binary::gloss_in;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn gloss(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss")).args(args).current_dir(dir).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles").join(name)
}

fn article() -> String {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_664d484072cc87fe.txt");
    let path = if seed.exists() {
        seed
    } else {
        println!("../shared is not present; using a fixture");
        fixture("says.txt")
    };
    path.display().to_string()
}

/// Exit code 1, exactly one line on stderr, nothing on stdout.
fn assert_user_error(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(1), "stderr: {}", stderr(output));
    let err = stderr(output);
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.starts_with("gloss: "), "{err}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"));
    err
}

#[test]
fn import_creates_then_appends_and_stats_and_validate_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let seed = article();
    let out = gloss(&["import", &seed, "--into", "p.ron"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("comment(s)"), "{text}");
    assert!(text.contains("p.ron: 1 document(s), 1 new"), "{text}");

    let wrote = fixture("wrote.txt").display().to_string();
    let out = gloss(&["import", &wrote, "--into", "p.ron"], dir.path());
    assert!(out.status.success());
    assert!(stdout(&out).contains("p.ron: 2 document(s), 1 new"));

    let out = gloss(&["validate", "p.ron"], dir.path());
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("p.ron: valid"));

    let out = gloss(&["stats", "p.ron", "--json"], dir.path());
    assert!(out.status.success());
    let stats: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(stats["documents"], 2);
    assert_eq!(stats["spans"], 0);
    assert_eq!(stats["spans_per_label"]["Claim"], 0);
    assert_eq!(stats["sentiments"]["untagged"], stats["comments"]);

    let out = gloss(&["stats", "p.ron"], dir.path());
    assert!(stdout(&out).contains("spans per label"));
}

#[test]
fn extract_json_has_the_agreed_shape() {
    let dir = tempfile::tempdir().unwrap();
    let out = gloss(&["extract", &article(), "--json"], dir.path());
    assert!(out.status.success());
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    for key in ["title", "metadata", "body", "comments", "warnings"] {
        assert!(value.get(key).is_some(), "{key} missing");
    }
    let comment = &value["comments"][0];
    for key in ["number", "author", "date", "text"] {
        assert!(comment.get(key).is_some(), "comment {key} missing");
    }
    assert!(value["metadata"].is_object());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "extract writes nothing");
}

#[test]
fn bad_articles_fail_cleanly_and_leave_the_project_alone() {
    let dir = tempfile::tempdir().unwrap();
    let seed = article();
    assert!(gloss(&["import", &seed, "--into", "p.ron"], dir.path()).status.success());
    let before = std::fs::read(dir.path().join("p.ron")).unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::write(dir.path().join("binary.txt"), b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap();
    for (file, expected) in [("empty.txt", "empty"), ("binary.txt", "binary"), ("missing.txt", "there is no such file")]
    {
        let out = gloss(&["import", file, "--into", "p.ron"], dir.path());
        let err = assert_user_error(&out);
        assert!(err.contains(expected), "{file}: {err}");
        assert_eq!(std::fs::read(dir.path().join("p.ron")).unwrap(), before, "{file} changed the project");
        let out = gloss(&["extract", file, "--json"], dir.path());
        assert_user_error(&out);
    }
}

#[test]
fn bad_projects_fail_cleanly_and_stay_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron")).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.ron", Vec::new(), "empty"),
        ("binary.ron", b"\x00\x01\x02garbage".to_vec(), "binary"),
        ("utf8.ron", b"(format_version: 3, name: \"\xff\")".to_vec(), "utf8.ron:1:28: "),
        ("truncated.ron", sample.as_bytes()[..sample.len() / 3].to_vec(), "truncated.ron:"),
        (
            "future.ron",
            sample
                .replace(&format!("format_version: {}", gloss::store::CURRENT_VERSION), "format_version: 9")
                .into_bytes(),
            "format version 9",
        ),
    ];
    let seed = article();
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        for args in [
            vec!["validate", name],
            vec!["stats", name],
            vec!["stats", name, "--json"],
            vec!["import", seed.as_str(), "--into", name],
        ] {
            let err = assert_user_error(&gloss(&args, dir.path()));
            assert!(err.contains(expected), "{args:?}: {err}");
            assert_eq!(std::fs::read(&path).unwrap(), bytes, "{args:?} changed {name}");
        }
        assert!(!store_backup(&path).exists());
    }
}

fn store_backup(path: &Path) -> PathBuf {
    gloss::store::backup_path(path)
}

#[test]
fn usage_errors_are_one_line_and_help_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert_user_error(&gloss(&["--no-such-flag"], dir.path()));
    assert_user_error(&gloss(&["import", "a.txt"], dir.path()));
    assert_user_error(&gloss(&["validate", "nothing-here.ron"], dir.path()));
    let help = gloss(&["--help"], dir.path());
    assert!(help.status.success());
    assert!(stdout(&help).contains("import"));
}

#[test]
fn a_folder_imports_with_a_line_per_file_and_bad_files_do_not_stop_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("inbox");
    std::fs::create_dir(&folder).unwrap();
    for name in ["wp_comments.html", "bridge.md", "ferry.json", "says.txt"] {
        std::fs::copy(fixture(name), folder.join(name)).unwrap();
    }
    std::fs::write(folder.join("broken.json"), "{ nope").unwrap();
    std::fs::write(folder.join("notes.pdf"), b"%PDF-1.4").unwrap();
    let out = gloss(&["import", "inbox", "--into", "p.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1), "one file failed");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("broken.json") && err.contains("line 1"), "{err}");
    let text = stdout(&out);
    assert!(text.contains("p.ron: 5 document(s), 5 new"), "{text}");
    assert!(!text.contains("notes.pdf"), "files that are not articles are skipped");
    let project = gloss::store::load(&dir.path().join("p.ron")).unwrap();
    let titles: Vec<&str> = project.documents.iter().map(|d| d.title.as_str()).collect();
    assert!(titles.contains(&"Ferry Fares Frozen") && titles.contains(&"Second Article"), "{titles:?}");
}

#[test]
fn a_csv_of_comments_attaches_to_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixture("pipe.txt").display().to_string();
    let csv = fixture("stadium_comments.csv").display().to_string();
    assert!(gloss(&["import", &article, "--into", "p.ron"], dir.path()).status.success());
    let out = gloss(&["import", &csv, "--into", "p.ron", "--attach-to", "1"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("4 comment(s) attached to document 1"));
    let project = gloss::store::load(&dir.path().join("p.ron")).unwrap();
    assert_eq!(project.documents.len(), 1, "the comments-only document is gone");
    assert_eq!(project.documents[0].comments.len(), 3 + 4);
    assert!(project.problems().is_empty());
    let wrong = gloss(&["import", &csv, "--into", "p.ron", "--attach-to", "9"], dir.path());
    assert!(assert_user_error(&wrong).contains("has 1 document(s)"));
}

#[test]
fn extract_prints_an_array_for_a_file_of_several_articles() {
    let dir = tempfile::tempdir().unwrap();
    let out = gloss(&["extract", &fixture("ferry.jsonl").display().to_string(), "--json"], dir.path());
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(value.as_array().map(Vec::len), Some(2));
    let out = gloss(&["extract", &fixture("wp_comments.html").display().to_string(), "--json"], dir.path());
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(value["comments"].as_array().map(Vec::len), Some(3));
    assert_eq!(value["comments"][1]["parent"], 0);
}

#[test]
fn export_writes_every_format_and_refuses_bad_requests_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron");
    let sample = sample.display().to_string();
    for (format, expected) in [
        ("csv", "out-csv/spans.csv"),
        ("doccano", "out-doccano.jsonl"),
        ("w3c", "out-w3c.jsonld"),
        ("brat", "out-brat/annotation.conf"),
        ("labelstudio", "out-labelstudio.json"),
        ("labelstudio-utf16", "out-labelstudio-utf16.json"),
        ("xmi", "out-xmi/TypeSystem.xml"),
        ("webanno-tsv", "out-webanno-tsv/gloss-documents.json"),
        ("html", "out-html.html"),
    ] {
        let out = format!("out-{format}");
        let output = gloss(&["export", &sample, "--format", format, "--out", &out], dir.path());
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        assert!(dir.path().join(expected).is_file(), "{format} wrote {expected}");
        assert!(stdout(&output).contains("1 document(s), 7 highlight(s), 5 comment(s)"), "{}", stdout(&output));
    }
    let output = gloss(&["export", &sample, "--format", "xlsx", "--out", "x"], dir.path());
    assert!(
        assert_user_error(&output)
            .contains("csv, doccano, w3c, brat, labelstudio, labelstudio-utf16, xmi, webanno-tsv, html")
    );
    let output = gloss(&["export", &sample, "--format", "w3c", "--out", "x", "--document", "2"], dir.path());
    assert!(assert_user_error(&output).contains("has 1 document(s)"));
    std::fs::write(dir.path().join("taken"), "keep").unwrap();
    let output = gloss(&["export", &sample, "--format", "brat", "--out", "taken"], dir.path());
    assert!(assert_user_error(&output).contains("is a file"));
    assert_eq!(std::fs::read_to_string(dir.path().join("taken")).unwrap(), "keep");
}

#[test]
fn an_exported_dataset_imports_back_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron").display().to_string();
    for (format, out) in [("brat", "brat"), ("csv", "csv"), ("doccano", "data.jsonl")] {
        let output = gloss(&["export", &sample, "--format", format, "--out", out], dir.path());
        assert!(output.status.success(), "{}", stderr(&output));
        let project = format!("{format}.ron");
        let output = gloss(&["import", out, "--into", &project], dir.path());
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        assert!(stdout(&output).contains("1 document(s), 1 new"), "{format}: {}", stdout(&output));
        let stats = stdout(&gloss(&["stats", &project, "--json"], dir.path()));
        let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
        assert_eq!(stats["spans"], 7, "{format}");
        assert_eq!(stats["comments_tagged"], 5, "{format}");
    }
    // W3C annotations join the documents of a project that has the texts.
    let bare = dir.path().join("bare.ron");
    let mut project = gloss::store::load(Path::new(&sample)).unwrap();
    project.documents[0].spans.clear();
    gloss::store::save(&project, &bare).unwrap();
    gloss(&["export", &sample, "--format", "w3c", "--out", "notes.jsonld"], dir.path());
    let output = gloss(&["import", "notes.jsonld", "--into", "bare.ron"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(gloss::store::load(&bare).unwrap().documents[0].spans.len(), 7);
}

#[test]
fn stats_count_verdicts_annotators_and_documents() {
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron").display().to_string();
    let stats: serde_json::Value =
        serde_json::from_str(&stdout(&gloss(&["stats", &sample, "--json"], dir.path()))).unwrap();
    assert_eq!(stats["verdicts"]["Accurate"], 1);
    assert_eq!(stats["check_worthy"], 2);
    assert_eq!(stats["spans_per_annotator"]["Gloss sample"], 7);
    assert_eq!(stats["spans_per_document"][0]["spans"], 7);
    assert_eq!(stats["sentiment_percent_of_tagged"]["Negative"], 40);
    let table = stdout(&gloss(&["stats", &sample], dir.path()));
    assert!(
        table.contains("spans per annotator") && table.contains("Gloss sample                  7  100 %"),
        "{table}"
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::io::Read as _;
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("long.txt");
    let paragraphs: Vec<String> = (0..20_000).map(|i| format!("Paragraph {i} of a long article.")).collect();
    std::fs::write(&article, format!("A long article\n\n{}\n", paragraphs.join("\n\n"))).unwrap();
    // As `gloss extract long.txt --json | head -c 10` does: read a little, then close the pipe.
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["extract", &article.display().to_string(), "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0_u8; 10];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(&head[..1], b"{");
    assert_eq!(output.status.code(), Some(141), "the status of a program stopped by a closed pipe");
    assert!(output.stderr.is_empty(), "no message: {}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn a_brat_file_whose_offsets_pass_the_end_of_its_text_imports_with_a_warning_per_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.txt"), "Short text.").unwrap();
    std::fs::write(
        dir.path().join("doc.ann"),
        "T1\tClaim 0 5\tShort\nT2\tClaim 3 99\tpast\nT3\tClaim 8 2\treversed\nT4\tClaim -1 3\tnegative\nT1\tClaim 1 2\tagain\nT5\tOdd_label\u{1F600} 6 10\ttext\n",
    )
    .unwrap();
    let output = gloss(&["import", "doc.txt", "--into", "p.ron"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        "doc.ann line 2: T2 reaches past the end of the text",
        "doc.ann line 3: T3 has a fragment 8 2",
        "doc.ann line 4: cannot read",
        "doc.ann line 5: T1 is defined a second time",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    let output = gloss(&["validate", "p.ron"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("2 span(s)"), "{}", stdout(&output));
}

/// A project with two unsaved edits in its journal, as a `gloss edit` that was killed leaves it.
fn project_with_unsaved_edits(dir: &Path) -> Output {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron");
    std::fs::copy(sample, dir.join("p.ron")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["edit", "p.ron"])
        .current_dir(dir)
        .env("GLOSS_DATA_DIR", dir.join("data"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut answers = std::io::BufReader::new(child.stdout.take().unwrap());
    for line in [
        r#"{"CreateSpan":{"doc":10,"draft":{"target":"Body","ranges":[[0,7]],"label":1,"at":"2026-12-01T10:00:00Z"}}}"#,
        r#"{"SetText":{"field":"ProjectName","value":"Renamed","at":null}}"#,
    ] {
        use std::io::{BufRead as _, Write as _};
        writeln!(input, "{line}").unwrap();
        let mut answer = String::new();
        answers.read_line(&mut answer).unwrap();
        assert!(answer.starts_with("ok "), "{answer}");
    }
    child.kill().unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn unsaved_edits_in_a_journal_are_told_and_recovered_or_thrown_away() {
    let dir = tempfile::tempdir().unwrap();
    project_with_unsaved_edits(dir.path());
    let saved = std::fs::read(dir.path().join("p.ron")).unwrap();
    // validate and stats read the file as saved, and say what waits in the journal.
    for args in [&["validate", "p.ron"][..], &["stats", "p.ron"], &["stats", "p.ron", "--json"]] {
        let output = gloss_in(args, dir.path());
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stderr(&output).contains("p.ron has 2 unsaved edits from"), "{args:?}: {}", stderr(&output));
    }
    let json = gloss_in(&["stats", "p.ron", "--json"], dir.path());
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&json.stdout).unwrap()["spans"], 7, "stdout stays JSON");
    // Nothing else writes over them.
    let output = gloss_in(&["import", &fixture("says.txt").display().to_string(), "--into", "p.ron"], dir.path());
    assert!(assert_user_error(&output).contains("gloss recover p.ron"));
    assert_eq!(std::fs::read(dir.path().join("p.ron")).unwrap(), saved);
    // recover brings them back and saves.
    let output = gloss_in(&["recover", "p.ron"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("2 unsaved edits") && text.contains("Add highlight") && text.contains("Rename project"),
        "{text}"
    );
    let project = gloss::store::load(&dir.path().join("p.ron")).unwrap();
    assert_eq!((project.name.as_str(), project.documents[0].spans.len()), ("Renamed", 8));
    assert!(!dir.path().join(".p.ron.journal").exists());
    assert!(stdout(&gloss_in(&["recover", "p.ron"], dir.path())).contains("no unsaved edits"));

    // Or thrown away.
    let dir = tempfile::tempdir().unwrap();
    project_with_unsaved_edits(dir.path());
    let saved = std::fs::read(dir.path().join("p.ron")).unwrap();
    let output = gloss_in(&["recover", "p.ron", "--discard"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read(dir.path().join("p.ron")).unwrap(), saved);
    assert!(stderr(&gloss_in(&["validate", "p.ron"], dir.path())).is_empty());
}

#[test]
fn edit_answers_every_line_and_saves_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron");
    std::fs::copy(sample, dir.path().join("p.ron")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["edit", "p.ron"])
        .current_dir(dir.path())
        .env("GLOSS_DATA_DIR", dir.path().join("data"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write as _;
        let mut input = child.stdin.take().unwrap();
        let lines = [
            r#"{"CreateSpan":{"doc":10,"draft":{"target":"Body","ranges":[[0,7]],"label":1,"at":"2026-12-01T10:00:00Z"}}}"#,
            r#""undo""#,
            r#""redo""#,
            "# a comment line is skipped",
            r#""fly""#,
            r#"{"RemoveSpan":{"doc":10,"span":999}}"#,
            "not json",
        ];
        writeln!(input, "{}", lines.join("\n")).unwrap();
    }
    let output = child.wait_with_output().unwrap();
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "a failed line makes the exit code 1: {text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ok 1 Add highlight span#"), "{text}");
    assert_eq!(&lines[1..3], ["ok 2 Undo", "ok 3 Redo"]);
    assert!(lines[3].starts_with("failed 5: \"fly\" is not a step"), "{text}");
    assert!(lines[4].starts_with("failed 6: highlight span#999"), "{text}");
    assert!(lines[5].starts_with("failed 7: not JSON"), "{text}");
    assert_eq!(lines[6], "p.ron: saved");
    assert_eq!(gloss::store::load(&dir.path().join("p.ron")).unwrap().documents[0].spans.len(), 8);
}
