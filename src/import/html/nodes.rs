//! What the comment search reads off an element, shared by finding the comments and reading their fields.

use std::sync::LazyLock;

use dom_query::NodeRef;
use regex::Regex;

/// A run of digits.
pub(super) static DIGITS: LazyLock<Regex> = LazyLock::new(|| crate::import::regex(r"\d+"));

/// Lower-case id and class of an element.
pub(super) fn words(node: &NodeRef<'_>) -> String {
    let id = node.id_attr().map(|s| s.to_lowercase()).unwrap_or_default();
    let class = node.class().map(|s| s.to_lowercase()).unwrap_or_default();
    format!("{id} {class}")
}

/// Whether any text inside `node` has a letter or digit; stops at the first one found.
pub(super) fn has_text(node: &NodeRef<'_>) -> bool {
    node.descendants_it().any(|d| d.is_text() && d.text().chars().any(char::is_alphanumeric))
}

/// The text of `node` with a space between the texts of its parts, on one line: "28.09.19" and "13:39" in two
/// spans read "28.09.19 13:39", not "28.09.1913:39".
pub(super) fn spaced_text(node: &NodeRef<'_>) -> String {
    let mut out = String::new();
    for part in node.descendants_it().filter(NodeRef::is_text) {
        for word in part.text().split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// `text` on one line, its runs of white space one space each.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 1 to 6 for `h1` to `h6`; none for any other element.
pub(super) fn heading_rank(node: &NodeRef<'_>) -> Option<u8> {
    // The name is borrowed, not copied: this is asked of every element of every comment.
    let name = node.qual_name_ref()?;
    let bytes = name.local.as_bytes();
    (bytes.len() == 2 && bytes[0].eq_ignore_ascii_case(&b'h') && (b'1'..=b'6').contains(&bytes[1]))
        .then(|| bytes[1] - b'0')
}

/// Where the element's name stands in `tags` (names as the parser writes them, in lower case), read once.
pub(super) fn tag_in(node: &NodeRef<'_>, tags: &[&str]) -> Option<usize> {
    let name = node.qual_name_ref()?;
    let local: &str = &name.local;
    tags.iter().position(|t| *t == local)
}
