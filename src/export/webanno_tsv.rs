//! WebAnno TSV 3.3, INCEpTION's text format: per document `NAME.tsv`, with `gloss-documents.json` beside them
//! for the titles and metadata, which the format has no place for, and `TypeSystem.xml`, the two layers for
//! INCEpTION's layer import.
//!
//! INCEpTION's reader rebuilds the text from the `#Text=` lines of the sentences and places every annotation by
//! the tokens it covers, so both are chosen to give back the text and the ranges exactly: a sentence is a line of
//! the flattened document (its lines end at a line break); tokens are its words and punctuation, cut at every
//! annotation's edge, and white space where an annotation begins or ends with it is a token too. Offsets count UTF-16 code
//! units, as Java strings do. Every annotation carries its own number (`Claim[3]`), so the reader never has to
//! guess which annotation a token belongs to.

use std::fmt::Write as _;
use std::path::Path;

use unicode_segmentation::UnicodeSegmentation as _;

use super::flat::Flat;
use super::ids::document_stem;
use super::standoff::{self, Layered};
use super::units::{Unit, Units};
use super::{Control, Output, Rendered};
use crate::import::datasets::inception::{COMMENT_LAYER, Feature, HIGHLIGHT_LAYER};
use crate::model::text::is_line_break;
use crate::model::{Document, Project};

/// The layers and their features, in column order.
const LAYERS: [(&str, &[Feature]); 2] = [(HIGHLIGHT_LAYER, &Feature::HIGHLIGHT), (COMMENT_LAYER, &Feature::COMMENT)];

pub(super) fn render(project: &Project, docs: &[&Document], out: &Path, control: &Control<'_>) -> Rendered {
    // The layers' type system, which INCEpTION's layer settings import, so that its reader knows the columns.
    let mut outputs =
        vec![Output { path: out.join(super::xmi::TYPE_SYSTEM_FILE), bytes: super::xmi::type_system().into_bytes() }];
    let mut documents = Vec::new();
    control.each(docs, |doc| {
        let flat = Flat::of(doc);
        let stem = document_stem(doc);
        let annotations = standoff::annotations(project, doc, &flat);
        outputs
            .push(Output { path: out.join(format!("{stem}.tsv")), bytes: tsv(&flat.text, &annotations).into_bytes() });
        documents.push(standoff::document_entry(&stem, doc));
        Ok(())
    })?;
    outputs.push(standoff::documents_file(out, &documents)?);
    Ok(outputs)
}

/// The TSV of `text` (which ends with a line break, as flattened documents do) with `annotations` over it.
pub(super) fn tsv(text: &str, annotations: &[Layered]) -> String {
    let chars: Vec<char> = text.chars().collect();
    // The reader ends the text with a line break after the last sentence; the sentences cover the rest.
    let end = if chars.last() == Some(&'\n') { chars.len() - 1 } else { chars.len() };
    let units = Units::new(text, Unit::Utf16);
    // The closing line break is one byte, so the text the sentences cover is the rest.
    let content = if end < chars.len() { &text[..text.len() - 1] } else { text };
    let tokens = tokens(content, &chars, end, annotations);
    let mut out = String::from("#FORMAT=WebAnno TSV 3.3\n");
    for (layer, features) in LAYERS {
        let names: Vec<&str> = features.iter().map(|f| f.name()).collect();
        let _ = writeln!(out, "#T_SP={layer}|{}", names.join("|"));
    }
    out.push('\n');
    // The annotations over the current token, kept in file order as the token moves on: annotations are sorted by
    // where they begin, so each comes in once and goes once.
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    let mut covering: Vec<usize> = Vec::new();
    for (number, sentence) in sentences(&chars, end, &tokens).iter().enumerate() {
        out.push('\n');
        let covered: String = chars[sentence.start..sentence.end].iter().collect();
        for line in covered.split('\n') {
            let _ = writeln!(out, "#Text={}", escape_text(line));
        }
        for (index, &(start, stop)) in tokens[sentence.tokens.clone()].iter().enumerate() {
            while next < annotations.len() && annotations[next].start <= start {
                active.push(next);
                next += 1;
            }
            active.retain(|&i| annotations[i].end > start);
            let shown: String =
                chars[start..stop].iter().map(|&c| if c == '\t' || is_line_break(c) { ' ' } else { c }).collect();
            let (from, to) = (units.convert(start), units.convert(stop));
            let _ = write!(out, "{}-{}\t{from}-{to}\t{shown}\t", number + 1, index + 1);
            for (layer, features) in LAYERS {
                covering.clear();
                covering.extend(
                    active.iter().copied().filter(|&i| annotations[i].layer == layer && stop <= annotations[i].end),
                );
                for feature in features {
                    column(&mut out, annotations, &covering, *feature);
                }
            }
            out.push('\n');
        }
    }
    out
}

/// One column of a token line: the feature's value for each annotation over the token, with the annotation's
/// number, or `_` when there is none.
fn column(out: &mut String, annotations: &[Layered], covering: &[usize], feature: Feature) {
    if covering.is_empty() {
        out.push('_');
    }
    for (n, &i) in covering.iter().enumerate() {
        if n > 0 {
            out.push('|');
        }
        match annotations[i].features.iter().find(|(f, _)| *f == feature) {
            Some((_, value)) => out.push_str(&escape_value(value)),
            None => out.push('*'),
        }
        let _ = write!(out, "[{}]", i + 1);
    }
    out.push('\t');
}

/// The tokens of `text`, which is `chars[..end]`: its words and punctuation (Unicode word boundaries, UAX #29), cut at every
/// annotation's edge, and white space where an annotation begins or ends with it; at least one, so that an empty
/// document still has a sentence.
fn tokens(text: &str, chars: &[char], end: usize, annotations: &[Layered]) -> Vec<(usize, usize)> {
    let mut cuts: Vec<usize> = vec![0, end];
    let mut at = 0;
    for word in text.split_word_bounds() {
        at += word.chars().count();
        cuts.push(at);
    }
    // Where an annotation begins or ends: a vector sorted once, as a set, is faster than a tree here.
    let mut edges: Vec<usize> =
        annotations.iter().filter(|a| a.start < a.end).flat_map(|a| [a.start.min(end), a.end.min(end)]).collect();
    edges.sort_unstable();
    edges.dedup();
    cuts.extend(&edges);
    cuts.sort_unstable();
    cuts.dedup();
    // How many annotations lie over each character; no piece between two cuts is partly inside one.
    let mut depth = vec![0_i64; end + 1];
    for a in annotations.iter().filter(|a| a.start < a.end && a.start < end) {
        depth[a.start] += 1;
        depth[a.end.min(end)] -= 1;
    }
    let mut inside = 0;
    for d in &mut depth {
        inside += *d;
        *d = inside;
    }
    // White space is a token only where an annotation needs an edge there.
    let edge = |at: usize| edges.binary_search(&at).is_ok();
    let needed = |s: usize, e: usize| depth[s] > 0 && (edge(s) || edge(e));
    let mut tokens: Vec<(usize, usize)> = cuts
        .windows(2)
        .map(|w| (w[0], w[1]))
        .filter(|&(s, e)| s < e && (chars[s..e].iter().any(|c| !c.is_whitespace()) || needed(s, e)))
        .collect();
    // The reader fills the text before the first token with spaces; anything else there must be a token.
    let first = tokens.first().map_or(end, |t| t.0);
    if first > 0 && chars[..first].iter().any(|&c| c != ' ') {
        tokens.insert(0, (0, first));
    }
    if tokens.is_empty() {
        tokens.push((0, end));
    }
    tokens
}

/// A sentence: the text it covers and its tokens.
struct Sentence {
    start: usize,
    end: usize,
    tokens: std::ops::Range<usize>,
}

/// The sentences of `chars[..end]`: a new one begins at the first token after a line break. Between two sentences
/// the reader puts either nothing or a line break and spaces, so a sentence takes in all other text up to the
/// next one.
fn sentences(chars: &[char], end: usize, tokens: &[(usize, usize)]) -> Vec<Sentence> {
    let mut firsts = vec![0];
    for i in 1..tokens.len() {
        if chars[tokens[i - 1].1..tokens[i].0].contains(&'\n') {
            firsts.push(i);
        }
    }
    let mut out = Vec::with_capacity(firsts.len());
    for (k, &first) in firsts.iter().enumerate() {
        let last = firsts.get(k + 1).map_or(tokens.len(), |&n| n);
        let next = firsts.get(k + 1).map_or(end, |&n| tokens[n].0);
        let floor = tokens[last - 1].1;
        // A line break followed only by spaces before the next sentence is the reader's own gap.
        let spaces = chars[floor..next].iter().rev().take_while(|&&c| c == ' ').count();
        let stop = next - spaces;
        let stop = if k + 1 < firsts.len() && stop > floor && chars[stop - 1] == '\n' { stop - 1 } else { next };
        out.push(Sentence { start: tokens[first].0, end: stop, tokens: first..last });
    }
    out
}

/// A `#Text=` line as INCEpTION writes it: tab, form feed, carriage return, backspace and the backslash as escape
/// sequences, and the other control characters (but the vertical tab) after a backslash.
fn escape_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\\' => out.push_str("\\\\"),
            '\u{0}'..='\u{7}' | '\u{e}'..='\u{1f}' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A feature value as INCEpTION escapes it. Its reader reads lines that a carriage return also ends, and has no
/// escape for one, so a carriage return becomes a line break.
fn escape_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '[' | ']' | '|' | '_' | ';' | '*' => {
                out.push('\\');
                out.push(c);
            }
            '-' if chars.peek() == Some(&'>') => out.push_str("\\-"),
            '\t' => out.push_str("\\t"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Characters that test the rebuilding of the text: line breaks of every kind, tabs, spaces, escapes, a
    /// character outside the Basic Multilingual Plane.
    const CHARS: [char; 14] =
        ['a', 'b', ' ', ' ', '\n', '\t', '\r', '\u{c}', '😀', '\u{a0}', '\u{2028}', '中', '\\', '#'];

    proptest! {
        #[test]
        fn the_reader_gets_back_the_text_and_every_range(
            chars in proptest::collection::vec(proptest::sample::select(CHARS.to_vec()), 0..60),
            spans in proptest::collection::vec((0_usize..60, 0_usize..60), 0..6),
        ) {
            let mut text: String = chars.iter().collect();
            text.push('\n');
            let len = chars.len();
            let mut annotations: Vec<Layered> = spans
                .iter()
                .map(|&(a, b)| (a.min(b).min(len), a.max(b).min(len)))
                .filter(|(a, b)| a < b)
                .map(|(start, end)| Layered {
                    layer: HIGHLIGHT_LAYER,
                    start,
                    end,
                    features: vec![(Feature::Label, "Claim [x] | _".to_owned())],
                })
                .collect();
            annotations.sort_by_key(|a| (a.start, a.end));
            let written = tsv(&text, &annotations);
            let (back, read, warnings) = crate::import::datasets::webanno_tsv::read(&written, "p.tsv").unwrap();
            prop_assert!(warnings.is_empty(), "{:?}", warnings);
            prop_assert_eq!(back, text);
            let mut got: Vec<(usize, usize)> = read.iter().map(|r| (r.start, r.end)).collect();
            got.sort_unstable();
            let want: Vec<(usize, usize)> = annotations.iter().map(|a| (a.start, a.end)).collect();
            prop_assert_eq!(got, want);
            prop_assert!(read.iter().all(|r| r.features["label"] == "Claim [x] | _"));
        }
    }
}
