//! Label schemas as files of their own, so that a teacher can hand the same labels to a whole class.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::format::CURRENT_VERSION;
use crate::model::LabelSchema;

const HEADER: &str = "// Gloss label schema: labels, sentiment scale and comment dimensions.\n";

#[derive(Serialize)]
struct SchemaOut<'a> {
    format_version: u32,
    schema: &'a LabelSchema,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "GlossSchema")]
struct SchemaIn {
    format_version: u32,
    schema: LabelSchema,
}

/// Writes `schema` to `path` (atomically, like a project).
pub fn save_schema(schema: &LabelSchema, path: &Path) -> Result<(), StoreError> {
    let config = ron::ser::PrettyConfig::new().indentor("    ").new_line("\n").struct_names(false);
    let text = ron::ser::to_string_pretty(&SchemaOut { format_version: CURRENT_VERSION, schema }, config)?;
    super::save::write_text(path, &format!("{HEADER}{text}\n"))
}

/// Reads a schema written by [`save_schema`], from this or an older version of Gloss.
pub fn load_schema(path: &Path) -> Result<LabelSchema, StoreError> {
    let bytes = std::fs::read(path).map_err(|error| StoreError::Io { path: path.to_owned(), action: "read", error })?;
    let text = super::load::text_of(&bytes, path)?;
    let file: SchemaIn = ron::from_str(text).map_err(|e| super::load::syntax(path.to_owned(), &e))?;
    if file.format_version > CURRENT_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            found: file.format_version,
            supported: CURRENT_VERSION,
        });
    }
    Ok(file.schema)
}
