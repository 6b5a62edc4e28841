//! Turning the bytes of a file into clean text: refusing what is not text, dropping a byte-order mark and
//! normalising line endings.

use std::path::Path;

use super::error::ImportError;

/// Largest article file Gloss reads.
pub const MAX_ARTICLE_BYTES: u64 = 256 << 20;

/// Reads `path` as text; see [`decode`].
pub fn read_text(path: &Path) -> Result<String, ImportError> {
    let io = |error| ImportError::Io { path: path.to_owned(), error };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge { path: path.to_owned(), size, limit: MAX_ARTICLE_BYTES });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    decode(&bytes, path)
}

/// The text of `bytes`, with the byte-order mark removed and every line ending turned into `\n`, so that offsets
/// mean the same on every platform. `path` is used in messages only.
pub fn decode(bytes: &[u8], path: &Path) -> Result<String, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(ImportError::Binary(path.to_owned()));
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let (line, column) = crate::model::text::line_column(bytes, error.valid_up_to());
        ImportError::NotUtf8 { path: path.to_owned(), line, column }
    })?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty(path.to_owned()));
    }
    Ok(normalize_newlines(text))
}

/// NUL bytes, or many control characters, never occur in text a person wrote.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    controls * 100 > sample.len().max(1) * 5
}

/// Turns `\r\n` and lone `\r` into `\n`.
pub fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}
