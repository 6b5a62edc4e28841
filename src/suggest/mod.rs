//! Suggestions an analyst accepts or rejects: attributions (quotes with their speakers and cues), statistics and
//! comment sentiment, found offline by rules and by VADER.
//!
//! Suggestions are not annotations: nothing here touches a project. [`suggest_project`] reads one and returns
//! [`Suggestion`] values with code point ranges of their targets; accepting one is an edit command like any
//! other. Every kind works on English only and suggests nothing on text in another language.

mod accept;
mod attribution;
mod cues;
pub mod evaluate;
mod language;
mod open;
pub mod sentiment;
mod statistics;
mod text;

use serde::Serialize;

use crate::model::text::char_index_of_byte;
use crate::model::{CommentId, DocId, Document, LabelId, LabelSchema, Project, SentimentId, Target};

pub use accept::{Instead, RULES, VADER, accept, reject, suggester};
pub use attribution::{Attribution, attributions};
pub use language::is_english;
pub use open::{is_open, open_of};
pub use statistics::statistics;

/// What a suggestion proposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A quotation or reported speech with its speaker and cue (a Quote highlight).
    Quote,
    /// A figure that carries the argument (a Statistic highlight).
    Statistic,
    /// A comment's sentiment (a tag).
    Sentiment,
}

impl Kind {
    /// Every kind, in the order the window lists them.
    pub const ALL: [Kind; 3] = [Kind::Quote, Kind::Statistic, Kind::Sentiment];

    /// The kind's name on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Statistic => "statistic",
            Kind::Sentiment => "sentiment",
        }
    }

    /// The kind named `name` ("quotes" and "quote" alike).
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| {
            let name = name.trim().to_lowercase();
            name == k.name() || name.strip_suffix('s') == Some(k.name())
        })
    }

    /// The languages the kind supports, as the window and README state them.
    pub fn languages(self) -> &'static str {
        "English"
    }
}

/// One suggestion: where, what, and for quotes who said it with which words. Ranges are code points of the
/// target text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    /// The document.
    pub document: DocId,
    /// The body or a comment.
    pub target: Target,
    /// What is proposed.
    pub kind: Kind,
    /// The highlight's label (quotes and statistics).
    pub label: Option<LabelId>,
    /// The highlighted ranges; empty for sentiment.
    pub ranges: Vec<(usize, usize)>,
    /// The highlighted text (parts joined by " … "), or the comment's text for sentiment.
    pub text: String,
    /// The speaker's name, for quotes.
    pub speaker: Option<String>,
    /// Where the speaker is named.
    pub source_ranges: Vec<(usize, usize)>,
    /// The attributing words.
    pub cue_ranges: Vec<(usize, usize)>,
    /// The proposed sentiment level.
    pub level: Option<SentimentId>,
    /// VADER's compound score, for sentiment.
    pub score: Option<f64>,
    /// Whether a quote is direct (in quotation marks) rather than reported speech.
    pub direct: bool,
    /// Where the annotator moved the edges before accepting: the highlight takes these ranges, while what was
    /// suggested stays `ranges` (so the accepted highlight counts as edited).
    #[serde(skip)]
    pub adjusted: Option<Vec<(usize, usize)>>,
}

impl Suggestion {
    /// The ranges the highlight gets when accepted: as adjusted, else as suggested.
    pub fn chosen_ranges(&self) -> &[(usize, usize)] {
        self.adjusted.as_deref().unwrap_or(&self.ranges)
    }
}

/// Which suggestions to make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// The kinds.
    pub kinds: Vec<Kind>,
    /// One document only.
    pub document: Option<DocId>,
    /// Whose work the suggestions must not repeat: their highlights and tags are left alone.
    pub annotator: String,
}

/// The labels and levels suggestions use, looked up by name in a project's schema.
struct Palette {
    quote: Option<LabelId>,
    statistic: Option<LabelId>,
    source: Option<LabelId>,
    levels: Option<sentiment::Levels>,
}

impl Palette {
    fn of(schema: &LabelSchema) -> Self {
        let label = |name: &str| schema.label_named(name).map(|l| l.id);
        Self {
            quote: label("Quote"),
            statistic: label("Statistic"),
            source: label("Source"),
            levels: sentiment::Levels::of(schema),
        }
    }
}

/// The suggestions for `request` over `project`, document by document; `progress` hears after each document
/// (done, total) and stops the work when it returns false.
pub fn suggest_project(
    project: &Project,
    request: &Request,
    mut progress: impl FnMut(usize, usize) -> bool,
) -> Vec<Suggestion> {
    let palette = Palette::of(&project.schema);
    let vader = request.kinds.contains(&Kind::Sentiment).then(sentiment::Vader::default);
    let documents: Vec<&Document> =
        project.documents.iter().filter(|d| request.document.is_none_or(|id| d.id == id)).collect();
    let mut out = Vec::new();
    for (n, doc) in documents.iter().enumerate() {
        let found = suggest_document(doc, &request.kinds, &palette, vader.as_ref());
        let open = open_of(project, &found, &request.annotator);
        out.extend(found.into_iter().zip(open).filter_map(|(s, open)| open.then_some(s)));
        if !progress(n + 1, documents.len()) {
            break;
        }
    }
    out
}

fn suggest_document(
    doc: &Document,
    kinds: &[Kind],
    palette: &Palette,
    vader: Option<&sentiment::Vader>,
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let english = doc.metadata.language.as_deref().map_or_else(|| is_english(&doc.body), |l| l.starts_with("en"));
    if english && kinds.contains(&Kind::Quote) {
        out.extend(quotes_in(doc.id, &doc.body, palette.quote));
    }
    if english && kinds.contains(&Kind::Statistic) {
        out.extend(figures_in(doc.id, Target::Body, &doc.body, palette.statistic));
    }
    if let (Some(vader), Some(levels)) = (vader, &palette.levels) {
        for comment in &doc.comments {
            if language::comment_is_english(&comment.text, english) {
                out.push(sentiment_of(doc.id, comment.id, &comment.text, vader, levels));
            }
        }
    }
    out
}

/// Code point offsets of byte offsets of one text, from the code point count at every 256th byte, so that the
/// thousands of ranges of a 1 MB article do not each walk the text from its start.
struct Offsets<'t> {
    text: &'t str,
    marks: Vec<usize>,
}

/// Bytes between two marks of [`Offsets`].
const MARK_BYTES: usize = 256;

impl<'t> Offsets<'t> {
    fn new(text: &'t str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / MARK_BYTES + 1);
        let mut chars = 0;
        for chunk in text.as_bytes().chunks(MARK_BYTES) {
            marks.push(chars);
            // Code points start at every byte that is not a continuation byte.
            chars += chunk.iter().filter(|b| (**b & 0xC0) != 0x80).count();
        }
        Self { text, marks }
    }

    fn offset(&self, byte: usize) -> usize {
        let mark = byte / MARK_BYTES;
        let from = mark * MARK_BYTES;
        self.marks.get(mark).map_or_else(
            || char_index_of_byte(self.text, byte),
            |chars| chars + self.text.as_bytes()[from..byte].iter().filter(|b| (**b & 0xC0) != 0x80).count(),
        )
    }

    fn range(&self, (start, end): text::Range) -> (usize, usize) {
        (self.offset(start), self.offset(end))
    }
}

/// The quote suggestions of an article body.
pub fn quotes_in(document: DocId, body: &str, label: Option<LabelId>) -> Vec<Suggestion> {
    let offsets = Offsets::new(body);
    attributions(body)
        .into_iter()
        .map(|a| Suggestion {
            document,
            target: Target::Body,
            kind: Kind::Quote,
            label,
            ranges: a.content.iter().map(|&r| offsets.range(r)).collect(),
            text: a.content.iter().map(|&(s, e)| &body[s..e]).collect::<Vec<_>>().join(" … "),
            speaker: a.speaker,
            source_ranges: a.source.iter().map(|&r| offsets.range(r)).collect(),
            cue_ranges: a.cue.iter().map(|&r| offsets.range(r)).collect(),
            level: None,
            score: None,
            direct: a.direct,
            adjusted: None,
        })
        .collect()
}

/// The statistic suggestions of a text.
pub fn figures_in(document: DocId, target: Target, text: &str, label: Option<LabelId>) -> Vec<Suggestion> {
    let offsets = Offsets::new(text);
    statistics(text)
        .into_iter()
        .map(|r| Suggestion {
            document,
            target,
            kind: Kind::Statistic,
            label,
            ranges: vec![offsets.range(r)],
            text: text[r.0..r.1].to_string(),
            speaker: None,
            source_ranges: Vec::new(),
            cue_ranges: Vec::new(),
            level: None,
            score: None,
            direct: false,
            adjusted: None,
        })
        .collect()
}

fn sentiment_of(
    document: DocId,
    comment: CommentId,
    text: &str,
    vader: &sentiment::Vader,
    levels: &sentiment::Levels,
) -> Suggestion {
    let score = vader.compound(text);
    Suggestion {
        document,
        target: Target::Comment(comment),
        kind: Kind::Sentiment,
        label: None,
        ranges: Vec::new(),
        text: text.to_string(),
        speaker: None,
        source_ranges: Vec::new(),
        cue_ranges: Vec::new(),
        level: Some(levels.level(score)),
        score: Some(score),
        direct: false,
        adjusted: None,
    }
}
