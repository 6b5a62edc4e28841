//! Any bytes, read as each article format (the first byte picks it): no panic, and the import leaves a valid
//! project.

#![no_main]

use std::path::Path;

use gloss::import::{Format, extract_bytes};
use libfuzzer_sys::fuzz_target;

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
    let project = gloss::model::Project::new("fuzz");
    let placement = gloss::edit::imported::place(&project, articles, jiff::Timestamp::UNIX_EPOCH);
    let mut editor = gloss::edit::Editor::new(project, true);
    for command in placement.commands {
        let _ = editor.apply(command);
    }
    assert!(editor.project().problems().is_empty());
});
