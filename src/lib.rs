//! Gloss: offline annotation of news articles and their reader comments.
//!
//! The layers, from the bottom: [`model`] (plain data), [`store`] (the project file), [`import`] (articles in),
//! [`edit`] (commands and undo), [`merge`] (several people's work), [`analysis`] (counts); then [`cli`] and [`ui`] on top. Nothing below `ui`
//! knows egui; see ARCHITECTURE.md.

// Output goes through handles whose errors are handled (a closed pipe must not panic); see `cli::run`.
#![warn(clippy::print_stdout)]

pub mod analysis;
pub mod anchor;
pub mod cli;
pub mod edit;
pub mod exercise;
pub mod export;
pub mod import;
pub mod io_error;
pub mod merge;
pub mod model;
pub mod session;
pub mod store;
pub mod suggest;
pub mod synthetic;
pub mod ui;
pub mod update;
