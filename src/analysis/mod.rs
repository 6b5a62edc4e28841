//! Analysis: counts and summaries computed from a project, for `gloss stats` and the GUI; agreement between
//! annotators and a student's work compared with an answer key.

pub mod agree;
pub mod agreement;
pub mod aligned;
pub mod compare;
mod stats;

pub use stats::{Count, DimensionCounts, Stats, percent};
