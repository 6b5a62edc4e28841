//! Reader comments on real saved pages (../shared/corpus/comments, when present): how many of the snippets a
//! reader sees in each page's comment section are found among the extracted comments, how many ended up in the
//! article body, and whether the body has what it should and lacks the furniture. Prints every page and the
//! totals (`cargo test --test comment_pages -- --nocapture`) and holds the totals at or above where they stand.
//! Snippets that are empty (one page lists three) are not counted.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::{Path, PathBuf};

use gloss::import::extract_file;

fn corpus() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/comments");
    if path.join("expected.json").is_file() {
        Some(path)
    } else {
        println!("skipped: {} is not present", path.display());
        None
    }
}

/// Text as compared: lower case, every run of white space one space, typographic quotes and dashes plain.
fn normal(text: &str) -> String {
    let plain: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{00a0}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect();
    plain.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The totals over the corpus.
#[derive(Default, Debug)]
struct Totals {
    snippets: usize,
    found: usize,
    in_body: usize,
    pages_with_comments: usize,
    pages_with_none_found: usize,
    body_with: usize,
    body_with_found: usize,
    body_without: usize,
    body_without_present: usize,
    body_in_comments: usize,
    comments: usize,
    authors_like_dates: usize,
}

/// An author that reads like a date or time ("March 11, 2017 at 8:41 PM", "20.12.2022", "5 years ago").
fn like_a_date(author: &str) -> bool {
    let digits = author.chars().filter(char::is_ascii_digit).count();
    let time = author
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b':' | b'.' | b'/') && w[2].is_ascii_digit());
    digits >= 4 && time || author.ends_with(" ago")
}

#[test]
fn comments_on_saved_pages_are_found_and_kept_out_of_the_body() {
    let Some(corpus) = corpus() else { return };
    let expected: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("expected.json")).unwrap()).unwrap();
    let mut totals = Totals::default();
    let mut names: Vec<&String> = expected.keys().collect();
    names.sort();
    for name in names {
        let want = &expected[name];
        let list = |key: &str| -> Vec<String> {
            want[key].as_array().map(|a| a.iter().filter_map(|v| v.as_str()).map(normal).collect()).unwrap_or_default()
        };
        let articles = extract_file(&corpus.join(name)).unwrap_or_default();
        let body = normal(&articles.iter().map(|a| a.body.as_str()).collect::<Vec<_>>().join("\n"));
        // What a reader sees of a comment: who wrote it and what they wrote (a snippet may be a name).
        let comments: Vec<String> = articles
            .iter()
            .flat_map(|a| a.comments.iter())
            .map(|c| normal(&format!("{}\n{}", c.author, c.text)))
            .collect();
        // A snippet that is empty once normalised says nothing (and would count as found everywhere).
        let snippets: Vec<String> = list("comments").into_iter().filter(|s| !s.is_empty()).collect();
        let found = snippets.iter().filter(|s| comments.iter().any(|c| c.contains(s.as_str()))).count();
        let in_body = snippets.iter().filter(|s| body.contains(s.as_str())).count();
        let with = list("body_with");
        let with_found = with.iter().filter(|s| body.contains(s.as_str())).count();
        let without = list("body_without");
        let without_present = without.iter().filter(|s| body.contains(s.as_str())).count();
        let with_in_comments = with.iter().filter(|s| comments.iter().any(|c| c.contains(s.as_str()))).count();
        let authors = articles.iter().flat_map(|a| a.comments.iter()).map(|c| c.author.as_str());
        let dated_authors = authors.filter(|a| like_a_date(a)).count();
        println!(
            "{name:60} comments {:3}  snippets {found}/{} found, {in_body} in body; body {with_found}/{} with ({with_in_comments} among comments), {without_present}/{} furniture",
            comments.len(),
            snippets.len(),
            with.len(),
            without.len()
        );
        totals.snippets += snippets.len();
        totals.found += found;
        totals.in_body += in_body;
        if !snippets.is_empty() {
            totals.pages_with_comments += 1;
            totals.pages_with_none_found += usize::from(comments.is_empty());
        }
        totals.body_with += with.len();
        totals.body_with_found += with_found;
        totals.body_without += without.len();
        totals.body_without_present += without_present;
        totals.body_in_comments += with_in_comments;
        totals.comments += comments.len();
        totals.authors_like_dates += dated_authors;
    }
    let share = |part: usize, whole: usize| 100.0 * part as f64 / whole.max(1) as f64;
    println!(
        "comment snippets found among the comments: {}/{} ({:.0}%); in the body: {}; pages with comments where none \
         was found: {}/{}; body snippets in the body: {}/{}, among the comments: {}; furniture in the body: {}/{}; \
         comments {}, authors that read as dates: {}",
        totals.found,
        totals.snippets,
        share(totals.found, totals.snippets),
        totals.in_body,
        totals.pages_with_none_found,
        totals.pages_with_comments,
        totals.body_with_found,
        totals.body_with,
        totals.body_in_comments,
        totals.body_without_present,
        totals.body_without,
        totals.comments,
        totals.authors_like_dates
    );
    // Where the extraction stands today; raised as it improves (the target on unseen pages: 85%, at most 3 in the
    // body).
    assert!(totals.found >= FLOOR_FOUND, "{totals:?}");
    assert!(totals.in_body <= CEILING_IN_BODY, "{totals:?}");
    assert_eq!(totals.authors_like_dates, 0, "{totals:?}");
}

const FLOOR_FOUND: usize = 116;
const CEILING_IN_BODY: usize = 3;
