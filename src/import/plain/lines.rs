//! Lines of a plain-text article, with their indentation, and paragraphs made of them.

/// One line of the input.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line<'a> {
    /// Columns of leading spaces and tabs (a tab counts as four).
    pub indent: usize,
    /// The line without leading and trailing spaces and tabs. Other white space, such as a non-breaking space,
    /// is part of the text and kept.
    pub content: &'a str,
}

impl Line<'_> {
    /// A line with nothing but white space (of any kind) on it.
    pub fn is_blank(&self) -> bool {
        self.content.chars().all(char::is_whitespace)
    }

    /// The content compared loosely: outer white space of every kind removed.
    pub fn key(&self) -> &str {
        self.content.trim()
    }
}

/// Splits normalised text (only `\n` line endings) into lines.
pub(super) fn split(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .map(|raw| {
            let content = raw.trim_start_matches([' ', '\t']);
            let indent = raw[..raw.len() - content.len()].chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
            Line { indent, content: content.trim_end_matches([' ', '\t']) }
        })
        .collect()
}

/// Joins lines into paragraphs: a blank line ends a paragraph, and the lines within one stay on their own lines.
pub(super) fn paragraphs(lines: &[Line<'_>]) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in lines {
        if line.is_blank() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.content);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs
}

/// Whether line `index` starts a paragraph (it follows a blank line or the start).
pub(super) fn starts_paragraph(lines: &[Line<'_>], index: usize) -> bool {
    index == 0 || lines.get(index - 1).is_some_and(Line::is_blank)
}
