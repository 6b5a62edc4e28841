//! Whatever a dataset holds, importing it leaves a project that opens again: random Gloss CSV folders, brat,
//! doccano and W3C files, with rows duplicated, reordered, overlapping, reversed and past the end of their texts,
//! imported into random projects, always give a project with no problems; what could not be used is said.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::{Path, PathBuf};

use gloss::edit::{Editor, imported};
use gloss::model::{Comment, CommentId, DocId, Document, Metadata, Project};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// Words of the texts: Latin, Cyrillic, CJK, an emoji with a joiner, a flag, line breaks.
const WORDS: &[&str] =
    &["levy", "harbour", "said", "Ереван", "議会", "👨‍👩‍👧", "🇦🇲", "2.5%", "\n", "\n\n", "“quote”", "é", "a"];

fn text_of(words: &[usize]) -> String {
    words.iter().map(|&w| WORDS[w % WORDS.len()]).collect::<Vec<_>>().join(" ")
}

prop_compose! {
    fn text()(words in prop::collection::vec(0..WORDS.len(), 1..40)) -> String {
        text_of(&words)
    }
}

prop_compose! {
    /// A project with up to three documents, each with up to three comments.
    fn project()(docs in prop::collection::vec((text(), prop::collection::vec(text(), 0..3)), 0..3)) -> Project {
        let mut project = Project::new("random");
        let mut ids = project.next_id;
        for (body, comments) in docs {
            let id = DocId(ids.fresh());
            let comments = comments
                .into_iter()
                .map(|text| Comment {
                    id: CommentId(ids.fresh()),
                    number: None,
                    author: "reader".to_owned(),
                    date: None,
                    timestamp: None,
                    parent: None,
                    text,
                    tagged_by: Default::default(),
                    note: String::new(),
                    removed: false,
                })
                .collect();
            project.documents.push(Document {
                id,
                title: "doc".to_owned(),
                metadata: Metadata::default(),
                body,
                comments,
                spans: Vec::new(),
                note: String::new(),
                orphans: Vec::new(),
                review: Vec::new(),
            });
        }
        project.next_id = ids;
        project
    }
}

/// Offsets near and past the ends of short texts, and now and then absurd ones.
fn offset() -> impl Strategy<Value = i64> {
    prop_oneof![8 => 0..60_i64, 1 => Just(-1_i64), 1 => Just(i64::from(u32::MAX)), 1 => Just(1_i64 << 53)]
}

/// Label and level names, some odd.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Claim".to_owned()),
        Just("quote".to_owned()),
        Just(" Statistic ".to_owned()),
        Just("Said \"no\", twice".to_owned()),
        Just("新しい".to_owned()),
        Just(String::new()),
        "[a-z\t;,]{1,6}",
    ]
}

/// Quotes a CSV field.
fn field(value: &str) -> String {
    format!("\"{}\"", value.replace('"', "\"\""))
}

/// Imports `paths` into `project` as the command line does, and the project that results.
fn import(project: Project, paths: &[PathBuf]) -> Project {
    let (files, _) = gloss::import::batch::collect(paths);
    let articles: Vec<_> = files.iter().filter_map(|f| gloss::import::extract_file(f).ok()).flatten().collect();
    let placement = imported::place(&project, articles, jiff::Timestamp::UNIX_EPOCH);
    let mut editor = Editor::new(project, true);
    for command in placement.commands {
        // A command the project refuses leaves it as it was; that is fine, a broken project is not.
        let _ = editor.apply(command);
    }
    editor.project().clone()
}

fn assert_valid(project: &Project) -> Result<(), TestCaseError> {
    let problems = project.problems();
    prop_assert!(problems.is_empty(), "{problems:?}");
    // And it saves, which refuses a project with problems.
    let dir = tempfile::tempdir().unwrap();
    prop_assert!(gloss::store::save(project, &dir.path().join("p.ron")).is_ok());
    Ok(())
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

prop_compose! {
    /// A row of spans.csv: document, target, comment, span id, label, start, end.
    fn span_row()(doc in 0..4_usize, comment in prop::option::of(0..4_usize), span in 0..5_usize, label in name(),
                  start in offset(), end in offset()) -> String {
        let target = if comment.is_some() { "comment" } else { "body" };
        let comment = comment.map(|c| format!("c{c}")).unwrap_or_default();
        format!("d{doc},{target},{comment},s{span},{},{start},{end},,,,,,,,", field(&label))
    }
}

proptest! {
    // The cases that failed once are read from, and new ones written to, the file beside this one (proptest's
    // default looks for a `lib.rs` above the test and finds none from `tests/`).
    #![proptest_config(ProptestConfig {
        cases: 160,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("tests/import_valid.proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_gloss_csv_folder_of_any_rows_imports_into_a_valid_project(
        project in project(),
        bodies in prop::collection::vec(text(), 1..3),
        comments in prop::collection::vec((0..3_usize, 0..4_usize, text(), name()), 0..5),
        mut rows in prop::collection::vec(span_row(), 0..12),
        duplicates in prop::collection::vec(0..12_usize, 0..4),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut documents = String::from("document_id,title,body\n");
        for (i, body) in bodies.iter().enumerate() {
            documents.push_str(&format!("d{i},Doc {i},{}\n", field(body)));
        }
        write(dir.path(), "documents.csv", &documents);
        let mut csv = String::from("document_id,comment_id,number,author,date,parent_id,sentiment,text,note\n");
        for (doc, comment, text, sentiment) in &comments {
            csv.push_str(&format!("d{doc},c{comment},,reader,,c0,{},{},\n", field(sentiment), field(text)));
        }
        write(dir.path(), "comments.csv", &csv);
        // Rows given twice, and in another order.
        for &d in &duplicates {
            if let Some(row) = rows.get(d).cloned() {
                rows.push(row);
            }
        }
        rows.reverse();
        let header = "document_id,target,comment_id,span_id,label,start,end,text,speaker,check_worthy,verdict,note,annotator,created,modified";
        write(dir.path(), "spans.csv", &format!("{header}\n{}\n", rows.join("\n")));
        assert_valid(&import(project, &[dir.path().to_owned()]))?;
    }

    #[test]
    fn a_brat_file_of_any_lines_imports_into_a_valid_project(
        project in project(),
        body in text(),
        lines in prop::collection::vec((0..6_u8, 0..5_usize, name(), offset(), offset(), offset(), offset()), 0..14),
    ) {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "doc.txt", &body);
        let ann: Vec<String> = lines
            .iter()
            .map(|(kind, id, label, a, b, c, d)| {
                let label = label.replace([' ', '\t'], "_");
                match kind {
                    0 | 1 => format!("T{id}\t{label} {a} {b}\t?"),
                    2 => format!("T{id}\t{label} {a} {b};{c} {d}\t?"),
                    3 => format!("A{id}\tSentiment T{} {label}", id % 3),
                    4 => format!("#{id}\tAnnotatorNotes T{}\t{label}", id % 3),
                    _ => format!("{label}\t{a}"),
                }
            })
            .collect();
        write(dir.path(), "doc.ann", &ann.join("\n"));
        assert_valid(&import(project, &[dir.path().join("doc.txt")]))?;
    }

    #[test]
    fn a_doccano_file_of_any_lines_imports_into_a_valid_project(
        project in project(),
        lines in prop::collection::vec((text(), prop::collection::vec((offset(), offset(), name()), 0..5), 0..3_u8, 0..4_usize), 1..6),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let lines: Vec<String> = lines
            .iter()
            .map(|(text, spans, kind, comment)| {
                let label: Vec<serde_json::Value> =
                    spans.iter().map(|(s, e, l)| serde_json::json!([s, e, l])).collect();
                let mut line = serde_json::json!({ "text": text, "label": label });
                match kind {
                    0 => {}
                    1 => line["document_id"] = serde_json::json!(comment % 2),
                    _ => {
                        line["document_id"] = serde_json::json!(comment % 2);
                        line["target"] = serde_json::json!("comment");
                        line["comment_id"] = serde_json::json!(comment);
                    }
                }
                line.to_string()
            })
            .collect();
        write(dir.path(), "data.jsonl", &lines.join("\n"));
        assert_valid(&import(project, &[dir.path().join("data.jsonl")]))?;
    }

    #[test]
    fn w3c_annotations_of_any_targets_import_into_a_valid_project(
        project in project(),
        notes in prop::collection::vec((0..4_usize, prop::option::of(0..4_usize), offset(), offset(), text(), name(), any::<bool>()), 0..8),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let docs: Vec<u64> = project.documents.iter().map(|d| d.id.0).chain([999]).collect();
        let comments: Vec<u64> = project.documents.iter().flat_map(|d| d.comments.iter().map(|c| c.id.0)).chain([998]).collect();
        let items: Vec<serde_json::Value> = notes
            .iter()
            .enumerate()
            .map(|(i, (doc, comment, start, end, exact, label, whole))| {
                let mut source = format!("urn:gloss:random:doc:{}", docs[doc % docs.len()]);
                if let Some(c) = comment {
                    source.push_str(&format!(":comment:{}", comments[c % comments.len()]));
                }
                let target = if *whole {
                    serde_json::json!(source)
                } else {
                    serde_json::json!({ "source": source, "selector": [
                        { "type": "TextPositionSelector", "start": start, "end": end },
                        { "type": "TextQuoteSelector", "exact": exact }
                    ]})
                };
                serde_json::json!({
                    "@context": "http://www.w3.org/ns/anno.jsonld",
                    "id": format!("urn:x:{i}"),
                    "type": "Annotation",
                    "body": [{ "type": "TextualBody", "purpose": "tagging", "value": label }],
                    "target": target
                })
            })
            .collect();
        let collection = serde_json::json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "AnnotationCollection",
            "first": { "type": "AnnotationPage", "items": items }
        });
        write(dir.path(), "notes.jsonld", &collection.to_string());
        assert_valid(&import(project, &[dir.path().join("notes.jsonld")]))?;
    }
}

#[test]
fn a_spans_csv_with_a_row_twice_imports_with_a_warning_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "documents.csv", "document_id,title,body\nd1,Levy,The council raised the levy.\n");
    let header = "document_id,target,comment_id,span_id,label,start,end,text";
    let rows = [
        "d1,body,,s1,Claim,4,11,council",
        "d1,body,,s1,Claim,4,11,council",
        "d1,body,,s2,Claim,12,18,raised",
        "d1,body,,s2,Claim,14,22,ised the",
        "d1,body,,s3,Claim,9,3,x",
        "d1,body,,s4,Claim,20,90,x",
    ];
    write(dir.path(), "spans.csv", &format!("{header}\n{}\n", rows.join("\n")));
    let project = Project::new("p");
    let (files, _) = gloss::import::batch::collect(&[dir.path().to_owned()]);
    let articles: Vec<_> = files.iter().flat_map(|f| gloss::import::extract_file(f).unwrap()).collect();
    let placement = imported::place(&project, articles, jiff::Timestamp::UNIX_EPOCH);
    let mut editor = Editor::new(project, true);
    for command in placement.commands {
        editor.apply(command).unwrap();
    }
    assert!(editor.project().problems().is_empty());
    let notes = placement.notes.join("\n");
    for expected in [
        "spans.csv line 3: the Claim part 4..11 of \"Levy\" is given twice; once is kept",
        "spans.csv line 5: the Claim parts 12..18 and 14..22 of \"Levy\" overlap; they were joined",
        "spans.csv line 6: the Claim part 9..3 of \"Levy\" ends before it starts; left out",
        "spans.csv line 7: the Claim part 20..90 of \"Levy\" reaches past the end of the text (28 characters); left out",
    ] {
        assert!(notes.contains(expected), "{expected:?} in\n{notes}");
    }
    let spans = &editor.project().documents[0].spans;
    let quotes: Vec<String> = spans.iter().map(gloss::model::SpanAnnotation::quote).collect();
    assert_eq!(quotes, ["council", "raised the"]);
}
