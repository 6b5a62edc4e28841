//! Analysis: counts and summaries computed from a project, for `gloss stats` and the GUI.

pub mod agreement;
mod stats;

pub use stats::{Count, DimensionCounts, Stats, percent};
