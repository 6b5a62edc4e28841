//! The layers below the GUI know nothing of egui or eframe: they must stay usable from the CLI and in plain tests.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::Path;

#[test]
fn nothing_below_ui_uses_egui_or_eframe() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    for layer in ["model", "store", "import", "export", "edit", "analysis", "suggest", "session", "cli", "synthetic.rs"]
    {
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

/// The modules of `src/ui/` form no circle: a panel or window never reaches back into the app. Each file counts
/// for the top-level module of `ui` it is in (`app`, `panels`, `windows`, `document_view`, `context`, …); an edge
/// is a path that file names into another of them.
#[test]
fn the_window_code_has_layers_without_a_circle_and_only_the_app_knows_the_app() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    collect_rs(&ui, &mut files);
    let mut edges: std::collections::BTreeSet<(String, String)> = std::collections::BTreeSet::new();
    for file in &files {
        let relative = file.strip_prefix(&ui).unwrap();
        let parts: Vec<String> =
            relative.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned()).collect();
        let top = parts[0].clone();
        // Where `super::` leads from this file: to `ui` itself for a file directly in it or a folder's mod.rs.
        let super_is_ui = parts.len() == 1 || (parts.len() == 2 && parts[1] == "mod");
        let text = std::fs::read_to_string(file).unwrap();
        let code: String =
            text.lines().map(|l| l.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n");
        if top != "app" && code.contains("GlossApp") {
            panic!("{} names GlossApp; only ui/app/ may", relative.display());
        }
        let mut named = Vec::new();
        for (prefix, counts) in [("crate::ui::", true), ("super::super::", parts.len() == 3), ("super::", super_is_ui)]
        {
            if !counts {
                continue;
            }
            for (at, _) in code.match_indices(prefix) {
                // `super::super::` is also found as `super::`; it is counted by its own prefix.
                if prefix == "super::" && code[..at].ends_with("super::") {
                    continue;
                }
                let rest = &code[at + prefix.len()..];
                if let Some(group) = rest.strip_prefix('{') {
                    let inside = &group[..group.find('}').unwrap_or(group.len())];
                    named.extend(inside.split(',').map(|n| n.trim().split("::").next().unwrap_or_default().to_owned()));
                } else {
                    named.push(rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
                }
            }
        }
        for name in named.into_iter().filter(|n| !n.is_empty()) {
            let is_module = ui.join(&name).is_dir() || ui.join(format!("{name}.rs")).is_file();
            if is_module && name != top {
                edges.insert((top.clone(), name));
            }
        }
    }
    // A circle is a path from a module back to itself.
    let modules: std::collections::BTreeSet<String> = edges.iter().flat_map(|(a, b)| [a.clone(), b.clone()]).collect();
    for start in &modules {
        let mut seen = std::collections::BTreeSet::new();
        let mut stack = vec![start.clone()];
        while let Some(at) = stack.pop() {
            for (_, next) in edges.iter().filter(|(from, _)| *from == at) {
                assert!(next != start, "ui modules import each other in a circle through {start} ({edges:?})");
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
    }
    assert!(edges.contains(&("app".to_owned(), "panels".to_owned())), "the test reads the imports: {edges:?}");
}

fn collect_rs(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_rs(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}
