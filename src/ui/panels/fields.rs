//! Text fields whose every change is an edit.

use egui::Ui;

use crate::edit::{Command, TextField};
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;

/// A labelled text field bound to `field`; typing merges into one undo step until the field loses the keyboard.
/// `at` stamps a highlight's modification time.
pub fn text_field_ui(
    ui: &mut Ui,
    cx: &mut Ctx<'_>,
    (label, value): (&str, &str),
    field: TextField,
    multiline: bool,
    at: Option<jiff::Timestamp>,
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
        cx.send(Intent::Edit(Command::SetText { field, value: text, at }));
    }
    if response.lost_focus() {
        cx.send(Intent::Seal);
    }
}
