//! Accepting and rejecting suggestions: the work they make, what is remembered of them, undo, the file, and
//! `gloss suggest --apply`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use gloss::edit::{Command, Editor};
use gloss::model::{Outcome, Project, Target};
use gloss::suggest::{Instead, Kind, Request, Suggestion, accept, is_open, reject, suggest_project};

const ARTICLE: &str = "Harbour levy row\n\n\
    “We cannot wait 👍,” Maria Ivanova told reporters on Monday. Landings at the harbour fell 12 percent since \
    2019, and the town has lost a third of its boats in the same time.\n\n\
    Comments\n\nAna wrote:\n\nThis is a great and wonderful decision, thank you!\n\nBen wrote:\n\nTerrible, awful idea.\n";

fn project(annotator: &str) -> Project {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("levy.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let article = gloss::import::extract_file(&path).unwrap().remove(0);
    assert_eq!(article.comments.len(), 2, "{:?}", article.warnings);
    let mut editor = Editor::new(Project::new("levy"), false);
    editor
        .apply(Command::SetText { field: gloss::edit::TextField::Annotator, value: annotator.into(), at: None })
        .unwrap();
    let document = Box::new(article.into_document());
    editor.apply(Command::AddDocument { index: 0, document, fresh_ids: true }).unwrap();
    editor.project().clone()
}

fn all(project: &Project, annotator: &str) -> Vec<Suggestion> {
    let request = Request { kinds: Kind::ALL.to_vec(), document: None, annotator: annotator.into() };
    suggest_project(project, &request, |_, _| true)
}

fn at() -> jiff::Timestamp {
    "2026-12-03T12:00:00Z".parse().unwrap()
}

fn label(project: &Project, name: &str) -> gloss::model::LabelId {
    project.schema.span_labels.iter().find(|l| l.name == name).unwrap().id
}

#[test]
fn an_accepted_quote_is_the_annotators_quote_and_source_remembering_the_suggestion_and_undo_brings_it_back() {
    let mut editor = Editor::new(project("Ana"), false);
    let suggestions = all(editor.project(), "Ana");
    let quote = suggestions.iter().find(|s| s.kind == Kind::Quote && s.direct).expect("the direct quote");
    let command = accept(editor.project(), &[quote], "Ana", None, at()).unwrap();
    assert_eq!(command.name(), "Accept suggestion");
    editor.apply(command).unwrap();
    let doc = &editor.project().documents[0];
    assert_eq!(doc.spans.len(), 2, "the quote and its source");
    let made = doc.spans.iter().find(|s| s.label == label(editor.project(), "Quote")).unwrap();
    assert_eq!(made.quote(), "“We cannot wait 👍,”");
    assert_eq!(made.speaker, "Ivanova");
    assert_eq!(made.annotator, "Ana");
    assert_eq!(made.outcome(), Some(Outcome::AsIs));
    let provenance = made.suggested.as_ref().unwrap();
    assert_eq!((provenance.by.as_str(), provenance.version.as_str()), ("gloss-rules", env!("CARGO_PKG_VERSION")));
    let source = doc.spans.iter().find(|s| s.label == label(editor.project(), "Source")).unwrap();
    assert_eq!(source.quote(), "Maria Ivanova");
    assert!(!is_open(editor.project(), quote, "Ana"));
    assert!(is_open(editor.project(), quote, "Ben"), "someone else still decides for themselves");
    // The figure after the quote is still open: only a highlight of its own label decides it.
    let figure = suggestions.iter().find(|s| s.kind == Kind::Statistic).unwrap();
    assert!(is_open(editor.project(), figure, "Ana"));
    assert!(!all(editor.project(), "Ana").iter().any(|s| s.kind == Kind::Quote && s.direct));
    editor.undo().unwrap();
    assert!(editor.project().documents[0].spans.is_empty());
    assert!(is_open(editor.project(), quote, "Ana"));
}

#[test]
fn a_suggestion_accepted_with_another_label_or_then_moved_counts_as_edited() {
    let mut editor = Editor::new(project("Ana"), false);
    let figure = all(editor.project(), "Ana").into_iter().find(|s| s.kind == Kind::Statistic).unwrap();
    let claim = label(editor.project(), "Claim");
    editor.apply(accept(editor.project(), &[&figure], "Ana", Some(Instead::Label(claim)), at()).unwrap()).unwrap();
    let made = &editor.project().documents[0].spans[0];
    assert_eq!(made.label, claim);
    assert_eq!(made.outcome(), Some(Outcome::Edited));
    // The suggestion it came from is decided even though the label differs.
    assert!(!is_open(editor.project(), &figure, "Ana"));
}

#[test]
fn a_rejected_suggestion_is_not_suggested_again_to_that_annotator_until_undone() {
    let mut editor = Editor::new(project("Ana"), false);
    let before = all(editor.project(), "Ana");
    let figure = before.iter().find(|s| s.kind == Kind::Statistic).unwrap();
    editor.apply(reject(editor.project(), figure, "Ana", at()).unwrap()).unwrap();
    assert_eq!(editor.project().rejected.len(), 1);
    assert!(editor.project().documents[0].spans.is_empty(), "a rejection is no highlight");
    let after = all(editor.project(), "Ana");
    assert_eq!(after.len(), before.len() - 1);
    assert!(!after.contains(figure));
    assert!(all(editor.project(), "Ben").contains(figure));
    editor.undo().unwrap();
    assert!(editor.project().rejected.is_empty());
    assert_eq!(all(editor.project(), "Ana"), before);
}

#[test]
fn accepted_sentiment_is_the_annotators_tag_with_vader_as_its_source() {
    let mut editor = Editor::new(project("Ana"), false);
    let tags: Vec<Suggestion> =
        all(editor.project(), "Ana").into_iter().filter(|s| s.kind == Kind::Sentiment).collect();
    assert_eq!(tags.len(), 2);
    let schema = editor.project().schema.clone();
    let level = |name: &str| schema.sentiments.iter().find(|l| l.name == name).unwrap().id;
    assert_eq!(tags[0].level, Some(level("Positive")));
    assert_eq!(tags[1].level, Some(level("Negative")));
    editor.apply(accept(editor.project(), &[&tags[0]], "Ana", None, at()).unwrap()).unwrap();
    let mixed = Instead::Level(level("Mixed"));
    editor.apply(accept(editor.project(), &[&tags[1]], "Ana", Some(mixed), at()).unwrap()).unwrap();
    let comments = &editor.project().documents[0].comments;
    let first = comments[0].tagging("Ana").unwrap();
    assert_eq!(first.sentiment, Some(level("Positive")));
    assert_eq!(first.outcome(), Some(Outcome::AsIs));
    assert_eq!(first.suggested.as_ref().unwrap().by, "vader");
    let second = comments[1].tagging("Ana").unwrap();
    assert_eq!(second.sentiment, Some(level("Mixed")));
    assert_eq!(second.outcome(), Some(Outcome::Edited));
    assert!(all(editor.project(), "Ana").iter().all(|s| s.kind != Kind::Sentiment));
    editor.undo().unwrap();
    assert_eq!(editor.project().documents[0].comments[1].tagging("Ana"), None);
}

#[test]
fn every_suggestion_of_a_kind_is_accepted_in_one_undo_step() {
    let mut editor = Editor::new(project("Ana"), false);
    let statistics: Vec<Suggestion> =
        all(editor.project(), "Ana").into_iter().filter(|s| s.kind == Kind::Statistic).collect();
    assert!(statistics.len() >= 2, "{statistics:#?}");
    let refs: Vec<&Suggestion> = statistics.iter().collect();
    editor.apply(accept(editor.project(), &refs, "Ana", None, at()).unwrap()).unwrap();
    assert_eq!(editor.project().documents[0].spans.len(), statistics.len());
    assert_eq!(editor.undo_name(), Some("Accept suggestions"));
    editor.undo().unwrap();
    assert!(editor.project().documents[0].spans.is_empty());
}

#[test]
fn provenance_and_rejections_survive_the_file() {
    let mut editor = Editor::new(project("Ana"), false);
    let suggestions = all(editor.project(), "Ana");
    let quote = suggestions.iter().find(|s| s.kind == Kind::Quote && s.direct).unwrap();
    let figure = suggestions.iter().find(|s| s.kind == Kind::Statistic).unwrap();
    let tag = suggestions.iter().find(|s| s.kind == Kind::Sentiment).unwrap();
    editor.apply(accept(editor.project(), &[quote, tag], "Ana", None, at()).unwrap()).unwrap();
    editor.apply(reject(editor.project(), figure, "Ana", at()).unwrap()).unwrap();
    let text = gloss::store::to_string(editor.project()).unwrap();
    assert!(text.contains("format_version: 8,"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    std::fs::write(&path, &text).unwrap();
    let back = gloss::store::load(&path).unwrap();
    assert_eq!(&back, editor.project());
    assert_eq!(gloss::store::to_string(&back).unwrap(), text);
}

#[test]
fn suggest_apply_adds_everything_as_one_step_of_the_annotators_work_and_then_nothing_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    gloss::store::save(&project("Ana"), &path).unwrap();
    let gloss = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args(args)
            .current_dir(dir.path())
            .env("GLOSS_DATA_DIR", dir.path().join("data"))
            .output()
            .unwrap()
    };
    let count = all(&gloss::store::load(&path).unwrap(), "Ana").len();
    let run = gloss(&["suggest", "p.ron", "--apply", "--json"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let printed: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(printed["suggestions"].as_array().unwrap().len(), count);
    assert!(String::from_utf8_lossy(&run.stderr).contains(&format!("{count} suggestion(s) added as Ana's work")));
    let project = gloss::store::load(&path).unwrap();
    let doc = &project.documents[0];
    assert!(doc.spans.iter().all(|s| s.annotator == "Ana" && s.outcome() == Some(Outcome::AsIs)));
    assert!(
        doc.comments.iter().all(|c| c.tagging("Ana").and_then(gloss::model::Tagging::outcome) == Some(Outcome::AsIs))
    );
    assert!(doc.spans.iter().any(|s| s.target == Target::Body && s.speaker == "Ivanova"));
    let again = gloss(&["suggest", "p.ron"]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("0 suggestion(s)"));
    let nothing = gloss(&["suggest", "p.ron", "--apply"]);
    assert!(nothing.status.success());
    assert!(String::from_utf8_lossy(&nothing.stderr).contains("nothing to add"));
}

#[test]
fn accepting_the_inner_of_two_nested_attributions_leaves_the_outer_open() {
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_664d484072cc87fe.txt");
    if !seed.exists() {
        println!("skipped: {} is not present", seed.display());
        return;
    }
    let article = gloss::import::extract_file(&seed).unwrap().remove(0);
    let mut editor = Editor::new(Project::new("seed"), false);
    let document = Box::new(article.into_document());
    editor.apply(Command::AddDocument { index: 0, document, fresh_ids: true }).unwrap();
    let quotes: Vec<Suggestion> = all(editor.project(), "").into_iter().filter(|s| s.kind == Kind::Quote).collect();
    // "Russia considers relations … at a high level" (Lavrov) inside "…, the Russian Foreign Ministry reported".
    let inner = quotes.iter().find(|s| s.ranges == [(0, 61)]).expect("Lavrov's words");
    let outer = quotes.iter().find(|s| s.ranges[0].0 == 0 && s.ranges[0].1 > 100).expect("the ministry's report");
    editor.apply(accept(editor.project(), &[inner], "", None, at()).unwrap()).unwrap();
    assert!(!is_open(editor.project(), inner, ""));
    assert!(is_open(editor.project(), outer, ""), "a highlight over a third of it does not decide it");
}

#[test]
fn a_team_merge_keeps_what_each_annotator_accepted_edited_and_rejected() {
    let base = project("");
    let work = |who: &str, decide: &dyn Fn(&mut Editor, &[Suggestion])| {
        let mut editor = Editor::new(Project { annotator: who.to_owned(), ..base.clone() }, false);
        let found = all(editor.project(), who);
        decide(&mut editor, &found);
        editor.project().clone()
    };
    let first = |found: &[Suggestion], kind: Kind| found.iter().find(|s| s.kind == kind).unwrap().clone();
    let ana = work("Ana", &|editor, found| {
        let quote = first(found, Kind::Quote);
        let tag = first(found, Kind::Sentiment);
        editor.apply(accept(editor.project(), &[&quote, &tag], "Ana", None, at()).unwrap()).unwrap();
        editor.apply(reject(editor.project(), &first(found, Kind::Statistic), "Ana", at()).unwrap()).unwrap();
    });
    let ben = work("Ben", &|editor, found| {
        let claim = Instead::Label(label(editor.project(), "Claim"));
        let figure = first(found, Kind::Statistic);
        editor.apply(accept(editor.project(), &[&figure], "Ben", Some(claim), at()).unwrap()).unwrap();
    });
    let merged = gloss::merge::merge(base.clone(), &[(&ana, "ana.ron"), (&ben, "ben.ron")]).unwrap().project;
    let count = |project: &Project, name: &str| {
        gloss::analysis::Stats::of(project).suggestions.iter().find(|c| c.name == name).unwrap().count
    };
    assert_eq!(count(&merged, "highlights accepted as suggested"), 2, "Ana's quote and its source");
    assert_eq!(count(&merged, "highlights edited after accepting"), 1, "Ben's figure, as a claim");
    assert_eq!(count(&merged, "highlights rejected"), 1);
    assert_eq!(count(&merged, "sentiments accepted as suggested"), 1);
    assert_eq!(merged.rejected[0].annotator, "Ana");
    // The rejection is Ana's alone: Ben is still offered the figure, Ana is not.
    let figure = all(&base, "").into_iter().find(|s| s.kind == Kind::Statistic).unwrap();
    assert!(!is_open(&merged, &figure, "Ana"));
    // Merging the same work again adds nothing.
    let again = gloss::merge::merge(merged.clone(), &[(&ana, "ana.ron")]).unwrap().project;
    assert_eq!(again.rejected.len(), 1);
    assert_eq!(count(&again, "highlights accepted as suggested"), 2);
}

#[test]
fn a_three_way_merge_joins_the_rejections_of_both_sides_and_keeps_a_withdrawal() {
    let mut base = Editor::new(project("Ana"), false);
    let found = all(base.project(), "Ana");
    let pick = |kind: Kind| found.iter().find(|s| s.kind == kind).unwrap();
    base.apply(reject(base.project(), pick(Kind::Sentiment), "Ana", at()).unwrap()).unwrap();
    let mut ours = Editor::new(base.project().clone(), false);
    ours.apply(reject(ours.project(), pick(Kind::Statistic), "Ana", at()).unwrap()).unwrap();
    let mut theirs = Editor::new(base.project().clone(), false);
    theirs.apply(reject(theirs.project(), pick(Kind::Quote), "Ana", at()).unwrap()).unwrap();
    // Theirs takes back the rejection both started with.
    let withdrawn = theirs.project().rejected[0].clone();
    theirs.apply(Command::SetRejected { rejection: Box::new(withdrawn), rejected: false }).unwrap();
    let merged = gloss::merge::three_way::merge3(base.project(), ours.project(), theirs.project());
    assert_eq!(merged.rejected.len(), 2, "{:#?}", merged.rejected);
    assert!(!is_open(&merged, pick(Kind::Statistic), "Ana"));
    assert!(!is_open(&merged, pick(Kind::Quote), "Ana"));
    assert!(is_open(&merged, pick(Kind::Sentiment), "Ana"));
}
