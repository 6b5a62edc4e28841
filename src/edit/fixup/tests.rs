//! Every repair keeps each highlight on exactly its text.

use super::*;
use crate::model::{DocId, Metadata};

use crate::model::test_span as span;

fn doc() -> Document {
    let body = "Story “one” 😀.\n\nDiscussion Policy blah.\n\nAnna said: Ереван is lovely.\n\nBob: no.".to_owned();
    let spans = vec![
        span(100, Target::Body, &body, 6, 11),  // “one”
        span(101, Target::Body, &body, 52, 58), // Ереван
    ];
    Document {
        id: DocId(1),
        title: "T".to_owned(),
        metadata: Metadata::default(),
        body,
        comments: Vec::new(),
        spans,
        note: String::new(),
        orphans: Vec::new(),
        review: Vec::new(),
    }
}

fn quotes_hold(doc: &Document) {
    for span in &doc.spans {
        let text = doc.target_text(span.target).unwrap();
        assert!(span.ranges.iter().all(|r| r.matches(text)), "{span:?} in {text:?}");
    }
}

#[test]
fn body_paragraphs_become_comments_and_back() {
    let original = doc();
    let mut ids = IdAllocator::starting_at(200);
    let split = comments_from_paragraph(&original, 2, &mut ids).unwrap();
    assert_eq!(split.body, "Story “one” 😀.\n\nDiscussion Policy blah.");
    let texts: Vec<&str> = split.comments.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Anna said: Ереван is lovely.", "Bob: no."]);
    quotes_hold(&split);
    assert_eq!(split.spans[1].target, Target::Comment(split.comments[0].id));
    assert_eq!(split.spans[1].ranges[0].exact, "Ереван");

    let back = body_from_comment(&split, split.comments[0].id).unwrap();
    assert_eq!(back.body, original.body);
    assert!(back.comments.is_empty());
    quotes_hold(&back);
    assert_eq!(back.spans, original.spans);
}

#[test]
fn a_highlight_across_the_cut_refuses_the_repair() {
    let mut original = doc();
    let body = original.body.clone();
    original.spans.push(span(102, Target::Body, &body, 8, 30));
    let error = comments_from_paragraph(&original, 1, &mut IdAllocator::starting_at(200)).unwrap_err();
    assert!(matches!(error, FixupError::CrossingSpan(_)));
}

#[test]
fn split_and_merge_are_inverse() {
    let original = doc();
    let mut ids = IdAllocator::starting_at(200);
    let with_comments = comments_from_paragraph(&original, 2, &mut ids).unwrap();
    let first = with_comments.comments[0].id;
    let merged = merge_with_next(&with_comments, first).unwrap();
    assert_eq!(merged.comments.len(), 1);
    assert_eq!(merged.comments[0].text, "Anna said: Ереван is lovely.\n\nBob: no.");
    quotes_hold(&merged);
    // Cut after "said:" (10 code points).
    let cut = split_comment(&merged, first, 10, &mut ids).unwrap();
    let texts: Vec<&str> = cut.comments.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Anna said:", "Ереван is lovely.\n\nBob: no."]);
    quotes_hold(&cut);
    assert_eq!(cut.spans[1].target, Target::Comment(cut.comments[1].id));
    assert!(matches!(split_comment(&merged, first, 0, &mut ids), Err(FixupError::EmptySide)));
    assert!(matches!(split_comment(&merged, first, 13, &mut ids), Err(FixupError::CrossingSpan(_))));
}

#[test]
fn moving_comments_carries_their_highlights() {
    let mut ids = IdAllocator::starting_at(200);
    let from = comments_from_paragraph(&doc(), 2, &mut ids).unwrap();
    let mut to = doc();
    to.id = DocId(2);
    to.spans.clear();
    let (from, to) = move_comments(&from, &to);
    assert!(from.comments.is_empty());
    assert_eq!(to.comments.len(), 2);
    assert_eq!(to.spans.len(), 1);
    quotes_hold(&from);
    quotes_hold(&to);
}
