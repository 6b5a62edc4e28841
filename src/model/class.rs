//! What a teacher keeps beside an answer key: how a score weighs highlights against comment tags, and a feedback
//! note per student.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What makes a project an exercise handed to a class: the teacher's instructions and an id that student files
/// carry so that they can be told apart from other work on the same articles.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Exercise {
    /// Stable id of the exercise, the same in every student's file.
    pub id: String,
    /// What the teacher asks the class to do, shown when a student opens the file.
    pub instructions: String,
}

/// How a score out of 100 weighs highlights against comment tags.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// The weight of the overlap F1 of highlights.
    pub spans: f64,
    /// The weight of the share of comments tagged as the key tags them.
    pub comments: f64,
}

impl Default for Rubric {
    /// Highlights count 70, comment tags 30: finding the claims and quotes is most of the exercise.
    fn default() -> Self {
        Self { spans: 0.7, comments: 0.3 }
    }
}

impl Rubric {
    /// Whether the weights can score anything: finite, not negative, not both zero.
    pub fn is_sound(&self) -> bool {
        let ok = |w: f64| w.is_finite() && w >= 0.0;
        ok(self.spans) && ok(self.comments) && self.spans + self.comments > 0.0
    }
}

/// The class notes of a key: its rubric and the teacher's feedback to each student, by student file name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassNotes {
    /// How scores are weighed.
    #[serde(default)]
    pub rubric: Rubric,
    /// Feedback per student, by the name of their project file.
    #[serde(default)]
    pub feedback: BTreeMap<String, String>,
}

impl ClassNotes {
    /// The name by which the feedback to the student whose project is `file` is kept: the file's name.
    pub fn key_of(file: &std::path::Path) -> String {
        file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    }

    /// The feedback to the student whose project is `file`, or nothing.
    pub fn feedback_for(&self, file: &std::path::Path) -> &str {
        self.feedback.get(&Self::key_of(file)).map_or("", String::as_str)
    }
}
