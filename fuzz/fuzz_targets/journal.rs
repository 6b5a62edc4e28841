//! Any bytes as the journal beside a project, opened and recovered as the window does: no panic, and the
//! recovered project is valid. An input whose first byte is odd is taken as lines of JSON (a header, then a record
//! a line) and framed whole, so that the records themselves reach the replay instead of failing the checksum.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let journal = if pick % 2 == 1 {
        let mut bytes = gloss::session::journal::MAGIC.to_vec();
        for line in rest.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            bytes.extend_from_slice(&u32::try_from(line.len()).unwrap_or(u32::MAX).to_le_bytes());
            bytes.extend_from_slice(&crc32fast::hash(line).to_le_bytes());
            bytes.extend_from_slice(line);
        }
        bytes
    } else {
        rest.to_vec()
    };
    let _ = gloss::session::journal::read(&journal);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    gloss::store::save(&gloss::model::Project::new("fuzz"), &path).unwrap();
    std::fs::write(dir.path().join(".p.ron.journal"), &journal).unwrap();
    if let Ok(gloss::session::Opening::Recover(recovery)) = gloss::session::open(&path, None) {
        if let Ok((session, _)) = recovery.recover() {
            assert!(session.project().problems().is_empty());
        }
    }
});
