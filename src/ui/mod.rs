//! The desktop GUI (egui/eframe). The app (`app/`) owns all state; each frame it builds a narrow context for the
//! panels (`panels/`), the document view (`document_view/`) and the windows (`windows/`), which read the project
//! through it and send intents; the app carries the intents out in one place once the frame is drawn. Work that
//! takes long runs in `jobs/`.

mod actions;
mod app;
mod colors;
mod context;
mod document_view;
mod file_dialog;
mod intent;
mod jobs;
pub mod overlay;
mod panels;
mod selection;
mod settings;
mod suggestions;
mod theme;
mod windows;

#[cfg(test)]
mod bench;

pub use actions::{Action, Menu};
pub use app::*;
pub use jobs::import::{ImportReport, ReportLine};
pub use selection::{Reveal, Selection, TextSelection};
pub use settings::Settings;
pub use suggestions::{Review, Suggestions};
pub use theme::visuals;
