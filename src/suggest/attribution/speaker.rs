//! The speaker: the noun phrase that names who is attributed, and the name the speaker attribute takes.

use super::sentence::Sentence;
use crate::suggest::cues::{AFTER_VERB, AUXILIARIES, CLAUSE_WORDS, DETERMINERS, ORGANISATION_WORDS, PRONOUNS, TITLES};
use crate::suggest::text::{Range, Token, tokens};

/// The speaker before the verb at `i`, as a token range: "Lavrov", "Spokeswoman Haley Morris", "Williams, who is
/// running, added".
pub(super) fn source_before(s: &Sentence<'_>, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    // "the senator on Tuesday dismissed", "Clinton now says", "the board last week rejected": the speaker stands
    // before the time.
    loop {
        let at = j;
        while j > 0 && s.is_word(j - 1) && s.is(j - 1, AUXILIARIES) {
            j -= 1;
        }
        while j > 1 && s.is_word(j - 1) && s.is(j - 1, TIME_BEFORE) {
            j -= 1;
        }
        if at != j && j > 1 && s.is(j - 1, &["on", "this", "last", "earlier", "late", "early"]) {
            j -= 1;
        }
        if at == j {
            break;
        }
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

/// Words of time between a speaker and the verb.
const TIME_BEFORE: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "now",
    "today",
    "yesterday",
    "tonight",
    "week",
    "month",
    "year",
    "weekend",
    "night",
    "morning",
    "afternoon",
    "evening",
];

/// The noun phrase that ends before token `b`, read backwards.
pub(super) fn np_back(s: &Sentence<'_>, b: usize) -> Option<(usize, usize)> {
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
pub(super) fn np_forward(s: &Sentence<'_>, a: usize) -> Option<(usize, usize)> {
    let first = s.toks.get(a)?;
    let lower = first.lower();
    if !(first.is_capitalized() || DETERMINERS.contains(&lower.as_str()) || PRONOUNS.contains(&lower.as_str()))
        || !s.is_word(a)
        || CLAUSE_WORDS.contains(&lower.as_str())
        || AFTER_VERB.contains(&lower.as_str())
    {
        return None;
    }
    // "…,” said he." names its speaker in one word; a pronoun never opens a longer name.
    if PRONOUNS.contains(&lower.as_str()) {
        return Some((a, a + 1));
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
pub(super) fn source_after(s: &Sentence<'_>, after: usize) -> Option<(usize, usize)> {
    let (a, b) = np_forward(s, after)?;
    let ends = b >= s.toks.len() || matches!(s.mark(b), "," | "." | ";" | "!" | "?" | "(" | "—");
    ends.then_some((a, b))
}

/// The speaker's name from the words that name them: a person by the last word of their name ("Sergey Lavrov"
/// → "Lavrov"), an organisation in full, "he", "she" and "the minister" as the last person named.
pub(super) fn speaker_name(text: &str, (start, end): Range, last_person: &mut Option<String>) -> Option<String> {
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
