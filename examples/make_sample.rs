//! Rebuilds `projects/sample.ron` from `projects/articles/harbour-levy.txt`: imports the article, highlights a
//! few claims, quotes and figures, marks two claims for checking, and tags every comment. Run with `cargo run --example make_sample`.

use std::path::Path;

use anyhow::{Context, Result, bail};
use gloss::edit::{Command, Created, Editor, SpanAttribute, SpanDraft, TextField};
use gloss::import::extract_file;
use gloss::model::{DocId, Project, Target, Verdict};

fn main() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects");
    let article = extract_file(&root.join("articles/harbour-levy.txt"))?.remove(0);
    let mut project = Project::new("Sample: the Port Merran harbour levy");
    project.annotator = "Gloss sample".to_owned();
    let mut editor = Editor::new(project, false);
    let added = editor.apply(Command::AddDocument {
        index: 0,
        document: Box::new(article.into_document()),
        fresh_ids: true,
    })?;
    let Created::Document(doc) = added else { bail!("the article was not added") };
    let at: jiff::Timestamp = "2026-11-28T12:00:00Z".parse()?;
    let highlights = [
        ("Claim", "The breakwater was built in 1962 and it is failing.", "Ines Dalgaard"),
        ("Quote", "Every euro of the levy goes to the harbour, and the accounts will be public.", "Ines Dalgaard"),
        ("Statistic", "EUR 1.8 million a year", "town council"),
        ("Statistic", "landings in Port Merran fell by 18 percent between 2019 and 2023", "harbour office"),
        ("Quote", "Our margins are already below 4 percent.", "Tomas Reyes"),
        ("Opinion", "other ways to raise the money", "Amira Haddad"),
        ("Source", "figures published by the harbour office", ""),
    ];
    for (label, quote, speaker) in highlights {
        highlight(&mut editor, doc, label, quote, speaker, at)?;
    }
    // Two claims a checker looked at: one still open, one found accurate.
    let checks = [
        ("The breakwater was built in 1962 and it is failing.", Verdict::Unverified),
        ("landings in Port Merran fell by 18 percent between 2019 and 2023", Verdict::Accurate),
    ];
    for (quote, verdict) in checks {
        let span = editor.project().documents[0].spans.iter().find(|s| s.quote() == quote).context("no such span")?.id;
        editor.apply(Command::SetSpanAttribute { doc, span, attribute: SpanAttribute::CheckWorthy(Some(true)), at })?;
        editor.apply(Command::SetSpanAttribute { doc, span, attribute: SpanAttribute::Verdict(verdict), at })?;
    }
    let sentiments = ["Positive", "Negative", "Mixed", "Neutral", "Negative"];
    for (i, name) in sentiments.iter().enumerate() {
        let project = editor.project();
        let level = project.schema.sentiments.iter().find(|l| l.name == *name).context("no such level")?.id;
        let comment = project.documents[0].comments.get(i).context("too few comments")?.id;
        editor.apply(Command::SetSentiment { doc, comment, annotator: None, sentiment: Some(level) })?;
    }
    gloss::store::save(editor.project(), &root.join("sample.ron"))?;
    println!("wrote {}", root.join("sample.ron").display());
    Ok(())
}

fn highlight(
    editor: &mut Editor,
    doc: DocId,
    label: &str,
    quote: &str,
    speaker: &str,
    at: jiff::Timestamp,
) -> Result<()> {
    let project = editor.project();
    let body = &project.documents[0].body;
    let Some(byte) = body.find(quote) else { bail!("{quote:?} is not in the article") };
    let start = body[..byte].chars().count();
    let end = start + quote.chars().count();
    let label = project.schema.span_labels.iter().find(|l| l.name == label).context("no such label")?.id;
    let created = editor.apply(Command::CreateSpan {
        doc,
        draft: SpanDraft { target: Target::Body, ranges: vec![(start, end)], label, at },
    })?;
    if !speaker.is_empty() {
        let Created::Span(_, span) = created else { bail!("no span was made") };
        editor.apply(Command::SetText {
            field: TextField::SpanSpeaker(doc, span),
            value: speaker.to_owned(),
            at: Some(at),
        })?;
    }
    Ok(())
}
