//! Scale: `cargo bench --bench scale` (release). Frames of the real window, headless, while scrolling a 1 MB
//! article with 10,000 highlights and 2,000 comments; then load, save and export of 100 documents with 100,000
//! highlights. Writes `target/scale-report.json` and prints the same as a table.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a benchmark fails loudly on purpose")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use gloss::export::{Control, Format, Scope, export};
use gloss::synthetic::{Size, project};
use gloss::ui::GlossApp;

/// One frame as a window would make it: the app's pass, then tessellation into triangles.
fn frame(harness: &mut Harness<'_, GlossApp>) -> Duration {
    // Time passes as in a window at 60 frames a second, so that egui ends wheel scrolls and animations.
    static FRAMES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let count = FRAMES.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
    harness.input_mut().time = Some(count as f64 / 60.0);
    let started = Instant::now();
    harness.step();
    let output = harness.output();
    let shapes = output.shapes.clone();
    let _ = harness.ctx.tessellate(shapes, output.pixels_per_point);
    started.elapsed()
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(rank).copied().unwrap_or(0.0)
}

fn pointer(harness: &Harness<'_, GlossApp>, pos: Pos2, pressed: bool) {
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
}

/// A file dropped on the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Peak resident memory of this process so far, in MB (Linux; 0 elsewhere).
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

struct Scenario1 {
    first_frame_ms: f64,
    scroll: Vec<f64>,
    resize_ms: f64,
    edit_ms: f64,
}

fn scenario_1(dir: &Path) -> Scenario1 {
    let path = dir.join("long.ron");
    gloss::store::save(&project(Size::LONG_ARTICLE), &path).unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        // The headless context has only egui's own fonts; the few Armenian and CJK words draw as boxes here.
        .allow_missing_glyphs()
        .build_eframe(|_cc| GlossApp::with_settings(gloss::ui::Settings::default()).without_native_dialogs());
    frame(&mut harness);
    // Open the project as a drop on the window: it is read on a thread while frames go on; the frame that
    // receives it lays out and draws the first screen.
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(path)));
    let mut waiting_frames_ms = 0.0f64;
    let first_frame_ms = loop {
        let opening = harness.state().is_opening();
        let took = ms(frame(&mut harness));
        if opening && !harness.state().is_opening() {
            break took;
        }
        waiting_frames_ms = waiting_frames_ms.max(took);
        std::thread::sleep(Duration::from_millis(5));
    };
    assert!(!harness.state().editor().project().documents.is_empty(), "the project opened");
    println!("(slowest frame while the 1 MB project was read: {waiting_frames_ms:.2} ms)");
    for _ in 0..3 {
        frame(&mut harness);
    }
    // Page through the whole article and its comments: every frame shows text not seen before.
    let mut scroll: Vec<f64> = Vec::new();
    harness.hover_at(egui::pos2(600.0, 400.0));
    for _ in 0..1500 {
        harness.key_press(Key::PageDown);
        scroll.push(ms(frame(&mut harness)));
    }
    harness.set_size(egui::vec2(1100.0, 820.0));
    let resize_ms = ms(frame(&mut harness));
    frame(&mut harness);
    // Select some visible words, then the frame that takes the label key adds the highlight.
    harness.key_press(Key::Home);
    frame(&mut harness);
    frame(&mut harness);
    let (from, to) = (
        harness.state().char_pos(gloss::model::Target::Body, 0),
        harness.state().char_pos(gloss::model::Target::Body, 12),
    );
    let (from, to) = match (from, to) {
        (Some(a), Some(b)) => (a, b),
        _ => (egui::pos2(300.0, 200.0), egui::pos2(420.0, 200.0)),
    };
    harness.hover_at(from);
    frame(&mut harness);
    pointer(&harness, from, true);
    frame(&mut harness);
    harness.hover_at(to);
    frame(&mut harness);
    pointer(&harness, to, false);
    frame(&mut harness);
    let before = harness.state().editor().project().documents[0].spans.len();
    harness.key_press(Key::Num1);
    let edit_ms = ms(frame(&mut harness));
    let after = harness.state().editor().project().documents[0].spans.len();
    assert_eq!(after, before + 1, "the benchmark's highlight was made");
    // Then down with the wheel, a few lines at a time (last: the headless wheel never comes to rest).
    harness.hover_at(egui::pos2(600.0, 400.0));
    for _ in 0..300 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        scroll.push(ms(frame(&mut harness)));
    }
    Scenario1 { first_frame_ms, scroll, resize_ms, edit_ms }
}

struct Scenario2 {
    load_ms: f64,
    save_ms: f64,
    export_csv_ms: f64,
    export_w3c_ms: f64,
}

fn scenario_2(dir: &Path) -> Scenario2 {
    let path = dir.join("many.ron");
    let big = project(Size::MANY_DOCUMENTS);
    let spans: usize = big.documents.iter().map(|d| d.spans.len()).sum();
    assert!(spans >= 95_000, "{spans} highlights");
    gloss::store::save(&big, &path).unwrap();
    let best = |f: &mut dyn FnMut()| {
        (0..3)
            .map(|_| {
                let started = Instant::now();
                f();
                ms(started.elapsed())
            })
            .fold(f64::MAX, f64::min)
    };
    let mut loaded = None;
    let load_ms = best(&mut || loaded = Some(gloss::store::load(&path).unwrap()));
    let loaded = loaded.unwrap();
    // Each save writes: a save of the bytes already on disk writes nothing, so the name changes every time.
    let mut round = 0;
    let mut changed = loaded.clone();
    let save_ms = best(&mut || {
        round += 1;
        changed.name = format!("many {round}");
        assert!(gloss::store::save(&changed, &path).unwrap().written);
    });
    let none = Control::none();
    let export_csv_ms = best(&mut || {
        export(&loaded, Scope::Project, Format::Csv, &dir.join("csv"), &none).unwrap();
    });
    let export_w3c_ms = best(&mut || {
        export(&loaded, Scope::Project, Format::W3c, &dir.join("notes.jsonld"), &none).unwrap();
    });
    Scenario2 { load_ms, save_ms, export_csv_ms, export_w3c_ms }
}

fn report_path() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"), PathBuf::from);
    target.join("scale-report.json")
}

fn main() {
    // `cargo test --benches` runs this file too; the measurement is for `cargo bench` only.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let one = scenario_1(dir.path());
    let rss_mb = peak_rss_mb();
    let two = scenario_2(dir.path());
    let mut scroll = one.scroll.clone();
    scroll.sort_by(f64::total_cmp);
    let rows = [
        ("scroll_p50_ms", percentile(&scroll, 0.50), 4.0),
        ("scroll_p99_ms", percentile(&scroll, 0.99), 4.0),
        ("first_frame_ms", one.first_frame_ms, 16.0),
        ("resize_ms", one.resize_ms, 16.0),
        ("edit_ms", one.edit_ms, 16.0),
        ("load_ms", two.load_ms, 500.0),
        ("save_ms", two.save_ms, 300.0),
        ("export_csv_ms", two.export_csv_ms, 1000.0),
        ("export_w3c_ms", two.export_w3c_ms, 1000.0),
        ("rss_mb", rss_mb, 300.0),
    ];
    let json: serde_json::Map<String, serde_json::Value> =
        rows.iter().map(|(k, v, _)| ((*k).to_owned(), serde_json::json!((v * 100.0).round() / 100.0))).collect();
    let path = report_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap() + "\n").unwrap();
    println!("{:<16} {:>10} {:>10}", "measure", "value", "target");
    for (name, value, target) in rows {
        let mark = if name == "scroll_p50_ms" || value < target { "" } else { "  over" };
        println!("{name:<16} {value:>10.2} {:>10}{mark}", format!("< {target}"));
    }
    println!("({} scroll frames; report: {})", scroll.len(), path.display());
}
