//! The panels of the window (menu bar, status bar, documents, inspector, the bars over the document), each a
//! function or type that draws with the frame's [`Ctx`](super::context::Ctx) and sends intents.

pub mod document_details;
pub mod documents;
pub mod exercise_bar;
pub mod fields;
pub mod find_bar;
pub mod fixed_text;
pub mod font_notice;
pub mod inspector;
pub mod menu_bar;
pub mod safety_bar;
pub mod span_inspector;
pub mod status_bar;
pub mod toasts;
