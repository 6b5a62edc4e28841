//! Two people's edits of one project, merged against the version both started from (git's merge driver).
//!
//! Every thing with an id (document, comment, highlight, label) is compared in the three versions: what one side
//! changed and the other did not is taken; what both changed alike is kept once; what both changed otherwise is a
//! conflict, and both versions stay in the result (a highlight twice, a note joined, the other document as a copy)
//! with a [`Conflict`] that names it, so that nothing is lost and the window lists what to decide. New ids of
//! the other side are moved past this side's, so none is used twice.

mod spans;

use std::collections::BTreeSet;

use crate::edit::remap_project;
use crate::model::{Comment, Conflict, Document, IdAllocator, Project, SpanId};

/// The merged project; its `conflicts` list what both sides changed otherwise (empty when the merge is clean).
pub fn merge3(base: &Project, ours: &Project, theirs: &Project) -> Project {
    let theirs = renumbered(base, ours, theirs);
    let mut result = ours.clone();
    result.next_id = IdAllocator::starting_at(ours.next_id.peek().max(theirs.next_id.peek()));
    let mut merger = Merger { conflicts: Vec::new(), next: result.next_id };
    merger.schema(base, &mut result, &theirs);
    let versions = (base.documents.as_slice(), ours.documents.as_slice(), theirs.documents.as_slice());
    let documents = by_id(
        &mut merger,
        versions,
        |d: &Document| d.id,
        Merger::document,
        |merger, kept, removed| {
            let message = format!("\"{}\" was {removed}; it is kept", kept.title);
            merger.conflict(Some(kept.id), None, vec![], message);
        },
    );
    result.documents = documents;
    result.rejected = rejected(base, ours, &theirs);
    result.next_id = merger.next;
    result.conflicts.extend(merger.conflicts);
    result
}

/// The rejected suggestions as a set: ours, without those the other side withdrew, with those it added.
fn rejected(base: &Project, ours: &Project, theirs: &Project) -> Vec<crate::model::Rejection> {
    let mut result: Vec<_> =
        ours.rejected.iter().filter(|r| !base.rejected.contains(r) || theirs.rejected.contains(r)).cloned().collect();
    for r in &theirs.rejected {
        if !base.rejected.contains(r) && !result.contains(r) {
            result.push(r.clone());
        }
    }
    result
}

/// `theirs` with every id it made after `base` moved past the ids `ours` made, so the two never share an id.
fn renumbered(base: &Project, ours: &Project, theirs: &Project) -> Project {
    let mut theirs = theirs.clone();
    let (start, shift) = (base.next_id.peek(), ours.next_id.peek().saturating_sub(base.next_id.peek()));
    if shift > 0 {
        remap_project(&mut theirs, &|id| if id >= start { id + shift } else { id });
        theirs.next_id = IdAllocator::starting_at(theirs.next_id.peek() + shift);
    }
    theirs
}

/// Where a thing one side changed was removed by the other (then it is kept, and the user told).
#[derive(Clone, Copy)]
enum Removed {
    /// This side changed it, the other removed it.
    ByTheOther,
    /// The other side changed it, this one removed it.
    ByThisOne,
}

impl std::fmt::Display for Removed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::ByTheOther => "removed in the other version and changed in this one",
            Self::ByThisOne => "removed in this version and changed in the other",
        })
    }
}

/// Things with ids (documents, highlights) in the three versions, this side's first, then the other's new ones:
/// one that either side added is kept; one that a side removed and the other left as it was is removed; one
/// kept on both sides is decided by `both`; one that a side removed and the other changed is kept and given to
/// `removed`.
fn by_id<'a, T: Clone + PartialEq, K: PartialEq>(
    merger: &mut Merger,
    (base, ours, theirs): (&'a [T], &'a [T], &'a [T]),
    id: impl Fn(&T) -> K,
    mut both: impl FnMut(&mut Merger, &T, &T, &T) -> Vec<T>,
    mut removed: impl FnMut(&mut Merger, &T, Removed),
) -> Vec<T> {
    let find = |list: &'a [T], key: &K| list.iter().find(|x| id(x) == *key);
    let mut out = Vec::new();
    for mine in ours {
        let key = id(mine);
        match (find(base, &key), find(theirs, &key)) {
            (Some(old), Some(other)) => out.extend(both(merger, old, mine, other)),
            (Some(old), None) if old == mine => {}
            (Some(_), None) => {
                removed(merger, mine, Removed::ByTheOther);
                out.push(mine.clone());
            }
            (None, _) => out.push(mine.clone()),
        }
    }
    for other in theirs {
        let key = id(other);
        if ours.iter().any(|x| id(x) == key) {
            continue;
        }
        match find(base, &key) {
            None => out.push(other.clone()),
            Some(old) if old == other => {}
            Some(_) => {
                removed(merger, other, Removed::ByThisOne);
                out.push(other.clone());
            }
        }
    }
    out
}

/// The three-way choice for one value: `None` means both changed it otherwise.
fn pick<'a, T: PartialEq>(base: Option<&'a T>, ours: Option<&'a T>, theirs: Option<&'a T>) -> Option<Option<&'a T>> {
    if ours == theirs || theirs == base {
        Some(ours)
    } else if ours == base {
        Some(theirs)
    } else {
        None
    }
}

struct Merger {
    conflicts: Vec<Conflict>,
    next: IdAllocator,
}

impl Merger {
    fn conflict(
        &mut self,
        doc: Option<crate::model::DocId>,
        comment: Option<crate::model::CommentId>,
        spans: Vec<SpanId>,
        message: String,
    ) {
        self.conflicts.push(Conflict { doc, comment, spans, message });
    }

    /// Labels, levels and dimensions by id: added and changed ones of the other side join; both changed otherwise
    /// keeps this side's.
    fn schema(&mut self, base: &Project, result: &mut Project, theirs: &Project) {
        macro_rules! items {
            ($field:ident, $what:literal) => {
                for other in &theirs.schema.$field {
                    let old = base.schema.$field.iter().find(|x| x.id == other.id);
                    match result.schema.$field.iter_mut().find(|x| x.id == other.id) {
                        None if old.is_none() => result.schema.$field.push(other.clone()),
                        None => {}
                        Some(mine) => match pick(old, Some(&*mine), Some(other)) {
                            Some(Some(chosen)) => *mine = chosen.clone(),
                            Some(None) => {}
                            None => self.conflict(
                                None,
                                None,
                                vec![],
                                format!(
                                    "the {} \"{}\" was changed in both versions; this version's is kept",
                                    $what, mine.name
                                ),
                            ),
                        },
                    }
                }
            };
        }
        items!(span_labels, "label");
        items!(sentiments, "sentiment level");
        items!(dimensions, "dimension");
    }

    /// One document in the three versions; a second one when both changed its text.
    fn document(&mut self, base: &Document, ours: &Document, theirs: &Document) -> Vec<Document> {
        let text = |d: &Document| {
            let comments: Vec<_> =
                d.comments.iter().map(|c| (c.id, &c.author, &c.text, c.parent, &c.number, &c.date)).collect();
            (d.body.clone(), format!("{comments:?}"))
        };
        let (old, mine, other) = (text(base), text(ours), text(theirs));
        let mut doc = if other == old || other == mine {
            ours.clone()
        } else if mine == old {
            // Their fix-ups of the text are taken; this side's annotations are merged onto it below.
            let mut taken = theirs.clone();
            taken.spans = ours.spans.clone();
            taken.comments = theirs.comments.iter().map(|c| with_tags_of(c, ours.comment(c.id))).collect();
            taken
        } else {
            let mut copy = theirs.clone();
            copy.title = format!("{} (the other version)", theirs.title);
            let mut ids = self.next;
            copy.assign_fresh_ids(&mut ids);
            self.next = ids;
            self.conflict(
                Some(ours.id),
                None,
                vec![],
                format!(
                    "the text of \"{}\" was changed in both versions; the other version is kept as \"{}\"",
                    ours.title, copy.title
                ),
            );
            return vec![ours.clone(), copy];
        };
        match pick(Some(&base.title), Some(&ours.title), Some(&theirs.title)) {
            Some(chosen) => doc.title = chosen.cloned().unwrap_or_default(),
            None => self.conflict(
                Some(doc.id),
                None,
                vec![],
                format!(
                    "the title of \"{}\" was changed in both versions; this version's is kept (the other: \"{}\")",
                    ours.title, theirs.title
                ),
            ),
        }
        if let Some(Some(chosen)) = pick(Some(&base.metadata), Some(&ours.metadata), Some(&theirs.metadata)) {
            doc.metadata = chosen.clone();
        }
        doc.note = self.note((&base.note, &ours.note, &theirs.note), doc.id, None);
        self.comments(&mut doc, base, theirs);
        self.spans(&mut doc, base, ours, theirs);
        vec![doc]
    }

    /// A note changed on both sides keeps both, this side's first.
    fn note(
        &mut self,
        (base, ours, theirs): (&String, &String, &String),
        doc: crate::model::DocId,
        comment: Option<crate::model::CommentId>,
    ) -> String {
        match pick(Some(base), Some(ours), Some(theirs)) {
            Some(chosen) => chosen.cloned().unwrap_or_default(),
            None => {
                self.conflict(
                    Some(doc),
                    comment,
                    vec![],
                    "a note was changed in both versions; both are kept, this version's first".to_owned(),
                );
                format!("{ours}\n\n{theirs}")
            }
        }
    }

    /// Each annotator's tags and the note of each comment.
    fn comments(&mut self, doc: &mut Document, base: &Document, theirs: &Document) {
        let id = doc.id;
        for comment in &mut doc.comments {
            let (Some(old), Some(other)) = (base.comment(comment.id), theirs.comment(comment.id)) else { continue };
            let who: BTreeSet<String> =
                [old, &*comment, other].iter().flat_map(|c| c.tagged_by.keys().cloned()).collect();
            for name in who {
                let (a, b, c) = (old.tagging(&name), comment.tagging(&name).cloned(), other.tagging(&name));
                match pick(a, b.as_ref(), c) {
                    Some(Some(chosen)) => {
                        comment.tagged_by.insert(name, chosen.clone());
                    }
                    Some(None) => {
                        comment.tagged_by.remove(&name);
                    }
                    None => self.conflict(
                        Some(id),
                        Some(comment.id),
                        vec![],
                        format!(
                            "{}'s tags of comment {} were changed in both versions; this version's are kept",
                            if name.is_empty() { "someone" } else { &name },
                            comment.number.clone().unwrap_or_else(|| comment.id.0.to_string())
                        ),
                    ),
                }
            }
            comment.note = self.note((&old.note, &comment.note, &other.note), id, Some(comment.id));
        }
    }
}

/// `theirs` (a comment of the text taken from the other side) with this side's tags and note where it had them.
fn with_tags_of(theirs: &Comment, ours: Option<&Comment>) -> Comment {
    let mut comment = theirs.clone();
    if let Some(ours) = ours {
        comment.tagged_by.clone_from(&ours.tagged_by);
        comment.note.clone_from(&ours.note);
    }
    comment
}
