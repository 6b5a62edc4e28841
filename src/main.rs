//! The `gloss` binary: the GUI, or a subcommand of the command line.

use std::process::ExitCode;

use gloss::cli::{self, Request};

fn main() -> ExitCode {
    // Temporary files older than this are leftovers of killed saves, never a save of this process.
    gloss::store::process_started();
    // Whatever goes wrong, the user reads one line, not a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("gloss: internal error{location}: {message}. Please report it.");
    }));
    match cli::parse() {
        Request::Command(command) => cli::run(command),
        Request::Gui(file) => gloss::ui::run(file),
        Request::Exit(code) => code,
    }
}
