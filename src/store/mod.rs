//! The project file: a versioned, self-contained, deterministic RON document.
//!
//! [`load`] reads any version this build knows, upgrading old ones and refusing newer ones; [`save`] writes the
//! current version atomically and keeps the previous file as `NAME.ron.bak`.

mod error;
mod format;
mod load;
mod migrate;
mod save;
mod schema_file;

pub use error::StoreError;
pub use format::CURRENT_VERSION;
pub use load::{MAX_FILE_BYTES, from_bytes, load};
pub use migrate::OLDEST_VERSION;
pub use save::{backup_path, save, to_string, write_file};
pub use schema_file::{load_schema, save_schema};
