//! The seed article of ../shared (when present): every field the importer must get right.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::PathBuf;

use gloss::import::extract_file;

fn seed() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_664d484072cc87fe.txt");
    if path.exists() {
        Some(path)
    } else {
        println!("skipped: {} is not present", path.display());
        None
    }
}

#[test]
fn shared_seed_imports_field_by_field() {
    let Some(path) = seed() else { return };
    let article = extract_file(&path).unwrap().remove(0);
    assert_eq!(article.title, "Russia Ready to Support Armenia-Turkey Talks says Lavrov");
    assert_eq!(
        article.metadata.caption.as_deref(),
        Some("Russian Foreign Minister Sergey Lavrov (Photo: Agence France-Presse)")
    );
    assert!(!article.body.contains("Agence France-Presse"), "the caption is not in the body");
    assert_eq!(article.metadata.dateline.as_deref(), Some("MOSCOW, Russia (ArmRadio)"));
    assert!(article.body.starts_with("Russia considers relations with Armenia"), "{}", &article.body[..80]);
    assert!(article.body.ends_with("he concluded."));
    assert!(!article.body.contains("Discussion Policy"));
    assert!(!article.body.contains("Comments are welcomed"));
    assert!(article.body.contains("magazine,\u{a0}the Russian"), "non-breaking space kept");
    assert!(article.body.contains("Turkey. \u{a0}“This normalization"), "space and non-breaking space kept");
    assert!(article.body.contains("“We have a long record"), "curly quotes kept");
    assert!(article.body.contains("24.3 percent"));
    assert_eq!(article.metadata.source_file.as_deref(), Some("000_664d484072cc87fe.txt"));

    let authors: Vec<&str> = article.comments.iter().map(|c| c.author.as_str()).collect();
    assert_eq!(authors, ["hye", "ML", "ara", "David Karamian", "Raffi", "RV"]);
    let numbers: Vec<Option<&str>> = article.comments.iter().map(|c| c.number.as_deref()).collect();
    assert_eq!(numbers, [Some("1"), Some("2"), Some("3"), Some("4"), Some("5"), Some("6")]);
    assert!(article.comments[0].text.starts_with("is Turkey returning Kars"));
    assert!(article.comments[5].text.ends_with("Let them leave us alone."));
    for comment in &article.comments {
        assert!(!comment.text.contains("Discussion Policy"));
        assert!(!comment.text.starts_with(' '), "indentation removed");
        assert!(comment.parent.is_none());
        assert!(!comment.text.contains("said:"));
    }
    assert!(article.warnings.is_empty(), "{:?}", article.warnings);
}
