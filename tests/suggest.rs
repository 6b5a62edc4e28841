//! Suggestions on the seed article (when ../shared is present) and through the library's project entry point.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::PathBuf;

use gloss::import::extract_file;
use gloss::model::{DocId, Target};
use gloss::suggest::{Kind, figures_in, quotes_in};

fn seed_body() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_664d484072cc87fe.txt");
    if !path.exists() {
        println!("skipped: {} is not present", path.display());
        return None;
    }
    Some(extract_file(&path).unwrap().remove(0).body)
}

#[test]
fn the_seed_s_lavrov_quotes_have_lavrov_as_speaker() {
    let Some(body) = seed_body() else { return };
    let quotes = quotes_in(DocId(1), &body, None);
    for q in &quotes {
        println!("{:?} [{}] {}", q.speaker, q.direct, q.text);
    }
    let direct: Vec<_> = quotes.iter().filter(|q| q.direct).collect();
    assert!(direct.len() >= 4, "{direct:#?}");
    for q in &direct {
        assert_eq!(q.speaker.as_deref(), Some("Lavrov"), "{}", q.text);
        assert_eq!(q.kind, Kind::Quote);
    }
    assert!(direct.iter().any(|q| q.text.starts_with("“We have a long record")));
    assert!(direct.iter().any(|q| q.text.starts_with("“This will obviously benefit")));
    assert!(
        quotes
            .iter()
            .any(|q| q.text.starts_with("Russia considers relations") && q.speaker.as_deref() == Some("Lavrov"))
    );
}

#[test]
fn the_seed_s_figures_are_statistics() {
    let Some(body) = seed_body() else { return };
    let figures: Vec<String> = figures_in(DocId(1), Target::Body, &body, None).into_iter().map(|s| s.text).collect();
    println!("{figures:?}");
    assert!(figures.iter().any(|f| f == "24.3 percent"), "{figures:?}");
    assert!(figures.iter().any(|f| f == "USD 1.24 billion"), "{figures:?}");
}

fn gloss(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_gloss")).args(args).current_dir(dir).output().unwrap()
}

#[test]
fn suggest_json_gives_code_point_offsets_past_emoji_and_other_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let article = "Harbour levy 👨‍👩‍👧 row.\n\n\
        Ժողովուրդ 😀 北京 — the mayor said the levy will raise EUR 1.8 million a year.\n\n\
        “We cannot wait 👍,” Maria Ivanova told reporters. Landings fell 12 percent since 2019.\n";
    std::fs::write(dir.path().join("levy.txt"), article).unwrap();
    let import = gloss(&["import", "levy.txt", "--into", "p.ron"], dir.path());
    assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));
    let run = gloss(&["suggest", "p.ron", "--json"], dir.path());
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let value: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let project = gloss::store::load(&dir.path().join("p.ron")).unwrap();
    let body: Vec<char> = project.documents[0].body.chars().collect();
    let list = value["suggestions"].as_array().unwrap();
    let slice = |r: &serde_json::Value| -> String {
        body[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize].iter().collect()
    };
    let texts: Vec<String> = list.iter().map(|s| slice(&s["ranges"][0])).collect();
    for s in list {
        assert_eq!(s["target"], "body");
        assert_eq!(s["document"], 1);
        assert_eq!(slice(&s["ranges"][0]), s["text"].as_str().unwrap().split(" … ").next().unwrap());
    }
    assert!(texts.contains(&"EUR 1.8 million".to_string()), "{texts:?}");
    assert!(texts.contains(&"fell 12 percent".to_string()), "{texts:?}");
    let quote = list.iter().find(|s| s["kind"] == "quote" && s["direct"] == true).expect("the direct quote");
    assert_eq!(slice(&quote["ranges"][0]), "“We cannot wait 👍,”");
    assert_eq!(quote["speaker"], "Ivanova");
    assert_eq!(slice(&quote["source_ranges"][0]), "Maria Ivanova");
    assert_eq!(slice(&quote["cue_ranges"][0]), "told");
    assert_eq!(quote["label"], "Quote");
    let reported = list.iter().find(|s| s["kind"] == "quote" && s["direct"] == false).expect("the reported speech");
    assert_eq!(slice(&reported["ranges"][0]), "the levy will raise EUR 1.8 million a year");
}

#[test]
fn sentiment_is_vader_s_compound_on_the_project_s_scale() {
    let Some(_) = seed_body() else { return };
    let dir = tempfile::tempdir().unwrap();
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_664d484072cc87fe.txt");
    let import = gloss(&["import", seed.to_str().unwrap(), "--into", "p.ron"], dir.path());
    assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));
    let run = gloss(&["suggest", "p.ron", "--kinds", "sentiment", "--json"], dir.path());
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let value: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let project = gloss::store::load(&dir.path().join("p.ron")).unwrap();
    let list = value["suggestions"].as_array().unwrap();
    assert_eq!(list.len(), project.documents[0].comments.len());
    let vader = gloss::suggest::sentiment::Vader::default();
    for (s, comment) in list.iter().zip(&project.documents[0].comments) {
        assert_eq!(s["kind"], "sentiment");
        assert_eq!(s["target"]["comment"], comment.id.0);
        let score = s["score"].as_f64().unwrap();
        assert_eq!(score, vader.compound(&comment.text));
        let want = if score >= 0.05 {
            "Positive"
        } else if score <= -0.05 {
            "Negative"
        } else {
            "Neutral"
        };
        assert_eq!(s["level"], want, "{}", comment.text);
        assert!(s["ranges"].as_array().unwrap().is_empty());
    }
}

#[test]
fn a_bad_kind_or_document_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Title\n\nThe mayor said the levy is fair.\n").unwrap();
    assert!(gloss(&["import", "a.txt", "--into", "p.ron"], dir.path()).status.success());
    let run = gloss(&["suggest", "p.ron", "--kinds", "rumours"], dir.path());
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("unknown kind"), "{}", String::from_utf8_lossy(&run.stderr));
    let run = gloss(&["suggest", "p.ron", "--document", "3"], dir.path());
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("has 1 document"));
    let run = gloss(&["suggest", "p.ron"], dir.path());
    assert!(String::from_utf8_lossy(&run.stdout).contains("quote (reported)\t?\tthe levy is fair"));
}

#[test]
fn text_in_another_language_gets_no_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let german = "Titel\n\n„Wir können nicht warten“, sagte die Bürgermeisterin. Die Abgabe bringt 1,8 Millionen Euro \
                  im Jahr, und die Anlandungen sind seit 2019 um 12 Prozent gefallen.\n";
    std::fs::write(dir.path().join("de.txt"), german).unwrap();
    assert!(gloss(&["import", "de.txt", "--into", "p.ron"], dir.path()).status.success());
    let run = gloss(&["suggest", "p.ron", "--json"], dir.path());
    let value: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(value["suggestions"], serde_json::json!([]));
}

mod any_text {
    use gloss::model::{DocId, Target};
    use gloss::suggest::{figures_in, quotes_in};
    use proptest::prelude::*;

    /// Text made of the pieces the rules look at: quotation marks of every style, apostrophes, stops, commas,
    /// cue words, names, numbers, currency, emoji and other scripts, in any order.
    fn messy() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "“",
            "”",
            "„",
            "«",
            "»",
            "「",
            "」",
            "‘",
            "’",
            "\"",
            "''",
            "``",
            "'",
            ".",
            ",",
            ":",
            "?",
            "!",
            " ",
            " ",
            "\n",
            "\n\n",
            "said",
            "told",
            "according",
            "to",
            "that",
            "he",
            "the",
            "minister",
            "Lavrov",
            "Mr.",
            "(",
            ")",
            "—",
            "USD",
            "$",
            "1.24",
            "billion",
            "24.3",
            "percent",
            "rose",
            "since",
            "2010",
            "👨‍👩‍👧",
            "😀",
            "北京",
            "Հայաստան",
            "é",
            "\u{301}",
            "\u{200D}",
            "\u{FEFF}",
            "ß",
        ]);
        prop::collection::vec(pieces, 0..80).prop_map(|p| p.concat())
    }

    fn within(ranges: &[(usize, usize)], len: usize) -> bool {
        ranges.iter().all(|&(a, b)| a < b && b <= len)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn suggestions_on_any_text_fit_it_and_never_panic(text in messy()) {
            let len = text.chars().count();
            for s in quotes_in(DocId(1), &text, None).into_iter().chain(figures_in(DocId(1), Target::Body, &text, None)) {
                prop_assert!(!s.ranges.is_empty());
                prop_assert!(within(&s.ranges, len), "{:?} in {text:?}", s.ranges);
                prop_assert!(within(&s.source_ranges, len) && within(&s.cue_ranges, len));
            }
        }
    }
}
