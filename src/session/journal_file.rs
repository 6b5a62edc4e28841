//! The journal on disk: one file per open project, locked by the session that writes it, so that a second
//! window on the same project knows, and so that a journal nobody holds is known to be left over from a crash.
//!
//! Each record is written with one `write` as it is made, so it survives the process being killed; a
//! background thread flushes the file to the disk within a moment of each write, so it survives a power cut
//! too, without the window waiting for the disk.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::time::Duration;

use super::journal::{self, Header, Record};

/// How long the flusher gathers writes before it flushes them together.
const FLUSH_DELAY: Duration = Duration::from_millis(100);

/// A journal file this process holds.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    flusher: Option<Flusher>,
}

/// What trying to take a journal found.
#[derive(Debug)]
pub enum Taken {
    /// This process now holds it; these are the bytes it had (empty for a new one).
    Held(Journal, Vec<u8>),
    /// Another process holds it: the project is open elsewhere.
    InUse,
}

impl Journal {
    /// Takes the journal at `path`, creating it if there is none.
    pub fn take(path: &Path) -> std::io::Result<Taken> {
        // A session that closes removes its journal; if that happens between our opening the file and locking it,
        // the lock is on a file no longer at `path`, and we try again.
        for _ in 0..8 {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            let mut file = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => return Ok(Taken::InUse),
                Err(std::fs::TryLockError::Error(error)) => return Err(error),
            }
            if !still_at(&file, path) {
                continue;
            }
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes)?;
            return Ok(Taken::Held(Self::holding(path, file), bytes));
        }
        Err(std::io::Error::other("the journal keeps being replaced by another process"))
    }

    /// Starts a new journal at `path` that holds `header` and `records`, replacing whatever was there in one
    /// step: the new file is written beside it, locked, flushed, and renamed over it.
    pub fn create(path: &Path, header: &Header, records: &[Record]) -> std::io::Result<Self> {
        let bytes = contents(header, records)?;
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let mut temp = tempfile::Builder::new().prefix(".gloss-journal.").suffix(".tmp").tempfile_in(parent)?;
        // Locked before it has its name, so that no other process can take it in between.
        temp.as_file().try_lock().map_err(|_| std::io::Error::other("cannot lock a new journal"))?;
        temp.write_all(&bytes)?;
        temp.as_file().sync_data()?;
        let file = temp.persist(path).map_err(|e| e.error)?;
        if let Ok(parent) = File::open(parent) {
            let _ = parent.sync_all();
        }
        Ok(Self::holding(path, file))
    }

    fn holding(path: &Path, file: File) -> Self {
        let flusher = file.try_clone().ok().and_then(flusher);
        Self { path: path.to_owned(), file, flusher }
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the journal's whole content with `header` and `records`, as [`Self::create`] does; on failure
    /// the journal is as it was.
    pub fn rewrite(&mut self, header: &Header, records: &[Record]) -> std::io::Result<()> {
        let fresh = Self::create(&self.path, header, records)?;
        // The old file, now without a name, is let go with its lock.
        *self = fresh;
        Ok(())
    }

    /// Adds `record` at the end, in one write; it is flushed to the disk within a moment.
    pub fn append(&mut self, record: &Record) -> std::io::Result<()> {
        let bytes = journal::frame(record).map_err(std::io::Error::other)?;
        self.file.seek(SeekFrom::End(0))?;
        self.file.write_all(&bytes)?;
        if let Some(flusher) = &self.flusher {
            let _ = flusher.wake.send(());
        } else {
            self.file.sync_data()?;
        }
        Ok(())
    }

    /// Flushes what was written to the disk now.
    pub fn sync(&self) -> std::io::Result<()> {
        self.file.sync_data()
    }

    /// Deletes the journal: its records are no longer needed.
    pub fn remove(self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The whole bytes of a journal.
fn contents(header: &Header, records: &[Record]) -> std::io::Result<Vec<u8>> {
    let mut bytes = journal::start(header).map_err(std::io::Error::other)?;
    for record in records {
        bytes.extend(journal::frame(record).map_err(std::io::Error::other)?);
    }
    Ok(bytes)
}

/// The thread that flushes a journal to the disk a moment after each write it hears of.
#[derive(Debug)]
struct Flusher {
    wake: Sender<()>,
    thread: std::thread::JoinHandle<()>,
}

/// Starts the flusher of `file` (a second handle on the journal); `None` if no thread can be started, and then
/// each record is flushed as it is written.
fn flusher(file: File) -> Option<Flusher> {
    let (wake, receiver) = channel::<()>();
    let thread = std::thread::Builder::new()
        .name("journal flush".to_owned())
        .spawn(move || {
            while receiver.recv().is_ok() {
                // Writes that come within a moment are flushed together; a journal let go is flushed at once.
                let until = std::time::Instant::now() + FLUSH_DELAY;
                loop {
                    let left = until.saturating_duration_since(std::time::Instant::now());
                    match receiver.recv_timeout(left) {
                        Ok(()) => {}
                        Err(_) => break,
                    }
                }
                // A failure shows at the next save, which flushes for itself; the record is written either way.
                let _ = file.sync_data();
            }
        })
        .ok()?;
    Some(Flusher { wake, thread })
}

impl Drop for Journal {
    /// The flusher holds a second handle on the file, and with it the lock: it is ended before the journal is
    /// let go, so that the lock goes with the journal.
    fn drop(&mut self) {
        if let Some(Flusher { wake, thread }) = self.flusher.take() {
            drop(wake);
            let _ = thread.join();
        }
    }
}

/// Whether `file` is still the file at `path` (on Unix, the same inode; elsewhere assumed).
fn still_at(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(held), Ok(named)) => held.dev() == named.dev() && held.ino() == named.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// Whether some process holds the journal at `path` (without taking it).
pub fn in_use(path: &Path) -> bool {
    match File::open(path) {
        Ok(file) => match file.try_lock_shared() {
            Ok(()) => false,
            Err(std::fs::TryLockError::WouldBlock) => true,
            Err(std::fs::TryLockError::Error(_)) => false,
        },
        Err(_) => false,
    }
}
