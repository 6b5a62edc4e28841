//! What INCEpTION's formats (UIMA CAS XMI and WebAnno TSV 3.3) hold, read back into an article: one text per
//! document, as Gloss flattens it (the body, then each comment under a "#1 Maren" line), and annotations of two
//! custom span layers over it. The readers of the two formats turn their files into [`Read`] annotations in code
//! points; [`document`] makes the article of them.
//!
//! Annotations of other span layers (a team's own layers in INCEpTION, named entities …) become highlights
//! labelled by their `value` or `label` feature, else by their layer's name; segmentation (tokens, sentences) and
//! document metadata are structure, not annotations, and are skipped.

use std::collections::BTreeMap;

use crate::import::{CommentRef, Extracted, ExtractedSpan, Marks, Place};
use crate::model::Verdict;

/// The type of the highlight layer, as INCEpTION names a custom layer called `GlossHighlight`.
pub const HIGHLIGHT_LAYER: &str = "webanno.custom.GlossHighlight";

/// The type of the comment layer, as INCEpTION names a custom layer called `GlossComment`.
pub const COMMENT_LAYER: &str = "webanno.custom.GlossComment";

/// A string feature of the two layers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Feature {
    /// The highlight's label.
    Label,
    /// Who is quoted or cited.
    Speaker,
    /// `yes` or `no` when decided.
    CheckWorthy,
    /// What a check found (`true`, `false`, `misleading`, `unverifiable`).
    Verdict,
    /// The annotator's note (of a highlight or a comment).
    Note,
    /// Who made the highlight, or tagged the comment.
    Annotator,
    /// When the highlight was made (RFC 3339).
    Created,
    /// When it last changed (RFC 3339).
    Modified,
    /// The number shared by the ranges of a highlight in several parts.
    Part,
    /// The number printed beside a comment.
    Number,
    /// Who wrote the comment.
    Author,
    /// When, as the page shows it.
    Date,
    /// When, as the page states it for machines.
    Timestamp,
    /// The position (1 for the first) of the comment this one answers.
    ReplyTo,
    /// The project annotator's sentiment level.
    Sentiment,
    /// The annotator's other tags, as a JSON object from dimension to value.
    Tags,
}

impl Feature {
    /// The features of the highlight layer, in the order the files list them.
    pub const HIGHLIGHT: [Self; 9] = [
        Self::Label,
        Self::Speaker,
        Self::CheckWorthy,
        Self::Verdict,
        Self::Note,
        Self::Annotator,
        Self::Created,
        Self::Modified,
        Self::Part,
    ];

    /// The features of the comment layer, in the order the files list them.
    pub const COMMENT: [Self; 9] = [
        Self::Number,
        Self::Author,
        Self::Date,
        Self::Timestamp,
        Self::ReplyTo,
        Self::Sentiment,
        Self::Tags,
        Self::Note,
        Self::Annotator,
    ];

    /// The feature's name in the type system.
    pub fn name(self) -> &'static str {
        match self {
            Self::Label => "label",
            Self::Speaker => "speaker",
            Self::CheckWorthy => "checkWorthy",
            Self::Verdict => "verdict",
            Self::Note => "note",
            Self::Annotator => "annotator",
            Self::Created => "created",
            Self::Modified => "modified",
            Self::Part => "part",
            Self::Number => "number",
            Self::Author => "author",
            Self::Date => "date",
            Self::Timestamp => "timestamp",
            Self::ReplyTo => "replyTo",
            Self::Sentiment => "sentiment",
            Self::Tags => "tags",
        }
    }

    /// What it holds, for the type system's descriptions.
    pub fn description(self) -> &'static str {
        match self {
            Self::Label => "The highlight's label",
            Self::Speaker => "Who is quoted or cited",
            Self::CheckWorthy => "yes or no, when decided",
            Self::Verdict => "true, false, misleading or unverifiable, when checked",
            Self::Note => "The annotator's note",
            Self::Annotator => "Who made the highlight, or tagged the comment",
            Self::Created => "When the highlight was made (RFC 3339)",
            Self::Modified => "When the highlight last changed (RFC 3339)",
            Self::Part => "Shared by the parts of a highlight in several parts",
            Self::Number => "The number printed beside the comment",
            Self::Author => "Who wrote the comment",
            Self::Date => "When, as the page shows it",
            Self::Timestamp => "When, as the page states it for machines",
            Self::ReplyTo => "The position (1 for the first) of the comment this one answers",
            Self::Sentiment => "The annotator's sentiment level",
            Self::Tags => "The annotator's other tags: a JSON object from dimension to value",
        }
    }
}

/// An annotation as a reader found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    /// Its type's full name.
    pub layer: String,
    /// First code point of the text.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// Its string features by name; features without a value are absent.
    pub features: BTreeMap<String, String>,
    /// Where the file defines it ("NAME.tsv line 7"), for warnings.
    pub origin: String,
}

impl Read {
    fn get(&self, feature: Feature) -> &str {
        self.features.get(feature.name()).map_or("", String::as_str)
    }
}

/// Types that are the text's structure rather than annotations.
const STRUCTURE: [&str; 12] = [
    "Token",
    "Sentence",
    "Paragraph",
    "Div",
    "Heading",
    "Lemma",
    "Stem",
    "POS",
    "MorphologicalFeatures",
    "DocumentAnnotation",
    "DocumentMetaData",
    "TagsetDescription",
];

/// The article of `text` with `annotations` over it, titled `title`; `warnings` are the reader's.
pub fn document(text: &str, annotations: Vec<Read>, title: String, warnings: Vec<String>) -> Extracted {
    let chars: Vec<char> = text.chars().collect();
    let mut warnings = warnings;
    let (mut annotations, dropped): (Vec<Read>, Vec<Read>) =
        annotations.into_iter().partition(|a| a.start <= a.end && a.end <= chars.len());
    for read in dropped {
        warnings.push(format!("{}: {} reaches past the end of the text; left out", read.origin, short(&read.layer)));
    }
    annotations.retain(|a| !STRUCTURE.contains(&short(&a.layer)));
    let mut comments: Vec<&Read> = annotations.iter().filter(|a| a.layer == COMMENT_LAYER).collect();
    comments.sort_by_key(|c| (c.start, c.end));
    let ranges: Vec<(usize, usize)> = comments.iter().map(|c| (c.start, c.end)).collect();
    let mut article = if ranges.is_empty() {
        // The line end that closes the text (Gloss's exports have one) is not the article's unless a highlight
        // takes it in, as in brat's texts.
        let reached = annotations.iter().map(|a| a.end).max().unwrap_or(0);
        let body = match text.strip_suffix('\n') {
            Some(shorter) if reached < chars.len() => shorter,
            _ => text,
        };
        Extracted { title, body: body.to_owned(), ..Extracted::default() }
    } else {
        super::brat::split_comments(&chars, &ranges, title)
    };
    for (index, read) in comments.iter().enumerate() {
        comment_features(&mut article, index, read, comments.len(), &mut warnings);
    }
    let mut parts: Vec<(String, usize)> = Vec::new();
    let mut foreign: BTreeMap<&str, usize> = BTreeMap::new();
    for read in annotations.iter().filter(|a| a.layer != COMMENT_LAYER) {
        let place = ranges.iter().position(|&(s, e)| read.start >= s && read.start < e);
        let (place, shift) = match place {
            Some(index) => (Place::Comment(CommentRef::Index(index)), ranges[index].0),
            None => (Place::Body, 0),
        };
        let range = (read.start.saturating_sub(shift), read.end.saturating_sub(shift));
        if read.layer != HIGHLIGHT_LAYER {
            *foreign.entry(read.layer.as_str()).or_default() += 1;
            let label = ["value", "label"].iter().find_map(|f| read.features.get(*f)).map_or(short(&read.layer), |l| l);
            article.annotations.spans.push(ExtractedSpan::new(place, vec![range], label).found_at(&read.origin));
            continue;
        }
        let part = read.get(Feature::Part);
        if !part.is_empty()
            && let Some(&(_, index)) = parts.iter().find(|(p, _)| p == part)
            && let Some(span) = article.annotations.spans.get_mut(index)
            && span.place == place
        {
            span.ranges.push(range);
            span.origins.push(read.origin.clone());
            continue;
        }
        if !part.is_empty() {
            parts.push((part.to_owned(), article.annotations.spans.len()));
        }
        article.annotations.spans.push(highlight(read, place, range));
    }
    for span in &mut article.annotations.spans {
        span.ranges.sort_unstable();
    }
    for (layer, count) in foreign {
        warnings.push(format!("{count} annotation(s) of the layer {layer} became highlights labelled by their value"));
    }
    article.warnings = warnings;
    article
}

/// The last part of a type's name: `Token` for `de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token`.
fn short(layer: &str) -> &str {
    layer.rsplit(['.', ':']).next().unwrap_or(layer)
}

fn highlight(read: &Read, place: Place, range: (usize, usize)) -> ExtractedSpan {
    let mut span = ExtractedSpan::new(place, vec![range], read.get(Feature::Label)).found_at(&read.origin);
    read.get(Feature::Speaker).clone_into(&mut span.speaker);
    read.get(Feature::Note).clone_into(&mut span.note);
    read.get(Feature::Annotator).clone_into(&mut span.annotator);
    span.check_worthy = match read.get(Feature::CheckWorthy) {
        "yes" | "true" => Some(true),
        "no" | "false" => Some(false),
        _ => None,
    };
    span.verdict = Verdict::from_name(read.get(Feature::Verdict)).unwrap_or_default();
    span.created = read.get(Feature::Created).parse().ok();
    span.modified = read.get(Feature::Modified).parse().ok();
    span
}

/// Gives comment `index` of `article` what the features of its annotation say.
fn comment_features(article: &mut Extracted, index: usize, read: &Read, count: usize, warnings: &mut Vec<String>) {
    let Some(comment) = article.comments.get_mut(index) else { return };
    let text = |feature| Some(read.get(feature).to_owned()).filter(|t| !t.is_empty());
    if let Some(number) = text(Feature::Number) {
        comment.number = Some(number);
    }
    if let Some(author) = text(Feature::Author) {
        comment.author = author;
    }
    comment.date = text(Feature::Date);
    comment.timestamp = text(Feature::Timestamp);
    if let Some(parent) = text(Feature::ReplyTo) {
        match parent.parse::<usize>() {
            Ok(n) if n >= 1 && n <= count && n - 1 != index => comment.parent = Some(n - 1),
            _ => warnings.push(format!("{}: replyTo {parent:?} names no other comment; left out", read.origin)),
        }
    }
    let mut marks = Marks {
        sentiment: text(Feature::Sentiment),
        note: read.get(Feature::Note).to_owned(),
        annotator: read.get(Feature::Annotator).to_owned(),
        ..Marks::default()
    };
    if let Some(tags) = text(Feature::Tags) {
        match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&tags) {
            Ok(map) => {
                marks.dimensions = map.into_iter().filter_map(|(k, v)| Some((k, v.as_str()?.to_owned()))).collect();
            }
            Err(_) => warnings.push(format!("{}: tags {tags:?} are not a JSON object; left out", read.origin)),
        }
    }
    if !marks.is_empty() {
        article.annotations.comments.push((CommentRef::Index(index), marks));
    }
}
