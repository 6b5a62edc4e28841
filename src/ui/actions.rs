//! Every user action with its name, shortcut and menu: the one list that menus, shortcuts and (later) the
//! command palette are made from.

use egui::{Key, KeyboardShortcut, Modifiers};

/// The menu an action appears in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// File menu.
    File,
    /// Edit menu.
    Edit,
}

/// Something the user can ask for by menu or shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open a project file.
    Open,
    /// Add articles to the project.
    Import,
    /// Save to the current file.
    Save,
    /// Save to a new file.
    SaveAs,
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
}

const fn shortcut(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const COMMAND_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl Action {
    /// Every action, with those whose shortcut adds Shift before the same one without it, because egui matches
    /// Ctrl+S also when Shift is held.
    pub const ALL: [Self; 9] = [
        Self::SaveAs,
        Self::Save,
        Self::Open,
        Self::Import,
        Self::Quit,
        Self::Redo,
        Self::Undo,
        Self::RemoveHighlight,
        Self::ClearSelection,
    ];

    /// The name shown in menus.
    pub fn name(self) -> &'static str {
        match self {
            Self::Open => "Open project…",
            Self::Import => "Import articles…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::RemoveHighlight => "Remove highlight",
            Self::ClearSelection => "Clear selection",
        }
    }

    /// The keys that trigger the action; the first is the one menus show.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const OPEN: &[KeyboardShortcut] = &[shortcut(Modifiers::COMMAND, Key::O)];
        const IMPORT: &[KeyboardShortcut] = &[shortcut(Modifiers::COMMAND, Key::I)];
        const SAVE: &[KeyboardShortcut] = &[shortcut(Modifiers::COMMAND, Key::S)];
        const SAVE_AS: &[KeyboardShortcut] = &[shortcut(COMMAND_SHIFT, Key::S)];
        const QUIT: &[KeyboardShortcut] = &[shortcut(Modifiers::COMMAND, Key::Q)];
        const UNDO: &[KeyboardShortcut] = &[shortcut(Modifiers::COMMAND, Key::Z)];
        const REDO: &[KeyboardShortcut] = &[shortcut(COMMAND_SHIFT, Key::Z), shortcut(Modifiers::COMMAND, Key::Y)];
        const REMOVE: &[KeyboardShortcut] =
            &[shortcut(Modifiers::NONE, Key::Delete), shortcut(Modifiers::NONE, Key::Backspace)];
        const CLEAR: &[KeyboardShortcut] = &[shortcut(Modifiers::NONE, Key::Escape)];
        match self {
            Self::Open => OPEN,
            Self::Import => IMPORT,
            Self::Save => SAVE,
            Self::SaveAs => SAVE_AS,
            Self::Quit => QUIT,
            Self::Undo => UNDO,
            Self::Redo => REDO,
            Self::RemoveHighlight => REMOVE,
            Self::ClearSelection => CLEAR,
        }
    }

    /// The menu that lists the action.
    pub fn menu(self) -> Menu {
        match self {
            Self::Open | Self::Import | Self::Save | Self::SaveAs | Self::Quit => Menu::File,
            Self::Undo | Self::Redo | Self::RemoveHighlight | Self::ClearSelection => Menu::Edit,
        }
    }

    /// Whether the action acts on the document view's selection and so must not fire while a text field has
    /// the keyboard (where Delete and Escape belong to the field).
    pub fn needs_view_focus(self) -> bool {
        matches!(self, Self::RemoveHighlight | Self::ClearSelection)
    }

    /// Actions of `menu` in menu order.
    pub fn in_menu(menu: Menu) -> impl Iterator<Item = Self> {
        const ORDER: [Action; 9] = [
            Action::Open,
            Action::Import,
            Action::Save,
            Action::SaveAs,
            Action::Quit,
            Action::Undo,
            Action::Redo,
            Action::RemoveHighlight,
            Action::ClearSelection,
        ];
        ORDER.into_iter().filter(move |a| a.menu() == menu)
    }
}
