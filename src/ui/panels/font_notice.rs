//! The bar over the document that says, once, when it holds characters no installed font can draw (they show as
//! boxes), naming the script and the font package that draws it.

use std::collections::{BTreeSet, HashMap};

use egui::{FontId, RichText, Ui};
use unicode_script::{Script, UnicodeScript as _};

use crate::model::{DocId, Document};

/// A script of the document that no font draws, with the package to install.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct MissingScript {
    /// The script's name, as Unicode calls it ("Han", "Ethiopic").
    pub script: String,
    /// A font package that draws it, on Debian and Ubuntu.
    pub package: &'static str,
}

/// What the bar knows: which characters the fonts draw, which scripts it has told about, and what it says now.
#[derive(Default)]
pub struct FontNotice {
    /// Whether the fonts draw each character asked about so far (asking can load a system font).
    drawn: HashMap<char, bool>,
    /// The document last looked at.
    checked: Option<DocId>,
    /// Scripts the user has been told about; each is told once a run.
    told: BTreeSet<String>,
    /// What the bar says now.
    showing: Vec<MissingScript>,
}

impl FontNotice {
    /// Looks at `doc` when it is first shown: the scripts whose characters no font draws, that were not told yet.
    pub fn check(&mut self, ui: &Ui, doc: &Document) {
        if self.checked == Some(doc.id) {
            return;
        }
        self.checked = Some(doc.id);
        let drawn = &mut self.drawn;
        let mut has_glyph =
            |c: char| *drawn.entry(c).or_insert_with(|| ui.fonts_mut(|f| f.has_glyph(&FontId::proportional(14.0), c)));
        let missing = missing_scripts(document_chars(doc), &mut has_glyph);
        let new: Vec<MissingScript> = missing.into_iter().filter(|m| !self.told.contains(&m.script)).collect();
        if !new.is_empty() {
            self.told.extend(new.iter().map(|m| m.script.clone()));
            self.showing = new;
        }
    }

    /// The bar, while there is something to say; its button puts it away.
    pub fn ui(&mut self, ui: &mut Ui) {
        if self.showing.is_empty() {
            return;
        }
        let scripts: BTreeSet<&str> = self.showing.iter().map(|m| m.script.as_str()).collect();
        let scripts: Vec<&str> = scripts.into_iter().collect();
        let packages: BTreeSet<&str> = self.showing.iter().map(|m| m.package).collect();
        let packages: Vec<&str> = packages.into_iter().collect();
        let mut dismissed = false;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Missing fonts").strong());
            ui.label(format!(
                "No installed font draws the {} characters of this document, so they show as boxes. {}",
                join(&scripts),
                install_hint(&packages)
            ));
            dismissed = ui.button("Dismiss").clicked();
        });
        ui.separator();
        if dismissed {
            self.showing.clear();
        }
    }

    /// The scripts the bar names now (for tests).
    pub fn showing(&self) -> &[MissingScript] {
        &self.showing
    }
}

/// Every character of the document's title, text and comments, in reading order.
fn document_chars(doc: &Document) -> impl Iterator<Item = char> + '_ {
    let comments = doc.comments.iter().flat_map(|c| c.author.chars().chain(['\n']).chain(c.text.chars()).chain(['\n']));
    doc.title.chars().chain(['\n']).chain(doc.body.chars()).chain(['\n']).chain(comments)
}

/// The scripts of `chars` (in reading order) that `has_glyph` says no font draws, each with a package that draws
/// it, in name order. White space and control characters are never drawn and are left out. Punctuation that
/// belongs to no one script ("，" in Chinese) counts as the script before it when that one is missing too, so
/// that it is named with its script rather than as a symbol.
pub fn missing_scripts(
    chars: impl IntoIterator<Item = char>,
    mut has_glyph: impl FnMut(char) -> bool,
) -> Vec<MissingScript> {
    let mut missing = BTreeSet::new();
    // The last script of its own seen, and whether its characters lacked a font.
    let mut last: Option<(Script, bool)> = None;
    for c in chars {
        if c.is_whitespace() || c.is_control() || is_format(c) {
            continue;
        }
        let drawn = has_glyph(c);
        let own = script_of(c);
        let shared = matches!(own, Script::Common | Script::Inherited | Script::Unknown);
        if !shared {
            last = Some((own, !drawn));
        }
        if drawn {
            continue;
        }
        let script = match last {
            Some((script, true)) if shared => script,
            _ => own,
        };
        let name = match script {
            Script::Common | Script::Inherited | Script::Unknown => "symbol".to_owned(),
            _ => script.full_name().replace('_', " "),
        };
        missing.insert(MissingScript { script: name, package: package_for(script, c) });
    }
    missing.into_iter().collect()
}

/// The script `c` is written in. Punctuation shared by a few scripts ("。" belongs to Chinese and Japanese)
/// counts as the first of them, Han before the others.
fn script_of(c: char) -> Script {
    let script = c.script();
    let extension = c.script_extension();
    if !matches!(script, Script::Common | Script::Inherited)
        || extension.is_common()
        || extension.is_inherited()
        || extension.is_empty()
    {
        return script;
    }
    if extension.contains_script(Script::Han) {
        return Script::Han;
    }
    extension.iter().find(|s| !matches!(s, Script::Common | Script::Inherited)).unwrap_or(script)
}

/// Characters that shape text and have no glyph of their own (joiners, direction marks, variation selectors).
fn is_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// The Debian and Ubuntu package with a Noto font for `script`.
fn package_for(script: Script, c: char) -> &'static str {
    match script {
        Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul | Script::Bopomofo => "fonts-noto-cjk",
        Script::Common if ('\u{1F000}'..='\u{1FAFF}').contains(&c) => "fonts-noto-color-emoji",
        _ => "fonts-noto-core",
    }
}

/// How to get the fonts on this system.
fn install_hint(packages: &[&str]) -> String {
    let list = packages.join(" ");
    if cfg!(target_os = "linux") {
        format!("Install a font for them: on Debian or Ubuntu, sudo apt install {list}; then restart Gloss.")
    } else {
        format!("Install a Noto font for them ({list} on Linux); then restart Gloss.")
    }
}

/// "a", "a and b", "a, b and c".
fn join(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_without_a_font_are_named_with_their_package() {
        // Fonts that draw Latin only.
        let latin_only = |c: char| c.is_ascii();
        let text = "Mayor 市长，said ሰላም and ok 😀.\u{200D}";
        let missing = missing_scripts(text.chars(), latin_only);
        let named: Vec<(&str, &str)> = missing.iter().map(|m| (m.script.as_str(), m.package)).collect();
        assert_eq!(
            named,
            [("Ethiopic", "fonts-noto-core"), ("Han", "fonts-noto-cjk"), ("symbol", "fonts-noto-color-emoji")]
        );
        assert!(missing_scripts(text.chars(), |_| true).is_empty(), "nothing is said when every font is there");
        assert_eq!(join(&["Han", "Ethiopic", "Thai"]), "Han, Ethiopic and Thai");
    }
}
