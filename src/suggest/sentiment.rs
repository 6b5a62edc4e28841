//! Comment sentiment by VADER (Hutto and Gilbert 2014), through `vader-parity`, which reproduces Python's
//! vaderSentiment 3.3.2 to the last digit, mapped onto the project's sentiment scale.

use vader_parity::SentimentIntensityAnalyzer;

use crate::model::{LabelSchema, SentimentId};

/// Where a VADER compound score falls on a scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Polarity {
    /// compound ≤ -0.5 (on a five-point scale; else folded into `Negative`).
    VeryNegative,
    /// compound ≤ -0.05.
    Negative,
    /// -0.05 < compound < 0.05.
    Neutral,
    /// compound ≥ 0.05.
    Positive,
    /// compound ≥ 0.5 (on a five-point scale; else folded into `Positive`).
    VeryPositive,
}

/// The authors' threshold between neutral and polar text.
pub const NEUTRAL_BAND: f64 = 0.05;

/// The cut between polar and strongly polar on a five-point scale: the midpoint of the polar half of the compound
/// range, so that "good" (0.44) is positive and "very good, love it" (0.80) very positive.
pub const STRONG: f64 = 0.5;

/// The polarity of a compound score; `five_point` splits the polar ends at ±[`STRONG`].
pub fn polarity(compound: f64, five_point: bool) -> Polarity {
    match compound {
        c if c <= -STRONG && five_point => Polarity::VeryNegative,
        c if c <= -NEUTRAL_BAND => Polarity::Negative,
        c if c >= STRONG && five_point => Polarity::VeryPositive,
        c if c >= NEUTRAL_BAND => Polarity::Positive,
        _ => Polarity::Neutral,
    }
}

/// A VADER analyser, built once (its lexicon holds 7,500 words) and used for every comment.
pub struct Vader(SentimentIntensityAnalyzer);

impl Default for Vader {
    fn default() -> Self {
        Self(SentimentIntensityAnalyzer::new())
    }
}

impl Vader {
    /// VADER's compound score of `text`, in -1..=1, rounded to four decimals as Python prints it.
    pub fn compound(&self, text: &str) -> f64 {
        self.0.polarity_scores(text).compound
    }
}

/// The levels of a project's scale that VADER's polarities map to, found by their names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Levels {
    negative: SentimentId,
    neutral: SentimentId,
    positive: SentimentId,
    very: Option<(SentimentId, SentimentId)>,
}

impl Levels {
    /// The levels of `schema`, or `None` when its scale has no "Negative", "Neutral" and "Positive" (a scale of
    /// the project's own, which VADER's polarities do not name).
    pub fn of(schema: &LabelSchema) -> Option<Self> {
        let find = |name: &str| schema.sentiment_named(name).map(|l| l.id);
        let very = find("Very negative").zip(find("Very positive"));
        Some(Self { negative: find("Negative")?, neutral: find("Neutral")?, positive: find("Positive")?, very })
    }

    /// The level for a compound score: five points when the scale has "Very negative" and "Very positive".
    pub fn level(&self, compound: f64) -> SentimentId {
        match (polarity(compound, self.very.is_some()), self.very) {
            (Polarity::VeryNegative, Some((very_negative, _))) => very_negative,
            (Polarity::VeryPositive, Some((_, very_positive))) => very_positive,
            (Polarity::VeryNegative | Polarity::Negative, _) => self.negative,
            (Polarity::VeryPositive | Polarity::Positive, _) => self.positive,
            (Polarity::Neutral, _) => self.neutral,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences written for this test, with the compound scores Python's vaderSentiment 3.3.2 gives them.
    const PYTHON: &[(&str, f64)] = &[
        ("Great reporting, thank you for finally telling the truth!", 0.8478),
        ("This article is biased garbage.", -0.2732),
        ("The minister spoke on Tuesday.", 0.0),
        ("Not bad at all, but the headline is misleading.", -0.3869),
        ("I don't think this is a good deal for anyone", 0.4404),
        ("WHY does nobody mention the costs??? Terrible!!!", -0.6722),
        ("Meh. Seen it before :)", 0.4019),
        ("Lavrov is right, the alliance is strong and reliable.", 0.5106),
        ("kind of sad that the talks failed", -0.7506),
        ("The plan is not great, not terrible.", -0.6645),
        ("Absolutely brilliant analysis 😍", 0.8104),
        ("Worst. Government. Ever. 😡", -0.6249),
        ("I love how they pretend nothing happened 🙄", 0.5859),
        ("Thanks for nothing.", 0.4404),
        ("Well done, although the figures are outdated.", 0.2732),
        ("no", -0.296),
        ("", 0.0),
        ("Il a raison, c'est une bonne nouvelle.", 0.0),
        ("This is sooo good!!", 0.5399),
        ("The economy shrank by 3 percent, a disaster for families.", -0.6249),
    ];

    #[test]
    fn scores_equal_pythons_vader() {
        let vader = Vader::default();
        for (text, want) in PYTHON {
            assert_eq!(vader.compound(text), *want, "{text}");
        }
    }

    #[test]
    fn the_thresholds_are_the_authors() {
        assert_eq!(polarity(0.05, false), Polarity::Positive);
        assert_eq!(polarity(0.0499, false), Polarity::Neutral);
        assert_eq!(polarity(-0.05, false), Polarity::Negative);
        assert_eq!(polarity(0.8, false), Polarity::Positive);
        assert_eq!(polarity(0.8, true), Polarity::VeryPositive);
        assert_eq!(polarity(-0.5, true), Polarity::VeryNegative);
        assert_eq!(polarity(-0.49, true), Polarity::Negative);
    }
}
