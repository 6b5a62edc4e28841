//! Turning the bytes of a file into clean text: refusing what is not text, honouring byte-order marks and
//! declared encodings, guessing legacy ones, and normalising line endings.

use std::io::Read;
use std::path::Path;

use super::encoding::{self, Decoded, Undecodable};
use super::error::ImportError;

/// Largest article file Gloss reads (after decompression).
pub const MAX_ARTICLE_BYTES: u64 = 256 << 20;

/// Reads `path`, decompressing it if its name ends in `.gz`.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    let io = |error| ImportError::Io { path: path.to_owned(), error };
    let size = std::fs::metadata(path).map_err(io)?.len();
    let too_large = |size| ImportError::TooLarge { path: path.to_owned(), size, limit: MAX_ARTICLE_BYTES };
    if size > MAX_ARTICLE_BYTES {
        return Err(too_large(size));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    if !is_gzip(path) {
        return Ok(bytes);
    }
    let mut inflated = Vec::new();
    let mut reader = flate2::read::GzDecoder::new(bytes.as_slice()).take(MAX_ARTICLE_BYTES + 1);
    reader.read_to_end(&mut inflated).map_err(|error| ImportError::Corrupt {
        path: path.to_owned(),
        reason: format!("it is not a valid gzip file ({error})"),
    })?;
    if inflated.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(too_large(inflated.len() as u64));
    }
    Ok(inflated)
}

fn is_gzip(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("gz"))
}

/// How to find the encoding of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Declared {
    /// The format cannot declare one (plain text, Markdown, CSV, JSON): byte-order mark, UTF-8, or a guess.
    No,
    /// An HTML page, which may say `<meta charset>`.
    Html,
}

/// The text of `bytes`, with every line ending turned into `\n` so that offsets mean the same on every platform,
/// and a warning if the encoding had to be guessed. `path` is used in messages only.
pub fn decode(bytes: &[u8], path: &Path, declared: Declared) -> Result<Decoded, ImportError> {
    let utf16 = encoding_rs::Encoding::for_bom(bytes).is_some_and(|(e, _)| e != encoding_rs::UTF_8);
    if !utf16 && looks_binary(bytes) {
        return Err(ImportError::Binary(path.to_owned()));
    }
    let decoded = match declared {
        Declared::No => encoding::decode_undeclared(bytes),
        Declared::Html => encoding::decode_html(bytes),
    };
    let decoded = decoded.map_err(|Undecodable::Malformed(at)| {
        let (line, column) = crate::model::text::line_column(bytes, at);
        ImportError::NotUtf8 { path: path.to_owned(), line, column }
    })?;
    let mut decoded = decoded;
    let nuls = decoded.text.matches('\0').count();
    if nuls > 0 {
        // A stray NUL is damage, not text: it goes, and the report says so.
        decoded.text = decoded.text.replace('\0', "");
        let removed = format!("the file holds {nuls} NUL byte(s), which are not text; they were removed");
        decoded.warning = Some(match decoded.warning {
            Some(warning) => format!("{warning}; {removed}"),
            None => removed,
        });
    }
    if decoded.text.trim().is_empty() {
        return Err(ImportError::Empty(path.to_owned()));
    }
    Ok(Decoded { text: normalize_newlines(&decoded.text), warning: decoded.warning })
}

/// More than a few NUL bytes, or many control characters, never occur in text a person wrote; one or two stray
/// NULs (a damaged download, a bad copy) are damage to a text, not a sign of a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    if nuls > MAX_STRAY_NULS {
        return true;
    }
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    controls * 100 > sample.len().max(1) * 5
}

/// How many NUL bytes a text file may hold and still be read (without them).
const MAX_STRAY_NULS: usize = 8;

/// Turns `\r\n` and lone `\r` into `\n`.
pub fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}
