//! Import: turning article files into documents.
//!
//! Each format has an extractor that produces an [`Extracted`] article; [`extract_file`] picks one by the file's
//! name and content. Importers never fail on an odd shape (they warn instead); they fail only on input that is
//! not text at all.

mod decode;
mod error;
mod extracted;
pub mod plain;

use std::path::Path;

pub use decode::{MAX_ARTICLE_BYTES, decode, normalize_newlines, read_text};
pub use error::ImportError;
pub use extracted::{Extracted, ExtractedComment};

/// Reads and takes apart the article in `path`.
pub fn extract_file(path: &Path) -> Result<Extracted, ImportError> {
    let text = read_text(path)?;
    if looks_like_project(path, &text) {
        return Err(ImportError::IsProject(path.to_owned()));
    }
    let mut extracted = plain::extract(&text);
    extracted.metadata.source_file = path.file_name().map(|name| name.to_string_lossy().into_owned());
    Ok(extracted)
}

fn looks_like_project(path: &Path, text: &str) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("ron")) && text.contains("format_version")
}
