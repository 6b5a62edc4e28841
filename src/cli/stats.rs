//! `gloss stats`: the numbers of a project as a table or as JSON.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde_json::{Map, Value, json};

use crate::analysis::{Count, Stats, percent};
use crate::store;

pub(super) fn stats(path: &Path, as_json: bool, out: &mut dyn std::io::Write) -> Result<ExitCode> {
    let project = store::load(path)?;
    super::sessions::note_unsaved(path);
    let stats = Stats::of(&project);
    if as_json {
        writeln!(out, "{}", serde_json::to_string_pretty(&to_json(&stats)).context("cannot write JSON")?)?;
    } else {
        write!(out, "{}", table(&project.name, &stats))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn counts(counts: &[Count]) -> Map<String, Value> {
    counts.iter().map(|c| (c.name.clone(), json!(c.count))).collect()
}

fn to_json(stats: &Stats) -> Value {
    let mut sentiments = counts(&stats.sentiments);
    sentiments.insert("untagged".to_owned(), json!(stats.untagged()));
    let share: Map<String, Value> =
        stats.sentiments.iter().map(|c| (c.name.clone(), json!(percent(c.count, stats.comments_tagged)))).collect();
    let dimensions: Map<String, Value> =
        stats.dimensions.iter().map(|d| (d.name.clone(), Value::Object(counts(&d.values)))).collect();
    let documents: Vec<Value> =
        stats.spans_per_document.iter().map(|c| json!({ "title": c.name, "spans": c.count })).collect();
    json!({
        "documents": stats.documents,
        "comments": stats.comments,
        "comments_tagged": stats.comments_tagged,
        "spans": stats.spans,
        "spans_per_label": counts(&stats.spans_per_label),
        "sentiments": sentiments,
        "sentiment_percent_of_tagged": share,
        "dimensions": dimensions,
        "verdicts": counts(&stats.verdicts),
        "check_worthy": stats.check_worthy,
        "spans_per_annotator": counts(&stats.spans_per_annotator),
        "spans_per_document": documents,
        "suggestions": counts(&stats.suggestions),
    })
}

fn table(name: &str, stats: &Stats) -> String {
    let mut out = format!(
        "{name}\n  documents  {:>6}\n  comments   {:>6}  ({} tagged)\n  spans      {:>6}  ({} check-worthy)\n",
        stats.documents, stats.comments, stats.comments_tagged, stats.spans, stats.check_worthy
    );
    let mut section = |title: &str, counts: &[Count], whole: Option<usize>| {
        out.push_str(title);
        out.push('\n');
        for count in counts {
            let name: String = if count.name.chars().count() > 24 {
                count.name.chars().take(23).chain(['…']).collect()
            } else {
                count.name.clone()
            };
            let share = whole.map(|w| format!("  {:>3} %", percent(count.count, w))).unwrap_or_default();
            out.push_str(&format!("  {name:<24} {:>6}{share}\n", count.count));
        }
    };
    section("spans per label", &stats.spans_per_label, Some(stats.spans));
    section("verdicts", &stats.verdicts, Some(stats.spans));
    section("spans per annotator", &stats.spans_per_annotator, Some(stats.spans));
    section("spans per document", &stats.spans_per_document, None);
    let mut sentiments = stats.sentiments.clone();
    sentiments.push(Count { name: "(untagged)".to_owned(), count: stats.untagged() });
    section("comment sentiment (share of all comments)", &sentiments, Some(stats.comments));
    for dimension in &stats.dimensions {
        section(&format!("comment {}", dimension.name), &dimension.values, None);
    }
    if stats.suggestions.iter().any(|c| c.count > 0) {
        section("suggestions", &stats.suggestions, None);
    }
    out
}
