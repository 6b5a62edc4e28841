//! The data model: projects, documents, comments, span annotations and the label schema.
//!
//! Plain Rust and serde only. The model knows nothing of files, widgets or commands; the edit layer is its only
//! writer (see `crate::edit`).

pub mod class;
mod comment;
mod conflict;
pub mod dates;
mod document;
mod ids;
pub mod paragraphs;
mod project;
mod provenance;
mod reanchor;
mod schema;
mod span;
pub mod text;
mod validate;

pub use class::Exercise;
pub use comment::{Comment, Tagging};
pub use conflict::Conflict;
pub use document::{Document, Metadata};
pub use ids::{CommentId, DimensionId, DocId, IdAllocator, LabelId, SentimentId, SpanId, ValueId};
pub use project::Project;
pub use provenance::{Outcome, Rejected, Rejection, SuggestedSentiment, SuggestedSpan};
pub use reanchor::{Reanchor, Reanchoring};
pub use schema::{
    Dimension, DimensionValue, LabelSchema, NEW_COLORS, ParseRgbError, Rgb, ScalePreset, SentimentLevel, SpanLabel,
    same_name,
};
#[cfg(test)]
pub(crate) use span::test_span;
pub use span::{AnchoredRange, CONTEXT_CHARS, RangeError, SpanAnnotation, Target, Verdict, quote_of};
pub use validate::Problem;
