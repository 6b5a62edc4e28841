//! Panels, windows and dialogs driven by unit tests with a context they build themselves: no app, no session;
//! each test checks the intents a component sends.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::actions::Action;
use super::context::{Ctx, Status};
use super::file_dialog::Purpose;
use super::intent::{Intent, Intents, Reply, SaveChoice};
use super::selection::{Selection, TextSelection};
use super::settings::Settings;
use crate::model::{Project, Target};

/// What a component reads and sends, owned by the test.
struct Bench<T> {
    project: Project,
    selection: Selection,
    settings: Settings,
    status: Status,
    intents: Intents,
    part: T,
}

fn sample() -> Project {
    crate::store::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron")).unwrap()
}

/// A harness that draws `part` with `draw` and a context over the bench's parts.
fn bench<T: 'static>(
    part: T,
    selection: Selection,
    draw: impl Fn(&mut egui::Ui, &mut Ctx<'_>, &mut T) + 'static,
) -> Harness<'static, Bench<T>> {
    let bench = Bench {
        project: sample(),
        selection,
        settings: Settings::default(),
        status: Status { undo: Some("Add highlight".to_owned()), ..Status::default() },
        intents: Intents::default(),
        part,
    };
    let mut harness = Harness::builder().with_size(egui::vec2(1100.0, 800.0)).build_ui_state(
        move |ui, bench: &mut Bench<T>| {
            let Bench { project, selection, settings, status, intents, part } = bench;
            let suggestions = crate::ui::suggestions::Suggestions::default();
            let mut cx = Ctx::new(project, 1, (selection, settings, status, &suggestions), intents);
            draw(ui, &mut cx, part);
        },
        bench,
    );
    harness.run_steps(2);
    harness
}

fn showing_the_sample() -> Selection {
    let mut selection = Selection::default();
    selection.show_document(sample().documents.first().map(|d| d.id));
    selection
}

#[test]
fn the_documents_panel_shows_a_document_when_its_title_is_clicked() {
    let mut harness =
        bench(super::panels::documents::DocumentsPanel::default(), showing_the_sample(), |ui, cx, panel| {
            panel.ui(ui, cx);
        });
    let mut second = harness.state().project.documents[0].clone();
    second.id = crate::model::DocId(999);
    second.title = "A second document".to_owned();
    harness.state_mut().project.documents.push(second);
    harness.run_steps(2);
    harness.get_by_label("A second document").click();
    harness.run_steps(2);
    let sent = harness.state().intents.sent();
    assert!(sent.iter().any(|i| matches!(i, Intent::Show(crate::model::DocId(999)))), "{sent:?}");
}

#[test]
fn the_inspector_labels_the_selection_and_opens_the_guidelines() {
    let mut selection = showing_the_sample();
    selection.select_text(Some(TextSelection { target: Target::Body, anchor: 4, head: 16 }));
    let mut harness = bench((), selection, |ui, cx, ()| super::panels::inspector::inspector_ui(ui, cx));
    harness.get_by_label("Claim").click();
    harness.get_by_label("Guidelines").click();
    harness.run_steps(2);
    let claim = harness.state().project.schema.span_labels[0].id;
    let sent = harness.state().intents.sent();
    assert!(sent.iter().any(|i| matches!(i, Intent::Label(l) if *l == claim)), "{sent:?}");
    assert!(sent.iter().any(|i| matches!(i, Intent::Run(Action::Guidelines))), "{sent:?}");
}

#[test]
fn a_menu_item_sends_its_action() {
    let mut harness = bench((), showing_the_sample(), |ui, cx, ()| super::panels::menu_bar::menu_bar_ui(ui, cx));
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Undo add highlight").click();
    harness.run_steps(2);
    assert!(harness.state().intents.sent().iter().any(|i| matches!(i, Intent::Run(Action::Undo))));
}

#[test]
fn a_row_of_the_annotation_table_selects_its_highlight_and_brings_it_into_view() {
    let table = super::windows::table::AnnotationTable::default();
    let mut harness = bench(table, showing_the_sample(), |ui, cx, table| table.ui(ui, cx));
    let first = harness.state().project.documents[0].spans_in_reading_order()[0].clone();
    harness.get_all_by_label(&first.quote()).next().unwrap().click();
    harness.run_steps(2);
    let sent = harness.state().intents.sent();
    assert!(
        sent.iter().any(|i| matches!(i, Intent::SelectSpan { span: Some(s), reveal: true, .. } if *s == first.id)),
        "{sent:?}"
    );
}

#[test]
fn the_export_window_asks_for_a_file_in_the_format_chosen() {
    let window = super::windows::export::ExportWindow { open: true, ..Default::default() };
    let mut harness = bench(window, showing_the_sample(), |ui, cx, window| window.show(ui.ctx(), cx));
    harness.get_by_label("W3C Web Annotation (JSON-LD)").click();
    harness.run_steps(1);
    harness.get_by_label("Choose a file…").click();
    harness.run_steps(2);
    let sent = harness.state().intents.sent();
    let w3c = crate::export::Format::W3c;
    assert!(sent.iter().any(|i| matches!(i, Intent::ChooseFile(Purpose::Export(f)) if *f == w3c)), "{sent:?}");
}

#[test]
fn the_palette_runs_the_action_typed() {
    let mut palette = super::windows::palette::PaletteWindow::default();
    palette.open();
    let mut harness = bench(palette, Selection::default(), |ui, cx, palette| palette.show(ui.ctx(), cx));
    harness.get_by_label("Run an action:").type_text("redo");
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert!(harness.state().intents.sent().iter().any(|i| matches!(i, Intent::Run(Action::Redo))));
    assert!(!harness.state().part.is_open(), "it closes once it has run");
}

#[test]
fn a_question_answers_with_the_button_clicked_and_enter_presses_its_default() {
    let mut harness =
        bench((), Selection::default(), |ui, cx, ()| super::windows::questions::unsaved_ui(ui.ctx(), cx, "p.ron"));
    harness.get_by_label("Don't save").click();
    harness.run_steps(2);
    let sent = harness.state().intents.sent();
    assert!(sent.iter().any(|i| matches!(i, Intent::Reply(Reply::Unsaved(SaveChoice::Discard)))), "{sent:?}");
    let mut harness =
        bench((), Selection::default(), |ui, cx, ()| super::windows::questions::unsaved_ui(ui.ctx(), cx, "p.ron"));
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    let sent = harness.state().intents.sent();
    assert!(sent.iter().any(|i| matches!(i, Intent::Reply(Reply::Unsaved(SaveChoice::Save)))), "{sent:?}");
}
