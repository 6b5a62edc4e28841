//! Errors of reading an article file.

use std::path::PathBuf;

/// An article file could not be read at all. (A file that reads but fits no known shape is not an error: it
/// imports whole, with a warning.)
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The operating system refused to read.
    #[error("{}: {reason}", path.display(), reason = crate::io_error::reason(.error, .path, crate::io_error::Access::Read, "read"))]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error, shown in the message.
        error: std::io::Error,
    },
    /// No text at all.
    #[error("{}: the file is empty", .0.display())]
    Empty(PathBuf),
    /// Binary data rather than text.
    #[error("{}: this is a binary file, not an article", .0.display())]
    Binary(PathBuf),
    /// Text that is neither UTF-8 nor valid in the encoding the file declares or that was guessed.
    #[error("{path}:{line}:{column}: the file is not valid text in any encoding Gloss knows", path = .path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Line of the first bad byte (1-based).
        line: usize,
        /// Column of the first bad byte (1-based).
        column: usize,
    },
    /// Too large to be one article.
    #[error("{path}: the file is {size} bytes, more than the {limit} bytes an article may have", path = .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is of a known kind but broken.
    #[error("{}: cannot import: {reason}", path.display())]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong, e.g. "line 3: expected a JSON object".
        reason: String,
    },
    /// The importer itself failed on this file (a bug); the other files are not affected.
    #[error("{}: the importer failed on this file; please report it", .0.display())]
    Crashed(PathBuf),
    /// A Gloss project was given where an article was expected.
    #[error("{}: this is a Gloss project, not an article; open it, or merge it into this one (File ▸ Merge other projects into this one…, or gloss merge)", .0.display())]
    IsProject(PathBuf),
}
