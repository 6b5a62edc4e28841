//! Reading one sentence around a cue word: where the speaker is, and which side holds the content.

use super::Attribution;
use super::sentence::Sentence;
use super::speaker::{np_back, np_forward, source_after, source_before};
use crate::suggest::cues::{AFTER_VERB, CueKind, DETERMINERS, PRONOUNS, cue_kind};
use crate::suggest::text::{Quote, Range, trim};

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

/// Things that show or find what they report: "the poll shows …", "the study found …".
const DOCUMENTS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "reports",
    "data",
    "figures",
    "numbers",
    "results",
    "records",
    "documents",
    "analysis",
    "research",
    "filings",
    "statistics",
    "emails",
    "audit",
    "investigation",
    "review",
    "census",
    "estimates",
    "projections",
    "memo",
    "letter",
];

/// Verbs whose subject is rarely the source of the view they report (see `examples/suggest_eval.rs`: source
/// precision under a third for each).
pub(super) const IMPERSONAL: &[&str] =
    &["seems", "seemed", "appears", "appeared", "appear", "expected", "fears", "endorse"];

/// Verbs whose content is an infinitive: "declined to comment", "vowed to fight".
const INFINITIVE: &[&str] = &[
    "declined", "declines", "refused", "refuses", "vowed", "vows", "promised", "promises", "pledged", "want", "wants",
    "wanted", "sought", "seeks", "hope", "hopes", "hoped", "agreed", "agrees", "offered", "expected", "prefer",
    "prefers", "appeared", "appear",
];

/// Verbs that attribute what follows their preposition: "referring to", "talking about", "pointing to" (and
/// "called for", "calls on", handled beside them).
const PHRASAL: &[&str] = &["referring", "referred", "talking", "talked", "pointing", "pointed"];

/// Words that open the question after "asked".
const QUESTION_WORDS: &[&str] = &["whether", "if", "what", "who", "how", "why", "which", "when", "where", "about"];

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
pub(super) fn read_at(text: &str, s: &Sentence<'_>, i: usize, qs: &[Quote]) -> Option<Attribution> {
    if !s.is_word(i) {
        return None;
    }
    if let Some(found) = in_document(text, s, i, qs).or_else(|| would_like(s, i)) {
        return Some(found);
    }
    let tok = s.toks[i];
    let lower = &s.lowers[i];
    let kind = cue_kind(lower, s.lowers.get(i + 1).map(String::as_str))?;
    let initial = i == 0;
    // A cue is a lower-case verb ("Said Jane Doe, …" opens a sentence), not a noun after a determiner.
    // In a headline in title case ("Hillary Clinton Says Crash Seems Like Terrorism") every verb is capitalized.
    let capital_cue = tok.is_capitalized() && kind != CueKind::According && !initial && !title_case(s);
    if capital_cue || (i > 0 && s.is(i - 1, NOUN_BEFORE)) {
        return None;
    }
    if kind == CueKind::According {
        return according(s, i, qs);
    }
    let after = i + 1;
    // "A poll shows Clinton ahead": after a poll, a study or figures, "shows" and "found" report without "that".
    // "New polls released Sunday showed …": the poll may stand a few words back, in the same clause.
    let documented = (i.saturating_sub(5)..i)
        .rev()
        .take_while(|&k| s.is_word(k) && !s.is(k, &["that", "which", "who", "and", "but"]))
        .any(|k| s.is(k, DOCUMENTS));
    // "appeared to suggest": a weak verb with its infinitive.
    let infinitive = s.is(i, INFINITIVE) && s.is(after, &["to"]);
    let introduced = s.is(after, &["that"]) || s.mark(after) == ":" || s.quoted(after);
    if kind == CueKind::Weak && !(introduced || documented || infinitive) {
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
    // "declined to comment", "wants to raise the levy": the infinitive is the content, "to" in it.
    if s.is(i, INFINITIVE) && s.is(after, &["to"]) && after + 1 < s.toks.len() && source.is_some() {
        let source = if s.is(i, IMPERSONAL) { None } else { source };
        return clause_from(s, after, source, s.span(i, after));
    }
    // "…,” Ramos said, referring to the Hispanic community": what is referred to is the content, the words up to
    // the preposition the cue.
    let phrasal = s.is(i, PHRASAL) && s.is(after, &["to", "about"])
        || s.is(i, &["called", "calls", "calling"]) && s.is(after, &["for", "on"]);
    if phrasal && after + 1 < s.toks.len() {
        return clause_from(s, after + 1, source, s.span(i, after + 1));
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
        // "said on Friday that …" and "said in an interview he …": a clause after the phrase is the content;
        // only a phrase that ends the sentence leaves the content before the verb ("…, Lavrov said in an interview").
        (None, Follows::Phrase) if clause_after_phrase(s, rest) => content_after(text, s, rest, kind, qs),
        (None, Follows::Phrase) => {
            content_before(text, s, source_start, qs).or_else(|| content_after(text, s, rest, kind, qs))
        }
    }?;
    // "Asked whether …" and "when asked if …": the question is attributed, with no speaker named.
    let question = s.is(i, &["asked"]) && s.is(after, QUESTION_WORDS);
    let source = if question { None } else { source };
    // The question ends at its comma: "Asked whether …, the mayor smiled".
    let comma = || (after..s.toks.len()).find(|&k| s.mark(k) == "," && !s.quoted(k) && !s.quoted(k.saturating_sub(1)));
    let content = match question.then(comma).flatten() {
        Some(k) => trim(text, (s.toks[after].start, s.toks[k].start)).map_or(content, |r| (vec![r], false)),
        None => content,
    };
    // "“…,” he said, adding that …": the participle speaks for the speaker of the cue before it in the sentence,
    // whom `attributions` gives it.
    let seconds = participle && (0..i).any(|k| s.is_word(k) && cue_kind(&s.lowers[k], None).is_some());
    if source.is_none() && !content.1 && !question && !seconds {
        return None;
    }
    // "It seems …", "the plan appears …", "Clinton is expected to …": whoever stands before these verbs is rarely
    // the one whose view it is (annotators mark that source for one in ten to one in three), so the view is
    // suggested without one.
    let source = if s.is(i, IMPERSONAL) { None } else { source };
    Some(Attribution {
        content: content.0,
        source,
        cue: s.span(i, i + 1),
        speaker: None,
        direct: content.1,
        paragraph: 0,
    })
}

/// Whether the sentence is a headline in title case: five words or more, four in five of them capitalized.
fn title_case(s: &Sentence<'_>) -> bool {
    let words = s.toks.iter().filter(|t| t.is_word() && t.text.chars().any(char::is_alphabetic));
    let (count, capitals) = words.fold((0, 0), |(n, c), t| (n + 1, c + usize::from(t.is_capitalized())));
    count >= 5 && capitals * 5 >= count * 4
}

/// "In an NBC News poll released Monday, 50 percent chose Clinton": a sentence that opens with a poll, a survey
/// or a study reports what it found, with "In" as the cue and the phrase up to the comma as the source.
fn in_document(text: &str, s: &Sentence<'_>, i: usize, qs: &[Quote]) -> Option<Attribution> {
    if !s.is(i, &["in"]) || !s.is(i + 1, DETERMINERS) && !s.is(i + 1, &["latest", "recent", "new", "same"]) {
        return None;
    }
    let limit = s.toks.len().min(i + 14);
    let end = (i + 2..limit).find(|&k| !s.is_word(k) && !matches!(s.mark(k), "/" | "-")).unwrap_or(limit);
    if (i + 1..end).any(|k| s.quoted(k)) || !(i + 2..end).any(|k| s.is(k, &DOCUMENTS[..4])) {
        return None;
    }
    let (cue, source) = (s.span(i, i + 1), s.span(i + 1, end));
    let attribution = |content, direct| Attribution { content, source, cue, speaker: None, direct, paragraph: 0 };
    if i == 0 && s.mark(end) == "," {
        let (content, direct) = content_after(text, s, end + 1, CueKind::Verb, qs)?;
        return Some(attribution(content, direct));
    }
    // "… held a 24-point lead in a CNN national poll.": a poll that ends the sentence reports the clause before.
    let ends = end >= s.toks.len() || matches!(s.mark(end), "." | "!" | "?" | ";");
    let content = trim(text, (s.range.0, s.toks[i].start)).filter(|_| i > 2 && ends)?;
    Some(attribution(vec![content], false))
}

/// "Republicans would like to see a different nominee": a wish, "would like" its cue, the infinitive its content.
fn would_like(s: &Sentence<'_>, i: usize) -> Option<Attribution> {
    if !(i > 0 && s.is(i, &["like", "love"]) && s.is(i - 1, &["would", "'d"]) && s.is(i + 1, &["to"])) {
        return None;
    }
    let (a, b) = source_before(s, i)?;
    if i + 2 >= s.toks.len() {
        return None;
    }
    clause_from(s, i + 1, s.span(a, b), s.span(i - 1, i + 1))
}

/// The attribution whose content is the clause from token `from` to the end of the sentence (its stop left out),
/// for the cues whose content follows a word of their own: "declined to …", "referring to …", "would like to …".
fn clause_from(s: &Sentence<'_>, from: usize, source: Option<Range>, cue: Option<Range>) -> Option<Attribution> {
    let content = end_of_clause(s, (s.toks.get(from)?.start, s.range.1));
    (content.0 < content.1).then(|| Attribution {
        content: vec![content],
        source,
        cue,
        speaker: None,
        direct: false,
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
    if let Some(q) = s.quote_of[prev].filter(|_| prev > 0) {
        // A quotation that closes the content with its comma inside: 'Clinton would have to "go more to
        // center," Cuban said'. The content is the whole clause, the quotation in it.
        let quote = &text[qs[q].start..qs[q].end];
        let inner = quote.trim_end_matches(['"', '”', '’', '\'', '»', '“']);
        let closes = qs[q].start > s.range.0 && inner.ends_with(',');
        return closes.then(|| trim(text, (s.range.0, qs[q].end))).flatten().map(|r| (vec![r], false));
    }
    if !matches!(s.mark(prev), "," | "—" | "–") || prev == 0 {
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
            Some(k) => k,
            None if kind == CueKind::Hearer => np_forward(s, j).map_or(j + 1, |(_, b)| b),
            None => skip_phrase(s, j),
        };
    }
    while matches!(s.mark(j), "," | ":" | "—" | "–") {
        j += 1;
    }
    // Annotators keep "that" in the content ("said that …"); a quotation after it is part of reported speech.
    let that = s.is(j, &["that"]);
    let first = s.toks.get(j)?;
    let quoted_from = if that { j + 1 } else { j };
    if let Some(q) = s.quote_of.get(quoted_from).copied().flatten() {
        // A quotation right after the verb is the content, with the quotations that follow it in the sentence.
        let tail = trim(text, (qs[q].end, s.range.1)).map(|r| &text[r.0..r.1]);
        let whole = tail.is_none_or(|t| t.chars().all(|c| !c.is_alphanumeric()));
        if whole && !that {
            return Some((vec![(qs[q].start, qs[q].end)], true));
        }
        return Some((vec![end_of_clause(s, (first.start, s.range.1))], false));
    }
    let range = end_of_clause(s, (first.start, s.range.1));
    let enough = if that { quoted_from < s.toks.len() } else { first.is_word() };
    (range.0 < range.1 && enough).then(|| (vec![range], false))
}

/// Whether a clause follows the phrase of time or place at `from`: a "that" before the next comma, or a pronoun,
/// a determiner or a name right after the phrase.
fn clause_after_phrase(s: &Sentence<'_>, from: usize) -> bool {
    let that = (from..(from + 12).min(s.toks.len())).take_while(|&k| s.mark(k) != ",").any(|k| s.is(k, &["that"]));
    let next = skip_phrase(s, from);
    that || s.is_word(next) && (s.is(next, PRONOUNS) || s.is(next, DETERMINERS) || s.toks[next].is_capitalized())
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
pub(super) fn end_of_clause(s: &Sentence<'_>, (start, end): Range) -> Range {
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
