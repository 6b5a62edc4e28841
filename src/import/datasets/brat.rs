//! brat standoff: `NAME.txt` with `NAME.ann` beside it. The text is kept verbatim as the body, so the offsets
//! (code points of the `.txt`) stay valid. A `.txt` that Gloss exported (its comments marked as `Comment`
//! entities under "#1 Maren" lines) becomes the body and its comments again. Fragments of one entity separated
//! only by line breaks are one range again; other fragments are parts of one highlight. Relations, events,
//! normalisations and attributes Gloss has no place for are reported, not dropped silently.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::import::{CommentRef, Extracted, ExtractedComment, ExtractedSpan, Marks, Place};
use crate::model::Verdict;
use crate::model::text::is_line_break;

/// The entity type of comments in Gloss's brat files.
pub const COMMENT_TYPE: &str = "Comment";

/// The relation type from a reply to the comment it answers, in Gloss's brat files.
pub const REPLY_TYPE: &str = "ReplyTo";

struct Entity {
    /// The `.ann` line that defines it, for warnings.
    line: usize,
    kind: String,
    ranges: Vec<(usize, usize)>,
    attributes: Vec<(String, String)>,
    notes: Vec<(String, String)>,
}

/// The file of a brat export by Gloss that holds each document's title and metadata.
pub const DOCUMENTS_FILE: &str = "gloss-documents.json";

/// The entry of the file `path` in the [`DOCUMENTS_FILE`] beside it, if a Gloss export wrote one. A file that
/// came back through another tool may carry the old extension in its name (INCEpTION names an exported
/// `0010-levy.xmi` after the document `0010-levy.xmi`), so extensions are taken off until a name matches.
pub fn documents_entry(path: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(path.with_file_name(DOCUMENTS_FILE)).ok()?;
    let mut value = serde_json::from_str::<serde_json::Value>(&text).ok()?;
    let documents = value.get_mut("documents")?.as_array_mut()?;
    let mut stem = path.file_stem()?.to_string_lossy().into_owned();
    loop {
        let named = |d: &serde_json::Value| d.get("file").and_then(serde_json::Value::as_str) == Some(stem.as_str());
        if let Some(index) = documents.iter().position(named) {
            return Some(documents.swap_remove(index));
        }
        stem = stem.rsplit_once('.')?.0.to_owned();
    }
}

/// Gives `article` (read from `txt`) the title and metadata a Gloss export wrote for it in [`DOCUMENTS_FILE`]
/// beside it; brat itself has no place for them.
pub fn restore_document(article: &mut Extracted, txt: &Path) {
    if let Some(entry) = documents_entry(txt) {
        apply_entry(article, &entry);
    }
}

/// Gives `article` the title and metadata of its `entry` in [`DOCUMENTS_FILE`] (see [`documents_entry`]).
pub fn apply_entry(article: &mut Extracted, entry: &serde_json::Value) {
    if let Some(title) = entry.get("title").and_then(serde_json::Value::as_str) {
        title.clone_into(&mut article.title);
    }
    if let Some(metadata) = entry.get("metadata").and_then(|m| serde_json::from_value(m.clone()).ok()) {
        article.metadata = metadata;
    }
}

/// The display names of entity types that a `visual.conf` beside `txt` (or in a folder above it, where brat looks
/// too) gives in its `[labels]` section (`Type | Full name | Abbreviation`): a type's name in brat cannot hold spaces
/// or punctuation, its display name can, and that is the label's real name.
pub fn label_names(txt: &Path) -> HashMap<String, String> {
    let conf = txt.ancestors().skip(1).take(4).map(|dir| dir.join("visual.conf")).find(|p| p.is_file());
    let Some(text) = conf.and_then(|p| std::fs::read_to_string(p).ok()) else { return HashMap::new() };
    let mut names = HashMap::new();
    let mut in_labels = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_labels = line == "[labels]";
            continue;
        }
        let mut parts = line.split('|').map(str::trim);
        if let (true, Some(kind), Some(name)) = (in_labels, parts.next(), parts.next())
            && !kind.is_empty()
            && !name.is_empty()
            && !kind.starts_with('#')
        {
            names.insert(kind.to_owned(), name.to_owned());
        }
    }
    names
}

/// Reads `text` (the `.txt`) with the annotations in `ann`; `path` names the `.txt`; entity types are named by
/// `names` where a `visual.conf` gives them (see [`label_names`]).
pub fn read(text: &str, ann: &str, path: &Path, names: &HashMap<String, String>) -> Extracted {
    let (text, map) = without_carriage_returns(text);
    let text = text.as_str();
    let mut warnings = Vec::new();
    let ann_name = path.with_extension("ann").file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
    let mut order = Vec::new();
    let mut replies: Vec<(String, String)> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    for (number, line) in ann.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let Some(id) = fields.first().filter(|f| !f.is_empty()) else { continue };
        let what = fields.get(1).copied().unwrap_or_default();
        match id.chars().next() {
            Some('T') => match parse_fragments(what) {
                Some(_) if entities.contains_key(*id) => {
                    warnings.push(format!(
                        "{ann_name} line {}: {id} is defined a second time; the second one was left out",
                        number + 1
                    ));
                }
                Some((kind, fragments)) => {
                    // Offsets count the file as brat sees it, `\r` included (`map` has one entry per code point of
                    // it, and one for its end).
                    let Some(fragments) =
                        fragments.into_iter().map(|(s, e)| Some((*map.get(s)?, *map.get(e)?))).collect()
                    else {
                        let length = map.len() - 1;
                        warnings.push(format!(
                            "{ann_name} line {}: {id} reaches past the end of the text ({length} characters); left out",
                            number + 1
                        ));
                        continue;
                    };
                    let mut fragments: Vec<(usize, usize)> = fragments;
                    fragments.sort_unstable();
                    if let Some(problem) = fragment_problem(&fragments) {
                        warnings.push(format!("{ann_name} line {}: {id} {problem}; left out", number + 1));
                        continue;
                    }
                    order.push((*id).to_owned());
                    let (ranges, joined) = join_line_breaks(&chars, fragments);
                    for ((a, b), (c, d)) in joined {
                        warnings.push(format!(
                            "{ann_name} line {}: the parts {a}..{b} and {c}..{d} of {id} are separated only by a line \
                             break and were joined into one (brat cannot mark across lines)",
                            number + 1
                        ));
                    }
                    entities.insert(
                        (*id).to_owned(),
                        Entity { line: number + 1, kind, ranges, attributes: Vec::new(), notes: Vec::new() },
                    );
                }
                None => warnings.push(format!("{ann_name} line {}: cannot read {line:?}", number + 1)),
            },
            Some('A' | 'M') => {
                let parts: Vec<&str> = what.split(' ').collect();
                let (Some(name), Some(target)) = (parts.first(), parts.get(1)) else { continue };
                let value = parts.get(2).map_or("yes", |v| v);
                match entities.get_mut(*target) {
                    Some(entity) => entity.attributes.push(((*name).to_owned(), value.replace('_', " "))),
                    None => warnings.push(format!(
                        "{ann_name} line {}: an attribute of {target}, which is not an entity, was left out",
                        number + 1
                    )),
                }
            }
            Some('#') => {
                let mut parts = what.split(' ');
                let (Some(kind), Some(target)) = (parts.next(), parts.next()) else { continue };
                if let Some(entity) = entities.get_mut(target) {
                    entity.notes.push((kind.to_owned(), fields.get(2).copied().unwrap_or_default().to_owned()));
                }
            }
            Some('R') if what.split(' ').next() == Some(REPLY_TYPE) => {
                // "ReplyTo Arg1:T5 Arg2:T3": the comment of T5 answers the comment of T3.
                let arg = |name: &str| what.split(' ').find_map(|a| a.strip_prefix(name)).map(str::to_owned);
                if let (Some(child), Some(parent)) = (arg("Arg1:"), arg("Arg2:")) {
                    replies.push((child, parent));
                }
            }
            Some(kind @ ('R' | 'E' | 'N')) => {
                let what = match kind {
                    'R' => "relation",
                    'E' => "event",
                    _ => "normalisation",
                };
                warnings
                    .push(format!("{ann_name} line {}: {what} {id} left out (Gloss does not model them)", number + 1));
            }
            _ => warnings.push(format!("{ann_name} line {}: {line:?} is not brat standoff; left out", number + 1)),
        }
    }
    let title = path.file_stem().map_or_else(|| "Untitled".to_owned(), |s| s.to_string_lossy().into_owned());
    let comment_ids: Vec<&String> = order.iter().filter(|id| entities[*id].kind == COMMENT_TYPE).collect();
    let mut article = if comment_ids.is_empty() {
        // The line end that closes the file (brat's texts have one, as Gloss's exports do) is not the article's,
        // unless a highlight takes it in; keeping it would add a line to the body on every export and import.
        let reached = entities.values().flat_map(|e| &e.ranges).map(|r| r.1).max().unwrap_or(0);
        let body = match text.strip_suffix('\n') {
            Some(shorter) if reached < chars.len() => shorter,
            _ => text,
        };
        Extracted { title, body: body.to_owned(), ..Extracted::default() }
    } else {
        let ranges: Vec<(usize, usize)> = comment_ids
            .iter()
            .map(|id| &entities[*id].ranges)
            .map(|r| (r.first().map_or(0, |r| r.0), r.last().map_or(0, |r| r.1)))
            .collect();
        split_comments(&chars, &ranges, title)
    };
    // Where each comment's text starts in the .txt, to move offsets into it.
    let starts: Vec<(usize, usize)> = comment_ids
        .iter()
        .map(|id| {
            let ranges = &entities[*id].ranges;
            (ranges.first().map_or(0, |r| r.0), ranges.last().map_or(0, |r| r.1))
        })
        .collect();
    for id in &order {
        let entity = &entities[id];
        if entity.kind == COMMENT_TYPE {
            let index = starts.iter().position(|s| Some(s.0) == entity.ranges.first().map(|r| r.0)).unwrap_or_default();
            let marks = marks_of(entity);
            if !marks.is_empty() {
                article.annotations.comments.push((CommentRef::Index(index), marks));
            }
            continue;
        }
        let first = entity.ranges.first().map_or(0, |r| r.0);
        let (place, shift) = match starts.iter().position(|&(s, e)| first >= s && first < e) {
            Some(index) => (Place::Comment(CommentRef::Index(index)), starts[index].0),
            None => (Place::Body, 0),
        };
        let ranges = entity.ranges.iter().map(|&(s, e)| (s.saturating_sub(shift), e.saturating_sub(shift))).collect();
        let label = names.get(&entity.kind).cloned().unwrap_or_else(|| entity.kind.replace('_', " "));
        let mut span = ExtractedSpan::new(place, ranges, &label).found_at(format!("{ann_name} line {}", entity.line));
        let mut extra = Vec::new();
        for (name, value) in &entity.attributes {
            match name.as_str() {
                "Verdict" => span.verdict = Verdict::from_name(value).unwrap_or_default(),
                "CheckWorthy" => span.check_worthy = Some(value == "yes"),
                _ => extra.push(format!("{name}: {value}")),
            }
        }
        for (kind, text) in &entity.notes {
            match kind.as_str() {
                "Speaker" => span.speaker.clone_from(text),
                "Annotator" => span.annotator.clone_from(text),
                _ => extra.push(text.clone()),
            }
        }
        span.note = extra.join("; ");
        article.annotations.spans.push(span);
    }
    for (child, parent) in replies {
        let index = |id: &String| comment_ids.iter().position(|c| *c == id);
        match (index(&child), index(&parent)) {
            (Some(child), Some(parent)) if child != parent => article.comments[child].parent = Some(parent),
            _ => warnings.push(format!("{ann_name}: a {REPLY_TYPE} relation between {child} and {parent}, which are not two comments, was left out")),
        }
    }
    article.warnings = warnings;
    article
}

/// `text` with Windows and old Mac line ends as `\n`, and for each code point offset of `text` (and its end) the
/// offset in the result, so that brat's offsets, which count the `\r`, can be moved.
fn without_carriage_returns(text: &str) -> (String, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(chars.len() + 1);
    let mut kept = 0;
    for (i, &c) in chars.iter().enumerate() {
        map.push(kept);
        if c == '\r' {
            if chars.get(i + 1) != Some(&'\n') {
                out.push('\n');
                kept += 1;
            }
            continue;
        }
        out.push(c);
        kept += 1;
    }
    map.push(kept);
    (out, map)
}

/// The type and fragments of a `T` line's second field: `Claim 0 5;10 15`.
fn parse_fragments(field: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let (kind, offsets) = field.split_once(' ')?;
    let fragments = offsets
        .split(';')
        .map(|pair| {
            let (start, end) = pair.trim().split_once(' ')?;
            Some((start.parse().ok()?, end.parse().ok()?))
        })
        .collect::<Option<Vec<(usize, usize)>>>()?;
    Some((kind.to_owned(), fragments))
}

/// What is wrong with the sorted fragments of one entity, if anything: each must start before it ends, and none
/// may overlap another.
fn fragment_problem(fragments: &[(usize, usize)]) -> Option<String> {
    let mut previous_end = 0;
    for &(start, end) in fragments {
        if start >= end {
            return Some(format!("has a fragment {start} {end} that does not start before it ends"));
        }
        if start < previous_end {
            return Some(format!("has fragments that overlap at {start} {end}"));
        }
        previous_end = end;
    }
    None
}

/// Fragments separated only by line breaks are one range (brat splits a span at every line break), and the pairs
/// of fragments that were joined, for the import report.
type Joined = Vec<((usize, usize), (usize, usize))>;

fn join_line_breaks(chars: &[char], fragments: Vec<(usize, usize)>) -> (Vec<(usize, usize)>, Joined) {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut joined = Vec::new();
    let mut previous: Option<(usize, usize)> = None;
    for (start, end) in fragments {
        let gap = ranges.last().and_then(|last| chars.get(last.1..start));
        if let (Some(last), Some(before), Some(gap)) = (ranges.last_mut(), previous, gap)
            && gap.iter().all(|c| is_line_break(*c))
        {
            if !gap.is_empty() {
                joined.push((before, (start, end)));
            }
            last.1 = end;
            previous = Some((start, end));
            continue;
        }
        ranges.push((start, end));
        previous = Some((start, end));
    }
    (ranges, joined)
}

/// The body and comments of a text that Gloss exported with its comments (flattened, see `export::flat`), given
/// where each comment's text lies: the body ends at the blank line before the first comment's header line
/// ("#1 Maren").
pub(crate) fn split_comments(chars: &[char], comments: &[(usize, usize)], title: String) -> Extracted {
    let text_of = |s: usize, e: usize| chars.get(s..e).map(|c| c.iter().collect::<String>()).unwrap_or_default();
    let first = comments.first().map_or(chars.len(), |r| r.0);
    let header_start = |start: usize| {
        let before = chars.get(..start.saturating_sub(1)).unwrap_or(chars);
        let line_start = before.iter().rposition(|c| *c == '\n').map_or(0, |i| i + 1);
        (line_start, text_of(line_start, start.saturating_sub(1)))
    };
    let (body_end, _) = header_start(first);
    let body = text_of(0, body_end.saturating_sub(2));
    let extracted = comments
        .iter()
        .map(|&(s, e)| {
            let (_, header) = header_start(s);
            let (number, author) = match header.strip_prefix('#').and_then(|h| h.split_once(' ')) {
                Some((number, author)) => (Some(number.to_owned()), author.to_owned()),
                None => (None, header.clone()),
            };
            ExtractedComment { number, author, date: None, timestamp: None, text: text_of(s, e), parent: None }
        })
        .collect();
    Extracted { title, body, comments: extracted, ..Extracted::default() }
}

fn marks_of(entity: &Entity) -> Marks {
    let mut marks = Marks::default();
    for (name, value) in &entity.attributes {
        if name == "Sentiment" {
            marks.sentiment = Some(value.clone());
        } else {
            marks.dimensions.push((name.replace('_', " "), value.clone()));
        }
    }
    marks.annotator = entity.notes.iter().find(|(k, _)| k == "Annotator").map(|(_, t)| t.clone()).unwrap_or_default();
    marks.note = entity
        .notes
        .iter()
        .filter(|(k, _)| k == "AnnotatorNotes")
        .map(|(_, t)| t.clone())
        .collect::<Vec<_>>()
        .join("; ");
    marks
}
