//! `gloss suggest`: the suggestions for a project, as lines or as JSON.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use serde_json::{Value, json};

use crate::model::{Project, Target};
use crate::store;
use crate::suggest::{Kind, Request, Suggestion, accept, suggest_project};

/// Prints the suggestions for `path` (as JSON with `as_json`); with `apply`, adds them all to the project as its
/// annotator's work in one step and saves.
pub(super) fn suggest(
    path: &Path,
    (kinds, document): (&[Kind], Option<usize>),
    (as_json, apply): (bool, bool),
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mut session = if apply { Some(super::sessions::open_for_editing(path)?) } else { None };
    let loaded;
    let project = match &session {
        Some(session) => session.project(),
        None => {
            loaded = store::load(path)?;
            super::sessions::note_unsaved(path);
            &loaded
        }
    };
    let document = match document {
        None => None,
        Some(n) => match project.documents.get(n.wrapping_sub(1)) {
            Some(doc) => Some(doc.id),
            None => bail!("--document {n}: {} has {} document(s)", path.display(), project.documents.len()),
        },
    };
    let request = Request { kinds: kinds.to_vec(), document, annotator: project.annotator.clone() };
    let suggestions = suggest_project(project, &request, |_, _| true);
    if as_json {
        let list: Vec<Value> = suggestions.iter().map(|s| to_json(project, s)).collect();
        let text = serde_json::to_string_pretty(&json!({ "suggestions": list })).context("cannot write JSON")?;
        writeln!(out, "{text}")?;
    } else {
        for s in &suggestions {
            writeln!(out, "{}", line(project, s))?;
        }
        writeln!(out, "{} suggestion(s); quotes, statistics and sentiment read English only", suggestions.len())?;
    }
    let Some(session) = session.as_mut() else { return Ok(ExitCode::SUCCESS) };
    let annotator = session.project().annotator.clone();
    let all: Vec<&Suggestion> = suggestions.iter().collect();
    let Some(command) = accept(session.project(), &all, &annotator, None, jiff::Timestamp::now()) else {
        // Progress and the summary go to stderr so that `--json` output stays one JSON document.
        eprintln!("gloss: {}: nothing to add", path.display());
        return Ok(ExitCode::SUCCESS);
    };
    session.apply(command).context("cannot add the suggestions")?;
    session.save()?;
    let who = if annotator.is_empty() {
        "unsigned work (the project names no annotator)".to_owned()
    } else {
        format!("{annotator}'s work")
    };
    eprintln!("gloss: {}: {} suggestion(s) added as {who}", path.display(), all.len());
    Ok(ExitCode::SUCCESS)
}

/// The 1-based number of the suggestion's document, as `--document` counts them.
fn document_number(project: &Project, s: &Suggestion) -> usize {
    project.document_index(s.document).map_or(0, |i| i + 1)
}

fn to_json(project: &Project, s: &Suggestion) -> Value {
    let label = s.label.and_then(|id| project.schema.label(id)).map(|l| l.name.clone());
    json!({
        "document": document_number(project, s),
        "target": super::target_json(s.target),
        "kind": s.kind.name(),
        "label": label,
        "ranges": s.ranges,
        "text": s.text,
        "speaker": s.speaker,
        "source_ranges": s.source_ranges,
        "cue_ranges": s.cue_ranges,
        "level": s.level.and_then(|id| project.schema.sentiment(id)).map(|l| l.name.clone()),
        "score": s.score,
        "direct": s.direct,
    })
}

fn line(project: &Project, s: &Suggestion) -> String {
    let doc = document_number(project, s);
    let target = match s.target {
        Target::Body => "body".to_string(),
        Target::Comment(id) => format!("comment {}", id.0),
    };
    let text: String = s.text.chars().take(100).collect();
    let text = text.replace('\n', " ");
    match s.kind {
        Kind::Sentiment => {
            let level = s.level.and_then(|id| project.schema.sentiment(id)).map_or("?", |l| l.name.as_str());
            format!("{doc}\t{target}\tsentiment\t{level} ({:+.4})\t{text}", s.score.unwrap_or_default())
        }
        Kind::Quote => {
            let speaker = s.speaker.as_deref().unwrap_or("?");
            let style = if s.direct { "direct" } else { "reported" };
            format!("{doc}\t{target}\tquote ({style})\t{speaker}\t{text}")
        }
        Kind::Statistic => format!("{doc}\t{target}\tstatistic\t\t{text}"),
    }
}
