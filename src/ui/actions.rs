//! Every user action with its name, shortcut and menu: the one list that menus, shortcuts, the command palette
//! and the list of shortcuts are made from.

use egui::{Key, KeyboardShortcut, Modifiers};

/// The menu an action appears in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// File menu.
    File,
    /// Edit menu.
    Edit,
    /// The shown document as a whole: bringing in a newer version of it.
    Document,
    /// Moving around the document.
    Go,
    /// Panes, zoom, theme.
    View,
    /// Help menu.
    Help,
}

impl Menu {
    /// Every menu, in menu-bar order.
    pub const ALL: [Self; 6] = [Self::File, Self::Edit, Self::Document, Self::Go, Self::View, Self::Help];

    /// The menu's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::Edit => "Edit",
            Self::Document => "Document",
            Self::Go => "Go",
            Self::View => "View",
            Self::Help => "Help",
        }
    }
}

/// Something the user can ask for by menu, shortcut or the command palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Start an empty project with the standard labels.
    NewProject,
    /// Open a project file.
    Open,
    /// Add article files to the project.
    Import,
    /// Add every article in a folder to the project.
    ImportFolder,
    /// Show the report of the last import again.
    ImportReport,
    /// Make a new document from the clipboard.
    Paste,
    /// Save to the current file.
    Save,
    /// Save to a new file.
    SaveAs,
    /// Write the label schema to a file of its own.
    ExportSchema,
    /// Replace the label schema with one from a file.
    ImportSchema,
    /// Export the project or a document as a dataset.
    Export,
    /// Compare students' projects with this one as the answer key.
    CompareStudents,
    /// Measure how far this project agrees with other annotators' projects of the same articles.
    AgreeWithOthers,
    /// Measure how far the annotators of this project's highlights agree.
    AgreeWithin,
    /// Make an exercise for a class from this project as the answer key.
    NewExercise,
    /// Merge other people's projects of the same articles into this one.
    MergeProjects,
    /// Close the window.
    Quit,
    /// Take back the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Delete the selected highlight.
    RemoveHighlight,
    /// Clear the text selection and the selected highlight.
    ClearSelection,
    /// Add the selected text as another range of the highlight selected before.
    AddRange,
    /// Move the end of the selected highlight one word on.
    ExtendEnd,
    /// Move the end of the selected highlight one word back.
    ShrinkEnd,
    /// Move the start of the selected highlight one word back.
    ExtendStart,
    /// Move the start of the selected highlight one word on.
    ShrinkStart,
    /// Search the document.
    Find,
    /// Go to the next search match.
    FindNext,
    /// Go to the previous search match.
    FindPrevious,
    /// Suggest quotes, statistics and comment sentiment for the annotator to accept or reject.
    Suggest,
    /// Review the next suggestion (Tab while reviewing).
    NextSuggestion,
    /// Review the previous suggestion (Shift+Tab while reviewing).
    PreviousSuggestion,
    /// Accept the suggestion under review as the annotator's work.
    AcceptSuggestion,
    /// Reject the suggestion under review; it is not suggested to this annotator again.
    RejectSuggestion,
    /// Accept every open suggestion of the kind under review in this document.
    AcceptAllOfKind,
    /// Bring in a newer version of the shown document's article; its work is carried to the new text.
    UpdateDocument,
    /// List the highlights an update left to review, and the orphans kept.
    ReviewUpdate,
    /// Focus the next comment.
    NextComment,
    /// Focus the previous comment.
    PreviousComment,
    /// Select the next highlight.
    NextHighlight,
    /// Select the previous highlight.
    PreviousHighlight,
    /// Show the next document.
    NextDocument,
    /// Show the previous document.
    PreviousDocument,
    /// Open the table of all annotations.
    AnnotationTable,
    /// Open the guidelines (label descriptions).
    Guidelines,
    /// Open the numbers: counts and charts.
    Dashboard,
    /// Open the label editor.
    EditLabels,
    /// List what a three-way merge left to decide.
    MergeConflicts,
    /// Snap new selections to whole words, or not.
    ToggleSnap,
    /// Switch between light, dark and the system's theme.
    SwitchTheme,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Text at its normal size.
    ZoomReset,
    /// List every action to run one by typing its name.
    CommandPalette,
    /// Show every shortcut.
    Shortcuts,
}

const fn shortcut(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const COMMAND: Modifiers = Modifiers::COMMAND;
const COMMAND_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const SHIFT: Modifiers = Modifiers::SHIFT;
const ALT_SHIFT: Modifiers = Modifiers::ALT.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;

impl Action {
    /// Every action, in menu order.
    pub const ALL: [Self; 55] = [
        Self::NewProject,
        Self::Open,
        Self::Import,
        Self::ImportFolder,
        Self::Paste,
        Self::ImportReport,
        Self::Save,
        Self::SaveAs,
        Self::Export,
        Self::ExportSchema,
        Self::ImportSchema,
        Self::CompareStudents,
        Self::AgreeWithOthers,
        Self::AgreeWithin,
        Self::NewExercise,
        Self::MergeProjects,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::RemoveHighlight,
        Self::ClearSelection,
        Self::AddRange,
        Self::ExtendEnd,
        Self::ShrinkEnd,
        Self::ExtendStart,
        Self::ShrinkStart,
        Self::Find,
        Self::FindNext,
        Self::FindPrevious,
        Self::Suggest,
        Self::NextSuggestion,
        Self::PreviousSuggestion,
        Self::AcceptSuggestion,
        Self::RejectSuggestion,
        Self::AcceptAllOfKind,
        Self::UpdateDocument,
        Self::ReviewUpdate,
        Self::NextComment,
        Self::PreviousComment,
        Self::NextHighlight,
        Self::PreviousHighlight,
        Self::NextDocument,
        Self::PreviousDocument,
        Self::AnnotationTable,
        Self::Guidelines,
        Self::Dashboard,
        Self::EditLabels,
        Self::MergeConflicts,
        Self::ToggleSnap,
        Self::SwitchTheme,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::CommandPalette,
        Self::Shortcuts,
    ];

    /// Every action, in menu order.
    pub fn all() -> impl Iterator<Item = Self> {
        Self::ALL.into_iter()
    }

    /// Every action, those with more modifiers first, because egui matches Ctrl+S also when Shift is held.
    pub fn by_shortcut_precedence() -> Vec<Self> {
        let weight = |m: &Modifiers| u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl);
        let mut actions: Vec<Self> = Self::all().collect();
        actions.sort_by_key(|a| std::cmp::Reverse(a.shortcuts().iter().map(|s| weight(&s.modifiers)).max()));
        actions
    }

    /// The name shown in menus.
    pub fn name(self) -> &'static str {
        match self {
            Self::NewProject => "New project",
            Self::Open => "Open project…",
            Self::Import => "Import articles…",
            Self::ImportFolder => "Import folder…",
            Self::Paste => "Paste as new document",
            Self::ImportReport => "Last import report",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::Export => "Export dataset…",
            Self::ExportSchema => "Export labels…",
            Self::ImportSchema => "Load labels…",
            Self::CompareStudents => "Compare students with this key…",
            Self::AgreeWithOthers => "Agreement with other annotators…",
            Self::AgreeWithin => "Agreement among this project's annotators",
            Self::NewExercise => "New exercise from this project…",
            Self::MergeProjects => "Merge other projects into this one…",
            Self::MergeConflicts => "Merge conflicts",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::RemoveHighlight => "Remove highlight",
            Self::ClearSelection => "Clear selection",
            Self::AddRange => "Add selection to highlight",
            Self::ExtendEnd => "Extend highlight end",
            Self::ShrinkEnd => "Shrink highlight end",
            Self::ExtendStart => "Extend highlight start",
            Self::ShrinkStart => "Shrink highlight start",
            Self::Find => "Find…",
            Self::FindNext => "Find next",
            Self::FindPrevious => "Find previous",
            Self::Suggest => "Suggest…",
            Self::NextSuggestion => "Next suggestion",
            Self::PreviousSuggestion => "Previous suggestion",
            Self::AcceptSuggestion => "Accept suggestion",
            Self::RejectSuggestion => "Reject suggestion",
            Self::AcceptAllOfKind => "Accept all suggestions of this kind",
            Self::UpdateDocument => "Update from newer version…",
            Self::ReviewUpdate => "Review update…",
            Self::NextComment => "Next comment",
            Self::PreviousComment => "Previous comment",
            Self::NextHighlight => "Next highlight",
            Self::PreviousHighlight => "Previous highlight",
            Self::NextDocument => "Next document",
            Self::PreviousDocument => "Previous document",
            Self::AnnotationTable => "Annotation table",
            Self::Guidelines => "Guidelines",
            Self::Dashboard => "Numbers and charts",
            Self::EditLabels => "Edit labels…",
            Self::ToggleSnap => "Snap selections to words",
            Self::SwitchTheme => "Switch theme (system, light, dark)",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ZoomReset => "Actual size",
            Self::CommandPalette => "Command palette…",
            Self::Shortcuts => "Keyboard shortcuts",
        }
    }

    /// The keys that trigger the action; the first is the one menus show.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Self::NewProject => const { &[shortcut(COMMAND, Key::N)] },
            Self::Open => const { &[shortcut(COMMAND, Key::O)] },
            Self::Import => const { &[shortcut(COMMAND, Key::I)] },
            Self::ImportFolder => const { &[shortcut(COMMAND_SHIFT, Key::I)] },
            Self::Save => const { &[shortcut(COMMAND, Key::S)] },
            Self::SaveAs => const { &[shortcut(COMMAND_SHIFT, Key::S)] },
            Self::Export => const { &[shortcut(COMMAND, Key::E)] },
            Self::Quit => const { &[shortcut(COMMAND, Key::Q)] },
            Self::Undo => const { &[shortcut(COMMAND, Key::Z)] },
            Self::Redo => const { &[shortcut(COMMAND_SHIFT, Key::Z), shortcut(COMMAND, Key::Y)] },
            Self::RemoveHighlight => const { &[shortcut(NONE, Key::Delete), shortcut(NONE, Key::Backspace)] },
            Self::ClearSelection => const { &[shortcut(NONE, Key::Escape)] },
            Self::AddRange => const { &[shortcut(COMMAND_SHIFT, Key::A)] },
            Self::ExtendEnd => const { &[shortcut(SHIFT, Key::ArrowRight)] },
            Self::ShrinkEnd => const { &[shortcut(SHIFT, Key::ArrowLeft)] },
            Self::ExtendStart => const { &[shortcut(ALT_SHIFT, Key::ArrowLeft)] },
            Self::ShrinkStart => const { &[shortcut(ALT_SHIFT, Key::ArrowRight)] },
            Self::Find => const { &[shortcut(COMMAND, Key::F)] },
            Self::FindNext => const { &[shortcut(NONE, Key::F3)] },
            Self::FindPrevious => const { &[shortcut(SHIFT, Key::F3)] },
            Self::Suggest => const { &[shortcut(COMMAND_SHIFT, Key::G)] },
            Self::NextSuggestion => const { &[shortcut(NONE, Key::Tab)] },
            Self::PreviousSuggestion => const { &[shortcut(SHIFT, Key::Tab)] },
            Self::AcceptSuggestion => const { &[shortcut(NONE, Key::Enter), shortcut(NONE, Key::A)] },
            Self::RejectSuggestion => const { &[shortcut(NONE, Key::X), shortcut(NONE, Key::Backspace)] },
            Self::AcceptAllOfKind => const { &[shortcut(SHIFT, Key::Enter)] },
            Self::NextComment => const { &[shortcut(NONE, Key::J), shortcut(NONE, Key::ArrowDown)] },
            Self::PreviousComment => const { &[shortcut(NONE, Key::K), shortcut(NONE, Key::ArrowUp)] },
            Self::NextHighlight => const { &[shortcut(NONE, Key::Tab)] },
            Self::PreviousHighlight => const { &[shortcut(SHIFT, Key::Tab)] },
            Self::NextDocument => const { &[shortcut(COMMAND, Key::PageDown)] },
            Self::PreviousDocument => const { &[shortcut(COMMAND, Key::PageUp)] },
            Self::AnnotationTable => const { &[shortcut(COMMAND, Key::T)] },
            Self::Guidelines => const { &[shortcut(COMMAND, Key::G)] },
            Self::Dashboard => const { &[shortcut(COMMAND, Key::D)] },
            Self::EditLabels => const { &[shortcut(COMMAND, Key::L)] },
            Self::ZoomIn => const { &[shortcut(COMMAND, Key::Plus), shortcut(COMMAND, Key::Equals)] },
            Self::ZoomOut => const { &[shortcut(COMMAND, Key::Minus)] },
            Self::ZoomReset => const { &[shortcut(COMMAND, Key::Num0)] },
            Self::CommandPalette => const { &[shortcut(COMMAND_SHIFT, Key::P)] },
            Self::Shortcuts => const { &[shortcut(NONE, Key::F1)] },
            Self::Paste
            | Self::ImportReport
            | Self::ExportSchema
            | Self::ImportSchema
            | Self::CompareStudents
            | Self::AgreeWithOthers
            | Self::AgreeWithin
            | Self::NewExercise
            | Self::MergeProjects
            | Self::MergeConflicts
            | Self::UpdateDocument
            | Self::ReviewUpdate
            | Self::ToggleSnap
            | Self::SwitchTheme => &[],
        }
    }

    /// The menu that lists the action.
    pub fn menu(self) -> Menu {
        match self {
            Self::NewProject
            | Self::Open
            | Self::Import
            | Self::ImportFolder
            | Self::Paste
            | Self::ImportReport
            | Self::Save
            | Self::SaveAs
            | Self::Export
            | Self::ExportSchema
            | Self::ImportSchema
            | Self::CompareStudents
            | Self::AgreeWithOthers
            | Self::AgreeWithin
            | Self::NewExercise
            | Self::MergeProjects
            | Self::Quit => Menu::File,
            Self::Undo
            | Self::Redo
            | Self::RemoveHighlight
            | Self::ClearSelection
            | Self::AddRange
            | Self::ExtendEnd
            | Self::ShrinkEnd
            | Self::ExtendStart
            | Self::ShrinkStart
            | Self::Find
            | Self::FindNext
            | Self::FindPrevious
            | Self::Suggest
            | Self::NextSuggestion
            | Self::PreviousSuggestion
            | Self::AcceptSuggestion
            | Self::RejectSuggestion
            | Self::AcceptAllOfKind => Menu::Edit,
            Self::UpdateDocument | Self::ReviewUpdate => Menu::Document,
            Self::NextComment
            | Self::PreviousComment
            | Self::NextHighlight
            | Self::PreviousHighlight
            | Self::NextDocument
            | Self::PreviousDocument => Menu::Go,
            Self::AnnotationTable
            | Self::Guidelines
            | Self::Dashboard
            | Self::EditLabels
            | Self::MergeConflicts
            | Self::ToggleSnap
            | Self::SwitchTheme
            | Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomReset => Menu::View,
            Self::CommandPalette | Self::Shortcuts => Menu::Help,
        }
    }

    /// Whether the action acts on the document view's selection and so must not fire while a text field has
    /// the keyboard (where Delete and Escape belong to the field).
    pub fn needs_view_focus(self) -> bool {
        matches!(
            self,
            Self::RemoveHighlight
                | Self::ClearSelection
                | Self::ExtendEnd
                | Self::ShrinkEnd
                | Self::ExtendStart
                | Self::ShrinkStart
                | Self::NextComment
                | Self::PreviousComment
                | Self::NextHighlight
                | Self::PreviousHighlight
                | Self::NextSuggestion
                | Self::PreviousSuggestion
                | Self::AcceptSuggestion
                | Self::RejectSuggestion
                | Self::AcceptAllOfKind
        )
    }

    /// Whether the action acts on the suggestion under review, and so has its keys only while suggestions are
    /// reviewed: then Tab, Shift+Tab and Backspace walk and reject suggestions rather than highlights, and
    /// Enter, A and X are free for other use otherwise.
    pub fn reviews(self) -> bool {
        matches!(
            self,
            Self::NextSuggestion
                | Self::PreviousSuggestion
                | Self::AcceptSuggestion
                | Self::RejectSuggestion
                | Self::AcceptAllOfKind
        )
    }

    /// Actions of `menu` in menu order.
    pub fn in_menu(menu: Menu) -> impl Iterator<Item = Self> {
        Self::all().filter(move |action| action.menu() == menu)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_listed_once_and_no_shortcut_is_shared() {
        // The review keys are live only while suggestions are reviewed, so they are unique among themselves.
        for reviewing in [false, true] {
            let mut seen = Vec::new();
            for action in Action::ALL.into_iter().filter(|a| a.reviews() == reviewing) {
                assert_eq!(Action::ALL.iter().filter(|a| **a == action).count(), 1, "{action:?}");
                for shortcut in action.shortcuts() {
                    assert!(!seen.contains(shortcut), "{shortcut:?} is used twice");
                    seen.push(*shortcut);
                }
            }
        }
        // The menus list the actions in `ALL`'s order, menu by menu.
        let menus: Vec<Menu> = Action::ALL.iter().map(|a| a.menu()).collect();
        let mut sorted = menus.clone();
        sorted.sort_by_key(|m| Menu::ALL.iter().position(|x| x == m));
        assert_eq!(menus, sorted, "ALL is in menu order");
        let order = Action::by_shortcut_precedence();
        let position = |a| order.iter().position(|x| *x == a).unwrap();
        assert!(position(Action::SaveAs) < position(Action::Save));
        assert!(position(Action::Redo) < position(Action::Undo));
        assert!(position(Action::ImportFolder) < position(Action::Import));
        assert!(position(Action::PreviousHighlight) < position(Action::NextHighlight));
        assert!(position(Action::ExtendStart) < position(Action::ShrinkEnd));
    }

    #[test]
    fn the_readme_names_every_action() {
        let readme = include_str!("../../README.md").to_lowercase();
        for action in Action::all() {
            let name = action.name().to_lowercase();
            assert!(readme.contains(&name), "README.md does not mention {name:?}");
        }
    }
}
