//! `gloss agree FILE...`: how far annotators agree on the same articles, from several projects (one per
//! annotator) or one merged project (by the annotator of each highlight).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde_json::{Map, Value, json};

use crate::analysis::agree::{Agreement, Annotator, SpanAgreement, agree as measure, names_of};
use crate::analysis::agreement::Coefficient;
use crate::model::Project;
use crate::store;

pub(super) fn agree(files: &[PathBuf], as_json: bool, out: &mut dyn std::io::Write) -> Result<ExitCode> {
    let mut projects: Vec<Project> = Vec::new();
    for file in files {
        projects.push(store::load(file)?);
        super::sessions::note_unsaved(file);
    }
    let names: Vec<String>;
    let annotators: Vec<Annotator<'_>> = if let [project] = projects.as_slice() {
        // One merged project: each annotator's highlights are theirs.
        let found = project.annotators();
        if found.len() < 2 {
            bail!(
                "{} holds the highlights of {} annotator(s); give a project with several, or one project per annotator",
                files[0].display(),
                found.len()
            );
        }
        names = found;
        names.iter().map(|n| Annotator { name: n, project, only: Some(n) }).collect()
    } else {
        let sources: Vec<(&Project, Option<&Path>)> =
            projects.iter().zip(files).map(|(p, f)| (p, Some(f.as_path()))).collect();
        names = names_of(&sources);
        projects.iter().zip(&names).map(|(project, name)| Annotator { name, project, only: None }).collect()
    };
    let report = measure(&annotators);
    if as_json {
        writeln!(out, "{}", serde_json::to_string_pretty(&to_json(&report)).context("cannot write JSON")?)?;
    } else {
        write!(out, "{}", table(&report))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A number, or null with the reason beside it in `why`.
fn number(value: &Coefficient, key: &str, why: &mut Map<String, Value>) -> Value {
    match value {
        Ok(x) => json!(x),
        Err(reason) => {
            why.insert(key.to_owned(), json!(reason.to_string()));
            Value::Null
        }
    }
}

fn spans_json(spans: &SpanAgreement) -> Value {
    let mut why = Map::new();
    let alpha = number(&spans.alpha_u, "alpha_u", &mut why);
    let per_label: Map<String, Value> =
        spans.per_label.iter().map(|(l, v)| (l.clone(), number(v, l, &mut why))).collect();
    json!({
        "alpha_u": alpha,
        "alpha_u_per_label": per_label,
        "pairwise_overlap_f1": spans.pairwise_overlap_f1,
        "undefined": why,
    })
}

fn to_json(report: &Agreement) -> Value {
    let documents: Vec<Value> = report
        .documents
        .iter()
        .map(|d| json!({ "id": d.id.0, "title": d.title, "spans": spans_json(&d.spans) }))
        .collect();
    let c = &report.comments;
    let mut why = Map::new();
    let comments = json!({
        "items": c.items,
        "cohen_kappa": number(&c.cohen_kappa, "cohen_kappa", &mut why),
        "fleiss_kappa": number(&c.fleiss_kappa, "fleiss_kappa", &mut why),
        "krippendorff_alpha_nominal": number(&c.krippendorff_alpha_nominal, "krippendorff_alpha_nominal", &mut why),
        "krippendorff_alpha_ordinal": number(&c.krippendorff_alpha_ordinal, "krippendorff_alpha_ordinal", &mut why),
        "undefined": why,
    });
    let disagreements: Vec<Value> = report
        .disagreements
        .iter()
        .map(|d| {
            json!({ "document": d.doc.0, "target": super::target_json(d.target), "range": [d.range.0, d.range.1], "what": d.what, "agreeing": d.agreeing })
        })
        .collect();
    json!({
        "annotators": report.annotators,
        "documents": documents,
        "overall": spans_json(&report.overall),
        "comments": comments,
        "disagreements": disagreements,
    })
}

fn shown(value: &Coefficient) -> String {
    match value {
        Ok(x) => format!("{x:.3}"),
        Err(why) => format!("n/a — {why}"),
    }
}

fn table(report: &Agreement) -> String {
    let mut out = format!("{} annotators: {}\n", report.annotators.len(), report.annotators.join(", "));
    out.push_str(&format!("highlights, all documents: alpha_u {}\n", shown(&report.overall.alpha_u)));
    for (label, value) in &report.overall.per_label {
        out.push_str(&format!("  {label:<20} {}\n", shown(value)));
    }
    for document in &report.documents {
        out.push_str(&format!(
            "  {:<40} alpha_u {}\n",
            document.title.chars().take(40).collect::<String>(),
            shown(&document.spans.alpha_u)
        ));
    }
    out.push_str("pairwise overlap F1:\n");
    for (name, row) in report.annotators.iter().zip(&report.overall.pairwise_overlap_f1) {
        let cells: Vec<String> =
            row.iter().map(|v| v.map_or_else(|| "  n/a".to_owned(), |x| format!("{x:5.2}"))).collect();
        out.push_str(&format!("  {name:<16} {}\n", cells.join(" ")));
    }
    let c = &report.comments;
    out.push_str(&format!("comment sentiment ({} comments):\n", c.items));
    out.push_str(&format!("  Cohen's kappa              {}\n", shown(&c.cohen_kappa)));
    out.push_str(&format!("  Fleiss' kappa              {}\n", shown(&c.fleiss_kappa)));
    out.push_str(&format!(
        "  Krippendorff's alpha       {} (nominal), {} (ordinal)\n",
        shown(&c.krippendorff_alpha_nominal),
        shown(&c.krippendorff_alpha_ordinal)
    ));
    if !report.disagreements.is_empty() {
        out.push_str(&format!("where they differ ({}; the first 10):\n", report.disagreements.len()));
        for d in report.disagreements.iter().take(10) {
            out.push_str(&format!("  {}\n", d.what));
        }
    }
    out
}
