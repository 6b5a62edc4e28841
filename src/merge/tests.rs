//! Merging a class's and a team's files, and two edits of one project against their ancestor.

use super::three_way::merge3;
use super::*;
use crate::model::{SpanId, Target, test_span};

fn sample() -> Project {
    crate::store::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/projects/sample.ron"))).unwrap()
}

/// The sample as `name`'s own work.
fn as_annotator(mut project: Project, name: &str) -> Project {
    name.clone_into(&mut project.annotator);
    for doc in &mut project.documents {
        doc.spans.iter_mut().for_each(|s| name.clone_into(&mut s.annotator));
        for comment in &mut doc.comments {
            let tagging = std::mem::take(&mut comment.tagged_by).into_values().next().unwrap_or_default();
            comment.tagged_by.insert(name.to_owned(), tagging);
        }
    }
    project
}

/// A highlight of `text` in the sample's body, by `who`, with a fresh id of `project`.
fn new_span(project: &mut Project, text: &str, who: &str) -> crate::model::SpanAnnotation {
    let body = &project.documents[0].body;
    let start = body[..body.find(text).unwrap()].chars().count();
    let mut span = test_span(project.next_id.fresh(), Target::Body, body, start, start + text.chars().count());
    who.clone_into(&mut span.annotator);
    span
}

#[test]
fn a_students_work_joins_the_key_as_theirs_and_merging_again_adds_nothing() {
    let key = sample();
    let ana = as_annotator(key.clone(), "Ana");
    let merged = merge(key.clone(), &[(&ana, "ana.ron")]).unwrap();
    let doc = &merged.project.documents[0];
    assert_eq!(merged.project.documents.len(), 1, "the same article is matched");
    assert_eq!(doc.spans.len(), 2 * key.documents[0].spans.len(), "identical highlights of two people are two");
    assert!(doc.comments.iter().all(|c| c.tagged_by.len() == 2), "each comment has both people's tags");
    assert!(merged.project.problems().is_empty(), "{:?}", merged.project.problems());
    assert!(merged.lines()[0].starts_with("from ana.ron: 1 document(s) matched, 0 added"), "{:?}", merged.report);
    assert!(merged.lines().iter().any(|l| l.contains("added for \"Ana\": 7 highlight(s), 5 comment tag(s)")));

    let again = merge(merged.project.clone(), &[(&ana, "ana.ron")]).unwrap();
    assert_eq!(again.project, merged.project, "merging the same work twice adds nothing");
    let itself = merge(key.clone(), &[(&key, "key.ron")]).unwrap();
    assert_eq!(itself.project, key, "a project merged with itself is unchanged");
}

#[test]
fn a_merge_applies_to_the_open_project_as_one_step_that_undo_takes_back() {
    let key = sample();
    let mut other = as_annotator(sample(), "Ben");
    other.documents[0].body.push_str(" More.");
    other.schema.span_labels[0].name = "Check me".to_owned();
    let merged = merge(key.clone(), &[(&other, "ben.ron")]).unwrap().project;
    let mut editor = Editor::new(key.clone(), true);
    editor.apply(changes(&key, &merged).unwrap()).unwrap();
    assert_eq!(editor.project(), &merged);
    editor.undo().unwrap();
    // Everything is as it was; only the id counter stays ahead, so that no id is handed out twice.
    assert_eq!((&editor.project().documents, &editor.project().schema), (&key.documents, &key.schema));
    assert!(changes(&key, &key).is_none());
}

#[test]
fn documents_the_first_lacks_arrive_with_new_ids_and_their_labels() {
    let mut other = as_annotator(sample(), "Ben");
    other.documents[0].title = "Another article".to_owned();
    other.documents[0].body = format!("{} More.", other.documents[0].body);
    other.documents[0].note = "Ben's note".to_owned();
    other.schema.span_labels[0].name = "Check me".to_owned();
    let merged = merge(sample(), &[(&other, "ben.ron")]).unwrap();
    let project = &merged.project;
    assert_eq!(project.documents.len(), 2);
    assert!(project.problems().is_empty(), "ids stay unique: {:?}", project.problems());
    let added = project.schema.span_labels.iter().find(|l| l.name == "Check me").unwrap();
    assert_eq!(added.color, other.schema.span_labels[0].color, "with its colour");
    assert!(merged.lines().iter().any(|l| l.ends_with("added to the labels, with their colours: Check me")));
    let added = &project.documents[1];
    assert_eq!(added.note, "Ben's note");
    assert_eq!(added.spans.len(), other.documents[0].spans.len());
}

#[test]
fn two_edits_of_one_project_merge_three_way_without_losing_either() {
    let base = sample();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    // Each side adds a highlight (from the same counter, so with the same id) and tags a comment.
    let span = new_span(&mut ours, "harbour levy", "Gloss sample");
    ours.documents[0].spans.push(span);
    let span = new_span(&mut theirs, "every landed catch", "Gloss sample");
    theirs.documents[0].spans.push(span);
    theirs.documents[0].note = "checked by the desk".to_owned();
    let levels: Vec<_> = base.schema.sentiments.iter().map(|l| l.id).collect();
    theirs.documents[0].comments[1].retag("Ben", |t| t.sentiment = Some(levels[0]));
    let merged = merge3(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert!(merged.problems().is_empty(), "{:?}", merged.problems());
    let doc = &merged.documents[0];
    assert_eq!(doc.spans.len(), base.documents[0].spans.len() + 2, "both new highlights are kept");
    assert_eq!(doc.note, "checked by the desk");
    assert_eq!(doc.comments[1].sentiment_of("Ben"), Some(levels[0]));
    let ids: std::collections::BTreeSet<SpanId> = doc.spans.iter().map(|s| s.id).collect();
    assert_eq!(ids.len(), doc.spans.len(), "no id is used twice");
    assert!(merged.next_id.peek() > ids.iter().map(|s| s.0).max().unwrap());
}

#[test]
fn the_same_highlight_changed_on_both_sides_is_kept_twice_and_listed() {
    let base = sample();
    let labels: Vec<_> = base.schema.span_labels.iter().map(|l| l.id).collect();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.documents[0].spans[0].label = labels[3];
    theirs.documents[0].spans[0].label = labels[4];
    ours.documents[0].note = "mine".to_owned();
    theirs.documents[0].note = "theirs".to_owned();
    let merged = merge3(&base, &ours, &theirs);
    let doc = &merged.documents[0];
    assert_eq!(doc.spans.len(), base.documents[0].spans.len() + 1);
    assert_eq!(merged.conflicts.len(), 2, "{:?}", merged.conflicts);
    let highlight = merged.conflicts.iter().find(|c| c.spans.len() == 2).unwrap();
    let labels_kept: Vec<_> = highlight.spans.iter().map(|id| doc.span(*id).unwrap().label).collect();
    assert_eq!(labels_kept, [labels[3], labels[4]]);
    assert_eq!(doc.note, "mine\n\ntheirs");
    assert!(merged.problems().is_empty(), "{:?}", merged.problems());
    // Unchanged on both sides: the merge is the base itself.
    assert_eq!(merge3(&base, &base, &base), base);
}
