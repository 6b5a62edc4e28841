//! A sentence as the attribution rules read it: tokens, their lower-case forms and the quotation each lies in.

use crate::suggest::text::{Range, Token};

/// A sentence being read: its tokens and, per token, the quotation it lies in.
pub(super) struct Sentence<'t> {
    pub(super) range: Range,
    pub(super) toks: Vec<Token<'t>>,
    /// Each token in lower case, computed once: the rules ask for it many times.
    pub(super) lowers: Vec<String>,
    pub(super) quote_of: Vec<Option<usize>>,
}

impl Sentence<'_> {
    pub(super) fn lower(&self, i: usize) -> String {
        self.lowers.get(i).cloned().unwrap_or_default()
    }

    pub(super) fn is(&self, i: usize, words: &[&str]) -> bool {
        self.lowers.get(i).is_some_and(|w| words.contains(&w.as_str()))
    }

    pub(super) fn quoted(&self, i: usize) -> bool {
        self.quote_of.get(i).is_some_and(Option::is_some)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_word) && !self.quoted(i)
    }

    pub(super) fn mark(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text)
    }

    /// The byte range from token `a` to the end of token `b - 1`.
    pub(super) fn span(&self, a: usize, b: usize) -> Option<Range> {
        (a < b && b <= self.toks.len()).then(|| (self.toks[a].start, self.toks[b - 1].end))
    }
}
