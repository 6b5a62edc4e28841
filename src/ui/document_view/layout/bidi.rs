//! Right-to-left paragraphs in display order.
//!
//! egui lays text out left to right. Its shaper does turn each run of Arabic or Hebrew letters (the letters one
//! fallback font draws, which stop at a space or a Latin character) right to left, so a single word comes out
//! right, but the words of a line stay in reading order from the left. Here each wrapped line is put in display
//! order by the Unicode bidirectional algorithm (UAX #9, via `unicode-bidi`): right-to-left runs are reversed,
//! brackets in them mirrored, and each stretch of right-to-left letters is left in reading order for the shaper
//! to turn. The galley then shows the lines as they should read; a map between reading order (the offsets that
//! highlights use) and display order serves hit-testing and painting.

use unicode_bidi::{Level, ParagraphBidiInfo};

/// A paragraph's text in display order, with the maps between the two orders.
#[derive(Debug, Clone, PartialEq)]
pub struct Visual {
    /// The lines in display order, joined by `\n`.
    pub text: String,
    /// For each character in reading order, its index in `text`.
    to_display: Vec<usize>,
    /// For each character of `text`, its index in reading order (`None` for the line breaks added), and whether
    /// it reads right to left.
    to_logical: Vec<Option<(usize, bool)>>,
    /// Where its words are drawn, once laid out.
    pub pieces: Vec<Piece>,
}

/// A word, or a run of spaces, of one display line.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// Display line (galley row).
    pub row: usize,
    /// Left and right edge, in galley coordinates.
    pub x0: f32,
    /// See `x0`.
    pub x1: f32,
    /// First and last character it holds, in reading order.
    pub first: usize,
    /// See `first`.
    pub last: usize,
    /// Whether it reads right to left (then its reading start is its right edge).
    pub rtl: bool,
}

impl Visual {
    /// The reading-order index of display character `display`, and whether it reads right to left.
    pub fn logical(&self, display: usize) -> Option<(usize, bool)> {
        self.to_logical.get(display).copied().flatten()
    }

    #[cfg(test)]
    /// Display index of the reading-order character `offset` (its end for the paragraph's end).
    pub fn display_of(&self, offset: usize) -> usize {
        match self.to_display.get(offset) {
            Some(&d) => d,
            None => self.to_display.last().map_or(0, |&d| d + 1),
        }
    }

    #[cfg(test)]
    /// The reading-order boundary for a cursor before display character `display`: after a right-to-left
    /// character its left edge is where it ends.
    pub fn logical_of(&self, display: usize) -> usize {
        let len = self.to_display.len();
        match self.to_logical.get(display).copied().flatten() {
            Some((i, true)) => i + 1,
            Some((i, false)) => i,
            // A line break or the end: the end of the character before it.
            None => match display.checked_sub(1).and_then(|d| self.to_logical.get(d).copied().flatten()) {
                Some((i, true)) => i,
                Some((i, false)) => i + 1,
                None => len.min(display),
            },
        }
    }

    #[cfg(test)]
    /// The display ranges that show reading-order characters `start..end`, left to right, merged where they touch.
    pub fn display_ranges(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        let mut shown: Vec<usize> = (start..end.min(self.to_display.len())).map(|i| self.to_display[i]).collect();
        shown.sort_unstable();
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for d in shown {
            match ranges.last_mut() {
                Some(last) if last.1 == d => last.1 = d + 1,
                _ => ranges.push((d, d + 1)),
            }
        }
        ranges
    }
}

/// Breaks `text` into lines no wider than `width` at spaces, as code point ranges (each line keeps the spaces
/// that end it; a `\n` ends a line too), measuring each word with `measure`.
pub fn break_lines(text: &str, width: f32, mut measure: impl FnMut(&str) -> f32) -> Vec<(usize, usize)> {
    let space = measure(" ");
    let mut lines = Vec::new();
    let (mut line_start, mut line_width) = (0, 0.0);
    let mut index = 0;
    for piece in text.split_inclusive(['\n', ' ']) {
        let len = piece.chars().count();
        let word = piece.trim_end_matches([' ', '\n']);
        let word_width = if word.is_empty() { 0.0 } else { measure(word) };
        // The space after a word shows too (at the left end, in a right-to-left line), so it must fit as well.
        let trailing = if piece.ends_with(' ') { space } else { 0.0 };
        if line_width > 0.0 && line_width + word_width + trailing > width {
            lines.push((line_start, index));
            (line_start, line_width) = (index, 0.0);
        }
        line_width += word_width + trailing;
        index += len;
        if piece.ends_with('\n') {
            lines.push((line_start, index));
            (line_start, line_width) = (index, 0.0);
        }
    }
    if line_start < index || lines.is_empty() {
        lines.push((line_start, index));
    }
    lines
}

/// Characters an Arabic or Hebrew font draws, which the shaper turns right to left by itself.
fn shaped_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

/// `text` (a right-to-left paragraph) in display order, wrapped into the lines given as code point ranges.
pub fn reorder(text: &str, lines: &[(usize, usize)]) -> Visual {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let char_of_byte = |b: usize| chars.partition_point(|&(x, _)| x < b);
    let info = ParagraphBidiInfo::new(text, Some(Level::rtl()));
    let mut out = String::with_capacity(text.len() + lines.len());
    let mut to_display = vec![0; chars.len()];
    let mut to_logical = Vec::with_capacity(chars.len() + lines.len());
    for (n, &(from, to)) in lines.iter().enumerate() {
        if n > 0 {
            out.push('\n');
            to_logical.push(None);
        }
        // A line's own break stays out of the display line.
        let to = if to > from && chars.get(to - 1).is_some_and(|&(_, c)| c == '\n') { to - 1 } else { to };
        let line = byte_of(from)..byte_of(to);
        if line.is_empty() {
            continue;
        }
        let (levels, runs) = info.visual_runs(line);
        for run in runs {
            let rtl = levels.get(run.start).is_some_and(Level::is_rtl);
            let (first, last) = (char_of_byte(run.start), char_of_byte(run.end));
            let mut order: Vec<usize> = (first..last).collect();
            if rtl {
                order.reverse();
                // Stretches of Arabic or Hebrew letters go back to reading order: the shaper reverses them.
                let mut i = 0;
                while i < order.len() {
                    let mut j = i;
                    while j < order.len() && shaped_rtl(chars[order[j]].1) {
                        j += 1;
                    }
                    if j > i + 1 {
                        order[i..j].reverse();
                    }
                    i = j.max(i + 1);
                }
            }
            for index in order {
                let c = chars[index].1;
                // Every character of `out` has its entry in `to_logical`, so its length is the display index.
                to_display[index] = to_logical.len();
                out.push(if rtl && !shaped_rtl(c) { mirrored(c) } else { c });
                to_logical.push(Some((index, rtl)));
            }
        }
    }
    Visual { text: out, to_display, to_logical, pieces: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_a_right_to_left_line_run_from_the_right() {
        // Three Hebrew words and a number: the first word ends up rightmost, the number reads left to right.
        let text = "אבג דה 1948 וז.";
        let visual = reorder(text, &[(0, text.chars().count())]);
        assert_eq!(visual.text, ".וז 1948 דה אבג");
        // Every character is shown exactly once, and the maps agree.
        for i in 0..text.chars().count() {
            let d = visual.display_of(i);
            assert_eq!(visual.to_logical[d].map(|(l, _)| l), Some(i));
        }
    }

    #[test]
    fn brackets_mirror_and_latin_keeps_its_order() {
        let text = "قال «نعم» to EUR 40";
        let visual = reorder(text, &[(0, text.chars().count())]);
        assert_eq!(visual.text, "to EUR 40 «نعم» قال");
    }

    #[test]
    fn lines_break_at_spaces_by_measured_width() {
        // Every character one unit wide: "ab cd ef" in lines of at most six, spaces counted.
        let lines = break_lines("ab cd ef", 6.0, |w| w.chars().count() as f32);
        assert_eq!(lines, [(0, 6), (6, 8)]);
        assert_eq!(break_lines("ab\ncd", 99.0, |w| w.chars().count() as f32), [(0, 3), (3, 5)]);
        assert_eq!(break_lines("", 5.0, |_| 1.0), [(0, 0)]);
    }

    #[test]
    fn lines_stay_lines_and_ranges_map_to_display_pieces() {
        let text = "אבג דה וז חט";
        let visual = reorder(text, &[(0, 7), (7, 12)]);
        // The space that ends the first line goes to its left end, where a right-aligned line does not show it.
        assert_eq!(visual.text, " דה אבג\nחט וז");
        // The first word (reading order 0..3) is at the right of the first line.
        assert_eq!(visual.display_ranges(0, 3), [(4, 7)]);
        // A range over the line end shows as two pieces.
        assert_eq!(visual.display_ranges(4, 9).len(), 2);
        // A cursor at a character's display place is at one of its edges in reading order.
        for i in 0..12 {
            let back = visual.logical_of(visual.display_of(i));
            assert!(back == i || back == i + 1, "{i} -> {back}");
        }
    }
}
