//! Serde adapter that writes a text as a list of its paragraphs.
//!
//! A body held as one escaped string would put a whole article on one line of the project file. Split at each
//! blank line (`"\n\n"`) it reads like the article, and a change to one paragraph changes one line. Splitting on a
//! separator and joining with the same separator gives back the exact original string, so offsets stay valid.

use serde::{Deserialize, Deserializer, Serializer};

/// What separates two paragraphs in a document or comment text.
pub const SEPARATOR: &str = "\n\n";

/// Index of the paragraph of `text` that holds the code point at `offset` (the last one if `offset` is past the
/// end; a separator counts with the paragraph before it).
pub fn index_at(text: &str, offset: usize) -> usize {
    let separator = SEPARATOR.chars().count();
    let mut start = 0;
    for (index, paragraph) in text.split(SEPARATOR).enumerate() {
        start += paragraph.chars().count() + separator;
        if offset < start {
            return index;
        }
    }
    text.split(SEPARATOR).count().saturating_sub(1)
}

/// Writes `text` as a sequence of its paragraphs.
pub fn serialize<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(text.split(SEPARATOR))
}

/// Reads a sequence of paragraphs back into one text.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let paragraphs = Vec::<String>::deserialize(deserializer)?;
    Ok(paragraphs.join(SEPARATOR))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{SEPARATOR, index_at};

    #[test]
    fn finds_the_paragraph_of_an_offset() {
        let text = "ab\n\ncd\n\n\n\nef";
        assert_eq!([0, 3, 4, 6, 8, 10, 99].map(|o| index_at(text, o)), [0, 0, 1, 1, 2, 3, 3]);
    }

    proptest! {
        #[test]
        fn split_then_join_is_exact(text in "(a|\n|\r|é|😀| ){0,40}") {
            let parts: Vec<&str> = text.split(SEPARATOR).collect();
            prop_assert_eq!(parts.join(SEPARATOR), text);
        }
    }
}
