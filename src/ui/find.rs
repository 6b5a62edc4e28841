//! Finding text in the shown document (Ctrl+F): every match in the article and the comments, a count, and next
//! and previous.

use egui::{Key, Ui};

use super::app::GlossApp;
use crate::model::{Document, Target};

/// The find bar's state while it is open.
#[derive(Default)]
pub struct FindBar {
    /// What to look for.
    pub query: String,
    /// Give the field the keyboard in the next frame.
    pub focus: bool,
    /// The query, document and revision the matches were found for.
    searched: Option<(String, crate::model::DocId, u64)>,
}

/// Every place `query` occurs in `doc`, case-insensitively, in reading order: the body, then each comment.
pub fn find_all(doc: &Document, query: &str) -> Vec<(Target, usize, usize)> {
    let needle: Vec<char> = query.chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let targets = std::iter::once((Target::Body, doc.body.as_str()))
        .chain(doc.comments.iter().map(|c| (Target::Comment(c.id), c.text.as_str())));
    let mut found = Vec::new();
    for (target, text) in targets {
        // One folded character per character of the text, so that offsets stay those of the text.
        let hay: Vec<char> = text.chars().map(fold).collect();
        let mut at = 0;
        while at + needle.len() <= hay.len() {
            if hay[at..at + needle.len()] == needle[..] {
                found.push((target, at, at + needle.len()));
                at += needle.len();
            } else {
                at += 1;
            }
        }
    }
    found
}

/// A character's lower-case form where that is a single character (so positions do not move).
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

impl GlossApp {
    /// Opens the find bar, or gives it the keyboard again.
    pub(super) fn open_find(&mut self) {
        let bar = self.find.get_or_insert_with(FindBar::default);
        bar.focus = true;
    }

    /// Moves to the next (or previous) match and brings it into view.
    pub(super) fn step_match(&mut self, step: isize) {
        if self.find.is_none() {
            self.open_find();
            return;
        }
        let count = self.view.find_matches.len();
        if count == 0 {
            return;
        }
        let next = match self.view.find_current {
            Some(current) => (current as isize + step).rem_euclid(count as isize) as usize,
            None if step > 0 => 0,
            None => count - 1,
        };
        self.view.find_current = Some(next);
        let (target, start, _) = self.view.find_matches[next];
        self.view.scroll_to_offset = Some((target, start));
    }

    /// The find bar above the article: field, count, previous, next, close.
    pub(super) fn find_bar_ui(&mut self, ui: &mut Ui) {
        let Some(bar) = &mut self.find else { return };
        let mut step = 0;
        let mut close = false;
        ui.horizontal(|ui| {
            let label = ui.label("Find:");
            let field = ui.add(
                egui::TextEdit::singleline(&mut bar.query)
                    .desired_width(240.0)
                    .hint_text("words in the article and comments"),
            );
            let field = field.labelled_by(label.id);
            if std::mem::take(&mut bar.focus) {
                field.request_focus();
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                step = if ui.input(|i| i.modifiers.shift) { -1 } else { 1 };
                field.request_focus();
            }
            let count = self.view.find_matches.len();
            let status = match (count, self.view.find_current) {
                (0, _) if bar.query.is_empty() => String::new(),
                (0, _) => "no matches".to_owned(),
                (n, Some(i)) => format!("{} of {n}", i + 1),
                (n, None) => format!("{n} matches"),
            };
            ui.label(status);
            if ui.add_enabled(count > 0, egui::Button::new("Previous match")).clicked() {
                step = -1;
            }
            if ui.add_enabled(count > 0, egui::Button::new("Next match")).clicked() {
                step = 1;
            }
            // egui takes the keyboard from a field on Escape, so "had it until now" counts too.
            let escape = (field.has_focus() || field.lost_focus()) && ui.input(|i| i.key_pressed(Key::Escape));
            close = ui.button("Close find").clicked() || escape;
        });
        if close {
            self.find = None;
            self.view.find_matches.clear();
            self.view.find_current = None;
            return;
        }
        self.refresh_matches();
        if step != 0 {
            self.step_match(step);
        }
    }

    /// Finds the matches again when the query, the document or the project changed.
    fn refresh_matches(&mut self) {
        let Some(bar) = &mut self.find else { return };
        let project = self.session.project();
        let Some(doc) = self.view.doc.and_then(|d| project.document(d)) else { return };
        let key = (bar.query.clone(), doc.id, self.session.editor().revision());
        if bar.searched.as_ref() == Some(&key) {
            return;
        }
        self.view.find_matches = find_all(doc, &bar.query);
        self.view.find_current = None;
        bar.searched = Some(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, Metadata};

    #[test]
    fn finds_every_match_in_code_points_without_case() {
        let doc = Document {
            id: DocId(1),
            title: String::new(),
            metadata: Metadata::default(),
            body: "Ереван and ЕРЕВАН 😀 ереван".to_owned(),
            comments: Vec::new(),
            spans: Vec::new(),
            note: String::new(),
        };
        let found = find_all(&doc, "ереван");
        assert_eq!(found, [(Target::Body, 0, 6), (Target::Body, 11, 17), (Target::Body, 20, 26)]);
        assert!(find_all(&doc, "").is_empty());
    }
}
