//! Any bytes as a dataset (the first byte picks the kind: Gloss CSV spans, brat annotations, doccano lines, W3C
//! JSON, Label Studio tasks, UIMA CAS XMI, WebAnno TSV): no panic, and the import leaves a valid project.

#![no_main]

use gloss::import::extract_file;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    let entry = match pick % 7 {
        0 => {
            write("documents.csv", b"document_id,title,body\nd1,A title,The council voted on Tuesday.\n");
            write("spans.csv", bytes);
            "documents.csv"
        }
        1 => {
            write("doc.txt", "The council voted on Tuesday.\n\n#1 reader\nI disagree 😀.".as_bytes());
            write("doc.ann", bytes);
            "doc.txt"
        }
        2 => {
            write("data.jsonl", bytes);
            "data.jsonl"
        }
        3 => {
            write("notes.jsonld", bytes);
            "notes.jsonld"
        }
        4 => {
            write("tasks.json", bytes);
            "tasks.json"
        }
        5 => {
            write("doc.xmi", bytes);
            "doc.xmi"
        }
        _ => {
            write("doc.tsv", bytes);
            "doc.tsv"
        }
    };
    let Ok(articles) = extract_file(&dir.path().join(entry)) else { return };
    common::place_and_check(articles);
});
