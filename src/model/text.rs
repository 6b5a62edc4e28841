//! Offsets in Unicode code points.
//!
//! Spans are stored in code points of the text they annotate, the unit of the W3C Web Annotation model. Rust
//! strings are indexed by UTF-8 bytes, so every conversion goes through these helpers.

/// Number of Unicode code points in `text`.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// Byte index of the code point at `char_index`, or of the end when `char_index` equals the length.
///
/// Returns `None` when `char_index` lies past the end of the text.
pub fn byte_index(text: &str, char_index: usize) -> Option<usize> {
    if char_index == 0 {
        return Some(0);
    }
    match text.char_indices().nth(char_index) {
        Some((byte, _)) => Some(byte),
        None if char_len(text) == char_index => Some(text.len()),
        None => None,
    }
}

/// The part of `text` between the code point offsets `start` and `end`, or `None` if they do not fit.
pub fn slice_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let from = byte_index(text, start)?;
    let len = byte_index(&text[from..], end - start)?;
    Some(&text[from..from + len])
}

/// Code point offset of the byte index `byte` (which must lie on a character boundary).
pub fn char_index_of_byte(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or_else(|| char_len(text), char_len)
}

/// The range `start..end` without the white space at either end, or `None` if nothing else is in it. People
/// selecting a phrase with the mouse usually catch a space too.
pub fn trim_range(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let inner = slice_chars(text, start, end)?;
    let leading = inner.chars().take_while(|c| c.is_whitespace()).count();
    let trailing = inner.chars().rev().take_while(|c| c.is_whitespace()).count();
    let len = end - start;
    (leading < len).then(|| (start + leading, end - trailing))
}

/// Byte positions of every 64th code point of a text, so that many code point offsets can be turned into byte
/// positions without walking the text from its start each time (a 1 MB article with 10,000 highlights).
#[derive(Clone, Debug, Default)]
pub struct CharIndex {
    marks: Vec<usize>,
    len: usize,
}

/// Code points between two marks of a [`CharIndex`].
const MARK_EVERY: usize = 64;

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / MARK_EVERY + 1);
        let mut len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % MARK_EVERY == 0 {
                marks.push(byte);
            }
            len = i + 1;
        }
        Self { marks, len }
    }

    /// The byte position of code point `offset` of `text` (the text this index was made for), or `None` past its
    /// end.
    pub fn byte(&self, text: &str, offset: usize) -> Option<usize> {
        if offset == self.len {
            return Some(text.len());
        }
        let mark = *self.marks.get(offset / MARK_EVERY)?;
        text.get(mark..)?.char_indices().nth(offset % MARK_EVERY).map(|(b, _)| mark + b)
    }

    /// How many code points the indexed text has.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the indexed text is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The part of `text` between code points `start` and `end`, like [`slice_chars`].
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        text.get(self.byte(text, start)?..self.byte(text, end)?)
    }
}

/// The words of `text` by Unicode word boundaries (UAX #29), as code point ranges with their text. Runs of white
/// space are left out; a punctuation mark is a word of its own.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    use unicode_segmentation::UnicodeSegmentation as _;
    text.split_word_bounds()
        .scan(0, |offset, segment| {
            let start = *offset;
            *offset += char_len(segment);
            Some((start, *offset, segment))
        })
        .filter(|(_, _, segment)| !segment.trim().is_empty())
}

/// Whether the first letter of `text` is from a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko …),
/// the rule by which a paragraph takes its direction when nothing else says (UAX #9, P2–P3, simplified to
/// letters).
pub fn right_to_left(text: &str) -> bool {
    text.chars().find(|c| c.is_alphabetic()).is_some_and(|c| {
        matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
    })
}

/// Line and column (both 1-based, column in characters) of byte `offset` in `bytes`, whose prefix up to `offset`
/// is valid UTF-8.
pub fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, column)
}

/// Whether Python's `str.splitlines` ends a line at `c`: more than `\n` and `\r` (vertical tab, form feed, the
/// file, group and record separators, NEL, the Unicode line and paragraph separators). brat reads its `.ann`
/// files that way, so a fragment or note holding one would be cut in two and its highlight dropped.
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points_not_bytes() {
        let text = "Ա😀b";
        assert_eq!(char_len(text), 3);
        assert_eq!(byte_index(text, 1), Some(2));
        assert_eq!(byte_index(text, 2), Some(6));
        assert_eq!(byte_index(text, 3), Some(7));
        assert_eq!(byte_index(text, 4), None);
        assert_eq!(slice_chars(text, 1, 2), Some("😀"));
        assert_eq!(slice_chars(text, 2, 1), None);
        assert_eq!(slice_chars(text, 0, 9), None);
        assert_eq!(char_index_of_byte(text, 6), 2);
    }

    #[test]
    fn trims_white_space_at_the_ends_of_a_range() {
        let text = "a  “quote”\u{a0} b";
        assert_eq!(trim_range(text, 1, 12), Some((3, 10)));
        assert_eq!(trim_range(text, 1, 3), None);
        assert_eq!(trim_range(text, 0, 99), None);
    }

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let bytes = "ab\nçd".as_bytes();
        assert_eq!(line_column(bytes, 0), (1, 1));
        assert_eq!(line_column(bytes, 3), (2, 1));
        assert_eq!(line_column(bytes, 6), (2, 3));
    }

    #[test]
    fn an_index_slices_like_slice_chars() {
        let text: String = "Ա😀b ".repeat(50);
        let index = CharIndex::new(&text);
        for (start, end) in [(0, 0), (0, 3), (63, 65), (64, 130), (190, 200), (199, 200), (200, 200), (150, 201)] {
            assert_eq!(index.slice(&text, start, end), slice_chars(&text, start, end), "{start}..{end}");
        }
    }

    #[test]
    fn words_are_code_point_ranges_without_white_space() {
        let words: Vec<_> = words("Ani said: «Մենք» 😀 ok.").collect();
        let texts: Vec<&str> = words.iter().map(|w| w.2).collect();
        assert_eq!(texts, ["Ani", "said", ":", "«", "Մենք", "»", "😀", "ok", "."]);
        assert_eq!((words[4].0, words[4].1), (11, 15));
        assert_eq!((words[7].0, words[7].1), (19, 21));
    }

    #[test]
    fn a_paragraph_takes_the_direction_of_its_first_letter() {
        assert!(right_to_left("بالعربية: قال 40"));
        assert!(right_to_left("\"אנחנו\" said"));
        assert!(right_to_left("1948 — נוסד"));
        assert!(!right_to_left("Said «שלום»"));
        assert!(!right_to_left("Հայերեն"));
        assert!(!right_to_left("12 000"));
    }
}
