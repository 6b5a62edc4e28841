//! HTML import on ../shared/corpus/readability (when present): body similarity to Readability's expected output,
//! metadata, and reader comments on the pages that have them, kept apart from the body.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use gloss::import::{Extracted, extract_file};

fn corpus() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability");
    if path.is_dir() {
        Some(path)
    } else {
        println!("skipped: {} is not present", path.display());
        None
    }
}

fn pages(corpus: &Path) -> Vec<(String, PathBuf)> {
    let mut pages: Vec<(String, PathBuf)> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("source.html").exists())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    pages.sort();
    pages
}

fn extract(page: &Path) -> Extracted {
    let mut articles = extract_file(&page.join("source.html")).unwrap();
    assert_eq!(articles.len(), 1);
    articles.remove(0)
}

/// Words, and each CJK character on its own, lower-cased: the unit of the token F1 that extraction benchmarks use.
fn tokens(text: &str) -> HashMap<String, usize> {
    let pattern = regex::Regex::new(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]|\w+").unwrap();
    let mut counts = HashMap::new();
    for token in pattern.find_iter(&text.to_lowercase()) {
        *counts.entry(token.as_str().to_owned()).or_default() += 1;
    }
    counts
}

fn token_f1(got: &str, expected: &str) -> f64 {
    let (got, expected) = (tokens(got), tokens(expected));
    let common: usize = got.iter().map(|(t, n)| (*n).min(expected.get(t).copied().unwrap_or(0))).sum();
    let (g, e): (usize, usize) = (got.values().sum(), expected.values().sum());
    if common == 0 {
        return 0.0;
    }
    let (precision, recall) = (common as f64 / g as f64, common as f64 / e as f64);
    2.0 * precision * recall / (precision + recall)
}

fn expected_text(page: &Path) -> String {
    let html = std::fs::read_to_string(page.join("expected.html")).unwrap();
    dom_query::Document::from(html).select("body").text().to_string()
}

#[test]
fn corpus_bodies_match_the_expected_articles() {
    let Some(corpus) = corpus() else { return };
    let mut scores = Vec::new();
    for (name, page) in pages(&corpus) {
        let article = extract(&page);
        let f1 = token_f1(&article.body, &expected_text(&page));
        println!("{name:16} body token F1 {f1:.3}");
        assert!(f1 >= 0.95, "{name}: body token F1 {f1:.3}");
        scores.push(f1);
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    println!("mean body token F1 {mean:.3} over {} pages", scores.len());
    assert!(mean >= 0.99, "mean {mean:.3}");
}

#[test]
fn corpus_metadata_matches_where_the_page_states_it() {
    let Some(corpus) = corpus() else { return };
    for (name, page) in pages(&corpus) {
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(page.join("expected-metadata.json")).unwrap()).unwrap();
        let article = extract(&page);
        assert_eq!(Some(article.title.as_str()), expected["title"].as_str(), "{name}: title");
        if let Some(lang) = expected["lang"].as_str() {
            assert_eq!(article.metadata.language.as_deref(), Some(lang), "{name}: language");
        }
        if let Some(dir) = expected["dir"].as_str() {
            assert_eq!(article.metadata.direction.as_deref(), Some(dir), "{name}: direction");
        }
        if let Some(site) = expected["siteName"].as_str() {
            assert_eq!(article.metadata.site.as_deref(), Some(site), "{name}: site");
        }
    }
}

#[test]
fn corpus_comments_are_found_and_kept_apart_from_the_body() {
    let Some(corpus) = corpus() else { return };
    // pixnet: 42 readers' comments and, nested inside 14 of them, the blogger's answer ("史蒂文的家_藍天 於 … 回").
    let with_comments = [("002", 2), ("aclu", 10), ("pixnet", 56), ("wordpress", 13)];
    for (name, page) in pages(&corpus) {
        let article = extract(&page);
        let expected = with_comments.iter().find(|(n, _)| *n == name).map_or(0, |(_, count)| *count);
        println!("{name:16} {} comment(s)", article.comments.len());
        assert_eq!(article.comments.len(), expected, "{name}: comments");
        for comment in &article.comments {
            let snippet: String = comment.text.chars().take(40).collect();
            assert!(!article.body.contains(&snippet), "{name}: comment {snippet:?} leaked into the body");
            assert!(comment.text.chars().count() < article.body.chars().count(), "{name}: the body became a comment");
        }
        // Private comments ("悄悄話" on pixnet) show no author; all the others must have one.
        let authored = article.comments.iter().filter(|c| !c.author.is_empty()).count();
        assert!(authored * 10 >= article.comments.len() * 9, "{name}: {authored} comments with an author");
    }
}

#[test]
fn corpus_replies_keep_their_parents() {
    let Some(corpus) = corpus() else { return };
    let article = extract(&corpus.join("002"));
    let threads: Vec<(&str, Option<usize>)> = article.comments.iter().map(|c| (c.author.as_str(), c.parent)).collect();
    assert_eq!(threads, [("Alexander Petrov", None), ("Nikhil Marathe", Some(0))]);
    let pixnet = extract(&corpus.join("pixnet"));
    let answers: Vec<&str> = pixnet.comments.iter().filter(|c| c.parent.is_some()).map(|c| c.author.as_str()).collect();
    assert_eq!(answers.len(), 14);
    assert!(answers.iter().filter(|a| **a == "史蒂文的家_藍天").count() >= 13, "{answers:?}");
    let wordpress = extract(&corpus.join("wordpress"));
    assert!(wordpress.comments.iter().filter(|c| c.parent.is_some()).count() >= 3);
}
