//! The author and date of a comment whose markup does not name them: the short line at its head ("Karsten Dörre
//! / 22.04.2020", "Muriel - Le 22/01/2020 à 12:01", a name in bold), or the `dt` before a `dd` comment. Never a
//! date as the author (a WordPress theme that prints the name as plain text put the date first in the old reader).

use std::sync::LazyLock;

use dom_query::NodeRef;
use regex::Regex;

use super::nodes::one_line;
use crate::import::plain::{date_start, looks_like_date};

/// Words that head a comment but name no one: buttons and labels.
const NOT_NAMES: &[&str] = &[
    "reply",
    "report",
    "antworten",
    "répondre",
    "responder",
    "rispondi",
    "odpowiedz",
    "kommentar",
    "comment",
    "löschen",
    "delete",
    "edit",
    "share",
    "like",
    "quote",
    "melden",
    "permalink",
    "anonymous says",
    // States of a comment, shown where a name would be.
    "edited",
    "bearbeitet",
    "modifié",
    "updated",
    "pinned",
    "deleted",
    "[deleted]",
    "removed",
];
/// Words of account prompts, which head a comment form and never a comment.
const ACCOUNT_WORDS: &[&str] =
    &["register", "log in", "login", "sign in", "sign up", "anmelden", "registrieren", "connexion", "s'inscrire"];

/// A line that says who wrote and when in words: "geschrieben von berg2012 am 21. Jan. 2015", "posted by Ann on
/// March 3", "par Muriel le 22/01/2020".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::import::regex(
        r"(?i)(?:^|\s)(?:by|von|par|di|por|door|przez)\s+(\S.{0,58}?)\s*(?:\s(?:on|am|le|il|el|op|dnia|at|um)|,|\s[-–|·])\s+(.+)$",
    )
});

/// A head line that names the writer of the comment in words, without a date: "#1 Kommentar von Naru-chan",
/// "Comment by Ann", "Réponse de Muriel".
static WRITTEN_BY: LazyLock<Regex> = LazyLock::new(|| {
    crate::import::regex(
        r"(?i)^(?:#?\d+[.:]?\s*)?(?:comment|reply|kommentar|antwort|beitrag|commentaire|réponse|commento|comentario|komentarz)\s+(?:by|from|von|de|par|di|przez)\s+(\S.{0,58})$",
    )
});

/// The (author, date) of a line like "posted by Ann on March 3".
fn byline(line: &str) -> Option<(String, String)> {
    let found = BYLINE.captures(line)?;
    let (name, date) = (found.get(1)?.as_str().trim(), found.get(2)?.as_str().trim());
    // The words around it say it is a name, so a user name with digits ("berg2012") counts.
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let handle = (1..=5).contains(&name.split_whitespace().count()) && letters >= 2 && !looks_like_date(name);
    (handle && looks_like_date(date)).then(|| (name.to_owned(), date.to_owned()))
}

/// The (author, date) that the head of `item` gives, where its markup names no author.
pub(super) fn header_fields(item: &NodeRef<'_>) -> (Option<String>, Option<String>) {
    // A line that says "by … on …" names both, wherever in the head it stands (after a title, say).
    for node in item.descendants_it().filter(NodeRef::is_element).take(40) {
        let text = node.text();
        if text.len() <= 160
            && let Some((name, date)) = byline(&one_line(&text))
        {
            return (Some(name), Some(date));
        }
    }
    if item.has_name("dd")
        && let Some(term) = item.prev_element_sibling().filter(|p| p.has_name("dt"))
    {
        return split_line(&one_line(&term.text()));
    }
    let whole = one_line(&item.text()).chars().count();
    let mut date = None;
    let mut author: Option<String> = None;
    let mut lines_after_name = 0;
    for node in item.descendants_it().filter(NodeRef::is_element) {
        let text = one_line(&node.text());
        let length = text.chars().count();
        if text.is_empty() || wraps_one_child(&node, &text) {
            continue;
        }
        // A container of several parts is looked into, not read as one line.
        if node.element_children().iter().filter(|c| !one_line(&c.text()).is_empty()).count() >= 2 {
            if node.children_it(false).any(|c| c.is_text() && c.text().trim().chars().count() >= 20) {
                break;
            }
            continue;
        }
        if length > 90 {
            // Text of its own this long is the comment itself: the head, if any, was before it.
            if node.children_it(false).any(|c| c.is_text() && c.text().trim().chars().count() >= 20) {
                break;
            }
            continue;
        }
        // A head line is followed by the comment; a short comment alone is no one's name.
        if length + 10 > whole {
            break;
        }
        if let Some(name) = author.as_ref() {
            // The name stood alone: the date may be the next short line ("Ann" above "3 hours ago").
            if looks_like_date(&text) && text.split_whitespace().count() <= 8 {
                date = split_line(&text).1;
            }
            if date.is_some() || {
                lines_after_name += 1;
                lines_after_name > 3
            } {
                return (Some(name.clone()), date);
            }
            continue;
        }
        let (named, found) = split_line(&text);
        date = date.or(found);
        author = named;
        if author.is_some() && date.is_some() {
            return (author, date);
        }
    }
    (author, date.or_else(|| loose_date(item)))
}

/// A date written straight into the comment element, outside any element of its own ("<h3>Ann</h3> 26. März
/// 2004, 16:19 <p>…</p>").
fn loose_date(item: &NodeRef<'_>) -> Option<String> {
    item.children_it(false).filter(NodeRef::is_text).find_map(|t| {
        let text = one_line(&t.text());
        (text.split_whitespace().count() <= 8 && looks_like_date(&text)).then_some(text)
    })
}

/// Whether `node` only wraps one element with the same text (then that element is looked at instead).
fn wraps_one_child(node: &NodeRef<'_>, text: &str) -> bool {
    let mut children = node.element_children().into_iter();
    match (children.next(), children.next()) {
        (Some(only), None) => one_line(&only.text()) == text,
        _ => false,
    }
}

/// A head line cut into a name and a date at the usual separators: " / ", " - ", " | ", " · ", ", ", " am ",
/// " le ", " on ", " um ".
fn split_line(line: &str) -> (Option<String>, Option<String>) {
    if let Some(name) = WRITTEN_BY.captures(line).and_then(|c| c.get(1)).map(|m| m.as_str().trim())
        && is_name(name)
    {
        return (Some(name.to_owned()), None);
    }
    // A name run straight into its date ("Armanox June 28, 2015 at 10:25 pm"): cut where the date begins.
    if let Some(at) = date_start(line).filter(|&at| at > 0) {
        let name = without_connectors(&line[..at]);
        if is_name(name) {
            let date = line[at..].trim();
            return (Some(name.to_owned()), looks_like_date(date).then(|| date.to_owned()));
        }
    }
    let mut parts: Vec<&str> = vec![line];
    for separator in [" / ", " - ", " – ", " | ", " · ", " • ", ", ", " am ", " le ", " Le ", " on ", " um ", " at "]
    {
        parts = parts.iter().flat_map(|p| p.split(separator)).map(str::trim).filter(|p| !p.is_empty()).collect();
    }
    let author = parts.first().filter(|p| is_name(p)).map(|p| p.trim_end_matches(':').trim().to_owned());
    // The date is the rest of the line after the name, or the whole line when it names no one.
    let rest = match &author {
        Some(name) => line.get(line.find(name.as_str()).map_or(0, |at| at + name.len())..).unwrap_or_default(),
        None => line,
    };
    let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric()).trim();
    let rest = ["am ", "le ", "Le ", "on ", "um ", "at "].iter().fold(rest, |r, p| r.strip_prefix(p).unwrap_or(r));
    // A line that names no one may count something before its date ("2 points · 6 years ago"): the date is
    // what follows the last separator before it.
    let rest = match (author.is_none(), date_start(rest)) {
        (true, Some(at)) if at > 0 && rest[..at].trim_end().ends_with(['·', '•', '|', '-', '–', ',']) => {
            &rest[at..]
        }
        _ => rest,
    };
    let date = looks_like_date(rest).then(|| rest.to_owned());
    // "also, flat is better than nested": a comma after the first words goes on with a sentence unless a date
    // follows ("Ann, 3 May").
    let author =
        author.filter(|name| date.is_some() || !line.strip_prefix(name.as_str()).is_some_and(|r| r.starts_with(',')));
    (author, date)
}

/// `text` without what joins a name to its date: separators and "am", "le", "on", "at", "um", "den", "the".
fn without_connectors(text: &str) -> &str {
    let mut rest = text.trim();
    loop {
        let trimmed = rest.trim_end_matches(|c: char| !c.is_alphanumeric()).trim_end();
        let cut = ["am", "le", "on", "at", "um", "den", "the", "el", "il"].iter().find_map(|word| {
            let lower = trimmed.to_lowercase();
            let end = trimmed.len().checked_sub(word.len() + 1)?;
            lower.ends_with(&format!(" {word}")).then(|| trimmed.get(..end)).flatten()
        });
        match cut {
            Some(shorter) => rest = shorter,
            None => return trimmed,
        }
    }
}

/// Whether `text` can be someone's name: short, with letters, no digits in most of it, not a date or a button.
fn is_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let lower = text.to_lowercase();
    (1..=5).contains(&words)
        && text.chars().count() <= 60
        && letters >= 2
        && digits * 2 < letters
        && !looks_like_date(text)
        && !NOT_NAMES.iter().any(|n| lower == *n || lower.starts_with(&format!("{n} ")))
        && !ACCOUNT_WORDS.iter().any(|w| lower.contains(w))
        && !text.ends_with(['.', '?', '!'])
        && !is_counter(text)
}

/// Whether `text` is a count or a rank beside a word ("2 points", "level 2", "#1 Kommentar"): a number standing
/// alone as a word names no one (user names with digits run them into letters: "berg2012").
fn is_counter(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        !word.is_empty() && word.chars().all(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    #[test]
    fn a_line_in_words_names_the_author_and_the_date() {
        assert_eq!(
            head(
                r#"<li class="c"><h2>A title of the comment</h2><span class="metadata"> geschrieben von berg2012 am
                21. Jan. 2015, 19:04 </span><p>The comment itself, which is long enough to be one.</p></li>"#
            ),
            (Some("berg2012".to_owned()), Some("21. Jan. 2015, 19:04".to_owned()))
        );
        assert_eq!(
            byline("Posted by Ann Smith on March 3, 2021"),
            Some(("Ann Smith".to_owned(), "March 3, 2021".to_owned()))
        );
        assert_eq!(
            byline("par Muriel le 22/01/2020 à 12:01"),
            Some(("Muriel".to_owned(), "22/01/2020 à 12:01".to_owned()))
        );
        assert_eq!(byline("Written by hand on paper"), None);
    }

    fn head(html: &str) -> (Option<String>, Option<String>) {
        let doc = Document::from(html);
        let item = doc.select(".c").nodes()[0];
        header_fields(&item)
    }

    #[test]
    fn a_head_line_gives_the_name_and_the_date_never_the_date_as_the_name() {
        let found = head(
            r#"<div class="c"><div><span>Karsten Dörre / 22.04.2020</span></div><p>Nachdem Corona um Mecklenburg-Vorpommern ohne Mundschutzpflicht herum ging, fragt man sich schon.</p></div>"#,
        );
        assert_eq!(found, (Some("Karsten Dörre".to_owned()), Some("22.04.2020".to_owned())));
        let found = head(
            r#"<div class="c"><strong>Muriel - Le 22/01/2020 à 12:01:03</strong><div>Pour sauver un fleuron du patrimoine artistique et culturel français, il faut signer.</div></div>"#,
        );
        assert_eq!(found.0.as_deref(), Some("Muriel"));
        let found = head(
            r#"<div class="c"><p>March 11, 2017 at 8:41 PM</p><p>Ammon</p><p>The text of the comment, long enough to be the comment and not a head line at all.</p></div>"#,
        );
        assert_eq!(found.0.as_deref(), Some("Ammon"), "the name, never the date before it");
        assert!(found.1.is_some_and(|d| d.contains("8:41")));
        let doc = Document::from(r#"<dl><dt>Ann</dt><dd class="c"><p>Really?</p></dd></dl>"#);
        assert_eq!(header_fields(&doc.select(".c").nodes()[0]).0.as_deref(), Some("Ann"));
    }
}
