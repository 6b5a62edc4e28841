//! Carrying a journal's records out again on an editor: onto the very project they were made on (a recovery
//! after a crash), or onto another version of it (the file as someone else changed it), where every edit that
//! still applies is kept and the rest are named.

use std::collections::HashMap;

use jiff::Timestamp;

use super::journal::Record;
use crate::edit::Editor;

/// An id no object has: what an edit's reference to something another edit failed to make becomes, so that the
/// edit fails too rather than land on whatever took that number in the other version.
const GONE: u64 = u64::MAX;

/// What a replay did.
pub struct Replayed {
    /// The editor with the records carried out.
    pub editor: Editor,
    /// The records as carried out (ids renamed where the project's counter stood elsewhere), which the journal
    /// holds from now on.
    pub applied: Vec<Record>,
    /// The edits that could not be carried out, each with the reason.
    pub failed: Vec<String>,
    /// When the last step was taken.
    pub last: Option<Timestamp>,
}

/// Carries out `records` on `editor`. `base` is the id counter of the project the records were first made on:
/// ids below it existed before them, ids from it on were handed out by them and are renamed to what the same
/// edits hand out here.
pub fn replay(mut editor: Editor, records: &[Record], base: u64) -> Replayed {
    let mut renamed: HashMap<u64, u64> = HashMap::new();
    let mut applied = Vec::with_capacity(records.len());
    let mut failed = Vec::new();
    let mut last = None;
    for record in records {
        last = record.at().or(last);
        match record {
            Record::Apply { command, at, ids: (from, to) } => {
                let mut command = command.clone();
                command.remap_ids(&|id| if id < base { id } else { renamed.get(&id).copied().unwrap_or(GONE) });
                let before = editor.project().next_id.peek();
                match editor.apply(command.clone()) {
                    Ok(_) => {
                        let after = editor.project().next_id.peek();
                        // The same edit hands out as many ids, in the same order, from wherever the counter is.
                        if after - before == to.saturating_sub(*from) {
                            renamed.extend((0..after - before).map(|k| (from + k, before + k)));
                        }
                        applied.push(Record::Apply { command, at: *at, ids: (before, after) });
                    }
                    Err(error) => failed.push(format!("{}: {error}", command.name())),
                }
            }
            Record::Undo { .. } => {
                let name = editor.undo_name().map(str::to_owned);
                match editor.undo() {
                    Ok(()) => applied.push(record.clone()),
                    Err(error) => failed.push(format!("Undo {}: {error}", name.unwrap_or_default())),
                }
            }
            Record::Redo { .. } => {
                let name = editor.redo_name().map(str::to_owned);
                match editor.redo() {
                    Ok(()) => applied.push(record.clone()),
                    Err(error) => failed.push(format!("Redo {}: {error}", name.unwrap_or_default())),
                }
            }
            Record::Seal => {
                if editor.seal() {
                    applied.push(Record::Seal);
                }
            }
            // A save of the records before it: what it means is decided before the replay (see `recovery`).
            Record::Saving { .. } => {}
        }
    }
    Replayed { editor, applied, failed, last }
}

/// The names of the steps `records` hold, for a journal whose edits cannot be listed by undo (see
/// [`Editor::unsaved_edits`]).
pub fn step_names(records: &[Record]) -> Vec<String> {
    records
        .iter()
        .filter_map(|record| match record {
            Record::Apply { command, .. } => Some(command.name().into_owned()),
            Record::Undo { .. } => Some("Undo".to_owned()),
            Record::Redo { .. } => Some("Redo".to_owned()),
            Record::Seal | Record::Saving { .. } => None,
        })
        .collect()
}
