//! Updating a document from a newer version of its article, through the library and `gloss update`: what stays,
//! what is carried, what is listed for review, and that the whole update is one undoable step.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::Path;
use std::process::Command as Process;

use gloss::edit::Editor;
use gloss::model::{
    AnchoredRange, Comment, CommentId, DocId, Document, IdAllocator, Project, Reanchor, SentimentId, SpanAnnotation,
    SpanId, Tagging, Target, Verdict,
};
use gloss::update::review::{Resolution, pending, resolve};
use gloss::update::{self};

const OLD: &str = "MOSCOW 👩‍👩‍👧 Lavrov said the sanctions were illegal.\n\nPrices rose 24.3 percent in 2015, officials said.\n\nԵրևան hosted the talks.";
const NEW: &str = "MOSCOW 👩‍👩‍👧 🇦🇲 On Monday Lavrov said the sanctions were unlawful.\n\nPrices rose in 2015, officials said.\n\nԵրևան hosted the talks.";

fn span(id: u64, target: Target, text: &str, quote: &str) -> SpanAnnotation {
    let start = text[..text.find(quote).unwrap()].chars().count();
    let range = AnchoredRange::new(text, start, start + quote.chars().count()).unwrap();
    let mut span =
        SpanAnnotation::new(SpanId(id), target, vec![range], gloss::model::LabelId(1), jiff::Timestamp::UNIX_EPOCH);
    span.note = format!("note {id}");
    span.check_worthy = Some(true);
    span.verdict = Verdict::Misleading;
    span.annotator = "Ana".to_owned();
    span
}

fn tagged(id: u64, author: &str, text: &str, level: SentimentId) -> Comment {
    let mut comment = Comment::new(CommentId(id), author, text);
    comment.tagged_by.insert("Ana".to_owned(), Tagging { sentiment: Some(level), ..Tagging::default() });
    comment
}

const BEN_OLD: &str = "The figures are wrong, I think, by a wide margin.";
const BEN_NEW: &str = "The figures are plainly wrong, I think, by a wide margin.";

fn project() -> Project {
    let mut project = Project::new("update");
    project.annotator = "Ana".to_owned();
    let level = project.schema.sentiments[0].id;
    let mut doc = Document::new(DocId(100), "Lavrov on sanctions", OLD);
    doc.note = "my note".to_owned();
    doc.metadata.byline = Some("edited byline".to_owned());
    doc.comments = vec![
        tagged(101, "Ana", "Great article.", level),
        tagged(102, "Ben", BEN_OLD, level),
        tagged(103, "Cleo", "First!", level),
    ];
    doc.comments[1].parent = Some(CommentId(101));
    doc.spans = vec![
        span(110, Target::Body, OLD, "Lavrov said"),
        span(111, Target::Body, OLD, "the sanctions were illegal"),
        span(112, Target::Body, OLD, "24.3 percent"),
        span(113, Target::Body, OLD, "Երևան hosted"),
        span(114, Target::Comment(CommentId(102)), BEN_OLD, "by a wide margin"),
        span(115, Target::Comment(CommentId(103)), "First!", "First"),
    ];
    project.documents.push(doc);
    project.next_id = IdAllocator::starting_at(200);
    assert!(project.problems().is_empty(), "{:?}", project.problems());
    project
}

fn newer() -> Document {
    let mut doc = Document::new(DocId(1), "Lavrov on sanctions (updated)", NEW);
    doc.metadata.byline = Some("Staff".to_owned());
    doc.metadata.site = Some("Example News".to_owned());
    doc.comments = vec![
        Comment::new(CommentId(2), "Dan", "Who checked this?"),
        Comment::new(CommentId(3), "Ana", "Great article."),
        {
            let mut ben = Comment::new(CommentId(4), "Ben", BEN_NEW);
            ben.parent = Some(CommentId(3));
            ben
        },
    ];
    doc
}

fn status(report: &update::UpdateReport, id: u64) -> Reanchor {
    report.highlights.iter().find(|h| h.id == SpanId(id)).unwrap().status
}

#[test]
fn an_update_keeps_the_work_carries_highlights_and_lists_the_rest() {
    let project = project();
    let planned = update::plan(&project, DocId(100), &newer(), jiff::Timestamp::UNIX_EPOCH).unwrap();
    let report = &planned.report;
    assert_eq!(status(report, 110), Reanchor::Unchanged);
    assert_eq!(status(report, 111), Reanchor::Edited);
    assert_eq!(status(report, 112), Reanchor::Orphaned);
    assert_eq!(status(report, 113), Reanchor::Unchanged);
    assert_eq!(status(report, 114), Reanchor::Unchanged);
    assert_eq!(status(report, 115), Reanchor::Unchanged, "a removed comment keeps its highlight as it was");
    let edited = report.highlights.iter().find(|h| h.id == SpanId(111)).unwrap();
    assert_eq!(edited.quote_after.as_deref(), Some("the sanctions were unlawful"));
    assert_eq!((report.comments.matched, report.comments.new, report.comments.removed), (2, 1, 1));

    let doc = &planned.document;
    assert_eq!(doc.id, DocId(100));
    assert_eq!(doc.title, "Lavrov on sanctions", "the title the user had stays");
    assert_eq!(doc.note, "my note");
    assert_eq!(doc.metadata.byline.as_deref(), Some("edited byline"));
    assert_eq!(doc.metadata.site.as_deref(), Some("Example News"), "an empty field is filled from the newer page");
    assert_eq!(doc.body, NEW);
    let ids: Vec<(u64, &str, bool)> = doc.comments.iter().map(|c| (c.id.0, c.author.as_str(), c.removed)).collect();
    assert_eq!(ids[1..], [(101, "Ana", false), (102, "Ben", false), (103, "Cleo", true)]);
    assert!(ids[0].0 >= 200 && ids[0].1 == "Dan" && !ids[0].2, "a new comment gets a fresh id: {ids:?}");
    assert!(doc.comments[0].tagged_by.is_empty(), "new comments arrive untagged");
    assert!(doc.comments[1..].iter().all(|c| c.tagged_by.contains_key("Ana")), "tags stay with their comments");
    assert_eq!(doc.comment(CommentId(102)).unwrap().text, BEN_NEW);
    assert_eq!(doc.comment(CommentId(102)).unwrap().parent, Some(CommentId(101)));
    let on_ben = doc.span(SpanId(114)).unwrap();
    assert_eq!((on_ben.quote(), on_ben.ranges[0].start), ("by a wide margin".to_owned(), 40));
    // The edited one is placed and listed; the orphan keeps its old quote; attributes stay.
    assert_eq!(doc.span(SpanId(111)).unwrap().note, "note 111");
    assert_eq!(doc.orphans.iter().map(SpanAnnotation::quote).collect::<Vec<_>>(), ["24.3 percent"]);
    let listed: Vec<(u64, Reanchor)> = pending(doc).iter().map(|(e, s)| (s.id.0, e.status)).collect();
    assert_eq!(listed, [(111, Reanchor::Edited), (112, Reanchor::Orphaned)]);
    // Offsets are code points: "Lavrov" sits past a ZWJ family and a flag.
    let lavrov = doc.span(SpanId(110)).unwrap();
    assert_eq!(lavrov.ranges[0].start, NEW.split("Lavrov").next().unwrap().chars().count());

    let mut editor = Editor::new(project.clone(), true);
    editor.apply(update::command(&planned)).unwrap();
    assert_eq!(editor.undo_name(), Some("Update from newer version"));
    assert!(editor.project().problems().is_empty(), "{:?}", editor.project().problems());
    editor.undo().unwrap();
    assert_eq!(editor.project().documents, project.documents, "one undo takes the whole update back");
    editor.redo().unwrap();
    assert_eq!(editor.project().documents[0], planned.document);

    // The file keeps what is left to decide, byte for byte.
    let text = gloss::store::to_string(editor.project()).unwrap();
    assert!(text.contains("orphans:") && text.contains("review:") && text.contains("removed: true"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    std::fs::write(&path, &text).unwrap();
    assert_eq!(&gloss::store::load(&path).unwrap(), editor.project());
}

/// The project above with its document updated to [`newer`], in an editor.
fn updated() -> Editor {
    let project = project();
    let planned = update::plan(&project, DocId(100), &newer(), jiff::Timestamp::UNIX_EPOCH).unwrap();
    let mut editor = Editor::new(project, true);
    editor.apply(update::command(&planned)).unwrap();
    editor
}

#[test]
fn each_review_decision_is_one_undoable_step() {
    let mut editor = updated();
    let doc = |e: &Editor| e.project().documents[0].clone();
    let at = jiff::Timestamp::UNIX_EPOCH;

    // An edited highlight kept as an orphan goes back to its old quote.
    editor.apply(resolve(&doc(&editor), SpanId(111), Resolution::KeepOrphan, at).unwrap()).unwrap();
    assert_eq!(doc(&editor).orphans[1].quote(), "the sanctions were illegal");
    assert!(doc(&editor).span(SpanId(111)).is_none());
    editor.undo().unwrap();

    let accept = resolve(&doc(&editor), SpanId(111), Resolution::Accept, at).unwrap();
    editor.apply(accept).unwrap();
    assert_eq!(editor.undo_name(), Some("Accept updated highlight"));
    assert_eq!(pending(&doc(&editor)).len(), 1);
    assert!(doc(&editor).span(SpanId(111)).is_some());

    // The orphan is put on text chosen by hand: "in 2015".
    let start = NEW[..NEW.find("in 2015").unwrap()].chars().count();
    let reselect =
        resolve(&doc(&editor), SpanId(112), Resolution::Ranges(Target::Body, vec![(start, start + 7)]), at).unwrap();
    let before = editor.project().clone();
    editor.apply(reselect).unwrap();
    assert_eq!(doc(&editor).span(SpanId(112)).unwrap().quote(), "in 2015");
    assert!(doc(&editor).orphans.is_empty() && pending(&doc(&editor)).is_empty());
    editor.undo().unwrap();
    assert_eq!(editor.project(), &before, "undo puts the orphan and its review entry back");

    editor.apply(resolve(&doc(&editor), SpanId(112), Resolution::KeepOrphan, at).unwrap()).unwrap();
    assert_eq!(doc(&editor).orphans[0].quote(), "24.3 percent");
    assert!(pending(&doc(&editor)).is_empty());
    editor.apply(resolve(&doc(&editor), SpanId(112), Resolution::Delete, at).unwrap()).unwrap();
    assert!(doc(&editor).orphans.is_empty());
    assert!(resolve(&doc(&editor), SpanId(112), Resolution::Delete, at).is_err());
    assert!(editor.project().problems().is_empty(), "{:?}", editor.project().problems());
}

fn gloss(args: &[&std::ffi::OsStr], data: &Path) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_gloss")).args(args).env("GLOSS_DATA_DIR", data).output().unwrap()
}

#[test]
fn gloss_update_prints_json_saves_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = dir.path().join("p.ron");
    gloss::store::save(&project(), &path).unwrap();
    let newer = dir.path().join("newer.txt");
    std::fs::write(&newer, format!("Lavrov on sanctions\n\n{NEW}\n")).unwrap();
    let saved = std::fs::read(&path).unwrap();

    // Bad input changes nothing.
    let binary = dir.path().join("newer.bin");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    for (args, says) in [
        (vec![path.as_os_str(), "--document".as_ref(), "9".as_ref(), newer.as_os_str()], "--document 9"),
        (vec![path.as_os_str(), "--document".as_ref(), "1".as_ref(), binary.as_os_str()], "newer.bin"),
    ] {
        let mut all: Vec<&std::ffi::OsStr> = vec!["update".as_ref()];
        all.extend(args);
        let output = gloss(&all, &data);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success() && stderr.contains(says), "{stderr}");
        assert_eq!(std::fs::read(&path).unwrap(), saved);
    }

    let args: Vec<&std::ffi::OsStr> = vec![
        "update".as_ref(),
        path.as_os_str(),
        "--document".as_ref(),
        "1".as_ref(),
        newer.as_os_str(),
        "--json".as_ref(),
    ];
    let output = gloss(&args, &data);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["document"], 1);
    let highlights = json["highlights"].as_array().unwrap();
    let of = |id: u64| highlights.iter().find(|h| h["id"] == id).unwrap();
    assert_eq!(of(110)["status"], "unchanged");
    let start = NEW.split("Lavrov").next().unwrap().chars().count();
    assert_eq!(of(110)["after"], serde_json::json!([[start, start + 11]]));
    assert_eq!(of(111)["status"], "edited");
    assert_eq!(of(111)["quote_before"], "the sanctions were illegal");
    assert_eq!(of(111)["quote_after"], "the sanctions were unlawful");
    assert_eq!(of(112)["status"], "orphaned");
    assert!(of(112)["after"].is_null() && of(112)["quote_after"].is_null());
    // A plain text file has no comments: every comment is kept, marked removed from the page.
    assert_eq!(json["comments"], serde_json::json!({"matched": 0, "new": 0, "removed": 3}));
    let back = gloss::store::load(&path).unwrap();
    assert_eq!(back.documents[0].body.trim(), NEW);
    assert_eq!(back.documents[0].review.len(), 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("2 highlight(s) to review"));
}

#[test]
fn orphans_are_exported_to_w3c_by_their_old_quote_and_not_placed_again_on_import() {
    let editor = updated();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("w3c");
    let control = gloss::export::Control::none();
    let report = gloss::export::export(
        editor.project(),
        gloss::export::Scope::Project,
        gloss::export::Format::W3c,
        &out,
        &control,
    )
    .unwrap();
    let text = std::fs::read_to_string(&report.files[0]).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let items = json["first"]["items"].as_array().unwrap();
    let orphan = items.iter().find(|a| a["gloss:orphaned"] == true).unwrap();
    assert_eq!(orphan["target"]["selector"]["type"], "TextQuoteSelector");
    assert_eq!(orphan["target"]["selector"]["exact"], "24.3 percent");
    let articles = gloss::import::extract_file(&report.files[0]).unwrap();
    let warnings: Vec<&String> = articles.iter().flat_map(|a| &a.warnings).collect();
    assert!(warnings.iter().any(|w| w.contains("orphaned highlight")), "{warnings:?}");
}
