//! `gloss edit` and `gloss recover`, and what the other subcommands say about a project's journal.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::edit::{Command, Created};
use crate::session::{self, Opening, Recovery, Session, locate};

/// Opens `path` for editing from the command line: refused while a window has it open, or while its journal
/// holds unsaved edits that a window that stopped left (they are brought back or thrown away first).
pub(super) fn open_for_editing(path: &Path) -> Result<Session> {
    match session::open(path, locate::data_dir().as_deref())? {
        Opening::Ready(session) => Ok(session),
        Opening::InUse(in_use) => {
            bail!(
                "{} is open in a Gloss window; close it there first, or make the change in the window",
                in_use.path.display()
            )
        }
        Opening::Recover(recovery) => bail!(
            "{} has {} in its journal ({}); run `gloss recover {}` to bring them back, or with --discard to throw them away",
            path.display(),
            recovery.summary().title(),
            recovery.journal_path().display(),
            path.display()
        ),
    }
}

/// Tells, on stderr, of unsaved edits in the journal of `path`: `validate` and `stats` read the file as saved.
pub(super) fn note_unsaved(path: &Path) {
    let Ok(Some(unsaved)) = session::unsaved(path, locate::data_dir().as_deref()) else { return };
    let title = unsaved.summary.title();
    if unsaved.in_use {
        eprintln!("gloss: note: {} is open in a Gloss window, with {title} not yet saved", path.display());
    } else {
        eprintln!(
            "gloss: note: {} has {title} in its journal, not in the file; open it in Gloss or run `gloss recover {}`",
            path.display(),
            path.display()
        );
    }
}

/// One line of `gloss edit`'s input.
enum Step {
    Edit(Box<Command>),
    Undo,
    Redo,
    Seal,
    Save,
}

fn step(line: &str) -> Result<Step, String> {
    match serde_json::from_str::<serde_json::Value>(line) {
        Ok(serde_json::Value::String(word)) => match word.as_str() {
            "undo" => Ok(Step::Undo),
            "redo" => Ok(Step::Redo),
            "seal" => Ok(Step::Seal),
            "save" => Ok(Step::Save),
            other => {
                Err(format!("{other:?} is not a step; use an edit command, \"undo\", \"redo\", \"seal\" or \"save\""))
            }
        },
        Ok(value) => serde_json::from_value(value)
            .map(|c| Step::Edit(Box::new(c)))
            .map_err(|e| format!("not an edit command: {e}")),
        Err(error) => Err(format!("not JSON: {error}")),
    }
}

/// Applies the steps on `input`, journalling each as it is applied, and saves at the end.
pub(super) fn edit(path: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let mut session = open_for_editing(path)?;
    let mut failures = 0;
    let stdin = std::io::stdin();
    for (number, line) in stdin.lock().lines().enumerate() {
        let line = line.context("cannot read the steps from stdin")?;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let number = number + 1;
        let done = step(line).and_then(|step| {
            match step {
                Step::Edit(command) => {
                    let name = command.name().into_owned();
                    session.apply(*command).map(|created| match created {
                        Created::Span(_, span) => format!("{name} {span}"),
                        Created::Document(doc) => format!("{name} {doc}"),
                        Created::Nothing => name,
                    })
                }
                Step::Undo => session.undo().map(|()| "Undo".to_owned()),
                Step::Redo => session.redo().map(|()| "Redo".to_owned()),
                Step::Seal => {
                    session.seal();
                    Ok("Seal".to_owned())
                }
                Step::Save => session.save().map(|_| "Save".to_owned()),
            }
            .map_err(|e| e.to_string())
        });
        match done {
            Ok(what) => writeln!(out, "ok {number} {what}")?,
            Err(reason) => {
                failures += 1;
                writeln!(out, "failed {number}: {reason}")?;
            }
        }
        // Whoever drives this reads each answer before sending the next step.
        out.flush()?;
    }
    session.save()?;
    writeln!(out, "{}: saved", path.display())?;
    Ok(if failures == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Brings back (and saves) or throws away the unsaved edits in the journal of `path`.
pub(super) fn recover(path: &Path, discard: bool, out: &mut dyn Write) -> Result<ExitCode> {
    let recovery: Box<Recovery> = match session::open(path, locate::data_dir().as_deref())? {
        Opening::Ready(_) => {
            writeln!(out, "{}: no unsaved edits", path.display())?;
            return Ok(ExitCode::SUCCESS);
        }
        Opening::InUse(in_use) => bail!("{} is open in a Gloss window; recover its edits there", in_use.path.display()),
        Opening::Recover(recovery) => recovery,
    };
    let summary = recovery.summary().clone();
    writeln!(out, "{}: {}", path.display(), summary.title())?;
    for edit in &summary.edits {
        writeln!(out, "  {edit}")?;
    }
    if discard {
        drop(recovery.discard());
        writeln!(out, "thrown away; {} is as saved", path.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    if !summary.matches_file {
        writeln!(out, "  (made on another version of the file; those that still apply are kept)")?;
    }
    let (mut session, failed) = recovery.recover()?;
    for failure in &failed {
        writeln!(out, "  not applied: {failure}")?;
    }
    session.save()?;
    writeln!(out, "recovered and saved {}", path.display())?;
    Ok(ExitCode::SUCCESS)
}
