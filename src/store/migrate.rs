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

use crate::model::Project;

use super::format::CURRENT_VERSION;

/// A step from the version at the same index plus one (`MIGRATIONS[0]` upgrades version 1 to 2).
type Step = fn(&mut Project) -> Result<(), String>;

const MIGRATIONS: &[Step] = &[v1_to_v2, v2_to_v3];

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

/// Upgrades `project`, read from a file of format version `from`, to the current version.
pub(crate) fn upgrade(project: &mut Project, from: u32) -> Result<(), String> {
    let first = from.saturating_sub(OLDEST_VERSION) as usize;
    for step in MIGRATIONS.iter().skip(first) {
        step(project)?;
    }
    Ok(())
}
