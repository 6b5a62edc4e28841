//! brat standoff: per document `NAME.txt` and `NAME.ann`, plus `annotation.conf` and `visual.conf`, in a folder,
//! and `gloss-documents.json` with each document's title and metadata, which brat has no place for.
//!
//! `NAME.txt` is the document flattened (the body, then each comment under a "#1 Maren" line) and the offsets in
//! `NAME.ann` count its code points, as brat does. A highlight is a `T` line; a highlight in several parts, or one
//! that crosses a line break (brat fragments cannot), lists its fragments as `start end;start end`. Verdict and
//! check-worthy are `A` lines; the speaker is a `#` line of type `Speaker`, the annotator one of type `Annotator`,
//! the note one of type `AnnotatorNotes` (line breaks become spaces). Every comment is a `Comment` entity over its
//! text, with `A` lines for the sentiment and each further dimension, and a reply is a `ReplyTo` relation from its
//! comment to the one it answers. Type and value names have white space and punctuation replaced by `_`, as brat's
//! configuration syntax requires.

use std::fmt::Write as _;
use std::path::Path;

use super::flat::Flat;
use super::ids::document_stem;
use super::{Control, Output, Rendered};
use crate::model::text::is_line_break;
use crate::model::{Document, Project, Verdict};

// The names the importer reads back, from the one place both sides take them.
use crate::import::datasets::brat::{COMMENT_TYPE, REPLY_TYPE};

pub(super) fn render(project: &Project, docs: &[&Document], out: &Path, control: &Control<'_>) -> Rendered {
    let mut outputs = vec![
        Output { path: out.join("annotation.conf"), bytes: annotation_conf(project).into_bytes() },
        Output { path: out.join("visual.conf"), bytes: visual_conf(project).into_bytes() },
    ];
    let mut documents = Vec::new();
    control.each(docs, |doc| {
        let flat = Flat::of(doc);
        let stem = document_stem(doc);
        let ann = ann(project, doc, &flat);
        outputs.push(Output { path: out.join(format!("{stem}.txt")), bytes: flat.text.into_bytes() });
        outputs.push(Output { path: out.join(format!("{stem}.ann")), bytes: ann.into_bytes() });
        documents.push(super::standoff::document_entry(&stem, doc));
        Ok(())
    })?;
    outputs.push(super::standoff::documents_file(out, &documents)?);
    Ok(outputs)
}

/// A name brat's configuration accepts: letters, digits, `-` and `_`.
pub fn brat_name(name: &str) -> String {
    let cleaned: String = name.trim().chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' }).collect();
    if cleaned.is_empty() { "_".to_owned() } else { cleaned }
}

/// The `.ann` file of `doc`, whose text is `flat`.
fn ann(project: &Project, doc: &Document, flat: &Flat) -> String {
    let schema = &project.schema;
    let mut out = String::new();
    let (mut t, mut a, mut n) = (0, 0, 0);
    let chars: Vec<char> = flat.text.chars().collect();
    for span in &doc.spans {
        let label = schema.label(span.label).map_or_else(|| "Unlabelled".to_owned(), |l| brat_name(&l.name));
        let fragments: Vec<(usize, usize)> = span
            .ranges
            .iter()
            .filter_map(|r| Some((flat.offset(span.target, r.start)?, flat.offset(span.target, r.end)?)))
            .flat_map(|(start, end)| split_at_line_breaks(&chars, start, end))
            .collect();
        if fragments.is_empty() {
            continue;
        }
        t += 1;
        entity_line(&mut out, t, &label, &fragments, &chars);
        if span.verdict != Verdict::Unverified {
            a += 1;
            let _ = writeln!(out, "A{a}\tVerdict T{t} {}", span.verdict.name());
        }
        if let Some(worthy) = span.check_worthy {
            a += 1;
            let _ = writeln!(out, "A{a}\tCheckWorthy T{t} {}", if worthy { "yes" } else { "no" });
        }
        for (kind, text) in [("Speaker", &span.speaker), ("AnnotatorNotes", &span.note), ("Annotator", &span.annotator)]
        {
            if !text.is_empty() {
                n += 1;
                let _ = writeln!(out, "#{n}\t{kind} T{t}\t{}", one_line(text));
            }
        }
    }
    let mut entity_of = std::collections::HashMap::new();
    for comment in &doc.comments {
        let Some(part) = flat.comment(comment.id).filter(|p| p.len > 0) else { continue };
        let fragments = split_at_line_breaks(&chars, part.start, part.start + part.len);
        if fragments.is_empty() {
            continue;
        }
        t += 1;
        entity_line(&mut out, t, COMMENT_TYPE, &fragments, &chars);
        entity_of.insert(comment.id, t);
        if let Some(level) = comment.sentiment_of(&project.annotator).and_then(|s| schema.sentiment(s)) {
            a += 1;
            let _ = writeln!(out, "A{a}\tSentiment T{t} {}", brat_name(&level.name));
        }
        for dimension in &schema.dimensions {
            let value = comment.tag_value(&project.annotator, dimension);
            if let Some(value) = value {
                a += 1;
                let _ = writeln!(out, "A{a}\t{} T{t} {}", brat_name(&dimension.name), brat_name(&value.name));
            }
        }
        if !comment.note.is_empty() {
            n += 1;
            let _ = writeln!(out, "#{n}\tAnnotatorNotes T{t}\t{}", one_line(&comment.note));
        }
        // Whose tags they are, so that importing the files twice finds them already there.
        let tagged = comment.sentiment_of(&project.annotator).is_some()
            || schema.dimensions.iter().any(|d| comment.tag_value(&project.annotator, d).is_some());
        if tagged && !project.annotator.is_empty() {
            n += 1;
            let _ = writeln!(out, "#{n}\tAnnotator T{t}\t{}", one_line(&project.annotator));
        }
    }
    // A reply is a relation from its comment to the one it answers, which brat draws as an arc.
    let mut r = 0;
    for comment in &doc.comments {
        if let (Some(&child), Some(&parent)) =
            (entity_of.get(&comment.id), comment.parent.and_then(|p| entity_of.get(&p)))
        {
            r += 1;
            let _ = writeln!(out, "R{r}\t{REPLY_TYPE} Arg1:T{child} Arg2:T{parent}");
        }
    }
    out
}

/// A `T` line: id, type, fragments as `start end;start end`, and their texts joined by a space.
fn entity_line(out: &mut String, t: usize, kind: &str, fragments: &[(usize, usize)], chars: &[char]) {
    let offsets: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
    // A tab in the text field would end the field for readers that split the line at every tab; the offsets,
    // not this text, say what is marked.
    let texts: Vec<String> = fragments
        .iter()
        .map(|&(s, e)| chars[s..e].iter().map(|&c| if c == '\t' { ' ' } else { c }).collect())
        .collect();
    let _ = writeln!(out, "T{t}\t{kind} {}\t{}", offsets.join(";"), texts.join(" "));
}

/// The pieces of `start..end` between line breaks (every character [`is_line_break`] names), without empty or
/// all-white-space pieces.
pub fn split_at_line_breaks(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut from = start;
    for i in start..=end.min(chars.len()) {
        let at_end = i == end || i == chars.len();
        if at_end || is_line_break(chars[i]) {
            if chars[from..i].iter().any(|c| !c.is_whitespace()) {
                pieces.push((from, i));
            }
            from = i + 1;
        }
        if at_end {
            break;
        }
    }
    pieces
}

fn one_line(text: &str) -> String {
    text.split(|c| is_line_break(c) || c == '\t').filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

fn annotation_conf(project: &Project) -> String {
    let schema = &project.schema;
    let mut conf = String::from("[entities]\n");
    for label in &schema.span_labels {
        let _ = writeln!(conf, "{}", brat_name(&label.name));
    }
    let _ = writeln!(conf, "{COMMENT_TYPE}");
    conf.push_str("\n[relations]\n");
    let _ = writeln!(conf, "{REPLY_TYPE}\tArg1:{COMMENT_TYPE}, Arg2:{COMMENT_TYPE}");
    conf.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n");
    let verdicts: Vec<&str> = Verdict::ALL.iter().map(|v| v.name()).collect();
    let _ = writeln!(conf, "Verdict\tArg:<ENTITY>, Value:{}", verdicts.join("|"));
    conf.push_str("CheckWorthy\tArg:<ENTITY>, Value:yes|no\n");
    let levels: Vec<String> = schema.sentiments.iter().map(|l| brat_name(&l.name)).collect();
    if !levels.is_empty() {
        let _ = writeln!(conf, "Sentiment\tArg:{COMMENT_TYPE}, Value:{}", levels.join("|"));
    }
    for dimension in &schema.dimensions {
        let values: Vec<String> = dimension.values.iter().map(|v| brat_name(&v.name)).collect();
        if !values.is_empty() {
            let _ = writeln!(conf, "{}\tArg:{COMMENT_TYPE}, Value:{}", brat_name(&dimension.name), values.join("|"));
        }
    }
    conf
}

fn visual_conf(project: &Project) -> String {
    let mut conf = String::from("[labels]\n");
    for label in &project.schema.span_labels {
        let _ = writeln!(conf, "{} | {}", brat_name(&label.name), label.name.replace('|', "/"));
    }
    conf.push_str("\n[drawing]\n");
    for label in &project.schema.span_labels {
        let _ = writeln!(conf, "{}\tbgColor:{}", brat_name(&label.name), label.color);
    }
    let _ = writeln!(conf, "{COMMENT_TYPE}\tbgColor:#eeeeee");
    conf
}
