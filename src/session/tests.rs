//! Sessions journal every step; a session that stops without saving is recovered exactly, onto its own file, or
//! as far as it applies onto a file that changed meanwhile; two sessions never write one file.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::*;
use crate::edit::{SpanDraft, TextField};
use crate::model::{Comment, CommentId, DocId, Document, Metadata, Target};

/// A saved project with one document and two comments, in `dir`.
fn saved_project(dir: &Path) -> PathBuf {
    let mut project = Project::new("journal");
    let mut ids = project.next_id;
    let doc = DocId(ids.fresh());
    let comments = (0..2)
        .map(|i| Comment {
            id: CommentId(ids.fresh()),
            number: None,
            author: format!("reader {i}"),
            date: None,
            timestamp: None,
            parent: None,
            text: format!("Comment number {i} with 😀 in it."),
            tagged_by: Default::default(),
            note: String::new(),
            removed: false,
        })
        .collect();
    project.documents.push(Document {
        id: doc,
        title: "Harbour".to_owned(),
        metadata: Metadata::default(),
        body: "The council voted on Tuesday to raise the levy by 2.5 percent.\n\nIt takes effect in May.".to_owned(),
        comments,
        spans: Vec::new(),
        note: String::new(),
        orphans: Vec::new(),
        review: Vec::new(),
    });
    project.next_id = ids;
    let path = dir.join("p.ron");
    crate::store::save(&project, &path).unwrap();
    path
}

fn ready(path: &Path, data: &Path) -> Session {
    match open(path, Some(data)).unwrap() {
        Opening::Ready(session) => session,
        Opening::Recover(r) => panic!("a recovery was offered: {:?}", r.summary()),
        Opening::InUse(_) => panic!("in use"),
    }
}

fn recovery(path: &Path, data: &Path) -> Recovery {
    match open(path, Some(data)).unwrap() {
        Opening::Recover(recovery) => *recovery,
        Opening::Ready(_) => panic!("nothing to recover"),
        Opening::InUse(_) => panic!("in use"),
    }
}

fn highlight(session: &mut Session, start: usize, end: usize) {
    let project = session.project();
    let doc = project.documents[0].id;
    let label = project.schema.span_labels[0].id;
    let draft = SpanDraft { target: Target::Body, ranges: vec![(start, end)], label, at: Timestamp::UNIX_EPOCH };
    session.apply(Command::CreateSpan { doc, draft }).unwrap();
}

/// Seven steps of a person's work: highlights, tags, a typed note (merged keystrokes), an undo and a redo.
fn seven_steps(session: &mut Session) {
    highlight(session, 4, 11);
    highlight(session, 50, 61);
    let project = session.project();
    let doc = project.documents[0].id;
    let comment = project.documents[0].comments[1].id;
    let level = project.schema.sentiments[0].id;
    let span = project.documents[0].spans[0].id;
    session.apply(Command::SetSentiment { doc, comment, annotator: None, sentiment: Some(level) }).unwrap();
    for typed in ["c", "ch", "che", "chec", "check"] {
        let field = TextField::SpanNote(doc, span);
        session.apply(Command::SetText { field, value: typed.to_owned(), at: None }).unwrap();
    }
    session.seal();
    highlight(session, 0, 3);
    session.undo().unwrap();
    session.redo().unwrap();
}

#[test]
fn edits_of_a_session_that_stopped_come_back_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (saved_project(dir.path()), dir.path().join("data"));
    let mut session = ready(&path, &data);
    seven_steps(&mut session);
    let before = session.project().clone();
    let undo_name = session.editor().undo_name().map(str::to_owned);
    session.abandon();
    assert!(locate::beside(&path).is_file(), "the journal stays");

    let recovery = recovery(&path, &data);
    let summary = recovery.summary().clone();
    assert!(summary.matches_file);
    assert_eq!(summary.edits, ["Add highlight", "Add highlight", "Set sentiment", "Edit note", "Add highlight"]);
    assert!(summary.title().starts_with("5 unsaved edits from "), "{}", summary.title());
    let (mut session, failed) = recovery.recover().unwrap();
    assert!(failed.is_empty(), "{failed:?}");
    assert_eq!(session.project(), &before);
    assert!(session.is_dirty(), "recovered edits are unsaved");
    assert_eq!(session.editor().undo_name().map(str::to_owned), undo_name);
    // Undo takes back every recovered edit and arrives at the saved state, as if nothing had happened.
    for _ in 0..5 {
        session.undo().unwrap();
    }
    assert!(!session.is_dirty());
    // As saved, but for the id counter, which undo leaves where it was so that no id is handed out twice.
    let mut saved = crate::store::load(&path).unwrap();
    saved.next_id = session.project().next_id;
    assert_eq!(session.project(), &saved);
    session.redo().unwrap();
    assert!(session.is_dirty());
}

#[test]
fn a_recovery_looked_at_and_left_is_offered_again_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (saved_project(dir.path()), dir.path().join("data"));
    let mut session = ready(&path, &data);
    seven_steps(&mut session);
    let before = session.project().clone();
    session.abandon();
    let first = recovery(&path, &data);
    let summary = first.summary().clone();
    let viewer = first.open_as_saved().unwrap();
    assert!(viewer.is_read_only());
    drop(viewer);
    let second = recovery(&path, &data);
    assert_eq!(second.summary(), &summary, "replaying twice finds the same");
    let (session, _) = second.recover().unwrap();
    assert_eq!(session.project(), &before);
    // Recovered and stopped again: the journal still brings back the same.
    session.abandon();
    let (session, _) = recovery(&path, &data).recover().unwrap();
    assert_eq!(session.project(), &before);
}

#[test]
fn a_discarded_recovery_leaves_the_file_as_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (saved_project(dir.path()), dir.path().join("data"));
    let mut session = ready(&path, &data);
    seven_steps(&mut session);
    session.abandon();
    let session = recovery(&path, &data).discard().unwrap();
    assert!(!session.is_dirty());
    drop(session);
    assert!(!locate::beside(&path).exists(), "a clean session leaves no journal");
    drop(ready(&path, &data));
}

#[test]
fn undo_after_a_recovery_reaches_back_beyond_the_last_save() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (saved_project(dir.path()), dir.path().join("data"));
    let mut session = ready(&path, &data);
    highlight(&mut session, 4, 11);
    session.save().unwrap();
    highlight(&mut session, 50, 61);
    session.abandon();
    let (mut session, _) = recovery(&path, &data).recover().unwrap();
    assert_eq!(session.project().documents[0].spans.len(), 2);
    session.undo().unwrap();
    assert!(!session.is_dirty(), "one undo reaches the saved state");
    session.undo().unwrap();
    assert!(session.project().documents[0].spans.is_empty(), "and the next goes beyond it, as before the crash");
    assert!(session.is_dirty());
}

#[test]
fn a_torn_last_record_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (saved_project(dir.path()), dir.path().join("data"));
    let mut session = ready(&path, &data);
    highlight(&mut session, 4, 11);
    highlight(&mut session, 50, 61);
    let journal = session.journal_path().unwrap().to_owned();
    session.abandon();
    // The last record cut in the middle, as a crash during its write leaves it.
    let bytes = std::fs::read(&journal).unwrap();
    std::fs::write(&journal, &bytes[..bytes.len() - 7]).unwrap();
    let recovery = recovery(&path, &data);
    assert_eq!(recovery.summary().edits, ["Add highlight"]);
    let (session, _) = recovery.recover().unwrap();
    assert_eq!(session.project().documents[0].spans.len(), 1);
}

#[test]
fn a_second_session_on_the_same_file_is_told_and_reads_only() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (saved_project(dir.path()), dir.path().join("data"));
    let mut first = ready(&path, &data);
    highlight(&mut first, 4, 11);
    let Opening::InUse(in_use) = open(&path, Some(&data)).unwrap() else { panic!("the second open must be told") };
    assert_eq!(in_use.pid, Some(std::process::id()));
    let mut second = in_use.read_only();
    assert!(matches!(
        second.apply(Command::SetText { field: TextField::ProjectName, value: "x".into(), at: None }),
        Err(SessionError::ReadOnly(_))
    ));
    assert!(matches!(second.save(), Err(SessionError::ReadOnly(_))));
    drop(second);
    first.save().unwrap();
    drop(first);
    drop(ready(&path, &data));
}

#[test]
fn a_save_never_overwrites_a_change_made_by_another_program() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (saved_project(dir.path()), dir.path().join("data"));
    let mut session = ready(&path, &data);
    highlight(&mut session, 4, 11);
    // A colleague's version arrives through a sync client: another highlight, and a new name.
    let mut theirs = crate::store::load(&path).unwrap();
    let mut editor = Editor::new(theirs.clone(), true);
    let doc = theirs.documents[0].id;
    let label = theirs.schema.span_labels[1].id;
    let draft = SpanDraft { target: Target::Body, ranges: vec![(21, 28)], label, at: Timestamp::UNIX_EPOCH };
    editor.apply(Command::CreateSpan { doc, draft }).unwrap();
    theirs = editor.project().clone();
    theirs.name = "theirs".to_owned();
    crate::store::save(&theirs, &path).unwrap();
    let on_disk = std::fs::read(&path).unwrap();
    assert_eq!(session.disk_change(), DiskChange::Changed);
    assert!(matches!(session.save(), Err(SessionError::ChangedOnDisk(_))));
    assert_eq!(std::fs::read(&path).unwrap(), on_disk, "the colleague's file is untouched");
    // Reload: their version, with my highlight carried onto it under a fresh id.
    let reloaded = session.reload().unwrap();
    assert!(reloaded.failed.is_empty(), "{:?}", reloaded.failed);
    let spans = &session.project().documents[0].spans;
    assert_eq!(spans.len(), 2);
    assert_eq!(session.project().name, "theirs");
    assert!(spans.iter().any(|s| s.quote() == "council") && spans.iter().any(|s| s.quote() == "Tuesday"));
    assert!(session.project().problems().is_empty());
    assert!(session.is_dirty());
    session.save().unwrap();
    assert_eq!(crate::store::load(&path).unwrap().documents[0].spans.len(), 2);
}

#[test]
fn edits_made_on_another_version_are_tried_on_the_file_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (saved_project(dir.path()), dir.path().join("data"));
    let mut session = ready(&path, &data);
    highlight(&mut session, 4, 11);
    let project = session.project();
    let (doc, span) = (project.documents[0].id, project.documents[0].spans[0].id);
    session.apply(Command::SetText { field: TextField::SpanNote(doc, span), value: "mine".into(), at: None }).unwrap();
    session.abandon();
    // Meanwhile the file was changed elsewhere: a highlight of someone else took the next id.
    let mut editor = Editor::new(crate::store::load(&path).unwrap(), true);
    let label = editor.project().schema.span_labels[1].id;
    let draft = SpanDraft { target: Target::Body, ranges: vec![(21, 28)], label, at: Timestamp::UNIX_EPOCH };
    editor.apply(Command::CreateSpan { doc, draft }).unwrap();
    crate::store::save(editor.project(), &path).unwrap();
    let theirs_id = editor.project().documents[0].spans[0].id;
    assert_eq!(theirs_id, span, "both sessions handed out the same id");

    let recovery = recovery(&path, &data);
    assert!(!recovery.summary().matches_file);
    assert_eq!(recovery.summary().edits, ["Add highlight", "Edit note"]);
    let (session, failed) = recovery.recover().unwrap();
    assert!(failed.is_empty(), "{failed:?}");
    let spans = &session.project().documents[0].spans;
    let theirs = spans.iter().find(|s| s.id == theirs_id).unwrap();
    let mine = spans.iter().find(|s| s.id != theirs_id).unwrap();
    assert_eq!(
        (theirs.quote().as_str(), theirs.note.as_str()),
        ("Tuesday", ""),
        "their highlight keeps no note of mine"
    );
    assert_eq!((mine.quote().as_str(), mine.note.as_str()), ("council", "mine"));
}

#[test]
fn a_save_cut_short_after_writing_the_file_recovers_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let (path, data) = (saved_project(dir.path()), dir.path().join("data"));
    let mut session = ready(&path, &data);
    highlight(&mut session, 4, 11);
    let journal = session.journal_path().unwrap().to_owned();
    // The journal as it was just before a save restarted it: its edits, and the save it was making.
    let text = crate::store::checked_text(session.project(), &path).unwrap();
    session.record(&Record::Saving { path: path.clone(), file: crate::store::Fingerprint::of_bytes(text.as_bytes()) });
    let kept = std::fs::read(&journal).unwrap();
    session.save().unwrap();
    session.abandon();
    std::fs::write(&journal, kept).unwrap();
    // The file holds what the save wrote, so nothing is replayed on it a second time.
    let session = ready(&path, &data);
    assert_eq!(session.project().documents[0].spans.len(), 1);
}

#[test]
fn a_project_never_saved_is_recovered_from_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut session = Session::untitled(Project::new("Untitled"), Some(data.clone()));
    assert!(session.journal_path().is_none(), "no journal before the first edit");
    session.apply(Command::SetText { field: TextField::ProjectName, value: "Notes".into(), at: None }).unwrap();
    let journal = session.journal_path().unwrap().to_owned();
    assert!(journal.starts_with(&data));
    session.abandon();
    let mut found = orphans(&data);
    assert_eq!(found.len(), 1);
    let recovery = found.remove(0);
    assert_eq!(recovery.file(), None);
    assert_eq!(recovery.summary().edits, ["Rename project"]);
    let (mut session, _) = recovery.recover().unwrap();
    assert_eq!(session.project().name, "Notes");
    assert!(orphans(&data).is_empty(), "a held journal is not offered twice");
    // Saved under a name: the journal moves beside the file and the one in the data folder goes.
    let path = dir.path().join("notes.ron");
    session.save_as(&path).unwrap();
    assert!(!journal.exists());
    assert_eq!(session.journal_path(), Some(locate::beside(&crate::store::real_path(&path)).as_path()));
    drop(session);
    assert!(orphans(&data).is_empty());
}
