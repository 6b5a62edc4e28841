//! Paragraphs, sentences, words and quotations of a text as byte ranges: the ground the suggesters stand on.
//!
//! Everything here works in UTF-8 byte offsets of the whole text; `suggest::mod` turns them into code points
//! once, at the end.

use unicode_segmentation::UnicodeSegmentation as _;

/// A byte range `start..end` of the text.
pub type Range = (usize, usize);

/// The non-empty lines of `text` (a paragraph per line, as Gloss stores bodies), trimmed of white space.
pub fn paragraphs(text: &str) -> Vec<Range> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        if let Some(range) = trim(text, (start, end)) {
            out.push(range);
        }
        start = end;
    }
    out
}

/// `range` without the white space at either end, or `None` when nothing else is in it.
pub fn trim(text: &str, (start, end): Range) -> Option<Range> {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    (!trimmed.is_empty()).then(|| (start + lead, start + lead + trimmed.len()))
}

/// A word or a punctuation mark: its byte range and text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    /// Where it starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// Its text.
    pub text: &'t str,
}

impl Token<'_> {
    /// Whether it holds a letter or a digit (a word, not a mark).
    pub fn is_word(&self) -> bool {
        self.text.chars().any(char::is_alphanumeric)
    }

    /// Whether it starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word in lower case, with a curly apostrophe read as a straight one.
    pub fn lower(&self) -> String {
        self.text.to_lowercase().replace('’', "'")
    }
}

/// The words and marks of `range` by Unicode word boundaries (UAX #29), white space left out.
pub fn tokens(text: &str, (start, end): Range) -> Vec<Token<'_>> {
    text[start..end]
        .split_word_bound_indices()
        .filter(|(_, s)| !s.trim().is_empty())
        .map(|(at, s)| Token {
            start: start + at,
            end: start + at + s.len(),
            text: &text[start + at..start + at + s.len()],
        })
        .collect()
}

/// A quotation: the marks included; `closed` is false when the paragraph ends before its closing mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Where the opening mark starts.
    pub start: usize,
    /// Where the closing mark ends, or the end of the paragraph.
    pub end: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
}

/// The closing marks that end a quotation opened by `open`.
fn closers(open: &str) -> &'static [&'static str] {
    match open {
        "“" => &["”", "“", "\""],
        "„" => &["“", "”"],
        "«" => &["»"],
        "»" => &["«"],
        "‹" => &["›"],
        "「" => &["」"],
        "『" => &["』"],
        "‘" => &["’"],
        "''" => &["''", "”"],
        "``" => &["''"],
        _ => &["\"", "”"],
    }
}

const OPENERS: [&str; 11] = ["“", "„", "«", "»", "‹", "「", "『", "‘", "''", "``", "\""];

/// The quotations of one paragraph, in order, not nested: an inner quotation stays part of the outer one.
pub fn quotes(text: &str, (start, end): Range) -> Vec<Quote> {
    let para = &text[start..end];
    let mut out = Vec::new();
    let mut at = 0;
    while at < para.len() {
        let rest = &para[at..];
        let Some(open) = OPENERS.iter().find(|o| rest.starts_with(**o)).filter(|o| opens_here(para, at, o)) else {
            at += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let body = at + open.len();
        let close = find_closer(para, body, open);
        let (quote_end, closed) = match close {
            Some((c, len)) => (c + len, true),
            None => (para.len(), false),
        };
        // An opener with nothing quoted after it (a stray mark at the end) is no quotation.
        if para[body..quote_end].chars().any(char::is_alphanumeric) && (closed || open != &"‘") {
            out.push(Quote { start: start + at, end: start + quote_end, closed });
        }
        at = quote_end.max(body);
    }
    out
}

/// Whether the mark `open` at byte `at` opens a quotation: a single curly quote and the straight ones only at a
/// word's start, so that apostrophes ("O’Malley’s", "rock 'n' roll") are not read as quotations.
fn opens_here(para: &str, at: usize, open: &str) -> bool {
    let before = para[..at].chars().next_back();
    let after = para[at + open.len()..].chars().next();
    let at_word_start = before.is_none_or(|c| c.is_whitespace() || "([{—–-/:".contains(c));
    match open {
        "‘" | "\"" | "''" => at_word_start && after.is_some_and(|c| !c.is_whitespace()),
        _ => after.is_some_and(|c| !c.is_whitespace()) || at_word_start,
    }
}

/// The byte position and length of the mark that closes a quotation whose text starts at `from`.
fn find_closer(para: &str, from: usize, open: &str) -> Option<(usize, usize)> {
    let candidates = closers(open);
    let mut at = from;
    while at < para.len() {
        let rest = &para[at..];
        if let Some(close) = candidates.iter().find(|c| rest.starts_with(**c)) {
            let after = rest[close.len()..].chars().next();
            // A closing single quote followed by a letter is an apostrophe ("don’t").
            let apostrophe = (*close == "’" || *close == "''") && after.is_some_and(char::is_alphanumeric);
            // “ also opens; it closes only where no word follows it directly (German „…“ and misuse alike).
            let reopens =
                *close == "“" && open == "“" && after.is_some_and(|c| !c.is_whitespace() && !".,;:!?)".contains(c));
            if !apostrophe && !reopens && at > from {
                return Some((at, close.len()));
            }
        }
        at += rest.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 40] = [
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr", "no",
    "vs", "v", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "rev", "pres",
];

/// The sentences of a paragraph. A quotation is never cut: sentences inside one stay together, so that "“A. B,”
/// he said." is one sentence, and a quotation's own stop does not end the sentence, so that "“Why?” Trump asked."
/// keeps the question with its speaker.
pub fn sentences(text: &str, para: Range, quotes: &[Quote]) -> Vec<Range> {
    let mut out = Vec::new();
    let mut start = para.0;
    let toks = tokens(text, para);
    for (i, tok) in toks.iter().enumerate() {
        // A quotation's own stop ends the sentence only when another quotation opens right after it ("…
        // services.” “This will …”").
        let quote_stop = quotes.iter().any(|q| q.end == tok.end)
            && i.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| matches!(p.text, "." | "!" | "?"))
            && toks.get(i + 1).is_some_and(|n| quotes.iter().any(|q| q.start == n.start));
        let stop =
            matches!(tok.text, "." | "!" | "?") && !quotes.iter().any(|q| q.start < tok.start && tok.end < q.end);
        if !(stop || quote_stop) {
            continue;
        }
        // The closing marks right after the stop belong to this sentence.
        let mut end = tok.end;
        let mut j = i + 1;
        while let Some(next) = toks.get(j) {
            let closes_quote = quotes.iter().any(|q| q.end == next.end);
            let opens_quote = quotes.iter().any(|q| q.start == next.start);
            if closes_quote || !opens_quote && matches!(next.text, ")" | "”" | "’" | "»" | "\"") {
                end = next.end;
                j += 1;
            } else {
                break;
            }
        }
        let Some(next) = toks.get(j) else { continue };
        let next_starts = next.is_capitalized() || next.text.chars().next().is_some_and(|c| !c.is_alphanumeric());
        let prev = i.checked_sub(1).and_then(|p| toks.get(p));
        let abbreviation = tok.text == "."
            && prev.is_some_and(|p| {
                p.end == tok.start
                    && (ABBREVIATIONS.contains(&p.lower().as_str())
                        || p.text.chars().count() == 1 && p.is_capitalized())
            });
        if next_starts && !abbreviation && next.start > end {
            out.push((start, end));
            start = next.start;
        }
    }
    if let Some(last) = trim(text, (start, para.1)) {
        out.push(last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        quotes(text, (0, text.len())).iter().map(|q| &text[q.start..q.end]).collect()
    }

    #[test]
    fn quotes_of_every_style_are_found_and_apostrophes_are_not() {
        assert_eq!(quoted("“We agree,” Lavrov said."), ["“We agree,”"]);
        assert_eq!(quoted("Er sagte: „Wir kommen.“ Dann ging er."), ["„Wir kommen.“"]);
        assert_eq!(quoted("Il a dit « non » hier."), ["« non »"]);
        assert_eq!(quoted("彼は「行く」と言った。"), ["「行く」"]);
        assert_eq!(quoted("O’Malley’s staff don’t say ‘never’."), ["‘never’"]);
        assert_eq!(quoted("He said \"yes\" and ''no.''"), ["\"yes\"", "''no.''"]);
        assert_eq!(quoted("“Left open across the paragraph"), ["“Left open across the paragraph"]);
    }

    #[test]
    fn sentences_keep_quotations_whole_and_skip_abbreviations() {
        let text = "“A. B,” Mr. Smith said. He left. “C.” Then Dan left. He said “E.” “F,” she said.";
        let para = (0, text.len());
        let q = quotes(text, para);
        let got: Vec<&str> = sentences(text, para, &q).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            got,
            ["“A. B,” Mr. Smith said.", "He left.", "“C.” Then Dan left.", "He said “E.”", "“F,” she said."]
        );
    }
}
