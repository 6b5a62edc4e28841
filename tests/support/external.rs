//! Running another tool's own reader (Python, Node, Java) from a test, which skips with a printed line where the
//! machine lacks the tool, so that CI needs nothing from the network.

use std::process::Command;

/// Runs `program` with `args`; `None` (with a printed line) when it cannot be started or lacks what it needs
/// (`needs`: a Python package, say), or, for `java`, when it is older than the source launcher (Java 11).
pub fn run(program: &str, args: &[&str], needs: &str) -> Option<String> {
    let Ok(output) = Command::new(program).args(args).output() else {
        println!("skipped: {program} is not installed");
        return None;
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains("ModuleNotFoundError") {
        println!("skipped: {needs} is not installed for {program}");
        return None;
    }
    if stderr.contains("Could not find or load main class") {
        println!("skipped: this {program} cannot run a source file (Java 11 or later can)");
        return None;
    }
    assert!(output.status.success(), "{program} failed: {stderr}");
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}
