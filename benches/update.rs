//! Update speed: a 1 MB article with 10,000 highlights and 2,000 comments brought to a newer version, with 0.5%
//! and with 5% of its words edited (`gloss::update::simulate`). Run with `cargo bench --bench update`. Target:
//! under 0.5 s.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs, reason = "a benchmark fails loudly on purpose")]

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::model::Document;
use gloss::synthetic::{Size, project};
use gloss::update::{plan, simulate::edit_words};

fn update(c: &mut Criterion) {
    let project = project(Size::LONG_ARTICLE);
    let old = &project.documents[0];
    assert!(old.body.len() >= 1 << 20 && old.spans.len() >= 10_000);
    let mut group = c.benchmark_group("update");
    group.sample_size(10);
    for (name, rate) in [("1 MB, 10k highlights, 0.5% of words edited", 0.005), ("1 MB, 10k highlights, 5%", 0.05)] {
        let mut newer = Document::new(old.id, old.title.clone(), edit_words(&old.body, rate, 3).text);
        // Every twentieth comment edited a little, one in a hundred gone, as a comment section that moved on.
        newer.comments = old
            .comments
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 100 != 99)
            .map(|(i, c)| {
                let mut c = c.clone();
                if i % 20 == 0 {
                    c.text = edit_words(&c.text, 0.2, i as u64).text;
                }
                c
            })
            .collect();
        group.bench_function(name, |b| {
            b.iter(|| plan(&project, old.id, &newer, jiff::Timestamp::UNIX_EPOCH).unwrap());
        });
    }
    group.finish();
}

criterion_group!(benches, update);
criterion_main!(benches);
