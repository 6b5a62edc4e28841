//! Pages nested absurdly deep, made flat enough to parse in linear time.
//!
//! An HTML parser checks, for many tags, whether an element is "in scope" by walking the stack of open
//! elements; on a page of 100,000 nested `<div>`s that walk is 100,000 long for every tag, and parsing takes
//! minutes. Browsers cap the depth of the tree (Chromium at 512); this pass does the same before parsing: it
//! follows the page's tags with a small tokenizer, and the tags of elements that would open deeper than
//! [`MAX_NESTING`] are left out, with their text kept in place. A page that never nests that deep is returned
//! as it is, byte for byte.

use std::borrow::Cow;
use std::collections::HashMap;

/// How deep elements may nest: twice as deep as any page a person made (the deepest of the 75 real pages of the
/// development corpus, threaded comments and all, nests 30 deep), and shallow enough that parsing and article
/// detection, whose work grows with depth times length, stay well under 2 s for a page of 10 MB (measured in
/// `benches/import.rs`: lists nested in lists took 2.0 s at a limit of 128).
pub const MAX_NESTING: usize = 64;

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track",
    "wbr", "basefont", "bgsound", "frame", "image",
];

/// Elements whose content is text up to their end tag, not markup.
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// Elements that close an open `<p>` when they start.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// How far down the stack an end tag looks for its element; a stray end tag beyond is ignored, as the parser
/// would mostly ignore it too.
const END_TAG_REACH: usize = 64;

/// The page with the tags of elements deeper than [`MAX_NESTING`] left out, and how deep it nested; the page
/// itself (borrowed) when it never nests that deep.
pub fn flatten(html: &str) -> (Cow<'_, str>, usize) {
    let bytes = html.as_bytes();
    let mut open: Vec<Cow<'_, str>> = Vec::new();
    // Elements whose start tag was left out, by name: their end tags are left out too.
    let mut dropped: HashMap<Cow<'_, str>, usize> = HashMap::new();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut deepest = 0;
    let mut i = 0;
    while let Some(found) = memchr(b'<', &bytes[i..]) {
        let at = i + found;
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, at + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr(b'>', &bytes[at..]).map_or(bytes.len(), |e| at + e + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = at + 1;
            continue;
        }
        let name_end = (name_start..bytes.len())
            .find(|&k| matches!(bytes[k], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'))
            .unwrap_or(bytes.len());
        let name = lowercase(&html[name_start..name_end]);
        let (end, self_closing) = tag_end(bytes, name_end);
        if closing {
            match dropped.get_mut(&name) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    cuts.push((at, end));
                }
                _ => {
                    if let Some(depth) = open.iter().rev().take(END_TAG_REACH).position(|n| *n == name) {
                        open.truncate(open.len() - depth - 1);
                    }
                }
            }
            i = end;
            continue;
        }
        close_implied(&mut open, &name);
        let nests = !self_closing && !VOID.contains(&name.as_ref());
        if nests {
            if open.len() >= MAX_NESTING {
                cuts.push((at, end));
                *dropped.entry(name.clone()).or_default() += 1;
                deepest = deepest.max(open.len() + dropped.values().sum::<usize>());
            } else {
                open.push(name.clone());
                deepest = deepest.max(open.len());
            }
        }
        i = end;
        if RAW.contains(&name.as_ref()) && nests {
            // Its content is text: skip to its end tag, which the loop then reads.
            i = find_end_tag(bytes, end, &name).unwrap_or(bytes.len());
        } else if name == "plaintext" {
            break;
        }
    }
    if cuts.is_empty() {
        return (Cow::Borrowed(html), deepest);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in cuts {
        out.push_str(&html[from..start]);
        from = end;
    }
    out.push_str(&html[from..]);
    (Cow::Owned(out), deepest)
}

/// How far down the stack a start tag looks for the elements it closes.
const IMPLIED_REACH: usize = 8;

/// Elements that an open `<p>` does not reach beyond when a block closes it.
const P_SCOPE: &[&str] = &[
    "button",
    "div",
    "li",
    "dd",
    "dt",
    "td",
    "th",
    "table",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "section",
    "body",
    "html",
];

/// The elements that `name` closes by starting, as the parser closes them: an open `<p>` before a block or a
/// list item, the open list item before the next, the open cell before the next …
fn close_implied(open: &mut Vec<Cow<'_, str>>, name: &str) {
    if CLOSES_P.contains(&name) || matches!(name, "li" | "dt" | "dd") {
        close_within(open, &["p"], P_SCOPE);
    }
    let (closes, stops): (&[&str], &[&str]) = match name {
        "li" => (&["li"], &["ul", "ol", "menu"]),
        "dt" | "dd" => (&["dt", "dd"], &["dl"]),
        "option" | "optgroup" => (&["option"], &["select", "datalist"]),
        "td" | "th" => (&["td", "th"], &["tr", "table"]),
        "tr" => (&["tr", "td", "th"], &["table", "tbody", "thead", "tfoot"]),
        "tbody" | "thead" | "tfoot" => (&["tbody", "thead", "tfoot", "tr", "td", "th"], &["table"]),
        _ => return,
    };
    close_within(open, closes, stops);
}

/// Closes the nearest open element named in `closes`, and everything above it, if it is found near the top
/// before one named in `stops`.
fn close_within(open: &mut Vec<Cow<'_, str>>, closes: &[&str], stops: &[&str]) {
    for (depth, element) in open.iter().rev().take(IMPLIED_REACH).enumerate() {
        if closes.contains(&element.as_ref()) {
            let keep = open.len() - depth - 1;
            open.truncate(keep);
            return;
        }
        if stops.contains(&element.as_ref()) {
            return;
        }
    }
}

/// A tag name in lower case, copied only when it has capitals.
fn lowercase(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// Where the tag whose name ends at `from` ends (after its `>`), reading quoted attribute values whole, and
/// whether it closes itself (`/>`).
fn tag_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut k = from;
    let mut quote = None;
    while k < bytes.len() {
        let b = bytes[k];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return (k + 1, k > from && bytes[k - 1] == b'/'),
            None => {}
        }
        k += 1;
    }
    (bytes.len(), false)
}

/// Where `</name` begins at or after `from`, in any letter case.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut k = from;
    while let Some(found) = find(bytes, k, b"</") {
        let after = &bytes[found + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return Some(found);
        }
        k = found + 2;
    }
    None
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

/// Where `needle` first occurs in `bytes` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_of_ordinary_depth_is_left_exactly_as_it_is() {
        let page = "<html><body><div class=\"a>b\"><p>One<p>Two<ul><li>x<li>y</ul><br><img src=x>\
                    <script>if (a < b) { document.write('<div>') }</script><!-- <div> --></div></body></html>";
        let (out, depth) = flatten(page);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert!(depth < 6, "{depth}");
    }

    #[test]
    fn tags_deeper_than_the_limit_go_and_their_text_stays() {
        let n = 10_000;
        let page = format!("<body>{}deep text{}after</body>", "<div>".repeat(n), "</div>".repeat(n));
        let (out, depth) = flatten(&page);
        assert_eq!(depth, n + 1);
        assert_eq!(out.matches("<div>").count(), MAX_NESTING - 1);
        assert_eq!(out.matches("</div>").count(), MAX_NESTING - 1);
        assert!(out.contains("deep text") && out.ends_with("after</body>"));
        // Unclosed formatting, as a broken page has it, is capped the same way.
        let unclosed = "<b><i>bold ".repeat(5000);
        let (out, _) = flatten(&unclosed);
        assert!(out.matches("<b>").count() < MAX_NESTING);
        assert_eq!(out.matches("bold").count(), 5000);
    }

    #[test]
    fn paragraphs_and_list_items_left_open_do_not_count_as_nesting() {
        let page = format!("<body>{}</body>", "<p>a paragraph<li>an item<dd>a term".repeat(2000));
        let (out, depth) = flatten(&page);
        assert!(matches!(out, Cow::Borrowed(_)), "depth {depth}");
    }
}
