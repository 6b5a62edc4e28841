//! The label editor (a window): span labels (name, colour, key, description, order), the sentiment scale
//! (presets or custom) and further comment dimensions. Every change is one `SetSchema` command; a deletion that
//! would orphan highlights or tags asks first and takes them away in the same undoable step. And the guidelines
//! window, which lists the labels' descriptions.

use egui::{RichText, Ui};

use crate::ui::actions::Action;
use crate::ui::colors::name_color;
use crate::ui::context::Ctx;
use crate::ui::intent::Intent;
use crate::ui::windows::questions::ModalResult;

use super::questions::question_ui;
use crate::edit::Command;
use crate::model::{
    Dimension, DimensionId, DimensionValue, IdAllocator, LabelId, LabelSchema, Project, Rgb, ScalePreset, SentimentId,
    SpanLabel, ValueId,
};

/// The label editor's title, which is also its identity among egui's layers.
pub const LABELS_TITLE: &str = "Labels";

/// The guidelines' title, which is also its identity among egui's layers.
pub const GUIDELINES_TITLE: &str = "Guidelines";

/// The label editor window: whether it is open, and a change waiting for "Remove them" or "Cancel".
#[derive(Default)]
pub struct LabelsWindow {
    /// Whether the window is open.
    pub open: bool,
    pending: Option<PendingChange>,
}

impl LabelsWindow {
    /// Whether it asks before a change.
    pub fn asking(&self) -> bool {
        self.pending.is_some()
    }

    /// The window, while open, and the question before a change that removes annotations.
    pub fn show(&mut self, egui: &egui::Context, cx: &mut Ctx<'_>) {
        let mut open = self.open;
        let mut request = None;
        super::window(LABELS_TITLE).open(&mut open).default_width(720.0).show(egui, |ui| {
            request = labels_editor_ui(ui, cx.project);
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Export labels…").clicked() {
                    cx.send(Intent::Run(Action::ExportSchema));
                }
                if ui.button("Load labels…").clicked() {
                    cx.send(Intent::Run(Action::ImportSchema));
                }
            });
        });
        self.open = open;
        match request {
            Some(SchemaChange::Apply(command)) => cx.send(Intent::Edit(command)),
            Some(SchemaChange::Confirm(pending)) => self.pending = Some(pending),
            None => {}
        }
        self.confirm_ui(egui, cx);
    }

    fn confirm_ui(&mut self, egui: &egui::Context, cx: &mut Ctx<'_>) {
        let Some(pending) = &self.pending else { return };
        let body = |ui: &mut Ui| {
            ui.label(&pending.message);
        };
        let answer =
            question_ui(egui, "confirm_label_change", "Remove annotations?", body, &["Remove them", "Cancel"], Some(0));
        match answer {
            ModalResult::Pending => {}
            ModalResult::Done(0) => {
                for command in self.pending.take().map(|p| p.commands).unwrap_or_default() {
                    cx.send(Intent::Edit(command));
                }
            }
            ModalResult::Done(_) | ModalResult::Cancelled => self.pending = None,
        }
    }
}

/// The guidelines window: the labels and levels with their descriptions.
#[derive(Default)]
pub struct GuidelinesWindow {
    /// Whether the window is open.
    pub open: bool,
}

impl GuidelinesWindow {
    /// The window, while open.
    pub fn show(&mut self, egui: &egui::Context, cx: &Ctx<'_>) {
        let mut open = self.open;
        // As tall as its text (up to the screen, then it scrolls), so that the last guideline is never cut off:
        // the window offers the screen's height, and the scroll area shrinks to what it holds.
        let most = (egui.content_rect().height() - 120.0).max(200.0);
        super::window(GUIDELINES_TITLE)
            .open(&mut open)
            .default_width(420.0)
            .default_height(most)
            .resizable([true, false])
            .show(egui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, true])
                    .max_height(most)
                    .show(ui, |ui| guidelines_ui(ui, cx.project));
            });
        self.open = open;
    }
}

/// A change that removes things in use, waiting for the user to confirm it.
struct PendingChange {
    /// What will be lost, in a sentence.
    pub message: String,
    /// The commands that make the change, applied as one step.
    pub commands: Vec<Command>,
}

/// What the editor made of the user's changes.
enum SchemaChange {
    /// Apply this command.
    Apply(Command),
    /// Ask before applying.
    Confirm(PendingChange),
}

/// Draws the editor for `project`'s schema; returns what the user changed.
fn labels_editor_ui(ui: &mut Ui, project: &Project) -> Option<SchemaChange> {
    let mut schema = project.schema.clone();
    let mut request = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading("Highlight labels");
        request = request.take().or(span_labels_ui(ui, project, &mut schema));
        ui.separator();
        ui.heading("Comment sentiment");
        request = request.take().or(sentiment_ui(ui, project, &mut schema));
        ui.separator();
        ui.heading("Further comment dimensions");
        request = request.take().or(dimensions_ui(ui, project, &mut schema));
    });
    request.or_else(|| {
        (schema != project.schema).then(|| SchemaChange::Apply(Command::SetSchema { schema: Box::new(schema) }))
    })
}

fn name_field(ui: &mut Ui, name: &mut String, what: &str) {
    ui.add_sized([130.0, 20.0], egui::TextEdit::singleline(name)).on_hover_text(what);
}

fn description_field(ui: &mut Ui, description: &mut String, hint: &str) {
    let shown = if description.is_empty() { "(none yet)".to_owned() } else { description.clone() };
    ui.add_sized([300.0, 20.0], egui::TextEdit::singleline(description).hint_text(hint))
        .on_hover_text(format!("Description, shown as the guideline: {shown}"));
}

/// The width of a key field, in points.
const KEY_WIDTH: f32 = 34.0;

fn key_field(ui: &mut Ui, key: &mut Option<char>, name: &str) {
    let mut text = key.map(String::from).unwrap_or_default();
    // Wide enough for the widest letter (M, W) with the field's margins, and centred.
    let edit = egui::TextEdit::singleline(&mut text).char_limit(1).align(egui::Align2::CENTER_CENTER);
    let field = ui.add_sized([KEY_WIDTH, 20.0], edit);
    let field = field.on_hover_text(format!("The key for {name}"));
    if field.changed() {
        *key = text.chars().next();
    }
}

fn color_field(ui: &mut Ui, color: &mut Rgb) {
    let mut rgb = [color.0, color.1, color.2];
    if ui.color_edit_button_srgb(&mut rgb).changed() {
        *color = Rgb(rgb[0], rgb[1], rgb[2]);
    }
}

fn span_labels_ui(ui: &mut Ui, project: &Project, schema: &mut LabelSchema) -> Option<SchemaChange> {
    let mut request = None;
    let count = schema.span_labels.len();
    let mut swap = None;
    for (index, label) in schema.span_labels.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            color_field(ui, &mut label.color);
            name_field(ui, &mut label.name, "Label name");
            key_field(ui, &mut label.key, &label.name);
            description_field(ui, &mut label.description, "what it is for");
            if ui
                .add_enabled(index > 0, egui::Button::new("Up"))
                .on_hover_text(format!("Move {} up", label.name))
                .clicked()
            {
                swap = Some((index - 1, index));
            }
            let down = egui::Button::new("Down");
            if ui.add_enabled(index + 1 < count, down).on_hover_text(format!("Move {} down", label.name)).clicked() {
                swap = Some((index, index + 1));
            }
            if ui.button(format!("Delete {}", label.name)).clicked() {
                request = Some(delete_label(project, label.id));
            }
        });
    }
    if let Some((a, b)) = swap {
        schema.span_labels.swap(a, b);
    }
    if ui.button("Add label").clicked() {
        let used: Vec<char> = schema.span_labels.iter().filter_map(|l| l.key).collect();
        let key = ('1'..='9').find(|k| !used.contains(k));
        schema.span_labels.push(SpanLabel {
            id: LabelId(0),
            name: format!("Label {}", count + 1),
            color: crate::model::NEW_COLORS[count % crate::model::NEW_COLORS.len()],
            key,
            description: String::new(),
        });
    }
    request
}

/// Deleting a label takes its highlights with it, after asking if there are any.
fn delete_label(project: &Project, label: LabelId) -> SchemaChange {
    let mut schema = project.schema.clone();
    schema.span_labels.retain(|l| l.id != label);
    let commands: Vec<Command> = project
        .documents
        .iter()
        .flat_map(|d| {
            d.spans.iter().filter(|s| s.label == label).map(|s| Command::RemoveSpan { doc: d.id, span: s.id })
        })
        .collect();
    let name = project.schema.label(label).map(|l| l.name.clone()).unwrap_or_default();
    let used = commands.len();
    schema_change("Delete label", commands, schema, || {
        format!("Delete the label \"{name}\"? {used} highlight(s) use it and will be removed too.")
    })
}

/// A schema change with the edits that keep the project consistent with it (`clearing`), as one undo step: at
/// once if it clears nothing, else after the question `message` gives.
fn schema_change(
    name: &'static str,
    mut clearing: Vec<Command>,
    schema: LabelSchema,
    message: impl FnOnce() -> String,
) -> SchemaChange {
    let cleared = clearing.len();
    clearing.push(Command::SetSchema { schema: Box::new(schema) });
    let batch = Command::batch(name, clearing);
    if cleared == 0 {
        return SchemaChange::Apply(batch);
    }
    SchemaChange::Confirm(PendingChange { message: message(), commands: vec![batch] })
}

fn sentiment_ui(ui: &mut Ui, project: &Project, schema: &mut LabelSchema) -> Option<SchemaChange> {
    let mut request = None;
    ui.horizontal(|ui| {
        ui.label("Scale:");
        for (preset, name) in [
            (ScalePreset::ThreePoint, "3-point"),
            (ScalePreset::FivePoint, "5-point"),
            (ScalePreset::WithMixed, "with Mixed"),
        ] {
            if ui.button(name).on_hover_text("Replace the scale").clicked() {
                let mut ids = IdAllocator::default();
                let mut levels = LabelSchema::sentiment_scale(preset, &mut ids);
                // Levels of the same name keep their ids, and so their tags.
                for level in &mut levels {
                    level.id = schema.sentiments.iter().find(|o| o.name == level.name).map_or(SentimentId(0), |o| o.id);
                }
                request = Some(replace_sentiments(project, levels));
            }
        }
    });
    let mut removed = None;
    for level in &mut schema.sentiments {
        ui.horizontal(|ui| {
            color_field(ui, &mut level.color);
            name_field(ui, &mut level.name, "Level name");
            key_field(ui, &mut level.key, &level.name);
            description_field(ui, &mut level.description, "when to use it");
            if ui.button(format!("Delete {}", level.name)).clicked() {
                removed = Some(level.id);
            }
        });
    }
    if let Some(id) = removed {
        let levels = schema.sentiments.iter().filter(|l| l.id != id).cloned().collect();
        request = Some(replace_sentiments(project, levels));
    }
    if ui.button("Add sentiment level").clicked() {
        schema.sentiments.push(crate::model::SentimentLevel {
            id: SentimentId(0),
            name: format!("Level {}", schema.sentiments.len() + 1),
            color: crate::model::NEW_COLORS[schema.sentiments.len() % crate::model::NEW_COLORS.len()],
            key: None,
            description: String::new(),
        });
    }
    request
}

/// A new scale clears the tags of levels it no longer has, after asking.
fn replace_sentiments(project: &Project, levels: Vec<crate::model::SentimentLevel>) -> SchemaChange {
    let mut schema = project.schema.clone();
    schema.sentiments = levels;
    let mut commands: Vec<Command> = Vec::new();
    for doc in &project.documents {
        for comment in &doc.comments {
            for (who, level) in comment.sentiments() {
                if !schema.sentiments.iter().any(|l| l.id == level) {
                    let annotator = Some(who.to_owned());
                    commands.push(Command::SetSentiment {
                        doc: doc.id,
                        comment: comment.id,
                        annotator,
                        sentiment: None,
                    });
                }
            }
        }
    }
    let cleared = commands.len();
    schema_change("Change sentiment scale", commands, schema, || {
        format!("{cleared} comment(s) are tagged with levels the new scale does not have; their tags will be cleared.")
    })
}

fn dimensions_ui(ui: &mut Ui, project: &Project, schema: &mut LabelSchema) -> Option<SchemaChange> {
    let mut request = None;
    ui.weak("Tag comments in ways of your own, e.g. stance or toxicity. Values are separated by commas.");
    for dimension in &mut schema.dimensions {
        ui.horizontal(|ui| {
            name_field(ui, &mut dimension.name, "Dimension name");
            let mut values = dimension.values.iter().map(|v| v.name.clone()).collect::<Vec<_>>().join(", ");
            let field = ui.add_sized([300.0, 20.0], egui::TextEdit::singleline(&mut values));
            let field = field.on_hover_text(format!("Values of {}, separated by commas", dimension.name));
            if field.changed() {
                let names: Vec<String> =
                    values.split(',').map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()).collect();
                // Values keep their ids where their name stays, so tags survive a reordering.
                let old = dimension.values.clone();
                dimension.values = names
                    .into_iter()
                    .map(|name| DimensionValue {
                        id: old.iter().find(|v| v.name == name).map_or(ValueId(0), |v| v.id),
                        name,
                    })
                    .collect();
            }
            if ui.button(format!("Delete {}", dimension.name)).clicked() {
                request = Some(delete_dimension(project, dimension.id));
            }
        });
    }
    ui.horizontal(|ui| {
        let mut add = |name: &str, values: &[&str], description: &str| {
            schema.dimensions.push(Dimension {
                id: DimensionId(0),
                name: name.to_owned(),
                description: description.to_owned(),
                values: values.iter().map(|v| DimensionValue { id: ValueId(0), name: (*v).to_owned() }).collect(),
            });
        };
        if ui.button("Add stance").clicked() {
            add("Stance", &["agrees", "disagrees", "off-topic"], "The comment's position on the article.");
        }
        if ui.button("Add toxicity").clicked() {
            add("Toxicity", &["yes", "no"], "Insults, threats or slurs.");
        }
        if ui.button("Add dimension").clicked() {
            add("New dimension", &["yes", "no"], "");
        }
    });
    request
}

fn delete_dimension(project: &Project, dimension: DimensionId) -> SchemaChange {
    let mut schema = project.schema.clone();
    schema.dimensions.retain(|d| d.id != dimension);
    let mut commands: Vec<Command> = Vec::new();
    for doc in &project.documents {
        for comment in &doc.comments {
            for (who, _) in comment.tagged_by.iter().filter(|(_, t)| t.tags.contains_key(&dimension)) {
                let (doc, comment, annotator) = (doc.id, comment.id, Some(who.clone()));
                commands.push(Command::SetCommentTag { doc, comment, annotator, dimension, value: None });
            }
        }
    }
    let cleared = commands.len();
    schema_change("Delete dimension", commands, schema, || {
        format!("{cleared} comment(s) are tagged in this dimension; their tags will be cleared.")
    })
}

/// The guidelines: each label, level and dimension with its description.
fn guidelines_ui(ui: &mut Ui, project: &Project) {
    let schema = &project.schema;
    ui.heading("Highlights");
    for label in &schema.span_labels {
        let key = label.key.map(|k| format!("  ({})", k.to_uppercase())).unwrap_or_default();
        ui.label(RichText::new(format!("{}{key}", label.name)).strong().color(name_color(ui.visuals(), label.color)));
        ui.label(if label.description.is_empty() { "(no description)" } else { &label.description });
        ui.add_space(4.0);
    }
    ui.heading("Comment sentiment");
    for level in &schema.sentiments {
        let key = level.key.map(|k| format!("  ({})", k.to_uppercase())).unwrap_or_default();
        ui.label(RichText::new(format!("{}{key}", level.name)).strong().color(name_color(ui.visuals(), level.color)));
        ui.label(&level.description);
    }
    if !schema.dimensions.is_empty() {
        ui.heading("Further dimensions");
        for dimension in &schema.dimensions {
            let values: Vec<&str> = dimension.values.iter().map(|v| v.name.as_str()).collect();
            ui.label(RichText::new(format!("{}: {}", dimension.name, values.join(", "))).strong());
            ui.label(&dimension.description);
        }
    }
    ui.add_space(6.0);
}
