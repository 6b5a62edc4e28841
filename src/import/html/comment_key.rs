//! What makes two elements of a comment section alike, and what names a part as no comment. Checked on every
//! element of a section several times over, so nothing here allocates: a key is a hash of the tag, the comment-ish
//! class token and the id with its digits blanked, with the few facts the search asks of it beside.

use dom_query::NodeRef;

use super::nodes::tag_in;

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
    "review",
    "rezension",
    "bewertung",
    "answer",
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
    "preview",
    "summary",
];
/// Elements that hold one comment each.
const ITEM_TAGS: &[&str] = &["li", "div", "article", "section", "ul", "dl", "dd", "table", "tr"];

/// Words that mark a sidebar list of comments elsewhere on the site; they name it even inside a longer word
/// (`recentcomments`).
const ELSEWHERE_WORDS: &[&str] = &["recent", "latest", "popular", "trending"];

/// What makes two comment elements alike: the tag and the comment-ish class, or the id with its digits blanked
/// (`comment-123` and `comment-9` are alike).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Key {
    alike: u64,
    kind: u64,
    /// The class or id names a comment or reply, or the id numbers its element.
    pub named: bool,
    /// The id numbers its element.
    pub numbered: bool,
    /// A list item.
    pub li: bool,
    /// Microdata or ARIA say it is one comment, review or answer ([`is_comment_item`]).
    pub item: bool,
}

impl Key {
    /// Whether `other` has the same tag and class token (the id may differ).
    pub fn same_kind(self, other: Key) -> bool {
        self.kind == other.kind
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(mut hash: u64, bytes: impl Iterator<Item = u8>) -> u64 {
    for byte in bytes {
        hash ^= u64::from(byte.to_ascii_lowercase());
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Whether `haystack` holds `needle` in any ASCII case.
fn contains_ci(haystack: &str, needle: &str) -> bool {
    haystack.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether a class token or id names comments.
pub(super) fn names_comment(token: &str) -> bool {
    SECTION_WORDS.iter().any(|w| contains_ci(token, w))
}

/// Whether a class token or id names comments or a reply (`reply-text`).
pub(super) fn names_comment_or_reply(token: &str) -> bool {
    names_comment(token) || contains_ci(token, "reply")
}

/// The key of `node`, if it is an element that can hold a comment.
pub(super) fn key(node: &NodeRef<'_>) -> Option<Key> {
    // The parser writes element names in lower case; borrowing the name spares a copy per element.
    let tag = tag_in(node, ITEM_TAGS)?;
    let class = node.class();
    let class = class.as_deref().unwrap_or_default();
    let item = is_comment_item(node);
    // Items that say what they are in microdata or ARIA are alike whatever their (often generated) classes.
    let token = if item {
        "\u{1}item"
    } else {
        class
            .split_whitespace()
            .find(|t| names_comment(t) || contains_ci(t, "post") || contains_ci(t, "reply"))
            .or_else(|| class.split_whitespace().next())
            .unwrap_or_default()
    };
    let kind = fnv(fnv(FNV_OFFSET, std::iter::once(tag as u8)), token.bytes());
    let id = node.id_attr();
    let id = id.as_deref().unwrap_or_default();
    let numbered = id.bytes().any(|b| b.is_ascii_digit());
    let alike = if numbered {
        // Each run of digits counts as one mark.
        let mut last_digit = false;
        let blanked = id.bytes().filter_map(|b| {
            let digit = b.is_ascii_digit();
            let keep = !(digit && last_digit);
            last_digit = digit;
            keep.then_some(if digit { b'#' } else { b })
        });
        fnv(fnv(kind, std::iter::once(b'|')), blanked)
    } else {
        kind
    };
    let named = item || names_comment_or_reply(token) || numbered;
    Some(Key { alike, kind, named, numbered, li: ITEM_TAGS[tag] == "li", item })
}

/// Microdata types and properties, and the ARIA role, that make an element one comment, review or answer.
const ITEM_TYPES: &[&str] = &["comment", "usercomments", "review", "answer"];
const ITEM_PROPERTIES: &[&str] = &["comment", "review", "answer", "suggestedanswer", "acceptedanswer"];

/// Whether microdata (`itemtype="https://schema.org/Comment"`, `itemprop="review"`) or ARIA (`role="comment"`) says
/// `node` is one comment, review or answer. Attributes are only read where present: this is asked of every element.
pub(super) fn is_comment_item(node: &NodeRef<'_>) -> bool {
    let typed = node.has_attr("itemtype")
        && node.attr("itemtype").is_some_and(|t| {
            t.split_whitespace().any(|t| {
                let name = t.rsplit(['/', '#']).next().unwrap_or_default();
                ITEM_TYPES.iter().any(|w| name.eq_ignore_ascii_case(w))
            })
        });
    let property = || {
        node.has_attr("itemprop")
            && node.attr("itemprop").is_some_and(|p| {
                p.split_whitespace().any(|p| ITEM_PROPERTIES.iter().any(|w| p.eq_ignore_ascii_case(w)))
            })
    };
    let role = || node.has_attr("role") && node.attr("role").is_some_and(|r| r.trim().eq_ignore_ascii_case("comment"));
    typed || property() || role()
}

/// Whether the id or class of `node` names something other than the page's comments.
pub(super) fn is_not_comment(node: &NodeRef<'_>) -> bool {
    let names_other = |value: &str| {
        value
            .split(|c: char| !c.is_alphanumeric())
            .any(|part| NOT_SECTION_WORDS.iter().any(|w| part.eq_ignore_ascii_case(w)))
            || ELSEWHERE_WORDS.iter().any(|w| contains_ci(value, w))
    };
    node.id_attr().as_deref().is_some_and(names_other) || node.class().as_deref().is_some_and(names_other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn keys(html: &str) -> Vec<Key> {
        let doc = Document::from(html);
        doc.select("body *").nodes().iter().filter_map(key).collect()
    }

    #[test]
    fn numbered_ids_are_alike_whatever_their_digits_and_case() {
        let k = keys(
            r#"<li id="comment-12" class="Comment odd"></li><li id="comment-9" class="comment even"></li>
            <li id="comment-9x7" class="comment"></li><div id="comment-3" class="comment"></div><li class="comment"></li>"#,
        );
        assert_eq!(k[0], k[1]);
        assert_ne!(k[0], k[2], "a different pattern of digits");
        assert_ne!(k[0], k[3], "another tag");
        assert!(k[0].same_kind(k[4]) && k[0] != k[4]);
        assert!(k.iter().all(|k| k.named));
        assert!(k[0].numbered && k[0].li && !k[4].numbered);
    }

    #[test]
    fn plain_blocks_are_keyed_but_not_named() {
        let k = keys(r#"<div class="row"></div><div class="row wide"></div><span class="comment"></span>"#);
        assert_eq!(k.len(), 2, "a span holds no comment");
        assert_eq!(k[0], k[1]);
        assert!(!k[0].named);
    }
}
