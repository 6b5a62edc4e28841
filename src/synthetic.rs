//! Large projects made up on the spot, the same every time for the same settings: for the scale benchmark, and
//! for anyone who wants to see how Gloss copes (`cargo run --release --example make_big`).

use crate::model::{
    AnchoredRange, Comment, CommentId, DocId, Document, LabelSchema, Metadata, Project, SpanAnnotation, SpanId, Target,
};

/// How big to make a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    /// Number of documents.
    pub documents: usize,
    /// Bytes of body text per document (roughly).
    pub body_bytes: usize,
    /// Comments per document.
    pub comments: usize,
    /// Highlights per document, in the body and in comments.
    pub spans: usize,
    /// Seed of the pseudo-random choices.
    pub seed: u64,
}

impl Size {
    /// One article of 1 MB with 10,000 highlights and 2,000 comments.
    pub const LONG_ARTICLE: Self = Self { documents: 1, body_bytes: 1 << 20, comments: 2000, spans: 10_000, seed: 1 };
    /// 100 documents with 100,000 highlights in all.
    pub const MANY_DOCUMENTS: Self = Self { documents: 100, body_bytes: 40_000, comments: 100, spans: 1000, seed: 2 };
}

/// Words the text is made of: mostly English, with some Armenian, Cyrillic, CJK and emoji, as real pages have.
const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "on",
    "Tuesday",
    "that",
    "harbour",
    "levy",
    "would",
    "raise",
    "EUR",
    "1.8",
    "million",
    "a",
    "year",
    "and",
    "fishermen",
    "protested",
    "against",
    "it",
    "mayor",
    "announced",
    "budget",
    "of",
    "percent",
    "according",
    "to",
    "figures",
    "published",
    "by",
    "office",
    "landings",
    "fell",
    "between",
    "2019",
    "2023",
    "while",
    "fuel",
    "prices",
    "rose",
    "“We",
    "cannot",
    "wait,”",
    "she",
    "told",
    "reporters.",
    "Հայաստան",
    "խորհուրդ",
    "Москва",
    "заявил",
    "北京",
    "市场",
    "😀",
    "👍",
    "is",
    "not",
    "in",
    "for",
    "with",
    "as",
    "was",
    "were",
    "has",
];

/// A small, fast, reproducible generator (xorshift64*); statistical quality does not matter here.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A project of `size`.
pub fn project(size: Size) -> Project {
    let mut project = Project::new("Synthetic project");
    project.annotator = "generator".to_owned();
    let mut rng = Rng(size.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut next = project.next_id.peek();
    let mut fresh = || {
        let id = next;
        next += 1;
        id
    };
    for d in 0..size.documents {
        let doc = document(&mut rng, &project.schema, size, d, &mut fresh);
        project.documents.push(doc);
    }
    project.next_id = crate::model::IdAllocator::starting_at(next);
    project
}

fn document(
    rng: &mut Rng,
    schema: &LabelSchema,
    size: Size,
    index: usize,
    fresh: &mut impl FnMut() -> u64,
) -> Document {
    let id = DocId(fresh());
    let mut body = String::with_capacity(size.body_bytes + 1024);
    while body.len() < size.body_bytes {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let words = 40 + rng.below(120);
        body.push_str(&sentence_run(rng, words));
    }
    let comments: Vec<Comment> = (0..size.comments)
        .map(|i| {
            let author = format!("reader {}", rng.below(500));
            let words = 8 + rng.below(60);
            let text = sentence_run(rng, words);
            let tagged = rng.below(3) > 0;
            let level = rng.below(schema.sentiments.len());
            Comment {
                id: CommentId(fresh()),
                number: Some((i + 1).to_string()),
                author,
                date: None,
                timestamp: None,
                parent: None,
                text,
                tagged_by: if tagged {
                    let sentiment = Some(schema.sentiments[level].id);
                    [("generator".to_owned(), crate::model::Tagging { sentiment, ..Default::default() })].into()
                } else {
                    Default::default()
                },
                note: String::new(),
                removed: false,
            }
        })
        .collect();
    let mut doc = Document {
        id,
        title: format!("Synthetic article {} with {} comments", index + 1, comments.len()),
        metadata: Metadata { dateline: Some("GENERATED".to_owned()), ..Metadata::default() },
        body,
        comments,
        spans: Vec::new(),
        note: String::new(),
        orphans: Vec::new(),
        review: Vec::new(),
    };
    let at: jiff::Timestamp = jiff::Timestamp::UNIX_EPOCH;
    let body_words = word_starts(&doc.body);
    let body_index = crate::model::text::CharIndex::new(&doc.body);
    let mut previous: Option<(Target, usize, usize)> = None;
    for _ in 0..size.spans {
        // Four in five highlights are in the body; one in ten overlaps the one before.
        let in_body = doc.comments.is_empty() || rng.below(5) > 0;
        let which = rng.below(doc.comments.len());
        let (target, text) = if in_body {
            (Target::Body, doc.body.as_str())
        } else {
            let comment = &doc.comments[which];
            (Target::Comment(comment.id), comment.text.as_str())
        };
        let range = match previous {
            Some((t, start, end)) if t == target && rng.below(10) == 0 => (start + (end - start) / 2, end + 3),
            _ if target == Target::Body => {
                let words = 2 + rng.below(12);
                word_range(rng, &body_words, words)
            }
            _ => {
                let words = 1 + rng.below(6);
                word_range(rng, &word_starts(text), words)
            }
        };
        let Some(trimmed) = crate::model::text::trim_range(text, range.0, range.1) else { continue };
        let anchored = if target == Target::Body {
            AnchoredRange::new_indexed(text, &body_index, trimmed.0, trimmed.1)
        } else {
            AnchoredRange::new(text, trimmed.0, trimmed.1)
        };
        let Ok(anchored) = anchored else { continue };
        previous = Some((target, trimmed.0, trimmed.1));
        let pick = rng.below(schema.span_labels.len());
        let label = schema.span_labels[pick].id;
        doc.spans.push(SpanAnnotation {
            id: SpanId(fresh()),
            target,
            ranges: vec![anchored],
            label,
            speaker: String::new(),
            note: String::new(),
            check_worthy: None,
            verdict: crate::model::Verdict::Unverified,
            created: at,
            modified: at,
            annotator: "generator".to_owned(),
            suggested: None,
            iri: None,
        });
    }
    doc
}

fn sentence_run(rng: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[rng.below(WORDS.len())]);
    }
    out.push('.');
    out
}

/// Code point offsets where words start, and the text's length at the end.
fn word_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut previous_space = true;
    let mut count = 0;
    for c in text.chars() {
        if previous_space && !c.is_whitespace() {
            starts.push(count);
        }
        previous_space = c.is_whitespace();
        count += 1;
    }
    starts.push(count);
    starts
}

fn word_range(rng: &mut Rng, starts: &[usize], words: usize) -> (usize, usize) {
    let last = starts.len().saturating_sub(1);
    let first = rng.below(last.saturating_sub(words).max(1));
    (starts[first], starts[(first + words).min(last)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_settings_make_the_same_sound_project() {
        let size = Size { documents: 2, body_bytes: 20_000, comments: 30, spans: 300, seed: 7 };
        let (a, b) = (project(size), project(size));
        assert_eq!(a, b);
        assert!(a.problems().is_empty(), "{:?}", a.problems());
        assert!(a.documents.iter().all(|d| d.body.len() >= 20_000 && d.comments.len() == 30));
        let spans: usize = a.documents.iter().map(|d| d.spans.len()).sum();
        assert!(spans > 550, "{spans}");
    }
}
