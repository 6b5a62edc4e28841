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

const COMMAND: Modifiers = Modifiers::COMMAND;
const COMMAND_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;

/// Name, menu and shortcuts of every action, in menu order.
const TABLE: &[(Action, &str, Menu, &[KeyboardShortcut])] = &[
    (Action::Open, "Open project…", Menu::File, &[shortcut(COMMAND, Key::O)]),
    (Action::Import, "Import articles…", Menu::File, &[shortcut(COMMAND, Key::I)]),
    (Action::ImportFolder, "Import folder…", Menu::File, &[shortcut(COMMAND_SHIFT, Key::I)]),
    (Action::Paste, "Paste as new document", Menu::File, &[]),
    (Action::ImportReport, "Last import report", Menu::File, &[]),
    (Action::Save, "Save", Menu::File, &[shortcut(COMMAND, Key::S)]),
    (Action::SaveAs, "Save as…", Menu::File, &[shortcut(COMMAND_SHIFT, Key::S)]),
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
];

impl Action {
    fn row(self) -> &'static (Action, &'static str, Menu, &'static [KeyboardShortcut]) {
        TABLE.iter().find(|row| row.0 == self).unwrap_or(&TABLE[0])
    }

    /// Every action, those whose shortcut adds Shift before the same one without it, because egui matches Ctrl+S
    /// also when Shift is held.
    pub fn by_shortcut_precedence() -> Vec<Self> {
        let mut actions: Vec<Self> = TABLE.iter().map(|row| row.0).collect();
        actions.sort_by_key(|a| std::cmp::Reverse(a.shortcuts().iter().map(|s| s.modifiers.shift as u8).max()));
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
        matches!(self, Self::RemoveHighlight | Self::ClearSelection)
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
    }
}
