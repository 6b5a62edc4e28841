//! A word-level alignment of an older and a newer text, and positions carried across it.

use std::collections::HashMap;
use std::ops::Range;

use imara_diff::{Algorithm, Diff, InternedInput, Token};
use unicode_segmentation::UnicodeSegmentation as _;

/// One changed stretch: code points `old` of the older text became code points `new` of the newer one (either may
/// be empty: a pure insertion or deletion).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Hunk {
    old: Range<usize>,
    new: Range<usize>,
}

/// How the code points of an older text map to a newer one: everything outside the hunks is unchanged and only
/// shifted.
#[derive(Clone, Debug, Default)]
pub struct Alignment {
    /// In ascending order of `old` (and of `new`).
    hunks: Vec<Hunk>,
}

/// How many tokens (words, spaces, marks: about eight words) a stretch must have to anchor the alignment.
const ANCHOR_TOKENS: usize = 16;

/// Runs of tokens that are certainly the same text in both versions, as `(old start, new start, length)` in
/// ascending order: the stretches of [`ANCHOR_TOKENS`] tokens that occur exactly once in each version, chained in
/// the longest order they agree on (patience diff on token n-grams), joined where they overlap.
///
/// A diff over all the tokens of a long article at once is slow where a text repeats few words (a word-level
/// diff of a 1 MB text of 70 distinct words takes 40 s); between these anchors only the few tokens around each
/// edit are left to diff.
fn matched_runs(old: &[Token], new: &[Token]) -> Vec<(usize, usize, usize)> {
    const BASE: u64 = 0x0100_0000_01b3;
    if old.len() < ANCHOR_TOKENS || new.len() < ANCHOR_TOKENS {
        return Vec::new();
    }
    let top = BASE.wrapping_pow(ANCHOR_TOKENS as u32 - 1);
    let hashes = |tokens: &[Token]| -> Vec<u64> {
        let value = |t: Token| u64::from(u32::from(t)) + 1;
        let mut hash = tokens[..ANCHOR_TOKENS].iter().fold(0u64, |h, &t| h.wrapping_mul(BASE).wrapping_add(value(t)));
        let mut all = Vec::with_capacity(tokens.len() - ANCHOR_TOKENS + 1);
        all.push(hash);
        for k in ANCHOR_TOKENS..tokens.len() {
            hash = hash.wrapping_sub(value(tokens[k - ANCHOR_TOKENS]).wrapping_mul(top));
            hash = hash.wrapping_mul(BASE).wrapping_add(value(tokens[k]));
            all.push(hash);
        }
        all
    };
    // For each n-gram: how often in old and new (capped at 2), and where.
    let mut seen: HashMap<u64, (u8, usize, u8, usize)> = HashMap::with_capacity(old.len());
    for (i, h) in hashes(old).into_iter().enumerate() {
        let slot = seen.entry(h).or_insert((0, i, 0, 0));
        slot.0 = slot.0.saturating_add(1).min(2);
    }
    for (j, h) in hashes(new).into_iter().enumerate() {
        if let Some(slot) = seen.get_mut(&h) {
            slot.2 = slot.2.saturating_add(1).min(2);
            slot.3 = j;
        }
    }
    let mut unique: Vec<(usize, usize)> = seen
        .into_values()
        .filter(|&(o, i, n, j)| o == 1 && n == 1 && old[i..i + ANCHOR_TOKENS] == new[j..j + ANCHOR_TOKENS])
        .map(|(_, i, _, j)| (i, j))
        .collect();
    unique.sort_unstable();
    let chain = longest_increasing(&unique);
    let mut runs: Vec<(usize, usize, usize)> = Vec::with_capacity(chain.len());
    for (i, j) in chain {
        match runs.last_mut() {
            // The next n-gram on the same diagonal that overlaps or touches the run extends it.
            Some((ri, rj, len)) if i - *ri == j - *rj && i <= *ri + *len => *len = i + ANCHOR_TOKENS - *ri,
            Some((ri, rj, len)) if i < *ri + *len || j < *rj + *len => {}
            _ => runs.push((i, j, ANCHOR_TOKENS)),
        }
    }
    runs
}

/// The longest chain of `pairs` (sorted by their first) whose seconds increase too.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k]: index into pairs of the smallest second ending a chain of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (p, &(_, j)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].1 < j);
        previous[p] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(p);
        } else {
            tails[k] = p;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(p) = at {
        chain.push(pairs[p]);
        at = previous[p];
    }
    chain.reverse();
    chain
}

/// The words, white space runs and punctuation marks of `text` (UAX #29 word bounds), with the code point offset
/// each starts at and, last, the text's length.
fn tokens(text: &str) -> (Vec<&str>, Vec<usize>) {
    let mut tokens = Vec::with_capacity(text.len() / 3);
    let mut starts = Vec::with_capacity(text.len() / 3 + 1);
    let mut at = 0;
    for token in text.split_word_bounds() {
        tokens.push(token);
        starts.push(at);
        at += token.chars().count();
    }
    starts.push(at);
    (tokens, starts)
}

impl Alignment {
    /// Aligns `old` with `new` word by word (see [`matched_runs`] for how a long text stays fast).
    pub fn new(old: &str, new: &str) -> Self {
        if old == new {
            return Self::default();
        }
        let (old_tokens, old_starts) = tokens(old);
        let (new_tokens, new_starts) = tokens(new);
        let mut input: InternedInput<&str> = InternedInput::default();
        input.update_before(old_tokens.into_iter());
        input.update_after(new_tokens.into_iter());
        let at = |starts: &[usize], token: usize| starts.get(token).copied().unwrap_or_default();
        let mut hunks = Vec::new();
        let mut diff = Diff::default();
        let (mut i, mut j) = (0, 0);
        let runs = matched_runs(&input.before, &input.after);
        // Each gap between two runs of matched tokens is diffed on its own; the runs themselves are unchanged.
        for (run_i, run_j, len) in runs.into_iter().chain([(input.before.len(), input.after.len(), 0)]) {
            let (gap_old, gap_new) = (&input.before[i..run_i], &input.after[j..run_j]);
            if !gap_old.is_empty() || !gap_new.is_empty() {
                diff.compute_with(Algorithm::Histogram, gap_old, gap_new, input.interner.num_tokens());
                for h in diff.hunks() {
                    let (b, a) = (
                        h.before.start as usize + i..h.before.end as usize + i,
                        h.after.start as usize + j..h.after.end as usize + j,
                    );
                    hunks.push(Hunk {
                        old: at(&old_starts, b.start)..at(&old_starts, b.end),
                        new: at(&new_starts, a.start)..at(&new_starts, a.end),
                    });
                }
            }
            (i, j) = (run_i + len, run_j + len);
        }
        Self { hunks }
    }

    /// How far the text after hunk `i - 1` moved (0 before the first hunk).
    fn shift_after(&self, i: usize) -> isize {
        i.checked_sub(1).and_then(|i| self.hunks.get(i)).map_or(0, |h| h.new.end as isize - h.old.end as isize)
    }

    /// `start..end` of the older text in the newer one, if no character in it changed and nothing was inserted
    /// inside it.
    pub fn carry_intact(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let first = self.hunks.partition_point(|h| h.old.end <= start);
        if self.hunks.get(first).is_some_and(|h| h.old.start < end) {
            return None;
        }
        let to = start.checked_add_signed(self.shift_after(first))?;
        Some((to, to + (end - start)))
    }

    /// Where `start` of a range `start..end` goes. A start inside changed text moves past it, unless the whole
    /// changed stretch lies inside the range and was replaced: then the replacement begins the range (a word
    /// substituted at the start of a highlight belongs to it).
    fn carry_start(&self, start: usize, end: usize) -> usize {
        let first = self.hunks.partition_point(|h| h.old.end <= start);
        match self.hunks.get(first) {
            Some(h) if h.old.start <= start && start < h.old.end => {
                if h.old.start == start && h.old.end <= end && !h.new.is_empty() { h.new.start } else { h.new.end }
            }
            _ => start.saturating_add_signed(self.shift_after(first)),
        }
    }

    /// Where `end` of a range `start..end` goes, as [`Self::carry_start`] does for its start; text inserted right
    /// at the end stays outside.
    fn carry_end(&self, start: usize, end: usize) -> usize {
        let first = self.hunks.partition_point(|h| h.old.end < end);
        match self.hunks.get(first) {
            Some(h) if h.old.start < end && end <= h.old.end => {
                if h.old.end == end && h.old.start >= start && !h.new.is_empty() { h.new.end } else { h.new.start }
            }
            _ => end.saturating_add_signed(self.shift_after(first)),
        }
    }

    /// Where `start..end` goes when some of it changed: from the carried start to the carried end, or `None` when
    /// nothing is left between them.
    pub fn carry_edited(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let (from, to) = (self.carry_start(start, end), self.carry_end(start, end));
        (from < to).then_some((from, to))
    }

    /// The code points of `start..end` (offsets relative to `start`) that lie in changed text.
    pub fn changed_within(&self, start: usize, end: usize) -> impl Iterator<Item = Range<usize>> + '_ {
        let first = self.hunks.partition_point(|h| h.old.end <= start);
        self.hunks[first..]
            .iter()
            .take_while(move |h| h.old.start < end)
            .filter(|h| !h.old.is_empty())
            .map(move |h| h.old.start.max(start) - start..h.old.end.min(end) - start)
    }

    /// Where a position of the older text that lies in unchanged text is in the newer one; a position in changed
    /// text goes to the end of the change. For hints, where exactness does not matter.
    pub fn carry_position(&self, at: usize) -> usize {
        self.carry_start(at, at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn carried(old: &str, new: &str, quote: &str) -> Option<String> {
        let start = old.find(quote).map(|b| old[..b].chars().count())?;
        let end = start + quote.chars().count();
        let alignment = Alignment::new(old, new);
        let (from, to) = alignment.carry_intact(start, end).or_else(|| alignment.carry_edited(start, end))?;
        Some(new.chars().skip(from).take(to - from).collect())
    }

    #[test]
    fn an_untouched_range_moves_with_the_text_before_it() {
        let old = "Lavrov said the sanctions were illegal.";
        let new = "On Monday, Lavrov said the sanctions were illegal.";
        assert_eq!(carried(old, new, "the sanctions").as_deref(), Some("the sanctions"));
        let alignment = Alignment::new(old, new);
        assert!(alignment.carry_intact(12, 25).is_some());
    }

    #[test]
    fn a_word_substituted_at_an_edge_belongs_to_the_range() {
        let old = "He said the sanctions were illegal and wrong.";
        let new = "He said the sanctions were unlawful and wrong.";
        assert_eq!(carried(old, new, "the sanctions were illegal").as_deref(), Some("the sanctions were unlawful"));
        assert_eq!(carried(old, new, "illegal and wrong").as_deref(), Some("unlawful and wrong"));
    }

    #[test]
    fn a_deleted_edge_word_shrinks_the_range_and_an_insertion_inside_grows_it() {
        let old = "He said the big dog barked loudly today.";
        assert_eq!(
            carried(old, "He said the dog barked loudly today.", "big dog barked").as_deref(),
            Some("dog barked")
        );
        assert_eq!(
            carried(old, "He said the big brown dog barked loudly today.", "big dog").as_deref(),
            Some("big brown dog")
        );
        // Text inserted right at an edge stays outside.
        assert_eq!(carried(old, "He said the very big dog barked.", "big dog").as_deref(), Some("big dog"));
    }

    #[test]
    fn offsets_are_code_points_past_emoji_and_other_scripts() {
        let old = "👩‍👩‍👧 Ереван 한국어 𠀋 said: peace now";
        let new = "👩‍👩‍👧 Ереван 한국어 𠀋 👍🏽 said: peace now";
        assert_eq!(carried(old, new, "peace now").as_deref(), Some("peace now"));
    }
}
