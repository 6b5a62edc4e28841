//! The label schema: what a span can be labelled and how a comment's sentiment is graded.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ids::{DimensionId, IdAllocator, LabelId, SentimentId, ValueId};

/// An sRGB colour, written as `"#rrggbb"` in the project file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Colours for labels added later (in the label editor, or by an import), in turn: apart from each other and
/// from the default ones.
pub const NEW_COLORS: [Rgb; 6] = [
    Rgb(0x4d, 0xb6, 0xac),
    Rgb(0xf0, 0x62, 0x92),
    Rgb(0x95, 0x75, 0xcd),
    Rgb(0xa1, 0x88, 0x7f),
    Rgb(0x90, 0xa4, 0xae),
    Rgb(0xdc, 0xe7, 0x75),
];

/// The text was not a colour of the form `#rrggbb`.
#[derive(Debug, thiserror::Error)]
#[error("expected a colour like \"#1f77b4\", found {0:?}")]
pub struct ParseRgbError(String);

impl FromStr for Rgb {
    type Err = ParseRgbError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || ParseRgbError(text.to_owned());
        let hex = text.strip_prefix('#').ok_or_else(error)?;
        if hex.len() != 6 || !hex.is_ascii() {
            return Err(error());
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| error());
        Ok(Self(channel(0)?, channel(2)?, channel(4)?))
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A kind of span, such as "Claim" or "Quote".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpanLabel {
    /// Stable id; spans refer to the label by it, so renaming never orphans them.
    pub id: LabelId,
    /// Name shown in the palette and in exports.
    pub name: String,
    /// Highlight colour.
    pub color: Rgb,
    /// One key that applies the label to the selected text.
    pub key: Option<char>,
    /// One line of guidance for annotators.
    pub description: String,
}

/// One grade of the comment sentiment scale, such as "Negative".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentimentLevel {
    /// Stable id; comments refer to the level by it.
    pub id: SentimentId,
    /// Name shown on the comment card and in exports.
    pub name: String,
    /// Colour of the comment's sentiment badge.
    pub color: Rgb,
    /// One key that tags the focused comment with this level.
    pub key: Option<char>,
    /// One line of guidance for annotators.
    pub description: String,
}

/// One value of a comment dimension, such as "agrees" for stance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionValue {
    /// Stable id; comments refer to the value by it.
    pub id: ValueId,
    /// Name shown on the button and in exports.
    pub name: String,
}

/// A way of tagging comments that the project adds to sentiment, such as stance (agrees, disagrees, off-topic) or
/// toxicity (yes, no).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Stable id.
    pub id: DimensionId,
    /// Name shown in the inspector and in exports.
    pub name: String,
    /// One line of guidance for annotators.
    #[serde(default)]
    pub description: String,
    /// The values a comment can take, in order.
    pub values: Vec<DimensionValue>,
}

/// Ready-made sentiment scales.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalePreset {
    /// Negative, Neutral, Positive.
    ThreePoint,
    /// Very negative to very positive.
    FivePoint,
    /// Negative, Neutral, Positive, Mixed (the default).
    WithMixed,
}

/// Span labels, the sentiment scale and any further comment dimensions of a project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelSchema {
    /// Labels for highlighted spans, in palette order.
    pub span_labels: Vec<SpanLabel>,
    /// The sentiment scale for comments, in scale order.
    pub sentiments: Vec<SentimentLevel>,
    /// Further ways to tag comments, if the project has any.
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
}

/// Whether two label, level, dimension or value names name the same thing: equal but for case (in any script)
/// and surrounding white space. Loading a label file and importing a dataset both match names this way.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().chars().flat_map(char::to_lowercase).eq(b.trim().chars().flat_map(char::to_lowercase))
}

impl LabelSchema {
    /// The default schema for news analysis, with ids taken from `ids`.
    pub fn news_default(ids: &mut IdAllocator) -> Self {
        let mut label = |name: &str, color: Rgb, key: char, description: &str| SpanLabel {
            id: LabelId(ids.fresh()),
            name: name.to_owned(),
            color,
            key: Some(key),
            description: description.to_owned(),
        };
        let span_labels = vec![
            label("Claim", Rgb(0xf4, 0xa2, 0x59), '1', "A statement presented as fact that can be checked."),
            label("Quote", Rgb(0x5b, 0x9b, 0xd5), '2', "Words attributed to a person or body, direct or reported."),
            label(
                "Statistic",
                Rgb(0x70, 0xc1, 0x7a),
                '3',
                "A figure, amount, percentage or date that carries the argument.",
            ),
            label("Opinion", Rgb(0xc3, 0x8a, 0xd6), '4', "A judgement or prediction rather than a checkable fact."),
            label("Source", Rgb(0xe8, 0xc5, 0x47), '5', "Who or what the information is attributed to."),
        ];
        let sentiments = Self::sentiment_scale(ScalePreset::WithMixed, ids);
        Self { span_labels, sentiments, dimensions: Vec::new() }
    }

    /// A ready-made sentiment scale, with ids taken from `ids`.
    pub fn sentiment_scale(preset: ScalePreset, ids: &mut IdAllocator) -> Vec<SentimentLevel> {
        let mut level = |name: &str, color: Rgb, key: char, description: &str| SentimentLevel {
            id: SentimentId(ids.fresh()),
            name: name.to_owned(),
            color,
            key: Some(key),
            description: description.to_owned(),
        };
        match preset {
            ScalePreset::ThreePoint | ScalePreset::WithMixed => {
                let mut levels = vec![
                    level("Negative", Rgb(0xd6, 0x4f, 0x4f), 'n', "Hostile, critical or pessimistic."),
                    level("Neutral", Rgb(0x9e, 0x9e, 0x9e), 'u', "Factual or without a clear attitude."),
                    level("Positive", Rgb(0x4c, 0xaf, 0x50), 'p', "Approving, supportive or hopeful."),
                ];
                if preset == ScalePreset::WithMixed {
                    levels.push(level("Mixed", Rgb(0xe0, 0x9a, 0x3e), 'm', "Both negative and positive attitudes."));
                }
                levels
            }
            ScalePreset::FivePoint => vec![
                level("Very negative", Rgb(0xb7, 0x1c, 0x1c), 'v', "Openly hostile or contemptuous."),
                level("Negative", Rgb(0xe5, 0x73, 0x73), 'n', "Critical or pessimistic."),
                level("Neutral", Rgb(0x9e, 0x9e, 0x9e), 'u', "Factual or without a clear attitude."),
                level("Positive", Rgb(0x81, 0xc7, 0x84), 'p', "Approving or hopeful."),
                level("Very positive", Rgb(0x2e, 0x7d, 0x32), 'e', "Enthusiastic or warmly supportive."),
            ],
        }
    }

    /// The dimension with this id.
    pub fn dimension(&self, id: DimensionId) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// The span label with this id.
    pub fn label(&self, id: LabelId) -> Option<&SpanLabel> {
        self.span_labels.iter().find(|label| label.id == id)
    }

    /// The span label bound to `key`, compared without case.
    pub fn label_for_key(&self, key: char) -> Option<&SpanLabel> {
        self.span_labels.iter().find(|label| label.key.is_some_and(|k| k.eq_ignore_ascii_case(&key)))
    }

    /// The span label called `name`, compared as [`same_name`] does: how imports, merges and suggestions find a
    /// label another file or rule names.
    pub fn label_named(&self, name: &str) -> Option<&SpanLabel> {
        self.span_labels.iter().find(|label| same_name(&label.name, name))
    }

    /// The sentiment level called `name`, compared as [`same_name`] does.
    pub fn sentiment_named(&self, name: &str) -> Option<&SentimentLevel> {
        self.sentiments.iter().find(|level| same_name(&level.name, name))
    }

    /// The sentiment level with this id.
    pub fn sentiment(&self, id: SentimentId) -> Option<&SentimentLevel> {
        self.sentiments.iter().find(|level| level.id == id)
    }

    /// The sentiment level bound to `key`, compared without case.
    pub fn sentiment_for_key(&self, key: char) -> Option<&SentimentLevel> {
        self.sentiments.iter().find(|level| level.key.is_some_and(|k| k.eq_ignore_ascii_case(&key)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_without_case_in_any_script() {
        assert!(same_name(" Claim", "claim "));
        assert!(same_name("Цитата", "цитата"));
        assert!(!same_name("Claim", "Claims"));
    }

    #[test]
    fn colours_round_trip_as_hex() {
        let colour: Rgb = "#0a1B2c".parse().unwrap();
        assert_eq!(colour, Rgb(0x0a, 0x1b, 0x2c));
        assert_eq!(colour.to_string(), "#0a1b2c");
        assert!("0a1b2c".parse::<Rgb>().is_err());
        assert!("#0a1b2".parse::<Rgb>().is_err());
        assert!("#0a1b2ü".parse::<Rgb>().is_err());
    }

    #[test]
    fn default_schema_has_the_agreed_labels_and_scale() {
        let mut ids = IdAllocator::default();
        let schema = LabelSchema::news_default(&mut ids);
        let names: Vec<_> = schema.span_labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Claim", "Quote", "Statistic", "Opinion", "Source"]);
        let levels: Vec<_> = schema.sentiments.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(levels, ["Negative", "Neutral", "Positive", "Mixed"]);
        assert_eq!(schema.label_for_key('3').map(|l| l.name.as_str()), Some("Statistic"));
        assert_eq!(schema.sentiment_for_key('P').map(|l| l.name.as_str()), Some("Positive"));
        assert_eq!(ids.peek(), 10);
    }
}
