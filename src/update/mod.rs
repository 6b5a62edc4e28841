//! Updating a document from a newer version of its article: the new text comes in, the document keeps its id,
//! what the user wrote about it and every highlight and tag, each highlight carried to the new text and checked
//! against its quote (see `crate::anchor`). What is not certainly the same text is listed for review.
//!
//! [`plan`] works out the updated document without changing anything; [`command`] makes it one undoable step.

mod comments;
mod report;
pub mod review;
pub mod simulate;

use std::collections::HashMap;

use jiff::Timestamp;

use crate::anchor::{Alignment, carry_ranges};
use crate::edit::Command;
use crate::model::text::CharIndex;
use crate::model::{
    AnchoredRange, Comment, CommentId, DocId, Document, Metadata, Project, Reanchor, Reanchoring, SpanAnnotation,
    Target,
};

pub use report::{CommentCounts, HighlightChange, UpdateReport};

/// Why a document could not be updated.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    /// The document is not in the project.
    #[error("the project has no document {0}")]
    NoDocument(DocId),
    /// What the update made does not hold together; nothing was changed.
    #[error("the updated document would be inconsistent ({0}); nothing was changed")]
    Inconsistent(String),
    /// The newer version could not be read.
    #[error(transparent)]
    Read(#[from] crate::import::ImportError),
    /// The file holds more articles than one (or none).
    #[error("{} holds {count} articles; an update takes a file with one", path.display())]
    NotOneArticle {
        /// The file.
        path: std::path::PathBuf,
        /// How many articles it holds.
        count: usize,
    },
}

/// The newer version of an article, read from `path` as an import reads it (any format Gloss imports).
pub fn newer_version(path: &std::path::Path) -> Result<Document, UpdateError> {
    let mut articles = crate::import::extract_file(path)?;
    if articles.len() != 1 {
        return Err(UpdateError::NotOneArticle { path: path.to_owned(), count: articles.len() });
    }
    Ok(articles.remove(0).into_document())
}

/// A document as an update would leave it, and what became of its work.
#[derive(Clone, Debug)]
pub struct Update {
    /// The updated document (same id).
    pub document: Document,
    /// What became of each highlight and comment.
    pub report: UpdateReport,
}

/// Metadata as the user left it, with what the newer version adds where a field was empty; the file the text now
/// comes from is the newer one.
fn merged_metadata(old: &Metadata, new: &Metadata) -> Metadata {
    let pick = |a: &Option<String>, b: &Option<String>| a.clone().or_else(|| b.clone());
    let mut extra = new.extra.clone();
    extra.extend(old.extra.iter().map(|(k, v)| (k.clone(), v.clone())));
    Metadata {
        source_file: new.source_file.clone().or_else(|| old.source_file.clone()),
        site: pick(&old.site, &new.site),
        dateline: pick(&old.dateline, &new.dateline),
        byline: pick(&old.byline, &new.byline),
        date: pick(&old.date, &new.date),
        language: pick(&old.language, &new.language),
        direction: pick(&old.direction, &new.direction),
        caption: pick(&old.caption, &new.caption),
        extra,
    }
}

/// The comments of the updated document, in the newer page's order, with the older comments it no longer has
/// kept (marked removed) after the comment that preceded them; and, for each older comment id that is still on
/// the page, the index of its newer version.
fn merged_comments(
    old: &Document,
    new: &Document,
    ids: &mut crate::model::IdAllocator,
) -> (Vec<Comment>, HashMap<CommentId, usize>, CommentCounts) {
    let matching = comments::match_comments(&old.comments, &new.comments);
    let mut id_of_new: HashMap<CommentId, CommentId> = HashMap::new();
    let mut newer_of: HashMap<CommentId, usize> = HashMap::new();
    let mut list: Vec<Comment> = Vec::with_capacity(new.comments.len() + matching.removed.len());
    let mut counts = CommentCounts::default();
    for (j, comment) in new.comments.iter().enumerate() {
        let merged = match matching.of_new[j].map(|i| &old.comments[i]) {
            Some(mine) => {
                counts.matched += 1;
                newer_of.insert(mine.id, j);
                Comment {
                    id: mine.id,
                    number: comment.number.clone().or_else(|| mine.number.clone()),
                    author: if mine.author.is_empty() { comment.author.clone() } else { mine.author.clone() },
                    date: comment.date.clone().or_else(|| mine.date.clone()),
                    timestamp: comment.timestamp.clone().or_else(|| mine.timestamp.clone()),
                    parent: comment.parent,
                    text: comment.text.clone(),
                    tagged_by: mine.tagged_by.clone(),
                    note: mine.note.clone(),
                    removed: false,
                }
            }
            None => {
                counts.new += 1;
                Comment { id: CommentId(ids.fresh()), removed: false, ..comment.clone() }
            }
        };
        id_of_new.insert(comment.id, merged.id);
        list.push(merged);
    }
    for comment in &mut list {
        comment.parent = comment.parent.and_then(|p| id_of_new.get(&p).copied());
    }
    // Each vanished comment goes back after the older comment before it, wherever that one is now.
    for &i in &matching.removed {
        counts.removed += 1;
        let gone = Comment { removed: true, ..old.comments[i].clone() };
        let after = old.comments[..i].iter().rev().find_map(|c| list.iter().position(|m| m.id == c.id));
        list.insert(after.map_or(0, |at| at + 1), gone);
    }
    (list, newer_of, counts)
}

/// Works out `doc` of `project` updated to the text of `newer` (an import of the newer version; its ids do not
/// matter). Nothing in the project changes; see [`command`].
pub fn plan(project: &Project, doc: DocId, newer: &Document, at: Timestamp) -> Result<Update, UpdateError> {
    let old = project.document(doc).ok_or(UpdateError::NoDocument(doc))?;
    let mut ids = project.next_id;
    let (comments, newer_of, comment_counts) = merged_comments(old, newer, &mut ids);
    let mut updated = Document {
        id: old.id,
        title: if old.title.trim().is_empty() { newer.title.clone() } else { old.title.clone() },
        metadata: merged_metadata(&old.metadata, &newer.metadata),
        body: newer.body.clone(),
        comments,
        spans: Vec::with_capacity(old.spans.len()),
        note: old.note.clone(),
        orphans: old.orphans.clone(),
        review: Vec::new(),
    };
    // One alignment per text that changed: the body, and each comment that is still on the page.
    let mut alignments: HashMap<Target, (Alignment, CharIndex)> = HashMap::new();
    let mut changes = Vec::with_capacity(old.spans.len());
    let mut reviewed: HashMap<_, Reanchoring> = old.review.iter().map(|r| (r.span, r.clone())).collect();
    for span in &old.spans {
        let target_now = match span.target {
            Target::Body => Some((old.body.as_str(), updated.body.as_str())),
            Target::Comment(c) => newer_of
                .get(&c)
                .and_then(|&j| Some((old.comment(c)?.text.as_str(), newer.comments.get(j)?.text.as_str()))),
        };
        let carried = match target_now {
            // A highlight on a comment the page no longer has stays on the kept comment, as it was.
            None => crate::anchor::Carried {
                status: Reanchor::Unchanged,
                ranges: span.ranges.iter().map(|r| (r.start, r.end)).collect(),
            },
            Some((before, after)) => {
                let (alignment, index) = alignments
                    .entry(span.target)
                    .or_insert_with(|| (Alignment::new(before, after), CharIndex::new(after)));
                carry_ranges(alignment, after, index, &span.ranges)
            }
        };
        let text = updated.target_text(span.target).unwrap_or_default();
        let index = alignments.get(&span.target).map(|(_, i)| i);
        let anchored: Vec<AnchoredRange> = carried
            .ranges
            .iter()
            .filter_map(|&(s, e)| match index {
                Some(index) => AnchoredRange::new_indexed(text, index, s, e).ok(),
                None => AnchoredRange::new(text, s, e).ok(),
            })
            .collect();
        let status = match anchored.len() {
            0 => Reanchor::Orphaned,
            n if n < carried.ranges.len() => Reanchor::Edited,
            _ => carried.status,
        };
        changes.push(HighlightChange::new(span, status, &anchored));
        let earlier = reviewed.remove(&span.id);
        let entry = |status| Reanchoring {
            span: span.id,
            status,
            before: earlier.as_ref().map_or_else(|| span.ranges.clone(), |e| e.before.clone()),
            at,
        };
        match status {
            Reanchor::Orphaned => {
                updated.orphans.push(span.clone());
                updated.review.push(entry(Reanchor::Orphaned));
            }
            _ => {
                if status == Reanchor::Edited || earlier.is_some() {
                    updated.review.push(entry(Reanchor::Edited));
                }
                updated.spans.push(SpanAnnotation { ranges: anchored, ..span.clone() });
            }
        }
    }
    // Orphans of an earlier update still waiting for a decision stay on the list.
    updated.review.extend(reviewed.into_values().filter(|r| r.status == Reanchor::Orphaned));
    updated.review.sort_by_key(|r| r.span);
    // Checked against the project's labels, with the counter past the ids the new comments took.
    let mut checker = Project::new("");
    checker.schema = project.schema.clone();
    checker.next_id = ids;
    let problems = checker.document_problems(&updated);
    if let Some(problem) = problems.first() {
        return Err(UpdateError::Inconsistent(problem.to_string()));
    }
    let report = UpdateReport { document: doc, highlights: changes, comments: comment_counts };
    Ok(Update { document: updated, report })
}

/// The update as one undoable step ("Update from newer version").
pub fn command(update: &Update) -> Command {
    Command::Batch {
        name: std::borrow::Cow::Borrowed("Update from newer version"),
        commands: vec![Command::ReplaceDocument { document: Box::new(update.document.clone()) }],
    }
}
