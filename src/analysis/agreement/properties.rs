//! Properties every coefficient keeps on any data: a number or a reason, never NaN and never a panic; the same
//! whichever annotator comes first.

use proptest::prelude::*;

use super::spans::{Mark, characters, exact, overlap};
use super::{Continuum, Level, Unit, alpha_u, cohen_kappa, fleiss_kappa, krippendorff_alpha};

/// A mark as the strategy makes it: target, parts as (start, length), label.
type RawMark = (u64, Vec<(usize, usize)>, u64);

fn defined_or_reason(value: super::Coefficient) -> Result<(), TestCaseError> {
    if let Ok(x) = value {
        prop_assert!(x.is_finite(), "{x}");
    }
    Ok(())
}

fn close(a: super::Coefficient, b: super::Coefficient) -> bool {
    match (a, b) {
        (Ok(x), Ok(y)) => (x - y).abs() < 1e-9,
        (Err(_), Err(_)) => true,
        _ => false,
    }
}

fn units() -> impl Strategy<Value = (u64, Vec<Unit>)> {
    (1u64..300).prop_flat_map(|length| {
        let unit = (0usize..3, 0..length, 1..=length, 0usize..3).prop_map(move |(annotator, start, span, category)| {
            Unit { annotator, start, end: (start + span).min(length), category }
        });
        (Just(length), prop::collection::vec(unit, 0..25))
    })
}

proptest! {
    #[test]
    fn alpha_u_is_a_number_or_a_reason_and_ignores_the_order_of_annotators((length, units) in units()) {
        let continuum = Continuum { begin: 0, length, annotators: 3 };
        let result = alpha_u(continuum, 3, &units);
        defined_or_reason(result.overall)?;
        for value in &result.per_category {
            defined_or_reason(*value)?;
        }
        let swapped: Vec<Unit> = units.iter().map(|u| Unit { annotator: 2 - u.annotator, ..*u }).collect();
        let again = alpha_u(continuum, 3, &swapped);
        prop_assert!(close(result.overall, again.overall), "{:?} {:?}", result.overall, again.overall);
    }

    #[test]
    fn the_kappas_and_alpha_are_numbers_or_reasons(tags in prop::collection::vec((0usize..4, 0usize..4), 0..40)) {
        defined_or_reason(cohen_kappa(&tags))?;
        let swapped: Vec<(usize, usize)> = tags.iter().map(|&(a, b)| (b, a)).collect();
        prop_assert!(close(cohen_kappa(&tags), cohen_kappa(&swapped)));
        let units: Vec<Vec<usize>> = tags.iter().map(|&(a, b)| vec![a, b]).collect();
        defined_or_reason(krippendorff_alpha(&units, 4, Level::Nominal))?;
        defined_or_reason(krippendorff_alpha(&units, 4, Level::Ordinal))?;
        let counts: Vec<Vec<usize>> = tags.iter().map(|&(a, b)| {
            let mut row = vec![0; 4];
            row[a] += 1;
            row[b] += 1;
            row
        }).collect();
        defined_or_reason(fleiss_kappa(&counts))?;
    }

    #[test]
    fn scores_are_shares(
        key in prop::collection::vec((0u64..2, 0usize..50, 1usize..20, 0u64..3), 0..15),
        found in prop::collection::vec((0u64..2, 0usize..50, 1usize..20, 0u64..3), 0..15),
    ) {
        let marks = |raw: &[(u64, usize, usize, u64)]| -> Vec<Mark> {
            raw.iter().map(|&(target, start, len, label)| Mark { target, ranges: vec![(start, start + len)], label }).collect()
        };
        let (key, found) = (marks(&key), marks(&found));
        for score in [exact(&key, &found), overlap(&key, &found), characters(&key, &found, 0)] {
            for share in [score.precision, score.recall, score.f1] {
                prop_assert!((0.0..=1.0).contains(&share), "{share}");
            }
        }
        prop_assert_eq!(overlap(&key, &found).f1, overlap(&found, &key).f1);
    }

    #[test]
    fn the_indexed_overlap_counts_as_the_definition_does(
        key in prop::collection::vec((0u64..2, prop::collection::vec((0usize..60, 1usize..15), 1..3), 0u64..3), 0..15),
        found in prop::collection::vec((0u64..2, prop::collection::vec((0usize..60, 1usize..15), 1..3), 0u64..3), 0..15),
    ) {
        let marks = |raw: &[RawMark]| -> Vec<Mark> {
            raw.iter()
                .map(|(target, parts, label)| Mark {
                    target: *target,
                    ranges: parts.iter().map(|&(start, len)| (start, start + len)).collect(),
                    label: *label,
                })
                .collect()
        };
        let (key, found) = (marks(&key), marks(&found));
        // The definition, pair by pair.
        let k: std::collections::BTreeSet<&Mark> = key.iter().collect();
        let f: std::collections::BTreeSet<&Mark> = found.iter().collect();
        let recalled = k.iter().filter(|a| f.iter().any(|b| a.touches(b))).count();
        let precise = f.iter().filter(|a| k.iter().any(|b| a.touches(b))).count();
        let score = overlap(&key, &found);
        prop_assert_eq!(score, super::spans::Score::new(k.len(), f.len(), recalled, precise));
    }
}
