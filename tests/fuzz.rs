//! Every reader, fuzzed on stable Rust: real inputs (the fixtures, the sample project, its exports, a journal)
//! mutated as a fuzzer mutates them, a bounded number of times per reader (`GLOSS_FUZZ_ITERATIONS`, 150 unless
//! set; set it high for a long run, and `GLOSS_FUZZ_SEEDS` to a folder of pages, texts and brat pairs to mutate
//! those too, e.g. `../shared/corpus`). No input may panic, and every import must leave a project that opens
//! again.
//! An input that fails is written to `target/fuzz-failures/`; copied into `tests/fixtures/fuzz/READER/` it is
//! run first on every later run, as a regression fixture. `fuzz/` has the same readers as cargo-fuzz targets.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

#[path = "support/mutate.rs"]
mod mutate;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gloss::edit::{Command, Editor, imported};
use gloss::import::{Format, extract_bytes, extract_file};
use gloss::model::Project;
use mutate::{Dice, mutate};

/// The files of one input: most readers read one file, datasets several that belong together.
type Files = Vec<(String, Vec<u8>)>;

/// A reader under test: its inputs, and how one is read and checked (an error is a failed check).
struct Reader {
    name: &'static str,
    seeds: Vec<Files>,
    read: fn(&Path, &Files, &Project) -> Result<(), String>,
}

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn fixture(name: &str) -> Files {
    let path = manifest("tests/fixtures/articles").join(name);
    vec![(name.to_owned(), std::fs::read(path).unwrap())]
}

fn sample() -> Project {
    gloss::store::load(&manifest("projects/sample.ron")).unwrap()
}

/// The files an export of the sample writes, by name.
fn exported(format: gloss::export::Format, name: &str) -> Files {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(name);
    let report =
        gloss::export::export(&sample(), gloss::export::Scope::Project, format, &out, &gloss::export::Control::none())
            .unwrap();
    report
        .files
        .iter()
        .map(|f| (f.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(f).unwrap()))
        .collect()
}

/// Imported articles placed into `project` as an import does; the project must have no problems after.
fn place(project: &Project, articles: Vec<gloss::import::Extracted>) -> Result<(), String> {
    let placement = imported::place(project, articles, jiff::Timestamp::UNIX_EPOCH);
    let mut editor = Editor::new(project.clone(), true);
    for command in placement.commands {
        let _ = editor.apply(command);
    }
    let problems = editor.project().problems();
    if problems.is_empty() { Ok(()) } else { Err(format!("the import leaves a broken project: {problems:?}")) }
}

fn article(format: Format) -> fn(&Path, &Files, &Project) -> Result<(), String> {
    match format {
        Format::Text => |_, files, project| read_article(files, project, Format::Text),
        Format::Html => |_, files, project| read_article(files, project, Format::Html),
        Format::Markdown => |_, files, project| read_article(files, project, Format::Markdown),
        Format::Json => |_, files, project| read_article(files, project, Format::Json),
        Format::Csv => |_, files, project| read_article(files, project, Format::Csv),
    }
}

fn read_article(files: &Files, project: &Project, format: Format) -> Result<(), String> {
    let (name, bytes) = &files[0];
    match extract_bytes(bytes, Path::new(name), format) {
        Ok(articles) => place(project, articles),
        Err(_) => Ok(()),
    }
}

/// A dataset written out as files, imported through its first file as a person would drop it.
fn read_dataset(dir: &Path, files: &Files, project: &Project) -> Result<(), String> {
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let (entry, _) = &files[0];
    match extract_file(&dir.join(entry)) {
        Ok(articles) => place(project, articles),
        Err(_) => Ok(()),
    }
}

fn read_project(_: &Path, files: &Files, _: &Project) -> Result<(), String> {
    let Ok(project) = gloss::store::from_bytes(&files[0].1, Path::new("fuzz.ron")) else { return Ok(()) };
    // A project that loads is consistent, and saves and loads back the same.
    let text = gloss::store::to_string(&project).map_err(|e| e.to_string())?;
    let again = gloss::store::from_bytes(text.as_bytes(), Path::new("again.ron")).map_err(|e| e.to_string())?;
    if again == project { Ok(()) } else { Err("a loaded project does not save and load back the same".to_owned()) }
}

fn read_labels(dir: &Path, files: &Files, project: &Project) -> Result<(), String> {
    let path = dir.join("labels.gloss-labels.ron");
    std::fs::write(&path, &files[0].1).unwrap();
    let Ok(schema) = gloss::store::load_schema(&path) else { return Ok(()) };
    let adopted = gloss::edit::schema::adopt(project, schema);
    let mut editor = Editor::new(project.clone(), true);
    let _ = editor.apply(Command::SetSchema { schema: Box::new(adopted.schema) });
    let problems = editor.project().problems();
    if problems.is_empty() { Ok(()) } else { Err(format!("the labels leave a broken project: {problems:?}")) }
}

/// A journal beside the sample project, opened as a window opens it, and recovered.
fn read_journal(dir: &Path, files: &Files, _: &Project) -> Result<(), String> {
    let path = dir.join("p.ron");
    std::fs::copy(manifest("projects/sample.ron"), &path).unwrap();
    std::fs::write(dir.join(".p.ron.journal"), &files[0].1).unwrap();
    let data = dir.join("data");
    match gloss::session::open(&path, Some(&data)) {
        Ok(gloss::session::Opening::Recover(recovery)) => {
            let (session, _) = recovery.recover().map_err(|e| e.to_string())?;
            let problems = session.project().problems();
            if problems.is_empty() {
                Ok(())
            } else {
                Err(format!("the recovery leaves a broken project: {problems:?}"))
            }
        }
        _ => Ok(()),
    }
}

/// A journal whose frames are built whole from lines of JSON (the header, then a record a line), so that mutations
/// of the records themselves reach the replay instead of failing the checksum.
fn read_journal_records(dir: &Path, files: &Files, project: &Project) -> Result<(), String> {
    let mut bytes = gloss::session::journal::MAGIC.to_vec();
    for line in files[0].1.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        bytes.extend_from_slice(&u32::try_from(line.len()).unwrap_or(u32::MAX).to_le_bytes());
        bytes.extend_from_slice(&crc32fast::hash(line).to_le_bytes());
        bytes.extend_from_slice(line);
    }
    read_journal(dir, &vec![("journal".to_owned(), bytes)], project)
}

/// The seed journal as lines of JSON: its header, then its records.
fn journal_lines(journal: &Files) -> Files {
    let contents = gloss::session::journal::read(&journal[0].1);
    let mut lines = serde_json::to_vec(&contents.header.unwrap()).unwrap();
    for record in &contents.records {
        lines.push(b'\n');
        lines.extend(serde_json::to_vec(record).unwrap());
    }
    vec![("journal.jsonl".to_owned(), lines)]
}

/// A journal of seven edits to the sample project, as a window that stopped leaves it.
fn journal_seed() -> Files {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    std::fs::copy(manifest("projects/sample.ron"), &path).unwrap();
    let gloss::session::Opening::Ready(mut session) = gloss::session::open(&path, None).unwrap() else { panic!() };
    let doc = session.project().documents[0].id;
    let label = session.project().schema.span_labels[0].id;
    for (start, end) in [(4, 16), (20, 30), (40, 44)] {
        let draft = gloss::edit::SpanDraft {
            target: gloss::model::Target::Body,
            ranges: vec![(start, end)],
            label,
            at: jiff::Timestamp::UNIX_EPOCH,
        };
        session.apply(Command::CreateSpan { doc, draft }).unwrap();
    }
    let comment = session.project().documents[0].comments[0].id;
    session.apply(Command::SetSentiment { doc, comment, annotator: None, sentiment: None }).unwrap();
    session.undo().unwrap();
    session.redo().unwrap();
    let field = gloss::edit::TextField::ProjectName;
    session.apply(Command::SetText { field, value: "renamed".to_owned(), at: None }).unwrap();
    let journal = session.journal_path().unwrap().to_owned();
    session.abandon();
    vec![("journal".to_owned(), std::fs::read(journal).unwrap())]
}

fn labels_seed() -> Files {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("labels.gloss-labels.ron");
    gloss::store::save_schema(&sample().schema, &path).unwrap();
    vec![("labels.gloss-labels.ron".to_owned(), std::fs::read(path).unwrap())]
}

/// More seeds from the folder `GLOSS_FUZZ_SEEDS` names, by kind: pages, plain texts, brat pairs.
fn extra_seeds() -> (Vec<Files>, Vec<Files>, Vec<Files>) {
    let (mut html, mut text, mut brat) = (Vec::new(), Vec::new(), Vec::new());
    let Some(root) = std::env::var_os("GLOSS_FUZZ_SEEDS") else { return (html, text, brat) };
    let mut folders = vec![PathBuf::from(root)];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for path in entries.flatten().map(|e| e.path()) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let read = |p: &Path| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap());
            match path.extension().and_then(|e| e.to_str()) {
                _ if path.is_dir() => folders.push(path),
                Some("html" | "htm") => html.push(vec![read(&path)]),
                Some("txt") if path.with_extension("ann").is_file() => {
                    brat.push(vec![read(&path), read(&path.with_extension("ann"))]);
                }
                Some("txt") if !name.starts_with('.') => text.push(vec![read(&path)]),
                _ => {}
            }
        }
    }
    (html, text, brat)
}

fn readers() -> Vec<Reader> {
    use gloss::export::Format as Out;
    let files = |names: &[&str]| names.iter().map(|n| fixture(n)).collect::<Vec<_>>();
    let ron = |path: &str| vec![("p.ron".to_owned(), std::fs::read(manifest(path)).unwrap())];
    let (more_html, more_text, more_brat) = extra_seeds();
    let with = |mut seeds: Vec<Files>, more: Vec<Files>| {
        seeds.extend(more);
        seeds
    };
    vec![
        Reader {
            name: "text",
            seeds: with(files(&["says.txt", "pipe_crlf.txt", "many_scripts.txt", "wrote.txt"]), more_text),
            read: article(Format::Text),
        },
        Reader {
            name: "html",
            seeds: with(
                files(&[
                    "wp_comments.html",
                    "drupal_comments.html",
                    "disqus_inline.html",
                    "rtl_arabic.html",
                    "latin1.html",
                    "says_list.html",
                ]),
                more_html,
            ),
            read: article(Format::Html),
        },
        Reader { name: "markdown", seeds: files(&["bridge.md"]), read: article(Format::Markdown) },
        Reader { name: "json", seeds: files(&["ferry.json", "ferry.jsonl"]), read: article(Format::Json) },
        Reader { name: "csv", seeds: files(&["stadium_comments.csv"]), read: article(Format::Csv) },
        Reader {
            name: "gloss-csv",
            seeds: vec![order(exported(Out::Csv, "csv"), "documents.csv")],
            read: read_dataset,
        },
        Reader {
            name: "doccano",
            seeds: vec![order(exported(Out::Doccano, "data.jsonl"), "data.jsonl")],
            read: read_dataset,
        },
        Reader {
            name: "brat",
            seeds: with(vec![brat_pair(exported(Out::Brat, "brat"))], more_brat),
            read: read_dataset,
        },
        Reader { name: "w3c", seeds: vec![exported(Out::W3c, "notes.jsonld")], read: read_dataset },
        Reader {
            name: "labelstudio",
            seeds: vec![
                order(exported(Out::LabelStudio, "tasks.json"), "tasks.json"),
                order(exported(Out::LabelStudioUtf16, "old.json"), "old.json"),
            ],
            read: read_dataset,
        },
        Reader { name: "xmi", seeds: vec![ending(exported(Out::Xmi, "xmi"), ".xmi")], read: read_dataset },
        Reader {
            name: "webanno-tsv",
            seeds: vec![ending(exported(Out::WebAnnoTsv, "tsv"), ".tsv")],
            read: read_dataset,
        },
        Reader {
            name: "project",
            seeds: vec![
                ron("projects/sample.ron"),
                ron("tests/fixtures/format/v1.ron"),
                ron("tests/fixtures/format/v2.ron"),
                ron("tests/fixtures/format/v3.ron"),
                ron("tests/fixtures/teams.ron"),
            ],
            read: read_project,
        },
        Reader { name: "labels", seeds: vec![labels_seed()], read: read_labels },
        Reader { name: "journal", seeds: vec![journal_seed()], read: read_journal },
        Reader { name: "journal-records", seeds: vec![journal_lines(&journal_seed())], read: read_journal_records },
    ]
}

/// `files` with the first whose name ends with `suffix` first: the file an import is given.
fn ending(mut files: Files, suffix: &str) -> Files {
    files.sort_by_key(|(name, _)| !name.ends_with(suffix));
    files
}

/// `files` with `first` first: the file an import is given.
fn order(mut files: Files, first: &str) -> Files {
    files.sort_by_key(|(name, _)| name != first);
    files
}

/// A brat document's `.txt` with its `.ann` (and the configuration beside them).
fn brat_pair(files: Files) -> Files {
    let mut files: Files = files.into_iter().filter(|(n, _)| !n.ends_with(".conf")).collect();
    files.sort_by_key(|(name, _)| !name.ends_with(".txt"));
    files
}

fn iterations() -> usize {
    std::env::var("GLOSS_FUZZ_ITERATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(150)
}

/// Reads `files` with `reader`, catching a panic; the failure, if any.
fn attempt(reader: &Reader, files: &Files, project: &Project) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    match catch_unwind(AssertUnwindSafe(|| (reader.read)(dir.path(), files, project))) {
        Ok(Ok(())) => None,
        Ok(Err(failed)) => Some(failed),
        Err(panic) => Some(format!(
            "panic: {}",
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default()
        )),
    }
}

/// The inputs of earlier failures, kept as fixtures: `tests/fixtures/fuzz/READER/NAME`, each the file that was
/// mutated (the other files of a dataset are the seed's).
fn regressions(reader: &Reader) -> Vec<Files> {
    let dir = manifest("tests/fixtures/fuzz").join(reader.name);
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    found.sort();
    found
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            // NAME is `FILE~ANYTHING`: which file of the seed it replaces.
            let file = name.split('~').next().unwrap_or_default().to_owned();
            let mut files = reader.seeds[0].clone();
            match files.iter_mut().find(|(n, _)| *n == file) {
                Some(slot) => slot.1 = bytes,
                None => files[0].1 = bytes,
            }
            files
        })
        .collect()
}

#[test]
fn no_input_makes_a_reader_panic_or_break_a_project() {
    let project = sample();
    let failures_dir = manifest("target/fuzz-failures");
    let mut failures = Vec::new();
    let mut dice = Dice(0x5eed);
    for reader in readers() {
        let started = Instant::now();
        let mut slowest = (Duration::ZERO, 0);
        for files in regressions(&reader) {
            if let Some(failed) = attempt(&reader, &files, &project) {
                failures.push(format!("{} regression fixture: {failed}", reader.name));
            }
        }
        let all: Vec<&[u8]> = reader.seeds.iter().flat_map(|s| s.iter().map(|(_, b)| b.as_slice())).collect();
        for i in 0..iterations() {
            let mut files = reader.seeds[dice.below(reader.seeds.len())].clone();
            let which = dice.below(files.len());
            files[which].1 = mutate(&files[which].1, &all, &mut dice);
            let one = Instant::now();
            let failed = attempt(&reader, &files, &project);
            slowest = slowest.max((one.elapsed(), i));
            if let Some(failed) = failed {
                std::fs::create_dir_all(&failures_dir).unwrap();
                let kept = failures_dir.join(format!("{}-{}~{i}", reader.name, files[which].0));
                std::fs::write(&kept, &files[which].1).unwrap();
                failures.push(format!("{}: {failed} (input kept as {})", reader.name, kept.display()));
            }
        }
        println!(
            "{:<10} {} inputs in {:.1} s; slowest {:.0} ms (input {})",
            reader.name,
            iterations(),
            started.elapsed().as_secs_f64(),
            slowest.0.as_secs_f64() * 1000.0,
            slowest.1
        );
    }
    assert!(failures.is_empty(), "{} failure(s):\n{}", failures.len(), failures.join("\n"));
}
