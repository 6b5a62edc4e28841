//! Krippendorff's alpha for unitizing, alpha_u (Krippendorff 1995; 2004, pp. 251-256): how far annotators agree
//! on where the units of a category lie along a continuum (a text, in code points), computed as DKPro Statistics'
//! `KrippendorffAlphaUnitizingAgreement` does when INCEpTION calls it.
//!
//! Per category, each annotator's continuum is cut into their units of that category and the gaps between them.
//! The observed disagreement sums, over every pair of annotators and every pair of their overlapping segments,
//! the squared differences of the ends of two overlapping units, or the squared length of a unit lying wholly
//! inside the other's gap; the expected disagreement is the same over all the unitizations the units and gaps
//! could make. Per category alpha is 1 - D_o(c) / D_e(c); overall, 1 - mean D_o / mean D_e.

use super::{Coefficient, Undefined};

/// One annotator's unit: `start..end` in code points of the continuum, with a category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Who marked it, from 0.
    pub annotator: usize,
    /// Where it starts.
    pub start: u64,
    /// Where it ends (exclusive).
    pub end: u64,
    /// Its category (label), from 0.
    pub category: usize,
}

/// The continuum the units lie on, and who was asked to mark it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Continuum {
    /// Where it begins.
    pub begin: u64,
    /// How long it is.
    pub length: u64,
    /// How many annotators marked it (those who marked nothing count too).
    pub annotators: usize,
}

/// alpha_u per category and overall, with the disagreements they come from.
#[derive(Clone, Debug, PartialEq)]
pub struct Unitizing {
    /// Per category: alpha_u(c).
    pub per_category: Vec<Coefficient>,
    /// Per category: observed and expected disagreement.
    pub disagreement: Vec<(f64, f64)>,
    /// Over all categories: 1 - mean D_o / mean D_e.
    pub overall: Coefficient,
}

/// A piece of one annotator's continuum: a unit of the category or a gap.
#[derive(Clone, Copy, Debug)]
struct Segment {
    start: u64,
    end: u64,
    unit: bool,
}

impl Segment {
    fn len(self) -> u64 {
        self.end - self.start
    }
}

/// alpha_u of `units` on `continuum`, for categories `0..categories`. Of one annotator's units of one category
/// that overlap, the earliest-starting (and of those the longest) is kept and the ones overlapping it are skipped,
/// as the measure requires; units are clipped to the continuum, and empty ones do not count.
pub fn alpha_u(continuum: Continuum, categories: usize, units: &[Unit]) -> Unitizing {
    let disagreement: Vec<(f64, f64)> = (0..categories)
        .map(|category| {
            let segments = segments(continuum, units, category);
            (observed(continuum, &segments), expected(continuum, &segments))
        })
        .collect();
    let per_category = disagreement
        .iter()
        .map(|&(observed, expected)| {
            check(continuum)?;
            if expected <= 0.0 {
                return Err(Undefined("no annotator marked a unit of this category"));
            }
            Ok(1.0 - observed / expected)
        })
        .collect();
    let overall = check(continuum).and_then(|()| {
        let (observed, expected) = disagreement.iter().fold((0.0, 0.0), |(o, e), &(o_c, e_c)| (o + o_c, e + e_c));
        if expected <= 0.0 {
            return Err(Undefined("no annotator marked any unit"));
        }
        Ok(1.0 - observed / expected)
    });
    Unitizing { per_category, disagreement, overall }
}

/// Whether alpha_u can be computed on `continuum` at all.
fn check(continuum: Continuum) -> Result<(), Undefined> {
    if continuum.annotators < 2 {
        return Err(Undefined("fewer than two annotators"));
    }
    if continuum.length == 0 {
        return Err(Undefined("the text is empty"));
    }
    Ok(())
}

/// Each annotator's continuum cut into their units of `category` and the gaps between them.
fn segments(continuum: Continuum, units: &[Unit], category: usize) -> Vec<Vec<Segment>> {
    let (begin, end) = (continuum.begin, continuum.begin + continuum.length);
    (0..continuum.annotators)
        .map(|annotator| {
            let mut own: Vec<(u64, u64)> = units
                .iter()
                .filter(|u| u.annotator == annotator && u.category == category)
                .map(|u| (u.start.clamp(begin, end), u.end.clamp(begin, end)))
                .filter(|(start, end)| start < end)
                .collect();
            // Earliest start first, and of equal starts the longest.
            own.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            let mut cut = Vec::with_capacity(own.len() * 2 + 1);
            let mut at = begin;
            for (start, stop) in own {
                if start < at {
                    continue;
                }
                if start > at {
                    cut.push(Segment { start: at, end: start, unit: false });
                }
                cut.push(Segment { start, end: stop, unit: true });
                at = stop;
            }
            if at < end {
                cut.push(Segment { start: at, end, unit: false });
            }
            cut
        })
        .collect()
}

/// The disagreement of two overlapping segments of two annotators.
fn distance(a: Segment, b: Segment) -> u128 {
    let square = |x: u64| u128::from(x) * u128::from(x);
    match (a.unit, b.unit) {
        (true, true) if a.start < b.end && b.start < a.end => {
            square(a.start.abs_diff(b.start)) + square(a.end.abs_diff(b.end))
        }
        (true, false) if b.start <= a.start && a.end <= b.end => square(a.len()),
        (false, true) if a.start <= b.start && b.end <= a.end => square(b.len()),
        _ => 0,
    }
}

/// D_o(c): every pair of annotators, every pair of their segments that overlap.
fn observed(continuum: Continuum, segments: &[Vec<Segment>]) -> f64 {
    let mut sum = 0u128;
    for (r1, first) in segments.iter().enumerate() {
        for second in &segments[r1 + 1..] {
            let (mut i, mut j) = (0, 0);
            while i < first.len() && j < second.len() {
                sum += distance(first[i], second[j]);
                let (end1, end2) = (first[i].end, second[j].end);
                i += usize::from(end1 <= end2);
                j += usize::from(end2 <= end1);
            }
        }
    }
    let raters = continuum.annotators as f64;
    let length = continuum.length as f64;
    2.0 * sum as f64 / (raters * (raters - 1.0) * length * length)
}

/// D_e(c): the disagreement expected of all the unitizations the same units and gaps could make.
fn expected(continuum: Continuum, segments: &[Vec<Segment>]) -> f64 {
    let units: Vec<u64> = segments.iter().flatten().filter(|s| s.unit).map(|s| s.len()).collect();
    let mut gaps: Vec<u64> = segments.iter().flatten().filter(|s| !s.unit).map(|s| s.len()).collect();
    gaps.sort_unstable();
    // Sums of the gaps from each position on, to find the gaps at least as long as a unit by binary search.
    let mut tail = vec![0u128; gaps.len() + 1];
    for i in (0..gaps.len()).rev() {
        tail[i] = tail[i + 1] + u128::from(gaps[i]);
    }
    let count = units.len() as u128;
    let mut sum = 0u128;
    let mut squares = 0u128;
    for &l in &units {
        let l128 = u128::from(l);
        squares += l128 * (l128 - 1);
        // (N_c - 1)(2l^3 - 3l^2 + l) / 3: l(l - 1)(2l - 1) is six times a sum of squares, so this is exact.
        sum += (count - 1) * (l128 * (l128 - 1) * (2 * l128 - 1)) / 3;
        let from = gaps.partition_point(|&h| h < l);
        let longer = (gaps.len() - from) as u128;
        // The sum over gaps h >= l of (h - l + 1).
        let fits = tail[from] + longer - longer * l128;
        sum += l128 * l128 * fits;
    }
    let total = continuum.annotators as f64 * continuum.length as f64;
    let denominator = total * (total - 1.0) - squares as f64;
    if denominator <= 0.0 || continuum.length == 0 {
        return 0.0;
    }
    sum as f64 * 2.0 / continuum.length as f64 / denominator
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(annotator: usize, start: u64, length: u64, category: usize) -> Unit {
        Unit { annotator, start, end: start + length, category }
    }

    /// Two coders' units as (start, length), and a published figure for them.
    type Coders<'a> = (&'a [(u64, u64)], &'a [(u64, u64)], f64);

    fn rounded(value: f64, places: i32) -> f64 {
        let scale = 10f64.powi(places);
        (value * scale).round() / scale
    }

    #[test]
    fn alpha_u_equals_krippendorffs_worked_example() {
        // Krippendorff (2004), p. 254: observers i and j on a continuum from 150 of length 300, categories c and k.
        let (c, k) = (0, 1);
        let units = [
            unit(0, 225, 70, c),
            unit(0, 370, 30, c),
            unit(1, 220, 80, c),
            unit(1, 355, 20, c),
            unit(1, 400, 20, c),
            unit(0, 180, 60, k),
            unit(0, 300, 50, k),
            unit(1, 180, 60, k),
            unit(1, 300, 50, k),
        ];
        let result = alpha_u(Continuum { begin: 150, length: 300, annotators: 2 }, 2, &units);
        let (observed_c, expected_c) = result.disagreement[c];
        assert_eq!((rounded(observed_c, 4), rounded(expected_c, 4)), (0.0144, 0.0532));
        assert_eq!(rounded(result.per_category[c].unwrap(), 4), 0.7286);
        let (observed_k, expected_k) = result.disagreement[k];
        assert_eq!((observed_k, rounded(expected_k, 4)), (0.0, 0.0490));
        assert_eq!(result.per_category[k], Ok(1.0));
        // Published as 0.859 (DKPro's test: 0.8591 within 0.0005, which is 1 - 0.0144 / (0.0532 + 0.0490) from the
        // rounded disagreements; the unrounded ones give 0.8587).
        assert_eq!(rounded(result.overall.unwrap(), 3), 0.859);
        assert_eq!(rounded(result.overall.unwrap(), 4), 0.8587);
    }

    #[test]
    fn observed_disagreement_equals_krippendorffs_1995_example() {
        // Krippendorff (1995), p. 57: four pairs of coders on a continuum of 24, one category per pair. The
        // observed disagreements as published (and as DKPro's tests have them): A 0.03125, B 2.26736, C 0.02777,
        // D 0.38715.
        let pairs: [Coders<'_>; 4] = [
            (&[(2, 8), (14, 6)], &[(4, 4), (15, 2)], 0.03125),
            (&[(0, 18)], &[(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)], 2.26736),
            (&[(2, 6), (10, 2), (14, 4), (20, 2)], &[(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)], 0.02777),
            (&[(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)], &[(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)], 0.38715),
        ];
        // Stretched 50,000 times, the expected disagreements and alphas approach the published A 0.06990 / 0.553,
        // B 1.17731 / -0.926, C 0.08642 / 0.679, D 0.41445 / 0.066 (DKPro checks them within 0.005 and 0.02).
        let stretched = [(0.06990, 0.553), (1.17731, -0.926), (0.08642, 0.679), (0.41445, 0.066)];
        for ((first, second, published), (expected, alpha)) in pairs.into_iter().zip(stretched) {
            let stretch = |scale: u64| -> Vec<Unit> {
                first
                    .iter()
                    .map(|&(start, length)| unit(0, start * scale, length * scale, 0))
                    .chain(second.iter().map(|&(start, length)| unit(1, start * scale, length * scale, 0)))
                    .collect()
            };
            let long = alpha_u(Continuum { begin: 0, length: 24 * 50_000, annotators: 2 }, 1, &stretch(50_000));
            assert!((long.disagreement[0].1 - expected).abs() < 0.005, "{} != {expected}", long.disagreement[0].1);
            let value = long.per_category[0].unwrap();
            assert!((value - alpha).abs() < 0.02, "{value} != {alpha}");
            let units = stretch(1);
            let result = alpha_u(Continuum { begin: 0, length: 24, annotators: 2 }, 1, &units);
            assert!((result.disagreement[0].0 - published).abs() < 1e-5, "{} != {published}", result.disagreement[0].0);
        }
    }

    #[test]
    fn identical_annotators_agree_and_missing_ones_are_undefined() {
        let units = [unit(0, 10, 5, 0), unit(1, 10, 5, 0), unit(0, 40, 8, 0), unit(1, 40, 8, 0)];
        let continuum = Continuum { begin: 0, length: 100, annotators: 2 };
        let result = alpha_u(continuum, 2, &units);
        assert_eq!(result.per_category[0], Ok(1.0));
        assert!(result.per_category[1].is_err(), "nobody used category 1");
        assert_eq!(result.overall, Ok(1.0));
        let alone = alpha_u(Continuum { annotators: 1, ..continuum }, 1, &units[..1]);
        assert_eq!(alone.overall, Err(Undefined("fewer than two annotators")));
        let empty = alpha_u(Continuum { length: 0, ..continuum }, 1, &[]);
        assert!(empty.overall.is_err());
    }

    #[test]
    fn disjoint_annotators_disagree_beyond_chance() {
        let units = [unit(0, 0, 10, 0), unit(1, 50, 10, 0)];
        let result = alpha_u(Continuum { begin: 0, length: 100, annotators: 2 }, 1, &units);
        assert!(result.overall.unwrap() < 0.0, "{:?}", result.overall);
    }

    #[test]
    fn of_one_annotators_overlapping_units_the_earliest_longest_counts() {
        let continuum = Continuum { begin: 0, length: 100, annotators: 2 };
        let clean = [unit(0, 10, 20, 0), unit(1, 10, 20, 0)];
        // Annotator 0 also marked a shorter unit at the same start and one inside the first: both are skipped.
        let messy = [unit(0, 10, 5, 0), unit(0, 10, 20, 0), unit(0, 15, 30, 0), unit(1, 10, 20, 0)];
        assert_eq!(alpha_u(continuum, 1, &messy), alpha_u(continuum, 1, &clean));
    }
}
