//! Every command undoes exactly, and the editor's history and saved marker behave.

use proptest::prelude::*;

use super::*;
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
            parent: None,
            text: "is Turkey returning Kars".to_owned(),
            sentiment: None,
            tags: std::collections::BTreeMap::new(),
            note: String::new(),
        }],
        spans: Vec::new(),
        note: String::new(),
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
    editor.apply(Command::SetSentiment { doc, comment, sentiment: Some(negative) }).unwrap();
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
