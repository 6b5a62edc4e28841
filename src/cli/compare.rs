//! `gloss compare KEY.ron STUDENT.ron...`: each student's project against the answer key, as a table, as JSON,
//! and as a gradebook CSV for a spreadsheet or a learning platform.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde_json::{Map, Value, json};

use crate::analysis::agreement::spans::Score;
use crate::analysis::compare::{Comparison, Finding, Rubric, compare as compare_projects};
use crate::store;

/// The first line of a gradebook, by which an earlier one is known and may be replaced.
const GRADEBOOK_HEADER: &str = "file,name,score,exact_precision,exact_recall,exact_f1,overlap_precision,\
overlap_recall,overlap_f1,comments_compared,sentiment_agreement,cohen_kappa,missed,extra,boundary,wrong_label,feedback";

pub(super) fn compare(
    key_path: &Path,
    students: &[PathBuf],
    as_json: bool,
    gradebook: Option<&Path>,
    out: &mut dyn std::io::Write,
) -> Result<ExitCode> {
    let key = store::load(key_path)?;
    super::sessions::note_unsaved(key_path);
    // The teacher's rubric and feedback, kept beside the key.
    let notes = store::load_class_notes(key_path)?;
    if !notes.rubric.is_sound() {
        bail!(
            "{}: the rubric's weights must be numbers of 0 or more, not both 0",
            store::class_notes_path(key_path).display()
        );
    }
    let files = store::project_files(students, Some(key_path)).context("cannot read the folder of students")?;
    if files.is_empty() {
        bail!("no student projects (.ron) were given or found");
    }
    let mut results = Vec::new();
    let mut failed = false;
    for file in &files {
        match store::load(file) {
            Ok(student) => results.push((file.clone(), compare_projects(&key, &student, notes.rubric))),
            Err(error) => {
                // One unreadable file leaves the rest of the class compared.
                eprintln!("gloss: {}", super::one_line(&format!("{error:#}")));
                failed = true;
            }
        }
    }
    if let Some(path) = gradebook {
        write_gradebook(path, &results, key_path, &files, &notes)?;
    }
    if as_json {
        let students: Vec<Value> =
            results.iter().map(|(file, c)| student_json(file, c, notes.feedback_for(file))).collect();
        let rubric = json!({ "spans": notes.rubric.spans, "comments": notes.rubric.comments });
        let value = json!({ "key": key_path.display().to_string(), "rubric": rubric, "students": students });
        writeln!(out, "{}", serde_json::to_string_pretty(&value).context("cannot write JSON")?)?;
    } else {
        write!(out, "{}", table(key_path, &results, notes.rubric))?;
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn score_json(score: &Score) -> Value {
    json!({ "precision": score.precision, "recall": score.recall, "f1": score.f1, "key": score.key, "found": score.found })
}

fn finding_json(finding: &Finding) -> Value {
    let mut value = json!({
        "document": finding.doc.0,
        "target": super::target_json(finding.target),
        "ranges": finding.ranges,
        "label": finding.label,
        "text": finding.quote,
    });
    if let (Some((ranges, label)), Value::Object(map)) = (&finding.against, &mut value) {
        map.insert("student".to_owned(), json!({ "ranges": ranges, "label": label }));
    }
    value
}

fn coefficient_json(value: &crate::analysis::agreement::Coefficient) -> (Value, Option<String>) {
    match value {
        Ok(x) => (json!(x), None),
        Err(why) => (Value::Null, Some(why.to_string())),
    }
}

fn student_json(file: &Path, c: &Comparison, feedback: &str) -> Value {
    let per_label: Map<String, Value> = c
        .per_label
        .iter()
        .map(|l| {
            let scores = json!({ "exact": score_json(&l.exact), "overlap": score_json(&l.overlap), "chars": score_json(&l.chars) });
            (l.label.clone(), scores)
        })
        .collect();
    let per_document: Vec<Value> = c
        .per_document
        .iter()
        .map(|d| {
            json!({ "id": d.doc.0, "title": d.title, "present": d.present, "exact": score_json(&d.exact), "overlap": score_json(&d.overlap) })
        })
        .collect();
    let (kappa, why) = coefficient_json(&c.comments.cohen_kappa);
    let mut comments = json!({
        "compared": c.comments.compared,
        "agreement": c.comments.agreement,
        "cohen_kappa": kappa,
        "differences": c.comments.differences.iter().map(|d| json!({
            "document": d.doc.0, "comment": d.comment.0, "key": d.key, "student": d.student,
        })).collect::<Vec<_>>(),
    });
    if let (Some(why), Value::Object(map)) = (why, &mut comments) {
        map.insert("cohen_kappa_undefined".to_owned(), json!(why));
    }
    let list = |findings: &[Finding]| findings.iter().map(finding_json).collect::<Vec<_>>();
    json!({
        "file": file.display().to_string(),
        "annotator": c.annotator,
        "score": c.score,
        "spans": {
            "exact": score_json(&c.exact),
            "overlap": score_json(&c.overlap),
            "per_label": per_label,
            "per_document": per_document,
        },
        "comments": comments,
        "missed": list(&c.missed),
        "extra": list(&c.extra),
        "boundary": list(&c.boundary),
        "wrong_label": list(&c.wrong_label),
        "feedback": feedback,
    })
}

fn table(key: &Path, results: &[(PathBuf, Comparison)], rubric: Rubric) -> String {
    let (spans, comments) = shares(rubric);
    let mut out = format!(
        "{} against {} student(s); score = {spans:.0}% overlap F1 of highlights + {comments:.0}% comment tags as the key\n",
        key.display(),
        results.len()
    );
    out.push_str(&format!(
        "{:<24} {:<16} {:>6} {:>9} {:>11} {:>6} {:>7} {:>6} {:>9} {:>11}\n",
        "file", "annotator", "score", "exact F1", "overlap F1", "kappa", "missed", "extra", "boundary", "wrong label"
    ));
    for (file, c) in results {
        let name = file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
        let kappa = c.comments.cohen_kappa.map_or_else(|_| "n/a".to_owned(), |k| format!("{k:.3}"));
        out.push_str(&format!(
            "{:<24} {:<16} {:>6.1} {:>9.3} {:>11.3} {:>6} {:>7} {:>6} {:>9} {:>11}\n",
            name,
            c.annotator,
            c.score,
            c.exact.f1,
            c.overlap.f1,
            kappa,
            c.missed.len(),
            c.extra.len(),
            c.boundary.len(),
            c.wrong_label.len()
        ));
    }
    out
}

/// Writes the gradebook atomically. It replaces only an earlier gradebook, never a project or another file.
/// The rubric's weights as percentages.
fn shares(rubric: Rubric) -> (f64, f64) {
    let total = rubric.spans + rubric.comments;
    (100.0 * rubric.spans / total, 100.0 * rubric.comments / total)
}

fn write_gradebook(
    path: &Path,
    results: &[(PathBuf, Comparison)],
    key: &Path,
    students: &[PathBuf],
    notes: &crate::model::class::ClassNotes,
) -> Result<()> {
    let real = store::real_path(path);
    if real == store::real_path(key) || students.iter().any(|s| store::real_path(s) == real) {
        bail!("{} is one of the projects compared; the gradebook was not written", path.display());
    }
    if path.exists() {
        let earlier = std::fs::read_to_string(path).ok().is_some_and(|text| text.starts_with(GRADEBOOK_HEADER));
        if !earlier {
            bail!("{} exists and is not an earlier gradebook; choose another name", path.display());
        }
    }
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    writer.write_record(GRADEBOOK_HEADER.split(','))?;
    for (file, c) in results {
        let kappa = c.comments.cohen_kappa.map_or_else(|_| String::new(), |k| format!("{k:.4}"));
        let agreement = c.comments.agreement.map_or_else(String::new, |a| format!("{a:.4}"));
        let row = [
            file.display().to_string(),
            c.annotator.clone(),
            format!("{:.1}", c.score),
            format!("{:.4}", c.exact.precision),
            format!("{:.4}", c.exact.recall),
            format!("{:.4}", c.exact.f1),
            format!("{:.4}", c.overlap.precision),
            format!("{:.4}", c.overlap.recall),
            format!("{:.4}", c.overlap.f1),
            c.comments.compared.to_string(),
            agreement,
            kappa,
            c.missed.len().to_string(),
            c.extra.len().to_string(),
            c.boundary.len().to_string(),
            c.wrong_label.len().to_string(),
            notes.feedback_for(file).to_owned(),
        ];
        writer.write_record(&row)?;
    }
    let bytes = writer.into_inner().context("cannot write the gradebook")?;
    store::write_file(path, &bytes).with_context(|| format!("writing the gradebook {}", path.display()))?;
    Ok(())
}
