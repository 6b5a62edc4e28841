//! The class window: every student compared with the open project as the answer key, sortable, and for the student
//! chosen the highlights to look at (missed, extra, off by their boundaries, mislabelled) and the comments tagged
//! otherwise, each a click away from its place in the article.

use std::path::PathBuf;

use egui::{Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::analysis::compare::{Comparison, Finding, score};
use crate::model::class::ClassNotes;
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;
use crate::ui::jobs::class::ClassResult;
use crate::ui::overlay::{Overlay, Style};

/// The window's title, which is also its identity among egui's layers.
pub const TITLE: &str = "Class against the key";

/// What the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sort {
    Student,
    Score,
    Exact,
    Overlap,
    Kappa,
    Missed,
    Extra,
}

/// The class window's state: the last comparison, its order, and the student chosen.
pub struct ClassWindow {
    /// Whether the window is shown.
    pub open: bool,
    students: Vec<(PathBuf, Comparison)>,
    failed: Vec<(PathBuf, String)>,
    sort: (Sort, bool),
    chosen: Option<PathBuf>,
    /// The rubric and feedback, as read from beside the key and as changed here.
    notes: ClassNotes,
    /// Why the notes beside the key could not be read; then they are not written over.
    notes_unreadable: Option<String>,
    /// Whether the notes changed since they were read or saved.
    notes_changed: bool,
    /// Whether the chosen student's work is drawn over the article.
    over_article: bool,
    /// The student whose work the article shows now (as last sent), if any.
    drawn: Option<PathBuf>,
}

impl Default for ClassWindow {
    fn default() -> Self {
        Self {
            open: false,
            students: Vec::new(),
            failed: Vec::new(),
            sort: (Sort::Score, true),
            chosen: None,
            notes: ClassNotes::default(),
            notes_unreadable: None,
            notes_changed: false,
            over_article: true,
            drawn: None,
        }
    }
}

impl ClassWindow {
    /// Takes in a finished comparison and opens the window.
    pub fn present(&mut self, results: ClassResult) {
        self.students.clear();
        self.failed.clear();
        (self.notes, self.notes_unreadable) = match results.notes {
            Ok(notes) => (notes, None),
            Err(why) => (ClassNotes::default(), Some(why)),
        };
        self.notes_changed = false;
        for (file, result) in results.students {
            match result {
                Ok(comparison) => self.students.push((file, comparison)),
                Err(why) => self.failed.push((file, why)),
            }
        }
        self.chosen = None;
        // What the article showed was of the last comparison.
        self.drawn = Some(PathBuf::new());
        self.sort_rows();
        self.open = true;
    }

    /// How many students were compared, and how many files could not be read.
    pub fn counts(&self) -> (usize, usize) {
        (self.students.len(), self.failed.len())
    }

    fn sort_rows(&mut self) {
        let (sort, descending) = self.sort;
        let number = |c: &Comparison| match sort {
            Sort::Score => c.score,
            Sort::Exact => c.exact.f1,
            Sort::Overlap => c.overlap.f1,
            Sort::Kappa => c.comments.cohen_kappa.unwrap_or(f64::NEG_INFINITY),
            Sort::Missed => c.missed.len() as f64,
            Sort::Extra => c.extra.len() as f64,
            Sort::Student => 0.0,
        };
        if sort == Sort::Student {
            self.students.sort_by_cached_key(|(_, c)| c.annotator.to_lowercase());
        } else {
            self.students.sort_by(|a, b| number(&a.1).total_cmp(&number(&b.1)));
        }
        if descending {
            self.students.reverse();
        }
    }

    /// The window, while open; the chosen student's work over the article while it is open.
    pub fn show(&mut self, egui: &egui::Context, cx: &mut Ctx<'_>) {
        let mut open = self.open;
        super::window(TITLE).open(&mut open).default_width(860.0).default_height(520.0).show(egui, |ui| {
            self.ui(ui, cx);
        });
        self.open = open;
        self.draw_over_article(cx);
    }

    /// Sends the overlay of the chosen student when it changes, and takes it away when the window closes.
    fn draw_over_article(&mut self, cx: &mut Ctx<'_>) {
        let wanted = self.chosen.clone().filter(|_| self.open && self.over_article);
        if wanted == self.drawn {
            return;
        }
        let overlay = wanted.as_ref().and_then(|file| self.students.iter().find(|(f, _)| f == file));
        cx.send(Intent::Overlay(overlay.map(|(_, c)| Box::new(Overlay::of(cx.project, c)))));
        self.drawn = wanted;
    }

    /// The table of students and, below it, what the chosen student should look at.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        ui.label(format!(
            "{} student(s) compared with this project as the key. Score: overlap F1 of the highlights and the share of \
             comments tagged as the key tags them, weighed as below.",
            self.students.len()
        ));
        for (file, why) in &self.failed {
            ui.colored_label(ui.visuals().error_fg_color, format!("Could not read {}: {why}", file.display()));
        }
        self.rubric_ui(ui, cx);
        self.table_ui(ui);
        ui.separator();
        let chosen = self.chosen.as_ref().and_then(|file| self.students.iter().find(|(f, _)| f == file));
        match chosen {
            Some((file, comparison)) => {
                let key = ClassNotes::key_of(file);
                let feedback = self.notes.feedback.entry(key).or_default();
                let label = ui.label(format!("Feedback to {}:", comparison.annotator));
                let edit = ui.add(egui::TextEdit::multiline(feedback).desired_rows(2).desired_width(f32::INFINITY));
                if edit.labelled_by(label.id).changed() {
                    self.notes_changed = true;
                }
                ui.horizontal_wrapped(|ui| {
                    ui.checkbox(&mut self.over_article, "Show their work over the article:");
                    for style in Style::ALL {
                        ui.colored_label(style.color(), style.meaning());
                    }
                });
                egui::ScrollArea::vertical().id_salt("class findings").show(ui, |ui| findings_ui(ui, cx, comparison));
            }
            None => {
                ui.weak("Click a student to see what to look at in their work.");
            }
        }
    }

    /// The rubric (how much the highlights weigh against the comment tags) and the button that keeps it and the
    /// feedback beside the key.
    fn rubric_ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        ui.horizontal(|ui| {
            let total = self.notes.rubric.spans + self.notes.rubric.comments;
            let mut percent = if total > 0.0 { 100.0 * self.notes.rubric.spans / total } else { 70.0 };
            let label = ui.label("Highlights weigh (%):");
            let slider = ui.add(egui::Slider::new(&mut percent, 0.0..=100.0).step_by(5.0)).labelled_by(label.id);
            ui.label("the rest is comment tags");
            if slider.changed() {
                self.notes.rubric.spans = percent / 100.0;
                self.notes.rubric.comments = 1.0 - percent / 100.0;
                self.notes_changed = true;
                for (_, c) in &mut self.students {
                    c.score = score(self.notes.rubric, &c.overlap, &c.comments);
                }
                self.sort_rows();
            }
            let can_save = self.notes_changed && self.notes_unreadable.is_none();
            let save = ui.add_enabled(can_save, egui::Button::new("Save class notes"));
            if save.clicked() {
                let mut notes = self.notes.clone();
                notes.feedback.retain(|_, text| !text.trim().is_empty());
                cx.send(Intent::SaveClassNotes(Box::new(notes)));
                self.notes_changed = false;
            }
        });
        if let Some(why) = &self.notes_unreadable {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("The class notes beside the key could not be read, so they are not written over: {why}"),
            );
        }
    }

    fn table_ui(&mut self, ui: &mut Ui) {
        let headers = [
            (Sort::Student, "Student"),
            (Sort::Score, "Score"),
            (Sort::Exact, "Exact F1"),
            (Sort::Overlap, "Overlap F1"),
            (Sort::Kappa, "Kappa"),
            (Sort::Missed, "Missed"),
            (Sort::Extra, "Extra"),
        ];
        let mut resort = None;
        let mut clicked = None;
        TableBuilder::new(ui)
            .id_salt("class table")
            .striped(true)
            .sense(Sense::click())
            .max_scroll_height(220.0)
            .column(Column::initial(220.0).clip(true))
            .columns(Column::initial(84.0), headers.len() - 1)
            .header(22.0, |mut header| {
                for (sort, title) in headers {
                    header.col(|ui| {
                        if super::sort_header_ui(ui, title, &sort, (&self.sort.0, self.sort.1)) {
                            resort = Some(sort);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, self.students.len(), |mut row| {
                    let (file, c) = &self.students[row.index()];
                    row.set_selected(self.chosen.as_ref() == Some(file));
                    let kappa = c.comments.cohen_kappa.map_or_else(|_| "n/a".to_owned(), |k| format!("{k:.2}"));
                    let cells = [
                        c.annotator.clone(),
                        format!("{:.1}", c.score),
                        format!("{:.2}", c.exact.f1),
                        format!("{:.2}", c.overlap.f1),
                        kappa,
                        c.missed.len().to_string(),
                        c.extra.len().to_string(),
                    ];
                    for cell in cells {
                        row.col(|ui| {
                            ui.add(egui::Label::new(cell).truncate().selectable(false));
                        });
                    }
                    if row.response().clicked() {
                        clicked = Some(file.clone());
                    }
                });
            });
        if let Some(sort) = resort {
            self.sort = if self.sort.0 == sort { (sort, !self.sort.1) } else { (sort, sort != Sort::Student) };
            self.sort_rows();
        }
        if let Some(file) = clicked {
            self.chosen = Some(file);
        }
    }
}

/// The chosen student's lists; a click on an entry shows its place in the key's article, selected.
fn findings_ui(ui: &mut Ui, cx: &mut Ctx<'_>, c: &Comparison) {
    ui.strong(format!("{}: score {:.1}", c.annotator, c.score));
    let sections: [(&str, &[Finding]); 4] = [
        ("Missed (in the key, not found)", &c.missed),
        ("Extra (found, not in the key)", &c.extra),
        ("Other boundaries", &c.boundary),
        ("Other label", &c.wrong_label),
    ];
    for (title, findings) in sections {
        ui.collapsing(format!("{title}: {}", findings.len()), |ui| {
            for finding in findings {
                let quote: String = finding.quote.chars().take(80).collect();
                let mut text = format!("{} “{quote}”", finding.label);
                if let Some((_, label)) = &finding.against {
                    text.push_str(&format!(" — the student's: {label}"));
                }
                if ui.link(text).clicked() {
                    reveal(cx, finding);
                }
            }
        });
    }
    let differences = &c.comments.differences;
    ui.collapsing(format!("Comments tagged otherwise: {}", differences.len()), |ui| {
        for d in differences {
            let comment = cx.project.document(d.doc).and_then(|doc| {
                let index = doc.comment_index(d.comment)?;
                let comment = &doc.comments[index];
                let number = comment.number.clone().unwrap_or_else(|| (index + 1).to_string());
                Some(format!("#{number} {}", comment.author))
            });
            let text = format!(
                "Comment {}: the key {}, the student {}",
                comment.unwrap_or_else(|| d.comment.to_string()),
                d.key.as_deref().unwrap_or("untagged"),
                d.student.as_deref().unwrap_or("untagged")
            );
            if ui.link(text).clicked() {
                if cx.selection.doc() != Some(d.doc) {
                    cx.send(Intent::Show(d.doc));
                }
                cx.send(Intent::FocusComment { comment: d.comment, reveal: true });
            }
        }
    });
}

/// Shows a finding's document and selects its text, brought into view.
fn reveal(cx: &mut Ctx<'_>, finding: &Finding) {
    let range = (finding.ranges.first().map_or(0, |r| r.0), finding.ranges.last().map_or(0, |r| r.1));
    super::show_text(cx, finding.doc, finding.target, range);
}
