//! The parts of one comment element: author, date, number and text, found by the roles sites give them.

use std::sync::LazyLock;

use dom_query::{Matcher, NodeRef, Selection};
use regex::Regex;

use super::nodes::{DIGITS, has_text, heading_rank, spaced_text};
use crate::import::ExtractedComment;
use crate::import::plain::{self, looks_like_date};

static NOISE_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    crate::import::regex(
        r"(?i)^(?:comment[-_])?(?:reply|report|flag|share|like|likes|vote|votes|rating|actions?|tools|edit|permalink|util|utility)(?:[-_](?:link|links|button|buttons|wrap|wrapper|container|area))?$",
    )
});
static NOISE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    crate::import::regex(
        r"(?i)^(?:reply|report|like|share|flag|permalink|edit|quote|回覆|回复|返信|antworten|répondre|responder)$",
    )
});
/// Selectors compiled once: a page can have thousands of comments.
struct Selectors(Vec<Matcher>);

impl Selectors {
    /// Class substrings match whatever their case (`[class*=commenttext i]`): sites write `CommentText` as
    /// often as `comment-text`.
    fn new(list: &[&str]) -> Self {
        static CLASS_PART: LazyLock<Regex> = LazyLock::new(|| crate::import::regex(r"\[class\*=([^\]\s]+)\]"));
        // The lists are constants of this file; a test checks that each of them compiles.
        Self(list.iter().filter_map(|s| Matcher::new(&CLASS_PART.replace_all(s, "[class*=$1 i]")).ok()).collect())
    }
}

static AUTHOR: LazyLock<Selectors> = LazyLock::new(|| Selectors::new(AUTHOR_SELECTORS));
static DATE: LazyLock<Selectors> = LazyLock::new(|| Selectors::new(DATE_SELECTORS));
static NUMBER: LazyLock<Selectors> = LazyLock::new(|| Selectors::new(NUMBER_SELECTORS));
static CONTENT: LazyLock<Selectors> = LazyLock::new(|| Selectors::new(CONTENT_SELECTORS));
static NOT_TEXT: LazyLock<Selectors> =
    LazyLock::new(|| Selectors::new(&["time, abbr, [class*=date], [class*=time], [class*=meta]"]));
static NOT_CONTENT: LazyLock<Selectors> = LazyLock::new(|| {
    Selectors::new(&["script, style, noscript, template, form, button, svg, img, textarea, iframe, input, select"])
});

/// Author, date, number and text of one comment element (its replies already taken out), and whether the markup
/// named the author (rather than the head line, which is a guess).
pub(super) fn read_fields(item: &NodeRef<'_>) -> Option<(ExtractedComment, bool)> {
    remove_noise(item);
    let scope = Selection::from(*item);
    let author_node =
        first_match(&scope, &AUTHOR, |node, text| (1..=80).contains(&text.chars().count()) && !links_to(node, item));
    let mut author = author_node.as_ref().map(|n| clean_author(&n.text())).unwrap_or_default();
    let marked = !author.is_empty() && !looks_like_date(&author);
    let mut date =
        first_match(&scope, &DATE, |_, text| text.chars().count() <= 80 && text.chars().any(|c| c.is_ascii_digit()))
            .and_then(|n| date_of(&n));
    // Read before the date elements are taken out of the text below.
    let timestamp = timestamp_of(&scope);
    let from_head = author.is_empty() || looks_like_date(&author);
    if from_head {
        // Markup that names no author (or names the date so): the head line says who and when.
        let (named, dated) = super::comment_header::header_fields(item);
        author = named.unwrap_or_default();
        date = date.or(dated);
    }
    let number = first_match(&scope, &NUMBER, |_, text| text.chars().count() <= 8)
        .and_then(|n| DIGITS.find(&n.text()).map(|m| m.as_str().to_owned()));
    let excluded: Vec<NodeRef<'_>> = author_node.into_iter().collect();
    let body = CONTENT
        .0
        .iter()
        .flat_map(|m| scope.select_matcher(m).nodes().to_vec())
        .find(|n| has_text(n) && !excluded.iter().any(|x| is_inside(x, n)));
    let text = match body {
        Some(body) => with_title(item, &body, &author, paragraphs(&body.formatted_text())),
        None => {
            for node in &excluded {
                node.remove_from_parent();
            }
            for matcher in &NOT_TEXT.0 {
                scope.select_matcher(matcher).remove();
            }
            let text = paragraphs(&item.formatted_text());
            if from_head { without_head(&text, &author, date.as_deref()) } else { text }
        }
    };
    if text.is_empty() {
        return None;
    }
    Some((ExtractedComment { number, author, date, timestamp, text, parent: None }, marked))
}

/// Elements that state a time for machines, and the attributes they state it in.
static STAMPED: LazyLock<Selectors> = LazyLock::new(|| {
    Selectors::new(&[
        "time[datetime], [itemprop=datePublished], [itemprop=dateCreated], abbr[title], [data-datetime], \
         [data-timestamp], [data-time], [data-utime]",
    ])
});
const STAMP_ATTRIBUTES: &[&str] =
    &["datetime", "content", "title", "data-datetime", "data-timestamp", "data-time", "data-utime"];

/// The first time inside a comment that the page states for machines.
fn timestamp_of(scope: &Selection<'_>) -> Option<String> {
    let nodes = STAMPED.0.iter().flat_map(|m| scope.select_matcher(m).nodes().to_vec());
    nodes.into_iter().find_map(|node| {
        STAMP_ATTRIBUTES.iter().find_map(|name| node.attr(name).and_then(|value| machine_time(value.trim())))
    })
}

/// `value` if it is an RFC 3339 time, a date-time or a date, or a Unix time in seconds or milliseconds as RFC
/// 3339; anything else (a title that is a sentence, "yesterday") is none.
fn machine_time(value: &str) -> Option<String> {
    if (9..=13).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit()) {
        let number: i64 = value.parse().ok()?;
        let stamp = if value.len() >= 12 {
            jiff::Timestamp::from_millisecond(number)
        } else {
            jiff::Timestamp::from_second(number)
        };
        return stamp.ok().map(|t| t.to_string());
    }
    let known = value.parse::<jiff::Timestamp>().is_ok()
        || value.parse::<jiff::civil::DateTime>().is_ok()
        || value.len() == 10 && value.parse::<jiff::civil::Date>().is_ok();
    known.then(|| value.to_owned())
}

const AUTHOR_SELECTORS: &[&str] = &[
    "[itemprop=author] [itemprop=name]",
    "[itemprop=author]",
    ".fn",
    "cite",
    "[class*=author-name], [class*=author_name]",
    "[class*=autor], [class*=auteur], [class*=nutzer], [class*=pseudo]",
    "[class*=author] a",
    "[class*=author]",
    "[class*=user-name], [class*=username], [class*=user_name], [class*=nickname]",
    "[class*=name]",
    "[class*=user]",
];
const DATE_SELECTORS: &[&str] = &[
    "time",
    "abbr.published",
    "[class*=date]",
    "[class*=datum], [class*=fecha]",
    "[class*=time]",
    "[class*=published]",
    "[class*=meta] a",
];
const NUMBER_SELECTORS: &[&str] = &["[class*=floor]", "[class*=comment-number]", "[class*=comment-num]"];
const CONTENT_SELECTORS: &[&str] = &[
    "[itemprop=text]",
    "[class*=field-comment-body]",
    "[class*=comment-content]",
    "[class*=comment-text], [class*=comment_text], [class*=commenttext]",
    "[class*=comment-body], [class*=comment_body], [class*=commentbody]",
    "[class*=comment-message], [class*=post-message], [class*=message]",
    "[class*=post-text], [class*=post-content]",
    ".entry-content",
    "blockquote",
    "[class*=content]",
    "[class*=text]",
    "[class*=body]",
];

/// The first element, by selector priority, whose trimmed text passes `fits`; one outside quotations first. A
/// forum post that quotes another (`<blockquote><cite>tomas_k wrote:</cite>…`) names the quoted author and time
/// there, not its own.
fn first_match<'a>(
    scope: &Selection<'a>,
    selectors: &Selectors,
    fits: impl Fn(&NodeRef<'a>, &str) -> bool,
) -> Option<NodeRef<'a>> {
    let found = || {
        selectors.0.iter().flat_map(|m| scope.select_matcher(m).nodes().to_vec()).filter(|n| {
            let text = n.text();
            let text = text.trim();
            !text.is_empty() && fits(n, text)
        })
    };
    let quoted = |n: &NodeRef<'_>| {
        let inside = |a: &NodeRef<'_>| scope.nodes().iter().any(|s| s.id == a.id);
        n.ancestors_it(None).take_while(|a| !inside(a)).any(|a| a.has_name("blockquote"))
    };
    found().find(|n| !quoted(n)).or_else(|| found().next())
}

/// Whether `node` is (or lies in) a link to `item` itself: the comment's permalink (`href="…#p101"` on
/// `div#p101`), which names no author.
fn links_to(node: &NodeRef<'_>, item: &NodeRef<'_>) -> bool {
    let Some(id) = item.id_attr().filter(|id| !id.is_empty()) else { return false };
    std::iter::once(*node)
        .chain(node.ancestors_it(None).take_while(|a| a.id != item.id))
        .filter(|a| a.has_name("a"))
        .any(|a| a.attr("href").is_some_and(|href| href.rsplit_once('#').is_some_and(|(_, f)| f == &*id)))
}

fn is_inside(node: &NodeRef<'_>, container: &NodeRef<'_>) -> bool {
    node.id == container.id || node.ancestors_it(None).any(|a| a.id == container.id)
}

/// Buttons, forms, pictures and scripts inside a comment are not its text.
fn remove_noise(item: &NodeRef<'_>) {
    let scope = Selection::from(*item);
    for matcher in &NOT_CONTENT.0 {
        scope.select_matcher(matcher).remove();
    }
    let noisy: Vec<NodeRef<'_>> = item
        .descendants_it()
        .filter(NodeRef::is_element)
        .filter(|d| {
            let noisy = |value: &str| value.split_whitespace().any(|t| NOISE_TOKEN.is_match(t));
            // Only an element with a short text can be a button; reading long texts would cost more than it finds.
            d.id_attr().as_deref().is_some_and(noisy)
                || d.class().as_deref().is_some_and(noisy)
                || d.children_it(false).count() <= 1 && {
                    let text = d.text();
                    text.len() < 40 && NOISE_TEXT.is_match(text.trim())
                }
        })
        .collect();
    for node in noisy {
        node.remove_from_parent();
    }
}

fn clean_author(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.trim_end_matches(':');
    for verb in [" says", " said", " wrote", " writes", " replied"] {
        if let Some(stripped) = text.strip_suffix(verb) {
            return stripped.trim().to_owned();
        }
    }
    text.trim().to_owned()
}

/// A date element's text without "wrote on" and the like, or its machine-readable attribute.
fn date_of(node: &NodeRef<'_>) -> Option<String> {
    let text = spaced_text(node);
    let text = text.trim_end_matches([':', ' ']);
    let text =
        ["wrote on ", "posted on ", "on ", "於 ", "于 "].iter().fold(text, |t, p| t.strip_prefix(p).unwrap_or(t));
    if looks_like_date(text) {
        // "Name 於 2014/01/01 20:37", "Ann on March 3": the date begins after the connecting word ("Monday,
        // March 3" stays whole).
        let connected = |at: usize| {
            let head = text[..at].trim_end();
            ["於", "于", " on", " am", " le", "·", "|"].iter().any(|w| head.ends_with(w))
        };
        let from = plain::date_start(text).filter(|&at| at > 0 && connected(at)).unwrap_or(0);
        return Some(text[from..].to_owned());
    }
    node.attr("datetime").or_else(|| node.attr("title")).map(|a| a.to_string()).filter(|a| looks_like_date(a))
}

/// A forum reply's subject line, which repeats the thread's ("Re: Night buses", "AW: Fährplan", "Odp: …").
static REPLY_SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| crate::import::regex(r"(?i)^(?:re|aw|antw|sv|vs|odp|rif|ref)\s*(?:\[\d+\])?\s*:"));

/// `text` after the title the reader gave the comment (`<h5>Quantensprung? Wohl eher ein kleiner Schritt.</h5>`
/// above the text's own element): a heading in the comment outside its text that is not its author, a date or a
/// number, nor a reply's subject line.
fn with_title(item: &NodeRef<'_>, body: &NodeRef<'_>, author: &str, text: String) -> String {
    let title = item.descendants_it().filter(|d| heading_rank(d).is_some_and(|r| r >= 2)).find_map(|heading| {
        if is_inside(&heading, body) || is_inside(body, &heading) {
            return None;
        }
        let title = spaced_text(&heading);
        let words = title.split_whitespace().count();
        let counted = title.chars().any(|c| c.is_ascii_digit()) && words <= 3;
        let is_title = (1..=30).contains(&words)
            && (author.is_empty() || !title.contains(author))
            && !looks_like_date(&title)
            && !counted
            && !plain::may_head_comments(&title)
            && !REPLY_SUBJECT.is_match(&title);
        is_title.then_some(title)
    });
    match title {
        Some(title) if !text.starts_with(&title) => format!("{title}\n\n{text}"),
        _ => text,
    }
}

/// How many lines at the top of a comment can be its head line (name, rank, votes, date).
const HEAD_LINES: usize = 4;

/// `text` without the head lines that gave its author and date ("level 1", "12 points · 3 years ago", "#1
/// Kommentar von Ann"), where the markup set no element apart for the text itself.
fn without_head(text: &str, author: &str, date: Option<&str>) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let head = lines.iter().take(HEAD_LINES).take_while(|l| l.chars().count() <= 90).count();
    // The first head line naming each: a name can recur in the text below.
    let line_of =
        |needle: &str| (!needle.is_empty()).then(|| lines[..head].iter().position(|l| l.contains(needle))).flatten();
    let Some(end) = line_of(date.unwrap_or_default()).max(line_of(author)) else { return text.to_owned() };
    let rest = lines[end + 1..].join("\n");
    let rest = rest.trim_start();
    // A comment that is all head line keeps it: there is nothing else to show.
    if rest.is_empty() { text.to_owned() } else { rest.to_owned() }
}

/// Formatted text as paragraphs separated by a blank line, without button words.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|p| p.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n"))
        .filter(|p| !p.is_empty() && !NOISE_TEXT.is_match(p))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_selector_compiles() {
        for (list, compiled) in [
            (AUTHOR_SELECTORS, &*AUTHOR),
            (DATE_SELECTORS, &*DATE),
            (NUMBER_SELECTORS, &*NUMBER),
            (CONTENT_SELECTORS, &*CONTENT),
        ] {
            assert_eq!(list.len(), compiled.0.len(), "{list:?}");
        }
        assert_eq!(NOT_TEXT.0.len(), 1);
        assert_eq!(STAMPED.0.len(), 1);
        assert_eq!(NOT_CONTENT.0.len(), 1);
    }

    #[test]
    fn machine_times_are_kept_and_anything_else_is_not() {
        assert_eq!(machine_time("2017-03-11T20:41:00+01:00").as_deref(), Some("2017-03-11T20:41:00+01:00"));
        assert_eq!(machine_time("2015-03-11").as_deref(), Some("2015-03-11"));
        assert_eq!(machine_time("2015-03-11T09:30:00").as_deref(), Some("2015-03-11T09:30:00"));
        assert_eq!(machine_time("1426066260").as_deref(), Some("2015-03-11T09:31:00Z"));
        assert_eq!(machine_time("1426066260000").as_deref(), Some("2015-03-11T09:31:00Z"));
        assert_eq!(machine_time("March 11th, 2015"), None);
        assert_eq!(machine_time("yesterday"), None);
        assert_eq!(machine_time("2015-13-45"), None);
    }

    #[test]
    fn a_comment_keeps_its_time_as_shown_and_as_stated_for_machines() {
        let doc = dom_query::Document::from(
            r#"<li class="c"><cite class="fn">Ammon</cite> <a><time datetime="2017-03-11T20:41:00+00:00">March 11, 2017
            at 8:41 PM</time></a><div class="comment-content"><p>Plain-text authors are names, not dates.</p></div></li>"#,
        );
        let item = doc.select(".c").nodes()[0];
        let (comment, marked) = read_fields(&item).expect("a comment");
        assert!(marked);
        assert_eq!(comment.author, "Ammon");
        assert_eq!(comment.date.as_deref(), Some("March 11, 2017 at 8:41 PM"));
        assert_eq!(comment.timestamp.as_deref(), Some("2017-03-11T20:41:00+00:00"));
    }
}
