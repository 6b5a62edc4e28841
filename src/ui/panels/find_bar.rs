//! Finding text in the shown document (Ctrl+F): every match in the article and the comments, a count, and next
//! and previous. The find bar owns its query and its matches; the document view paints them.

use egui::{Key, Ui};

use crate::model::{DocId, Document, Target};
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;

/// One match: the text it is in and its code point range.
pub type Match = (Target, usize, usize);

/// The find bar: whether it is open, what it looks for, and what it found.
#[derive(Default)]
pub struct FindBar {
    open: bool,
    /// What to look for.
    query: String,
    /// Give the field the keyboard in the next frame.
    focus: bool,
    matches: Vec<Match>,
    current: Option<usize>,
    /// The query, document and revision the matches were found for.
    searched: Option<(String, DocId, u64)>,
}

impl FindBar {
    /// Opens the bar, or gives it the keyboard again.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// Closes the bar; its matches go with it.
    pub fn close(&mut self) {
        *self = Self::default();
    }

    /// The matches and which of them is the current one, for the view to paint.
    pub fn matches(&self) -> (&[Match], Option<usize>) {
        (&self.matches, self.current)
    }

    /// Moves to the next (or previous) match; the place to bring into view. Opens the bar if it is closed.
    pub fn step(&mut self, step: isize) -> Option<(Target, usize)> {
        if !self.open {
            self.open();
            return None;
        }
        let count = self.matches.len();
        if count == 0 {
            return None;
        }
        let next = match self.current {
            Some(current) => (current as isize + step).rem_euclid(count as isize) as usize,
            None if step > 0 => 0,
            None => count - 1,
        };
        self.current = Some(next);
        let (target, start, _) = self.matches[next];
        Some((target, start))
    }

    /// The bar above the article: field, count, previous, next, close.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        if !self.open {
            return;
        }
        let mut step = 0;
        let mut close = false;
        ui.horizontal(|ui| {
            let label = ui.label("Find:");
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .desired_width(240.0)
                    .hint_text("words in the article and comments"),
            );
            let field = field.labelled_by(label.id);
            if std::mem::take(&mut self.focus) {
                field.request_focus();
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                step = if ui.input(|i| i.modifiers.shift) { -1 } else { 1 };
                field.request_focus();
            }
            let count = self.matches.len();
            let status = match (count, self.current) {
                (0, _) if self.query.is_empty() => String::new(),
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
            self.close();
            return;
        }
        self.refresh(cx);
        if step != 0
            && let Some((target, offset)) = self.step(step)
        {
            cx.send(Intent::Reveal(target, offset));
        }
    }

    /// Finds the matches again when the query, the document or the project changed.
    fn refresh(&mut self, cx: &Ctx<'_>) {
        let Some(doc) = cx.selection.doc().and_then(|d| cx.project.document(d)) else { return };
        let key = (self.query.clone(), doc.id, cx.revision);
        if self.searched.as_ref() == Some(&key) {
            return;
        }
        self.matches = find_all(doc, &self.query);
        self.current = None;
        self.searched = Some(key);
    }
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
            orphans: Vec::new(),
            review: Vec::new(),
        };
        let found = find_all(&doc, "ереван");
        assert_eq!(found, [(Target::Body, 0, 6), (Target::Body, 11, 17), (Target::Body, 20, 26)]);
        assert!(find_all(&doc, "").is_empty());
    }
}
