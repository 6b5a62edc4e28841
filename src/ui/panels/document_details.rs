//! The document's title, metadata and note, editable, for repairing what an import got wrong.

use egui::Ui;

use super::fields::text_field_ui;
use crate::edit::{MetaField, TextField};
use crate::model::Document;
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;

/// A collapsible section with every field of the document's header.
pub fn document_details_ui(ui: &mut Ui, cx: &mut Ctx<'_>, doc: &Document) {
    egui::CollapsingHeader::new("Document details").id_salt(("details", doc.id)).show(ui, |ui| {
        text_field_ui(ui, cx, ("Title", &doc.title), TextField::DocumentTitle(doc.id), false, None);
        let meta = &doc.metadata;
        let fields = [
            ("Site", MetaField::Site, &meta.site),
            ("Dateline", MetaField::Dateline, &meta.dateline),
            ("Byline", MetaField::Byline, &meta.byline),
            ("Date", MetaField::Date, &meta.date),
            ("Language", MetaField::Language, &meta.language),
            ("Caption", MetaField::Caption, &meta.caption),
        ];
        for (label, field, value) in fields {
            let value = value.as_deref().unwrap_or_default();
            text_field_ui(ui, cx, (label, value), TextField::Meta(doc.id, field), false, None);
        }
        text_field_ui(ui, cx, ("Document note", &doc.note), TextField::DocumentNote(doc.id), true, None);
        if let Some(source) = &meta.source_file {
            ui.weak(format!("Imported from {source}"));
        }
        ui.weak("Right-click a paragraph to mark where the comments start.");
        attach_ui(ui, cx, doc);
    });
}

/// Moving this document's comments under another document, e.g. a spreadsheet of comments under its article.
fn attach_ui(ui: &mut Ui, cx: &mut Ctx<'_>, doc: &Document) {
    let project = cx.project;
    if doc.comments.is_empty() || project.documents.len() < 2 {
        return;
    }
    ui.separator();
    ui.label("Attach these comments to another document:");
    for other in project.documents.iter().filter(|d| d.id != doc.id) {
        let title: String = other.title.chars().take(48).collect();
        if ui.button(format!("→ {title}")).on_hover_text(&other.title).clicked() {
            cx.send(Intent::Edit(crate::edit::fixup::attach_comments(doc, other)));
        }
    }
}
