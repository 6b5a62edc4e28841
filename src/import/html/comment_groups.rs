//! Where a page's comments may be: its sections named for comments (or reviews, answers, discussion …), and
//! inside them the groups of alike elements that may be the comments, best first. Nothing here changes the
//! page; `comments` reads each candidate on a copy and keeps the first that reads as comments.

use std::collections::{HashMap, HashSet};

use dom_query::{Document, NodeId, NodeRef};

use super::comment_heading::HEADED_CLASS;
use super::comment_key::{Key, is_comment_item, is_not_comment, key, names_comment};
use super::nodes::{has_text, tag_in, words};

/// Elements that can hold a comment section: blocks, not links, headings, scripts or the whole page.
const CONTAINER_TAGS: &[&str] = &["div", "section", "article", "aside", "ol", "ul", "dl", "main", "footer", "table"];

/// The outermost elements of the page named for comments.
pub(super) fn sections(document: &Document) -> Vec<NodeRef<'_>> {
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
    let mut by_key: Vec<(Key, Vec<NodeRef<'_>>)> = Vec::new();
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
    for (k, nodes) in by_key {
        // Microdata or ARIA items are comments even alone; elements alike only by name need three.
        if nodes.len() < 3 && !k.item {
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
    let named = node.has_name("aside") || words(node).split_whitespace().any(|token| token.starts_with("sidebar"));
    named
        && !node.descendants_it().any(|d| d.has_name("h1"))
        && !node
            .ancestors_it(None)
            .any(|a| a.node_name().is_some_and(|t| t.eq_ignore_ascii_case("main") || t.eq_ignore_ascii_case("article")))
}

/// Whether an element alike `node` lies between it and `container`: then `node` is a reply inside it.
pub(super) fn alike_ancestor(node: &NodeRef<'_>, container: &NodeRef<'_>, group_key: Key) -> bool {
    node.ancestors_it(None).take_while(|a| a.id != container.id).any(|a| key(&a) == Some(group_key))
}

/// Checked on every element of the page, so it looks at the id and class without copying them. Only block
/// containers count: the page's `html` and `body` carry template state in their classes (`comments-open`), and a
/// link or heading named for comments ("12 comments") holds none.
fn is_section(node: &NodeRef<'_>) -> bool {
    if is_comment_item(node) {
        return is_reader_item(node);
    }
    if node.is_element() && tag_in(node, CONTAINER_TAGS).is_none() {
        return false;
    }
    // A blog's taxonomy classes (`category-kommentar`, `tag-reviews`) say what a post is about, not what the
    // element holds.
    let contains = |value: &str| value.split_whitespace().any(|token| !is_taxonomy(token) && names_comment(token));
    let (id, class) = (node.id_attr(), node.class());
    (id.as_deref().is_some_and(contains) || class.as_deref().is_some_and(contains)) && !is_not_comment(node)
}

/// Whether a comment or review item of microdata is a reader's, not the page's own: a review that is the article
/// holds its headline, or more text than a comment has.
fn is_reader_item(node: &NodeRef<'_>) -> bool {
    const LONGEST: usize = 5000;
    let mut length = 0;
    for d in node.descendants_it() {
        if d.has_name("h1") {
            return false;
        }
        if d.is_text() {
            length += d.text().len();
            if length > LONGEST {
                return false;
            }
        }
    }
    true
}

/// Whether a class token is a content management system's taxonomy term rather than a part's name.
fn is_taxonomy(token: &str) -> bool {
    ["category-", "tag-", "cat-", "topic-", "format-"]
        .iter()
        .any(|prefix| token.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix)))
}

/// A group of alike elements that may be a page's comments, by node ids so that it can be read on a copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Candidate {
    /// The outermost element named for comments around it: taken out of the page with them.
    pub section: NodeId,
    /// The element holding every one of them.
    pub container: NodeId,
    /// What makes them alike ([`key`]).
    pub key: Key,
    /// How many there are (alike siblings, or for a scattered group every one, replies too); it only ranks them.
    pub size: usize,
}

/// How many candidates of each kind are read before the page is taken to have no comments: reading costs a copy
/// of the page, and a page whose best few groups read as no comments has none the rest would find.
const SIBLING_TRIES: usize = 6;
const SCATTERED_TRIES: usize = 2;

/// The likeliest groups of alike siblings inside the comment sections of the page, best first: the largest sets
/// (among equals, those named for comments, then page order).
pub(super) fn candidates(document: &Document) -> Vec<Candidate> {
    let mut siblings: Vec<(bool, Candidate)> = Vec::new();
    for section in sections(document) {
        let skip = furniture(section);
        let containers = std::iter::once(section).chain(section.descendants_it().filter(NodeRef::is_element));
        for container in containers.filter(|c| !skip.contains(&c.id)) {
            if let Some((key, size)) = group_in(&container, &skip) {
                siblings.push((key.named, Candidate { section: section.id, container: container.id, key, size }));
            }
        }
    }
    // A stable sort keeps page order among equals.
    siblings.sort_by(|(a_named, a), (b_named, b)| (b.size, b_named).cmp(&(a.size, a_named)));
    siblings.into_iter().map(|(_, c)| c).take(SIBLING_TRIES).collect()
}

/// Where no group of siblings read as comments: elements named for comments that lie scattered through a section,
/// each wrapped in blocks of its own (a thread drawn by depth, as some apps write it), the largest groups first and
/// none already `tried`. Looked for only then, since it costs another pass over every section.
pub(super) fn scattered_candidates(document: &Document, tried: &[Candidate]) -> Vec<Candidate> {
    let mut scattered: Vec<Candidate> =
        sections(document).into_iter().flat_map(|section| scattered_in(section, &furniture(section))).collect();
    scattered.sort_by_key(|c| std::cmp::Reverse(c.size));
    scattered.retain(|c| !tried.iter().any(|t| t.key == c.key && t.container == c.container));
    scattered.truncate(SCATTERED_TRIES);
    scattered
}

/// Elements named for comments (or numbered so) anywhere in `section`, grouped by key. Every one is counted,
/// replies too: the count only ranks the groups, and [`Candidate`] readers find the outermost ones themselves.
fn scattered_in(section: NodeRef<'_>, skip: &HashSet<NodeId>) -> Vec<Candidate> {
    let mut counts: HashMap<Key, usize> = HashMap::new();
    for node in section.descendants_it().filter(NodeRef::is_element) {
        if let Some(key) = key(&node).filter(|k| k.named && !skip.contains(&node.id)) {
            *counts.entry(key).or_default() += 1;
        }
    }
    let mut out: Vec<Candidate> = counts
        .into_iter()
        .filter(|(_, size)| *size >= 2)
        .map(|(key, size)| Candidate { section: section.id, container: section.id, key, size })
        .collect();
    out.sort_by(|a, b| b.size.cmp(&a.size).then_with(|| a.key.cmp(&b.key)));
    out
}

/// The elements of a section that are, or lie inside, its comment form or another part that holds no comments.
/// Found in one pass (parents come before their children), so that a deep section costs no more than a long one.
fn furniture(section: NodeRef<'_>) -> HashSet<NodeId> {
    let mut skip = HashSet::new();
    for node in section.descendants_it().filter(NodeRef::is_element) {
        let inherited = node.parent().is_some_and(|p| skip.contains(&p.id));
        let apart = ["form", "nav", "button", "fieldset"].iter().any(|f| node.has_name(f));
        if inherited || apart || is_not_comment(&node) {
            skip.insert(node.id);
        }
    }
    skip
}

/// The largest set of alike children of `container` that hold text, as its key and size. Inside a comment section
/// any alike elements count (Disqus's `li.post`); a list in the article is never searched, being in no section.
fn group_in(container: &NodeRef<'_>, skip: &HashSet<NodeId>) -> Option<(Key, usize)> {
    let mut groups: Vec<(Key, usize)> = Vec::new();
    for child in container.element_children() {
        let Some(key) = key(&child) else { continue };
        if skip.contains(&child.id) || !has_text(&child) {
            continue;
        }
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, size)) => *size += 1,
            None => groups.push((key, 1)),
        }
    }
    let (key, size) = groups.into_iter().max_by_key(|(key, size)| (*size, key.named))?;
    // One alike element is a comment only if it says so itself, or a heading above it does.
    (size >= 2 || size == 1 && (key.named || container.has_class(HEADED_CLASS))).then_some((key, size))
}
