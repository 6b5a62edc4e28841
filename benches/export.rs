//! Export speed: the 1 MB article with 10,000 highlights and 2,000 comments (`gloss::synthetic`) rendered in every
//! dataset format, nothing written; and INCEpTION's two formats of it read back. Run with
//! `cargo bench --bench export`.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs, reason = "a benchmark fails loudly on purpose")]

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::export::{Control, Format, Scope, render};
use gloss::synthetic::{Size, project};

fn export(c: &mut Criterion) {
    let project = project(Size::LONG_ARTICLE);
    assert!(project.documents[0].body.len() >= 1 << 20 && project.documents[0].spans.len() >= 10_000);
    let out = std::env::temp_dir().join("gloss-bench-export");
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    for format in Format::ALL {
        group.bench_function(format.name(), |b| {
            b.iter(|| render(&project, Scope::Project, format, &out, &Control::none()).unwrap());
        });
    }
    group.finish();
}

fn read_back(c: &mut Criterion) {
    let project = project(Size::LONG_ARTICLE);
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("read back");
    group.sample_size(10);
    for (format, extension) in [(Format::Xmi, "xmi"), (Format::WebAnnoTsv, "tsv")] {
        let out = dir.path().join(format.name());
        let files = gloss::export::export(&project, Scope::Project, format, &out, &Control::none()).unwrap().files;
        let file = files.iter().find(|f| f.extension().is_some_and(|e| e == extension)).unwrap().clone();
        group.bench_function(format.name(), |b| {
            b.iter(|| {
                let article = gloss::import::extract_file(&file).unwrap().remove(0);
                assert_eq!(article.comments.len(), 2_000);
            });
        });
    }
    group.finish();
}

criterion_group!(benches, export, read_back);
criterion_main!(benches);
