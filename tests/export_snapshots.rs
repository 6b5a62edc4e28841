//! The exports of the sample project, kept as snapshots so that any change to a format shows in review.
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test`) accepts an intended change.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::Path;

use gloss::export::{Control, Format, Scope, render};

fn rendered(format: Format) -> Vec<(String, String)> {
    let project = gloss::store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron")).unwrap();
    let outputs = render(&project, Scope::Project, format, Path::new("out"), &Control::none()).unwrap();
    outputs.into_iter().map(|o| (o.path.display().to_string(), String::from_utf8(o.bytes).unwrap())).collect()
}

fn joined(format: Format) -> String {
    rendered(format).into_iter().map(|(path, text)| format!("==> {path} <==\n{text}")).collect::<Vec<_>>().join("\n")
}

#[test]
fn csv() {
    insta::assert_snapshot!(joined(Format::Csv));
}

#[test]
fn doccano() {
    insta::assert_snapshot!(joined(Format::Doccano));
}

#[test]
fn w3c() {
    insta::assert_snapshot!(joined(Format::W3c));
}

#[test]
fn brat() {
    insta::assert_snapshot!(joined(Format::Brat));
}

#[test]
fn labelstudio() {
    insta::assert_snapshot!(joined(Format::LabelStudio));
}

#[test]
fn html() {
    insta::assert_snapshot!(joined(Format::Html));
}
