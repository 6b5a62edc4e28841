//! Bringing together the work of several people on the same articles: a class's files, a team's, or two copies of
//! one project edited apart.
//!
//! [`merge`] joins any number of projects: documents are matched by id and text, or by text (an exercise's
//! documents, or the same article imported twice); every highlight and comment tag arrives as its annotator's,
//! beside what is there; ids are renumbered where they clash. It goes through the same placement as importing
//! another person's dataset (`edit::imported`), so the rules are one. [`three_way`] merges two edits of one
//! project against their common ancestor, for git.

mod articles;
mod notes;
mod schema;
pub mod three_way;

use crate::edit::{Command, EditError, Editor, imported};
use crate::model::Project;

/// A merged project and what came from whom.
#[derive(Debug)]
pub struct Merged {
    /// The result.
    pub project: Project,
    /// What each merged project brought, in order.
    pub report: Vec<SourceReport>,
}

/// What one merged project brought.
#[derive(Clone, Debug)]
pub struct SourceReport {
    /// The name it was given (its file).
    pub source: String,
    /// Documents matched and added, highlights added, in one line.
    pub summary: String,
    /// What was added for whom, and what was left out or joined.
    pub notes: Vec<String>,
}

impl Merged {
    /// The report as lines: a heading per source ("from ana.ron: …"), then its notes, indented.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for source in &self.report {
            lines.push(format!("from {}: {}", source.source, source.summary));
            lines.extend(source.notes.iter().map(|n| format!("  {n}")));
        }
        lines
    }
}

/// Merges each of `others` (with a name for the report, e.g. its file) into `first`. Nothing of any of them is
/// lost: their documents the first lacks are added, their highlights and tags join the matching documents as their
/// annotators' work, their labels join the schema, their notes are kept beside the first's. Merging a project
/// with itself adds nothing.
pub fn merge(first: Project, others: &[(&Project, &str)]) -> Result<Merged, EditError> {
    let mut editor = Editor::new(first, false);
    let mut report = Vec::new();
    for &(other, source) in others {
        let before = (editor.project().documents.len(), spans(editor.project()));
        let mut lines = Vec::new();
        if let Some((schema, added)) = schema::union(&editor.project().schema, &other.schema) {
            editor.apply(Command::SetSchema { schema: Box::new(schema) })?;
            lines.push(format!("added to the labels, with their colours: {}", added.join(", ")));
        }
        let placement =
            imported::place(editor.project(), articles::articles(editor.project(), other), jiff::Timestamp::now());
        for command in placement.commands {
            editor.apply(command)?;
        }
        lines.extend(placement.notes);
        for command in notes::kept(editor.project(), other) {
            editor.apply(command)?;
        }
        let after = (editor.project().documents.len(), spans(editor.project()));
        let added = after.0 - before.0;
        let matched = other.documents.len().saturating_sub(added);
        let summary =
            format!("{matched} document(s) matched, {added} added, {} highlight(s) added", after.1 - before.1);
        report.push(SourceReport { source: source.to_owned(), summary, notes: lines });
    }
    Ok(Merged { project: editor.project().clone(), report })
}

/// The change from `current` to `merged` (a merge of it with others) as one command, so that the window applies a
/// merge as a single step that undo takes back: the schema, then each changed document, then each added one.
/// `None` when nothing changed.
pub fn changes(current: &Project, merged: &Project) -> Option<Command> {
    let mut commands = Vec::new();
    if merged.schema != current.schema {
        commands.push(Command::SetSchema { schema: Box::new(merged.schema.clone()) });
    }
    for (index, doc) in merged.documents.iter().enumerate() {
        match current.document(doc.id) {
            Some(old) if old == doc => {}
            Some(_) => commands.push(Command::ReplaceDocument { document: Box::new(doc.clone()) }),
            None => commands.push(Command::AddDocument { index, document: Box::new(doc.clone()), fresh_ids: false }),
        }
    }
    (!commands.is_empty()).then(|| Command::batch("Merge projects", commands))
}

fn spans(project: &Project) -> usize {
    project.documents.iter().map(|d| d.spans.len()).sum()
}

#[cfg(test)]
mod tests;
