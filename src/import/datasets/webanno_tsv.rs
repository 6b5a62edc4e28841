//! WebAnno TSV 3.x, INCEpTION's text format, read the way INCEpTION's own reader reads it: the text is rebuilt
//! from the `#Text=` lines of the sentences (a line break after each, spaces up to the offset of a sentence's first
//! token), and each annotation covers the tokens (or sub-tokens) whose columns name it, joined by its number
//! (`Claim[3]`) across tokens. Offsets count UTF-16 code units. Span layers are read; relation and chain layers
//! are reported and left out.

use std::collections::{BTreeMap, HashMap};

use super::inception::Read;

/// Whether `text` is a WebAnno TSV 3 file.
pub fn looks_like(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').starts_with("#FORMAT=WebAnno TSV 3")
}

/// One column of the file: the layer it belongs to and the feature it holds (none for a layer without
/// features, whose column only marks where its annotations are).
struct Column {
    /// Index in the reader's list of layers.
    layer: usize,
    feature: Option<String>,
    /// Whether it belongs to a span layer; the columns of relation and chain layers are skipped.
    span: bool,
}

/// An annotation being read: UTF-16 offsets into the text built so far.
struct Building {
    layer: usize,
    begin: usize,
    end: usize,
    features: BTreeMap<String, String>,
    line: usize,
}

/// The text of `tsv` (the file `file`), its annotations in code points, and warnings; or why it cannot be read.
pub fn read(tsv: &str, file: &str) -> Result<(String, Vec<Read>, Vec<String>), String> {
    let mut lines = tsv.trim_start_matches('\u{feff}').split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let mut warnings = Vec::new();
    let format = lines.next().unwrap_or_default();
    if !looks_like(format) {
        return Err(format!("{file} line 1: not a WebAnno TSV 3 file (it should begin with #FORMAT=WebAnno TSV 3)"));
    }
    let mut columns = Vec::new();
    let mut layers: Vec<String> = Vec::new();
    let mut number = 1;
    for line in lines.by_ref() {
        number += 1;
        let Some((kind, rest)) = line.split_once('=').filter(|_| line.starts_with("#T_")) else { break };
        let mut fields = rest.split('|');
        let layer = fields.next().unwrap_or_default().to_owned();
        let span = kind == "#T_SP";
        if !span {
            warnings.push(format!("{file} line {number}: the {} layer {layer} is left out", kind_name(kind)));
        }
        let features: Vec<&str> = fields.collect();
        let index = layers.len();
        layers.push(layer);
        if features.is_empty() {
            columns.push(Column { layer: index, feature: None, span });
        }
        for feature in features {
            let feature = (!feature.is_empty()).then(|| feature.to_owned());
            columns.push(Column { layer: index, feature, span });
        }
    }
    let mut reader = Reader { columns, layers, ..Reader::default() };
    let mut sentence = String::new();
    let mut in_header = false;
    let mut in_sentence = false;
    for line in lines {
        number += 1;
        if line.is_empty() {
            in_header = false;
            in_sentence = false;
            continue;
        }
        if line.starts_with('#') && !in_sentence {
            in_header = true;
            if let Some(text) = line.strip_prefix("#Text=") {
                sentence.push_str(&unescape_text(text));
                sentence.push('\n');
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let wanted = reader.columns.len() + 3;
        if fields.len() < wanted {
            return Err(format!("{file} line {number}: {} fields where there should be {wanted}", fields.len()));
        }
        let offsets = fields[1].split_once('-').and_then(|(b, e)| Some((b.parse().ok()?, e.parse().ok()?)));
        let Some((begin, end)) = offsets.filter(|(b, e): &(usize, usize)| b <= e) else {
            return Err(format!("{file} line {number}: {:?} is not a begin-end offset", fields[1]));
        };
        if in_header {
            reader.start_sentence(begin, &sentence);
            sentence.clear();
            in_header = false;
        } else if !in_sentence {
            return Err(format!("{file} line {number}: a token line outside a sentence (no #Text= line before it)"));
        }
        in_sentence = true;
        reader.unit(&fields, begin, end, number);
    }
    let (text, annotations) = reader.finish(file, &mut warnings);
    Ok((text, annotations, warnings))
}

fn kind_name(kind: &str) -> &'static str {
    match kind {
        "#T_RL" => "relation",
        "#T_CH" => "chain",
        _ => "unknown",
    }
}

#[derive(Default)]
struct Reader {
    columns: Vec<Column>,
    /// The layers' type names, in the order of the header.
    layers: Vec<String>,
    /// The text rebuilt so far, and its length in UTF-16 code units.
    text: String,
    length: usize,
    annotations: Vec<Building>,
    /// Annotations by layer and number, to extend over later tokens.
    numbered: HashMap<(usize, u64), usize>,
    /// Annotations of the current unit by layer and place in the stack of its column.
    unit: HashMap<(usize, usize), usize>,
}

impl Reader {
    /// Adds a sentence's text, whose first token begins at `begin`, as INCEpTION's reader does: a sentence that
    /// follows without a gap takes back the line break after the one before; a gap is filled with spaces.
    fn start_sentence(&mut self, begin: usize, sentence: &str) {
        if self.length > begin && self.text.ends_with('\n') {
            self.text.pop();
            self.length -= 1;
        }
        while self.length < begin {
            self.text.push(' ');
            self.length += 1;
        }
        self.text.push_str(sentence);
        self.length += sentence.encode_utf16().count();
    }

    /// Reads the columns of one token or sub-token line.
    fn unit(&mut self, fields: &[&str], begin: usize, end: usize, line: usize) {
        self.unit.clear();
        for (index, column) in self.columns.iter().enumerate() {
            let raw = fields[index + 3];
            if !column.span || raw == "_" {
                continue;
            }
            for (stack, value) in split_unescaped(raw, '|').into_iter().enumerate() {
                let (value, id) = numbered(value);
                let key = (column.layer, stack);
                let existing = self.unit.get(&key).copied().or_else(|| {
                    let at = *self.numbered.get(&(column.layer, id?))?;
                    self.annotations[at].end = end;
                    Some(at)
                });
                let at = existing.unwrap_or_else(|| {
                    self.annotations.push(Building {
                        layer: column.layer,
                        begin,
                        end,
                        features: BTreeMap::new(),
                        line,
                    });
                    self.annotations.len() - 1
                });
                self.unit.insert(key, at);
                if let Some(id) = id {
                    self.numbered.insert((column.layer, id), at);
                }
                // Every token of an annotation repeats its values (INCEpTION's writer writes the same on each), so
                // the first token's are taken and the rest not parsed again.
                if let Some(feature) = &column.feature
                    && value != "*"
                    && !self.annotations[at].features.contains_key(feature)
                {
                    self.annotations[at].features.insert(feature.clone(), unescape_value(value));
                }
            }
        }
    }

    /// The text and the annotations in code points of it.
    fn finish(self, file: &str, warnings: &mut Vec<String>) -> (String, Vec<Read>) {
        // Code point offset of each UTF-16 offset that starts a character.
        let units = crate::export::units::Units::new(&self.text, crate::export::units::Unit::Utf16);
        let mut out = Vec::new();
        for b in self.annotations {
            let origin = format!("{file} line {}", b.line);
            match (units.back(b.begin), units.back(b.end)) {
                (Some(start), Some(end)) => {
                    let layer = self.layers.get(b.layer).cloned().unwrap_or_default();
                    out.push(Read { layer, start, end, features: b.features, origin });
                }
                _ => warnings
                    .push(format!("{origin}: an annotation falls inside a character or past the text; left out")),
            }
        }
        (self.text, out)
    }
}

/// `value` split at each `separator` that no backslash escapes.
fn split_unescaped(value: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut from = 0;
    let mut escaped = false;
    for (i, c) in value.char_indices() {
        if c == separator && !escaped {
            parts.push(&value[from..i]);
            from = i + c.len_utf8();
        }
        escaped = c == '\\' && !escaped;
    }
    parts.push(&value[from..]);
    parts
}

/// A value and the annotation number at its end (`Claim[3]`), if it has one.
fn numbered(value: &str) -> (&str, Option<u64>) {
    if value.ends_with(']')
        && !value.ends_with("\\]")
        && let Some(open) = value.rfind('[')
        && let Ok(id) = value[open + 1..value.len() - 1].parse()
    {
        return (&value[..open], Some(id));
    }
    (value, None)
}

/// A feature value with INCEpTION's escapes undone.
fn unescape_value(value: &str) -> String {
    unescape(value, |next| match next {
        '\\' | '[' | ']' | '|' | '_' | ';' | '*' | '-' => Some(next),
        't' => Some('\t'),
        'n' => Some('\n'),
        _ => None,
    })
}

/// A `#Text=` line's text with INCEpTION's escapes undone (TSV 3.2 and later).
fn unescape_text(text: &str) -> String {
    unescape(text, |next| match next {
        't' => Some('\t'),
        'n' => Some('\n'),
        'f' => Some('\u{c}'),
        'r' => Some('\r'),
        'b' => Some('\u{8}'),
        '\\' | '\u{0}'..='\u{7}' | '\u{e}'..='\u{1f}' => Some(next),
        _ => None,
    })
}

/// `text` with each backslash and the character after it replaced by what `escaped` makes of that character; a
/// backslash before anything else stays.
fn unescape(text: &str, escaped: impl Fn(char) -> Option<char>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek().copied().filter(|_| c == '\\').and_then(&escaped) {
            Some(u) => {
                out.push(u);
                chars.next();
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_split_at_unescaped_bars_and_keep_their_numbers() {
        assert_eq!(split_unescaped(r"a\|b[1]|c[2]", '|'), [r"a\|b[1]", "c[2]"]);
        assert_eq!(numbered("Claim[3]"), ("Claim", Some(3)));
        assert_eq!(numbered(r"x\]"), (r"x\]", None));
        assert_eq!(unescape_value(r"Said \_no\_ \-> \[1\]\\"), r"Said _no_ -> [1]\");
        assert_eq!(unescape_text(r"a\tb\\c\f"), "a\tb\\c\u{c}");
    }

    #[test]
    fn sentences_rebuild_the_text_with_line_breaks_and_gaps() {
        let tsv = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n#Text=He 😀 .\n1-1\t0-2\tHe\t*[1]\t\n\
                   1-2\t3-5\t😀\t*[1]\t\n\n#Text=She\n2-1\t9-12\tShe\tX\t\n";
        let (text, annotations, warnings) = read(tsv, "t.tsv").unwrap();
        assert_eq!(text, "He 😀 .\n She\n");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!((annotations[0].start, annotations[0].end), (0, 4));
        assert_eq!((annotations[1].start, annotations[1].end), (8, 11));
        assert_eq!(annotations[1].features["value"], "X");
    }
}
