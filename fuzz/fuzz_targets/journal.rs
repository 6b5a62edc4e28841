//! Any bytes as the journal beside a project, opened and recovered as the window does: no panic, and the
//! recovered project is valid.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = gloss::session::journal::read(data);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    gloss::store::save(&gloss::model::Project::new("fuzz"), &path).unwrap();
    std::fs::write(dir.path().join(".p.ron.journal"), data).unwrap();
    if let Ok(gloss::session::Opening::Recover(recovery)) = gloss::session::open(&path, None) {
        if let Ok((session, _)) = recovery.recover() {
            assert!(session.project().problems().is_empty());
        }
    }
});
