//! Edits: every change to a project is a [`Command`] value, carried out in one place ([`apply`]), which returns
//! the inverse command. [`Editor`] builds undo and redo on that.

mod apply;
mod command;
mod error;
pub mod fixup;
mod history;
pub mod imported;
mod reanchoring;
mod remap;
pub mod schema;
mod suggested;

pub use apply::apply;
pub use command::{Command, Fix, MergeKey, MetaField, ReanchorState, SpanAttribute, SpanDraft, TextField};
pub use error::EditError;
pub use history::{Created, Editor, History};
pub use remap::remap_project;

#[cfg(test)]
mod tests;
