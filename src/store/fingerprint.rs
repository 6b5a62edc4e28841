//! What a project file held when Gloss last read or wrote it, so that a change by another program (a sync client,
//! git, a colleague) is noticed before a save overwrites it, and so that a journal knows which file it belongs to.

use std::io::Read;
use std::path::Path;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

/// The length and a 64-bit hash (XXH3) of a file's bytes. Equal fingerprints mean equal content, short of a
/// collision no real edit produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Length in bytes.
    pub len: u64,
    /// XXH3-64 of the bytes; stable across Gloss versions and platforms.
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of `bytes`.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        Self { len: bytes.len() as u64, hash: xxhash_rust::xxh3::xxh3_64(bytes) }
    }

    /// The fingerprint of the file at `path`, read in pieces; `None` if there is no file there.
    pub fn of_file(path: &Path) -> std::io::Result<Option<Self>> {
        let mut file = match std::fs::File::open(path) {
            Ok(file) => file,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(error),
        };
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut buffer = vec![0; 1 << 16];
        let mut len = 0;
        loop {
            let read = file.read(&mut buffer)?;
            if read == 0 {
                break;
            }
            hasher.update(&buffer[..read]);
            len += read as u64;
        }
        Ok(Some(Self { len, hash: hasher.digest() }))
    }
}

/// A file as Gloss last saw it: its fingerprint, and the size and modification time that tell cheaply whether it
/// may have changed since.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskState {
    /// What the file held.
    pub fingerprint: Fingerprint,
    /// Its modification time then, where the file system keeps one.
    pub modified: Option<SystemTime>,
}

impl DiskState {
    /// The state of the file at `path` now, if there is one.
    pub fn of_file(path: &Path) -> std::io::Result<Option<Self>> {
        let modified = std::fs::metadata(path).ok().and_then(|m| m.modified().ok());
        Ok(Fingerprint::of_file(path)?.map(|fingerprint| Self { fingerprint, modified }))
    }

    /// The state of a file that holds `bytes` and was just written.
    pub fn written(path: &Path, bytes: &[u8]) -> Self {
        let modified = std::fs::metadata(path).ok().and_then(|m| m.modified().ok());
        Self { fingerprint: Fingerprint::of_bytes(bytes), modified }
    }

    /// Whether size or modification time say that the file at `path` may differ from this state: a cheap check
    /// for a window to make while idle. A file that is gone counts as changed.
    pub fn may_differ(&self, path: &Path) -> bool {
        match std::fs::metadata(path) {
            Ok(metadata) => metadata.len() != self.fingerprint.len || metadata.modified().ok() != self.modified,
            Err(_) => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::unwrap_used, reason = "a test fails loudly on purpose")]
    fn a_file_and_its_bytes_have_one_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(Fingerprint::of_file(&path).unwrap(), Some(Fingerprint::of_bytes(&bytes)));
        assert_eq!(Fingerprint::of_file(&dir.path().join("missing")).unwrap(), None);
        assert_ne!(Fingerprint::of_bytes(b"a"), Fingerprint::of_bytes(b"b"));
        // The hash is a fixed function of the bytes: journals written by one Gloss are read by the next.
        assert_eq!(Fingerprint::of_bytes(b"").hash, 0x2d06_8005_38d3_94c2);
        let state = DiskState::of_file(&path).unwrap().unwrap();
        assert!(!state.may_differ(&path));
        std::fs::write(&path, b"changed").unwrap();
        assert!(state.may_differ(&path));
    }
}
