//! What an import adds for whom, told in the import report: one line per annotator.

use std::collections::BTreeMap;

use super::annotator_name;
use crate::edit::command::Command;

/// How many highlights and comment tags an import adds for one annotator.
#[derive(Default)]
struct Added {
    highlights: usize,
    tags: usize,
}

/// One line per annotator whose work `commands` add, e.g. `added for "Ana": 4 highlight(s), 2 comment tag(s)`.
pub(super) fn added_per_annotator(commands: &[Command]) -> Vec<String> {
    let mut added: BTreeMap<String, Added> = BTreeMap::new();
    for command in commands {
        match command {
            Command::AddDocument { document, .. } => {
                for span in &document.spans {
                    added.entry(span.annotator.clone()).or_default().highlights += 1;
                }
                for comment in &document.comments {
                    for (who, tagging) in &comment.tagged_by {
                        added.entry(who.clone()).or_default().tags +=
                            usize::from(tagging.sentiment.is_some()) + tagging.tags.len();
                    }
                }
            }
            Command::AddSpans { spans, .. } => {
                for span in spans {
                    added.entry(span.annotator.clone()).or_default().highlights += 1;
                }
            }
            Command::SetSentiment { annotator, .. } | Command::SetCommentTag { annotator, .. } => {
                added.entry(annotator.clone().unwrap_or_default()).or_default().tags += 1;
            }
            Command::SetTagging { annotator, .. } => added.entry(annotator.clone()).or_default().tags += 1,
            _ => {}
        }
    }
    added
        .into_iter()
        .filter(|(_, a)| a.highlights + a.tags > 0)
        .map(|(who, a)| {
            format!("added for {}: {} highlight(s), {} comment tag(s)", annotator_name(&who), a.highlights, a.tags)
        })
        .collect()
}
