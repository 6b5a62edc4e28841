//! Suggestion speed: quotes and statistics for a 1 MB article, VADER on 10,000 comments, a whole big project, and
//! the check of open suggestions after an edit. Run with `cargo bench --bench suggest`. Targets: under 0.5 s for
//! the article and under 1 s for VADER.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs, reason = "a benchmark fails loudly on purpose")]

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::model::{DocId, Target};
use gloss::suggest::sentiment::Vader;
use gloss::suggest::{Kind, Request, figures_in, open_of, quotes_in, suggest_project};
use gloss::synthetic::{Size, project};

/// News prose with quotes, reported speech and figures, repeated to `bytes`.
fn article(bytes: usize) -> String {
    let paragraphs = [
        "Russia considers relations with Armenia to be at a high level, Foreign Minister Sergey Lavrov said in an \
         interview, the ministry reported on Thursday.",
        "“We have a long record of friendship and mutual support,” Lavrov said. “Russia and Armenia are reliable \
         allies in international affairs and security.",
        "“Together, we are forging the Eurasian Economic Union,” he added, stating that trade rose 4.3 percent.",
        "According to the customs office, trade amounted to USD 1.24 billion in 2015, up 40 per cent since 2010.",
        "Spokeswoman Haley Morris says the candidate has “always run a lean campaign and will continue to do so.”",
        "The council voted on Tuesday to raise the harbour levy, which fishermen protested against for weeks.",
    ];
    let mut text = String::with_capacity(bytes + 512);
    let mut n = 0;
    while text.len() < bytes {
        text.push_str(paragraphs[n % paragraphs.len()]);
        text.push_str("\n\n");
        n += 1;
    }
    text
}

/// Reader comments of every temper, 10,000 of them.
fn comments() -> Vec<String> {
    let kinds = [
        "Great reporting, thank you for finally telling the truth!",
        "This article is biased garbage and the author should be ashamed.",
        "The minister spoke on Tuesday; the figures are from the customs office.",
        "Not bad at all, but the headline is misleading :(",
        "WHY does nobody mention the costs??? Terrible!!! 😡",
        "I love how they pretend nothing happened 🙄",
    ];
    (0..10_000).map(|n| format!("{} ({n})", kinds[n % kinds.len()])).collect()
}

fn suggestions(c: &mut Criterion) {
    let text = article(1 << 20);
    let synthetic = project(Size::LONG_ARTICLE).documents.remove(0).body;
    let mut group = c.benchmark_group("suggest");
    group.sample_size(10);
    group.bench_function("quotes and statistics, 1 MB news prose", |b| {
        b.iter(|| quotes_in(DocId(1), &text, None).len() + figures_in(DocId(1), Target::Body, &text, None).len());
    });
    group.bench_function("quotes and statistics, 1 MB synthetic mixed-script text", |b| {
        b.iter(|| {
            quotes_in(DocId(1), &synthetic, None).len() + figures_in(DocId(1), Target::Body, &synthetic, None).len()
        });
    });
    let comments = comments();
    group.bench_function("VADER on 10,000 comments (analyser built each time)", |b| {
        b.iter(|| {
            let vader = Vader::default();
            comments.iter().map(|c| vader.compound(c)).sum::<f64>()
        });
    });
    // The window's path: a whole project (1 MB article, 2,000 comments, 10,000 highlights of the generator),
    // then the check of which suggestions are still open that follows every edit.
    let long = project(Size::LONG_ARTICLE);
    let request = Request { kinds: Kind::ALL.to_vec(), document: None, annotator: "generator".to_owned() };
    group.bench_function("suggest_project, 1 MB article with 2,000 comments and 10,000 highlights", |b| {
        b.iter(|| suggest_project(&long, &request, |_, _| true).len());
    });
    let found = suggest_project(&long, &request, |_, _| true);
    group.bench_function("open_of after an edit, same project", |b| {
        b.iter(|| open_of(&long, &found, "generator").iter().filter(|o| **o).count());
    });
    group.finish();
}

criterion_group!(benches, suggestions);
criterion_main!(benches);
