//! Scores Gloss's quote suggestions against attribution-annotated news articles (PolNeAR's brat standoff):
//! overlap and exact F1 of Content, Source and Cue, over all attributions and over direct quotes alone.
//!
//! `cargo run --release --example suggest_eval [-- CORPUS_DIR]`, with CORPUS_DIR holding `text/NAME.txt` and
//! `attributions/NAME_ANNOTATOR.ann` (default: `../shared/corpus/polnear-train`). Each `.ann` file is scored on
//! its own, so an article annotated by two people counts twice.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use gloss::model::DocId;
use gloss::suggest::evaluate::{Scores, Span, Tally, Triple, read_brat};
use gloss::suggest::quotes_in;

fn main() -> Result<()> {
    let dir = std::env::args().nth(1).map_or_else(|| PathBuf::from("../shared/corpus/polnear-train"), PathBuf::from);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("attributions"))
        .with_context(|| format!("reading {}", dir.join("attributions").display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    files.sort();
    let (mut all, mut direct) = (Scores::default(), Scores::default());
    let mut scored = 0;
    // GLOSS_EVAL_MISSES=FILE lists the gold attributions no suggestion overlaps, and the suggestions that overlap
    // no gold content: the material for improving the rules.
    let mut misses: Option<Vec<String>> = std::env::var_os("GLOSS_EVAL_MISSES").map(|_| Vec::new());
    for ann_path in &files {
        let stem = ann_path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let name = stem.rsplit_once('_').map_or(stem, |(name, _)| name);
        let Ok(text) = std::fs::read_to_string(dir.join("text").join(format!("{name}.txt"))) else { continue };
        let ann = std::fs::read_to_string(ann_path).with_context(|| format!("reading {}", ann_path.display()))?;
        let gold = read_brat(&ann, &text);
        let predicted: Vec<Triple> = quotes_in(DocId(0), &text, None)
            .into_iter()
            .map(|s| Triple {
                content: Some(s.ranges),
                source: (!s.source_ranges.is_empty()).then_some(s.source_ranges),
                cue: (!s.cue_ranges.is_empty()).then_some(s.cue_ranges),
                direct: s.direct,
            })
            .collect();
        if let Some(out) = misses.as_mut() {
            note_misses(out, &text, &predicted, &gold);
        }
        all.add(&predicted, &gold);
        let only_direct = |t: &[Triple]| t.iter().filter(|t| t.direct).cloned().collect::<Vec<_>>();
        direct.add(&only_direct(&predicted), &only_direct(&gold));
        scored += 1;
    }
    if let (Some(path), Some(lines)) = (std::env::var_os("GLOSS_EVAL_MISSES"), misses) {
        std::fs::write(path, lines.join("\n"))?;
    }
    println!("{scored} annotation files of {}", dir.display());
    for (title, scores) in [("all attributions", all), ("direct quotes", direct)] {
        println!("{title}:");
        for (role, tally) in [("content", scores.content), ("source", scores.source), ("cue", scores.cue)] {
            print_role(role, &tally);
        }
    }
    Ok(())
}

fn print_role(role: &str, tally: &Tally) {
    let (op, or, of) = tally.overlap();
    let (ep, er, ef) = tally.exact();
    println!(
        "  {role:8} overlap P {op:.3} R {or:.3} F1 {of:.4}   exact P {ep:.3} R {er:.3} F1 {ef:.3}   ({} predicted, {} gold)",
        tally.predicted, tally.gold
    );
}

/// Appends a line per missed gold attribution ("MISS"), per suggestion whose content is wrong ("FALSE"), whose
/// source is wrong ("SOURCE") or whose direct quote is none ("DIRECT"), and per suggestion its cue and whether
/// cue, source and content met a gold one, with the source's words and whether it is direct ("CUE", the material
/// for the precision of each cue word and each kind of source).
fn note_misses(out: &mut Vec<String>, text: &str, predicted: &[Triple], gold: &[Triple]) {
    let chars: Vec<char> = text.chars().collect();
    let show = |span: &Option<Vec<(usize, usize)>>| -> String {
        span.as_ref().map_or_else(String::new, |parts| {
            parts.iter().map(|&(s, e)| chars[s..e].iter().collect::<String>()).collect::<Vec<_>>().join(" … ")
        })
    };
    let overlaps = |a: &Option<Vec<(usize, usize)>>, b: &Option<Vec<(usize, usize)>>| match (a, b) {
        (Some(a), Some(b)) => a.iter().any(|&(s, e)| b.iter().any(|&(t, u)| s < u && t < e)),
        _ => false,
    };
    for g in gold {
        if !predicted.iter().any(|p| overlaps(&p.content, &g.content)) {
            let start = g.content.as_ref().and_then(|c| c.first()).map_or(0, |r| r.0);
            let before: String = chars[start.saturating_sub(150)..start].iter().collect();
            out.push(format!(
                "MISS\t{}\t{}\t{}\t{}",
                show(&g.cue),
                show(&g.source),
                show(&g.content).replace('\n', " "),
                before.replace('\n', " ¶ ")
            ));
        }
    }
    for p in predicted {
        let hit = |role: fn(&Triple) -> &Option<Span>| gold.iter().any(|g| overlaps(role(p), role(g)));
        out.push(format!(
            "CUE\t{}\t{}\t{}\t{}\t{}\t{}",
            show(&p.cue).to_lowercase(),
            u8::from(hit(|t| &t.cue)),
            u8::from(hit(|t| &t.source)),
            u8::from(hit(|t| &t.content)),
            show(&p.source),
            u8::from(p.direct)
        ));
        if gold.iter().any(|g| overlaps(&p.content, &g.content)) && !gold.iter().any(|g| overlaps(&p.source, &g.source))
        {
            let gold_source = gold.iter().find(|g| overlaps(&p.content, &g.content)).map(|g| show(&g.source));
            out.push(format!(
                "SOURCE\t{}\t{}\t{}\t{}",
                show(&p.cue),
                show(&p.source),
                gold_source.unwrap_or_default(),
                show(&p.content).replace('\n', " ")
            ));
        }
        if p.direct && !gold.iter().any(|g| g.direct && overlaps(&p.content, &g.content)) {
            let other = gold.iter().find(|g| overlaps(&p.content, &g.content)).map(|g| show(&g.content));
            out.push(format!(
                "DIRECT\t{}\t{}\t{}\t{}",
                show(&p.cue),
                show(&p.source),
                show(&p.content).replace('\n', " "),
                other.unwrap_or_default().replace('\n', " ")
            ));
        }
        if !gold.iter().any(|g| overlaps(&p.content, &g.content)) {
            out.push(format!("FALSE\t{}\t{}\t{}", show(&p.cue), show(&p.source), show(&p.content).replace('\n', " ")));
        }
    }
}
