//! HTML pages saved from a browser: the article body through `dom_smoothie` (a port of Mozilla's Readability),
//! the reader comments through this module's own structural search, metadata from the page's meta tags and
//! JSON-LD. Nothing is fetched and no script runs: the page is parsed as data.

mod comment_fields;
mod comment_groups;
mod comment_header;
mod comment_heading;
mod comment_key;
mod comment_structure;
mod comments;
mod flatten;
mod nodes;

use std::sync::LazyLock;

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use regex::Regex;

use super::plain;
use super::{Extracted, regex};
use crate::model::Metadata;

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?ix)^(?:
            (?:image|photo|picture|video)\s*(?:copyright|caption|credit|source)(?-u:\b)
            | (?:photo|image|picture|credit|source)s?\s*:
            | \(?(?:ap|afp|reuters|getty\ images|epa|dpa)\s*(?:photo|/)
            | advertisement | story\ continues\ below\ advertisement
        )",
    )
});

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?ix)
        (?-u:\b)cookies?(?-u:\b).*(?-u:\b)(?:use|accept|consent|policy|settings|continuing)(?-u:\b)
        | (?-u:\b)(?:accept|consent\ to)(?-u:\b).*(?-u:\b)cookies?(?-u:\b)
        | (?-u:\b)(?:newsletter|sign\ up\ for|subscribe\ to\ our|get\ the\ latest)(?-u:\b)
        | ^(?:share|tweet|email|print|pin\ it|whatsapp|facebook|twitter|linkedin|reddit)
            (?:\s+(?:this|on\s+\w+|article|story|page))?\s*[:.!]?$
        | ^(?:(?:share\ on\ \w+|tweet|email|print)\s*)+$
        | ^(?:related(?:\ (?:articles|posts|stories|content))?|read\ more|more\ on\ this|recommended(?:\ for\ you)?
            |you\ (?:may|might)\ also\ like|most\ (?:read|popular|viewed)|trending(?:\ now)?|see\ also|also\ read)(?-u:\b)
        | ^(?:advertisement|advertising|sponsored(?:\ content)?|ad)$
        | ^(?:skip\ to\ (?:main\ )?content|back\ to\ top|scroll\ to\ top)$
        | ^©|(?-u:\b)all\ rights\ reserved(?-u:\b)
        ",
    )
});

/// Takes apart one HTML page (already decoded to text).
pub fn extract(html: &str) -> Extracted {
    // Parsing costs time in proportion to how deep elements nest; a page nested absurdly deep is flattened
    // first, keeping all its text.
    let (flat, depth) = flatten::flatten(html);
    let mut extracted = extract_flat(&flat);
    if depth > flatten::MAX_NESTING {
        extracted.warnings.push(format!(
            "the page nests {depth} levels deep; elements deeper than {} levels were flattened, keeping their text",
            flatten::MAX_NESTING
        ));
    }
    extracted
}

fn extract_flat(html: &str) -> Extracted {
    let (document, comments::Taken { comments, found: comments_found, lead }) = comments::take(Document::from(html));
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let mut warnings = Vec::new();
    let parsed = Readability::with_document(document, None, Some(config)).and_then(|mut r| r.parse());
    let (mut metadata, title, text) = match parsed {
        Ok(article) => {
            let metadata = Metadata {
                site: non_empty(article.site_name),
                byline: non_empty(article.byline).map(|b| strip_by(&b)),
                date: non_empty(article.published_time),
                language: non_empty(article.lang),
                direction: non_empty(article.dir),
                ..Metadata::default()
            };
            (metadata, article.title, article.text_content.to_string())
        }
        Err(error) => {
            let fallback = Document::from(html);
            return whole_text(
                &fallback,
                format!("no article was found in the page ({error}); its whole text was imported"),
            );
        }
    };
    let mut body = clean_paragraphs(&text, &title);
    if let Some(first) = body.first_mut()
        && let Some((len, rest)) = plain::dateline(first)
    {
        metadata.dateline = Some(first[..len].to_owned());
        *first = first[rest..].to_owned();
    }
    let mut body = body.join("\n\n");
    // A forum thread's first post is the article; where the page's layout hid it from the body search (a list of
    // other threads beside it looked longer), it is the body.
    if let Some(lead) = lead
        && !body.contains(lead.text.chars().take(60).collect::<String>().as_str())
    {
        body = clean_paragraphs(&lead.text, &title).join("\n\n");
        metadata.byline = metadata.byline.or_else(|| (!lead.author.is_empty()).then_some(lead.author));
        metadata.date = metadata.date.or(lead.date);
        warnings.push("the page is a thread: its first post is the body, the replies are the comments".to_owned());
    }
    let mut comments = comments;
    if comments.is_empty()
        && let Some((story, found)) = plain::split_comments(&body)
    {
        body = story;
        comments = found;
    }
    let title = if title.trim().is_empty() { first_words(&body) } else { title.trim().to_owned() };
    if body.is_empty() {
        warnings.push("the page has no article text".to_owned());
    }
    Extracted {
        title,
        metadata,
        body,
        comments,
        comments_found,
        warnings,
        skipped: Vec::new(),
        annotations: Default::default(),
    }
}

/// The page's whole text as the body, for pages where no article can be told apart.
fn whole_text(document: &Document, warning: String) -> Extracted {
    document.select("script, style, noscript, template").remove();
    let title = document.select("title").text().trim().to_owned();
    let text = document.body().map(|b| b.formatted_text().to_string()).unwrap_or_default();
    let body = clean_paragraphs(&text, &title).join("\n\n");
    let title = if title.is_empty() { first_words(&body) } else { title };
    Extracted {
        title,
        metadata: Metadata::default(),
        body,
        comments: Vec::new(),
        comments_found: None,
        warnings: vec![warning],
        skipped: Vec::new(),
        annotations: Default::default(),
    }
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// The author's name out of a byline: without "By", and without a date the page put on the same line.
fn strip_by(byline: &str) -> String {
    let parts: Vec<&str> = byline
        .split(['·', '|', '•', '—', '–'])
        .map(str::trim)
        .filter(|p| !p.is_empty() && !plain::looks_like_date(p))
        .collect();
    let joined = if parts.is_empty() { byline.trim().to_owned() } else { parts.join(" ") };
    let trimmed = joined.trim();
    ["By ", "by ", "BY "].iter().find_map(|p| trimmed.strip_prefix(p)).unwrap_or(trimmed).trim().to_owned()
}

/// The article's paragraphs, without the headline repeated, photo credits and page furniture (cookie notices,
/// newsletter boxes, share buttons, related links). A paragraph the page repeats stays repeated: the text is the
/// author's, and offsets into it must match what others read.
fn clean_paragraphs(text: &str, title: &str) -> Vec<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    for paragraph in text.split("\n\n") {
        let lines: Vec<String> = paragraph
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        let paragraph = lines.join("\n");
        let short = paragraph.chars().count() < 200;
        // The comment form's heading ("Leave a Reply", "Kommentar schreiben") is never the article's.
        let credit = short
            && (CREDIT.is_match(&paragraph) || FURNITURE.is_match(&paragraph) || plain::is_comment_form(&paragraph));
        let headline = paragraphs.is_empty() && short && is_headline(&paragraph, title.trim());
        if !paragraph.is_empty() && !credit && !headline {
            paragraphs.push(paragraph);
        }
    }
    // A comments heading left at the end, above comments taken out or a comment section the page loads later, is
    // not the article's last paragraph either.
    while paragraphs.last().is_some_and(|p| p.chars().count() < 120 && plain::is_comments_heading(p)) {
        paragraphs.pop();
    }
    paragraphs
}

/// Whether `paragraph` is the page's headline: its title, or the part of it before the site's name or page
/// number ("Fährplan ab März" of "Fährplan ab März - Seite 1").
fn is_headline(paragraph: &str, title: &str) -> bool {
    title.strip_prefix(paragraph).is_some_and(|rest| {
        rest.is_empty() || rest.starts_with(' ') && rest.trim_start().starts_with(['-', '|', '–', '—', ':', '·', '»'])
    })
}

fn first_words(body: &str) -> String {
    let first = body.lines().next().unwrap_or("Untitled");
    let words: Vec<&str> = first.split_whitespace().take(12).collect();
    if words.is_empty() { "Untitled".to_owned() } else { words.join(" ") }
}
