//! The command line: a thin face over the library. `gloss` alone or `gloss FILE` starts the GUI; the
//! subcommands work on files without a window.

mod agree;
mod commands;
mod compare;
mod exercise;
mod merge;
mod sessions;
mod stats;
mod suggest;
mod update;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Annotate news articles and their reader comments, offline.
#[derive(Debug, Parser)]
#[command(name = "gloss", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A project (.ron) to open, or an article to import into a new project.
    pub file: Option<PathBuf>,
    /// Work without a window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What `gloss` does without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import articles (files or folders) into a project, creating it if it does not exist.
    Import {
        /// Article files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The project to create or append to.
        #[arg(long, value_name = "PROJECT.ron")]
        into: PathBuf,
        /// Put the comments of the imported files (e.g. a CSV of comments) under the N-th document of the
        /// project instead of making documents of them.
        #[arg(long, value_name = "N")]
        attach_to: Option<usize>,
        /// Whose work the highlights and tags that the files sign with no name are. Without it they are the
        /// project's annotator's if the project holds no one's work yet, else named after their file.
        #[arg(long, value_name = "NAME")]
        annotator: Option<String>,
    },
    /// Show what import would make of one file, without writing anything.
    Extract {
        /// The article file.
        file: PathBuf,
        /// Print JSON: title, metadata, body, comments, warnings.
        #[arg(long)]
        json: bool,
    },
    /// Suggest quotes (with speaker and cue), statistics and comment sentiment (VADER); English text only.
    /// Prints the suggestions; with --apply, adds them to the project as the annotator's work.
    Suggest {
        /// The project.
        project: PathBuf,
        /// Which kinds, comma-separated: quotes, statistics, sentiment.
        #[arg(long, value_delimiter = ',', value_parser = parse_kind, default_value = "quotes,statistics,sentiment")]
        kinds: Vec<crate::suggest::Kind>,
        /// Suggest for the N-th document only (1 is the first).
        #[arg(long, value_name = "N")]
        document: Option<usize>,
        /// Print JSON: {"suggestions": [...]}, offsets in code points of each target.
        #[arg(long)]
        json: bool,
        /// Add the suggestions to the project as the annotator's highlights and tags (one undoable step), and save.
        #[arg(long)]
        apply: bool,
    },
    /// Update a document from a newer version of its article (any format Gloss imports): it keeps its id, what
    /// you wrote about it, its comments' tags and every highlight, carried to the new text. Highlights whose text
    /// changed or vanished are listed for review in the window.
    Update {
        /// The project.
        project: PathBuf,
        /// The N-th document of the project (1 is the first).
        #[arg(long, value_name = "N")]
        document: usize,
        /// The newer version of the article.
        file: PathBuf,
        /// Print JSON: {"document", "highlights": [{"id", "status", "before", "after", "quote_before",
        /// "quote_after"}], "comments": {"matched", "new", "removed"}}, offsets in code points.
        #[arg(long)]
        json: bool,
    },
    /// Count documents, comments, highlights per label, verdict, annotator and document, and comment tags.
    Stats {
        /// The project.
        project: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export a project (or one document) as a dataset: csv, doccano, w3c, brat, labelstudio, labelstudio-utf16,
    /// xmi, webanno-tsv or html.
    Export {
        /// The project.
        project: PathBuf,
        /// The format: csv, doccano, w3c, brat, labelstudio (code points), labelstudio-utf16 (Label Studio
        /// releases before 2022), xmi (UIMA CAS XMI for INCEpTION), webanno-tsv (WebAnno TSV 3.3), html.
        #[arg(long, value_parser = parse_format)]
        format: crate::export::Format,
        /// Where to write: a file, or a folder for csv, brat, xmi and webanno-tsv. An extension is added if none is given.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Export only the N-th document (1 is the first).
        #[arg(long, value_name = "N")]
        document: Option<usize>,
        /// Replace files or folders at PATH that are not earlier exports of this format (never the project
        /// itself).
        #[arg(long)]
        force: bool,
    },
    /// Check a project file; exit 0 if it is sound. Says so if it has unsaved edits in a journal.
    Validate {
        /// The project.
        project: PathBuf,
    },
    /// Apply edit commands read from stdin, one JSON value per line, journalling each; save at the end.
    ///
    /// A line is an edit command as JSON (e.g. {"SetSentiment": {"doc": 10, "comment": 11, "sentiment": 6}}), or
    /// "undo", "redo", "seal" or "save". Each line is answered on stdout: "ok LINE NAME [CREATED]" or
    /// "failed LINE: REASON".
    Edit {
        /// The project.
        project: PathBuf,
    },
    /// Compare students' projects with an answer key: highlights (exact, overlap and character F1), what each
    /// missed, added, placed otherwise or labelled otherwise, comment sentiment agreement, and a score out of 100.
    Compare {
        /// The answer key.
        key: PathBuf,
        /// The students' projects, or folders of them.
        #[arg(required = true, value_name = "STUDENT")]
        students: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Also write a gradebook: a CSV row per student.
        #[arg(long, value_name = "GRADES.csv")]
        gradebook: Option<PathBuf>,
    },
    /// Measure how far annotators agree on the same articles: alpha_u of their highlights per document, label
    /// and overall, pairwise overlap F1, and Cohen's, Fleiss' and Krippendorff's coefficients of their comment tags.
    Agree {
        /// One project per annotator (of the same articles), or one merged project.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Merge several people's projects of the same articles into one: documents matched by id and text, every
    /// highlight and comment tag kept as its annotator's, ids renumbered where they clash.
    Merge {
        /// The projects, the first one's names and order kept.
        #[arg(required = true, num_args = 2.., value_name = "PROJECT")]
        files: Vec<PathBuf>,
        /// The merged project to write (a new file, or one of those merged).
        #[arg(long, value_name = "MERGED.ron")]
        into: PathBuf,
    },
    /// Merge two people's edits of one project for git (see README, "Teams and git"): ANCESTOR, OURS (where the
    /// result is written) and THEIRS, as git's %O %A %B. Exit status 1 when both changed the same thing.
    MergeDriver {
        /// The version both started from (%O).
        ancestor: PathBuf,
        /// This side's version, replaced by the merge (%A).
        ours: PathBuf,
        /// The other side's version (%B).
        theirs: PathBuf,
    },
    /// Make an exercise for a class from an answer key: the same documents, labels and guidelines, no
    /// annotations (but chosen worked examples), the teacher's instructions and an exercise id.
    Exercise {
        /// The answer key.
        key: PathBuf,
        /// The exercise to write.
        #[arg(long, value_name = "EXERCISE.ron")]
        out: PathBuf,
        /// What the class is asked to do, shown when a student opens the file.
        #[arg(long, default_value = "")]
        instructions: String,
        /// Keep the key's highlight with this id as a worked example (repeatable).
        #[arg(long = "example", value_name = "SPAN_ID")]
        examples: Vec<u64>,
    },
    /// Bring back the unsaved edits a Gloss that stopped left in a project's journal, and save them.
    Recover {
        /// The project.
        project: PathBuf,
        /// Throw the unsaved edits away instead.
        #[arg(long)]
        discard: bool,
    },
}

fn parse_kind(name: &str) -> Result<crate::suggest::Kind, String> {
    crate::suggest::Kind::parse(name)
        .ok_or_else(|| format!("unknown kind {name:?}; use quotes, statistics or sentiment"))
}

fn parse_format(name: &str) -> Result<crate::export::Format, String> {
    crate::export::Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = crate::export::Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format {name:?}; use one of {}", names.join(", "))
    })
}

/// What the command line asks for.
pub enum Request {
    /// Start the GUI, opening this file if given.
    Gui(Option<PathBuf>),
    /// Run a command and exit.
    Command(Command),
    /// Help, version or a usage error was printed; exit with this code.
    Exit(ExitCode),
}

/// Parses the process arguments. Usage errors become one line on stderr and exit code 1.
pub fn parse() -> Request {
    match Cli::try_parse() {
        Ok(Cli { command: Some(command), .. }) => Request::Command(command),
        Ok(Cli { file, command: None }) => Request::Gui(file),
        Err(error) if !error.use_stderr() => {
            // --help and --version.
            let _ = error.print();
            Request::Exit(ExitCode::SUCCESS)
        }
        Err(error) => {
            // clap explains over several lines; the part before the usage is the message.
            let rendered = error.render().to_string();
            let message: Vec<&str> = rendered.lines().take_while(|l| !l.trim().is_empty()).map(str::trim).collect();
            let message = message.join(" ");
            eprintln!("gloss: {} (see gloss --help)", message.trim_start_matches("error: "));
            Request::Exit(ExitCode::FAILURE)
        }
    }
}

/// Runs `command`, printing results on stdout and any error as one line on stderr.
///
/// When whoever reads stdout stops reading (`gloss extract --json | head`), the command ends quietly with the
/// exit status of a program stopped by SIGPIPE (141), as the other tools of such a pipe do.
pub fn run(command: Command) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let result = commands::run(command, &mut out).and_then(|code| Ok(out.flush().map(|()| code)?));
    match result {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::from(BROKEN_PIPE),
        Err(error) => {
            eprintln!("gloss: {}", one_line(&format!("{error:#}")));
            ExitCode::FAILURE
        }
    }
}

/// 128 + SIGPIPE, what a shell reports for a program that a closed pipe stopped.
const BROKEN_PIPE: u8 = 141;

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .any(|cause| cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}

/// A target in the JSON of `compare` and `agree`: `"body"`, or `{"comment": ID}`.
fn target_json(target: crate::model::Target) -> serde_json::Value {
    match target {
        crate::model::Target::Body => serde_json::json!("body"),
        crate::model::Target::Comment(id) => serde_json::json!({ "comment": id.0 }),
    }
}

/// Error messages go on one line, whatever the underlying library printed.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
