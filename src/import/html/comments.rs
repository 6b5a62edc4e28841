//! Reader comments in HTML pages, found by structure rather than by one site's markup.
//!
//! A comment section is an element whose id or class speaks of comments (or discussion, responses, Disqus …).
//! Inside it, the comments are the largest group of sibling elements that look alike (same tag and same
//! comment-ish class or id pattern): WordPress's `li.comment`, Drupal's `div.comment`, plugin markup such as
//! `div#comment-123`, or a blog platform's `ul.single-post`. A reply is an element of the same kind nested inside
//! another. Each comment's author, date and text are then read from the usual roles inside it.

use std::sync::LazyLock;

use std::collections::HashSet;

use dom_query::{Document, NodeId, NodeRef};
use regex::Regex;

use super::comment_fields::read_fields;
use super::nodes::{has_text, words};
use crate::import::ExtractedComment;
use crate::import::plain;

/// Words in an id or class that mark a comment section or a comment.
const SECTION_WORDS: &[&str] = &[
    "comment",
    "kommentar",
    "komentar",
    "coment",
    "leserbrief",
    "discuss",
    "response",
    "reaction",
    "disqus",
    "feedback",
    "replies",
];
/// Words that mark the parts of a comment area that are not comments: forms, counters, sidebar widgets.
const NOT_SECTION_WORDS: &[&str] = &[
    "form",
    "respond",
    "reply-title",
    "textarea",
    "count",
    "button",
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
/// Elements that can hold a comment section: blocks, not links, headings, scripts or the whole page.
const CONTAINER_TAGS: &[&str] = &["div", "section", "article", "aside", "ol", "ul", "dl", "main", "footer", "table"];
/// Elements that hold one comment each.
const ITEM_TAGS: &[&str] = &["li", "div", "article", "section", "ul", "dl", "dd", "table", "tr"];

/// What [`take`] found.
pub(super) struct Taken {
    /// The comments in page order, replies after the comment they answer.
    pub comments: Vec<ExtractedComment>,
    /// The search changed the page but found no comments after all: parse the page again before reading its body.
    pub spoiled: bool,
}

/// Finds the comments of the page and removes them (and the section around them) from `document`.
pub(super) fn take(document: &Document) -> Taken {
    let Some(mut group) = best_group(document) else { return plain_list(document) };
    // Alike elements further down the container are replies set apart in their own block (Drupal's
    // `div.indented`): each answers the nearest alike element before it that is less deep.
    group.items = group
        .container
        .descendants_it()
        .filter(|d| d.is_element() && key(d).as_deref() == Some(group.key.as_str()))
        .filter(|d| !alike_ancestor(d, &group.container, &group.key))
        .collect();
    let mut comments = Vec::new();
    let mut marked = 0;
    let mut open: Vec<(usize, Option<usize>)> = Vec::new();
    for item in &group.items {
        let depth = item.ancestors_it(None).take_while(|a| a.id != group.container.id).count();
        while open.last().is_some_and(|&(d, _)| d >= depth) {
            open.pop();
        }
        let parent = open.last().and_then(|&(_, index)| index);
        let index = read_item(item, &group.key, parent, (&mut comments, &mut marked));
        open.push((depth, index));
    }
    // Names only guessed from head lines, with no dates either, are as often a legend of badges or a prompt.
    let dated = comments.iter().filter(|c| c.date.is_some()).count();

    if !plausible(&comments) || marked * 2 < comments.len() && dated * 2 < comments.len() {
        return Taken { comments: Vec::new(), spoiled: true };
    }
    remove_section(&group);
    Taken { comments, spoiled: false }
}

static COUNTER: LazyLock<Regex> =
    LazyLock::new(|| crate::import::regex(r"(?i)^[\d.,]+\s*k?\s*(?:comments?|replies|responses|views?)(?-u:\b)"));

/// Reader comments have authors and say something; "most commented" lists, badges and counters do not.
fn plausible(comments: &[ExtractedComment]) -> bool {
    let real = comments
        .iter()
        .filter(|c| !COUNTER.is_match(&c.text) && c.text.chars().filter(|ch| ch.is_alphabetic()).count() >= 2);
    let (count, with_author, dated) = real.fold((0, 0, 0), |(n, a, d), c| {
        (n + 1, a + usize::from(!c.author.is_empty()), d + usize::from(c.date.is_some()))
    });
    // One comment alone must say when it was written too: a lone block with a name is as often a prompt.
    count > 0 && with_author * 2 >= count && count * 2 >= comments.len() && (count > 1 || dated > 0)
}

/// Comments written as plain paragraphs ("Name says:" then the text) inside a comment section, as some
/// templates and hand-made pages have them.
fn plain_list(document: &Document) -> Taken {
    for section in sections(document) {
        let text = format!("Comments\n\n{}", section.formatted_text());
        if let Some((_, comments)) = plain::split_comments(&text)
            && plausible(&comments)
        {
            section.remove_from_parent();
            return Taken { comments, spoiled: false };
        }
    }
    Taken { comments: Vec::new(), spoiled: false }
}

/// The outermost elements of the page named for comments.
fn sections(document: &Document) -> Vec<NodeRef<'_>> {
    let Some(body) = document.body() else { return Vec::new() };
    // Walking the tree (rather than matching "body *", which checks every element's ancestors) stays linear
    // however deep a page nests.
    let outermost: Vec<NodeRef<'_>> = body
        .descendants_it()
        .filter(|n| n.is_element() && is_section(n))
        // Only the outermost, and none in a sidebar. Being inside a "widget" says nothing: page builders wrap
        // everything in widgets and templates put "widget" in the body's classes; a sidebar's list of comments
        // elsewhere names itself (recent, latest, popular: `is_not_comment`).
        .filter(|n| !n.ancestors_it(None).any(|a| is_section(&a) || is_sidebar(&a)))
        .collect();
    around_alike(outermost, body.id)
}

/// Where the outermost elements named for comments are alike (the same key), they are the comments themselves and
/// no element around them says so: the nearest element holding them all is their section (unless that is the
/// whole page).
fn around_alike(outermost: Vec<NodeRef<'_>>, body: NodeId) -> Vec<NodeRef<'_>> {
    let mut by_key: Vec<(String, Vec<NodeRef<'_>>)> = Vec::new();
    let mut sections = Vec::new();
    for node in outermost {
        match key(&node) {
            Some(k) => match by_key.iter_mut().find(|(have, _)| *have == k) {
                Some((_, nodes)) => nodes.push(node),
                None => by_key.push((k, vec![node])),
            },
            None => sections.push(node),
        }
    }
    for (_, nodes) in by_key {
        if nodes.len() < 3 {
            sections.extend(nodes);
            continue;
        }
        let chain: Vec<NodeId> = nodes[0].ancestors_it(None).map(|a| a.id).collect();
        let common = nodes[1..].iter().fold(0, |deepest, node| {
            let theirs: HashSet<NodeId> = node.ancestors_it(None).map(|a| a.id).collect();
            chain.iter().position(|id| theirs.contains(id)).map_or(chain.len(), |at| at.max(deepest))
        });
        match chain.get(common).and_then(|id| nodes[0].ancestors_it(None).find(|a| a.id == *id)) {
            Some(around) if around.id != body => {
                if !sections.iter().any(|s: &NodeRef<'_>| s.id == around.id) {
                    sections.push(around);
                }
            }
            _ => sections.extend(nodes),
        }
    }
    sections
}

/// Whether `node` is a sidebar: an `aside`, or a class or id that is, or begins with, "sidebar" (not a layout's
/// "right-sidebar" or "has-sidebar", which wrap the article too). A sidebar never holds the page's headline or
/// lies inside `main` or the article: an `aside` there (comments set beside the text) is part of the page.
fn is_sidebar(node: &NodeRef<'_>) -> bool {
    let named = node.node_name().is_some_and(|t| t.eq_ignore_ascii_case("aside"))
        || words(node).split_whitespace().any(|token| token.starts_with("sidebar"));
    named
        && !node.descendants_it().any(|d| d.node_name().is_some_and(|t| t.eq_ignore_ascii_case("h1")))
        && !node
            .ancestors_it(None)
            .any(|a| a.node_name().is_some_and(|t| t.eq_ignore_ascii_case("main") || t.eq_ignore_ascii_case("article")))
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

/// Checked on every element of the page, so it looks at the id and class without copying them. Only block
/// containers count: the page's `html` and `body` carry template state in their classes (`comments-open`), and a
/// link or heading named for comments ("12 comments") holds none.
fn is_section(node: &NodeRef<'_>) -> bool {
    if node.node_name().is_some_and(|tag| !CONTAINER_TAGS.iter().any(|t| tag.eq_ignore_ascii_case(t))) {
        return false;
    }
    let contains = |value: &str| {
        let bytes = value.as_bytes();
        SECTION_WORDS.iter().any(|w| bytes.windows(w.len()).any(|window| window.eq_ignore_ascii_case(w.as_bytes())))
    };
    let (id, class) = (node.id_attr(), node.class());
    (id.as_deref().is_some_and(contains) || class.as_deref().is_some_and(contains)) && !is_not_comment(node)
}

/// Words that mark a sidebar list of comments elsewhere on the site; they name it even inside a longer word
/// (`recentcomments`).
const ELSEWHERE_WORDS: &[&str] = &["recent", "latest", "popular", "trending"];

/// Whether the id or class of `node` names something other than the page's comments.
pub(super) fn is_not_comment(node: &NodeRef<'_>) -> bool {
    let words = words(node);
    words.split(|c: char| !c.is_alphanumeric()).any(|part| NOT_SECTION_WORDS.contains(&part))
        || ELSEWHERE_WORDS.iter().any(|w| words.contains(w))
}

/// What makes two comment elements alike: the tag and the comment-ish class, or the id with its digits blanked.
pub(super) fn key(node: &NodeRef<'_>) -> Option<String> {
    let tag = node.node_name()?.to_lowercase();
    if !ITEM_TAGS.contains(&tag.as_str()) {
        return None;
    }
    let class = node.class().map(|c| c.to_lowercase()).unwrap_or_default();
    let tokens: Vec<&str> = class.split_whitespace().collect();
    let token = tokens
        .iter()
        .find(|t| SECTION_WORDS.iter().any(|w| t.contains(w)) || t.contains("post") || t.contains("reply"))
        .or_else(|| tokens.first())
        .map(|t| (*t).to_owned());
    let id = node.id_attr().map(|i| numbered(&i.to_lowercase())).filter(|i| i.contains('#'));
    Some(format!("{tag}|{}|{}", token.unwrap_or_default(), id.unwrap_or_default()))
}

/// `text` with each run of digits replaced by one `#`: `comment-123` and `comment-9` are alike.
fn numbered(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('#') {
            out.push('#');
        }
    }
    out
}

/// The largest group of alike elements inside any comment section of the page.
fn best_group(document: &Document) -> Option<Group<'_>> {
    let mut best: Option<Group<'_>> = None;
    for section in sections(document) {
        let skip = furniture(section);
        let containers = std::iter::once(section).chain(section.descendants_it().filter(NodeRef::is_element));
        for container in containers.filter(|c| !skip.contains(&c.id)) {
            let Some(group) = group_in(section, &container, &skip) else { continue };
            // The larger group wins; among equals, elements named for comments.
            let rank = |g: &Group<'_>| (g.items.len(), commentish(&g.key));
            if best.as_ref().is_none_or(|b| rank(&group) > rank(b)) {
                best = Some(group);
            }
        }
    }
    best
}

/// The elements of a section that are, or lie inside, its comment form or another part that holds no comments.
/// Found in one pass (parents come before their children), so that a deep section costs no more than a long one.
fn furniture(section: NodeRef<'_>) -> HashSet<NodeId> {
    let mut skip = HashSet::new();
    for node in section.descendants_it().filter(NodeRef::is_element) {
        let inherited = node.parent().is_some_and(|p| skip.contains(&p.id));
        let tag = node.node_name().map(|t| t.to_lowercase()).unwrap_or_default();
        if inherited || matches!(tag.as_str(), "form" | "nav" | "button" | "fieldset") || is_not_comment(&node) {
            skip.insert(node.id);
        }
    }
    skip
}

/// The largest set of alike children of `container` that hold text. Inside a comment section any alike
/// elements count (Disqus's `li.post`); `section` is always one, so a list in the article is never a thread.
fn group_in<'a>(section: NodeRef<'a>, container: &NodeRef<'a>, skip: &HashSet<NodeId>) -> Option<Group<'a>> {
    let mut groups: Vec<(String, Vec<NodeRef<'a>>)> = Vec::new();
    for child in container.element_children() {
        let Some(key) = key(&child) else { continue };
        if skip.contains(&child.id) || !has_text(&child) {
            continue;
        }
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, items)) => items.push(child),
            None => groups.push((key, vec![child])),
        }
    }
    let (key, items) = groups.into_iter().max_by_key(|(_, items)| items.len())?;
    let container = *container;
    // One alike element is a comment only if it says so itself.
    (items.len() >= 2 || commentish(&key) && items.len() == 1).then_some(Group { section, container, items, key })
}

/// A key whose class or id names a comment or reply, or numbers its elements (`comment-123`).
fn commentish(key: &str) -> bool {
    let mut parts = key.split('|').skip(1);
    let (token, id) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    SECTION_WORDS.iter().any(|w| token.contains(w)) || token.contains("reply") || id.contains('#')
}

/// Reads one comment and, after it, its replies (nested elements of the same kind). Returns the index of the
/// comment in `out` (or of `parent`, if the element held no comment of its own).
fn read_item(
    item: &NodeRef<'_>,
    group_key: &str,
    parent: Option<usize>,
    (out, marked): (&mut Vec<ExtractedComment>, &mut usize),
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
        Some((mut comment, by_markup)) => {
            *marked += usize::from(by_markup);
            comment.parent = parent;
            out.push(comment);
            Some(out.len() - 1)
        }
        None => parent,
    };
    for reply in &replies {
        read_item(reply, group_key, index, (&mut *out, &mut *marked));
    }
    index
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

    #[test]
    fn comments_that_name_themselves_are_found_in_their_common_container() {
        let item = |n: usize| {
            format!(
                r#"<div class="ForumComment" id="post_{n}"><span class="comment-author">User{n}</span><time>12.0{n}.2020</time>
                <div class="ForumCommentText">Comment number {n} says something about the article at some length.</div></div>"#
            )
        };
        let html = format!(
            "<html><body><main><article><p>Story text.</p></article><div>{}{}{}</div></main></body></html>",
            item(1),
            item(2),
            item(3)
        );
        let comments = comments_of(&html);
        assert_eq!(comments.len(), 3);
        assert_eq!(comments[0].author, "User1");
        assert!(comments[2].text.starts_with("Comment number 3"));
    }

    #[test]
    fn an_aside_in_the_main_column_and_template_classes_on_the_body_hide_nothing() {
        let html = r##"<html><body class="single comments-open widget-layout right-sidebar"><main>
            <article><h1>Title</h1><p>Story text.</p></article>
            <aside><div id="comments" class="comments-area"><ol class="commentlist">
              <li class="comment" id="comment-1"><cite class="fn">Ann</cite><div class="comment-content"><p>First one.</p></div></li>
              <li class="comment" id="comment-2"><cite class="fn">Bob</cite><div class="comment-content"><p>Second one.</p></div></li>
            </ol></div></aside></main>
            <aside class="sidebar"><div class="recentcomments"><ul><li class="comment"><cite class="fn">Cy</cite> on Elsewhere</li></ul></div></aside>
            </body></html>"##;
        let authors: Vec<String> = comments_of(html).into_iter().map(|c| c.author).collect();
        assert_eq!(authors, ["Ann", "Bob"]);
    }
}
