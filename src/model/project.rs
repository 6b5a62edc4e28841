//! The project: everything one annotation effort holds.

use serde::{Deserialize, Serialize};

use super::document::Document;
use super::ids::{DocId, IdAllocator};
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
}

impl Project {
    /// An empty project with the default news schema.
    pub fn new(name: impl Into<String>) -> Self {
        let mut ids = IdAllocator::default();
        let schema = LabelSchema::news_default(&mut ids);
        Self { name: name.into(), annotator: String::new(), next_id: ids, schema, documents: Vec::new() }
    }

    /// The document with this id.
    pub fn document(&self, id: DocId) -> Option<&Document> {
        self.documents.iter().find(|doc| doc.id == id)
    }

    /// Position of the document with this id.
    pub fn document_index(&self, id: DocId) -> Option<usize> {
        self.documents.iter().position(|doc| doc.id == id)
    }

    /// Mutable access for the edit layer, which is the only writer of a project.
    pub(crate) fn document_mut(&mut self, id: DocId) -> Option<&mut Document> {
        self.documents.iter_mut().find(|doc| doc.id == id)
    }
}
