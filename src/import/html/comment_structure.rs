//! Comment threads that nothing on the page names: no id, class, heading, microdata or role speaks of comments,
//! yet the page repeats a block that a person reads as a post (a forum's `div.post`, a board's `li.postbit`, a
//! hand-made guest book). These are groups of alike sibling elements outside the page's header, navigation,
//! footer and sidebars, most of which hold text of their own rather than links, mark who wrote them (a user name,
//! a link to a member's page) and are no teaser of another page (a linked headline). `comments` reads each on a copy of the page; [`is_thread`] decides
//! whether what it read is a thread (authors and dates on nearly every block, several people) and [`settle`]
//! says so in the report and takes the first post as the body where the page has no other.

use std::collections::HashSet;

use dom_query::{Document, NodeId, NodeRef};

use super::comment_groups::Candidate;
use super::comment_key::{Key, is_not_comment, key};
use super::comments::Taken;
use super::nodes::{heading_rank, tag_in, words};
use crate::import::{Confidence, ExtractedComment, FoundBy};

/// The fewest blocks that make a thread: fewer alike blocks with names and dates are as often a byline box.
pub(super) const MIN_POSTS: usize = 3;

/// How many groups are read (each on a copy of the page) before the page is taken to have no thread.
const TRIES: usize = 3;

/// Parts of a page that hold no reader's post.
const APART_TAGS: &[&str] = &["header", "nav", "footer", "aside", "form", "menu", "select", "button", "fieldset"];

/// The groups of alike sibling blocks that may be a thread nobody named, the largest first.
pub(super) fn candidates(document: &Document) -> Vec<Candidate> {
    let Some(body) = document.body() else { return Vec::new() };
    let skip = apart(body);
    let mut found: Vec<Candidate> = Vec::new();
    for container in body.descendants_it().filter(|n| n.is_element() && !skip.contains(&n.id)) {
        let Some((key, items)) = largest_group(&container, &skip) else { continue };
        let posts = items.iter().filter(|item| reads_as_post(item) && names_poster(item)).count();
        if posts >= MIN_POSTS && posts * 4 >= items.len() * 3 {
            found.push(Candidate { section: container.id, container: container.id, key, size: items.len() });
        }
    }
    // A stable sort keeps page order among equals.
    found.sort_by_key(|c| std::cmp::Reverse(c.size));
    found.truncate(TRIES);
    found
}

/// The page's header, navigation, footer, forms and sidebars, and everything inside them, found in one pass
/// (parents come before their children).
fn apart(body: NodeRef<'_>) -> HashSet<NodeId> {
    let mut skip = HashSet::new();
    for node in body.descendants_it().filter(NodeRef::is_element) {
        let inherited = node.parent().is_some_and(|p| skip.contains(&p.id));
        let sidebar = || words(&node).split_whitespace().any(|w| w.starts_with("sidebar") || w == "widget-area");
        if inherited || tag_in(&node, APART_TAGS).is_some() || is_not_comment(&node) || sidebar() {
            skip.insert(node.id);
        }
    }
    skip
}

/// The largest set of alike children of `container` (by [`key`]), if it has at least [`MIN_POSTS`].
fn largest_group<'a>(container: &NodeRef<'a>, skip: &HashSet<NodeId>) -> Option<(Key, Vec<NodeRef<'a>>)> {
    let mut groups: Vec<(Key, Vec<NodeRef<'a>>)> = Vec::new();
    for child in container.element_children() {
        let Some(k) = key(&child) else { continue };
        if skip.contains(&child.id) {
            continue;
        }
        match groups.iter_mut().find(|(have, _)| *have == k) {
            Some((_, items)) => items.push(child),
            None => groups.push((k, vec![child])),
        }
    }
    groups.into_iter().filter(|(_, items)| items.len() >= MIN_POSTS).max_by_key(|(_, items)| items.len())
}

/// Words in a class, id, `itemprop` or `rel`, or in a link's address, that mark who wrote a post: a board's
/// `a.username`, `div.poster`, `memberlist.php?u=2`, `/users/17`.
const POSTER_WORDS: &[&str] =
    &["author", "user", "poster", "member", "nick", "profile", "autor", "auteur", "nutzer", "pseudo", "creator"];

/// Whether `item` marks its writer: an element named for an author or user, or a link to a member's page. A list of
/// events or products (a name, a date, a text) marks none.
fn names_poster(item: &NodeRef<'_>) -> bool {
    let marks = |value: &str| {
        let value = value.to_ascii_lowercase();
        POSTER_WORDS.iter().any(|w| value.contains(w))
    };
    item.descendants_it().filter(NodeRef::is_element).any(|node| {
        ["class", "id", "itemprop", "rel"].iter().any(|name| node.attr(name).is_some_and(|v| marks(&v)))
            || node.has_name("a") && node.attr("href").is_some_and(|href| marks(&href))
    })
}

/// The fewest letters of a post's own text (outside links).
const MIN_LETTERS: usize = 20;

/// Whether `item` holds text of its own (not mostly links, as a menu or a list of other pages has) and is no
/// teaser of another page.
fn reads_as_post(item: &NodeRef<'_>) -> bool {
    let (mut letters, mut linked) = (0, 0);
    for text in item.descendants_it().filter(NodeRef::is_text) {
        let count = text.text().chars().filter(|c| c.is_alphabetic()).count();
        if count == 0 {
            continue;
        }
        letters += count;
        if text.ancestors_it(None).take_while(|a| a.id != item.id).any(|a| a.has_name("a")) {
            linked += count;
        }
    }
    letters - linked >= MIN_LETTERS && linked * 2 < letters && !is_teaser(item)
}

/// Whether `item` has a headline that links to another page: a list of articles, not of posts. A post's title
/// links to the post itself (`#p123`), a poster's name is a word or two.
fn is_teaser(item: &NodeRef<'_>) -> bool {
    item.descendants_it().filter(|n| heading_rank(n).is_some()).any(|heading| {
        let links_away = |a: &NodeRef<'_>| a.has_name("a") && a.attr("href").is_some_and(|h| !h.contains('#'));
        let linked = heading.ancestors_it(None).take_while(|a| a.id != item.id).any(|a| links_away(&a))
            || heading.descendants_it().any(|d| links_away(&d));
        linked && heading.text().split_whitespace().count() >= 4
    })
}

/// Whether comments read from blocks nothing names are a thread: at least [`MIN_POSTS`], nearly all with an author
/// the markup names and a date, by at least two people and more the longer the thread (one reporter's dated
/// entries are a live blog, not a discussion).
pub(super) fn is_thread(comments: &[ExtractedComment], marked: usize) -> bool {
    let count = comments.len();
    let dated = comments.iter().filter(|c| c.date.is_some()).count();
    let mut authors: Vec<&str> = comments.iter().map(|c| c.author.as_str()).filter(|a| !a.is_empty()).collect();
    authors.sort_unstable();
    authors.dedup();
    count >= MIN_POSTS && marked * 5 >= count * 4 && dated * 5 >= count * 4 && authors.len() >= 2.max(count / 5)
}

/// Says in the report that the thread was found by its shape alone (never with high confidence), and makes its
/// first post the body where `page` (the page without the thread) has less text of its own than that post.
pub(super) fn settle(page: &Document, taken: &mut Taken) {
    if let Some(found) = taken.found.as_mut() {
        found.by = FoundBy::Structure;
        if found.confidence == Confidence::High {
            found.confidence = Confidence::Medium;
        }
        found.doubts.insert(
            0,
            "no part of the page names comments: they were found as repeated blocks with authors and dates".to_owned(),
        );
    }
    let first_letters = taken.comments.first().map_or(0, |c| letters(&c.text));
    if taken.lead.is_some() || taken.comments.len() < 2 || text_left(page) >= first_letters {
        return;
    }
    let lead = taken.comments.remove(0);
    for comment in &mut taken.comments {
        comment.parent = comment.parent.and_then(|p| p.checked_sub(1));
    }
    taken.lead = Some(lead);
}

fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// The letters of the paragraphs left in the page outside its header, navigation, footer and sidebars.
fn text_left(page: &Document) -> usize {
    let Some(body) = page.body() else { return 0 };
    let skip = apart(body);
    body.descendants_it().filter(|n| n.has_name("p") && !skip.contains(&n.id)).map(|p| letters(&p.text())).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(html: &str) -> Vec<usize> {
        candidates(&Document::from(html)).iter().map(|c| c.size).collect()
    }

    const POST: &str = "<div class=\"post\"><b class=\"username\">maren</b> <span class=\"date\">3 June 2024</span>\
        <div class=\"text\">The ferry leaves twenty minutes later since the levy came in.</div></div>";

    #[test]
    fn repeated_blocks_with_text_of_their_own_are_candidates() {
        let thread = POST.repeat(4);
        assert_eq!(sizes(&format!("<html><body><main><div id=\"x\">{thread}</div></main></body></html>")), [4]);
    }

    #[test]
    fn menus_footers_and_lists_of_other_pages_are_not() {
        let menu = "<li><a href=\"/a\">Harbour news and the levy</a></li>".repeat(5);
        let teaser = "<div class=\"card\"><h3><a href=\"/story\">Ferry leaves later after the levy</a></h3>\
            <span class=\"author\">Staff</span> <time>3 June</time><p>The morning ferry leaves twenty minutes later.</p></div>"
            .repeat(4);
        let footer = format!("<footer>{}</footer>", POST.repeat(4));
        let html = format!("<html><body><ul>{menu}</ul><section>{teaser}</section>{footer}</body></html>");
        assert!(sizes(&html).is_empty(), "{:?}", sizes(&html));
    }

    #[test]
    fn a_list_of_events_marks_no_writer() {
        let event = "<div class=\"event\"><h3 class=\"event-name\">Harbour festival</h3><span class=\"date\">3 June 2024</span>\
            <p class=\"description\">Boats, music and fish stalls along the quay from noon.</p></div>";
        assert!(sizes(&format!("<html><body><main><div>{}</div></main></body></html>", event.repeat(4))).is_empty());
    }

    #[test]
    fn a_posts_title_that_links_to_itself_is_no_teaser() {
        let post = "<div class=\"post\"><h3><a href=\"viewtopic.php?t=7#p12\">Re: Ferry timetable after the levy</a></h3>\
            <p class=\"author\">by <a href=\"/u/2\">maren</a> » Sat Sep 28, 2019 1:39 pm</p>\
            <div class=\"content\">The council minutes say the evening ferry returns in spring.</div></div>";
        assert_eq!(sizes(&format!("<html><body><div>{}</div></body></html>", post.repeat(3))), [3]);
    }
}
