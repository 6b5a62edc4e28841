//! Import: turning article files into documents.
//!
//! Each format has an extractor that produces [`Extracted`] articles, the same structure for every format;
//! [`extract_file`] picks one by the file's name and content. Importers never fail on an odd shape (they warn
//! instead); they fail only on input that is not what its name says, or not text at all.

pub mod annotations;
pub mod batch;
pub mod csv;
pub mod datasets;
mod decode;
mod encoding;
mod error;
mod extracted;
pub mod html;
pub mod json;
pub mod markdown;
pub mod plain;

use std::path::Path;

use regex::Regex;

pub use annotations::{
    Annotations, CommentRef, Existing, ExtractedRejection, ExtractedSpan, Marks, Place, Quote, Suggested,
};
pub use decode::{Declared, MAX_ARTICLE_BYTES, decode, normalize_newlines, read_bytes};
pub use error::ImportError;
pub use extracted::{CommentsFound, Confidence, Extracted, ExtractedComment, FoundBy};

/// The kinds of file Gloss imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text as copied from a page.
    Text,
    /// A web page saved from a browser.
    Html,
    /// Markdown.
    Markdown,
    /// One article object, an array of them, or JSON Lines.
    Json,
    /// Comments, one per row.
    Csv,
}

impl Format {
    /// The format of a file, by its name (ignoring a final `.gz`) and, for unknown names, its first bytes.
    pub fn detect(path: &Path, bytes: &[u8]) -> Self {
        let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let extension = name.rsplit_once('.').map(|(_, ext)| ext).unwrap_or_default();
        match extension {
            "html" | "htm" | "xhtml" | "shtml" => Self::Html,
            "md" | "markdown" => Self::Markdown,
            "json" | "jsonl" | "ndjson" => Self::Json,
            "csv" | "tsv" => Self::Csv,
            "txt" | "text" => Self::Text,
            _ if looks_like_html(bytes) => Self::Html,
            _ => Self::Text,
        }
    }
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
}

/// Reads and takes apart the articles in `path` (one for most formats).
pub fn extract_file(path: &Path) -> Result<Vec<Extracted>, ImportError> {
    let bytes = read_bytes(path)?;
    if looks_like_project(path, &bytes) {
        return Err(ImportError::IsProject(path.to_owned()));
    }
    let mut articles = match datasets::read(path, &bytes) {
        Some(dataset) => dataset?,
        None => extract_bytes(&bytes, path, Format::detect(path, &bytes))?,
    };
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned());
    for article in &mut articles {
        // A dataset may name the file each document first came from; that stays.
        if article.metadata.source_file.is_none() {
            article.metadata.source_file.clone_from(&name);
        }
    }
    Ok(articles)
}

/// Takes apart `bytes` as `format`; `path` names the source in messages.
pub fn extract_bytes(bytes: &[u8], path: &Path, format: Format) -> Result<Vec<Extracted>, ImportError> {
    let declared = if format == Format::Html { Declared::Html } else { Declared::No };
    let decoded = decode(bytes, path, declared)?;
    let corrupt = |reason: String| ImportError::Corrupt { path: path.to_owned(), reason };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut articles = match format {
        Format::Text => vec![plain::extract(&decoded.text)],
        Format::Html => vec![html::extract(&decoded.text)],
        Format::Markdown => vec![markdown::extract(&decoded.text)],
        Format::Json => json::extract(&decoded.text).map_err(corrupt)?,
        Format::Csv => vec![csv::extract(&decoded.text, &name).map_err(corrupt)?],
    };
    if let (Some(warning), Some(first)) = (decoded.warning, articles.first_mut()) {
        first.warnings.push(warning);
    }
    Ok(articles)
}

fn looks_like_project(path: &Path, bytes: &[u8]) -> bool {
    let ron = path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("ron"));
    ron && String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).contains("format_version")
}

/// Compiles one of the importers' built-in patterns.
pub(crate) fn regex(pattern: &str) -> Regex {
    match Regex::new(pattern) {
        Ok(regex) => regex,
        // The patterns are constants, checked by the tests; a typo is a bug, not an input error.
        Err(error) => unreachable!("invalid built-in pattern {pattern:?}: {error}"),
    }
}
