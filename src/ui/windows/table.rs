//! The annotation table (a window): every highlight and comment of the document or the project, with who made it,
//! sortable and filterable; a click shows the annotation in the article.

use egui::{Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::model::{CommentId, DocId, Project, SpanId, Target};
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;

/// The window's title, which is also its identity among egui's layers.
pub const TITLE: &str = "Annotations";

/// What a row shows.
#[derive(Clone, Debug)]
pub struct Row {
    /// The document it is in.
    pub doc: DocId,
    /// The document's title.
    pub document: String,
    /// The highlight, for a highlight row.
    pub span: Option<SpanId>,
    /// The comment, for a comment row or a highlight in a comment.
    pub comment: Option<CommentId>,
    /// Label name ("Comment" for a comment row).
    pub label: String,
    /// Quote, or comment text.
    pub text: String,
    /// Speaker or comment author.
    pub speaker: String,
    /// Verdict of a highlight.
    pub verdict: String,
    /// Sentiment of the comment (the row's, or the one the highlight is in).
    pub sentiment: String,
    /// Note.
    pub note: String,
    /// Who made the highlight (empty for a comment row).
    pub annotator: String,
}

/// The columns, for sorting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    /// Document order.
    Place,
    /// By label.
    Label,
    /// By text.
    Text,
    /// By speaker.
    Speaker,
    /// By verdict.
    Verdict,
    /// By sentiment.
    Sentiment,
    /// By note.
    Note,
    /// By annotator.
    Annotator,
}

/// What the rows were built for: revision, scope, shown document, filter and sort.
type TableKey = (u64, bool, Option<DocId>, String, (Sort, bool));

/// The table window: whether it is open, its settings, and its rows, kept until the project changes.
pub struct AnnotationTable {
    /// Whether the window is open.
    pub open: bool,
    /// Whether the whole project is listed (else the shown document).
    pub whole_project: bool,
    /// Words every listed row must contain.
    pub filter: String,
    /// The column rows are sorted by, and whether descending.
    pub sort: (Sort, bool),
    rows: Vec<Row>,
    built_for: Option<TableKey>,
}

impl Default for AnnotationTable {
    fn default() -> Self {
        Self {
            open: false,
            whole_project: false,
            filter: String::new(),
            sort: (Sort::Place, false),
            rows: Vec::new(),
            built_for: None,
        }
    }
}

/// Every row of `project` (or of one document), in document order.
pub fn rows(project: &Project, only: Option<DocId>) -> Vec<Row> {
    let schema = &project.schema;
    let mut rows = Vec::new();
    for doc in project.documents.iter().filter(|d| only.is_none_or(|o| o == d.id)) {
        let sentiment_of = |comment: Option<CommentId>, who: &str| {
            comment
                .and_then(|c| doc.comment(c))
                .and_then(|c| c.sentiment_of(who))
                .and_then(|s| schema.sentiment(s))
                .map(|l| l.name.clone())
                .unwrap_or_default()
        };
        for span in doc.spans_in_reading_order() {
            let comment = match span.target {
                Target::Comment(c) => Some(c),
                Target::Body => None,
            };
            rows.push(Row {
                doc: doc.id,
                document: doc.title.clone(),
                span: Some(span.id),
                comment,
                label: schema.label(span.label).map(|l| l.name.clone()).unwrap_or_default(),
                text: span.quote(),
                speaker: span.speaker.clone(),
                verdict: span.verdict.name().to_owned(),
                sentiment: sentiment_of(comment, &span.annotator),
                note: span.note.clone(),
                annotator: span.annotator.clone(),
            });
        }
        for comment in &doc.comments {
            // A row per annotator who tagged the comment, so a merged project lists everyone's sentiment.
            let mut taggers: Vec<&str> = comment.tagged_by.keys().map(String::as_str).collect();
            if taggers.is_empty() {
                taggers.push("");
            }
            for who in taggers {
                rows.push(Row {
                    doc: doc.id,
                    document: doc.title.clone(),
                    span: None,
                    comment: Some(comment.id),
                    label: "Comment".to_owned(),
                    text: comment.text.clone(),
                    speaker: comment.author.clone(),
                    verdict: String::new(),
                    sentiment: sentiment_of(Some(comment.id), who),
                    note: comment.note.clone(),
                    annotator: who.to_owned(),
                });
            }
        }
    }
    rows
}

impl AnnotationTable {
    fn refresh(&mut self, project: &Project, revision: u64, shown: Option<DocId>) {
        let only = if self.whole_project { None } else { shown };
        let key = (revision, self.whole_project, only, self.filter.clone(), self.sort);
        if self.built_for.as_ref() == Some(&key) {
            return;
        }
        let words: Vec<String> = self.filter.split_whitespace().map(str::to_lowercase).collect();
        let mut rows: Vec<Row> = rows(project, only)
            .into_iter()
            .filter(|r| {
                let hay = format!(
                    "{} {} {} {} {} {} {} {}",
                    r.label, r.text, r.speaker, r.verdict, r.sentiment, r.note, r.document, r.annotator
                )
                .to_lowercase();
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect();
        let (sort, descending) = self.sort;
        let field = |r: &Row| -> String {
            match sort {
                Sort::Place => String::new(),
                Sort::Label => r.label.to_lowercase(),
                Sort::Text => r.text.to_lowercase(),
                Sort::Speaker => r.speaker.to_lowercase(),
                Sort::Verdict => r.verdict.clone(),
                Sort::Sentiment => r.sentiment.clone(),
                Sort::Note => r.note.to_lowercase(),
                Sort::Annotator => r.annotator.to_lowercase(),
            }
        };
        // A stable sort keeps document order among equals.
        rows.sort_by_cached_key(field);
        if descending {
            rows.reverse();
        }
        self.rows = rows;
        self.built_for = Some(key);
    }

    /// The window, while open; a click on a row shows its annotation.
    pub fn show(&mut self, egui: &egui::Context, cx: &mut Ctx<'_>) {
        let mut open = self.open;
        super::window(TITLE).open(&mut open).default_width(900.0).default_height(420.0).show(egui, |ui| {
            self.ui(ui, cx);
        });
        self.open = open;
    }

    /// The table; a click on a row shows the document, selects the highlight or focuses the comment, and brings
    /// it into view.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.whole_project, false, "This document");
            ui.selectable_value(&mut self.whole_project, true, "Whole project");
            ui.separator();
            let label = ui.label("Filter:");
            ui.add(
                egui::TextEdit::singleline(&mut self.filter).desired_width(220.0).hint_text("label, words, speaker …"),
            )
            .labelled_by(label.id);
        });
        self.refresh(cx.project, cx.revision, cx.selection.doc());
        ui.label(format!("{} row(s)", self.rows.len()));
        let mut clicked = None;
        let headers = [
            (Sort::Label, "Label"),
            (Sort::Text, "Text"),
            (Sort::Speaker, "Speaker / author"),
            (Sort::Verdict, "Verdict"),
            (Sort::Sentiment, "Sentiment"),
            (Sort::Note, "Note"),
            (Sort::Annotator, "Annotator"),
        ];
        TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .column(Column::initial(90.0))
            .column(Column::initial(320.0).clip(true))
            .columns(Column::initial(110.0).clip(true), 3)
            .column(Column::initial(160.0).clip(true))
            .column(Column::remainder().clip(true))
            .header(22.0, |mut header| {
                for (sort, title) in headers {
                    header.col(|ui| {
                        if super::sort_header_ui(ui, title, &sort, (&self.sort.0, self.sort.1)) {
                            self.sort = if self.sort.0 == sort { (sort, !self.sort.1) } else { (sort, false) };
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, self.rows.len(), |mut row| {
                    let data = &self.rows[row.index()];
                    let cells = [
                        &data.label,
                        &data.text,
                        &data.speaker,
                        &data.verdict,
                        &data.sentiment,
                        &data.note,
                        &data.annotator,
                    ];
                    for cell in cells {
                        row.col(|ui| {
                            let line: String = cell.lines().next().unwrap_or_default().chars().take(200).collect();
                            ui.add(egui::Label::new(line).truncate().selectable(false));
                        });
                    }
                    if row.response().clicked() {
                        clicked = Some(data.clone());
                    }
                });
            });
        if let Some(row) = clicked {
            if cx.selection.doc() != Some(row.doc) {
                cx.send(Intent::Show(row.doc));
            }
            match (row.span, row.comment) {
                (Some(span), comment) => {
                    let target = comment.map(Target::Comment);
                    cx.send(Intent::SelectSpan { span: Some(span), target, reveal: true });
                }
                (None, Some(comment)) => cx.send(Intent::FocusComment { comment, reveal: true }),
                (None, None) => {}
            }
        }
    }
}
