//! The layers below the GUI know nothing of egui or eframe: they must stay usable from the CLI and in plain tests.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::Path;

#[test]
fn nothing_below_ui_uses_egui_or_eframe() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    for layer in ["model", "store", "import", "export", "edit", "analysis", "session", "cli", "synthetic.rs"] {
        let dir = src.join(layer);
        if dir.exists() {
            visit(&dir, &mut offenders);
        }
    }
    assert!(offenders.is_empty(), "GUI crates used below ui/: {offenders:?}");
}

fn visit(dir: &Path, offenders: &mut Vec<String>) {
    let paths: Vec<_> = if dir.is_dir() {
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect()
    } else {
        vec![dir.to_owned()]
    };
    for path in paths {
        if path.is_dir() {
            visit(&path, offenders);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for (number, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                if ["egui", "eframe", "crate::ui", "rfd::"].iter().any(|name| code.contains(name)) {
                    offenders.push(format!("{}:{}: {}", path.display(), number + 1, line.trim()));
                }
            }
        }
    }
}
