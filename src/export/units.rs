//! Offsets in the unit each format counts.
//!
//! Gloss stores code points. JavaScript tools (Label Studio) count UTF-16 code units, where a character outside the
//! Basic Multilingual Plane (most emoji, some CJK) counts twice; byte-oriented tools count UTF-8 bytes.

/// A unit of text offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Unicode code points (Rust `chars`, Python `str` indices, the W3C unit).
    CodePoint,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
    /// UTF-8 bytes.
    Byte,
}

/// Converts code point offsets of one text to another unit in constant time each, after one pass over the text.
pub struct Units {
    /// For each code point offset (0..=len), the offset in the target unit; empty for [`Unit::CodePoint`].
    table: Vec<usize>,
}

impl Units {
    /// Prepares conversions of offsets into `text`.
    pub fn new(text: &str, unit: Unit) -> Self {
        if unit == Unit::CodePoint {
            return Self { table: Vec::new() };
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut at = 0;
        table.push(0);
        for c in text.chars() {
            at += match unit {
                Unit::Utf16 => c.len_utf16(),
                Unit::Byte => c.len_utf8(),
                Unit::CodePoint => 1,
            };
            table.push(at);
        }
        Self { table }
    }

    /// The code point offset of `offset` in the target unit, or `None` if it falls inside a character or past the
    /// end; in logarithmic time. For [`Unit::CodePoint`] it is `offset` itself.
    pub fn back(&self, offset: usize) -> Option<usize> {
        if self.table.is_empty() {
            return Some(offset);
        }
        self.table.binary_search(&offset).ok()
    }

    /// The offset in the target unit of code point offset `offset` (past the end: the end).
    pub fn convert(&self, offset: usize) -> usize {
        if self.table.is_empty() {
            return offset;
        }
        self.table.get(offset).or(self.table.last()).copied().unwrap_or(0)
    }
}

/// The text between `start` and `end` counted in `unit`, for tests and importers that read offsets back.
pub fn slice(text: &str, start: usize, end: usize, unit: Unit) -> Option<String> {
    match unit {
        Unit::CodePoint => crate::model::text::slice_chars(text, start, end).map(str::to_owned),
        Unit::Byte => text.get(start..end).map(str::to_owned),
        Unit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(units.get(start..end)?).ok()
        }
    }
}

/// The code point offset of offset `offset` counted in `unit`, or `None` if it falls inside a character.
pub fn to_code_points(text: &str, offset: usize, unit: Unit) -> Option<usize> {
    if unit == Unit::CodePoint {
        return (offset <= text.chars().count()).then_some(offset);
    }
    let units = Units::new(text, unit);
    units.table.binary_search(&offset).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_count_twice_in_utf16_and_four_times_in_bytes() {
        let text = "a😀Ա中";
        let utf16 = Units::new(text, Unit::Utf16);
        assert_eq!((0..=4).map(|i| utf16.convert(i)).collect::<Vec<_>>(), [0, 1, 3, 4, 5]);
        let bytes = Units::new(text, Unit::Byte);
        assert_eq!((0..=4).map(|i| bytes.convert(i)).collect::<Vec<_>>(), [0, 1, 5, 7, 10]);
        assert_eq!(Units::new(text, Unit::CodePoint).convert(3), 3);
        assert_eq!(slice(text, 1, 3, Unit::Utf16).as_deref(), Some("😀"));
        assert_eq!(slice(text, 2, 3, Unit::Utf16), None, "half an emoji is not text");
        assert_eq!(to_code_points(text, 4, Unit::Utf16), Some(3));
        assert_eq!(to_code_points(text, 2, Unit::Utf16), None);
    }
}
