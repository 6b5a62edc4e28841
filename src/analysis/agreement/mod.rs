//! Agreement between annotators, as the reference implementations compute it: Cohen's and Fleiss' kappa and
//! Krippendorff's alpha for comment tags, Krippendorff's alpha_u for where highlights lie, and
//! precision, recall and F1 of one annotator's highlights against another's (`spans`). A coefficient that the data leave undefined (every tag the same, nothing
//! to pair) is an [`Undefined`] with the reason, never NaN.

mod categorical;
#[cfg(test)]
mod properties;
pub mod spans;
mod unitizing;

pub use categorical::{Level, cohen_kappa, fleiss_kappa, krippendorff_alpha};
pub use unitizing::{Continuum, Unit, Unitizing, alpha_u};

/// Why a coefficient has no value for these data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Undefined(pub &'static str);

/// A coefficient, or why the data leave it undefined.
pub type Coefficient = Result<f64, Undefined>;
