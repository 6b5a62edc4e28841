//! A quote found in a text by its context, with its stored position as a hint: the W3C TextQuoteSelector and
//! TextPositionSelector read together.

use crate::model::text::CharIndex;

/// A quote with the text around it, as a stored range keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteSelector<'a> {
    /// The quoted text.
    pub exact: &'a str,
    /// The text right before it.
    pub prefix: &'a str,
    /// The text right after it.
    pub suffix: &'a str,
}

/// Where a quote was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Located {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// How many code points of the stored context agree there, counted outward from the quote on both sides.
    pub context: usize,
    /// How many code points of context the selector has.
    pub full: usize,
    /// Whether this is another place than the hint.
    pub moved: bool,
}

impl Located {
    /// Whether all of the stored context agrees.
    pub fn is_full(&self) -> bool {
        self.context == self.full
    }
}

/// Why a quote could not be placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Unplaced {
    /// The quote is not in the text.
    #[error("the text is not there")]
    Missing,
    /// The quote is at several places whose context agrees equally well, none of them the stored position.
    #[error("the text is at {0} places and its context does not say which")]
    Ambiguous(usize),
}

/// How many code points two strings share, counted from their ends.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

/// How many code points two strings share, counted from their starts.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// How much of the selector's context agrees with `text` around the quote at bytes `from..to`.
fn context_at(text: &str, from: usize, to: usize, selector: &QuoteSelector<'_>) -> usize {
    // The context never needs more than its own length of text on either side.
    let before = &text[floor_boundary(text, from.saturating_sub(selector.prefix.len()))..from];
    let after = &text[to..ceil_boundary(text, to + selector.suffix.len())];
    common_suffix(before, selector.prefix) + common_prefix(after, selector.suffix)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Finds `selector`'s quote in `text` (indexed by `index`), `near` being where it is expected (code points).
///
/// The place whose context agrees best wins; the expected place wins among equals, then the nearest if the
/// context agrees in full at several places (identical passages, where any is right). A quote at several places
/// with partial context that agrees equally is not placed: guessing would put a highlight on text it may not be
/// about.
pub fn locate(text: &str, index: &CharIndex, selector: &QuoteSelector<'_>, near: usize) -> Result<Located, Unplaced> {
    let len = selector.exact.chars().count();
    let full = selector.prefix.chars().count() + selector.suffix.chars().count();
    if len == 0 {
        return Err(Unplaced::Missing);
    }
    let hinted = index.byte(text, near).zip(index.byte(text, near + len));
    if let Some((from, to)) = hinted
        && &text[from..to] == selector.exact
    {
        let context = context_at(text, from, to, selector);
        if context == full {
            return Ok(Located { start: near, end: near + len, context, full, moved: false });
        }
    }
    // (distance from the hint, start) of the places whose context agrees best so far.
    let mut best: Vec<(usize, usize)> = Vec::new();
    let mut best_context = 0;
    let (mut counted_byte, mut counted_chars) = (0, 0);
    for (from, _) in text.match_indices(selector.exact) {
        counted_chars += text[counted_byte..from].chars().count();
        counted_byte = from;
        let context = context_at(text, from, from + selector.exact.len(), selector);
        if context > best_context || best.is_empty() {
            best_context = context;
            best.clear();
        }
        if context == best_context {
            best.push((counted_chars.abs_diff(near), counted_chars));
        }
    }
    let Some(&(distance, start)) = best.iter().min() else { return Err(Unplaced::Missing) };
    if distance != 0 && best.len() > 1 && best_context < full {
        return Err(Unplaced::Ambiguous(best.len()));
    }
    Ok(Located { start, end: start + len, context: best_context, full, moved: distance != 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, exact: &str, prefix: &str, suffix: &str, near: usize) -> Result<Located, Unplaced> {
        locate(text, &CharIndex::new(text), &QuoteSelector { exact, prefix, suffix }, near)
    }

    #[test]
    fn the_context_decides_over_the_position() {
        // A highlight of the first emoji, with a stale position that points at the second.
        let text = "Emoji headline 😀 and then, much later, another 😀 at the end.";
        let second = text.chars().count() - " at the end.".chars().count() - 1;
        let found = find(text, "😀", "Emoji headline ", " and then", second).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((found.start, found.moved, found.is_full()), (15, true, true));
    }

    #[test]
    fn the_position_decides_among_equals_and_a_partial_tie_is_not_guessed() {
        let text = "yes, no, yes, no";
        assert_eq!(find(text, "no", "", "", 14).map(|f| (f.start, f.moved)), Ok((14, false)));
        assert_eq!(find(text, "no", "", "", 13).map(|f| f.start), Ok(14));
        assert_eq!(find(text, "no", "maybe ", " forever", 0), Err(Unplaced::Ambiguous(2)));
        assert_eq!(find(text, "perhaps", "", "", 0), Err(Unplaced::Missing));
    }

    #[test]
    fn context_is_counted_in_code_points_across_scripts() {
        let text = "Ереван 👩‍👩‍👧 𠀋 said: שלום עולם";
        let found = find(text, "שלום", "𠀋 said: ", " עולם", 0).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (found.start, found.end, found.is_full()),
            (text.chars().count() - 9, text.chars().count() - 5, true)
        );
    }
}
