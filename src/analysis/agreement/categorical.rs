//! Chance-corrected agreement on categories: each item (a comment) gets at most one category (a sentiment level)
//! from each annotator. Categories are indices; for ordinal data their order is the scale's.

use super::{Coefficient, Undefined};

/// How categories relate: unordered, or ordered along a scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Categories are only the same or different.
    Nominal,
    /// Categories are ranks: a disagreement between neighbours costs less than one across the scale.
    Ordinal,
}

/// Cohen's kappa (1960) of two annotators: `pairs` holds, for each item both tagged, the first's category and the
/// second's.
pub fn cohen_kappa(pairs: &[(usize, usize)]) -> Coefficient {
    if pairs.is_empty() {
        return Err(Undefined("no item was tagged by both"));
    }
    let size = pairs.iter().map(|&(a, b)| a.max(b) + 1).max().unwrap_or(0);
    let (mut first, mut second) = (vec![0usize; size], vec![0usize; size]);
    let mut same = 0usize;
    for &(a, b) in pairs {
        first[a] += 1;
        second[b] += 1;
        same += usize::from(a == b);
    }
    let n = pairs.len() as f64;
    let observed = same as f64 / n;
    let expected: f64 = first.iter().zip(&second).map(|(&a, &b)| a as f64 * b as f64).sum::<f64>() / (n * n);
    if expected >= 1.0 {
        return Err(Undefined("both gave every item the same one category"));
    }
    Ok((observed - expected) / (1.0 - expected))
}

/// Fleiss' kappa (1971): `counts[i][c]` is how many annotators put item `i` in category `c`; every item has the
/// same number of annotators (at least two), as Fleiss defines it.
pub fn fleiss_kappa(counts: &[Vec<usize>]) -> Coefficient {
    let Some(raters) = counts.first().map(|row| row.iter().sum::<usize>()) else {
        return Err(Undefined("no item was tagged by all"));
    };
    if raters < 2 {
        return Err(Undefined("fewer than two annotators tagged each item"));
    }
    if counts.iter().any(|row| row.iter().sum::<usize>() != raters) {
        return Err(Undefined("the items were not all tagged by the same number of annotators"));
    }
    let categories = counts.iter().map(Vec::len).max().unwrap_or(0);
    let (items, raters) = (counts.len() as f64, raters as f64);
    let mut share = vec![0.0; categories];
    let mut agreement = 0.0;
    for row in counts {
        for (c, &count) in row.iter().enumerate() {
            share[c] += count as f64;
        }
        let squares: f64 = row.iter().map(|&count| (count * count) as f64).sum();
        agreement += (squares - raters) / (raters * (raters - 1.0));
    }
    let observed = agreement / items;
    let expected: f64 = share.iter().map(|total| (total / (items * raters)).powi(2)).sum();
    if expected >= 1.0 {
        return Err(Undefined("every tag is the same"));
    }
    Ok((observed - expected) / (1.0 - expected))
}

/// Krippendorff's alpha (Krippendorff 2004, "Computing Krippendorff's alpha-reliability" 2011): `units[u]` holds
/// the categories the annotators gave unit `u` (those who gave none are simply absent, so missing values are
/// allowed); `categories` is the number of categories, in scale order for [`Level::Ordinal`]. Units with fewer
/// than two values cannot be paired and do not count.
pub fn krippendorff_alpha(units: &[Vec<usize>], categories: usize, level: Level) -> Coefficient {
    // The coincidence matrix: each ordered pair of values within a unit, weighted 1 / (m_u - 1).
    let mut coincidences = vec![vec![0.0; categories]; categories];
    for values in units.iter().filter(|values| values.len() > 1) {
        let weight = 1.0 / (values.len() - 1) as f64;
        for (i, &a) in values.iter().enumerate() {
            for (j, &b) in values.iter().enumerate() {
                if i != j && a < categories && b < categories {
                    coincidences[a][b] += weight;
                }
            }
        }
    }
    let totals: Vec<f64> = coincidences.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = totals.iter().sum();
    if n < 2.0 {
        return Err(Undefined("no unit has two values to compare"));
    }
    let distance = |c: usize, k: usize| -> f64 {
        match level {
            Level::Nominal => f64::from(u8::from(c != k)),
            Level::Ordinal => {
                let (low, high) = (c.min(k), c.max(k));
                let between: f64 = totals[low..=high].iter().sum();
                (between - (totals[low] + totals[high]) / 2.0).powi(2)
            }
        }
    };
    let (mut observed, mut expected) = (0.0, 0.0);
    for c in 0..categories {
        for k in 0..categories {
            let delta = distance(c, k);
            observed += coincidences[c][k] * delta;
            expected += totals[c] * totals[k] * delta;
        }
    }
    if expected == 0.0 {
        return Err(Undefined("every value is the same"));
    }
    Ok(1.0 - (n - 1.0) * observed / expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(value: Coefficient, expected: f64, places: i32) {
        let value = value.unwrap();
        let scale = 10f64.powi(places);
        assert_eq!((value * scale).round() / scale, expected, "{value}");
    }

    /// Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: four observers, twelve units,
    /// values 1 to 5, some missing. Published: nominal 0.743, ordinal 0.815.
    fn krippendorff_2011() -> Vec<Vec<usize>> {
        let rows: [[Option<usize>; 12]; 4] = [
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(1), Some(4), Some(1), Some(2), None, None, None],
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(2), Some(4), Some(1), Some(2), Some(5), None, Some(3)],
            [None, Some(3), Some(3), Some(3), Some(2), Some(3), Some(4), Some(2), Some(2), Some(5), Some(1), None],
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(4), Some(4), Some(1), Some(2), Some(5), Some(1), None],
        ];
        (0..12).map(|u| rows.iter().filter_map(|row| row[u].map(|v| v - 1)).collect()).collect()
    }

    #[test]
    fn krippendorffs_alpha_equals_the_published_worked_example() {
        close(krippendorff_alpha(&krippendorff_2011(), 5, Level::Nominal), 0.743, 3);
        close(krippendorff_alpha(&krippendorff_2011(), 5, Level::Ordinal), 0.815, 3);
    }

    #[test]
    fn krippendorffs_alpha_equals_the_three_coder_example_with_gaps() {
        // The computational example of Krippendorff's alpha as commonly taught (three coders, fifteen units, many
        // missing): nominal 0.691.
        let coders =
            ["* * * * * 3 4 1 2 1 1 3 3 * 3", "1 * 2 1 3 3 4 3 * * * * * * *", "* * 2 1 3 4 4 * 2 1 1 3 3 * 4"];
        let rows: Vec<Vec<Option<usize>>> =
            coders.iter().map(|row| row.split(' ').map(|v| v.parse::<usize>().ok().map(|v| v - 1)).collect()).collect();
        let units: Vec<Vec<usize>> = (0..15).map(|u| rows.iter().filter_map(|row| row[u]).collect()).collect();
        close(krippendorff_alpha(&units, 4, Level::Nominal), 0.691, 3);
    }

    #[test]
    fn krippendorffs_alpha_of_identical_constant_and_unpaired_data() {
        let same = vec![vec![0, 0], vec![1, 1], vec![2, 2, 2]];
        assert_eq!(krippendorff_alpha(&same, 3, Level::Nominal), Ok(1.0));
        assert_eq!(krippendorff_alpha(&same, 3, Level::Ordinal), Ok(1.0));
        let constant = vec![vec![1, 1], vec![1, 1, 1]];
        assert_eq!(krippendorff_alpha(&constant, 3, Level::Nominal), Err(Undefined("every value is the same")));
        let alone = vec![vec![1], vec![], vec![2]];
        assert!(krippendorff_alpha(&alone, 3, Level::Nominal).is_err());
    }

    #[test]
    fn cohens_kappa_equals_the_textbook_cases() {
        // 50 proposals read by two editors: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no; p_o 0.7, p_e 0.5, kappa 0.4.
        let mut pairs = vec![(0, 0); 20];
        pairs.extend([(0, 1); 5]);
        pairs.extend([(1, 0); 10]);
        pairs.extend([(1, 1); 15]);
        close(cohen_kappa(&pairs), 0.4, 6);
        assert_eq!(cohen_kappa(&[(0, 0), (1, 1), (2, 2)]), Ok(1.0));
        // Krippendorff (1995), example A digitized (Bertha and Bill, 24 positions): kappa 0.385, nominal alpha
        // 0.329, as DKPro's tests have them.
        let (bertha, bill) = ("001111111100001111110000", "000011110000000110000000");
        let digit = |c: char| usize::from(c == '1');
        let digits: Vec<(usize, usize)> = bertha.chars().map(digit).zip(bill.chars().map(digit)).collect();
        close(cohen_kappa(&digits), 0.385, 3);
        let units: Vec<Vec<usize>> = digits.iter().map(|&(a, b)| vec![a, b]).collect();
        close(krippendorff_alpha(&units, 2, Level::Nominal), 0.329, 3);
        // Always disagreeing, with balanced marginals: as far below chance as it goes.
        assert_eq!(cohen_kappa(&[(0, 1), (1, 0)]), Ok(-1.0));
        assert!(cohen_kappa(&[(1, 1), (1, 1)]).is_err());
        assert!(cohen_kappa(&[]).is_err());
    }

    #[test]
    fn fleiss_kappa_equals_the_published_examples() {
        // Fleiss (1971), table 1: 30 patients, 6 psychiatrists each, 5 diagnoses. Published: 0.430.
        let fleiss_1971 = "0,0,0,6,0 0,3,0,0,3 0,1,4,0,1 0,0,0,0,6 0,3,0,3,0 2,0,4,0,0 0,0,4,0,2 2,0,3,1,0 2,0,0,4,0 \
                           0,0,0,0,6 1,0,0,5,0 1,1,0,4,0 0,3,3,0,0 1,0,0,5,0 0,2,0,3,1 0,0,5,0,1 3,0,0,1,2 5,1,0,0,0 \
                           0,2,0,4,0 1,0,2,0,3 0,0,0,0,6 0,1,0,5,0 0,2,0,1,3 2,0,0,4,0 1,0,0,4,1 0,5,0,1,0 4,0,0,0,2 \
                           0,2,0,4,0 1,0,5,0,0 0,0,0,0,6";
        let rows: Vec<Vec<usize>> =
            fleiss_1971.split_whitespace().map(|row| row.split(',').map(|n| n.parse().unwrap()).collect()).collect();
        assert_eq!(rows.len(), 30);
        close(fleiss_kappa(&rows), 0.430, 3);
        // The 10 subjects rated by 14 raters of Fleiss' kappa's usual illustration: 0.210.
        let fourteen = "0,0,0,0,14 0,2,6,4,2 0,0,3,5,6 0,3,9,2,0 2,2,8,1,1 7,7,0,0,0 3,2,6,3,0 2,5,3,2,2 6,5,2,1,0 \
                        0,2,2,3,7";
        let rows: Vec<Vec<usize>> =
            fourteen.split_whitespace().map(|row| row.split(',').map(|n| n.parse().unwrap()).collect()).collect();
        close(fleiss_kappa(&rows), 0.210, 3);
        assert_eq!(fleiss_kappa(&[vec![2, 0], vec![0, 2]]), Ok(1.0));
        assert!(fleiss_kappa(&[vec![2, 0], vec![2, 0]]).is_err(), "every tag the same");
        assert!(fleiss_kappa(&[vec![2, 0], vec![1, 0]]).is_err(), "unequal numbers of annotators");
        assert!(fleiss_kappa(&[]).is_err());
    }
}
