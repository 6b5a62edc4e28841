//! What the journal costs: one edit applied and journalled on the 1 MB article with 10,000 highlights, against the
//! same edit without a journal; and opening that project with 1,000 unsaved edits in its journal (read, checked,
//! replayed). Run with `cargo bench --bench journal`. Targets: an edit stays well under a frame (16 ms) with its
//! journal record; a recovery of 1,000 edits takes under a second.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs, reason = "a benchmark fails loudly on purpose")]

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::edit::{Command, Editor, SpanDraft};
use gloss::model::Target;
use gloss::session::{Opening, open};
use gloss::synthetic::{Size, project};

fn highlight(doc: gloss::model::DocId, label: gloss::model::LabelId, i: usize) -> Command {
    let start = (i * 997) % 900_000;
    let draft =
        SpanDraft { target: Target::Body, ranges: vec![(start, start + 12)], label, at: jiff::Timestamp::UNIX_EPOCH };
    Command::CreateSpan { doc, draft }
}

fn journal(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.ron");
    gloss::store::save(&project(Size::LONG_ARTICLE), &path).unwrap();
    let loaded = gloss::store::load(&path).unwrap();
    let (doc, label) = (loaded.documents[0].id, loaded.schema.span_labels[0].id);

    let mut group = c.benchmark_group("journal");
    group.sample_size(30);
    let mut editor = Editor::new(loaded.clone(), true);
    let mut i = 0;
    group.bench_function("edit_without_journal", |b| {
        b.iter(|| {
            i += 1;
            editor.apply(highlight(doc, label, i)).unwrap();
        });
    });
    let Opening::Ready(mut session) = open(&path, None).unwrap() else { panic!("no journal yet") };
    let mut i = 0;
    group.bench_function("edit_with_journal", |b| {
        b.iter(|| {
            i += 1;
            session.apply(highlight(doc, label, i)).unwrap();
        });
    });
    session.discard();

    // A journal of 1,000 edits, left as a crash leaves it.
    let Opening::Ready(mut session) = open(&path, None).unwrap() else { panic!("no journal yet") };
    for i in 0..1000 {
        session.apply(highlight(doc, label, i)).unwrap();
    }
    let journal = session.journal_path().unwrap().to_owned();
    session.abandon();
    let kept = std::fs::read(&journal).unwrap();
    group.sample_size(10);
    group.bench_function("recover_1000_edits", |b| {
        b.iter(|| {
            std::fs::write(&journal, &kept).unwrap();
            let Opening::Recover(recovery) = open(&path, None).unwrap() else { panic!("a recovery") };
            assert_eq!(recovery.summary().edits.len(), 1000);
            let (session, _) = recovery.recover().unwrap();
            session.abandon();
        });
    });
    group.finish();
}

criterion_group!(benches, journal);
criterion_main!(benches);
