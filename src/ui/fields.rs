//! Text fields whose every change is an edit command.

use egui::Ui;

use super::app::Outbox;
use crate::edit::{Command, TextField};

/// A labelled text field bound to `field`.
pub(super) fn text_field_ui(
    ui: &mut Ui,
    label: &str,
    value: &str,
    field: TextField,
    multiline: bool,
    outbox: &mut Outbox,
) {
    text_field_at_ui(ui, label, value, field, multiline, None, outbox);
}

/// A text field whose every change is a `SetText` command; typing merges into one undo step until the field
/// loses focus.
pub(super) fn text_field_at_ui(
    ui: &mut Ui,
    label: &str,
    value: &str,
    field: TextField,
    multiline: bool,
    at: Option<jiff::Timestamp>,
    outbox: &mut Outbox,
) {
    let caption = ui.label(label);
    let mut text = value.to_owned();
    let edit = if multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(3)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let edit = match field {
        TextField::Annotator => edit.hint_text("Your name; it is recorded on each highlight"),
        _ => edit,
    };
    let response = ui.add(edit.desired_width(f32::INFINITY)).labelled_by(caption.id);
    if response.changed() {
        outbox.commands.push(Command::SetText { field, value: text, at });
    }
    if response.lost_focus() {
        outbox.seal = true;
    }
}
