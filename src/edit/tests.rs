//! Every command undoes exactly, and the editor's history and saved marker behave.

use proptest::prelude::*;

use super::*;
use crate::edit::SpanAttribute;
use crate::model::{AnchoredRange, Comment, CommentId, DocId, Document, IdAllocator, Metadata, Project, Target};

fn project() -> Project {
    let mut project = Project::new("test");
    let mut ids: IdAllocator = project.next_id;
    let doc = DocId(ids.fresh());
    let comment = CommentId(ids.fresh());
    project.documents.push(Document {
        id: doc,
        title: "Title".to_owned(),
        metadata: Metadata::default(),
        body: "Ереван said “24.3 percent” 😀 today.\n\nSecond paragraph.".to_owned(),
        comments: vec![Comment {
            id: comment,
            number: Some("1".to_owned()),
            author: "hye".to_owned(),
            date: None,
            timestamp: None,
            parent: None,
            text: "is Turkey returning Kars".to_owned(),
            tagged_by: Default::default(),
            note: String::new(),
            removed: false,
        }],
        spans: Vec::new(),
        note: String::new(),
        orphans: Vec::new(),
        review: Vec::new(),
    });
    project.next_id = ids;
    project
}

/// Equal apart from the id counter, which undo leaves where it was so that no id is ever handed out twice.
fn same_content(a: &Project, b: &Project) -> bool {
    let mut a = a.clone();
    a.next_id = b.next_id;
    &a == b
}

fn at() -> jiff::Timestamp {
    jiff::Timestamp::UNIX_EPOCH
}

fn create(project: &Project, target: Target, start: usize, end: usize) -> Command {
    Command::CreateSpan {
        doc: project.documents[0].id,
        draft: SpanDraft { target, ranges: vec![(start, end)], label: project.schema.span_labels[0].id, at: at() },
    }
}

#[test]
fn create_span_anchors_quote_and_takes_a_fresh_id() {
    let mut project = project();
    let next = project.next_id.peek();
    let command = create(&project, Target::Body, 12, 26);
    let inverse = apply(&mut project, command).unwrap();
    let span = &project.documents[0].spans[0];
    assert_eq!(span.id.0, next);
    assert_eq!(span.ranges[0].exact, "“24.3 percent”");
    assert_eq!(span.ranges[0].prefix, "Ереван said ");
    assert!(matches!(inverse, Command::RemoveSpan { span: id, .. } if id == span.id));
    assert_eq!(project.next_id.peek(), next + 1);
    assert!(project.problems().is_empty());
}

#[test]
fn bad_commands_leave_the_project_unchanged() {
    let mut project = project();
    let before = project.clone();
    assert!(matches!(apply(&mut project, create(&before, Target::Body, 5, 500)), Err(EditError::Range(_))));
    assert!(apply(&mut project, create(&before, Target::Comment(CommentId(999)), 0, 2)).is_err());
    assert!(apply(&mut project, create(&before, Target::Body, 3, 3)).is_err());
    let doc = before.documents[0].id;
    let missing_span = Command::RemoveSpan { doc, span: crate::model::SpanId(12345) };
    assert!(apply(&mut project, missing_span).is_err());
    assert_eq!(project, before);
}

#[test]
fn undo_and_redo_restore_each_state_and_the_saved_marker() {
    let base = project();
    let doc = base.documents[0].id;
    let comment = base.documents[0].comments[0].id;
    let negative = base.schema.sentiments[0].id;
    let mut editor = Editor::new(base.clone(), true);
    assert!(!editor.is_dirty());
    editor.apply(create(&base, Target::Body, 0, 6)).unwrap();
    let after_span = editor.project().clone();
    editor.apply(Command::SetSentiment { doc, comment, annotator: None, sentiment: Some(negative) }).unwrap();
    let after_tag = editor.project().clone();
    assert_eq!(editor.undo_name(), Some("Set sentiment"));
    editor.undo().unwrap();
    assert_eq!(editor.project(), &after_span);
    editor.undo().unwrap();
    assert!(same_content(editor.project(), &base));
    assert!(editor.project().next_id.peek() > base.next_id.peek(), "the counter never goes back");
    assert!(!editor.is_dirty());
    assert!(matches!(editor.undo(), Err(EditError::NothingTo("undo"))));
    editor.redo().unwrap();
    editor.redo().unwrap();
    assert_eq!(editor.project(), &after_tag, "redo keeps the span's id");
    assert!(editor.is_dirty());
    editor.mark_saved();
    editor.undo().unwrap();
    assert!(editor.is_dirty());
    editor.redo().unwrap();
    assert!(!editor.is_dirty());
}

#[test]
fn typing_in_a_field_is_one_undo_step_until_sealed() {
    let base = project();
    let mut editor = Editor::new(base.clone(), true);
    for value in ["A", "An", "Ann", "Anna"] {
        editor.apply(Command::SetText { field: TextField::Annotator, value: value.to_owned(), at: None }).unwrap();
    }
    editor.seal();
    editor.apply(Command::SetText { field: TextField::Annotator, value: "Anna K".to_owned(), at: None }).unwrap();
    editor.undo().unwrap();
    assert_eq!(editor.project().annotator, "Anna");
    editor.undo().unwrap();
    assert!(same_content(editor.project(), &base));
}

#[test]
fn ids_are_never_reused_after_removal() {
    let base = project();
    let mut editor = Editor::new(base.clone(), true);
    editor.apply(create(&base, Target::Body, 0, 6)).unwrap();
    let first = editor.project().documents[0].spans[0].id;
    let doc = base.documents[0].id;
    editor.apply(Command::RemoveSpan { doc, span: first }).unwrap();
    editor.apply(create(&base, Target::Body, 0, 6)).unwrap();
    let second = editor.project().documents[0].spans[0].id;
    assert!(second > first);
}

/// A random edit on the test project.
fn arbitrary_command(project: &Project, choice: u8, a: usize, b: usize) -> Option<Command> {
    let doc = &project.documents[0];
    let len = doc.body_len();
    Some(match choice % 6 {
        0 => create(project, Target::Body, a % len, (a % len) + 1 + b % 5),
        1 => create(project, Target::Comment(doc.comments[0].id), a % 10, a % 10 + 1 + b % 5),
        2 => Command::RemoveSpan { doc: doc.id, span: doc.spans.get(a % doc.spans.len().max(1))?.id },
        3 => Command::SetSpanLabel {
            doc: doc.id,
            span: doc.spans.get(a % doc.spans.len().max(1))?.id,
            label: project.schema.span_labels[b % project.schema.span_labels.len()].id,
            at: at(),
        },
        4 => Command::SetSentiment {
            doc: doc.id,
            comment: doc.comments[0].id,
            annotator: None,
            sentiment: project.schema.sentiments.get(b % 5).map(|l| l.id),
        },
        _ => Command::SetText { field: TextField::DocumentNote(doc.id), value: format!("note {a}"), at: None },
    })
}

proptest! {
    #[test]
    fn any_sequence_undoes_to_the_start_and_redoes_to_the_end(
        steps in proptest::collection::vec((any::<u8>(), 0usize..100, 0usize..100), 1..40)
    ) {
        let base = project();
        let mut editor = Editor::new(base.clone(), true);
        let mut applied = 0;
        for (choice, a, b) in steps {
            let Some(command) = arbitrary_command(editor.project(), choice, a, b) else { continue };
            if editor.apply(command).is_ok() {
                applied += 1;
                editor.seal();
            }
            prop_assert!(editor.project().problems().is_empty());
        }
        let end = editor.project().clone();
        for _ in 0..applied {
            editor.undo().unwrap();
        }
        prop_assert!(same_content(editor.project(), &base));
        prop_assert!(!editor.is_dirty());
        for _ in 0..applied {
            editor.redo().unwrap();
        }
        prop_assert_eq!(editor.project(), &end);
    }
}

#[test]
fn anchored_ranges_match_after_any_edit() {
    let project = project();
    let text = &project.documents[0].body;
    let range = AnchoredRange::new(text, 27, 28).unwrap();
    assert_eq!(range.exact, "😀");
}

#[test]
fn added_documents_get_ids_from_the_project_whatever_came_before() {
    let base = project();
    let mut editor = Editor::new(base.clone(), true);
    let mut article = base.documents[0].clone();
    let comment_text = article.comments[0].text.clone();
    article.spans.push(crate::model::test_span(3, Target::Comment(article.comments[0].id), &comment_text, 0, 2));
    article.comments[0].parent = None;
    // A span made in the same frame as an import takes the next id first; the document must not collide with it.
    editor.apply(create(&base, Target::Body, 0, 6)).unwrap();
    let added = editor.apply(Command::AddDocument { index: 9, document: Box::new(article.clone()), fresh_ids: true });
    let Ok(Created::Document(doc)) = added else { panic!("{added:?}") };
    assert!(editor.project().problems().is_empty(), "{:?}", editor.project().problems());
    let copy = editor.project().document(doc).unwrap();
    assert_eq!(editor.project().documents.last().map(|d| d.id), Some(doc));
    assert_eq!(copy.spans[0].target, Target::Comment(copy.comments[0].id), "references follow the new ids");
    let after = editor.project().clone();
    editor.undo().unwrap();
    assert_eq!(editor.project().documents.len(), 1);
    editor.redo().unwrap();
    assert_eq!(editor.project(), &after, "redo restores the same ids");
}

#[test]
fn span_attributes_ranges_and_comment_tags_undo() {
    let base = project();
    let doc = base.documents[0].id;
    let mut editor = Editor::new(base.clone(), true);
    let Ok(Created::Span(_, span)) = editor.apply(create(&base, Target::Body, 12, 26)) else { panic!() };
    let stamp: jiff::Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
    editor
        .apply(Command::SetSpanAttribute {
            doc,
            span,
            attribute: SpanAttribute::Verdict(crate::model::Verdict::Misleading),
            at: stamp,
        })
        .unwrap();
    editor
        .apply(Command::SetSpanAttribute { doc, span, attribute: SpanAttribute::CheckWorthy(Some(true)), at: stamp })
        .unwrap();
    let made = editor.project().documents[0].span(span).unwrap().clone();
    assert_eq!(
        (made.verdict, made.check_worthy, made.modified),
        (crate::model::Verdict::Misleading, Some(true), stamp)
    );
    // A quote interrupted by "said": a second range, given in any order and touching ranges merged.
    editor.apply(Command::SetRanges { doc, span, ranges: vec![(27, 28), (0, 6), (5, 11)], at: stamp }).unwrap();
    let ranges: Vec<(usize, usize, String)> = editor.project().documents[0]
        .span(span)
        .unwrap()
        .ranges
        .iter()
        .map(|r| (r.start, r.end, r.exact.clone()))
        .collect();
    assert_eq!(ranges, [(0, 11, "Ереван said".to_owned()), (27, 28, "😀".to_owned())]);
    assert!(editor.apply(Command::SetRanges { doc, span, ranges: vec![(5, 500)], at: stamp }).is_err());
    for _ in 0..3 {
        editor.undo().unwrap();
    }
    let back = editor.project().documents[0].span(span).unwrap();
    assert_eq!((back.verdict, back.check_worthy, back.ranges.len()), (crate::model::Verdict::Unverified, None, 1));
}

#[test]
fn schema_edits_keep_what_is_in_use() {
    use crate::model::{Dimension, DimensionId, DimensionValue, ValueId};
    let base = project();
    let doc = base.documents[0].id;
    let comment = base.documents[0].comments[0].id;
    let mut editor = Editor::new(base.clone(), true);
    // A new dimension with two values, with ids assigned on apply.
    let mut schema = base.schema.clone();
    schema.dimensions.push(Dimension {
        id: DimensionId(0),
        name: "Stance".to_owned(),
        description: String::new(),
        values: vec![
            DimensionValue { id: ValueId(0), name: "agrees".to_owned() },
            DimensionValue { id: ValueId(0), name: "disagrees".to_owned() },
        ],
    });
    editor.apply(Command::SetSchema { schema: Box::new(schema) }).unwrap();
    let stance = editor.project().schema.dimensions[0].clone();
    assert!(stance.id.0 >= base.next_id.peek() && stance.values[1].id.0 > stance.id.0);
    editor
        .apply(Command::SetCommentTag {
            doc,
            comment,
            annotator: None,
            dimension: stance.id,
            value: Some(stance.values[1].id),
        })
        .unwrap();
    assert!(editor.project().problems().is_empty());
    // Removing the value in use is refused, and so is removing a label that a span uses.
    let mut without_value = editor.project().schema.clone();
    without_value.dimensions[0].values.pop();
    assert!(matches!(editor.apply(Command::SetSchema { schema: Box::new(without_value) }), Err(EditError::Schema(_))));
    editor.apply(create(&base, Target::Body, 0, 6)).unwrap();
    let mut without_label = editor.project().schema.clone();
    without_label.span_labels.remove(0);
    assert!(matches!(editor.apply(Command::SetSchema { schema: Box::new(without_label) }), Err(EditError::Schema(_))));
    // Renaming keeps every reference.
    let mut renamed = editor.project().schema.clone();
    renamed.span_labels[0].name = "Assertion".to_owned();
    editor.apply(Command::SetSchema { schema: Box::new(renamed) }).unwrap();
    assert!(editor.project().problems().is_empty());
    editor.undo().unwrap();
    assert_eq!(editor.project().schema.span_labels[0].name, "Claim");
}

#[test]
fn an_adopted_schema_never_clashes_with_the_project() {
    let base = project();
    let mut foreign = base.schema.clone();
    // Another project's label happens to have the id of this project's document.
    foreign.span_labels[4].id = crate::model::LabelId(base.documents[0].id.0);
    let adopted = schema::adopt(&base, foreign);
    let mut editor = Editor::new(base.clone(), true);
    editor.apply(Command::SetSchema { schema: Box::new(adopted.schema) }).unwrap();
    assert!(editor.project().problems().is_empty());
}

#[test]
fn an_adopted_schema_matches_labels_by_name_and_keeps_what_is_used() {
    let base = project();
    let mut editor = Editor::new(base.clone(), true);
    editor.apply(create(&base, Target::Body, 0, 6)).unwrap();
    let claim = base.schema.span_labels[0].clone();
    let quote = base.schema.span_labels[1].clone();
    let span_label = editor.project().documents[0].spans[0].label;
    assert_eq!(span_label, claim.id);
    // The teacher's file: other ids, "claim" spelled in lower case, no Quote, and Claim's old id on a new label.
    let mut foreign = base.schema.clone();
    foreign.span_labels.retain(|l| l.id != quote.id);
    foreign.span_labels[0].id = crate::model::LabelId(900);
    foreign.span_labels[0].name = "claim".to_owned();
    foreign.span_labels.push(crate::model::SpanLabel {
        id: claim.id,
        name: "Rumour".to_owned(),
        color: claim.color,
        key: None,
        description: String::new(),
    });
    let adopted = schema::adopt(editor.project(), foreign);
    assert!(adopted.kept.is_empty(), "Quote is not used, so it may go: {:?}", adopted.kept);
    let labels = &adopted.schema.span_labels;
    assert_eq!(labels[0].id, claim.id, "the same name keeps the project's id");
    let rumour = labels.iter().find(|l| l.name == "Rumour").unwrap();
    assert_ne!(rumour.id, claim.id, "an id that means Claim here is not given to another label");
    editor.apply(Command::SetSchema { schema: Box::new(adopted.schema.clone()) }).unwrap();
    assert!(editor.project().problems().is_empty());
    assert_eq!(editor.project().schema.label(span_label).unwrap().name, "claim");

    // A file without the label in use: the label stays, and the notice can say so.
    let mut without = base.schema.clone();
    without.span_labels.retain(|l| l.id != claim.id);
    let adopted = schema::adopt(editor.project(), without);
    assert_eq!(adopted.kept, ["claim"]);
    editor.apply(Command::SetSchema { schema: Box::new(adopted.schema) }).unwrap();
    assert!(editor.project().problems().is_empty());
}
