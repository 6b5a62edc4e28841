//! What Gloss remembers between runs: the last and recent projects, theme, snapping and zoom. Window size and
//! panel widths are remembered by eframe itself, with egui's memory.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const KEY: &str = "gloss.settings";
const MAX_RECENT: usize = 10;

/// Light, dark, or whatever the desktop uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the desktop.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The next one in the cycle system → light → dark.
    pub fn next(self) -> Self {
        match self {
            Self::System => Self::Light,
            Self::Light => Self::Dark,
            Self::Dark => Self::System,
        }
    }

    /// As egui's preference.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Remembered between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The project open when Gloss last closed.
    pub last_project: Option<PathBuf>,
    /// Recently opened projects, newest first.
    pub recent: Vec<PathBuf>,
    /// The colour theme.
    pub theme: Theme,
    /// Whether new selections keep the characters dragged over rather than growing to whole words. Off by
    /// default: a reader means words, and a drag that starts inside "24.3" means the number, not "4.3". The
    /// field's name is new so that settings written when snapping was off by default take the new default.
    pub character_precision: bool,
    /// Text size, as egui's zoom factor (1 is normal).
    pub zoom: Option<f32>,
}

impl Settings {
    /// Whether a new selection grows to whole words (Alt while dragging asks for characters once).
    pub fn snap_to_words(&self) -> bool {
        !self.character_precision
    }

    /// Reads the settings; anything unreadable is forgotten rather than reported, since it is only convenience.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage.and_then(|s| s.get_string(KEY)).and_then(|text| ron::from_str(&text).ok()).unwrap_or_default()
    }

    /// Writes the settings.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        if let Ok(text) = ron::to_string(self) {
            storage.set_string(KEY, text);
        }
    }

    /// Records that `path` was opened or saved.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(MAX_RECENT);
        self.last_project = Some(path);
    }
}

/// The sample project that ships with Gloss, looked for beside the working folder, the executable and the
/// source tree.
pub fn sample_project() -> Option<PathBuf> {
    let relative = Path::new("projects").join("sample.ron");
    let mut candidates = vec![relative.clone()];
    if let Ok(exe) = std::env::current_exe() {
        candidates.extend(exe.ancestors().skip(1).take(4).map(|dir| dir.join(&relative)));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(&relative));
    candidates.into_iter().find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[derive(Default)]
    struct Memory(HashMap<String, String>);

    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    #[test]
    fn settings_survive_a_restart_and_garbage_is_forgotten() {
        let mut settings =
            Settings { theme: Theme::Dark, character_precision: true, zoom: Some(1.25), ..Settings::default() };
        for name in ["a.ron", "b.ron", "a.ron"] {
            settings.remember(Path::new(name));
        }
        assert_eq!(settings.recent.len(), 2, "a project opened twice is listed once");
        assert!(settings.recent[0].ends_with("a.ron"), "newest first");
        let mut storage = Memory::default();
        settings.save(&mut storage);
        assert_eq!(Settings::load(Some(&storage)), settings);
        eframe::Storage::set_string(&mut storage, KEY, "(theme: Purple".to_owned());
        assert_eq!(Settings::load(Some(&storage)), Settings::default());
        assert_eq!(Settings::load(None), Settings::default());
    }
}
