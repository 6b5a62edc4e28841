//! Edits made up on the spot, the same every time for the same seed, and where each highlight's text really went:
//! for measuring re-anchoring (`tests/update_simulation.rs`, `benches/update.rs`).
//!
//! A share of the words of a text is substituted (by another word of the same text), deleted (with the space
//! after it) or preceded by an inserted word, a third of the edits each. The truth of a highlight follows its
//! characters: *untouched* when they all survive side by side, *deleted* when none of its letters or digits
//! survive, *edited* otherwise, spanning from the first to the last of its surviving characters or substituted
//! words.

use std::ops::Range;

use crate::model::Reanchor;
use crate::synthetic::Rng;

/// A text after simulated edits, with where each character of the original went.
#[derive(Clone, Debug)]
pub struct Edited {
    /// The edited text.
    pub text: String,
    /// For each code point of the original, its offset in `text`, or none if it was deleted or substituted.
    map: Vec<Option<usize>>,
    /// Substituted words: the original's code points and the replacement's.
    substituted: Vec<(Range<usize>, Range<usize>)>,
    /// The original's characters.
    chars: Vec<char>,
}

/// Where a highlight's text went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Truth {
    /// Every character survived, side by side, at these ranges.
    Untouched(Vec<(usize, usize)>),
    /// Some changed; what is left of the highlight is at these ranges.
    Edited(Vec<(usize, usize)>),
    /// None of its letters or digits survived.
    Deleted,
}

/// Edits `rate` (0 to 1) of the words of `text`, drawn with `seed`.
pub fn edit_words(text: &str, rate: f64, seed: u64) -> Edited {
    let chars: Vec<char> = text.chars().collect();
    let words: Vec<(usize, usize)> = crate::model::text::words(text)
        .filter(|(_, _, w)| w.chars().any(char::is_alphanumeric))
        .map(|(s, e, _)| (s, e))
        .collect();
    let vocabulary: Vec<String> = words.iter().map(|&(s, e)| chars[s..e].iter().collect()).collect();
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let threshold = (rate.clamp(0.0, 1.0) * 1_000_000.0) as usize;
    let mut out = String::with_capacity(text.len() + text.len() / 10);
    let mut at = 0;
    let mut map = vec![None; chars.len()];
    let mut substituted = Vec::new();
    let copy = |out: &mut String, at: &mut usize, map: &mut Vec<Option<usize>>, from: usize, to: usize| {
        for k in from..to {
            map[k] = Some(*at);
            out.push(chars[k]);
            *at += 1;
        }
    };
    let push = |out: &mut String, at: &mut usize, word: &str| {
        out.push_str(word);
        *at += word.chars().count();
    };
    let mut p = 0;
    for &(start, end) in &words {
        if start < p {
            continue;
        }
        copy(&mut out, &mut at, &mut map, p, start);
        p = end;
        if rng.below(1_000_000) >= threshold {
            copy(&mut out, &mut at, &mut map, start, end);
            continue;
        }
        let other = &vocabulary[rng.below(vocabulary.len())];
        match rng.below(3) {
            0 => {
                let from = at;
                push(&mut out, &mut at, other);
                substituted.push((start..end, from..at));
            }
            1 => {
                // The space after a deleted word goes with it.
                if chars.get(end) == Some(&' ') {
                    p = end + 1;
                }
            }
            _ => {
                push(&mut out, &mut at, other);
                push(&mut out, &mut at, " ");
                copy(&mut out, &mut at, &mut map, start, end);
            }
        }
    }
    copy(&mut out, &mut at, &mut map, p, chars.len());
    let chars: Vec<char> = text.chars().collect();
    Edited { text: out, map, substituted, chars }
}

impl Edited {
    fn truth_of(&self, (start, end): (usize, usize)) -> Truth {
        let kept: Vec<Option<usize>> = self.map[start..end].to_vec();
        let side_by_side = kept.windows(2).all(|w| matches!((w[0], w[1]), (Some(a), Some(b)) if b == a + 1));
        if let (true, Some(Some(first)), Some(Some(last))) = (side_by_side, kept.first(), kept.last()) {
            return Truth::Untouched(vec![(*first, last + 1)]);
        }
        let survivors = (start..end).filter(|&k| self.map[k].is_some() && self.chars[k].is_alphanumeric()).count();
        let wordy = self.chars[start..end].iter().any(|c| c.is_alphanumeric());
        if survivors == 0 && wordy || kept.iter().all(Option::is_none) {
            return Truth::Deleted;
        }
        let mut places: Vec<(usize, usize)> = (start..end).filter_map(|k| self.map[k].map(|n| (n, n + 1))).collect();
        places.extend(
            self.substituted
                .iter()
                .filter(|(old, _)| old.start >= start && old.end <= end)
                .map(|(_, new)| (new.start, new.end)),
        );
        let from = places.iter().map(|p| p.0).min().unwrap_or_default();
        let to = places.iter().map(|p| p.1).max().unwrap_or_default();
        let inner: Vec<char> = self.text.chars().skip(from).take(to - from).collect();
        let lead =
            if self.chars[start].is_whitespace() { 0 } else { inner.iter().take_while(|c| c.is_whitespace()).count() };
        let trail = if self.chars[end - 1].is_whitespace() {
            0
        } else {
            inner.iter().rev().take_while(|c| c.is_whitespace()).count()
        };
        Truth::Edited(vec![(from + lead, to - trail)])
    }

    /// Where the highlight with `ranges` (code points of the original) went.
    pub fn truth(&self, ranges: &[(usize, usize)]) -> Truth {
        let parts: Vec<Truth> = ranges.iter().map(|&r| self.truth_of(r)).collect();
        if parts.iter().all(|t| matches!(t, Truth::Untouched(_))) {
            return Truth::Untouched(
                parts
                    .into_iter()
                    .flat_map(|t| match t {
                        Truth::Untouched(r) => r,
                        _ => Vec::new(),
                    })
                    .collect(),
            );
        }
        let left: Vec<(usize, usize)> = parts
            .into_iter()
            .flat_map(|t| match t {
                Truth::Untouched(r) | Truth::Edited(r) => r,
                Truth::Deleted => Vec::new(),
            })
            .collect();
        if left.is_empty() { Truth::Deleted } else { Truth::Edited(left) }
    }
}

/// How re-anchoring did against the truth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    /// Highlights in all.
    pub total: usize,
    /// Highlights whose text was untouched, and how many of them came out unchanged at the right place.
    pub untouched: (usize, usize),
    /// Highlights whose text was edited, and how many were proposed (as edited) at exactly the right place.
    pub edited: (usize, usize),
    /// Highlights whose text was deleted, and how many became orphans.
    pub deleted: (usize, usize),
    /// Highlights said to be unchanged but placed where their text did not go: placed on wrong text without a word.
    pub silently_wrong: usize,
}

impl Score {
    /// Counts one highlight: its truth, and the status and ranges re-anchoring gave it.
    pub fn add(&mut self, truth: &Truth, status: Reanchor, after: Option<&[(usize, usize)]>) {
        self.total += 1;
        let right = |ranges: &[(usize, usize)]| after == Some(ranges);
        match truth {
            Truth::Untouched(r) => {
                self.untouched.0 += 1;
                self.untouched.1 += usize::from(status == Reanchor::Unchanged && right(r));
            }
            Truth::Edited(r) => {
                self.edited.0 += 1;
                self.edited.1 += usize::from(status == Reanchor::Edited && right(r));
            }
            Truth::Deleted => {
                self.deleted.0 += 1;
                self.deleted.1 += usize::from(status == Reanchor::Orphaned);
            }
        }
        let placed_right = match truth {
            Truth::Untouched(r) | Truth::Edited(r) => right(r),
            Truth::Deleted => false,
        };
        self.silently_wrong += usize::from(status == Reanchor::Unchanged && !placed_right);
    }

    /// Adds another score to this one.
    pub fn merge(&mut self, other: &Self) {
        self.total += other.total;
        for (a, b) in [
            (&mut self.untouched, other.untouched),
            (&mut self.edited, other.edited),
            (&mut self.deleted, other.deleted),
        ] {
            a.0 += b.0;
            a.1 += b.1;
        }
        self.silently_wrong += other.silently_wrong;
    }

    /// The four figures the targets name, as fractions: untouched exact, edited exact, silently wrong (of all),
    /// deleted orphaned.
    pub fn rates(&self) -> (f64, f64, f64, f64) {
        let rate = |(n, k): (usize, usize)| if n == 0 { 1.0 } else { k as f64 / n as f64 };
        (
            rate(self.untouched),
            rate(self.edited),
            self.silently_wrong as f64 / self.total.max(1) as f64,
            rate(self.deleted),
        )
    }
}
