//! The project file: a versioned, self-contained, deterministic RON document.
//!
//! [`load`] reads any version this build knows, upgrading old ones and refusing newer ones; [`save`] writes the
//! current version atomically and keeps the previous content as `NAME.ron.bak`; [`Fingerprint`] tells whether a
//! file still holds what Gloss last read or wrote.

mod class_file;
mod error;
mod fingerprint;
mod format;
mod load;
mod migrate;
mod project_files;
mod save;
mod schema_file;

pub use class_file::{CLASS_VERSION, class_notes_path, load_class_notes, save_class_notes};
pub use error::StoreError;
pub use fingerprint::{DiskState, Fingerprint};
pub use format::CURRENT_VERSION;
pub use load::{MAX_FILE_BYTES, from_bytes, load, load_with_state};
pub use migrate::OLDEST_VERSION;
pub use project_files::project_files;
pub use save::{Saved, backup_path, checked_text, process_started, real_path, save, save_bytes, to_string, write_file};
pub use schema_file::{load_schema, save_schema};
