//! `gloss exercise KEY --out EXERCISE`: what a class receives from a teacher's answer key.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::model::SpanId;
use crate::store;

pub(super) fn exercise(
    key_path: &Path,
    out_path: &Path,
    (instructions, examples): (&str, &[u64]),
    out: &mut dyn std::io::Write,
) -> Result<ExitCode> {
    if out_path.exists() {
        bail!("{} exists already; give the exercise a new file name", out_path.display());
    }
    let key = store::load(key_path)?;
    super::sessions::note_unsaved(key_path);
    let examples: Vec<SpanId> = examples.iter().map(|&id| SpanId(id)).collect();
    for id in &examples {
        if !key.documents.iter().any(|d| d.span(*id).is_some()) {
            bail!("{} has no highlight with the id {}", key_path.display(), id.0);
        }
    }
    let made = crate::exercise::exercise(&key, instructions, &examples);
    store::save(&made, out_path).with_context(|| format!("writing {}", out_path.display()))?;
    let id = made.exercise.as_ref().map_or("", |e| e.id.as_str());
    writeln!(
        out,
        "{}: exercise {id}, {} document(s), {} worked example(s); students open it, set their name and save their own file",
        out_path.display(),
        made.documents.len(),
        examples.len()
    )?;
    Ok(ExitCode::SUCCESS)
}
