//! An exercise made from an answer key: what a class receives.

use crate::model::{Exercise, Project, SpanId};

/// The exercise a teacher hands out from `key`: the same documents with the same ids (so each student's work is
/// matched to the key), the label schema with its descriptions (the guidelines), the teacher's `instructions`, no
/// annotations but the highlights in `examples` (kept as worked examples, the teacher's), no annotator (each
/// student is asked their name), and an exercise id that every student's file carries.
pub fn exercise(key: &Project, instructions: &str, examples: &[SpanId]) -> Project {
    let mut exercise = key.clone();
    exercise.annotator = String::new();
    exercise.conflicts.clear();
    for doc in &mut exercise.documents {
        doc.spans.retain(|s| examples.contains(&s.id));
        doc.note.clear();
        for comment in &mut doc.comments {
            comment.tagged_by.clear();
            comment.note.clear();
        }
    }
    exercise.exercise =
        Some(Exercise { id: exercise_id(key, instructions), instructions: instructions.trim().to_owned() });
    exercise
}

/// An id that tells this exercise from others made of the same key: the key's name, the moment it is made and
/// the instructions, hashed.
fn exercise_id(key: &Project, instructions: &str) -> String {
    let now = jiff::Timestamp::now();
    let seed = format!("{}\u{0}{}\u{0}{instructions}\u{0}{}", key.name, now, std::process::id());
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(seed.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exercise_keeps_the_texts_and_ids_and_only_the_chosen_examples() {
        let key = crate::store::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/projects/sample.ron")))
            .unwrap();
        let example = key.documents[0].spans[0].id;
        let made = exercise(&key, "  Highlight every claim.  ", &[example]);
        assert_eq!(made.documents.len(), key.documents.len());
        let (doc, original) = (&made.documents[0], &key.documents[0]);
        assert_eq!((doc.id, &doc.body), (original.id, &original.body));
        assert_eq!(
            doc.comments.iter().map(|c| c.id).collect::<Vec<_>>(),
            original.comments.iter().map(|c| c.id).collect::<Vec<_>>()
        );
        assert_eq!(doc.spans.iter().map(|s| s.id).collect::<Vec<_>>(), [example]);
        assert!(doc.comments.iter().all(|c| c.tagged_by.is_empty()));
        assert_eq!(made.schema, key.schema, "the labels and their guidelines");
        assert!(made.annotator.is_empty());
        let info = made.exercise.as_ref().unwrap();
        assert_eq!(info.instructions, "Highlight every claim.");
        assert_eq!(info.id.len(), 16);
        assert_ne!(exercise(&key, "", &[]).exercise.unwrap().id, "", "every exercise has an id");
        assert!(made.problems().is_empty());
    }
}
