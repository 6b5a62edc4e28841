//! The classroom and team numbers at the sizes people use: `gloss compare` of 30 students on a 5,000-word article
//! with 100 highlights each, and `gloss agree` of 6 annotators on 100 articles, each timed from the project files'
//! bytes (parsed as the command line does) to the finished report. Run with `cargo bench --bench classroom`.
//! Target: under 1 s each.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs, reason = "a benchmark fails loudly on purpose")]

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::analysis::agree::{Annotator, agree};
use gloss::analysis::compare::{Rubric, compare};
use gloss::model::Project;
use gloss::synthetic::{Size, project};

/// `project` with its highlights moved a little and some left out, as another person would have marked it.
fn variant(mut project: Project, person: usize) -> Project {
    project.annotator = format!("annotator {person}");
    for doc in &mut project.documents {
        let len = doc.body.chars().count();
        let mut i = 0;
        doc.spans.retain(|_| {
            i += 1;
            !(i + person).is_multiple_of(7)
        });
        for (j, span) in doc.spans.iter_mut().enumerate() {
            if span.target == gloss::model::Target::Body && (j + person).is_multiple_of(3) {
                let range = &mut span.ranges[0];
                let end = (range.end + 2).min(len);
                *range = gloss::model::AnchoredRange::new(&doc.body, range.start, end).unwrap();
            }
        }
    }
    project
}

fn bytes(project: &Project) -> Vec<u8> {
    gloss::store::to_string(project).unwrap().into_bytes()
}

fn classroom(c: &mut Criterion) {
    let mut group = c.benchmark_group("classroom");
    group.sample_size(10);

    // 5,000 words is about 30 kB of text.
    let key = project(Size { documents: 1, body_bytes: 30_000, comments: 40, spans: 100, seed: 3 });
    let key_bytes = bytes(&key);
    let students: Vec<Vec<u8>> = (1..=30).map(|s| bytes(&variant(key.clone(), s))).collect();
    group.bench_function("compare_30_students", |b| {
        b.iter(|| {
            let key = gloss::store::from_bytes(&key_bytes, Path::new("key.ron")).unwrap();
            for student in &students {
                let student = gloss::store::from_bytes(student, Path::new("student.ron")).unwrap();
                std::hint::black_box(compare(&key, &student, Rubric::default()));
            }
        });
    });

    let team = project(Size { documents: 100, body_bytes: 6_000, comments: 10, spans: 20, seed: 4 });
    let files: Vec<Vec<u8>> = (0..6).map(|a| bytes(&variant(team.clone(), a))).collect();
    group.bench_function("agree_6_annotators_100_articles", |b| {
        b.iter(|| {
            let projects: Vec<Project> =
                files.iter().map(|f| gloss::store::from_bytes(f, Path::new("a.ron")).unwrap()).collect();
            let names: Vec<String> = (0..6).map(|a| format!("annotator {a}")).collect();
            let annotators: Vec<Annotator<'_>> =
                projects.iter().zip(&names).map(|(project, name)| Annotator { name, project, only: None }).collect();
            std::hint::black_box(agree(&annotators));
        });
    });
    // The same without reading the files, to tell the reading from the measuring.
    let parsed: Vec<Project> = files.iter().map(|f| gloss::store::from_bytes(f, Path::new("a.ron")).unwrap()).collect();
    group.bench_function("agree_6_annotators_100_articles_read_already", |b| {
        b.iter(|| {
            let names: Vec<String> = (0..6).map(|a| format!("annotator {a}")).collect();
            let annotators: Vec<Annotator<'_>> =
                parsed.iter().zip(&names).map(|(project, name)| Annotator { name, project, only: None }).collect();
            std::hint::black_box(agree(&annotators));
        });
    });
    group.finish();
}

criterion_group!(benches, classroom);
criterion_main!(benches);
