//! The journal's file format, designed as a write-ahead log is.
//!
//! ```text
//! GLOSS JOURNAL 1\n                      magic line
//! [len: u32 LE][crc: u32 LE][len bytes]  the header: JSON of `Header`
//! [len: u32 LE][crc: u32 LE][len bytes]  a record: JSON of `Record`
//! …
//! ```
//!
//! Each frame carries its payload's length and CRC-32, so a frame is either complete and intact or ignored: a
//! write cut off by a crash, or a damaged sector, ends the journal there, and everything before it counts.
//! Replaying always starts from the state the header names (the file it was started on, or a snapshot), so
//! replaying a journal twice gives the same project as replaying it once.

use std::path::PathBuf;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::edit::{Command, History};
use crate::model::Project;
use crate::store::Fingerprint;

/// The first bytes of every journal.
pub const MAGIC: &[u8] = b"GLOSS JOURNAL 1\n";

/// Frames larger than this are not Gloss's: a project file is at most 1 GiB, and so is anything it journals.
const MAX_FRAME: u32 = 1 << 30;

/// What the journal starts from: the header, written when the journal is started or restarted (after a save).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// The Gloss that wrote it.
    pub gloss: String,
    /// When the journal was started.
    pub created: Timestamp,
    /// The process that writes it.
    pub pid: u32,
    /// The project file it belongs to; `None` for a project never saved.
    pub project: Option<PathBuf>,
    /// What that file held when the journal was started; a journal is replayed only onto the same content.
    pub file: Option<Fingerprint>,
    /// The project the records apply to.
    pub start: Start,
    /// The project's id counter at the start: ids at or above it were made by the journalled edits.
    pub next_id: u64,
    /// Undo and redo as they were at the start, so that undo after a recovery reaches back as far as before.
    pub history: History,
}

/// The project a journal's records apply to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Start {
    /// The content of the project file (whose fingerprint the header gives).
    File,
    /// This project, for one that has no file yet.
    Snapshot(Box<Project>),
}

/// One step of an editing session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Record {
    /// An edit was applied.
    Apply {
        /// The edit.
        command: Command,
        /// When.
        at: Timestamp,
        /// The id counter before and after: the ids the edit handed out.
        ids: (u64, u64),
    },
    /// The last edit was undone.
    Undo {
        /// When.
        at: Timestamp,
    },
    /// The last undone edit was carried out again.
    Redo {
        /// When.
        at: Timestamp,
    },
    /// A run of merged keystrokes ended.
    Seal,
    /// A save began that will leave `file` at `path`: if the file holds that afterwards, the records before this
    /// one are in it.
    Saving {
        /// Where.
        path: PathBuf,
        /// What it will hold.
        file: Fingerprint,
    },
}

impl Record {
    /// When the step was taken, for the records that say.
    pub fn at(&self) -> Option<Timestamp> {
        match self {
            Self::Apply { at, .. } | Self::Undo { at } | Self::Redo { at } => Some(*at),
            Self::Seal | Self::Saving { .. } => None,
        }
    }
}

/// A journal as read back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contents {
    /// The header, if the journal has an intact one.
    pub header: Option<Header>,
    /// The intact records after it, in order.
    pub records: Vec<Record>,
    /// How many bytes from the start are intact; a journal that goes on is cut here first.
    pub intact: u64,
    /// Whether something followed that was not an intact frame (a write cut off by a crash).
    pub torn: bool,
}

/// One frame holding the JSON of `payload`.
pub fn frame(payload: &impl Serialize) -> Result<Vec<u8>, serde_json::Error> {
    let json = serde_json::to_vec(payload)?;
    let len = u32::try_from(json.len())
        .ok()
        .filter(|&l| l <= MAX_FRAME)
        .ok_or_else(|| serde::ser::Error::custom(format!("a journal record of {} bytes is too large", json.len())))?;
    let mut bytes = Vec::with_capacity(json.len() + 8);
    bytes.extend_from_slice(&len.to_le_bytes());
    bytes.extend_from_slice(&crc32fast::hash(&json).to_le_bytes());
    bytes.extend_from_slice(&json);
    Ok(bytes)
}

/// The bytes of a journal that holds `header` and nothing else yet.
pub fn start(header: &Header) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = MAGIC.to_vec();
    bytes.extend(frame(header)?);
    Ok(bytes)
}

/// Reads a journal's bytes: the header and the records up to the first frame that is not intact.
pub fn read(bytes: &[u8]) -> Contents {
    let Some(mut rest) = bytes.strip_prefix(MAGIC) else {
        return Contents { torn: !bytes.is_empty(), ..Contents::default() };
    };
    let mut contents = Contents { intact: MAGIC.len() as u64, ..Contents::default() };
    while !rest.is_empty() {
        let Some((payload, after)) = next_frame(rest) else {
            contents.torn = true;
            break;
        };
        let parsed = if contents.header.is_none() {
            serde_json::from_slice(payload).map(|header| contents.header = Some(header))
        } else {
            serde_json::from_slice(payload).map(|record| contents.records.push(record))
        };
        if parsed.is_err() {
            contents.torn = true;
            break;
        }
        contents.intact += (rest.len() - after.len()) as u64;
        rest = after;
    }
    contents
}

/// The payload of the frame at the start of `bytes` and what follows it, if the frame is complete and intact.
fn next_frame(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let len = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?);
    let crc = u32::from_le_bytes(bytes.get(4..8)?.try_into().ok()?);
    if len > MAX_FRAME {
        return None;
    }
    let end = 8 + usize::try_from(len).ok()?;
    let payload = bytes.get(8..end)?;
    (crc32fast::hash(payload) == crc).then(|| (payload, &bytes[end..]))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails loudly on purpose")]

    use super::*;

    fn header() -> Header {
        Header {
            gloss: "test".to_owned(),
            created: Timestamp::UNIX_EPOCH,
            pid: 1,
            project: None,
            file: Some(Fingerprint { len: 3, hash: 7 }),
            start: Start::File,
            next_id: 10,
            history: History::default(),
        }
    }

    fn journal(records: &[Record]) -> Vec<u8> {
        let mut bytes = start(&header()).unwrap();
        for record in records {
            bytes.extend(frame(record).unwrap());
        }
        bytes
    }

    #[test]
    fn a_journal_reads_back_as_written() {
        let records = [Record::Undo { at: Timestamp::UNIX_EPOCH }, Record::Seal, Record::Redo { at: Timestamp::MAX }];
        let bytes = journal(&records);
        let contents = read(&bytes);
        assert_eq!(contents.header, Some(header()));
        assert_eq!(contents.records, records);
        assert_eq!(contents.intact, bytes.len() as u64);
        assert!(!contents.torn);
    }

    #[test]
    fn a_record_cut_off_or_damaged_ends_the_journal_there() {
        let records = [Record::Seal, Record::Undo { at: Timestamp::UNIX_EPOCH }, Record::Seal];
        let bytes = journal(&records);
        let two = journal(&records[..2]).len();
        // Every cut inside the third record keeps the first two, and says the rest was torn.
        for cut in two..bytes.len() {
            let contents = read(&bytes[..cut]);
            assert_eq!(contents.records, records[..2], "cut at {cut}");
            assert_eq!(contents.intact, two as u64);
            assert_eq!(contents.torn, cut > two);
        }
        // A flipped bit in the second record's payload drops it and everything after it.
        let one = journal(&records[..1]).len();
        for at in one + 8..two {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x10;
            let contents = read(&damaged);
            assert_eq!(contents.records, records[..1], "flip at {at}");
            assert!(contents.torn);
        }
        // Not a journal at all.
        assert_eq!(read(b"hello"), Contents { torn: true, ..Contents::default() });
        assert_eq!(read(b""), Contents::default());
    }
}
