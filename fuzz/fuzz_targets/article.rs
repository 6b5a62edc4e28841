//! Any bytes, read as each article format (the first byte picks it): no panic, and the import leaves a valid
//! project.

#![no_main]

use std::path::Path;

use gloss::import::{Format, extract_bytes};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let (format, name) = match pick % 5 {
        0 => (Format::Text, "a.txt"),
        1 => (Format::Html, "a.html"),
        2 => (Format::Markdown, "a.md"),
        3 => (Format::Json, "a.json"),
        _ => (Format::Csv, "a.csv"),
    };
    let Ok(articles) = extract_bytes(bytes, Path::new(name), format) else { return };
    common::place_and_check(articles);
});
