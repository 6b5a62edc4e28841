//! The modal questions: a heading, what the question is about, and a row of buttons. Each sends the answer as a
//! [`Reply`]; the app keeps what the question is about and acts on the answer.

use egui::{Id, Modal, ScrollArea, Ui};

use super::error_note::ErrorNote;
use crate::session::Summary;
use crate::ui::context::Ctx;
use crate::ui::intent::{ConflictChoice, Intent, RecoveryChoice, Reply, SaveChoice};

/// What the user did with a modal this frame; the window that shows the modal turns it into an [`Intent`].
pub enum ModalResult<T> {
    /// Nothing yet.
    Pending,
    /// Confirmed with a value.
    Done(T),
    /// Closed without an answer (Escape, a click beside it).
    Cancelled,
}

/// A modal question: a heading, what `body` draws, and a row of buttons. Answers with the index of the button
/// clicked. Enter presses the default button (`default`, shown in the selection's colours), where the question has one: a question
/// whose every answer loses something (replace a file, overwrite another's change) has none, so that a key
/// pressed out of habit decides nothing. Escape and a click beside it cancel.
pub fn question_ui(
    ctx: &egui::Context,
    salt: &str,
    heading: &str,
    body: impl FnOnce(&mut Ui),
    buttons: &[&str],
    default: Option<usize>,
) -> ModalResult<usize> {
    let modal = Modal::new(Id::unique(salt)).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading(heading);
        body(ui);
        ui.add_space(8.0);
        let clicked = ui
            .horizontal(|ui| {
                buttons.iter().enumerate().position(|(index, text)| {
                    // The default button in the selection's colours (whose contrast the theme test checks).
                    let button = if Some(index) == default {
                        let selection = ui.visuals().selection;
                        egui::Button::new(egui::RichText::new(*text).strong().color(selection.stroke.color))
                            .fill(selection.bg_fill)
                    } else {
                        egui::Button::new(*text)
                    };
                    ui.add(button).clicked()
                })
            })
            .inner;
        let enter = !ui.ctx().egui_wants_keyboard_input() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        clicked.or(default.filter(|&index| enter && index < buttons.len()))
    });
    match modal.inner {
        Some(index) => ModalResult::Done(index),
        None if modal.should_close() => ModalResult::Cancelled,
        None => ModalResult::Pending,
    }
}

/// Asks whether to save the changes to `name` before going on.
pub fn unsaved_ui(egui: &egui::Context, cx: &mut Ctx<'_>, name: &str) {
    let text = format!("{name} has changes that are not saved. They are lost if you don't save them.");
    let body = |ui: &mut Ui| {
        ui.label(text);
    };
    let choice =
        match question_ui(egui, "unsaved_changes", "Save changes?", body, &["Save", "Don't save", "Cancel"], Some(0)) {
            ModalResult::Pending => return,
            ModalResult::Done(0) => SaveChoice::Save,
            ModalResult::Done(1) => SaveChoice::Discard,
            ModalResult::Done(_) | ModalResult::Cancelled => SaveChoice::Cancel,
        };
    cx.send(Intent::Reply(Reply::Unsaved(choice)));
}

/// Asks whether an export may replace what is in its way; `why` says what it is ("… is not an earlier csv
/// export").
pub fn replace_ui(egui: &egui::Context, cx: &mut Ctx<'_>, why: &str) {
    let body = |ui: &mut Ui| {
        ui.label(why.trim_end_matches("; nothing was written"));
        ui.label("Replacing it loses what it holds now.");
    };
    match question_ui(egui, "replace_question", "Replace it?", body, &["Replace", "Cancel"], None) {
        ModalResult::Pending => {}
        ModalResult::Done(0) => cx.send(Intent::Reply(Reply::Replace(true))),
        ModalResult::Done(_) | ModalResult::Cancelled => cx.send(Intent::Reply(Reply::Replace(false))),
    }
}

/// Asks whether the file `file` dropped on the document `title` is its newer version, or another article.
pub fn update_drop_ui(egui: &egui::Context, cx: &mut Ctx<'_>, title: &str, file: &str) {
    let body = |ui: &mut Ui| {
        ui.label(format!("Is {file} a newer version of \"{title}\"?"));
        ui.label(
            "Updating keeps the document's highlights, tags and notes and carries them to the new text; what \
             changed is listed for review. Importing adds it as a document of its own.",
        );
    };
    let buttons = ["Update this document", "Import as a new document", "Cancel"];
    let answer = match question_ui(egui, "update_drop", "Update from this file?", body, &buttons, None) {
        ModalResult::Pending => return,
        ModalResult::Done(0) => Some(true),
        ModalResult::Done(1) => Some(false),
        ModalResult::Done(_) | ModalResult::Cancelled => None,
    };
    cx.send(Intent::Reply(Reply::UpdateDrop(answer)));
}

/// Shows an error that needs acknowledging: what could not be done, why in a sentence, and the operating
/// system's own words in a details line below it.
pub fn error_ui(egui: &egui::Context, cx: &mut Ctx<'_>, note: &ErrorNote) {
    let body = |ui: &mut Ui| {
        ui.label(&note.message);
        if let Some(details) = &note.details {
            ui.add_space(4.0);
            ui.label(egui::RichText::new(format!("Details: {details}")).small().weak());
        }
    };
    if !matches!(question_ui(egui, "error", &note.heading, body, &["OK"], Some(0)), ModalResult::Pending) {
        cx.send(Intent::Reply(Reply::ErrorSeen));
    }
}

/// Asks what becomes of unsaved edits found in a journal: `name` is the project, `can_view` whether it has a
/// file to open as saved. Closing the question is no answer: the edits must not be left undecided.
pub fn recovery_ui(egui: &egui::Context, cx: &mut Ctx<'_>, name: &str, summary: &Summary, can_view: bool) {
    let recover = format!("Recover {}", summary.title());
    let mut buttons = vec![recover.as_str(), "Discard"];
    if can_view {
        buttons.push("Open the file as saved");
    }
    let body = |ui: &mut Ui| {
        ui.label(format!("{name}: {} were not saved when Gloss stopped.", summary.title()));
        if !summary.matches_file {
            ui.label(
                "The file has changed since (another program or person saved it). The edits are tried on it as it \
                 is now; those that no longer apply are listed afterwards.",
            );
        }
        ui.add_space(4.0);
        ScrollArea::vertical().max_height(180.0).show(ui, |ui| {
            for edit in &summary.edits {
                ui.label(format!("• {edit}"));
            }
        });
    };
    let choice = match question_ui(egui, "recover_unsaved", "Recover unsaved edits?", body, &buttons, Some(0)) {
        ModalResult::Done(0) => RecoveryChoice::Recover,
        ModalResult::Done(1) => RecoveryChoice::Discard,
        ModalResult::Done(_) => RecoveryChoice::AsSaved,
        ModalResult::Pending | ModalResult::Cancelled => return,
    };
    cx.send(Intent::Reply(Reply::Recover(choice)));
}

/// Says that another Gloss has `name` open (`since` when), and offers to open it read-only.
pub fn in_use_ui(egui: &egui::Context, cx: &mut Ctx<'_>, name: &str, since: Option<&str>) {
    let body = |ui: &mut Ui| {
        let since = since.map(|s| format!(" (since {s})")).unwrap_or_default();
        ui.label(format!(
            "{name} is open in another Gloss window{since}. Two windows saving one file would undo each other's work."
        ));
    };
    match question_ui(egui, "project_in_use", "Open in another window", body, &["Open read-only", "Cancel"], Some(0)) {
        ModalResult::Pending => {}
        ModalResult::Done(0) => cx.send(Intent::Reply(Reply::ReadOnly(true))),
        ModalResult::Done(_) | ModalResult::Cancelled => cx.send(Intent::Reply(Reply::ReadOnly(false))),
    }
}

/// Says that `name` changed on disk (or is gone) since Gloss read or wrote it, and asks what to do; `dirty`
/// says whether reloading keeps unsaved edits.
pub fn conflict_ui(egui: &egui::Context, cx: &mut Ctx<'_>, name: &str, gone: bool, dirty: bool) {
    let (heading, text) = if gone {
        ("The file is gone", format!("{name} was deleted or moved since Gloss opened or last saved it."))
    } else {
        (
            "The file changed on disk",
            format!(
                "{name} was changed by another program since Gloss opened or last saved it. Saving now would \
                 overwrite that change."
            ),
        )
    };
    let reload = if dirty { "Reload it, keeping my unsaved edits" } else { "Reload it" };
    let mut choices = vec![(if gone { "Save it there again" } else { "Overwrite it" }, ConflictChoice::Overwrite)];
    choices.push(("Save as…", ConflictChoice::SaveAs));
    if !gone {
        choices.push((reload, ConflictChoice::Reload));
    }
    choices.push(("Cancel", ConflictChoice::Cancel));
    let buttons: Vec<&str> = choices.iter().map(|(text, _)| *text).collect();
    let body = |ui: &mut Ui| {
        ui.label(text);
    };
    let choice = match question_ui(egui, "changed_on_disk", heading, body, &buttons, None) {
        ModalResult::Done(index) => choices.get(index).map_or(ConflictChoice::Cancel, |(_, c)| *c),
        ModalResult::Cancelled => ConflictChoice::Cancel,
        ModalResult::Pending => return,
    };
    cx.send(Intent::Reply(Reply::Conflict(choice)));
}
