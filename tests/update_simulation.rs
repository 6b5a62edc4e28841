//! Re-anchoring measured on real highlights: the PolNeAR articles of ../shared/corpus/polnear-train (when present)
//! with their annotators' spans, 5% of their words substituted, deleted or inserted at random (seeded), each
//! document updated to the edited text, and every highlight compared with where its characters really went
//! (`gloss::update::simulate`). Run with `--nocapture` to see the figures.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::{Path, PathBuf};

use gloss::model::{AnchoredRange, DocId, Document, Project, SpanAnnotation, SpanId, Target};
use gloss::update::simulate::{Score, edit_words};
use gloss::update::{self};

fn corpus() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/polnear-train");
    if path.is_dir() {
        Some(path)
    } else {
        println!("skipped: {} is not present", path.display());
        None
    }
}

/// The spans of a brat `.ann` file as code point ranges (PolNeAR counts code points), without the `Attribution`
/// triggers, which repeat the cues.
fn spans(ann: &str) -> Vec<Vec<(usize, usize)>> {
    ann.lines()
        .filter(|l| l.starts_with('T'))
        .filter_map(|line| {
            let middle = line.split('\t').nth(1)?;
            let (label, places) = middle.split_once(' ')?;
            if label == "Attribution" {
                return None;
            }
            places
                .split(';')
                .map(|p| {
                    let (s, e) = p.split_once(' ')?;
                    Some((s.parse().ok()?, e.parse().ok()?))
                })
                .collect()
        })
        .collect()
}

fn project_with(text: &str, ranges: &[Vec<(usize, usize)>]) -> Project {
    let mut project = Project::new("simulation");
    let label = project.schema.span_labels[0].id;
    let mut spans = Vec::new();
    for (i, parts) in ranges.iter().enumerate() {
        let Ok(anchored) = parts.iter().map(|&(s, e)| AnchoredRange::new(text, s, e)).collect::<Result<Vec<_>, _>>()
        else {
            continue;
        };
        if anchored.windows(2).any(|w| w[1].start < w[0].end) {
            continue;
        }
        spans.push(SpanAnnotation::new(
            SpanId(1000 + i as u64),
            Target::Body,
            anchored,
            label,
            jiff::Timestamp::UNIX_EPOCH,
        ));
    }
    let mut doc = Document::new(DocId(1), "article", text);
    doc.spans = spans;
    project.documents.push(doc);
    project.next_id = gloss::model::IdAllocator::starting_at(100_000);
    project
}

#[test]
fn five_percent_of_the_words_edited() {
    let Some(corpus) = corpus() else { return };
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(corpus.join("attributions")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut score = Score::default();
    for (n, ann) in files.iter().enumerate() {
        let name = ann.file_stem().unwrap().to_string_lossy();
        let article = name.rsplit_once('_').map_or(name.as_ref(), |(a, _)| a);
        let Ok(text) = std::fs::read_to_string(corpus.join("text").join(format!("{article}.txt"))) else { continue };
        let project = project_with(&text, &spans(&std::fs::read_to_string(ann).unwrap()));
        let edited = edit_words(&text, 0.05, n as u64 + 1);
        let newer = Document::new(DocId(7), "article", &edited.text);
        let planned = update::plan(&project, DocId(1), &newer, jiff::Timestamp::UNIX_EPOCH).unwrap();
        for (span, change) in project.documents[0].spans.iter().zip(&planned.report.highlights) {
            let before: Vec<(usize, usize)> = span.ranges.iter().map(|r| (r.start, r.end)).collect();
            score.add(&edited.truth(&before), change.status, change.after.as_deref());
        }
    }
    let (untouched, edited, wrong, deleted) = score.rates();
    println!(
        "{} highlights in {} files: untouched {} re-anchored exactly {:.2}%; edited {} proposed exactly {:.2}%; \
         placed on wrong text without review {} = {:.3}% of all; deleted {} orphaned {:.2}%",
        score.total,
        files.len(),
        score.untouched.0,
        untouched * 100.0,
        score.edited.0,
        edited * 100.0,
        score.silently_wrong,
        wrong * 100.0,
        score.deleted.0,
        deleted * 100.0
    );
    assert!(untouched >= 0.999, "untouched {untouched}");
    assert!(edited >= 0.89, "edited {edited}");
    assert!(wrong <= 0.005, "silently wrong {wrong}");
    assert!(deleted >= 0.90, "deleted {deleted}");
}
