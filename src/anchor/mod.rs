//! Anchoring: where a stored range (its position, its quote and the context around it) lies in a text that may
//! have changed. Every place that meets a stored range and a text goes through here: dataset imports onto an
//! existing article, repairs, and updates from a newer version of an article.
//!
//! Two tools, one rule. [`Alignment`] carries positions across a word-level diff of an older and a newer text;
//! [`locate`] finds a quote by its context when there is no older text to align with. Neither places a range on
//! text that is not its quote without saying so: a carried range whose words changed is *edited* (a proposal),
//! one whose words are gone is *orphaned*.

mod align;
mod carry;
mod locate;

pub use align::Alignment;
pub use carry::{Carried, carry_ranges};
pub use locate::{Located, QuoteSelector, Unplaced, locate};
