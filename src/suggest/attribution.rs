//! Who said what: attributions of direct quotations and reported speech in English news, found by rules over
//! the words around reporting verbs ("“…,” Lavrov said.", "X said that …", "according to X, …").
//!
//! A sentence is read around each cue: the speaker is the noun phrase before the verb (or after it, in "said
//! Lavrov" and "according to Lavrov"), the content is the quotation or clause on the other side. A quotation
//! without a cue that follows a quoted speaker within the next paragraph continues that speaker's quote, as news
//! style writes it.

use super::cues::{
    AFTER_VERB, AUXILIARIES, CLAUSE_WORDS, CueKind, DETERMINERS, ORGANISATION_WORDS, PRONOUNS, TITLES, cue_kind,
};
use super::text::{Quote, Range, Token, paragraphs, quotes, sentences, tokens, trim};

/// One attribution: what was said (one or more ranges), by whom, with which words. Byte ranges of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// What is attributed; several ranges for a quotation split by its cue ("“A,” he said. “B.”").
    pub content: Vec<Range>,
    /// The words that name the speaker.
    pub source: Option<Range>,
    /// The attributing words.
    pub cue: Option<Range>,
    /// The speaker's name, pronouns and titles resolved to the last person named.
    pub speaker: Option<String>,
    /// Whether the content is quoted directly.
    pub direct: bool,
    paragraph: usize,
}

/// A sentence being read: its tokens and, per token, the quotation it lies in.
struct Sentence<'t> {
    range: Range,
    toks: Vec<Token<'t>>,
    /// Each token in lower case, computed once: the rules ask for it many times.
    lowers: Vec<String>,
    quote_of: Vec<Option<usize>>,
}

impl Sentence<'_> {
    fn lower(&self, i: usize) -> String {
        self.lowers.get(i).cloned().unwrap_or_default()
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        self.lowers.get(i).is_some_and(|w| words.contains(&w.as_str()))
    }

    fn quoted(&self, i: usize) -> bool {
        self.quote_of.get(i).is_some_and(Option::is_some)
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_word) && !self.quoted(i)
    }

    fn mark(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text)
    }

    /// The byte range from token `a` to the end of token `b - 1`.
    fn span(&self, a: usize, b: usize) -> Option<Range> {
        (a < b && b <= self.toks.len()).then(|| (self.toks[a].start, self.toks[b - 1].end))
    }
}

/// Every attribution of `text`, in reading order.
pub fn attributions(text: &str) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    let mut last_person: Option<String> = None;
    for (p, para) in paragraphs(text).into_iter().enumerate() {
        let qs = quotes(text, para);
        // A cue that ended the last paragraph with a colon introduces this one.
        if let Some(last) = out.last_mut().filter(|a| a.content.is_empty()) {
            let quote = qs.first().filter(|q| q.start == para.0).map(|q| (q.start, q.end));
            last.direct = quote.is_some();
            last.content.push(quote.unwrap_or(para));
        }
        let mut used = vec![false; qs.len()];
        for range in sentences(text, para, &qs) {
            let toks = tokens(text, range);
            let quote_of = toks.iter().map(|t| qs.iter().position(|q| q.start <= t.start && t.end <= q.end)).collect();
            let lowers = toks.iter().map(Token::lower).collect();
            let s = Sentence { range, toks, lowers, quote_of };
            let headed = if range.0 == para.0 { headline(text, &s, &qs) } else { None };
            let found = headed.into_iter().chain((0..s.toks.len()).filter_map(|i| read_at(text, &s, i, &qs)));
            let mut speaker_here: Option<(Range, Option<String>)> = None;
            for mut found in found.collect::<Vec<_>>() {
                for (n, q) in qs.iter().enumerate() {
                    if found.content.iter().any(|&(a, b)| a <= q.start && q.end <= b) {
                        used[n] = true;
                    }
                }
                found.speaker = found.source.and_then(|r| speaker_name(text, r, &mut last_person));
                // ", stating that …" after a quotation speaks for the speaker of that quotation.
                if let (None, Some((source, speaker))) = (found.source, &speaker_here) {
                    found.source = Some(*source);
                    found.speaker.clone_from(speaker);
                }
                if let Some(source) = found.source {
                    speaker_here = Some((source, found.speaker.clone()));
                }
                found.paragraph = p;
                out.push(found);
            }
        }
        continue_quotes(text, &qs, &used, p, &mut out);
    }
    out.retain(|a| !a.content.is_empty());
    out
}

/// Quotations no cue claimed: a continuation of the last direct quote when it is at most a paragraph back, or a
/// quotation of the speaker who was just reported in the same paragraph ("The minister reminded that … “…”").
fn continue_quotes(text: &str, qs: &[Quote], used: &[bool], p: usize, out: &mut Vec<Attribution>) {
    for (q, _) in qs.iter().zip(used).filter(|(_, used)| !**used) {
        let words = text[q.start..q.end].split_whitespace().count();
        let Some(last) = out.last_mut() else { continue };
        let after_last = last.content.last().is_some_and(|r| r.1 <= q.start);
        if words < 3 || !after_last {
            continue;
        }
        if last.direct && p - last.paragraph <= 1 {
            last.content.push((q.start, q.end));
            last.paragraph = p;
        } else if p == last.paragraph && last.source.is_some() {
            let quoted = Attribution { content: vec![(q.start, q.end)], cue: None, direct: true, ..last.clone() };
            out.push(quoted);
        }
    }
}

/// What follows a verb (or the speaker after it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Follows {
    /// The sentence ends: the content stood before ("…, Lavrov said.").
    Nothing,
    /// A phrase of time, place or manner: "said in an interview", "said on Friday".
    Phrase,
    /// The content: "said that …", "said, “…”", "said the plan failed".
    Clause,
}

impl Follows {
    fn of(s: &Sentence<'_>, k: usize) -> Self {
        match s.mark(k) {
            "" | "." | "!" | "?" | ";" | ")" => Follows::Nothing,
            ":" => Follows::Clause,
            "," if s.quoted(k + 1) || s.is(k + 1, &["that"]) => Follows::Clause,
            "," => Follows::Nothing,
            _ if s.is(k, AFTER_VERB) => Follows::Phrase,
            _ => Follows::Clause,
        }
    }
}

/// Determiners and prepositions before which a cue word is a noun ("the report", "his support", "in support").
const NOUN_BEFORE: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its", "our", "this", "no", "any", "of", "in", "with", "without"];

/// Words that open a sentence without being its subject ("Given that …, Lavrov was asked").
const OPENERS: &[&str] = &[
    "given",
    "regarding",
    "despite",
    "asked",
    "speaking",
    "following",
    "amid",
    "meanwhile",
    "however",
    "still",
    "yet",
    "now",
    "but",
    "and",
    "so",
    "instead",
    "indeed",
    "later",
    "earlier",
    "first",
    "then",
    "also",
    "here",
    "there",
    "today",
    "yesterday",
    "asked",
    "pressed",
    "told",
    "told",
    "last",
    "next",
];

/// The attribution whose cue starts at token `i`, if it is one.
fn read_at(text: &str, s: &Sentence<'_>, i: usize, qs: &[Quote]) -> Option<Attribution> {
    if !s.is_word(i) {
        return None;
    }
    let tok = s.toks[i];
    let lower = &s.lowers[i];
    let kind = cue_kind(lower, s.lowers.get(i + 1).map(String::as_str))?;
    let initial = i == 0;
    // A cue is a lower-case verb ("Said Jane Doe, …" opens a sentence), not a noun after a determiner.
    if (tok.is_capitalized() && kind != CueKind::According && !initial) || (i > 0 && s.is(i - 1, NOUN_BEFORE)) {
        return None;
    }
    if kind == CueKind::According {
        return according(s, i, qs);
    }
    let after = i + 1;
    if kind == CueKind::Weak && !(s.is(after, &["that"]) || s.mark(after) == ":" || s.quoted(after)) {
        return None;
    }
    // ", saying that …": a participle after a comma speaks for the sentence's subject.
    let participle = lower.ends_with("ing") && i > 0 && s.mark(i - 1) == ",";
    let before = if participle || initial { None } else { source_before(s, i) };
    let inverted = if before.is_none() && !participle { source_after(s, after) } else { None };
    let (source, source_start, rest) = match (before, inverted) {
        (Some((a, b)), _) => (s.span(a, b), a, after),
        (None, Some((a, b))) => (s.span(a, b), i, b),
        (None, None) => {
            let named = if initial { None } else { comma_source(s, i).or_else(|| sentence_subject(s, i)) };
            (named.and_then(|(a, b)| s.span(a, b)), i, after)
        }
    };
    // "told reporters." and "said sarcastically," end like "said.": what follows is no content.
    let mut rest = rest;
    if kind == CueKind::Hearer
        && !s.is(rest, &["that"])
        && let Some((_, b)) = np_forward(s, rest).filter(|&(_, b)| Follows::of(s, b) != Follows::Clause)
    {
        rest = b;
    }
    while s.is_word(rest) && (s.lower(rest).ends_with("ly") || s.is(rest, &["however"])) {
        rest += 1;
    }
    let follows = Follows::of(s, rest);
    if s.mark(rest) == ":" && rest + 1 == s.toks.len() {
        // "McDonald wrote:" ending a paragraph: the content is the next one (see `attributions`).
        return source.map(|source| Attribution {
            content: Vec::new(),
            source: Some(source),
            cue: s.span(i, i + 1),
            speaker: None,
            direct: false,
            paragraph: 0,
        });
    }
    let opening_quote = quote_before(s, source_start, qs).filter(|_| !introduces(s, rest));
    let content = match (opening_quote, follows) {
        (Some(quote), _) => Some((vec![quote], true)),
        (None, Follows::Clause) => content_after(text, s, rest, kind, qs),
        (None, Follows::Nothing) => content_before(text, s, source_start, qs)
            .filter(|(r, _)| !(s.mark(rest) == "," && words(text, r) < 4))
            .or_else(|| (s.mark(rest) == ",").then(|| content_after(text, s, rest, kind, qs)).flatten()),
        (None, Follows::Phrase) => {
            content_before(text, s, source_start, qs).or_else(|| content_after(text, s, rest, kind, qs))
        }
    }?;
    if source.is_none() && !content.1 {
        return None;
    }
    Some(Attribution {
        content: content.0,
        source,
        cue: s.span(i, i + 1),
        speaker: None,
        direct: content.1,
        paragraph: 0,
    })
}

/// A headline's "Name: what they said" ("Issa: Clinton’s ‘Honesty Is In Question.’").
fn headline(text: &str, s: &Sentence<'_>, qs: &[Quote]) -> Option<Attribution> {
    let colon = (1..=5.min(s.toks.len())).find(|&k| s.mark(k) == ":")?;
    let named = (0..colon).all(|k| s.is_word(k) || matches!(s.mark(k), "." | "-" | "’s" | "'s"))
        && s.toks.first().is_some_and(Token::is_capitalized)
        && (0..colon).filter(|&k| s.is_word(k) && !s.toks[k].is_capitalized()).count() <= 1
        && !s.is(
            0,
            &[
                "update",
                "photo",
                "video",
                "note",
                "related",
                "source",
                "image",
                "watch",
                "breaking",
                "live",
                "exclusive",
                "opinion",
                "analysis",
                "correction",
                "editor's",
                "read",
                "see",
                "also",
                "tags",
                "filed",
                "published",
                "posted",
                "updated",
            ],
        );
    let content = trim(text, (s.toks.get(colon + 1)?.start, s.range.1)).map(|r| end_of_clause(s, r))?;
    let words = text[content.0..content.1].split_whitespace().count();
    (named && words >= 3).then(|| Attribution {
        content: vec![content],
        source: s.span(0, colon),
        cue: s.span(colon, colon + 1),
        speaker: None,
        direct: qs.iter().any(|q| (q.start, q.end) == content),
        paragraph: 0,
    })
}

/// A speaker between two commas when the apposition reading fails: "After winning Ohio, Gov. John Kasich (R-OH),
/// said, “…”". Only a phrase with a capital past its first word counts, so that a clause is never read as one.
fn comma_source(s: &Sentence<'_>, i: usize) -> Option<(usize, usize)> {
    let prev = i.checked_sub(1).filter(|&p| s.mark(p) == ",")?;
    let (a, b) = np_back(s, prev)?;
    ((a + 1..b).any(|k| s.is_word(k) && s.toks[k].is_capitalized())).then_some((a, b))
}

/// The sentence's subject, for a verb that shares it with an earlier one ("Clinton celebrated … and said …").
fn sentence_subject(s: &Sentence<'_>, i: usize) -> Option<(usize, usize)> {
    let (a, b) = np_forward(s, 0)?;
    let named = (s.toks[a].is_capitalized() || s.is(a, PRONOUNS) || s.is(a, DETERMINERS)) && !s.is(a, OPENERS);
    (named && b < i).then_some((a, b))
}

/// "according to X, …" and "…, according to X".
fn according(s: &Sentence<'_>, i: usize, qs: &[Quote]) -> Option<Attribution> {
    let a = i + 2;
    let b = (a..s.toks.len()).find(|&k| matches!(s.mark(k), "," | "." | ";" | "!" | "?" | ":")).unwrap_or(s.toks.len());
    if !(a < b && s.is_word(a)) {
        return None;
    }
    let content = if i == 0 {
        let from = if s.mark(b) == "," { b + 1 } else { b };
        s.span(from, s.toks.len()).map(|r| end_of_clause(s, r))
    } else {
        s.span(0, i).map(|r| strip_comma(s, r))
    }?;
    let direct = qs.iter().any(|q| (q.start, q.end) == content);
    Some(Attribution {
        content: vec![content],
        source: s.span(a, b),
        cue: s.span(i, i + 2),
        speaker: None,
        direct,
        paragraph: 0,
    })
}

/// The quotation that opens the sentence and ends right before the speaker: "“…,” Lavrov said". A quotation
/// further on is a title ("on Fox News’ “Hannity,” Newt Gingrich said …"), not what was said.
fn quote_before(s: &Sentence<'_>, source_start: usize, qs: &[Quote]) -> Option<Range> {
    let prev = source_start.checked_sub(1)?;
    let q = s.quote_of[prev]?;
    let opens = (0..prev).take_while(|&k| s.quote_of[k] != Some(q)).all(|k| s.quoted(k) || !s.toks[k].is_word());
    opens.then(|| (qs[q].start, qs[q].end))
}

/// Whether the words at `k` introduce content: "that", a colon, a quotation.
fn introduces(s: &Sentence<'_>, k: usize) -> bool {
    s.is(k, &["that"]) || s.mark(k) == ":" || s.quoted(k) || (s.mark(k) == "," && s.quoted(k + 1))
}

/// The number of words in a byte range.
fn words(text: &str, ranges: &[Range]) -> usize {
    ranges.iter().map(|&(a, b)| text[a..b].split_whitespace().count()).sum()
}

/// The clause before the speaker: "Russia is ready, Lavrov said in an interview".
fn content_before(text: &str, s: &Sentence<'_>, source_start: usize, qs: &[Quote]) -> Option<(Vec<Range>, bool)> {
    let prev = source_start.checked_sub(1)?;
    if s.quoted(prev) || !matches!(s.mark(prev), "," | "—" | "–") || prev == 0 {
        return None;
    }
    let range = trim(text, (s.range.0, s.toks[prev].start))?;
    let direct = qs.iter().any(|q| (q.start, q.end) == range);
    Some((vec![range], direct))
}

/// The content after the verb: "said that …", "told reporters …", "said: “…”".
fn content_after(text: &str, s: &Sentence<'_>, from: usize, kind: CueKind, qs: &[Quote]) -> Option<(Vec<Range>, bool)> {
    let mut j = from;
    let that_within = |j: usize, n: usize| {
        (j..(j + n).min(s.toks.len())).take_while(|&k| s.mark(k) != ",").find(|&k| s.is(k, &["that"]))
    };
    if kind == CueKind::Hearer || s.is(j, AFTER_VERB) {
        j = match that_within(j, 12) {
            Some(k) => k + 1,
            None if kind == CueKind::Hearer => np_forward(s, j).map_or(j + 1, |(_, b)| b),
            None => skip_phrase(s, j),
        };
    }
    while matches!(s.mark(j), "," | ":" | "—" | "–") || s.is(j, &["that"]) {
        j += 1;
    }
    let first = s.toks.get(j)?;
    if let Some(q) = s.quote_of[j] {
        // A quotation right after the verb is the content, with the quotations that follow it in the sentence.
        let mut ranges = vec![(qs[q].start, qs[q].end)];
        let mut k = j;
        while k < s.toks.len() && s.quote_of[k].is_some() {
            k += 1;
        }
        let tail = trim(text, (qs[q].end, s.range.1)).map(|r| &text[r.0..r.1]);
        if tail.is_none_or(|t| t.chars().all(|c| !c.is_alphanumeric())) {
            return Some((ranges, true));
        }
        ranges.clear();
        ranges.push(end_of_clause(s, (first.start, s.range.1)));
        return Some((ranges, false));
    }
    let range = end_of_clause(s, (first.start, s.range.1));
    (range.0 < range.1 && first.is_word()).then(|| (vec![range], false))
}

/// The token after a phrase of time or place that follows a verb ("said on Friday he met …"): the preposition,
/// a determiner and the words up to a pronoun, a determiner, "that", a comma or a quotation.
fn skip_phrase(s: &Sentence<'_>, from: usize) -> usize {
    let mut j = from + 1;
    if s.is(j, DETERMINERS) {
        j += 1;
    }
    while j < s.toks.len()
        && j - from < 7
        && s.is_word(j)
        && !s.is(j, PRONOUNS)
        && !s.is(j, DETERMINERS)
        && !s.is(j, &["that"])
    {
        j += 1;
    }
    j
}

/// `range` without the sentence's final stop (a stop inside a quotation stays with it).
fn end_of_clause(s: &Sentence<'_>, (start, end): Range) -> Range {
    match s.toks.last() {
        Some(t) if t.end == end && matches!(t.text, "." | "!" | "?") && t.start > start => (start, t.start),
        _ => (start, end),
    }
}

/// `range` without a comma at its end.
fn strip_comma(s: &Sentence<'_>, (start, end): Range) -> Range {
    match s.toks.iter().rfind(|t| t.end == end) {
        Some(t) if t.text == "," && t.start > start => (start, t.start),
        _ => (start, end),
    }
}

/// The speaker before the verb at `i`, as a token range: "Lavrov", "Spokeswoman Haley Morris", "Williams, who is
/// running, added".
fn source_before(s: &Sentence<'_>, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    while j > 0 && s.is_word(j - 1) && s.is(j - 1, AUXILIARIES) {
        j -= 1;
    }
    let prev = j.checked_sub(1)?;
    if matches!(s.mark(prev), "," | "—" | "–") && !s.quoted(prev) {
        // "X, a spokesman for Y, said" and "X — a, b — said": the name before the apposition, with it. The
        // apposition may hold commas of its own ("a delegate from Houston, Texas,").
        let dash = s.mark(prev) != ",";
        let opens = |k: usize| {
            let mark = s.mark(k);
            !s.quoted(k) && if dash { mark == "—" || mark == "–" } else { mark == "," }
        };
        let apposition =
            (0..prev).rev().filter(|&k| opens(k)).take(3).find(|&k| {
                dash || s.toks.get(k + 1).is_some_and(|t| !t.is_capitalized()) || s.is(k + 1, DETERMINERS)
            })?;
        let (a, _) = np_back(s, apposition)?;
        return Some((a, prev));
    }
    np_back(s, j).map(|(a, _)| (a, j))
}

/// The noun phrase that ends before token `b`, read backwards.
fn np_back(s: &Sentence<'_>, b: usize) -> Option<(usize, usize)> {
    let mut a = b;
    while a > 0 && b - a < 10 {
        let k = a - 1;
        if s.quoted(k) {
            break;
        }
        if s.is_word(k) {
            let lower = s.lower(k);
            if PRONOUNS.contains(&lower.as_str()) || lower == "who" && a == b {
                if a == b {
                    a = k;
                }
                break;
            }
            if DETERMINERS.contains(&lower.as_str()) {
                a = k;
                // "critics of the plan": the phrase goes on through "of".
                if k >= 2 && s.is(k - 1, &["of", "for"]) && s.is_word(k - 2) && !s.is(k - 2, CLAUSE_WORDS) {
                    a = k - 1;
                    continue;
                }
                break;
            }
            if CLAUSE_WORDS.contains(&lower.as_str()) || lower.ends_with("ly") && !s.toks[k].is_capitalized() {
                break;
            }
            a = k;
        } else if s.mark(k) == ")" && a == b {
            // A party and state after a name: "Sen. Bernie Sanders (I-Vt.)".
            match (k.saturating_sub(8)..k).rev().find(|&o| s.mark(o) == "(") {
                Some(open) => a = open,
                None => break,
            }
        } else if matches!(s.mark(k), "." | "-" | "&") && k > 0 && s.is_word(k - 1) && a < b {
            a = k;
        } else {
            break;
        }
    }
    (a < b && (a..b).any(|k| s.is_word(k))).then_some((a, b))
}

/// The noun phrase that starts at token `a`: the speaker after "said" or "according to".
fn np_forward(s: &Sentence<'_>, a: usize) -> Option<(usize, usize)> {
    let first = s.toks.get(a)?;
    let lower = first.lower();
    if !(first.is_capitalized() || DETERMINERS.contains(&lower.as_str()) || PRONOUNS.contains(&lower.as_str()))
        || !s.is_word(a)
        || CLAUSE_WORDS.contains(&lower.as_str())
        || AFTER_VERB.contains(&lower.as_str())
    {
        return None;
    }
    let mut b = a + 1;
    while b < s.toks.len() && b - a < 12 {
        let word = s.is_word(b) && (!s.is(b, CLAUSE_WORDS) || s.is(b, &["of", "for"]));
        let name_stop = s.mark(b) == "."
            && s.toks.get(b + 1).is_some_and(Token::is_capitalized)
            && s.toks[b - 1].is_capitalized()
            && s.toks[b - 1].text.chars().count() <= 4;
        if !(word || name_stop || matches!(s.mark(b), "-" | "&" | "'s" | "’s")) {
            break;
        }
        b += 1;
    }
    Some((a, b))
}

/// The speaker "said Lavrov" names after the verb, when the verb follows a quotation or a comma.
fn source_after(s: &Sentence<'_>, after: usize) -> Option<(usize, usize)> {
    let (a, b) = np_forward(s, after)?;
    let ends = b >= s.toks.len() || matches!(s.mark(b), "," | "." | ";" | "!" | "?" | "(" | "—");
    ends.then_some((a, b))
}

/// The speaker's name from the words that name them: a person by the last word of their name ("Sergey Lavrov"
/// → "Lavrov"), an organisation in full, "he", "she" and "the minister" as the last person named.
fn speaker_name(text: &str, (start, end): Range, last_person: &mut Option<String>) -> Option<String> {
    let toks = tokens(text, (start, end));
    let head_end = toks.iter().position(|t| t.text == ",").unwrap_or(toks.len());
    let head = &toks[..head_end];
    let words: Vec<&Token<'_>> = head.iter().filter(|t| t.is_word()).collect();
    let first = words.first()?;
    let lower = first.lower();
    if words.len() == 1 && matches!(lower.as_str(), "he" | "she" | "him" | "her") {
        return last_person.clone();
    }
    let capital = |t: &&Token<'_>| t.is_capitalized() && !DETERMINERS.contains(&t.lower().as_str());
    let Some(last_cap) = words.iter().rposition(capital) else {
        let titled = words.iter().any(|t| TITLES.contains(&t.lower().as_str()));
        return if titled && DETERMINERS.contains(&lower.as_str()) { last_person.clone() } else { None };
    };
    let mut first_cap = last_cap;
    while first_cap > 0 && capital(&words[first_cap - 1]) {
        first_cap -= 1;
    }
    let strip = |w: &str| w.trim_end_matches("’s").trim_end_matches("'s").to_string();
    let run: Vec<String> = words[first_cap..=last_cap].iter().map(|t| strip(t.text)).collect();
    let tail_lower: Vec<String> = words[last_cap + 1..].iter().map(|t| t.lower()).collect();
    let after_the = first_cap > 0 && words[first_cap - 1].lower() == "the";
    if after_the && TITLES.contains(&run.last()?.to_lowercase().as_str()) {
        return last_person.clone();
    }
    let organisation = ORGANISATION_WORDS.contains(&run.last()?.to_lowercase().as_str())
        || tail_lower.iter().any(|w| ORGANISATION_WORDS.contains(&w.as_str()))
        || after_the;
    if organisation {
        let from = words[first_cap].start;
        let to = words.last().map_or(end, |t| t.end);
        return Some(strip(&text[from..to]));
    }
    let surname = run.iter().rev().find(|w| !matches!(w.as_str(), "Jr" | "Sr" | "II" | "III" | "IV"))?.clone();
    *last_person = Some(surname.clone());
    Some(surname)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An attribution as text: content parts, source, cue, speaker.
    type Read<'t> = (Vec<&'t str>, Option<&'t str>, Option<&'t str>, Option<String>);

    fn read(text: &str) -> Vec<Read<'_>> {
        attributions(text)
            .into_iter()
            .map(|a| {
                let part = |r: Range| &text[r.0..r.1];
                (a.content.iter().map(|&r| part(r)).collect(), a.source.map(part), a.cue.map(part), a.speaker)
            })
            .collect()
    }

    #[test]
    fn a_quote_before_its_verb_has_the_speaker_after_it() {
        let got = read("“We are allies,” Lavrov said. “We share a view.”");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, ["“We are allies,”", "“We share a view.”"]);
        assert_eq!(got[0].1, Some("Lavrov"));
        assert_eq!(got[0].2, Some("said"));
    }

    #[test]
    fn reported_speech_pronouns_and_according_to() {
        let text = "Russian Foreign Minister Sergey Lavrov said that Russia is ready. \
                    “This will help the region,” he added. According to the ministry, trade rose.";
        let got = read(text);
        assert_eq!(got[0].0, ["Russia is ready"]);
        assert_eq!(got[0].1, Some("Russian Foreign Minister Sergey Lavrov"));
        assert_eq!(got[0].3.as_deref(), Some("Lavrov"));
        assert_eq!(got[1].3.as_deref(), Some("Lavrov"));
        assert_eq!(got[2].0, ["trade rose"]);
        assert_eq!(got[2].1, Some("the ministry"));
        assert_eq!(got[2].2, Some("According to"));
    }

    #[test]
    fn a_postposed_speaker_takes_the_clause_before_the_comma() {
        let got = read("Russia values its ties with Armenia, Lavrov said in an interview.");
        assert_eq!(got[0].0, ["Russia values its ties with Armenia"]);
        let got = read("The plan will fail, said Senator Jane Doe.");
        assert_eq!(got[0].0, ["The plan will fail"]);
        assert_eq!(got[0].1, Some("Senator Jane Doe"));
        assert_eq!(got[0].3.as_deref(), Some("Doe"));
    }

    #[test]
    fn nouns_that_look_like_verbs_are_no_cues() {
        assert!(read("The report was long. His support is firm.").is_empty());
    }
}
