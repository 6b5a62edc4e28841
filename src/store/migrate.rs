//! Upgrades of project files written in older format versions.
//!
//! Each step turns the untyped RON value of version `n` into version `n + 1`; a file of version `v` runs every
//! step from `v` on and is then read as the current version. Version 1 is the first format, so the list is empty
//! today; the next format change adds its step here and checks in a file of the version it replaces under
//! `tests/fixtures/format/`.

use ron::Value;

use super::format::CURRENT_VERSION;

/// A step from the version at the same index plus one (`MIGRATIONS[0]` upgrades version 1 to 2).
type Step = fn(Value) -> Result<Value, String>;

const MIGRATIONS: &[Step] = &[];

/// The oldest format version that can be read.
pub const OLDEST_VERSION: u32 = 1;

// A version bump without its migration step would leave older files unreadable.
const _: () = assert!(MIGRATIONS.len() as u32 == CURRENT_VERSION - OLDEST_VERSION);

/// Upgrades `value`, which is in format version `from`, to the current version.
pub(crate) fn upgrade(mut value: Value, from: u32) -> Result<Value, String> {
    let first = (from - OLDEST_VERSION) as usize;
    for step in &MIGRATIONS[first..] {
        value = step(value)?;
    }
    set_version(&mut value);
    Ok(value)
}

/// Writes the current version into an upgraded value.
fn set_version(value: &mut Value) {
    if let Value::Map(map) = value {
        map.insert(Value::String("format_version".to_owned()), Value::Number(ron::Number::U32(CURRENT_VERSION)));
    }
}
