//! The project: everything one annotation effort holds.

use serde::{Deserialize, Serialize};

use super::class::Exercise;
use super::conflict::Conflict;
use super::document::Document;
use super::ids::{DocId, IdAllocator};
use super::provenance::Rejection;
use super::schema::LabelSchema;

/// A set of documents annotated with one label schema by one annotator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Name shown in the window title and in exports.
    pub name: String,
    /// The person annotating; recorded on every span they make. Editable.
    pub annotator: String,
    /// The counter every new id is taken from; it only grows.
    pub next_id: IdAllocator,
    /// Labels and sentiment scale.
    pub schema: LabelSchema,
    /// The documents, in the order the user sees them.
    pub documents: Vec<Document>,
    /// Set when the project is an exercise made from an answer key.
    pub exercise: Option<Exercise>,
    /// What a three-way merge left for the user to decide.
    pub conflicts: Vec<Conflict>,
    /// Suggestions annotators turned down, so that they are not suggested again.
    pub rejected: Vec<Rejection>,
}

impl Project {
    /// An empty project with the default news schema.
    pub fn new(name: impl Into<String>) -> Self {
        let mut ids = IdAllocator::default();
        let schema = LabelSchema::news_default(&mut ids);
        Self {
            name: name.into(),
            annotator: String::new(),
            next_id: ids,
            schema,
            documents: Vec::new(),
            exercise: None,
            conflicts: Vec::new(),
            rejected: Vec::new(),
        }
    }

    /// The document with this id.
    pub fn document(&self, id: DocId) -> Option<&Document> {
        self.documents.iter().find(|doc| doc.id == id)
    }

    /// Position of the document with this id.
    pub fn document_index(&self, id: DocId) -> Option<usize> {
        self.documents.iter().position(|doc| doc.id == id)
    }

    /// Everyone whose work the project holds (highlights or comment tags), in order of first appearance, the
    /// project's own annotator first when they have work; names that differ only in case count once. Unsigned
    /// work is not a person and is left out.
    pub fn annotators(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let mut add = |name: &str| {
            let name = name.trim();
            if !name.is_empty() && !names.iter().any(|n| super::same_name(n, name)) {
                names.push(name.to_owned());
            }
        };
        for doc in &self.documents {
            doc.spans.iter().for_each(|s| add(&s.annotator));
            doc.comments.iter().flat_map(|c| c.tagged_by.keys()).for_each(|who| add(who));
        }
        if let Some(at) = names.iter().position(|n| super::same_name(n, &self.annotator)) {
            let own = names.remove(at);
            names.insert(0, own);
        }
        names
    }

    /// Mutable access for the edit layer, which is the only writer of a project.
    pub(crate) fn document_mut(&mut self, id: DocId) -> Option<&mut Document> {
        self.documents.iter_mut().find(|doc| doc.id == id)
    }
}
