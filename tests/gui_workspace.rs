//! The annotation workspace driven through egui_kittest: keyboard navigation, find, the command palette, the
//! shortcuts list, the annotation table, the label editor, span attributes and extents, comment dimensions.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{Project, Target, Verdict};
use gloss::ui::GlossApp;

fn project<'h>(harness: &'h Harness<'_, GlossApp>) -> &'h Project {
    harness.state().editor().project()
}

fn press(harness: &mut Harness<'_, GlossApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(2);
}

fn open_sample() -> (tempfile::TempDir, Harness<'static, GlossApp>) {
    let dir = tempfile::tempdir().unwrap();
    let harness = harness(sample_copy(dir.path()));
    (dir, harness)
}

#[test]
fn j_k_arrows_and_sentiment_keys_walk_the_comments() {
    let (_dir, mut harness) = open_sample();
    let ids: Vec<_> = project(&harness).documents[0].comments.iter().map(|c| c.id).collect();
    press(&mut harness, Modifiers::NONE, Key::J);
    assert_eq!(harness.state().view_state().comment(), Some(ids[0]));
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::J);
    assert_eq!(harness.state().view_state().comment(), Some(ids[2]));
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(harness.state().view_state().comment(), Some(ids[1]));
    // N tags "old salt" Negative: it already is, so the key clears it (toggle) and the focus stays.
    press(&mut harness, Modifiers::NONE, Key::N);
    assert_eq!(project(&harness).documents[0].comments[1].sentiment_of("Gloss sample"), None);
    assert_eq!(harness.state().view_state().comment(), Some(ids[1]));
    // U tags it Neutral and moves on to the next comment.
    press(&mut harness, Modifiers::NONE, Key::U);
    let neutral = project(&harness).schema.sentiments.iter().find(|l| l.name == "Neutral").unwrap().id;
    assert_eq!(project(&harness).documents[0].comments[1].sentiment_of("Gloss sample"), Some(neutral));
    assert_eq!(harness.state().view_state().comment(), Some(ids[2]));
}

#[test]
fn tab_walks_the_highlights_and_escape_lets_go() {
    let (_dir, mut harness) = open_sample();
    let doc = &project(&harness).documents[0];
    let mut order: Vec<_> = doc.spans.iter().map(|s| (s.start(), s.id)).collect();
    order.sort();
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(harness.state().view_state().span(), Some(order[0].1));
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(harness.state().view_state().span(), Some(order[1].1));
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert_eq!(harness.state().view_state().span(), Some(order.last().unwrap().1), "it wraps round");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.state().view_state().span(), None);
}

fn is_shown(harness: &Harness<'_, GlossApp>, title: &str) -> bool {
    harness.query_by_label(title).is_some()
}

#[test]
fn escape_closes_the_open_menu_then_the_top_window_then_the_selection() {
    let (_dir, mut harness) = open_sample();
    press(&mut harness, Modifiers::NONE, Key::Tab);
    let selected = harness.state().view_state().span();
    assert!(selected.is_some());
    press(&mut harness, Modifiers::COMMAND, Key::T);
    press(&mut harness, Modifiers::COMMAND, Key::D);
    assert!(is_shown(&harness, "Annotations") && is_shown(&harness, "Numbers"));
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("Extend highlight end").is_some(), "the Edit menu is open");

    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label_contains("Extend highlight end").is_none(), "the menu closed first");
    assert!(is_shown(&harness, "Annotations") && is_shown(&harness, "Numbers"), "both windows stay");
    assert_eq!(harness.state().view_state().span(), selected);

    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!is_shown(&harness, "Numbers"), "the window opened last closes");
    assert!(is_shown(&harness, "Annotations"));
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!is_shown(&harness, "Annotations"));
    assert_eq!(harness.state().view_state().span(), selected, "the selection stays while windows close");

    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.state().view_state().span(), None, "then the selection goes");
}

#[test]
fn escape_closes_the_window_clicked_last_first() {
    let (_dir, mut harness) = open_sample();
    press(&mut harness, Modifiers::COMMAND, Key::T);
    press(&mut harness, Modifiers::COMMAND, Key::D);
    // A click on the table's title brings it to the front.
    harness.get_by_label("Annotations").click();
    harness.run_steps(2);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!is_shown(&harness, "Annotations"), "the window on top closes");
    assert!(is_shown(&harness, "Numbers"));
}

#[test]
fn find_counts_matches_and_steps_through_them() {
    let (_dir, mut harness) = open_sample();
    press(&mut harness, Modifiers::COMMAND, Key::F);
    harness.get_by_label("Find:").type_text("levy");
    harness.run_steps(2);
    let count = harness.state().find_matches().0.len();
    assert!(count >= 8, "{count} matches");
    assert!(harness.query_by_label(&format!("{count} matches")).is_some());
    harness.get_by_label("Next match").click();
    harness.run_steps(2);
    assert_eq!(harness.state().find_matches().1, Some(0));
    harness.get_by_label("Previous match").click();
    harness.run_steps(2);
    assert_eq!(harness.state().find_matches().1, Some(count - 1), "previous from the first wraps");
    assert!(harness.query_by_label(&format!("{count} of {count}")).is_some());
    harness.get_by_label("Close find").click();
    harness.run_steps(2);
    assert!(harness.state().find_matches().0.is_empty());
}

#[test]
fn the_palette_runs_actions_by_name_and_f1_lists_the_shortcuts() {
    let (_dir, mut harness) = open_sample();
    press(&mut harness, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::P);
    harness.get_by_label("Run an action:").type_text("annotation table");
    harness.run_steps(2);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(2);
    assert!(harness.query_by_label("Annotations").is_some(), "the table window opened");
    press(&mut harness, Modifiers::NONE, Key::F1);
    assert!(harness.query_all_by_label("Keyboard shortcuts").count() >= 1);
    assert!(harness.query_by_label("Ctrl+Shift+P").is_some(), "the palette's own shortcut is listed");
}

#[test]
fn a_click_in_the_table_selects_the_annotation() {
    let (_dir, mut harness) = open_sample();
    press(&mut harness, Modifiers::COMMAND, Key::T);
    harness.get_by_label("Filter:").click();
    harness.run_steps(1);
    harness.get_by_label("Filter:").type_text("harbour office");
    harness.run_steps(2);
    assert!(harness.query_by_label("2 row(s)").is_some());
    harness.get_by_label("figures published by the harbour office").click();
    harness.run_steps(3);
    let selected = harness.state().view_state().span().unwrap();
    let span = project(&harness).documents[0].span(selected).unwrap();
    assert_eq!(span.quote(), "figures published by the harbour office");
}

#[test]
fn the_table_names_who_made_each_highlight_and_filters_by_it() {
    let (_dir, mut harness) = open_sample();
    press(&mut harness, Modifiers::COMMAND, Key::T);
    assert!(
        harness.query_by_role_and_label(egui::accesskit::Role::Button, "Annotator").is_some(),
        "an Annotator column"
    );
    harness.get_by_label("Filter:").click();
    harness.run_steps(1);
    harness.get_by_label("Filter:").type_text("gloss sample");
    harness.run_steps(2);
    let doc = &project(&harness).documents[0];
    let rows = doc.spans.len() + doc.comments.len();
    assert!(
        harness.query_by_label(&format!("{rows} row(s)")).is_some(),
        "every highlight and comment tag is the sample's"
    );
}

#[test]
fn attributes_speakers_and_verdicts_in_the_inspector() {
    let (_dir, mut harness) = open_sample();
    let doc = &project(&harness).documents[0];
    let source = doc.spans.iter().find(|s| s.speaker.is_empty()).unwrap().clone();
    let at = body_char(&harness, source.start() + 2);
    click(&mut harness, at);
    assert_eq!(harness.state().view_state().span(), Some(source.id));
    harness.get_by_label("Misleading").click();
    harness.run_steps(2);
    harness.get_by_label("Yes").click();
    harness.run_steps(2);
    // The speakers already in the project are offered.
    harness.get_by_label("harbour office").click();
    harness.run_steps(2);
    let span = project(&harness).documents[0].span(source.id).unwrap();
    assert_eq!(
        (span.verdict, span.check_worthy, span.speaker.as_str()),
        (Verdict::Misleading, Some(true), "harbour office")
    );
    assert!(span.modified > source.modified);
}

#[test]
fn shift_arrows_move_the_edges_by_words_and_a_selection_adds_a_range() {
    let (_dir, mut harness) = open_sample();
    let doc = &project(&harness).documents[0];
    let claim = doc.spans.iter().find(|s| s.quote().starts_with("The breakwater")).unwrap().clone();
    let at = body_char(&harness, claim.start() + 3);
    click(&mut harness, at);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight);
    let grown = project(&harness).documents[0].span(claim.id).unwrap().quote();
    assert_eq!(grown, "The breakwater was built in 1962 and it is failing. We");
    press(&mut harness, Modifiers::SHIFT, Key::ArrowLeft);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowLeft);
    assert_eq!(
        project(&harness).documents[0].span(claim.id).unwrap().quote(),
        "The breakwater was built in 1962 and it is"
    );
    press(&mut harness, Modifiers::ALT.plus(Modifiers::SHIFT), Key::ArrowRight);
    assert_eq!(
        project(&harness).documents[0].span(claim.id).unwrap().quote(),
        "breakwater was built in 1962 and it is"
    );

    // "Dalgaard told reporters" becomes a second part of the same highlight.
    let body = project(&harness).documents[0].body.clone();
    let from = body[..body.find("Dalgaard told").unwrap()].chars().count();
    let (a, b) = (body_char(&harness, from), body_char(&harness, from + 23));
    drag(&mut harness, a, b);
    press(&mut harness, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::A);
    let span = project(&harness).documents[0].span(claim.id).unwrap().clone();
    assert_eq!(span.ranges.len(), 2);
    assert_eq!(span.ranges[1].exact, "Dalgaard told reporters");
    assert!(project(&harness).problems().is_empty());
}

#[test]
fn dragging_a_handle_moves_the_end_of_the_highlight() {
    let (_dir, mut harness) = open_sample();
    let doc = project(&harness).documents[0].clone();
    let stat = doc.spans.iter().find(|s| s.quote() == "EUR 1.8 million a year").unwrap().clone();
    let at = body_char(&harness, stat.start() + 2);
    click(&mut harness, at);
    // The end handle sits at the end of "year"; drag it to the end of "a third".
    let body = &doc.body;
    let target = body[..body.find("a third").unwrap()].chars().count() + "a third".len();
    let (from, to) = (body_char(&harness, stat.end()), body_char(&harness, target));
    drag(&mut harness, from, to);
    harness.run_steps(2);
    let moved = project(&harness).documents[0].span(stat.id).unwrap().quote();
    assert_eq!(moved, "EUR 1.8 million a year, about a third");
}

#[test]
fn selections_snap_to_whole_words_unless_alt_is_held_or_snapping_is_off() {
    let (_dir, mut harness) = open_sample();
    assert!(harness.state().settings().snap_to_words(), "snapping is on from the first start");
    // From inside "town" to inside "council".
    let (a, b) = (body_char(&harness, 5), body_char(&harness, 12));
    drag(&mut harness, a, b);
    assert_eq!(harness.state().view_state().text().unwrap().range(), (4, 16));
    // A drag that starts inside a number takes the whole number.
    let body = project(&harness).documents[0].body.clone();
    let number = body[..body.find("1.8 million").unwrap()].chars().count();
    let (a, b) = (body_char(&harness, number + 2), body_char(&harness, number + 6));
    drag(&mut harness, a, b);
    let (start, end) = harness.state().view_state().text().unwrap().range();
    assert_eq!(body.chars().skip(start).take(end - start).collect::<String>(), "1.8 million");
    // Alt asks for exactly the characters dragged over, this once.
    let (a, b) = (body_char(&harness, 5), body_char(&harness, 12));
    drag_holding(&mut harness, Modifiers::ALT, a, b);
    assert_eq!(harness.state().view_state().text().unwrap().range(), (5, 12));
    drag(&mut harness, a, b);
    assert_eq!(harness.state().view_state().text().unwrap().range(), (4, 16), "the next drag snaps again");
    // The setting turns snapping off for good.
    run_by_name(&mut harness, "snap");
    assert!(!harness.state().settings().snap_to_words());
    drag(&mut harness, a, b);
    assert_eq!(harness.state().view_state().text().unwrap().range(), (5, 12));
}

#[test]
fn the_label_editor_adds_renames_and_deletes_with_a_question() {
    let (_dir, mut harness) = open_sample();
    press(&mut harness, Modifiers::COMMAND, Key::L);
    harness.get_by_label("Add label").click();
    harness.run_steps(2);
    let labels = &project(&harness).schema.span_labels;
    assert_eq!(labels.len(), 6);
    assert_eq!(labels[5].key, Some('6'));
    assert!(labels[5].id.0 > 0, "a fresh id");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(project(&harness).schema.span_labels.len(), 5);

    let quotes = project(&harness).documents[0].spans.iter().filter(|s| s.label.0 == 2).count();
    assert_eq!(quotes, 2);
    harness.get_by_label("Delete Quote").click();
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("2 highlight(s) use it").is_some());
    harness.get_by_label("Remove them").click();
    harness.run_steps(2);
    let project_now = project(&harness);
    assert_eq!(project_now.schema.span_labels.len(), 4);
    assert_eq!(project_now.documents[0].spans.len(), 5);
    assert!(project_now.problems().is_empty());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(project(&harness).documents[0].spans.len(), 7, "one undo brings the label and its highlights back");
}

#[test]
fn a_new_scale_and_a_stance_dimension() {
    let (_dir, mut harness) = open_sample();
    press(&mut harness, Modifiers::COMMAND, Key::L);
    // The 3-point scale has no "Mixed": the comment tagged Mixed loses its tag, after a question.
    harness.get_by_label("3-point").click();
    harness.run_steps(2);
    harness.get_by_label("Remove them").click();
    harness.run_steps(2);
    let names: Vec<String> = project(&harness).schema.sentiments.iter().map(|l| l.name.clone()).collect();
    assert_eq!(names, ["Negative", "Neutral", "Positive"]);
    assert_eq!(project(&harness).documents[0].comments.iter().filter(|c| !c.has_sentiment()).count(), 1);
    assert!(project(&harness).problems().is_empty(), "tags of the levels kept are kept");

    harness.get_by_label("Add stance").click();
    harness.run_steps(2);
    let stance = project(&harness).schema.dimensions[0].clone();
    assert_eq!(stance.values.len(), 3);
    press(&mut harness, Modifiers::COMMAND, Key::L);
    press(&mut harness, Modifiers::NONE, Key::J);
    harness.get_by_label("disagrees").click();
    harness.run_steps(2);
    let comment = &project(&harness).documents[0].comments[0];
    assert_eq!(comment.tag_of("Gloss sample", stance.id), Some(stance.values[1].id));
}

#[test]
fn the_document_list_filters_by_title() {
    let mut harness = empty_app();
    for text in ["Night Buses Return\n\nStory one.", "Harbour Levy Approved\n\nStory two."] {
        harness.event(egui::Event::Paste(text.to_owned()));
        harness.run_steps(2);
    }
    // The list's entries are buttons (the shown article's headline is a heading of the same words).
    let listed = |h: &Harness<'_, GlossApp>, title: &str| {
        h.query_by_role_and_label(egui::accesskit::Role::Button, title).is_some()
    };
    assert!(listed(&harness, "Night Buses Return"));
    harness.get_by_label("Search titles:").click();
    harness.run_steps(1);
    harness.get_by_label("Search titles:").type_text("harbour");
    harness.run_steps(2);
    assert!(!listed(&harness, "Night Buses Return"));
    assert!(listed(&harness, "Harbour Levy Approved"));
}

#[test]
fn zoom_keys_and_the_theme_switch() {
    let (_dir, mut harness) = open_sample();
    let before = harness.ctx.zoom_factor();
    press(&mut harness, Modifiers::COMMAND, Key::Plus);
    assert!(harness.ctx.zoom_factor() > before);
    press(&mut harness, Modifiers::COMMAND, Key::Num0);
    assert!((harness.ctx.zoom_factor() - 1.0).abs() < 1e-6);
    press(&mut harness, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::P);
    harness.get_by_label("Run an action:").type_text("theme");
    harness.run_steps(1);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(2);
    assert_eq!(harness.ctx.options(|o| o.theme_preference), egui::ThemePreference::Light);
    // The window draws with Gloss's themes, whose every text reads at 4.5:1 (checked in ui::theme).
    assert!(harness.ctx.style_of(egui::Theme::Light).visuals == gloss::ui::visuals(egui::Theme::Light));
    assert!(harness.ctx.options(|o| o.dark_style.visuals == gloss::ui::visuals(egui::Theme::Dark)));
}

#[test]
fn hovering_overlapping_highlights_lists_their_labels() {
    let (_dir, mut harness) = open_sample();
    let doc = &project(&harness).documents[0];
    let stat = doc.spans.iter().find(|s| s.quote() == "EUR 1.8 million a year").unwrap().clone();
    // A Claim over the same words, so two labels are under the pointer.
    let (a, b) = (body_char(&harness, stat.start()), body_char(&harness, stat.end()));
    drag(&mut harness, a, b);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    harness.hover_at(body_char(&harness, stat.start() + 3));
    // Tooltips wait until the pointer rests.
    for _ in 0..40 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    assert!(harness.query_by_label("2 highlights here").is_some(), "the tooltip lists both");
    assert!(harness.query_all_by_label("Claim").count() >= 2, "the palette's button and the tooltip");
    assert!(harness.query_all_by_label("Statistic").count() >= 2);
}

#[test]
fn labels_exported_from_one_project_load_into_another() {
    let (dir, mut harness) = open_sample();
    // The teacher adds a label of her own, then exports the scheme.
    press(&mut harness, Modifiers::COMMAND, Key::L);
    harness.get_by_label("Add label").click();
    harness.run_steps(2);
    let file = dir.path().join("class.gloss-labels.ron");
    run_by_name(&mut harness, "export labels");
    answer_prompt(&mut harness, &file, "Save");
    let scheme = gloss::store::load_schema(&file).unwrap();
    assert_eq!(scheme.span_labels.len(), 6);

    // A student's new project, with a highlight already made, takes the scheme in.
    let mut student = empty_app();
    student.event(egui::Event::Paste("Night Buses Return\n\nThe city will run night buses again.".to_owned()));
    student.run_steps(2);
    let (a, b) = (body_char(&student, 4), body_char(&student, 14));
    drag(&mut student, a, b);
    press(&mut student, Modifiers::NONE, Key::Num1);
    let before = project(&student).documents[0].spans[0].clone();
    run_by_name(&mut student, "load labels");
    answer_prompt(&mut student, &file, "Load");
    let after = project(&student);
    assert_eq!(after.schema.span_labels.len(), 6);
    assert_eq!(after.schema.label(before.label).unwrap().name, "Claim", "the highlight keeps its label");
    assert!(after.problems().is_empty());
    press(&mut student, Modifiers::COMMAND, Key::Z);
    assert_eq!(project(&student).schema.span_labels.len(), 5, "loading is one undoable step");
}

/// The controls on screen that a screen reader (or a test) could not name, after checking that there are some.
fn unnamed_controls(harness: &Harness<'_, GlossApp>) -> Vec<String> {
    use egui::accesskit::Role;
    let control = |role: Role| {
        matches!(
            role,
            Role::Button
                | Role::CheckBox
                | Role::ComboBox
                | Role::Link
                | Role::MenuItem
                | Role::MultilineTextInput
                | Role::RadioButton
                | Role::Slider
                | Role::SpinButton
                | Role::Tab
                | Role::TextInput
        )
    };
    let controls = harness.query_all(egui_kittest::kittest::by().predicate(move |n| control(n.role()))).count();
    assert!(controls > 20, "only {controls} controls found");
    let by = egui_kittest::kittest::by()
        .predicate(move |n| control(n.role()) && n.label().is_none_or(|l| l.trim().is_empty()));
    harness.query_all(by).map(|n| format!("{n:?}")).collect()
}

#[test]
fn every_control_has_an_accessible_name() {
    let (_dir, mut harness) = open_sample();
    let span = project(&harness).documents[0].spans[0].clone();
    let at = body_char(&harness, span.start() + 2);
    click(&mut harness, at);
    press(&mut harness, Modifiers::NONE, Key::J);
    press(&mut harness, Modifiers::COMMAND, Key::F);
    assert_eq!(unnamed_controls(&harness), Vec::<String>::new(), "inspector, find bar, panels");
    press(&mut harness, Modifiers::COMMAND, Key::T);
    press(&mut harness, Modifiers::COMMAND, Key::G);
    assert_eq!(unnamed_controls(&harness), Vec::<String>::new(), "table and guidelines");
    press(&mut harness, Modifiers::COMMAND, Key::L);
    assert_eq!(unnamed_controls(&harness), Vec::<String>::new(), "label editor");
    press(&mut harness, Modifiers::NONE, Key::F1);
    assert_eq!(unnamed_controls(&harness), Vec::<String>::new(), "shortcuts");
    press(&mut harness, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::P);
    assert_eq!(unnamed_controls(&harness), Vec::<String>::new(), "palette");
}

#[test]
fn recent_projects_reopen_from_the_file_menu() {
    let (dir, mut harness) = open_sample();
    let first = harness.state().path().unwrap().to_owned();
    let other = dir.path().join("other.ron");
    std::fs::copy(&first, &other).unwrap();
    run_by_name(&mut harness, "open project");
    answer_prompt(&mut harness, &other, "Open");
    assert_eq!(harness.state().path(), Some(other.as_path()));
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open recent").click();
    harness.run_steps(2);
    harness.get_by_label("sample.ron").click();
    harness.run_steps(3);
    let reopened = harness.state().path().unwrap().to_owned();
    assert_eq!(reopened.canonicalize().unwrap(), first.canonicalize().unwrap());
}

#[test]
fn a_highlight_can_cross_paragraphs_or_sit_in_a_comment() {
    let (_dir, mut harness) = open_sample();
    let body = project(&harness).documents[0].body.clone();
    let break_at = body[..body.find("\n\n").unwrap()].chars().count();
    let (a, b) = (body_char(&harness, break_at - 9), body_char(&harness, break_at + 17));
    drag(&mut harness, a, b);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    let span = newest_span(harness.state()).unwrap();
    assert_eq!(span.quote(), "midnight.\n\n“The breakwater");

    let comment = project(&harness).documents[0].comments[1].clone();
    let at = |offset| harness.state().char_pos(Target::Comment(comment.id), offset).unwrap();
    let (a, b) = (at(0), at(11));
    drag(&mut harness, a, b);
    press(&mut harness, Modifiers::NONE, Key::Num3);
    let span = newest_span(harness.state()).unwrap();
    assert_eq!((span.target, span.quote().as_str()), (Target::Comment(comment.id), "2.5 percent"));
    assert!(project(&harness).problems().is_empty());
}

#[test]
fn the_table_sorts_by_a_column_and_back() {
    let (_dir, mut harness) = open_sample();
    press(&mut harness, Modifiers::COMMAND, Key::T);
    let y = |harness: &Harness<'_, GlossApp>, label: &str| harness.get_by_label(label).rect().center().y;
    // In reading order, Tomas Reyes's quote comes before Amira Haddad's opinion.
    assert!(y(&harness, "Tomas Reyes") < y(&harness, "Amira Haddad"));
    harness.get_by_label("Speaker / author").click();
    harness.run_steps(2);
    assert!(y(&harness, "Amira Haddad") < y(&harness, "Tomas Reyes"), "A before T");
    harness.get_by_label("Speaker / author ^").click();
    harness.run_steps(2);
    assert!(y(&harness, "Tomas Reyes") < y(&harness, "Amira Haddad"), "descending");
}

#[test]
fn a_drag_over_right_to_left_words_highlights_those_words() {
    let article = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles/many_scripts.txt");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 2000.0))
        // The test renderer has only egui's own fonts: the Hebrew letters are boxes, but boxes of a width.
        .allow_missing_glyphs()
        .build_eframe(move |_cc| GlossApp::new(None, Some(article)).without_native_dialogs());
    harness.run_steps(3);
    wait_for_import(&mut harness);
    let body = project(&harness).documents[0].body.clone();
    let hebrew = body[..body.find("בעברית").unwrap()].chars().count();
    // From the reading start of the paragraph (its right edge) leftwards over its first words.
    let (a, b) = (body_char(&harness, hebrew), body_char(&harness, hebrew + 14));
    assert!(a.x > b.x, "reading order runs right to left on screen: {a:?} then {b:?}");
    drag(&mut harness, a, b);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    let span = newest_span(harness.state()).unwrap();
    assert!(span.quote().starts_with("בעברית:"), "{:?}", span.quote());
    assert!(span.quote().chars().count() <= 20, "{:?}", span.quote());
}

#[test]
fn the_inspector_keeps_its_place_and_clips_a_long_quote() {
    let (_dir, mut harness) = open_sample();
    let palette_top =
        |h: &Harness<'_, GlossApp>| h.get_by_role_and_label(egui::accesskit::Role::Button, "Claim").rect().top();
    let resting = palette_top(&harness);
    // A selection changes the hint above the labels, not where they are.
    let (a, b) = (body_char(&harness, 5), body_char(&harness, 12));
    drag(&mut harness, a, b);
    assert_eq!(palette_top(&harness), resting, "the labels stay where they were");

    // A short highlight, then a whole paragraph: the speaker field stays where it was.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::Tab);
    let speaker_top = |h: &Harness<'_, GlossApp>| h.get_by_label("Speaker / source").rect().top();
    let short = speaker_top(&harness);
    let body = project(&harness).documents[0].body.clone();
    let paragraph = "“The breakwater was built in 1962";
    let start = body[..body.find(paragraph).unwrap()].chars().count();
    let end = start + body[body.find(paragraph).unwrap()..].split('\n').next().unwrap().chars().count();
    let (a, b) = (body_char(&harness, start), body_char(&harness, end - 1));
    drag(&mut harness, a, b);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    let span = harness.state().view_state().span().expect("the new highlight is selected");
    let quote = project(&harness).documents[0].span(span).unwrap().quote();
    assert!(quote.starts_with("“The breakwater") && quote.chars().count() > 150, "{quote}");
    assert_eq!(speaker_top(&harness), short, "the speaker field did not move");
    // The quote is shown once, as it is (no second opening mark), clipped to three lines.
    let shown = harness.get_by_label(&quote);
    let row = harness.ctx.style_of(egui::Theme::Dark).text_styles[&egui::TextStyle::Body].size;
    assert!(shown.rect().height() < row * 5.0, "clipped: {} high", shown.rect().height());
}

#[test]
fn dates_read_as_a_person_writes_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let mut project = gloss::store::load(&path).unwrap();
    project.documents[0].metadata.date = Some("2017-03-09T23:16:02+00:00".to_owned());
    project.documents[0].comments[0].date = Some("2017-03-10T07:05:00Z".to_owned());
    gloss::store::save(&project, &path).unwrap();
    let harness = harness(path);
    harness.get_by_label_contains("9 March 2017, 23:16");
    harness.get_by_label_contains("10 March 2017, 07:05");
    assert!(harness.query_by_label_contains("2017-03-09T").is_none(), "no raw ISO date in the article");
}

#[test]
fn the_guidelines_window_shows_its_last_description_whole_and_keys_fit_their_fields() {
    let (_dir, mut harness) = open_sample();
    press(&mut harness, Modifiers::COMMAND, Key::G);
    harness.run();
    let window = harness.get_by_role_and_label(egui::accesskit::Role::Window, "Guidelines").rect();
    let last = project(&harness).schema.sentiments.last().unwrap().description.clone();
    let shown = harness.get_by_label(&last).rect();
    assert!(window.contains_rect(shown), "{last:?} at {shown:?} is inside the window {window:?}");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    // In the label editor, the key of "Mixed" (an M, the widest letter) fits its field.
    press(&mut harness, Modifiers::COMMAND, Key::L);
    harness.run_steps(2);
    let field = harness.get(egui_kittest::kittest::By::new().value("m").role(egui::accesskit::Role::TextInput)).rect();
    let glyph = harness.ctx.fonts_mut(|f| {
        f.layout_no_wrap("M".to_owned(), egui::FontId::proportional(14.0), egui::Color32::WHITE).size().x
    });
    assert!(field.width() >= glyph + 2.0 * 4.0 + 4.0, "a {}-wide field holds an M of {glyph}", field.width());
}
