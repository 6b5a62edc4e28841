//! Agreement of comment sentiment: each comment an item with a value per annotator (missing allowed), for Cohen's
//! kappa (two annotators, the comments both tagged), Fleiss' kappa (the comments everyone tagged) and
//! Krippendorff's alpha, nominal and, on an ordered scale, ordinal.

use super::{Annotator, CommentAgreement};
use crate::analysis::agreement::{Level, Undefined, cohen_kappa, fleiss_kappa, krippendorff_alpha};
use crate::analysis::aligned::{Pair, label_key};
use crate::model::same_name;

/// The sentiment of every comment of the first annotator's documents, as each annotator tagged it.
pub(super) fn comment_agreement(annotators: &[Annotator<'_>], paired: &[Vec<Pair<'_>>]) -> CommentAgreement {
    let first = annotators[0].project;
    let scale: Vec<String> = first.schema.sentiments.iter().map(|l| l.name.clone()).collect();
    let mut names = scale.clone();
    let mut items: Vec<Vec<Option<usize>>> = Vec::new();
    for (d, reference) in first.documents.iter().enumerate() {
        for comment in &reference.comments {
            let tags: Vec<Option<usize>> = annotators
                .iter()
                .enumerate()
                .map(|(a, annotator)| {
                    let pair = &paired[a][d];
                    let other = pair.other?;
                    let theirs = other.comment(pair.other_comment(comment.id)?)?;
                    let level = annotator.project.schema.sentiment(annotator.sentiment_on(theirs)?)?;
                    Some(label_key(&mut names, &level.name) as usize)
                })
                .collect();
            if tags.iter().any(Option::is_some) {
                items.push(tags);
            }
        }
    }
    let categories = names.len();
    let units: Vec<Vec<usize>> = items.iter().map(|tags| tags.iter().flatten().copied().collect()).collect();
    let cohen = if annotators.len() == 2 {
        let both: Vec<(usize, usize)> = items.iter().filter_map(|t| Some((t[0]?, t[1]?))).collect();
        cohen_kappa(&both)
    } else {
        Err(Undefined("Cohen's kappa is for two annotators"))
    };
    let complete: Vec<Vec<usize>> = items
        .iter()
        .filter(|tags| tags.iter().all(Option::is_some))
        .map(|tags| {
            let mut counts = vec![0; categories];
            for tag in tags.iter().flatten() {
                counts[*tag] += 1;
            }
            counts
        })
        .collect();
    let ordered = ordered_scale(&scale) && names.len() == scale.len();
    CommentAgreement {
        items: items.len(),
        cohen_kappa: cohen,
        fleiss_kappa: fleiss_kappa(&complete),
        krippendorff_alpha_nominal: krippendorff_alpha(&units, categories, Level::Nominal),
        krippendorff_alpha_ordinal: if ordered {
            krippendorff_alpha(&units, categories, Level::Ordinal)
        } else {
            Err(Undefined("the sentiment scale is not an ordered one"))
        },
    }
}

/// Whether `scale` is one of the ordered presets (3- or 5-point), in order; a scale with Mixed is not.
fn ordered_scale(scale: &[String]) -> bool {
    let three = ["Negative", "Neutral", "Positive"];
    let five = ["Very negative", "Negative", "Neutral", "Positive", "Very positive"];
    let is = |preset: &[&str]| scale.len() == preset.len() && scale.iter().zip(preset).all(|(a, b)| same_name(a, b));
    is(&three) || is(&five)
}
