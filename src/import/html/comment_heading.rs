//! Comment sections that only a heading names: "Kommentare", "12 Comments", "3 Antworten auf „…“" above blocks
//! whose ids and classes say nothing (a hand-made page, a framework's generated class names). The blocks after
//! such a heading are wrapped in an element named for comments, so that the usual search reads them; the caller
//! does this on a copy of the page and keeps it only if comments are found there.

use dom_query::{Document, NodeRef};

use super::nodes::{has_text, heading_rank, one_line};
use crate::import::plain::{is_comment_form, may_head_comments, mentions_comments};

/// The class of the element wrapped around a heading and the blocks after it. It names comments (so that the
/// search takes it for a section) and says it was made here.
pub(super) const HEADED_CLASS: &str = "gloss-headed-comments";

/// Elements that never head a section, and never lie inside a heading that does.
const NOT_HEADINGS: &[&str] = &["a", "button", "label", "option", "select", "script", "style", "nav", "form", "title"];

/// How many headings are wrapped: a page lists its comments under one, maybe two (a question's answers).
const MAX_HEADINGS: usize = 2;

/// The longest heading looked at, in bytes; the text of an element is read no further than this.
const MAX_HEADING: usize = 240;

/// Whether `document` has a comments heading (so that wrapping it on a copy is worth the copy).
pub(super) fn has_headings(document: &Document) -> bool {
    document.body().is_some_and(|body| {
        // One quick pass over the texts first: most pages without comments name none either.
        body.descendants_it().any(|t| t.is_text() && mentions_comments(&t.text()))
            && body.descendants_it().any(|n| n.is_element() && is_heading(&n))
    })
}

/// Wraps each comments heading of `document` and the blocks after it; answers whether it wrapped any.
pub(super) fn wrap_headed(document: &Document) -> bool {
    let Some(body) = document.body() else { return false };
    let headings: Vec<NodeRef<'_>> = body
        .descendants_it()
        .filter(|n| n.is_element() && is_heading(n))
        .filter_map(|n| outermost_with_same_text(&n))
        .collect();
    let mut wrapped = 0;
    for heading in headings {
        if wrapped == MAX_HEADINGS {
            break;
        }
        // A heading already wrapped (the outermost of two nested matches) is not wrapped again.
        if heading.ancestors_it(None).any(|a| a.has_class(HEADED_CLASS)) {
            continue;
        }
        let after = blocks_after(&heading);
        if !after.iter().any(has_text) {
            continue;
        }
        let wrapper = document.tree.new_element("div");
        wrapper.set_attr("class", HEADED_CLASS);
        heading.insert_before(&wrapper);
        wrapper.append_child(&heading);
        for node in &after {
            wrapper.append_child(node);
        }
        wrapped += 1;
    }
    wrapped > 0
}

/// Whether the whole text of `node` is a comments heading, and `node` is nothing that only mentions comments (a
/// "12 comments" link, a button).
fn is_heading(node: &NodeRef<'_>) -> bool {
    // Checked on every element of the page, so the cheap tests come first and the text is read only so far: a
    // page nested a hundred thousand deep stays linear.
    let own_text = node.children_it(false).filter(NodeRef::is_text).map(|c| c.text().len()).sum::<usize>();
    if own_text == 0 || own_text > MAX_HEADING {
        return false;
    }
    let Some(text) = short_text(node) else { return false };
    let tag_is =
        |n: &NodeRef<'_>| n.node_name().is_some_and(|t| NOT_HEADINGS.iter().any(|x| t.eq_ignore_ascii_case(x)));
    text.chars().count() <= 80
        && text.chars().any(char::is_alphanumeric)
        && may_head_comments(&text)
        && !tag_is(node)
        && !node.ancestors_it(None).any(|a| tag_is(&a))
}

/// The text of `node` on one line, if it is no longer than [`MAX_HEADING`] bytes.
fn short_text(node: &NodeRef<'_>) -> Option<String> {
    let mut text = String::new();
    for part in node.descendants_it().filter(NodeRef::is_text) {
        text.push_str(&part.text());
        text.push(' ');
        if text.len() > MAX_HEADING {
            return None;
        }
    }
    Some(one_line(&text))
}

/// The outermost element around `node` whose text is the same (a `div.box-head` around an `h3`), whose following
/// siblings are the section; none when it is the page itself.
fn outermost_with_same_text<'a>(node: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let text = short_text(node)?;
    let mut outer = *node;
    while let Some(parent) = outer.parent().filter(NodeRef::is_element) {
        if parent.has_name("body") || short_text(&parent).as_ref() != Some(&text) {
            break;
        }
        outer = parent;
    }
    outer.parent().filter(|p| !p.has_name("html")).map(|_| outer)
}

/// The siblings after `heading` up to the comment form, the next heading of its rank or above, or the end of its
/// parent.
fn blocks_after<'a>(heading: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    let rank = heading_rank(heading);
    let mut out = Vec::new();
    let mut next = heading.next_sibling();
    while let Some(node) = next {
        next = node.next_sibling();
        if node.is_element() {
            let is_form = |n: &NodeRef<'_>| n.has_name("form");
            let ends = is_form(&node)
                || node.descendants_it().any(|d| is_form(&d))
                || is_comment_form(&one_line(&node.text()))
                || rank.is_some_and(|r| heading_rank(&node).is_some_and(|theirs| theirs <= r));
            if ends {
                break;
            }
        }
        out.push(node);
    }
    out
}
