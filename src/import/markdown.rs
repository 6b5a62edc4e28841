//! Markdown articles: the title from the first heading (or YAML front matter), paragraphs, lists and quotes as
//! paragraphs, links kept as their text, and a "Comments" section, if present, as the reader comments.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::plain;
use super::{Extracted, ExtractedComment};
use crate::model::Metadata;

/// One block of the Markdown text.
#[derive(Debug)]
enum Block {
    Heading(String),
    /// A paragraph, list item, quote or code block.
    Text(String),
}

/// Takes apart a Markdown article (already decoded text with `\n` line endings).
pub fn extract(text: &str) -> Extracted {
    let (front, rest) = front_matter(text);
    let blocks = blocks(rest);
    let mut metadata = Metadata::default();
    let mut title = None;
    for (key, value) in front {
        match key.as_str() {
            "title" => title = Some(value),
            "author" | "byline" => metadata.byline = Some(value),
            "date" | "published" => metadata.date = Some(value),
            "site" | "source" | "publisher" => metadata.site = Some(value),
            "lang" | "language" => metadata.language = Some(value),
            _ => {
                metadata.extra.insert(key, value);
            }
        }
    }
    let mut rest: &[Block] = &blocks;
    if title.is_none()
        && let Some((Block::Heading(heading), tail)) = rest.split_first()
    {
        title = Some(heading.clone());
        rest = tail;
    }
    let comments_at = rest.iter().position(|b| matches!(b, Block::Heading(h) if plain::is_comments_heading(h)));
    let (story, section) = match comments_at {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let paragraphs: Vec<String> = story
        .iter()
        .map(|b| match b {
            Block::Heading(text) | Block::Text(text) => text.clone(),
        })
        .collect();
    let mut body = paragraphs.join("\n\n");
    let mut warnings = Vec::new();
    let mut comments = comments_from(section, &mut warnings);
    if comments.is_empty()
        && let Some((story, found)) = plain::split_comments(&body)
    {
        body = story;
        comments = found;
    }
    let title = title.unwrap_or_else(|| {
        warnings.push("the Markdown has no heading; its first line is the title".to_owned());
        body.lines().next().unwrap_or("Untitled").chars().take(100).collect()
    });
    Extracted {
        title,
        metadata,
        body,
        comments,
        comments_found: None,
        warnings,
        skipped: Vec::new(),
        annotations: Default::default(),
    }
}

/// `key: value` lines between `---` lines at the very top, as static site generators write them.
fn front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else { return (Vec::new(), text) };
    let Some(end) = rest.find("\n---") else { return (Vec::new(), text) };
    let fields = rest[..end]
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().trim_matches(['"', '\'']).to_owned()))
        .filter(|(k, v)| !k.is_empty() && !v.is_empty())
        .collect();
    let after = &rest[end + 4..];
    (fields, after.strip_prefix('\n').unwrap_or(after))
}

/// The blocks of the text, with inline markup reduced to its text.
fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut heading = false;
    let mut in_image = 0usize;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::End(TagEnd::Heading(_)) => {
                let text = std::mem::take(&mut current).trim().to_owned();
                if std::mem::take(&mut heading) && !text.is_empty() {
                    blocks.push(Block::Heading(text));
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock | TagEnd::TableRow) => {
                let text = std::mem::take(&mut current).trim().to_owned();
                if !text.is_empty() {
                    blocks.push(Block::Text(text));
                }
            }
            Event::Text(t) | Event::Code(t) if in_image == 0 => current.push_str(&t),
            Event::SoftBreak => current.push(' '),
            Event::HardBreak => current.push('\n'),
            Event::End(TagEnd::TableCell) => current.push('\t'),
            _ => {}
        }
    }
    blocks
}

/// The comments of a "Comments" section: a sub-heading per comment naming its author, list items of the form
/// "Name: text", or the plain "Name said:" shapes; failing those, one comment per paragraph.
fn comments_from(section: &[Block], warnings: &mut Vec<String>) -> Vec<ExtractedComment> {
    if section.is_empty() {
        return Vec::new();
    }
    let comment = |author: &str, text: String| ExtractedComment {
        number: None,
        author: author.trim().trim_end_matches(':').trim_end_matches(" says").trim_end_matches(" said").to_owned(),
        date: None,
        timestamp: None,
        text,
        parent: None,
    };
    if section.iter().any(|b| matches!(b, Block::Heading(_))) {
        let mut comments: Vec<ExtractedComment> = Vec::new();
        for block in section {
            match block {
                Block::Heading(author) => comments.push(comment(author, String::new())),
                Block::Text(text) => match comments.last_mut() {
                    Some(last) if last.text.is_empty() => last.text.clone_from(text),
                    Some(last) => {
                        last.text.push_str("\n\n");
                        last.text.push_str(text);
                    }
                    None => comments.push(comment("", text.clone())),
                },
            }
        }
        comments.retain(|c| !c.text.is_empty());
        return comments;
    }
    let texts: Vec<&str> = section
        .iter()
        .map(|b| match b {
            Block::Heading(t) | Block::Text(t) => t.as_str(),
        })
        .collect();
    let named: Vec<Option<(&str, &str)>> = texts
        .iter()
        .map(|t| t.split_once(": ").filter(|(name, _)| name.split_whitespace().count() <= 4 && !name.is_empty()))
        .collect();
    if named.iter().all(Option::is_some) {
        return named.into_iter().flatten().map(|(name, text)| comment(name, text.to_owned())).collect();
    }
    let joined = format!("Comments\n\n{}", texts.join("\n\n"));
    if let Some((_, found)) = plain::split_comments(&joined) {
        return found;
    }
    warnings.push("the comments section names no authors; each paragraph became a comment".to_owned());
    texts.into_iter().map(|t| comment("", t.to_owned())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_paragraphs_links_and_comment_headings() {
        let text = "# Port Levy Approved\n\nThe council voted **7 to 4** on [Tuesday](https://x.org).\n\n\
                    ![a boat](boat.jpg)\n\n- first point\n- second point\n\n## Comments\n\n### Maren\n\nGood news.\n\n\
                    ### old salt says:\n\nNot for us.\n";
        let article = extract(text);
        assert_eq!(article.title, "Port Levy Approved");
        assert_eq!(article.body, "The council voted 7 to 4 on Tuesday.\n\nfirst point\n\nsecond point");
        let comments: Vec<(&str, &str)> =
            article.comments.iter().map(|c| (c.author.as_str(), c.text.as_str())).collect();
        assert_eq!(comments, [("Maren", "Good news."), ("old salt", "Not for us.")]);
    }

    #[test]
    fn front_matter_and_name_colon_comments() {
        let text = "---\ntitle: \"Bridge Reopens\"\nauthor: Ahmed Nasser\ntags: roads\n---\n\nIt reopened.\n\n\
                    ## 2 Comments\n\n- Kim: Finally.\n- Tom B: Took too long.\n";
        let article = extract(text);
        assert_eq!(article.title, "Bridge Reopens");
        assert_eq!(article.metadata.byline.as_deref(), Some("Ahmed Nasser"));
        assert_eq!(article.metadata.extra.get("tags").map(String::as_str), Some("roads"));
        assert_eq!(article.body, "It reopened.");
        let authors: Vec<&str> = article.comments.iter().map(|c| c.author.as_str()).collect();
        assert_eq!(authors, ["Kim", "Tom B"]);
    }
}
