//! The suggestions the window shows: what the last run found, which of them are still open for the annotator,
//! and the one under review. Suggestions are not annotations; this is window state, never saved.

use crate::model::{DocId, Project, Target};
use crate::suggest::{Kind, Suggestion, open_of};

/// The last run's suggestions and the review of them.
#[derive(Default)]
pub struct Suggestions {
    /// Everything the last run found, in reading order: document by document, the body before the comments.
    list: Vec<Suggestion>,
    /// Which of `list` are still open, by index, as of `revision`.
    open: Vec<usize>,
    /// The project revision and annotator `open` was worked out for.
    checked: Option<(u64, String)>,
    /// The suggestion under review, by index into `list`.
    current: Option<usize>,
    /// Whether the review keys (Tab, Enter, A, X …) act on suggestions rather than on highlights.
    pub reviewing: bool,
}

impl Suggestions {
    /// Takes a run's suggestions in, in reading order, and starts reviewing them at the first.
    pub fn set(&mut self, mut list: Vec<Suggestion>, project: &Project) {
        let place = |s: &Suggestion| {
            let doc = project.document_index(s.document).unwrap_or(usize::MAX);
            let target = match s.target {
                Target::Body => 0,
                Target::Comment(c) => {
                    project.document(s.document).and_then(|d| d.comment_index(c)).map_or(usize::MAX, |i| i + 1)
                }
            };
            (doc, target, s.ranges.first().map_or(0, |r| r.0))
        };
        // Each key looks its document and comment up: worked out once per suggestion, not once per comparison.
        list.sort_by_cached_key(place);
        self.list = list;
        self.checked = None;
        self.current = None;
        self.reviewing = true;
    }

    /// Forgets every suggestion.
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Works out again which suggestions are open, after the project changed: an accepted or rejected one leaves
    /// the list and one whose accept was undone comes back. The one under review moves on to the next open one.
    pub fn refresh(&mut self, project: &Project, revision: u64) {
        let annotator = &project.annotator;
        if self.checked.as_ref().is_some_and(|(r, who)| *r == revision && who == annotator) {
            return;
        }
        let open = open_of(project, &self.list, annotator);
        self.open = open.iter().enumerate().filter_map(|(i, open)| open.then_some(i)).collect();
        self.checked = Some((revision, annotator.clone()));
        if let Some(current) = self.current
            && !self.is_open(current)
        {
            let doc = self.list[current].document;
            self.current = self.open.iter().copied().find(|&i| i > current && self.list[i].document == doc);
        }
        if self.open.is_empty() {
            self.reviewing = false;
        }
    }

    /// Follows the document shown: a suggestion of another document is no longer under review, so that no key
    /// acts on what is not on screen.
    pub fn follow(&mut self, shown: Option<DocId>) {
        if let Some(current) = self.current
            && self.list.get(current).is_none_or(|s| Some(s.document) != shown)
        {
            self.current = None;
        }
    }

    /// The open suggestions of one document, in reading order.
    pub fn in_document(&self, doc: DocId) -> impl Iterator<Item = &Suggestion> {
        self.open.iter().map(|&i| &self.list[i]).filter(move |s| s.document == doc)
    }

    /// How many are open, in all.
    pub fn open_count(&self) -> usize {
        self.open.len()
    }

    /// How many of `kind` are open, in `doc` or (with `None`) in all documents.
    pub fn count(&self, kind: Kind, doc: Option<DocId>) -> usize {
        self.open
            .iter()
            .filter(|&&i| self.list[i].kind == kind && doc.is_none_or(|d| self.list[i].document == d))
            .count()
    }

    /// The suggestion under review.
    pub fn current(&self) -> Option<&Suggestion> {
        self.current.filter(|&i| self.is_open(i)).and_then(|i| self.list.get(i))
    }

    /// Whether the suggestion at `index` of the list is open; `open` is in ascending order, so this is a search.
    fn is_open(&self, index: usize) -> bool {
        self.open.binary_search(&index).is_ok()
    }

    /// Moves the review to the next (or previous) open suggestion of `doc`, round to the first (or last); the
    /// one now under review.
    pub fn step(&mut self, doc: DocId, forward: bool) -> Option<&Suggestion> {
        let here: Vec<usize> = self.open.iter().copied().filter(|&i| self.list[i].document == doc).collect();
        let at = self.current.and_then(|c| here.iter().position(|&i| i == c));
        let next = match (at, forward) {
            (None, true) => here.first(),
            (None, false) => here.last(),
            (Some(at), true) => here.get(at + 1).or(here.first()),
            (Some(at), false) => at.checked_sub(1).and_then(|a| here.get(a)).or(here.last()),
        };
        self.current = next.copied();
        self.reviewing |= self.current.is_some();
        self.current()
    }

    /// Puts the suggestion at `offset` of `target` of `doc` under review (a click on a ghost highlight), or the
    /// sentiment suggestion of a clicked comment; whether there was one.
    pub fn pick(&mut self, doc: DocId, target: Target, offset: usize) -> bool {
        let here = |s: &Suggestion| s.document == doc && s.target == target;
        let found = self
            .open
            .iter()
            .copied()
            .find(|&i| here(&self.list[i]) && self.list[i].ranges.iter().any(|&(a, b)| (a..b).contains(&offset)))
            .or_else(|| {
                self.open.iter().copied().find(|&i| here(&self.list[i]) && self.list[i].kind == Kind::Sentiment)
            });
        if found.is_some() {
            self.current = found;
            self.reviewing = true;
        }
        found.is_some()
    }

    /// Moves the edges of the suggestion under review before it is accepted (the highlight takes them; what was
    /// suggested is kept beside it).
    pub fn adjust(&mut self, ranges: Vec<(usize, usize)>) {
        if let Some(current) = self.current.and_then(|i| self.list.get_mut(i)) {
            current.adjusted = (ranges != current.ranges).then_some(ranges);
        }
    }

    /// The open suggestions of `kind` in `doc`.
    pub fn of_kind(&self, doc: DocId, kind: Kind) -> Vec<&Suggestion> {
        self.in_document(doc).filter(|s| s.kind == kind).collect()
    }
}

/// What the user asks of the suggestions.
#[derive(Clone, Debug, PartialEq)]
pub enum Review {
    /// Find suggestions as asked, in the background.
    Run(crate::suggest::Request),
    /// Accept the one under review, as suggested or with another label or level.
    Accept(Option<crate::suggest::Instead>),
    /// Reject the one under review.
    Reject,
    /// Accept every open suggestion of this kind in the document shown (of the kind under review with `None`).
    AcceptAll(Option<Kind>),
    /// Review the next (true) or previous suggestion of the document shown.
    Step(bool),
    /// Review the suggestion at this place of the document shown.
    Pick(Target, usize),
    /// Move the edges of the suggestion under review before it is accepted (a drag of its handles).
    Adjust(Vec<(usize, usize)>),
    /// Stop reviewing: the keys act on highlights again; the suggestions stay.
    Stop,
    /// Forget every suggestion.
    Clear,
}
