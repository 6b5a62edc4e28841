//! Import speed: seed-sized plain-text articles through the whole import (read, decode, take apart, add to a
//! project), one 1 MB HTML page with a comment section, and 10 MB pages of every shape a broken or hostile page
//! takes (nested 300,000 deep, formatting never closed, tables in tables, lists in lists, a flat sea of
//! paragraphs, thousands of comments). Run with `cargo bench --bench import`.
//! Targets: at least 500 seed-sized articles per second, under 50 ms for the 1 MB page, under 2 s for any page of
//! up to 10 MB, whatever its nesting.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs, reason = "a benchmark fails loudly on purpose")]

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::edit::{Command, Editor};
use gloss::import::{Format, batch, extract_bytes};
use gloss::model::Project;

/// An article in the seed's shape and size (about 5.5 kB): headline, repeated caption, fused dateline, quotes,
/// figures, a policy block and six "N. Name said:" comments.
fn seed_shaped(n: usize) -> String {
    let mut text = format!(
        "Harbour Levy Approved Despite Protest, Mayor Says Port “Cannot Wait” ({n})\n\n\
         Boats at the old quay (Photo: Coastal Wire)\nBoats at the old quay (Photo: Coastal Wire)\n\n\
         Boats at the old quay (Photo: Coastal Wire)\n\n\
         PORT MERRAN, Westland (Coastal Wire)The council voted 7 to 4 on Tuesday to introduce a levy of 2.5 percent.\n\n"
    );
    for i in 0..8 {
        text.push_str(&format!(
            "“The breakwater was built in 1962 and it is failing,” the mayor said in paragraph {i}. The council \
             estimates that the levy will raise EUR 1.8 million a year, about a third of the EUR 5.4 million \
             needed over five years, while landings fell by 18 percent between 2019 and 2023.\n\n"
        ));
    }
    text.push_str("\nDiscussion Policy\n\nComments are moderated. Keep to the subject and be civil.\n\n\n");
    for (i, name) in ["hye", "ML", "ara", "David Karamian", "Raffi", "RV"].iter().enumerate() {
        text.push_str(&format!(
            "  {}. {name} said:\n\n    Another tax, another committee, same old harbour. Wake me up when a stone is moved, \
             said reader {i}, who has fished here for forty years and remembers the last levy.\n\n",
            i + 1
        ));
    }
    text
}

/// A news page of about 1 MB: navigation, a long article, sharing buttons, and 400 WordPress comments.
fn big_page() -> String {
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A Long Report</title></head><body>\
         <nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>\
         <article><h1>A Long Report</h1>",
    );
    for i in 0..900 {
        html.push_str(&format!(
            "<p>Paragraph {i}: the committee heard that <b>24.3 percent</b> of “the budget” went to item {i}, \
             according to <a href=\"/m\">the minister</a>, who spoke for an hour and took no questions.</p>"
        ));
    }
    html.push_str(
        "</article><div class=\"share\"><a>Share on Facebook</a></div><div id=\"comments\"><ol class=\"comment-list\">",
    );
    while html.len() < 1 << 20 {
        let i = html.len();
        html.push_str(&format!(
            "<li id=\"comment-{i}\" class=\"comment\"><article class=\"comment-body\"><footer><b class=\"fn\">reader{i}</b> \
             <time>June 3, 2024 at 10:12 am</time></footer><div class=\"comment-content\"><p>I read the whole report \
             and I disagree with point {i}, for reasons I set out at length below.</p></div></article></li>"
        ));
    }
    html.push_str("</ol></div></body></html>");
    html
}

fn write_articles(dir: &Path, count: usize) -> Vec<PathBuf> {
    (0..count)
        .map(|n| {
            let path = dir.join(format!("article-{n:04}.txt"));
            std::fs::write(&path, seed_shaped(n)).unwrap();
            path
        })
        .collect()
}

fn import_benchmarks(c: &mut Criterion) {
    let text = seed_shaped(0);
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Elements(1));
    group.bench_function("seed_sized_article_in_memory", |b| {
        b.iter(|| extract_bytes(text.as_bytes(), Path::new("seed.txt"), Format::Text).unwrap());
    });

    let dir = tempfile::tempdir().unwrap();
    let files = write_articles(dir.path(), 500);
    group.throughput(Throughput::Elements(files.len() as u64));
    group.sample_size(10);
    group.bench_function("500_seed_sized_files_into_a_project", |b| {
        b.iter(|| {
            let outcomes = batch::run(&files, &AtomicBool::new(false), &|_| {});
            let mut editor = Editor::new(Project::new("bench"), false);
            for article in outcomes.into_iter().flat_map(|o| o.result.unwrap()) {
                let index = editor.project().documents.len();
                editor
                    .apply(Command::AddDocument { index, document: Box::new(article.into_document()), fresh_ids: true })
                    .unwrap();
            }
            assert_eq!(editor.project().documents.len(), 500);
        });
    });

    let page = big_page();
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.sample_size(20);
    group.bench_function("one_1mb_html_page", |b| {
        b.iter(|| {
            let articles = extract_bytes(page.as_bytes(), Path::new("page.html"), Format::Html).unwrap();
            assert!(articles[0].comments.len() > 100);
        });
    });
    group.finish();
}

/// Ten megabytes of one shape: `open` and `content` repeated, never closed (or closed by `close`).
fn ten_megabytes(open: &str, content: &str, close: &str) -> String {
    let mut html = String::from("<!DOCTYPE html><html><head><title>Ten megabytes</title></head><body>");
    let unit = format!("{open}{content}");
    let count = (10 << 20) / (unit.len() + close.len());
    html.reserve(10 << 20);
    for _ in 0..count {
        html.push_str(&unit);
    }
    for _ in 0..count {
        html.push_str(close);
    }
    html.push_str("</body></html>");
    html
}

fn hostile_pages(c: &mut Criterion) {
    let words = "The council voted on Tuesday to raise the levy by 2.5 percent. ";
    let pages = [
        ("nested_divs_with_text", ten_megabytes("<div>", words, "</div>")),
        ("nested_divs_bare", ten_megabytes("<div>", "", "")),
        ("unclosed_formatting", ten_megabytes("<b><i><span>", words, "")),
        ("tables_in_tables", ten_megabytes("<table><tr><td>", words, "")),
        ("lists_in_lists", ten_megabytes("<ul><li>", words, "")),
        ("flat_paragraphs", ten_megabytes("<p>", words, "")),
        ("ten_thousand_comments", {
            let mut page =
                String::from("<html><body><article><h1>Busy</h1><p>A story.</p></article><ol class=\"comment-list\">");
            let mut i = 0;
            while page.len() < 10 << 20 {
                page.push_str(&format!("<li id=\"comment-{i}\" class=\"comment\"><cite class=\"fn\">reader{i}</cite><div class=\"comment-content\"><p>{words}{words}</p></div></li>"));
                i += 1;
            }
            page.push_str("</ol></body></html>");
            page
        }),
    ];
    let mut group = c.benchmark_group("ten_megabyte_pages");
    group.sample_size(10);
    for (name, page) in &pages {
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| extract_bytes(page.as_bytes(), Path::new("page.html"), Format::Html).unwrap());
        });
    }
    group.finish();
}

criterion_group!(benches, import_benchmarks, hostile_pages);
criterion_main!(benches);
