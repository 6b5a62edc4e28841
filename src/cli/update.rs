//! `gloss update`: a document brought to a newer version of its article, its work re-anchored.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};

use crate::model::Reanchor;
use crate::update;

/// Updates the `number`-th document of the project at `path` from `file`, saves, and reports what became of each
/// highlight (as JSON with `as_json`).
pub(super) fn update(path: &Path, number: usize, file: &Path, as_json: bool, out: &mut dyn Write) -> Result<ExitCode> {
    let mut session = super::sessions::open_for_editing(path)?;
    let project = session.project();
    let Some(doc) = project.documents.get(number.wrapping_sub(1)).map(|d| d.id) else {
        bail!("--document {number}: {} has {} document(s)", path.display(), project.documents.len());
    };
    let newer = update::newer_version(file).with_context(|| format!("cannot read {}", file.display()))?;
    let planned = update::plan(project, doc, &newer, jiff::Timestamp::now())
        .with_context(|| format!("cannot update document {number} of {}", path.display()))?;
    let unchanged = project.document(doc).is_some_and(|d| *d == planned.document);
    if as_json {
        let text = serde_json::to_string_pretty(&planned.report.to_json(number)).context("cannot write JSON")?;
        writeln!(out, "{text}")?;
    } else {
        for change in planned.report.highlights.iter().filter(|h| h.status != Reanchor::Unchanged) {
            let after = change.quote_after.as_deref().map_or_else(|| "(gone)".to_owned(), |q| format!("{q:?}"));
            writeln!(out, "{}\t{}\t{:?}\t{after}", change.id.0, change.status.name(), change.quote_before)?;
        }
        writeln!(out, "{}", planned.report.summary())?;
    }
    if unchanged {
        eprintln!("gloss: {}: the newer version has the same text; nothing changed", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    session.apply(update::command(&planned)).context("cannot update the document")?;
    session.save()?;
    let review = planned.report.count(Reanchor::Edited) + planned.report.count(Reanchor::Orphaned);
    eprintln!(
        "gloss: {}: document {number} updated from {}; {review} highlight(s) to review in the window (Document > Review update)",
        path.display(),
        file.display()
    );
    Ok(ExitCode::SUCCESS)
}
