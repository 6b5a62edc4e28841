//! A student's work drawn over the key's article: which key highlights they found, missed, bounded otherwise or
//! labelled otherwise, and what they marked that the key has not, each in a style of its own.

use egui::Color32;

use crate::analysis::compare::{Comparison, Finding};
use crate::model::{DocId, Project, Target};

/// How an overlay mark is drawn, by what it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A key highlight the student found (same label, overlapping).
    Matched,
    /// A key highlight the student has nothing of.
    Missed,
    /// A highlight of the student's that the key has not.
    Extra,
    /// The student's highlight over a key highlight with other boundaries.
    Boundary,
    /// The student's highlight on a key highlight's range with another label.
    WrongLabel,
}

impl Style {
    /// Every style, in the legend's order.
    pub const ALL: [Self; 5] = [Self::Matched, Self::Missed, Self::Extra, Self::Boundary, Self::WrongLabel];

    /// The outline's colour.
    pub fn color(self) -> Color32 {
        match self {
            Self::Matched => Color32::from_rgb(0x2e, 0x7d, 0x32),
            Self::Missed => Color32::from_rgb(0xc6, 0x28, 0x28),
            Self::Extra => Color32::from_rgb(0xef, 0x6c, 0x00),
            Self::Boundary => Color32::from_rgb(0x6a, 0x1b, 0x9a),
            Self::WrongLabel => Color32::from_rgb(0x15, 0x65, 0xc0),
        }
    }

    /// Whether the outline is dashed (what is missing or added) rather than solid.
    pub fn dashed(self) -> bool {
        matches!(self, Self::Missed | Self::Extra)
    }

    /// What the style means, for the legend.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Matched => "found (solid green)",
            Self::Missed => "missed (dashed red)",
            Self::Extra => "extra, not in the key (dashed orange)",
            Self::Boundary => "other boundaries: the student's range (solid purple)",
            Self::WrongLabel => "other label: the student's (solid blue)",
        }
    }
}

/// One range drawn over the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// The key's document.
    pub doc: DocId,
    /// The text it lies in.
    pub target: Target,
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// How it is drawn.
    pub style: Style,
}

/// A student's work over the key, while the class window shows that student.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overlay {
    /// Whose work it is.
    pub student: String,
    /// The marks, of every document.
    pub marks: Vec<Mark>,
}

impl Overlay {
    /// The overlay of one student's comparison with `key`.
    pub fn of(key: &Project, comparison: &Comparison) -> Self {
        let mut marks = Vec::new();
        let mut add = |finding: &Finding, ranges: &[(usize, usize)], style| {
            for &(start, end) in ranges {
                marks.push(Mark { doc: finding.doc, target: finding.target, start, end, style });
            }
        };
        for finding in &comparison.missed {
            add(finding, &finding.ranges, Style::Missed);
        }
        for finding in &comparison.extra {
            add(finding, &finding.ranges, Style::Extra);
        }
        for (findings, style) in [(&comparison.boundary, Style::Boundary), (&comparison.wrong_label, Style::WrongLabel)]
        {
            for finding in findings {
                let theirs = finding.against.as_ref().map_or(finding.ranges.as_slice(), |(r, _)| r.as_slice());
                add(finding, theirs, style);
            }
        }
        // Every other key highlight was found.
        let listed = |doc: DocId, target: Target, ranges: &[(usize, usize)]| {
            [&comparison.missed, &comparison.boundary, &comparison.wrong_label]
                .iter()
                .flat_map(|f| f.iter())
                .any(|f| f.doc == doc && f.target == target && f.ranges == ranges)
        };
        for doc in &key.documents {
            for span in &doc.spans {
                let ranges: Vec<(usize, usize)> = span.ranges.iter().map(|r| (r.start, r.end)).collect();
                if !listed(doc.id, span.target, &ranges) {
                    for (start, end) in ranges {
                        marks.push(Mark { doc: doc.id, target: span.target, start, end, style: Style::Matched });
                    }
                }
            }
        }
        Self { student: comparison.annotator.clone(), marks }
    }
}
