//! The subcommands, each a few calls into the library.

use std::path::Path;
use std::process::ExitCode;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, Result, bail};

use super::Command;
use crate::analysis::Stats;
use crate::edit::{Command as Edit, Created, fixup, imported};
use crate::import::{Extracted, batch, extract_file};
use crate::model::Project;
use crate::session::Session;
use crate::store;

pub(super) fn run(command: Command, out: &mut dyn Write) -> Result<ExitCode> {
    match command {
        Command::Import { files, into, attach_to, annotator } => {
            import(&files, (&into, attach_to, annotator.as_deref()), out)
        }
        Command::Extract { file, json } => extract(&file, json, out),
        Command::Stats { project, json } => super::stats::stats(&project, json, out),
        Command::Suggest { project, kinds, document, json, apply } => {
            super::suggest::suggest(&project, (&kinds, document), (json, apply), out)
        }
        Command::Update { project, document, file, json } => {
            super::update::update(&project, document, &file, json, out)
        }
        Command::Export { project, format, out: to, document, force } => {
            export(&project, format, &to, document, force, out)
        }
        Command::Validate { project } => validate(&project, out),
        Command::Edit { project } => super::sessions::edit(&project, out),
        Command::Recover { project, discard } => super::sessions::recover(&project, discard, out),
        Command::Agree { files, json } => super::agree::agree(&files, json, out),
        Command::Merge { files, into } => super::merge::merge(&files, &into, out),
        Command::MergeDriver { ancestor, ours, theirs } => {
            super::merge::driver(&ancestor, &ours, &theirs, &mut std::io::stderr())
        }
        Command::Exercise { key, out: path, instructions, examples } => {
            super::exercise::exercise(&key, &path, (&instructions, &examples), out)
        }
        Command::Compare { key, students, json, gradebook } => {
            super::compare::compare(&key, &students, json, gradebook.as_deref(), out)
        }
    }
}

fn export(
    path: &Path,
    format: crate::export::Format,
    to: &Path,
    document: Option<usize>,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    use crate::export::{Control, ExportError, Scope, destination::Guard, export_guarded};
    let project = store::load(path)?;
    let scope = match document {
        None => Scope::Project,
        Some(n) => match project.documents.get(n.wrapping_sub(1)) {
            Some(doc) => Scope::Document(doc.id),
            None => bail!("--document {n}: {} has {} document(s)", path.display(), project.documents.len()),
        },
    };
    let guard = Guard { project_file: Some(path.to_owned()), force };
    let report = match export_guarded(&project, scope, format, to, &Control::none(), &guard) {
        Err(error @ ExportError::WouldReplace { refusal, .. }) if refusal.can_force() => {
            bail!("{error} (choose another name, or pass --force to replace it)")
        }
        result => result.with_context(|| format!("exporting {} as {}", path.display(), format.name()))?,
    };
    for file in &report.files {
        writeln!(out, "{}", file.display())?;
    }
    let offsets = format.offset_unit().map(|unit| format!("; offsets in {unit}")).unwrap_or_default();
    writeln!(
        out,
        "{} document(s), {} highlight(s), {} comment(s){offsets}",
        report.documents, report.spans, report.comments
    )?;
    Ok(ExitCode::SUCCESS)
}

fn import(
    inputs: &[PathBuf],
    (into, attach_to, annotator): (&Path, Option<usize>, Option<&str>),
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mut editor = if into.exists() {
        super::sessions::open_for_editing(into)?
    } else {
        Session::untitled(Project::new(project_name(into)), None)
    };
    let project = editor.project();
    let target = match attach_to {
        Some(n) => match project.documents.get(n.wrapping_sub(1)) {
            Some(doc) => Some(doc.id),
            None => bail!("--attach-to {n}: {} has {} document(s)", into.display(), project.documents.len()),
        },
        None => None,
    };
    let (files, mut outcomes) = batch::collect(inputs);
    let show_progress = std::io::stderr().is_terminal() && files.len() > 1;
    let progress = |p: batch::Progress| {
        if show_progress {
            eprint!("\rimporting {}/{}", p.done, p.total);
        }
    };
    outcomes.extend(batch::run(&files, &AtomicBool::new(false), &progress));
    if show_progress {
        eprintln!();
    }
    let (mut added, mut failures, mut read, mut changed) = (0, 0, 0, false);
    for outcome in outcomes {
        let mut articles = match outcome.result {
            Ok(articles) => articles,
            Err(error) => {
                eprintln!("gloss: {error}");
                failures += 1;
                continue;
            }
        };
        for article in &articles {
            print_report(out, &outcome.path, article)?;
        }
        read += articles.len();
        let source = batch::source_of(inputs, &outcome.path);
        let signed = imported::sign_unsigned(editor.project(), (&outcome.path, &source), &mut articles, annotator);
        if let Some(note) = signed {
            writeln!(out, "  {note}")?;
        }
        let placement = imported::place(editor.project(), articles, jiff::Timestamp::now());
        changed |= !placement.commands.is_empty();
        for note in &placement.notes {
            writeln!(out, "  {note}")?;
        }
        for command in placement.commands {
            let adds_document = matches!(command, Edit::AddDocument { .. });
            let created = editor.apply(command)?;
            if let (Some(target), Created::Document(new)) = (target, created) {
                let project = editor.project();
                if let (Some(from), Some(to)) = (project.document(new), project.document(target)) {
                    let comments = from.comments.len();
                    editor.apply(fixup::attach_comments(from, to))?;
                    writeln!(out, "  {comments} comment(s) attached to document {}", attach_to.unwrap_or_default())?;
                }
            }
            added += usize::from(adds_document);
        }
    }
    if read == 0 {
        if failures == 0 {
            bail!("no article files were found in {}", display_list(inputs));
        }
        // Each failure has been reported on its own line; the project stays as it was.
        return Ok(ExitCode::FAILURE);
    }
    if !changed {
        writeln!(out, "{}: nothing new; the project holds all of it already", into.display())?;
        return Ok(if failures == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE });
    }
    match editor.file() {
        Some(_) => editor.save()?,
        None => editor.save_as(into)?,
    };
    writeln!(out, "{}: {} document(s), {added} new", into.display(), editor.project().documents.len())?;
    Ok(if failures == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// What was found in one article, as `gloss import` and `gloss extract` print it.
fn print_report(out: &mut dyn Write, path: &Path, article: &Extracted) -> std::io::Result<()> {
    writeln!(out, "{}: {}", path.display(), article.summary())?;
    if let Some(note) = article.comments_note() {
        writeln!(out, "  {note}")?;
    }
    for warning in &article.warnings {
        writeln!(out, "  warning: {warning}")?;
    }
    for skipped in &article.skipped {
        writeln!(out, "  left out {skipped}")?;
    }
    Ok(())
}

fn display_list(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// A new project is named after its file.
fn project_name(path: &Path) -> String {
    path.file_stem().map_or_else(|| "Untitled".to_owned(), |stem| stem.to_string_lossy().into_owned())
}

fn extract(file: &Path, as_json: bool, out: &mut dyn Write) -> Result<ExitCode> {
    let articles = extract_file(file)?;
    if as_json {
        // One article prints as one object; a file of several (a JSON array, JSON Lines) as an array of them.
        let text = match articles.as_slice() {
            [one] => serde_json::to_string_pretty(one),
            many => serde_json::to_string_pretty(many),
        };
        writeln!(out, "{}", text.context("cannot write JSON")?)?;
    } else {
        for article in &articles {
            print_report(out, file, article)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn validate(path: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let project = store::load(path)?;
    super::sessions::note_unsaved(path);
    let stats = Stats::of(&project);
    writeln!(
        out,
        "{}: valid (format version {}; {} document(s), {} comment(s), {} span(s))",
        path.display(),
        store::CURRENT_VERSION,
        stats.documents,
        stats.comments,
        stats.spans
    )?;
    Ok(ExitCode::SUCCESS)
}
