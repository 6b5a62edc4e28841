//! Reader comments in HTML pages, found by structure rather than by one site's markup.
//!
//! A comment section is an element whose id or class speaks of comments (or reviews, answers, discussion,
//! Disqus …). Inside it, the comments are a group of elements that look alike (same tag and same comment-ish
//! class or id pattern): WordPress's `li.comment`, Drupal's `div.comment`, plugin markup such as `div#comment-123`,
//! a blog platform's `ul.single-post`. [`comment_groups`](super::comment_groups) lists the likely groups, best
//! first; each is read on a copy of the page and the first that reads as comments (authors, dates, text) is taken
//! out of the page, so a group that does not is never half-removed. A reply is an element of the same kind nested
//! inside another, or (on question-and-answer pages) a thread of another kind inside an answer.

use std::sync::LazyLock;

use dom_query::{Document, NodeId, NodeRef};
use regex::Regex;

use super::comment_fields::read_fields;
use super::comment_groups::{Candidate, alike_ancestor, candidates, scattered_candidates, sections};
use super::comment_heading;
use super::comment_key::{Key, key, names_comment_or_reply};
use super::comment_structure;
use super::nodes::one_line;
use crate::import::ExtractedComment;
use crate::import::plain;
use crate::import::{CommentsFound, Confidence, FoundBy};

/// How many separate sections are taken from one page (a question's comments and its answers; a site's own
/// comments and a plugin's).
const MAX_SECTIONS: usize = 3;

/// What [`take`] found.
pub(super) struct Taken {
    /// The comments in page order, replies after the comment they answer.
    pub comments: Vec<ExtractedComment>,
    /// How they were found, for the import report; `None` when none were.
    pub found: Option<CommentsFound>,
    /// The first post of a forum thread, which is the page's body: the replies below it are the comments.
    pub lead: Option<ExtractedComment>,
}

/// One section's comments, as read.
struct Block {
    section: NodeId,
    comments: Vec<ExtractedComment>,
    /// Comments whose author the markup named (not guessed from a head line).
    marked: usize,
    named: bool,
    /// The thread's first post, where it stands apart from the replies (see [`lead_of`]).
    lead: Option<ExtractedComment>,
}

/// Finds the comments of the page and returns the page without them (and without the sections around them).
pub(super) fn take(document: Document) -> (Document, Taken) {
    let mut document = document;
    let mut blocks: Vec<Block> = Vec::new();
    // The size of the best group refused, for the report, while no section has been taken.
    let mut refused: Option<usize> = None;
    take_sections(&mut document, &mut blocks, &mut refused);
    // Sections only a heading names, tried on a copy (made only where there is such a heading): the wrapper
    // would hide its blocks from the body.
    if blocks.is_empty() && comment_heading::has_headings(&document) {
        let mut headed = document.clone();
        if comment_heading::wrap_headed(&headed) {
            take_sections(&mut headed, &mut blocks, &mut refused);
            if !blocks.is_empty() {
                let mut taken = joined(blocks);
                if let Some(found) = taken.found.as_mut() {
                    found.doubts.insert(0, "the section is named only by its heading".to_owned());
                }
                return (headed, taken);
            }
        }
    }
    if blocks.is_empty() {
        let (document, mut taken) = plain_list(document);
        if taken.comments.is_empty()
            && let Some((page, mut thread)) = unnamed_thread(&document)
        {
            if let Some(found) = thread.found.as_mut() {
                found.doubts.extend(doubts(refused));
            }
            return (page, thread);
        }
        if let Some(found) = taken.found.as_mut() {
            found.doubts = doubts(refused);
        } else if refused.is_some() {
            taken.found =
                Some(CommentsFound { by: FoundBy::Markup, confidence: Confidence::Low, doubts: doubts(refused) });
        }
        return (document, taken);
    }
    (document, joined(blocks))
}

/// Takes up to [`MAX_SECTIONS`] sections of comments out of `document`, the best candidates first.
fn take_sections(document: &mut Document, blocks: &mut Vec<Block>, refused: &mut Option<usize>) {
    for _ in 0..MAX_SECTIONS {
        let siblings = candidates(document);
        let mut took = take_first(document, &siblings, blocks, refused);
        if !took && blocks.is_empty() {
            let scattered = scattered_candidates(document, &siblings);
            took = take_first(document, &scattered, blocks, refused);
        }
        if !took {
            break;
        }
    }
}

/// Reads the candidates in turn on copies of `document` and keeps the first that reads as comments: its block is
/// added and `document` becomes the copy without them. The first refused size is noted while no block has been found.
fn take_first(
    document: &mut Document,
    list: &[Candidate],
    blocks: &mut Vec<Block>,
    refused: &mut Option<usize>,
) -> bool {
    for candidate in list {
        // A further section must name its comments itself.
        if !blocks.is_empty() && !candidate.key.named {
            continue;
        }
        let trial = document.clone();
        match read_candidate(&trial, candidate) {
            Ok(block) => {
                blocks.push(block);
                *document = trial;
                return true;
            }
            Err(size) if blocks.is_empty() => *refused = refused.or(Some(size)),
            Err(_) => {}
        }
    }
    false
}

/// A thread nothing on the page names, found by its shape alone ([`comment_structure`]): the page without it, and
/// its comments.
fn unnamed_thread(document: &Document) -> Option<(Document, Taken)> {
    comment_structure::candidates(document).iter().find_map(|candidate| {
        let trial = document.clone();
        let block = read_candidate(&trial, candidate).ok()?;
        comment_structure::is_thread(&block.comments, block.marked).then(|| {
            let mut taken = joined(vec![block]);
            comment_structure::settle(&trial, &mut taken);
            (trial, taken)
        })
    })
}

/// The import report's words for groups that looked like comments but did not read as them.
fn doubts(refused: Option<usize>) -> Vec<String> {
    refused
        .map(|size| {
            format!(
                "a part of the page named for comments ({size} alike block(s)) names no authors or dates; it was not \
                 taken as comments"
            )
        })
        .into_iter()
        .collect()
}

/// The blocks in page order (node ids grow in the order the parser met the elements), as one list.
fn joined(mut blocks: Vec<Block>) -> Taken {
    blocks.sort_by_key(|b| b.section);
    let total: usize = blocks.iter().map(|b| b.comments.len()).sum();
    let marked: usize = blocks.iter().map(|b| b.marked).sum();
    let dated = blocks.iter().flat_map(|b| &b.comments).filter(|c| c.date.is_some()).count();
    let by = if blocks.iter().all(|b| b.named) { FoundBy::Markup } else { FoundBy::Structure };
    let confidence = if marked * 5 >= total * 4 && dated * 5 >= total * 4 {
        Confidence::High
    } else if marked * 2 >= total || dated * 2 >= total {
        Confidence::Medium
    } else {
        Confidence::Low
    };
    let lead = blocks.iter_mut().find_map(|b| b.lead.take());
    let mut comments = Vec::with_capacity(total);
    for block in blocks {
        let offset = comments.len();
        comments.extend(block.comments.into_iter().map(|mut c| {
            c.parent = c.parent.map(|p| p + offset);
            c
        }));
    }
    let unnamed = comments.iter().filter(|c| c.author.is_empty()).count();
    let doubts = (unnamed > 0).then(|| format!("{unnamed} of them show no author")).into_iter().collect();
    Taken { comments, found: Some(CommentsFound { by, confidence, doubts }), lead }
}

/// Reads `candidate` on `trial` (a copy of the page) and, if it reads as comments, takes them out of it. Refused,
/// it answers how many alike blocks it had.
fn read_candidate(trial: &Document, candidate: &Candidate) -> Result<Block, usize> {
    let (Some(section), Some(container)) = (trial.tree.get(&candidate.section), trial.tree.get(&candidate.container))
    else {
        return Err(0);
    };
    // Alike elements further down the container are replies set apart in their own block (Drupal's
    // `div.indented`): each answers the nearest alike element before it that is less deep.
    let items: Vec<NodeRef<'_>> = container
        .descendants_it()
        .filter(|d| d.is_element() && key(d) == Some(candidate.key))
        .filter(|d| !alike_ancestor(d, &container, candidate.key))
        .collect();
    // A lone element named for comments that holds several signed and dated ones is their list, not one of them
    // (`div.comments-content` around WordPress's `li.comment`): the search goes on to a deeper group.
    if let [only] = items.as_slice()
        && holds_several(only, candidate.key)
    {
        return Err(candidate.size);
    }
    let mut comments = Vec::new();
    let mut marked = 0;
    let mut open: Vec<(usize, Option<usize>)> = Vec::new();
    for item in &items {
        let depth = item.ancestors_it(None).take_while(|a| a.id != container.id).count();
        while open.last().is_some_and(|&(d, _)| d >= depth) {
            open.pop();
        }
        let parent = open.last().and_then(|&(_, index)| index);
        let index = read_item(item, candidate.key, parent, (&mut comments, &mut marked));
        open.push((depth, index));
    }
    // Names only guessed from head lines, with no dates either, are as often a legend of badges or a prompt.
    let dated = comments.iter().filter(|c| c.date.is_some()).count();
    let readable = plausible(&comments) || undersigned(&comments);
    if !readable || marked * 2 < comments.len() && dated * 2 < comments.len() {
        return Err(candidate.size);
    }
    let lead = items.first().and_then(|first| lead_of(first, candidate.key)).and_then(|n| read_fields(&n));
    remove_section(section, &items);
    let lead = lead.map(|(comment, _)| comment);
    Ok(Block { section: candidate.section, comments, marked, named: candidate.key.named, lead })
}

/// A forum thread's first post, where the markup sets it apart from the replies: an element just before the first
/// of them, of the same tag and class but another id (`div#PostFirst.Comment` before `div#Post_0.Comment`), with
/// text of some length.
fn lead_of<'a>(first: &NodeRef<'a>, group_key: Key) -> Option<NodeRef<'a>> {
    let mut node = first.prev_element_sibling();
    // Headings and advertisement slots stand between them on real pages.
    for _ in 0..8 {
        let candidate = node?;
        if let Some(k) = key(&candidate)
            && k != group_key
            && k.same_kind(group_key)
            && candidate.text().chars().filter(|c| c.is_alphabetic()).count() >= 100
        {
            return Some(candidate);
        }
        node = candidate.prev_element_sibling();
    }
    None
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

/// Comments that show no names (a thread saved without its user names) count when there are several, most
/// are dated and they say something: a list of dated links has no text of its own.
fn undersigned(comments: &[ExtractedComment]) -> bool {
    let count = comments.len();
    let dated = comments.iter().filter(|c| c.date.is_some()).count();
    let letters: usize = comments.iter().map(|c| c.text.chars().filter(|ch| ch.is_alphabetic()).count()).sum();
    count >= 3 && dated * 3 >= count * 2 && letters >= count * 30
}

/// Comments written as plain paragraphs ("Name says:" then the text) inside a comment section, as some
/// templates and hand-made pages have them.
fn plain_list(document: Document) -> (Document, Taken) {
    let mut found = None;
    for section in sections(&document) {
        let text = format!("Comments\n\n{}", section.formatted_text());
        if let Some((_, comments)) = plain::split_comments(&text)
            && plausible(&comments)
        {
            section.remove_from_parent();
            found = Some(comments);
            break;
        }
    }
    let taken = match found {
        Some(comments) => Taken {
            comments,
            found: Some(CommentsFound { by: FoundBy::Text, confidence: Confidence::Medium, doubts: Vec::new() }),
            lead: None,
        },
        None => Taken { comments: Vec::new(), found: None, lead: None },
    };
    (document, taken)
}

/// Reads one comment and, after it, its replies (nested elements of the same kind). Returns the index of the
/// comment in `out` (or of `parent`, if the element held no comment of its own).
fn read_item(
    item: &NodeRef<'_>,
    group_key: Key,
    parent: Option<usize>,
    (out, marked): (&mut Vec<ExtractedComment>, &mut usize),
) -> Option<usize> {
    let replies: Vec<NodeRef<'_>> = item
        .descendants_it()
        .filter(|d| d.is_element() && key(d) == Some(group_key))
        // Only the outermost nested ones: deeper replies belong to them.
        .filter(|d| !alike_ancestor(d, item, group_key))
        .collect();
    for reply in &replies {
        reply.remove_from_parent();
    }
    let thread = nested_thread(item);
    if let Some((_, nested)) = &thread {
        for reply in nested {
            reply.remove_from_parent();
        }
    }
    let index = match read_fields(item) {
        // A block that is only a link, with no name or date, is the thread's navigation ("Continue this thread");
        // one that is only a heading ("Eine Antwort auf …") heads the comments inside it.
        Some((comment, _))
            if comment.author.is_empty()
                && comment.date.is_none()
                && (only_links(item) || plain::may_head_comments(&one_line(&comment.text))) =>
        {
            parent
        }
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
    if let Some((thread_key, nested)) = &thread {
        for reply in nested {
            read_item(reply, *thread_key, index, (&mut *out, &mut *marked));
        }
    }
    index
}

/// Whether `item`, outside the replies of its own kind, holds two or more times or named authors.
fn holds_several(item: &NodeRef<'_>, group_key: Key) -> bool {
    let (mut times, mut authors) = (0, 0);
    for node in item.descendants_it().filter(NodeRef::is_element) {
        let time = node.has_name("time");
        let author =
            node.has_class("fn") || node.has_attr("itemprop") && node.attr("itemprop").is_some_and(|p| &*p == "author");
        // Only the few times and names look up their ancestors: a deep item stays linear.
        if !(time || author) || alike_ancestor(&node, item, group_key) {
            continue;
        }
        times += usize::from(time);
        authors += usize::from(author);
        if times >= 2 || authors >= 2 {
            return true;
        }
    }
    false
}

/// Whether every word of `node` lies inside a link or a button.
fn only_links(node: &NodeRef<'_>) -> bool {
    let is_link = |n: &NodeRef<'_>| {
        n.node_name().is_some_and(|t| t.eq_ignore_ascii_case("a") || t.eq_ignore_ascii_case("button"))
    };
    node.descendants_it()
        .filter(|d| d.is_text() && d.text().chars().any(char::is_alphanumeric))
        .all(|t| t.ancestors_it(None).take_while(|a| a.id != node.id).any(|a| is_link(&a)))
}

/// A thread of another kind inside a comment: the comments on an answer of a question-and-answer page
/// (`li.comment` inside `div.answer`). Elements count only if their class or id names comments and they number
/// themselves (`comment-123`) or are list items, and only if the comment has text of its own beside them: a WordPress comment's
/// numbered `article.comment-body` is the comment itself, not a reply to it.
fn nested_thread<'a>(item: &NodeRef<'a>) -> Option<(Key, Vec<NodeRef<'a>>)> {
    let letters = |n: &NodeRef<'_>| n.text().chars().filter(|c| c.is_alphanumeric()).count();
    let own = key(item);
    let mut threads: Vec<(Key, Vec<NodeRef<'a>>)> = Vec::new();
    for node in item.descendants_it().filter(NodeRef::is_element) {
        let Some(k) = key(&node) else { continue };
        // An id that only numbers its element names no comment here: a forum post numbers its profile box and
        // its text too (`dl#profile101`, `div#post_content101`).
        let worded = || {
            node.id_attr().is_some_and(|id| names_comment_or_reply(&id))
                || node.class().is_some_and(|c| c.split_whitespace().any(names_comment_or_reply))
        };
        let threadlike = k.named && (k.numbered || k.li) && worded();
        // A reply says something; a "reply" link in a list item does not.
        if !threadlike || own == Some(k) || letters(&node) < 15 {
            continue;
        }
        match threads.iter_mut().find(|(have, _)| *have == k) {
            Some((_, nodes)) if !nodes.iter().any(|n| node.ancestors_it(None).any(|a| a.id == n.id)) => {
                nodes.push(node);
            }
            Some(_) => {}
            None => threads.push((k, vec![node])),
        }
    }
    let (k, nodes) = threads.into_iter().max_by_key(|(_, nodes)| nodes.len())?;
    let inside: usize = nodes.iter().map(letters).sum();
    (letters(item).saturating_sub(inside) >= 40).then_some((k, nodes))
}

/// Takes the comments out of the page, and the section around them unless it also holds other text.
fn remove_section(section: NodeRef<'_>, items: &[NodeRef<'_>]) {
    let section_chars = section.text().chars().filter(|c| !c.is_whitespace()).count();
    for item in items {
        item.remove_from_parent();
    }
    let left = section.text().chars().filter(|c| !c.is_whitespace()).count();
    // What is left is headings, forms and counters; a section that still holds much text wraps the article too.
    if left < 1000 || left * 2 < section_chars {
        section.remove_from_parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comments_of(html: &str) -> Vec<ExtractedComment> {
        take(Document::from(html)).1.comments
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
    fn a_list_named_for_comments_is_not_one_comment_and_titles_and_headings_stay_in_place() {
        // A plugin's list element around WordPress comments, a heading block inside the section and a reader's
        // title above the text.
        let html = r##"<html><body><article><p>Story text.</p></article>
            <div id="comments"><div class="comments-header"><h2>Eine Antwort auf „Die Fähre“</h2></div>
            <div class="thread-comments-content"><li id="comment-1" class="comment"><div class="comment-author"><b class="fn">Karl</b></div>
              <time datetime="2019-11-24T17:53:10+01:00">24. November 2019 um 17:53</time>
              <h5>Wohl eher ein kleiner Schritt.</h5><div class="comment-content"><p>Die Fähre kommt zu spät.</p></div>
              <ul class="children"><li id="comment-2" class="comment"><div class="comment-author"><b class="fn">Markus</b></div>
                <time datetime="2019-11-24T20:10:31+01:00">24. November 2019 um 20:10</time>
                <div class="comment-content"><p>Sie kommt im Mai.</p></div></li></ul></li></div></div></body></html>"##;
        let comments = comments_of(html);
        let summary: Vec<(&str, Option<usize>, &str)> =
            comments.iter().map(|c| (c.author.as_str(), c.parent, c.text.as_str())).collect();
        assert_eq!(
            summary,
            [
                ("Karl", None, "Wohl eher ein kleiner Schritt.\n\nDie Fähre kommt zu spät."),
                ("Markus", Some(0), "Sie kommt im Mai.")
            ]
        );
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

    #[test]
    fn answers_are_comments_and_the_comments_on_an_answer_are_its_replies() {
        let answer = |n: usize, comments: &str| {
            format!(
                r#"<div id="answer-{n}" class="answer"><div class="post-text" itemprop="text"><p>Answer {n} explains the
                difference between the two auxiliary verbs at some length.</p></div>
                <div class="user-details"><a href="/users/{n}" class="author">Helper{n}</a> <time>Mar {n}, 2014</time></div>
                <div class="comments"><ul class="comments-list">{comments}</ul></div></div>"#
            )
        };
        let comment = |id: usize, who: &str, text: &str| {
            format!(
                r#"<li id="comment-{id}" class="comment"><span class="comment-copy">{text}</span>
                <a class="comment-user">{who}</a> <span class="comment-date">Mar 9, 2014</span></li>"#
            )
        };
        let html = format!(
            r#"<html><body><div id="question"><h1>When to use wurde?</h1><p>The question itself.</p></div>
            <div id="answers"><h2>2 Answers</h2>{}{}</div></body></html>"#,
            answer(1, &(comment(11, "Critic", "This is simply not correct.") + &comment(12, "Fan", "Unless of what?"))),
            answer(2, "")
        );
        let comments = comments_of(&html);
        let summary: Vec<(&str, Option<usize>)> = comments.iter().map(|c| (c.author.as_str(), c.parent)).collect();
        assert_eq!(summary, [("Helper1", None), ("Critic", Some(0)), ("Fan", Some(0)), ("Helper2", None)]);
        assert!(comments[0].text.starts_with("Answer 1 explains"), "{:?}", comments[0].text);
        assert!(!comments[0].text.contains("simply not correct"));
    }

    #[test]
    fn reviews_on_a_product_page_are_comments() {
        let review = |who: &str, when: &str, text: &str| {
            format!(
                r#"<div class="rev"><span class="rev__author">{who}</span><span class="rev__timestamp">{when}</span>
                <div class="rev__body"><p>{text}</p></div></div>"#
            )
        };
        let html = format!(
            r#"<html><body><div class="product"><h1>Coffee</h1><p>Beans from Sidamo.</p></div>
            <div id="product_reviews" class="review-widget"><div class="summary">4.5 of 5</div>{}{}</div></body></html>"#,
            review("Dieter", "24.03.2021", "Tastes like any supermarket coffee."),
            review("Anja", "02.04.2021", "The coffee smells wonderful.")
        );
        let comments = comments_of(&html);
        let summary: Vec<(&str, Option<&str>)> =
            comments.iter().map(|c| (c.author.as_str(), c.date.as_deref())).collect();
        assert_eq!(summary, [("Dieter", Some("24.03.2021")), ("Anja", Some("02.04.2021"))]);
    }

    #[test]
    fn a_group_that_does_not_read_as_comments_is_left_whole_and_the_next_is_taken() {
        // A toggle and a heading named for comments come first; the comment itself is further down.
        let html = r#"<html><body class="category-kommentar"><article><p>Story text.</p></article>
            <div class="comments-wrapper"><div class="comments_toggle"><div class="comments_toggle_headline">Kommentare (1)
            anzeigen</div></div><div id="comments" class="comments"><div class="comments-inner">
            <div class="comment" id="comment-7"><span class="fn">Lena</span> <span class="date">20.12.2022 um 08:42</span>
            <div class="comment-content"><p>Die Buchstützen finde ich toll.</p></div></div></div></div></div></body></html>"#;
        let (page, taken) = take(Document::from(html));
        let authors: Vec<&str> = taken.comments.iter().map(|c| c.author.as_str()).collect();
        assert_eq!(authors, ["Lena"]);
        let found = taken.found.expect("found");
        assert_eq!((found.by, found.confidence), (FoundBy::Markup, Confidence::High));
        assert!(page.select("article").text().contains("Story text."));
        assert!(!page.select("body").text().contains("Buchstützen"));
    }

    #[test]
    fn blocks_that_name_no_authors_stay_in_the_page_and_the_report_says_so() {
        let html = r#"<html><body><article><p>Story text.</p></article><div id="comments">
            <div class="comment-title">One comment</div><div class="comment-title">Leave a reply</div></div></body></html>"#;
        let (page, taken) = take(Document::from(html));
        assert!(taken.comments.is_empty());
        let found = taken.found.expect("the doubt is reported");
        assert_eq!(found.confidence, Confidence::Low);
        assert!(found.doubts[0].contains("names no authors"), "{:?}", found.doubts);
        assert!(page.select("body").text().contains("Leave a reply"));
    }
}
