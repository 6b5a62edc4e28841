//! The notes of another person's documents and comments, kept beside the merged project's own.

use crate::edit::{Command, TextField};
use crate::model::Project;

use super::articles::same_document;

/// Commands that give each document and comment of `merged` the notes the matching ones of `other` have and it
/// lacks; where both have different notes, the other's follows the first's after a blank line.
pub(super) fn kept(merged: &Project, other: &Project) -> Vec<Command> {
    let mut commands = Vec::new();
    for theirs in &other.documents {
        let Some(mine) = same_document(merged, theirs) else { continue };
        if let Some(value) = joined(&mine.note, &theirs.note) {
            commands.push(Command::SetText { field: TextField::DocumentNote(mine.id), value, at: None });
        }
        for (a, b) in mine.comments.iter().zip(&theirs.comments) {
            if let Some(value) = joined(&a.note, &b.note) {
                commands.push(Command::SetText { field: TextField::CommentNote(mine.id, a.id), value, at: None });
            }
        }
    }
    commands
}

/// The note that keeps both `mine` and `theirs`, or `None` when `mine` has it already.
fn joined(mine: &str, theirs: &str) -> Option<String> {
    let theirs = theirs.trim();
    if theirs.is_empty() || mine.contains(theirs) {
        return None;
    }
    Some(if mine.trim().is_empty() { theirs.to_owned() } else { format!("{}\n\n{theirs}", mine.trim_end()) })
}
