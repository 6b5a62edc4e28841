//! Suggestions as edits: accepting one makes ordinary work of the annotator with the suggestion kept beside it;
//! rejecting one records it so that it is not suggested again. Both are commands like any other, so they are
//! undone like any other.

use std::collections::HashMap;

use jiff::Timestamp;

use crate::edit::Command;
use crate::model::text::CharIndex;
use crate::model::{
    AnchoredRange, DocId, Document, LabelId, Project, Rejected, Rejection, SentimentId, SpanAnnotation, SpanId,
    SuggestedSentiment, SuggestedSpan, Target,
};

use super::{Kind, Palette, Suggestion};

/// The name the rules that suggest quotes and statistics record as the suggester.
pub const RULES: &str = "gloss-rules";
/// The name the sentiment suggester records.
pub const VADER: &str = "vader";

/// Who suggests a kind, and its version, as provenance records them.
pub fn suggester(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Quote | Kind::Statistic => (RULES, env!("CARGO_PKG_VERSION")),
        Kind::Sentiment => (VADER, "3.3.2"),
    }
}

/// What to accept a suggestion as, when not as suggested.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instead {
    /// A highlight with this label.
    Label(LabelId),
    /// A comment with this sentiment.
    Level(SentimentId),
}

/// The one command that accepts every suggestion of `suggestions` as `annotator`'s work (named `name` in the
/// Edit menu), or `None` when none of them can be (their text is gone, or the schema lacks their label).
/// `instead` changes the label or level of all of them. An accepted quote also makes a Source highlight where
/// the speaker is named.
pub fn accept(
    project: &Project,
    suggestions: &[&Suggestion],
    annotator: &str,
    instead: Option<Instead>,
    at: Timestamp,
) -> Option<Command> {
    let palette = Palette::of(&project.schema);
    let mut spans: Vec<(DocId, Vec<SpanAnnotation>)> = Vec::new();
    let mut tags = Vec::new();
    let mut indexes: HashMap<(DocId, Target), CharIndex> = HashMap::new();
    for s in suggestions {
        let Some(doc) = project.document(s.document) else { continue };
        if s.kind == Kind::Sentiment {
            tags.extend(sentiment_command(doc, s, annotator, instead));
            continue;
        }
        let Some(text) = doc.target_text(s.target) else { continue };
        let index = indexes.entry((doc.id, s.target)).or_insert_with(|| CharIndex::new(text));
        let label = match instead {
            Some(Instead::Label(label)) => Some(label),
            _ => s.label,
        };
        let Some(label) = label else { continue };
        let (by, version) = suggester(s.kind);
        let provenance = |label, ranges: &[(usize, usize)]| {
            Box::new(SuggestedSpan { by: by.to_owned(), version: version.to_owned(), label, ranges: ranges.to_vec() })
        };
        let Some(mut main) = span(text, index, s.target, label, s.chosen_ranges(), annotator, at) else { continue };
        main.suggested = Some(provenance(s.label.unwrap_or(label), &s.ranges));
        main.speaker = s.speaker.clone().unwrap_or_default();
        let mut made = vec![main];
        if let (Kind::Quote, Some(source)) = (s.kind, palette.source)
            && let Some(mut named) = span(text, index, s.target, source, &s.source_ranges, annotator, at)
        {
            named.suggested = Some(provenance(source, &s.source_ranges));
            named.speaker = s.speaker.clone().unwrap_or_default();
            made.push(named);
        }
        match spans.iter_mut().find(|(d, _)| *d == doc.id) {
            Some((_, list)) => list.extend(made),
            None => spans.push((doc.id, made)),
        }
    }
    let mut commands: Vec<Command> = spans.into_iter().map(|(doc, spans)| Command::AddSpans { doc, spans }).collect();
    commands.extend(tags);
    if commands.is_empty() {
        return None;
    }
    let name = if suggestions.len() == 1 { "Accept suggestion" } else { "Accept suggestions" };
    Some(Command::batch(name, commands))
}

/// The command that rejects `s` for `annotator`, or `None` when its text is gone.
pub fn reject(project: &Project, s: &Suggestion, annotator: &str, at: Timestamp) -> Option<Command> {
    let doc = project.document(s.document)?;
    let what = match s.kind {
        Kind::Sentiment => Rejected::Sentiment(s.level?),
        Kind::Quote | Kind::Statistic => {
            let text = doc.target_text(s.target)?;
            let ranges = s.ranges.iter().map(|&(a, b)| AnchoredRange::new(text, a, b).ok()).collect::<Option<_>>()?;
            Rejected::Span { label: s.label?, ranges }
        }
    };
    let rejection = Rejection {
        doc: doc.id,
        annotator: annotator.to_owned(),
        target: s.target,
        what,
        by: suggester(s.kind).0.to_owned(),
        at,
    };
    Some(Command::SetRejected { rejection: Box::new(rejection), rejected: true })
}

fn span(
    text: &str,
    index: &CharIndex,
    target: Target,
    label: LabelId,
    ranges: &[(usize, usize)],
    annotator: &str,
    at: Timestamp,
) -> Option<SpanAnnotation> {
    if ranges.is_empty() {
        return None;
    }
    let ranges =
        ranges.iter().map(|&(a, b)| AnchoredRange::new_indexed(text, index, a, b).ok()).collect::<Option<_>>()?;
    let mut span = SpanAnnotation::new(SpanId(0), target, ranges, label, at);
    span.annotator = annotator.to_owned();
    Some(span)
}

fn sentiment_command(doc: &Document, s: &Suggestion, annotator: &str, instead: Option<Instead>) -> Option<Command> {
    let Target::Comment(id) = s.target else { return None };
    let comment = doc.comment(id)?;
    let suggested = s.level?;
    let level = match instead {
        Some(Instead::Level(level)) => level,
        _ => suggested,
    };
    let mut tagging = comment.tagging(annotator).cloned().unwrap_or_default();
    tagging.sentiment = Some(level);
    let (by, version) = suggester(Kind::Sentiment);
    tagging.suggested =
        Some(SuggestedSentiment { by: by.to_owned(), version: version.to_owned(), sentiment: suggested });
    Some(Command::SetTagging { doc: doc.id, comment: id, annotator: annotator.to_owned(), tagging: Box::new(tagging) })
}
