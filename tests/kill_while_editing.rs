//! Killing Gloss (`kill -9`) at any moment while it edits and saves loses no acknowledged edit and leaves no
//! broken file: a real `gloss edit` process applies and journals steps one by one, each answered before the
//! next is sent, and is killed at spread-out moments, some of them during saves. After each kill the project
//! file still loads, and recovery gives exactly the project after the acknowledged steps (or after one more:
//! the step in flight may have reached the journal before its answer was printed).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command as Process, Stdio};
use std::time::Duration;

use gloss::edit::{Command, Editor, SpanDraft, TextField};
use gloss::model::{Project, Target};
use gloss::session::{self, Opening};

/// The same pseudo-random numbers every run (SplitMix64).
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A line for `gloss edit`, and what it does to the expected project.
#[allow(clippy::large_enum_variant, reason = "a test holds a few steps at a time")]
enum Step {
    Edit(Command),
    Undo,
    Redo,
    Save,
}

impl Step {
    fn line(&self) -> String {
        match self {
            Self::Edit(command) => serde_json::to_string(command).unwrap(),
            Self::Undo => "\"undo\"".to_owned(),
            Self::Redo => "\"redo\"".to_owned(),
            Self::Save => "\"save\"".to_owned(),
        }
    }
}

/// A step a person could take next on `editor`'s project, carried out on it.
fn next_step(editor: &mut Editor, dice: &mut Dice, round: usize, i: usize) -> Step {
    let project = editor.project();
    let doc = &project.documents[0];
    let len = doc.body.chars().count();
    let step = match dice.below(20) {
        0..=7 => {
            let start = dice.below(len - 40);
            let label = project.schema.span_labels[dice.below(project.schema.span_labels.len())].id;
            let ranges = vec![(start, start + 1 + dice.below(30))];
            let at = jiff::Timestamp::from_second(1_700_000_000 + (round * 100 + i) as i64).unwrap();
            Step::Edit(Command::CreateSpan {
                doc: doc.id,
                draft: SpanDraft { target: Target::Body, ranges, label, at },
            })
        }
        8..=10 => {
            let comment = doc.comments[dice.below(doc.comments.len())].id;
            let levels = &project.schema.sentiments;
            let sentiment = (dice.below(4) > 0).then(|| levels[dice.below(levels.len())].id);
            Step::Edit(Command::SetSentiment { doc: doc.id, comment, annotator: None, sentiment })
        }
        11 => Step::Edit(Command::SetText {
            field: TextField::ProjectName,
            value: format!("round {round} step {i}"),
            at: None,
        }),
        12..=13 if !doc.spans.is_empty() => {
            let span = doc.spans[dice.below(doc.spans.len())].id;
            Step::Edit(Command::RemoveSpan { doc: doc.id, span })
        }
        14..=15 if editor.undo_name().is_some() => Step::Undo,
        16 if editor.redo_name().is_some() => Step::Redo,
        17..=19 => Step::Save,
        _ => Step::Edit(Command::SetText { field: TextField::Annotator, value: format!("a{i}"), at: None }),
    };
    match &step {
        Step::Edit(command) => {
            editor.apply(command.clone()).unwrap();
        }
        Step::Undo => editor.undo().unwrap(),
        Step::Redo => editor.redo().unwrap(),
        Step::Save => editor.mark_saved(),
    }
    // Keystrokes are never merged across steps here: each step is its own edit, as the window's are.
    editor.seal();
    step
}

fn project(dir: &Path) -> std::path::PathBuf {
    let size = gloss::synthetic::Size { documents: 1, body_bytes: 60_000, comments: 40, spans: 150, seed: 5 };
    let path = dir.join("p.ron");
    gloss::store::save(&gloss::synthetic::project(size), &path).unwrap();
    path
}

/// A `gloss edit p.ron` in `dir`, with its stdin to write steps to and its answers to read.
fn edit(dir: &Path, data: &Path) -> (Child, ChildStdin, BufReader<ChildStdout>) {
    let mut child = Process::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["edit", "p.ron"])
        .current_dir(dir)
        .env("GLOSS_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let input = child.stdin.take().unwrap();
    let answers = BufReader::new(child.stdout.take().unwrap());
    (child, input, answers)
}

/// The project after recovery (saved, so the next round starts clean), as the window would open it.
fn recover(path: &Path, data: &Path) -> Project {
    match session::open(path, Some(data)).unwrap() {
        Opening::Ready(session) => session.project().clone(),
        Opening::Recover(recovery) => {
            assert!(recovery.summary().matches_file, "the journal always belongs to the file");
            let (mut session, failed) = recovery.recover().unwrap();
            assert!(failed.is_empty(), "{failed:?}");
            session.save().unwrap();
            session.project().clone()
        }
        Opening::InUse(_) => panic!("a killed process holds nothing"),
    }
}

/// The same project. A session whose last steps undid everything since the save recovers as the file is, with
/// the id counter where the file left it: ids handed out and undone before a crash were never saved anywhere.
fn same(expected: &Project, recovered: &Project) -> bool {
    let mut expected = expected.clone();
    if expected.next_id.peek() > recovered.next_id.peek() {
        expected.next_id = recovered.next_id;
    }
    &expected == recovered
}

#[test]
fn a_kill_at_any_moment_loses_no_acknowledged_edit() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = project(dir.path());
    let mut dice = Dice(2026);
    let (mut during_save, mut in_flight_kept, mut steps_done) = (0, 0, 0);
    let rounds = 110;
    for round in 0..rounds {
        // The steps of this round, and the project after each of them.
        let mut editor = Editor::new(gloss::store::load(&path).unwrap(), true);
        let mut states = vec![editor.project().clone()];
        let count = 4 + dice.below(12);
        let steps: Vec<Step> = (0..count)
            .map(|i| {
                let step = next_step(&mut editor, &mut dice, round, i);
                states.push(editor.project().clone());
                step
            })
            .collect();
        let kill_at = dice.below(count + 1);
        let (mut child, mut input, mut answers) = edit(dir.path(), &data);
        for (i, step) in steps.iter().enumerate().take(kill_at + 1) {
            let Ok(()) = writeln!(input, "{}", step.line()).and_then(|()| input.flush()) else { break };
            if i == kill_at {
                // Killed while this step is in flight: before, during or after it reaches the journal.
                std::thread::sleep(Duration::from_micros(dice.below(3000) as u64));
                during_save += usize::from(matches!(step, Step::Save));
                break;
            }
            let mut answer = String::new();
            answers.read_line(&mut answer).unwrap();
            assert!(answer.starts_with(&format!("ok {}", i + 1)), "round {round}, step {i}: {answer}");
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let acknowledged = kill_at.min(count);
        steps_done += acknowledged;

        // Never a broken file, whatever the moment.
        gloss::store::load(&path).unwrap_or_else(|e| panic!("round {round}: the file does not load: {e}"));
        let recovered = recover(&path, &data);
        let kept_in_flight = states.get(acknowledged + 1).is_some_and(|s| same(s, &recovered))
            && !same(&states[acknowledged], &recovered);
        assert!(
            same(&states[acknowledged], &recovered) || kept_in_flight,
            "round {round}: killed with {acknowledged} of {count} steps answered, the recovered project is neither \
             the project after them nor after one more"
        );
        in_flight_kept += usize::from(kept_in_flight);
    }
    // Whatever the kills left (how many landed inside a save depends on the machine's speed), the next save
    // that completes clears it.
    let (mut child, mut input, mut answers) = edit(dir.path(), &data);
    let step =
        Step::Edit(Command::SetText { field: TextField::ProjectName, value: "after the kills".into(), at: None });
    writeln!(input, "{}\n\"save\"", step.line()).unwrap();
    drop(input);
    let mut answer = String::new();
    answers.read_line(&mut answer).unwrap();
    assert!(answer.starts_with("ok 1"), "{answer}");
    assert!(child.wait().unwrap().success());
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".new"))
        .collect();
    assert!(leftovers.is_empty(), "a save clears what killed ones left: {leftovers:?}");
    println!(
        "{rounds} kills after {steps_done} answered steps; {during_save} with a save in flight; {in_flight_kept} kept \
         the step in flight"
    );
}

#[test]
fn a_kill_during_a_save_leaves_the_old_file_or_the_new_and_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = dir.path().join("p.ron");
    // Big enough that a save takes a while, so that kills land inside it.
    let size = gloss::synthetic::Size { documents: 1, body_bytes: 600_000, comments: 200, spans: 1500, seed: 8 };
    gloss::store::save(&gloss::synthetic::project(size), &path).unwrap();
    let started = std::time::Instant::now();
    let mut copy = gloss::store::load(&path).unwrap();
    copy.name = "timing".to_owned();
    gloss::store::save(&copy, &dir.path().join("timing.ron")).unwrap();
    let save_time = started.elapsed();
    let mut dice = Dice(7);
    let (mut old_file, mut new_file) = (0, 0);
    for round in 0..30_u32 {
        let before = std::fs::read(&path).unwrap();
        let mut editor = Editor::new(gloss::store::load(&path).unwrap(), true);
        let mut states = vec![editor.project().clone()];
        let mut steps = Vec::new();
        while steps.len() < 3 {
            let step = next_step(&mut editor, &mut dice, round as usize, steps.len());
            if !matches!(step, Step::Save) {
                states.push(editor.project().clone());
                steps.push(step);
            }
        }
        let (mut child, mut input, mut answers) = edit(dir.path(), &data);
        for (i, step) in steps.iter().enumerate() {
            writeln!(input, "{}", step.line()).unwrap();
            input.flush().unwrap();
            let mut answer = String::new();
            answers.read_line(&mut answer).unwrap();
            assert!(answer.starts_with(&format!("ok {}", i + 1)), "{answer}");
        }
        // The save, killed at a moment spread over its length.
        writeln!(input, "\"save\"").unwrap();
        input.flush().unwrap();
        let fraction = f64::from(round) / 29.0;
        std::thread::sleep(save_time.mul_f64(fraction * 1.2));
        child.kill().unwrap();
        child.wait().unwrap();
        let after = std::fs::read(&path).unwrap();
        let project = gloss::store::load(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        if after == before {
            old_file += 1;
        } else {
            assert!(same(&states[3], &project), "round {round}: a new file holds every edit");
            new_file += 1;
        }
        let recovered = recover(&path, &data);
        assert!(same(&states[3], &recovered), "round {round}: the journal and the file hold every edit");
    }
    // How the kills split between the two depends on the machine's speed; that each is whole does not.
    println!("30 kills during a save of {save_time:?}: {old_file} left the old file, {new_file} the new one");
}
