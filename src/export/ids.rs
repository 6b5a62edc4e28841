//! Names and identifiers that exports give to projects, documents and comments.

use crate::model::{Comment, Document, Project};

/// A file-name-safe form of `name`: letters and digits (of any script) kept, everything else one `-`, at most 60
/// characters; `fallback` when nothing is left.
pub fn slug(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { fallback.to_owned() } else { out }
}

/// The file stem of a document in folder exports: its id first, so that names are unique and sort in project
/// order, then its title.
pub fn document_stem(doc: &Document) -> String {
    format!("{:04}-{}", doc.id.0, slug(&doc.title, "document"))
}

/// The IRI of the project, under which documents, comments and annotations are named. Letters outside ASCII
/// are percent-encoded, so the name is also a plain URI, which some validators insist on.
pub fn project_iri(project: &Project) -> String {
    let mut iri = String::from("urn:gloss:");
    for c in slug(&project.name, "project").chars() {
        if c.is_ascii() {
            iri.push(c);
        } else {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                iri.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    iri
}

/// The IRI of a document's text: its web address when the import recorded one, else a name under the project.
pub fn document_iri(project: &Project, doc: &Document) -> String {
    match doc.metadata.extra.get("url") {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => url.clone(),
        _ => format!("{}:doc:{}", project_iri(project), doc.id.0),
    }
}

/// The IRI of one comment's text.
pub fn comment_iri(project: &Project, doc: &Document, comment: &Comment) -> String {
    let base = document_iri(project, doc);
    if base.starts_with("urn:") {
        format!("{base}:comment:{}", comment.id.0)
    } else {
        format!("{base}#gloss-comment-{}", comment.id.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_names_become_ascii_uris() {
        let project = Project::new("Ани 😀 news");
        assert_eq!(project_iri(&project), "urn:gloss:%D0%B0%D0%BD%D0%B8-news");
    }

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(slug("Harbour Levy: “Cannot Wait”!", "x"), "harbour-levy-cannot-wait");
        assert_eq!(slug("Հայերեն 中文", "x"), "հայերեն-中文");
        assert_eq!(slug("?!", "document"), "document");
    }
}
