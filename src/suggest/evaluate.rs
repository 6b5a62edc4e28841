//! Scoring attribution suggestions against annotated attributions (brat standoff with `Source`, `Cue` and
//! `Content` spans tied by `E` lines, as the PolNeAR corpus writes them): overlap F1 (a span counts when it
//! overlaps one of the same role by a code point or more, precision and recall each way) and exact F1, for all
//! attributions and for direct quotes alone.

use std::collections::{BTreeMap, BTreeSet};

/// A span as a set of code point ranges.
pub type Span = Vec<(usize, usize)>;

/// One attribution's three roles; a role the annotator left out is `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Triple {
    /// What is attributed.
    pub content: Option<Span>,
    /// Who.
    pub source: Option<Span>,
    /// With which words.
    pub cue: Option<Span>,
    /// Whether the content is a direct quotation (it opens with a quotation mark).
    pub direct: bool,
}

/// The attributions of a brat `.ann` file over `text`; lines it cannot read and ids it lacks are passed over.
pub fn read_brat(ann: &str, text: &str) -> Vec<Triple> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: BTreeMap<&str, Span> = BTreeMap::new();
    let mut relations = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else { continue };
        if id.starts_with('T') {
            let Some((_, ranges)) = body.split_once(' ') else { continue };
            let parts: Option<Span> = ranges
                .split(';')
                .map(|part| {
                    let (s, e) = part.trim().split_once(' ')?;
                    Some((s.parse().ok()?, e.parse().ok()?))
                })
                .collect();
            if let Some(parts) = parts.filter(|p| p.iter().all(|&(s, e)| s < e && e <= chars.len())) {
                spans.insert(id, parts);
            }
        } else if id.starts_with('E') {
            let roles: BTreeMap<&str, &str> = body.split_whitespace().filter_map(|a| a.split_once(':')).collect();
            relations.push(roles);
        }
    }
    relations
        .into_iter()
        .map(|roles| {
            let get = |role: &str| roles.get(role).and_then(|id| spans.get(id)).cloned();
            let content = get("Content");
            let direct = content.as_ref().and_then(|c| c.first()).is_some_and(|&(s, e)| {
                chars[s..e].iter().find(|c| !c.is_whitespace()).is_some_and(|c| is_quote_mark(*c))
            });
            Triple { content, source: get("Source"), cue: get("Cue"), direct }
        })
        .collect()
}

/// Whether `c` is a quotation mark of any style.
pub fn is_quote_mark(c: char) -> bool {
    "\"'“”„«»‹›「」『』‘’`".contains(c)
}

/// Counts for one role: spans each side and how many of them found a partner.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Predicted spans.
    pub predicted: usize,
    /// Predicted spans that overlap a gold span.
    pub predicted_overlapping: usize,
    /// Predicted spans equal to a gold span.
    pub predicted_exact: usize,
    /// Gold spans.
    pub gold: usize,
    /// Gold spans that a predicted span overlaps.
    pub gold_overlapping: usize,
    /// Gold spans equal to a predicted span.
    pub gold_exact: usize,
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

impl Tally {
    /// Adds the spans of one document: each list holds a role's distinct spans.
    pub fn add(&mut self, predicted: &[Span], gold: &[Span]) {
        let overlaps = |a: &Span, b: &Span| a.iter().any(|&(s, e)| b.iter().any(|&(t, u)| s < u && t < e));
        let same = |a: &Span, b: &Span| normal(a) == normal(b);
        self.predicted += predicted.len();
        self.gold += gold.len();
        self.predicted_overlapping += predicted.iter().filter(|p| gold.iter().any(|g| overlaps(p, g))).count();
        self.gold_overlapping += gold.iter().filter(|g| predicted.iter().any(|p| overlaps(p, g))).count();
        self.predicted_exact += predicted.iter().filter(|p| gold.iter().any(|g| same(p, g))).count();
        self.gold_exact += gold.iter().filter(|g| predicted.iter().any(|p| same(p, g))).count();
    }

    /// Overlap precision, recall and F1.
    pub fn overlap(&self) -> (f64, f64, f64) {
        let p = ratio(self.predicted_overlapping, self.predicted);
        let r = ratio(self.gold_overlapping, self.gold);
        (p, r, f1(p, r))
    }

    /// Exact precision, recall and F1.
    pub fn exact(&self) -> (f64, f64, f64) {
        let p = ratio(self.predicted_exact, self.predicted);
        let r = ratio(self.gold_exact, self.gold);
        (p, r, f1(p, r))
    }
}

/// A span's ranges sorted, so that spans equal as sets compare equal.
fn normal(span: &Span) -> Span {
    let mut sorted = span.clone();
    sorted.sort_unstable();
    sorted
}

/// The three roles' tallies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// Content spans.
    pub content: Tally,
    /// Source spans.
    pub source: Tally,
    /// Cue spans.
    pub cue: Tally,
}

impl Scores {
    /// Adds one document's predicted and gold attributions, each role's spans counted once however many
    /// attributions share them.
    pub fn add(&mut self, predicted: &[Triple], gold: &[Triple]) {
        let distinct = |triples: &[Triple], role: fn(&Triple) -> Option<&Span>| -> Vec<Span> {
            triples.iter().filter_map(role).cloned().collect::<BTreeSet<_>>().into_iter().collect()
        };
        self.content.add(&distinct(predicted, |t| t.content.as_ref()), &distinct(gold, |t| t.content.as_ref()));
        self.source.add(&distinct(predicted, |t| t.source.as_ref()), &distinct(gold, |t| t.source.as_ref()));
        self.cue.add(&distinct(predicted, |t| t.cue.as_ref()), &distinct(gold, |t| t.cue.as_ref()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_attributions_are_read_with_their_roles() {
        let text = "He said “yes, we will.” Then left.";
        let ann = "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 23\t“yes, we will.”\n\
                   E1\tAttribution:T9 Source:T1 Cue:T2 Content:T3\nE2\tAttribution:T8 Content:T77\nbroken line";
        let got = read_brat(ann, text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].content, Some(vec![(8, 23)]));
        assert!(got[0].direct);
        assert_eq!(got[1], Triple::default());
    }

    #[test]
    fn overlap_and_exact_scores_count_each_way() {
        let mut tally = Tally::default();
        tally.add(&[vec![(0, 5)], vec![(10, 12)], vec![(20, 30)]], &[vec![(3, 8)], vec![(20, 30)]]);
        assert_eq!(tally.overlap(), (2.0 / 3.0, 1.0, 0.8));
        let (p, r, _) = tally.exact();
        assert_eq!((p, r), (1.0 / 3.0, 0.5));
    }
}
