//! Killing Gloss while it saves never leaves a broken project: the file on disk is always the old version or the
//! new one, whole.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn big_article(path: &Path) {
    let mut text = String::from("A Very Long Report\n\nCITY (Agency)The report begins here.\n\n");
    for i in 0..6000 {
        text.push_str(&format!(
            "Paragraph {i}: the committee heard that 24.3 percent of “the budget” was spent on item {i}, \
             according to the minister.\n\n"
        ));
    }
    text.push_str("Comments\n\n");
    for i in 1..=300 {
        text.push_str(&format!("{i}. reader {i} said:\n\n    I disagree with point {i}.\n\n"));
    }
    std::fs::write(path, text).unwrap();
}

fn import(dir: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["import", "big.txt", "--into", "p.ron"])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_loadable_file() {
    let dir = tempfile::tempdir().unwrap();
    big_article(&dir.path().join("big.txt"));
    let started = Instant::now();
    assert!(import(dir.path()).wait().unwrap().success());
    let full = started.elapsed();
    let path = dir.path().join("p.ron");
    let mut documents = gloss::store::load(&path).unwrap().documents.len();
    let mut landed = 0;
    // Kills spread from early in a run to after its end; each run takes longer than the one before, as the
    // project grows, so the later kills land in the save.
    for step in 0..12u32 {
        let fraction = 0.3 + 2.7 * f64::from((step * 7) % 12) / 11.0;
        let mut child = import(dir.path());
        std::thread::sleep(Duration::from_secs_f64(full.as_secs_f64() * (fraction + 0.05)));
        let _ = child.kill();
        let _ = child.wait();
        let project = gloss::store::load(&path).unwrap_or_else(|e| panic!("after kill {step}: {e}"));
        let now = project.documents.len();
        assert!(now == documents || now == documents + 1, "{documents} -> {now}");
        landed += usize::from(now > documents);
        documents = now;
    }
    println!("{landed} of 12 killed imports had finished their save");
}
