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
    /// Moving around the document.
    Go,
    /// Panes, zoom, theme.
    View,
    /// Help menu.
    Help,
}

impl Menu {
    /// Every menu, in menu-bar order.
    pub const ALL: [Self; 5] = [Self::File, Self::Edit, Self::Go, Self::View, Self::Help];

    /// The menu's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::Edit => "Edit",
            Self::Go => "Go",
            Self::View => "View",
            Self::Help => "Help",
        }
    }
}

/// Something the user can ask for by menu, shortcut or the command palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
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

type Row = (Action, &'static str, Menu, &'static [KeyboardShortcut]);

/// Name, menu and shortcuts of every action, in menu order.
const TABLE: &[Row] = &[
    (Action::Open, "Open project…", Menu::File, &[shortcut(COMMAND, Key::O)]),
    (Action::Import, "Import articles…", Menu::File, &[shortcut(COMMAND, Key::I)]),
    (Action::ImportFolder, "Import folder…", Menu::File, &[shortcut(COMMAND_SHIFT, Key::I)]),
    (Action::Paste, "Paste as new document", Menu::File, &[]),
    (Action::ImportReport, "Last import report", Menu::File, &[]),
    (Action::Save, "Save", Menu::File, &[shortcut(COMMAND, Key::S)]),
    (Action::SaveAs, "Save as…", Menu::File, &[shortcut(COMMAND_SHIFT, Key::S)]),
    (Action::Export, "Export dataset…", Menu::File, &[shortcut(COMMAND, Key::E)]),
    (Action::ExportSchema, "Export labels…", Menu::File, &[]),
    (Action::ImportSchema, "Load labels…", Menu::File, &[]),
    (Action::Quit, "Quit", Menu::File, &[shortcut(COMMAND, Key::Q)]),
    (Action::Undo, "Undo", Menu::Edit, &[shortcut(COMMAND, Key::Z)]),
    (Action::Redo, "Redo", Menu::Edit, &[shortcut(COMMAND_SHIFT, Key::Z), shortcut(COMMAND, Key::Y)]),
    (
        Action::RemoveHighlight,
        "Remove highlight",
        Menu::Edit,
        &[shortcut(NONE, Key::Delete), shortcut(NONE, Key::Backspace)],
    ),
    (Action::ClearSelection, "Clear selection", Menu::Edit, &[shortcut(NONE, Key::Escape)]),
    (Action::AddRange, "Add selection to highlight", Menu::Edit, &[shortcut(COMMAND_SHIFT, Key::A)]),
    (Action::ExtendEnd, "Extend highlight end", Menu::Edit, &[shortcut(SHIFT, Key::ArrowRight)]),
    (Action::ShrinkEnd, "Shrink highlight end", Menu::Edit, &[shortcut(SHIFT, Key::ArrowLeft)]),
    (Action::ExtendStart, "Extend highlight start", Menu::Edit, &[shortcut(ALT_SHIFT, Key::ArrowLeft)]),
    (Action::ShrinkStart, "Shrink highlight start", Menu::Edit, &[shortcut(ALT_SHIFT, Key::ArrowRight)]),
    (Action::Find, "Find…", Menu::Edit, &[shortcut(COMMAND, Key::F)]),
    (Action::FindNext, "Find next", Menu::Edit, &[shortcut(NONE, Key::F3)]),
    (Action::FindPrevious, "Find previous", Menu::Edit, &[shortcut(SHIFT, Key::F3)]),
    (Action::NextComment, "Next comment", Menu::Go, &[shortcut(NONE, Key::J), shortcut(NONE, Key::ArrowDown)]),
    (Action::PreviousComment, "Previous comment", Menu::Go, &[shortcut(NONE, Key::K), shortcut(NONE, Key::ArrowUp)]),
    (Action::NextHighlight, "Next highlight", Menu::Go, &[shortcut(NONE, Key::Tab)]),
    (Action::PreviousHighlight, "Previous highlight", Menu::Go, &[shortcut(SHIFT, Key::Tab)]),
    (Action::NextDocument, "Next document", Menu::Go, &[shortcut(COMMAND, Key::PageDown)]),
    (Action::PreviousDocument, "Previous document", Menu::Go, &[shortcut(COMMAND, Key::PageUp)]),
    (Action::AnnotationTable, "Annotation table", Menu::View, &[shortcut(COMMAND, Key::T)]),
    (Action::Guidelines, "Guidelines", Menu::View, &[shortcut(COMMAND, Key::G)]),
    (Action::Dashboard, "Numbers and charts", Menu::View, &[shortcut(COMMAND, Key::D)]),
    (Action::EditLabels, "Edit labels…", Menu::View, &[shortcut(COMMAND, Key::L)]),
    (Action::ToggleSnap, "Snap selections to words", Menu::View, &[]),
    (Action::SwitchTheme, "Switch theme (system, light, dark)", Menu::View, &[]),
    (Action::ZoomIn, "Zoom in", Menu::View, &[shortcut(COMMAND, Key::Plus), shortcut(COMMAND, Key::Equals)]),
    (Action::ZoomOut, "Zoom out", Menu::View, &[shortcut(COMMAND, Key::Minus)]),
    (Action::ZoomReset, "Actual size", Menu::View, &[shortcut(COMMAND, Key::Num0)]),
    (Action::CommandPalette, "Command palette…", Menu::Help, &[shortcut(COMMAND_SHIFT, Key::P)]),
    (Action::Shortcuts, "Keyboard shortcuts", Menu::Help, &[shortcut(NONE, Key::F1)]),
];

impl Action {
    fn row(self) -> &'static Row {
        TABLE.iter().find(|row| row.0 == self).unwrap_or(&TABLE[0])
    }

    /// Every action, in menu order.
    pub fn all() -> impl Iterator<Item = Self> {
        TABLE.iter().map(|row| row.0)
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
        self.row().1
    }

    /// The keys that trigger the action; the first is the one menus show.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        self.row().3
    }

    /// The menu that lists the action.
    pub fn menu(self) -> Menu {
        self.row().2
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
        )
    }

    /// Actions of `menu` in menu order.
    pub fn in_menu(menu: Menu) -> impl Iterator<Item = Self> {
        TABLE.iter().filter(move |row| row.2 == menu).map(|row| row.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_row_and_no_shortcut_is_shared() {
        let mut seen = Vec::new();
        for (action, ..) in TABLE {
            assert_eq!(TABLE.iter().filter(|r| r.0 == *action).count(), 1, "{action:?}");
            for shortcut in action.shortcuts() {
                assert!(!seen.contains(shortcut), "{shortcut:?} is used twice");
                seen.push(*shortcut);
            }
        }
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
