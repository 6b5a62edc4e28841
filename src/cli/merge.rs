//! `gloss merge A B... --into M` and `gloss merge-driver %O %A %B`: several people's work in one project.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::merge::{merge as join, three_way::merge3};
use crate::model::Project;
use crate::store;

pub(super) fn merge(files: &[PathBuf], into: &Path, out: &mut dyn std::io::Write) -> Result<ExitCode> {
    let real = |p: &Path| store::real_path(p);
    if into.exists() && !files.iter().any(|f| real(f) == real(into)) {
        bail!(
            "{} exists already; merge writes a new file or one of the files it merges, never another",
            into.display()
        );
    }
    let mut projects = Vec::new();
    for file in files {
        projects.push(store::load(file)?);
        super::sessions::note_unsaved(file);
    }
    let Some((first, rest)) = projects.split_first() else { bail!("give the projects to merge") };
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let others: Vec<(&Project, &str)> = rest.iter().zip(&names[1..]).map(|(p, n)| (p, n.as_str())).collect();
    let merged = join(first.clone(), &others).with_context(|| "merging".to_owned())?;
    for line in merged.lines() {
        writeln!(out, "{line}")?;
    }
    store::save(&merged.project, into).with_context(|| format!("writing {}", into.display()))?;
    let spans: usize = merged.project.documents.iter().map(|d| d.spans.len()).sum();
    writeln!(
        out,
        "{}: {} document(s), {spans} highlight(s), {} annotator(s)",
        into.display(),
        merged.project.documents.len(),
        merged.project.annotators().len()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// git's merge driver: `base` is the common ancestor, `ours` the version in the working tree (the result is
/// written there), `theirs` the other branch's. Exits 0 when clean, 1 when something is left to decide (the
/// file then holds both versions of it and lists it, for the window), and leaves `ours` as it was when a file
/// cannot be read, so that git reports a conflict and nothing is lost.
pub(super) fn driver(base: &Path, ours: &Path, theirs: &Path, out: &mut dyn std::io::Write) -> Result<ExitCode> {
    let load = |path: &Path| store::load(path).with_context(|| "the merge was left to git".to_owned());
    let (old, mine, other) = (load(base)?, load(ours)?, load(theirs)?);
    let merged = merge3(&old, &mine, &other);
    let fresh = merged.conflicts.len().saturating_sub(mine.conflicts.len());
    // Written without a backup: git runs the driver on files of its own, and the branches keep both versions.
    let text = store::checked_text(&merged, ours).context("the merge was left to git")?;
    store::write_file(ours, text.as_bytes())?;
    if fresh == 0 {
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "gloss: {fresh} conflict(s) left to decide; open the project in Gloss (View ▸ Merge conflicts):")?;
    for conflict in &merged.conflicts[mine.conflicts.len()..] {
        writeln!(out, "  {}", conflict.message)?;
    }
    Ok(ExitCode::from(1))
}
