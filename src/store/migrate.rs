//! Upgrades of project files written in older format versions.
//!
//! A file of any known version is parsed with the current types, so its errors still carry line and column. That
//! works because the types keep what older versions wrote readable: a field added later has a serde default, a
//! field renamed later keeps its old name as a serde alias. What attributes cannot express is done by the steps
//! below, on the parsed project: a file of version `v` runs every step from `v` on. Every format change adds its
//! step here and checks in a file of the version it replaces under `tests/fixtures/format/`.
//!
//! | Version | Change |
//! | --- | --- |
//! | 1 | The first format. |
//! | 2 | `metadata.direction` ("ltr" or "rtl"), optional. |
//! | 3 | `schema.dimensions`, `comments[].tags`, `spans[].check_worthy` and `spans[].verdict`, all optional. |
//! | 4 | `comments[].tagged_by` (each annotator's sentiment and tags) replaces `sentiment` and `tags`; `exercise`; `conflicts`. |
//! | 5 | `comments[].timestamp` (when the page states it for machines), optional. |
//! | 6 | `spans[].suggested` and `comments[].tagged_by[].suggested` (the suggestion a highlight or sentiment was accepted from) and `rejected` (suggestions annotators turned down), all optional. |
//! | 7 | `documents[].orphans` and `documents[].review` (what an update from a newer version left to decide) and `comments[].removed` (a comment the newer page no longer has), all optional. |
//! | 8 | `spans[].iri` (the name a W3C annotation file gave a highlight), optional. |

use crate::model::Project;

use super::format::CURRENT_VERSION;

/// A step from the version at the same index plus one (`MIGRATIONS[0]` upgrades version 1 to 2).
type Step = fn(&mut Project) -> Result<(), String>;

const MIGRATIONS: &[Step] = &[v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8];

/// The oldest format version that can be read.
pub const OLDEST_VERSION: u32 = 1;

// A version bump without its migration step would leave older files unreadable.
const _: () = assert!(MIGRATIONS.len() as u32 == CURRENT_VERSION - OLDEST_VERSION);

/// Version 2 adds the optional `metadata.direction`; its serde default (none) is right for every version 1 file,
/// so there is nothing more to do.
fn v1_to_v2(_project: &mut Project) -> Result<(), String> {
    Ok(())
}

/// Version 3 adds comment dimensions and the check-worthy and verdict attributes of spans; their serde defaults
/// (no dimensions, no tags, unset, unverified) are right for every version 2 file.
fn v2_to_v3(_project: &mut Project) -> Result<(), String> {
    Ok(())
}

/// Version 5 adds the optional machine-readable time of a comment; no version 4 file has one, and none is
/// invented from the printed date.
fn v4_to_v5(_project: &mut Project) -> Result<(), String> {
    Ok(())
}

/// Version 6 adds where accepted suggestions came from and which were rejected; a version 5 file has neither, and
/// its work was all made by hand.
fn v5_to_v6(_project: &mut Project) -> Result<(), String> {
    Ok(())
}

/// Version 7 adds what updates from newer versions of an article leave behind; a version 6 file was never
/// updated, so it has no orphans, nothing to review and no removed comments.
fn v6_to_v7(_project: &mut Project) -> Result<(), String> {
    Ok(())
}

/// Version 8 adds the IRI a W3C file named a highlight by; a version 7 file kept none, and its highlights are
/// named by their ids as before.
fn v7_to_v8(_project: &mut Project) -> Result<(), String> {
    Ok(())
}

/// Version 4 keeps each annotator's comment tags apart. A version 3 comment had one sentiment and one set of
/// tags, which the reader keeps as the unsigned annotator's (see `CommentFields`); they were the work of the
/// project's annotator, so they become theirs.
fn v3_to_v4(project: &mut Project) -> Result<(), String> {
    if project.annotator.is_empty() {
        return Ok(());
    }
    for comment in project.documents.iter_mut().flat_map(|d| d.comments.iter_mut()) {
        if let Some(tagging) = comment.tagged_by.remove("") {
            comment.tagged_by.insert(project.annotator.clone(), tagging);
        }
    }
    Ok(())
}

/// Upgrades `project`, read from a file of format version `from`, to the current version.
pub(crate) fn upgrade(project: &mut Project, from: u32) -> Result<(), String> {
    let first = from.saturating_sub(OLDEST_VERSION) as usize;
    for step in MIGRATIONS.iter().skip(first) {
        step(project)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::model::Project;

    fn version_3(annotator: &str) -> Project {
        let text = format!(
            "(format_version: 3, name: \"p\", annotator: \"{annotator}\", next_id: 20, schema: (span_labels: [], \
             sentiments: [(id: 1, name: \"Negative\", color: \"#d64f4f\", description: \"\")], dimensions: [(id: 2, name: \"Stance\", \
             values: [(id: 3, name: \"agrees\")])]), documents: [(id: 10, title: \"t\", body: [\"b\"], comments: \
             [(id: 11, author: \"a\", text: [\"c\"], sentiment: Some(1), tags: {{2: 3}})])])"
        );
        crate::store::from_bytes(text.as_bytes(), std::path::Path::new("v3.ron")).unwrap()
    }

    #[test]
    fn the_one_tagging_of_a_version_3_comment_becomes_the_annotators() {
        let comment = &version_3("Ana").documents[0].comments[0];
        assert_eq!(comment.tagged_by.keys().collect::<Vec<_>>(), ["Ana"]);
        assert_eq!(comment.sentiment_of("Ana").map(|s| s.0), Some(1));
        assert_eq!(comment.tag_of("Ana", crate::model::DimensionId(2)).map(|v| v.0), Some(3));
        // A project nobody signed keeps the tags unsigned.
        let comment = &version_3("").documents[0].comments[0];
        assert_eq!(comment.sentiment_of("").map(|s| s.0), Some(1));
    }
}
