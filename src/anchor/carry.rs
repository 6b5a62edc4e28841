//! One highlight's ranges carried from an older text to a newer one, and what became of them.

use crate::model::text::CharIndex;
use crate::model::{AnchoredRange, Reanchor};

use super::align::Alignment;
use super::locate::{QuoteSelector, locate};

/// Where a highlight's ranges go in the newer text, and whether that needs the annotator's eye.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carried {
    /// Unchanged, edited or orphaned.
    pub status: Reanchor,
    /// The ranges in the newer text (code points), in ascending order; empty when orphaned.
    pub ranges: Vec<(usize, usize)>,
}

/// What became of one range.
enum Part {
    Same(usize, usize),
    Changed(usize, usize),
    Gone,
}

/// Whether a character counts when deciding if any of a quote survived: letters and digits, or every character of
/// a quote that has none (a highlighted dash).
fn counts(quote: &str) -> impl Fn(char) -> bool {
    let wordy = quote.chars().any(char::is_alphanumeric);
    move |c: char| !wordy || c.is_alphanumeric()
}

/// How many of the counting characters of `range` are outside the changed stretches.
fn survivors(alignment: &Alignment, range: &AnchoredRange) -> usize {
    let counting = counts(&range.exact);
    let mut changed = alignment.changed_within(range.start, range.end).peekable();
    let mut kept = 0;
    for (i, c) in range.exact.chars().enumerate() {
        while changed.peek().is_some_and(|r| r.end <= i) {
            changed.next();
        }
        kept += usize::from(counting(c) && !changed.peek().is_some_and(|r| r.contains(&i)));
    }
    kept
}

/// `from..to` of `text` without white space at an edge where the old quote had none.
fn trimmed(text: &str, index: &CharIndex, (from, to): (usize, usize), quote: &str) -> Option<(usize, usize)> {
    let inner = index.slice(text, from, to)?;
    let lead = if quote.starts_with(char::is_whitespace) {
        0
    } else {
        inner.chars().take_while(|c| c.is_whitespace()).count()
    };
    let trail = if quote.ends_with(char::is_whitespace) {
        0
    } else {
        inner.chars().rev().take_while(|c| c.is_whitespace()).count()
    };
    (lead + trail < to - from).then(|| (from + lead, to - trail))
}

/// A range whose words the alignment lost (deleted, or moved elsewhere as a block): found again by its quote and
/// context, or gone. Only the full context counts as the same text; most of it, as a proposal.
fn refind(text: &str, index: &CharIndex, range: &AnchoredRange, near: usize) -> Part {
    let selector = QuoteSelector { exact: &range.exact, prefix: &range.prefix, suffix: &range.suffix };
    match locate(text, index, &selector, near) {
        Ok(found) if found.is_full() => Part::Same(found.start, found.end),
        Ok(found) if found.context * 4 >= found.full * 3 && found.full > 0 => Part::Changed(found.start, found.end),
        _ => Part::Gone,
    }
}

fn carry_one(alignment: &Alignment, text: &str, index: &CharIndex, range: &AnchoredRange) -> Part {
    if let Some((from, to)) = alignment.carry_intact(range.start, range.end)
        && index.slice(text, from, to) == Some(range.exact.as_str())
    {
        return Part::Same(from, to);
    }
    let kept = survivors(alignment, range);
    let proposal = alignment.carry_edited(range.start, range.end).and_then(|r| trimmed(text, index, r, &range.exact));
    match proposal {
        Some((from, to)) if kept > 0 => Part::Changed(from, to),
        _ => refind(text, index, range, alignment.carry_position(range.start)),
    }
}

/// Carries `ranges` (anchored in the older text) across `alignment` into `text` (indexed by `index`), and checks
/// the result against each range's quote. Unchanged only when every range's quote is there, untouched;
/// orphaned when no range kept any of its words; edited otherwise, with what is left of the highlight proposed.
pub fn carry_ranges(alignment: &Alignment, text: &str, index: &CharIndex, ranges: &[AnchoredRange]) -> Carried {
    let mut same = true;
    let mut carried = Vec::with_capacity(ranges.len());
    for range in ranges {
        match carry_one(alignment, text, index, range) {
            Part::Same(from, to) => carried.push((from, to)),
            Part::Changed(from, to) => {
                same = false;
                carried.push((from, to));
            }
            Part::Gone => same = false,
        }
    }
    if carried.is_empty() {
        return Carried { status: Reanchor::Orphaned, ranges: carried };
    }
    carried.sort_unstable();
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(carried.len());
    for (from, to) in carried {
        match joined.last_mut() {
            Some(last) if from < last.1 => {
                // Two parts now overlap: the text between them changed, so this is no longer the same highlight.
                same = false;
                last.1 = last.1.max(to);
            }
            _ => joined.push((from, to)),
        }
    }
    Carried { status: if same { Reanchor::Unchanged } else { Reanchor::Edited }, ranges: joined }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn carry(old: &str, new: &str, quotes: &[&str]) -> (Reanchor, Vec<String>) {
        let ranges: Vec<AnchoredRange> = quotes
            .iter()
            .map(|q| {
                let start = old.find(q).map(|b| old[..b].chars().count()).unwrap_or_default();
                AnchoredRange::new(old, start, start + q.chars().count()).unwrap_or_else(|e| panic!("{e}"))
            })
            .collect();
        let index = CharIndex::new(new);
        let carried = carry_ranges(&Alignment::new(old, new), new, &index, &ranges);
        let texts =
            carried.ranges.iter().map(|&(s, e)| index.slice(new, s, e).unwrap_or_default().to_owned()).collect();
        (carried.status, texts)
    }

    #[test]
    fn statuses_follow_what_happened_to_the_words() {
        let old = "Lavrov said the sanctions were illegal. Prices rose 24.3 percent in 2015.";
        let new = "Lavrov said on Monday the sanctions were unlawful. Prices rose in 2015.";
        assert_eq!(carry(old, new, &["Lavrov said"]), (Reanchor::Unchanged, vec!["Lavrov said".to_owned()]));
        assert_eq!(
            carry(old, new, &["the sanctions were illegal"]),
            (Reanchor::Edited, vec!["the sanctions were unlawful".to_owned()])
        );
        assert_eq!(carry(old, new, &["24.3 percent"]), (Reanchor::Orphaned, vec![]));
        // An insertion inside makes it edited, though every old word is still there.
        assert_eq!(
            carry(old, new, &["said the sanctions"]),
            (Reanchor::Edited, vec!["said on Monday the sanctions".to_owned()])
        );
    }

    #[test]
    fn a_deleted_first_word_leaves_no_leading_space() {
        let old = "He said the big dog barked loudly today.";
        let new = "He said the dog barked loudly today.";
        assert_eq!(carry(old, new, &["big dog barked"]), (Reanchor::Edited, vec!["dog barked".to_owned()]));
    }

    #[test]
    fn a_paragraph_moved_as_a_block_is_found_again_by_its_context() {
        let first = "The minister arrived in Yerevan on Tuesday for two days of talks with his counterpart.";
        let second = "Trade between the two countries grew by a quarter last year, officials said afterwards.";
        let old = format!("{first}\n\n{second}");
        let new = format!("{second}\n\n{first}");
        assert_eq!(
            carry(&old, &new, &["two days of talks"]),
            (Reanchor::Unchanged, vec!["two days of talks".to_owned()])
        );
    }

    #[test]
    fn a_quote_in_two_parts_keeps_the_part_that_survives() {
        let old = "\"We will not,\" he said, \"accept this deal.\"";
        let new = "\"We will not,\" he said.";
        assert_eq!(
            carry(old, new, &["We will not", "accept this deal"]),
            (Reanchor::Edited, vec!["We will not".to_owned()])
        );
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::update::simulate::edit_words;

    /// Texts of few distinct words (the hardest for an alignment), with emoji and other scripts among them.
    fn text() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec!["the", "said", "levy", "Երևան", "👩‍👩‍👧", "北京", "x", ",", "."]);
        prop::collection::vec((words, prop::bool::weighted(0.1)), 1..120).prop_map(|parts| {
            parts.into_iter().map(|(w, newline)| format!("{w}{}", if newline { "\n\n" } else { " " })).collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn an_unchanged_range_always_quotes_its_text_and_every_range_fits(
            old in text(),
            seed in 0u64..1000,
            rate in 0.0f64..0.5,
            picks in prop::collection::vec((0usize..1000, 1usize..40), 1..8),
        ) {
            let new = edit_words(&old, rate, seed).text;
            let (old_len, index) = (old.chars().count(), CharIndex::new(&new));
            let alignment = Alignment::new(&old, &new);
            for (at, len) in picks {
                let start = at % old_len;
                let end = (start + len).min(old_len);
                let Ok(range) = AnchoredRange::new(&old, start, end) else { continue };
                let carried = carry_ranges(&alignment, &new, &index, std::slice::from_ref(&range));
                for window in carried.ranges.windows(2) {
                    prop_assert!(window[0].1 <= window[1].0);
                }
                for &(s, e) in &carried.ranges {
                    prop_assert!(s < e && index.slice(&new, s, e).is_some());
                }
                match carried.status {
                    Reanchor::Unchanged => {
                        let (s, e) = carried.ranges[0];
                        prop_assert_eq!(index.slice(&new, s, e), Some(range.exact.as_str()));
                    }
                    Reanchor::Orphaned => prop_assert!(carried.ranges.is_empty()),
                    Reanchor::Edited => prop_assert!(!carried.ranges.is_empty()),
                }
            }
        }
    }
}
