//! Analysis: counts and summaries computed from a project, for `gloss stats` and the GUI.

mod stats;

pub use stats::{Count, DimensionCounts, Stats, percent};
