//! Any bytes as a project file or a label file: no panic; a project that loads saves and loads back the same.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(project) = gloss::store::from_bytes(data, Path::new("fuzz.ron")) {
        let text = gloss::store::to_string(&project).unwrap();
        assert_eq!(gloss::store::from_bytes(text.as_bytes(), Path::new("again.ron")).unwrap(), project);
    }
    let dir = tempfile::tempdir().unwrap();
    let labels = dir.path().join("labels.gloss-labels.ron");
    std::fs::write(&labels, data).unwrap();
    let _ = gloss::store::load_schema(&labels);
});
