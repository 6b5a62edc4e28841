//! Running the built `gloss` binary from a test, in a folder of its own.

use std::path::Path;
use std::process::{Command, Output};

/// `gloss ARGS` run in `dir`, with its data folder inside `dir`, so that nothing of the user's is touched.
pub fn gloss_in(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(dir)
        .env("GLOSS_DATA_DIR", dir.join("data"))
        .output()
        .unwrap()
}
