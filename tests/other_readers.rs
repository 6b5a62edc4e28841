//! The exports read by the other tools' own languages, where this machine has them: brat's `.ann` split into lines
//! as Python's `splitlines` does (brat's reader), doccano's JSONL read by pandas into one table (doccano's import),
//! and Label Studio's regions measured with JavaScript's `[...text]` (its editor). Each test says it skipped, and
//! passes, when the interpreter or package is missing, so that CI needs nothing from the network.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

#[path = "support/annotated.rs"]
mod annotated;
#[path = "support/external.rs"]
mod external;

use std::path::{Path, PathBuf};

use external::run;
use gloss::export::{Control, Format, Scope, export};

fn exported(format: Format, dir: &Path, name: &str) -> Vec<PathBuf> {
    export(&annotated::project(), Scope::Project, format, &dir.join(name), &Control::none()).unwrap().files
}

const BRAT: &str = r#"
import sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
ann = open(sys.argv[2], encoding="utf-8", newline="").read()
count = 0
for line in ann.splitlines():
    if not line.startswith("T"):
        continue
    fields = line.split("\t")
    assert len(fields) == 3, repr(line)
    kind, offsets = fields[1].split(" ", 1)
    pieces = [text[int(s):int(e)] for s, e in (p.split(" ") for p in offsets.split(";"))]
    assert " ".join(pieces).replace("\t", " ") == fields[2], (pieces, fields[2])
    count += 1
print(count)
"#;

#[test]
fn brats_line_reading_keeps_every_highlight_whole() {
    let dir = tempfile::tempdir().unwrap();
    let files = exported(Format::Brat, dir.path(), "brat");
    let txt = files.iter().find(|f| f.extension().is_some_and(|e| e == "txt")).unwrap();
    let (txt, ann) = (txt.display().to_string(), txt.with_extension("ann").display().to_string());
    let Some(out) = run("python3", &["-c", BRAT, &txt, &ann], "python3") else { return };
    assert_eq!(out.trim(), "20", "18 highlights and 2 comments, each whole and on its text");
}

const DOCCANO: &str = r#"
import sys
import pandas
for path in sys.argv[1:]:
    table = pandas.read_json(path, lines=True)
    assert not table.isnull().values.any(), (path, table.isnull().sum())
print("ok")
"#;

#[test]
fn doccano_files_read_into_one_table_without_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let files = exported(Format::Doccano, dir.path(), "data");
    let paths: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let mut args = vec!["-c", DOCCANO];
    args.extend(paths.iter().map(String::as_str));
    let Some(out) = run("python3", &args, "pandas") else { return };
    assert_eq!(out.trim(), "ok");
}

const LABEL_STUDIO: &str = r#"
const tasks = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const utf16 = process.argv[2] === "utf16";
let count = 0;
for (const task of tasks) {
  const text = task.data.text;
  for (const r of (task.annotations || [])[0]?.result || []) {
    if (r.type !== "labels") continue;
    const got = utf16 ? text.substring(r.value.start, r.value.end) : [...text].slice(r.value.start, r.value.end).join("");
    if (got !== r.value.text) throw new Error(JSON.stringify([got, r.value.text]));
    count++;
  }
}
console.log(count);
"#;

#[test]
fn label_studio_regions_select_their_text_as_its_editor_counts() {
    let dir = tempfile::tempdir().unwrap();
    for (format, unit) in [(Format::LabelStudio, "code points"), (Format::LabelStudioUtf16, "utf16")] {
        let files = exported(format, dir.path(), format.name());
        let tasks = files[0].display().to_string();
        let Some(out) = run("node", &["-e", LABEL_STUDIO, &tasks, unit], "node") else { return };
        assert_eq!(out.trim(), "19", "{unit}: every region, a two-part highlight as two");
    }
}
