//! Which comments of the older version of a page are which of the newer: the same author and text, or, for a
//! comment its writer edited, the same author and most of the words.

use std::collections::{HashMap, VecDeque};

use crate::model::Comment;

/// How much of two comments' words must agree (Dice coefficient of their word multisets) for one to be the other
/// edited.
const SIMILAR: f64 = 0.5;

/// Past this many pairs of unmatched comments, only comments by the same named author are compared: a page whose
/// whole comment section changed is not worth a quadratic wait.
const MAX_PAIRS: usize = 1_000_000;

/// The older comment each newer comment is, if any, and the older comments no newer one is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Matching {
    /// For each newer comment (by index), the index of the older comment it is.
    pub of_new: Vec<Option<usize>>,
    /// Older comments (by index) the newer page no longer has.
    pub removed: Vec<usize>,
}

fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of a comment, lowercased, with how often each occurs.
fn bag(text: &str) -> (HashMap<String, usize>, usize) {
    let mut words = HashMap::new();
    let mut total = 0;
    for (_, _, word) in crate::model::text::words(text) {
        *words.entry(word.to_lowercase()).or_insert(0) += 1;
        total += 1;
    }
    (words, total)
}

fn dice(a: &(HashMap<String, usize>, usize), b: &(HashMap<String, usize>, usize)) -> f64 {
    if a.1 + b.1 == 0 {
        return 0.0;
    }
    let shared: usize = a.0.iter().map(|(w, n)| b.0.get(w).map_or(0, |m| (*m).min(*n))).sum();
    2.0 * shared as f64 / (a.1 + b.1) as f64
}

/// Whether two authors can be the same person: the same name, or no name on one side.
fn same_author(a: &str, b: &str) -> bool {
    a.is_empty() || b.is_empty() || a == b
}

/// Matches `old` comments to `new` ones: first the same author and text (white space aside), in page order; then
/// the most similar remaining pairs by the same author.
pub(super) fn match_comments(old: &[Comment], new: &[Comment]) -> Matching {
    let mut of_new = vec![None; new.len()];
    let mut taken = vec![false; old.len()];
    let mut exact: HashMap<(String, String), VecDeque<usize>> = HashMap::new();
    for (i, comment) in old.iter().enumerate() {
        exact.entry((normal(&comment.author), normal(&comment.text))).or_default().push_back(i);
    }
    for (j, comment) in new.iter().enumerate() {
        if let Some(i) = exact.get_mut(&(normal(&comment.author), normal(&comment.text))).and_then(VecDeque::pop_front)
        {
            of_new[j] = Some(i);
            taken[i] = true;
        }
    }
    let left_old: Vec<usize> = (0..old.len()).filter(|&i| !taken[i]).collect();
    let left_new: Vec<usize> = (0..new.len()).filter(|&j| of_new[j].is_none()).collect();
    let strict = left_old.len().saturating_mul(left_new.len()) > MAX_PAIRS;
    let old_bags: HashMap<usize, _> = left_old.iter().map(|&i| (i, bag(&old[i].text))).collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for &j in &left_new {
        let theirs = bag(&new[j].text);
        let author = normal(&new[j].author);
        for &i in &left_old {
            let mine = normal(&old[i].author);
            let comparable = if strict { !author.is_empty() && mine == author } else { same_author(&mine, &author) };
            if !comparable {
                continue;
            }
            let similarity = old_bags.get(&i).map_or(0.0, |b| dice(b, &theirs));
            if similarity >= SIMILAR {
                pairs.push((similarity, i, j));
            }
        }
    }
    // The most similar pairs first; among equals, the comments nearest in page order.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.abs_diff(a.2).cmp(&b.1.abs_diff(b.2))));
    for (_, i, j) in pairs {
        if !taken[i] && of_new[j].is_none() {
            taken[i] = true;
            of_new[j] = Some(i);
        }
    }
    let removed = (0..old.len()).filter(|&i| !taken[i]).collect();
    Matching { of_new, removed }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CommentId;

    fn comments(list: &[(&str, &str)]) -> Vec<Comment> {
        list.iter().enumerate().map(|(i, (a, t))| Comment::new(CommentId(i as u64 + 1), *a, *t)).collect()
    }

    #[test]
    fn same_edited_new_and_removed_comments_are_told_apart() {
        let old = comments(&[
            ("Ana", "Great article, thanks."),
            ("Ben", "I disagree with the figures in the second paragraph, they look wrong to me."),
            ("Cleo", "First!"),
        ]);
        let new = comments(&[
            ("Dan", "Who checked this?"),
            ("Ana", "Great  article, thanks."),
            ("Ben", "I disagree with the figures in the second paragraph; they look plainly wrong to me."),
        ]);
        let matching = match_comments(&old, &new);
        assert_eq!(matching.of_new, vec![None, Some(0), Some(1)]);
        assert_eq!(matching.removed, vec![2]);
    }

    #[test]
    fn the_same_text_by_another_author_is_another_comment() {
        let old = comments(&[("Ana", "Agreed.")]);
        let new = comments(&[("Ben", "Agreed.")]);
        assert_eq!(match_comments(&old, &new), Matching { of_new: vec![None], removed: vec![0] });
    }
}
