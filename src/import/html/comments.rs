//! Reader comments in HTML pages, found by structure rather than by one site's markup.
//!
//! A comment section is an element whose id or class speaks of comments (or discussion, responses, Disqus …).
//! Inside it, the comments are the largest group of sibling elements that look alike (same tag and same
//! comment-ish class or id pattern): WordPress's `li.comment`, Drupal's `div.comment`, plugin markup such as
//! `div#comment-123`, or a blog platform's `ul.single-post`. A reply is an element of the same kind nested inside
//! another. Each comment's author, date and text are then read from the usual roles inside it.

use std::sync::LazyLock;

use dom_query::{Document, NodeRef, Selection};
use regex::Regex;

use crate::import::ExtractedComment;
use crate::import::plain::looks_like_date;

/// Words in an id or class that mark a comment section or a comment.
const SECTION_WORDS: &[&str] = &["comment", "discuss", "respons", "reaction", "disqus", "feedback", "replies"];
/// Words that mark the parts of a comment area that are not comments: forms, counters, sidebar widgets.
const NOT_SECTION_WORDS: &[&str] = &[
    "form",
    "respond",
    "reply-title",
    "textarea",
    "count",
    "button",
    "widget",
    "recent",
    "latest",
    "rss",
    "feed",
    "policy",
    "tou",
    "login",
    "identity",
    "push",
    "icon",
    "avatar",
    "nav",
    "pagination",
];
/// Elements that hold one comment each.
const ITEM_TAGS: &[&str] = &["li", "div", "article", "section", "ul", "dl", "table", "tr"];

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
static DIGITS: LazyLock<Regex> = LazyLock::new(|| crate::import::regex(r"\d+"));

/// What [`take`] found.
pub(super) struct Taken {
    /// The comments in page order, replies after the comment they answer.
    pub comments: Vec<ExtractedComment>,
    /// The search changed the page but found no comments after all: parse the page again before reading its body.
    pub spoiled: bool,
}

/// Finds the comments of the page and removes them (and the section around them) from `document`.
pub(super) fn take(document: &Document) -> Taken {
    let Some(mut group) = best_group(document) else { return Taken { comments: Vec::new(), spoiled: false } };
    // Alike elements further down the container are replies set apart in their own block (Drupal's
    // `div.indented`): each answers the nearest alike element before it that is less deep.
    group.items = group
        .container
        .descendants_it()
        .filter(|d| d.is_element() && key(d).as_deref() == Some(group.key.as_str()))
        .filter(|d| !alike_ancestor(d, &group.container, &group.key))
        .collect();
    let mut comments = Vec::new();
    let mut open: Vec<(usize, Option<usize>)> = Vec::new();
    for item in &group.items {
        let depth = item.ancestors_it(None).take_while(|a| a.id != group.container.id).count();
        while open.last().is_some_and(|&(d, _)| d >= depth) {
            open.pop();
        }
        let parent = open.last().and_then(|&(_, index)| index);
        let index = read_item(item, &group.key, parent, &mut comments);
        open.push((depth, index));
    }
    if !plausible(&comments) {
        return Taken { comments: Vec::new(), spoiled: true };
    }
    remove_section(&group);
    Taken { comments, spoiled: false }
}

static COUNTER: LazyLock<Regex> =
    LazyLock::new(|| crate::import::regex(r"(?i)^[\d.,]+\s*k?\s*(?:comments?|replies|responses|views?)\b"));

/// Reader comments have authors and say something; "most commented" lists, badges and counters do not.
fn plausible(comments: &[ExtractedComment]) -> bool {
    let real = comments
        .iter()
        .filter(|c| !COUNTER.is_match(&c.text) && c.text.chars().filter(|ch| ch.is_alphabetic()).count() >= 2);
    let (count, with_author) = real.fold((0, 0), |(n, a), c| (n + 1, a + usize::from(!c.author.is_empty())));
    count > 0 && with_author * 2 >= count && count * 2 >= comments.len()
}

/// Whether an element alike `node` lies between it and `container`: then `node` is a reply inside it.
fn alike_ancestor(node: &NodeRef<'_>, container: &NodeRef<'_>, group_key: &str) -> bool {
    node.ancestors_it(None).take_while(|a| a.id != container.id).any(|a| key(&a).as_deref() == Some(group_key))
}

/// The comments of one section: the elements that hold them and what makes them alike.
struct Group<'a> {
    section: NodeRef<'a>,
    container: NodeRef<'a>,
    items: Vec<NodeRef<'a>>,
    key: String,
}

/// Lower-case id and class of an element.
fn words(node: &NodeRef<'_>) -> String {
    let id = node.id_attr().map(|s| s.to_lowercase()).unwrap_or_default();
    let class = node.class().map(|s| s.to_lowercase()).unwrap_or_default();
    format!("{id} {class}")
}

fn is_section(node: &NodeRef<'_>) -> bool {
    let words = words(node);
    SECTION_WORDS.iter().any(|w| words.contains(w)) && !NOT_SECTION_WORDS.iter().any(|w| words.contains(w))
}

/// What makes two comment elements alike: the tag and the comment-ish class, or the id with its digits blanked.
fn key(node: &NodeRef<'_>) -> Option<String> {
    let tag = node.node_name()?.to_lowercase();
    if !ITEM_TAGS.contains(&tag.as_str()) {
        return None;
    }
    let class = node.class().map(|c| c.to_lowercase()).unwrap_or_default();
    let tokens: Vec<&str> = class.split_whitespace().collect();
    let token = tokens
        .iter()
        .find(|t| t.contains("comment") || t.contains("post") || t.contains("reply"))
        .or_else(|| tokens.first())
        .map(|t| (*t).to_owned());
    let id = node.id_attr().map(|i| DIGITS.replace_all(&i.to_lowercase(), "#").into_owned());
    let id = id.filter(|i| i.contains('#'));
    Some(format!("{tag}|{}|{}", token.unwrap_or_default(), id.unwrap_or_default()))
}

fn has_text(node: &NodeRef<'_>) -> bool {
    node.text().chars().any(char::is_alphanumeric)
}

/// The largest group of alike elements inside any comment section of the page.
fn best_group(document: &Document) -> Option<Group<'_>> {
    let sections: Vec<NodeRef<'_>> = document
        .select("body *")
        .nodes()
        .iter()
        .filter(|n| is_section(n) && !n.ancestors_it(None).any(|a| is_section(&a)))
        .copied()
        .collect();
    let mut best: Option<Group<'_>> = None;
    for section in sections {
        let containers = std::iter::once(section).chain(section.descendants_it().filter(NodeRef::is_element));
        for container in containers {
            let Some(group) = group_in(section, &container) else { continue };
            // The larger group wins; among equals, elements named for comments.
            let rank = |g: &Group<'_>| (g.items.len(), commentish(&g.key));
            if best.as_ref().is_none_or(|b| rank(&group) > rank(b)) {
                best = Some(group);
            }
        }
    }
    best
}

/// The largest set of alike children of `container` that hold text. Outside an element that is itself named
/// for comments, only elements named for comments count: a list in the article is not a comment thread.
fn group_in<'a>(section: NodeRef<'a>, container: &NodeRef<'a>) -> Option<Group<'a>> {
    let named_container = is_section(container);
    let mut groups: Vec<(String, Vec<NodeRef<'a>>)> = Vec::new();
    for child in container.element_children() {
        let Some(key) = key(&child) else { continue };
        let not_comment = NOT_SECTION_WORDS.iter().any(|w| words(&child).contains(w));
        if !has_text(&child) || not_comment || !named_container && !commentish(&key) {
            continue;
        }
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, items)) => items.push(child),
            None => groups.push((key, vec![child])),
        }
    }
    let (key, items) = groups.into_iter().max_by_key(|(_, items)| items.len())?;
    // One alike element is a comment only if it says so itself.
    let container = *container;
    (items.len() >= 2 || commentish(&key) && items.len() == 1).then_some(Group { section, container, items, key })
}

/// A key whose class or id names a comment or reply, or numbers its elements (`comment-123`).
fn commentish(key: &str) -> bool {
    let mut parts = key.split('|').skip(1);
    let (token, id) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    token.contains("comment") || token.contains("reply") || id.contains('#')
}

/// Reads one comment and, after it, its replies (nested elements of the same kind). Returns the index of the
/// comment in `out` (or of `parent`, if the element held no comment of its own).
fn read_item(
    item: &NodeRef<'_>,
    group_key: &str,
    parent: Option<usize>,
    out: &mut Vec<ExtractedComment>,
) -> Option<usize> {
    let replies: Vec<NodeRef<'_>> = item
        .descendants_it()
        .filter(|d| d.is_element() && key(d).as_deref() == Some(group_key))
        // Only the outermost nested ones: deeper replies belong to them.
        .filter(|d| !alike_ancestor(d, item, group_key))
        .collect();
    for reply in &replies {
        reply.remove_from_parent();
    }
    let index = match read_fields(item) {
        Some(mut comment) => {
            comment.parent = parent;
            out.push(comment);
            Some(out.len() - 1)
        }
        None => parent,
    };
    for reply in &replies {
        read_item(reply, group_key, index, out);
    }
    index
}

/// Author, date, number and text of one comment element (its replies already taken out).
fn read_fields(item: &NodeRef<'_>) -> Option<ExtractedComment> {
    remove_noise(item);
    let scope = Selection::from(*item);
    let author_node = first_match(&scope, AUTHOR_SELECTORS, |text| (1..=80).contains(&text.chars().count()));
    let author = author_node.as_ref().map(|n| clean_author(&n.text())).unwrap_or_default();
    let date = first_match(&scope, DATE_SELECTORS, |text| {
        text.chars().count() <= 80 && text.chars().any(|c| c.is_ascii_digit())
    })
    .and_then(|n| date_of(&n));
    let number = first_match(&scope, NUMBER_SELECTORS, |text| text.chars().count() <= 8)
        .and_then(|n| DIGITS.find(&n.text()).map(|m| m.as_str().to_owned()));
    let excluded: Vec<NodeRef<'_>> = author_node.into_iter().collect();
    let body = CONTENT_SELECTORS
        .iter()
        .filter_map(|sel| scope.try_select(sel))
        .flat_map(|s| s.nodes().to_vec())
        .find(|n| has_text(n) && !excluded.iter().any(|x| is_inside(x, n)));
    let text = match body {
        Some(body) => paragraphs(&body.formatted_text()),
        None => {
            for node in &excluded {
                node.remove_from_parent();
            }
            scope.select("time, abbr, [class*=date], [class*=time], [class*=meta]").remove();
            paragraphs(&item.formatted_text())
        }
    };
    if text.is_empty() {
        return None;
    }
    Some(ExtractedComment { number, author, date, text, parent: None })
}

const AUTHOR_SELECTORS: &[&str] = &[
    "[itemprop=author] [itemprop=name]",
    "[itemprop=author]",
    ".fn",
    "cite",
    "[class*=author-name], [class*=author_name]",
    "[class*=author] a",
    "[class*=author]",
    "[class*=user-name], [class*=username], [class*=user_name], [class*=nickname]",
    "[class*=name]",
    "[class*=user]",
];
const DATE_SELECTORS: &[&str] =
    &["time", "abbr.published", "[class*=date]", "[class*=time]", "[class*=published]", "[class*=meta] a"];
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

/// The first element, by selector priority, whose trimmed text passes `fits`.
fn first_match<'a>(scope: &Selection<'a>, selectors: &[&str], fits: impl Fn(&str) -> bool) -> Option<NodeRef<'a>> {
    selectors.iter().filter_map(|sel| scope.try_select(sel)).flat_map(|s| s.nodes().to_vec()).find(|n| {
        let text = n.text();
        let text = text.trim();
        !text.is_empty() && fits(text)
    })
}

fn is_inside(node: &NodeRef<'_>, container: &NodeRef<'_>) -> bool {
    node.id == container.id || node.ancestors_it(None).any(|a| a.id == container.id)
}

/// Buttons, forms, pictures and scripts inside a comment are not its text.
fn remove_noise(item: &NodeRef<'_>) {
    let scope = Selection::from(*item);
    scope.select("script, style, noscript, template, form, button, svg, img, textarea, iframe, input, select").remove();
    let noisy: Vec<NodeRef<'_>> = item
        .descendants_it()
        .filter(NodeRef::is_element)
        .filter(|d| {
            let tokens = words(d);
            tokens.split_whitespace().any(|t| NOISE_TOKEN.is_match(t)) || NOISE_TEXT.is_match(d.text().trim())
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
    let text = node.text().split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.trim_end_matches([':', ' ']);
    let text =
        ["wrote on ", "posted on ", "on ", "於 ", "于 "].iter().fold(text, |t, p| t.strip_prefix(p).unwrap_or(t));
    if looks_like_date(text) {
        return Some(text.to_owned());
    }
    node.attr("datetime").or_else(|| node.attr("title")).map(|a| a.to_string()).filter(|a| looks_like_date(a))
}

/// Formatted text as paragraphs separated by a blank line, without button words.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|p| p.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n"))
        .filter(|p| !p.is_empty() && !NOISE_TEXT.is_match(p))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Takes the comments out of the page, and the section around them unless it also holds other text.
fn remove_section(group: &Group<'_>) {
    let section_chars = group.section.text().chars().filter(|c| !c.is_whitespace()).count();
    for item in &group.items {
        item.remove_from_parent();
    }
    let left = group.section.text().chars().filter(|c| !c.is_whitespace()).count();
    // What is left is headings, forms and counters; a section that still holds much text wraps the article too.
    if left < 1000 || left * 2 < section_chars {
        group.section.remove_from_parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comments_of(html: &str) -> Vec<ExtractedComment> {
        take(&Document::from(html)).comments
    }

    #[test]
    fn wordpress_threads_keep_their_replies() {
        let html = r##"<html><body><article><p>Story text.</p></article>
            <section id="comments"><h3>2 comments</h3><ol id="comment-list">
              <li id="comment-1" class="comment even depth-1"><p class="vcard"><cite class="author fn">Alexander</cite>
                <span class="comment-meta">wrote on <a href="#"><abbr class="published" title="2015-03-11">March 11th, 2015</abbr></a>:</span></p>
                <blockquote class="entry-content"><p>how do you abort a fetch?</p></blockquote>
                <p class="comment-util"><a class="comment-reply-link" href="#">Reply</a></p>
                <ol class="children">
                  <li id="comment-2" class="comment byuser odd depth-2"><p class="vcard"><cite class="author fn">Nikhil</cite></p>
                    <blockquote class="entry-content"><p>There is no way to abort yet.</p></blockquote></li>
                </ol></li>
            </ol></section></body></html>"##;
        let comments = comments_of(html);
        let summary: Vec<(&str, Option<usize>, &str)> =
            comments.iter().map(|c| (c.author.as_str(), c.parent, c.text.as_str())).collect();
        assert_eq!(
            summary,
            [("Alexander", None, "how do you abort a fetch?"), ("Nikhil", Some(0), "There is no way to abort yet.")]
        );
        assert_eq!(comments[0].date.as_deref(), Some("March 11th, 2015"));
    }

    #[test]
    fn drupal_replies_in_an_indented_block_follow_their_parent() {
        let html = r##"<html><body><div id="comments">
            <a id="comment-1"></a><div class="comment odd"><h3 class="name"><span class="username">Ann</span></h3>
              <div class="field-comment-body"><p>First.</p></div><ul class="links"><li class="comment-reply"><a>reply</a></li></ul></div>
            <div class="indented"><a id="comment-2"></a><div class="comment even"><span class="username">Bob</span>
              <div class="field-comment-body"><p>An answer.</p></div></div></div>
            <a id="comment-3"></a><div class="comment odd"><span class="username">Cy</span>
              <div class="field-comment-body"><p>Third.</p></div></div>
            </div></body></html>"##;
        let comments = comments_of(html);
        let summary: Vec<(&str, Option<usize>, &str)> =
            comments.iter().map(|c| (c.author.as_str(), c.parent, c.text.as_str())).collect();
        assert_eq!(summary, [("Ann", None, "First."), ("Bob", Some(0), "An answer."), ("Cy", None, "Third.")]);
    }
}
