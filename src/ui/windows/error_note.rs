//! An error as the window shows it: what could not be done ("Could not save notes.ron"), why in a sentence
//! ("The folder /x/y does not exist."), and the operating system's own words in a details line.

use std::path::Path;

/// An error to show in a dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorNote {
    /// What could not be done, naming the file.
    pub heading: String,
    /// Why, as a sentence.
    pub message: String,
    /// The underlying error, for a details line.
    pub details: Option<String>,
}

impl ErrorNote {
    /// The error of doing `verb` ("save", "open") to `path`. `message` is the library's sentence, which begins
    /// with the path as a command line's messages do; here the heading names the file, so the path is taken
    /// off and a line and column are said in words.
    pub fn about(verb: &str, path: &Path, message: &str, details: Option<String>) -> Self {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        // Only "PATH: …" and "PATH:L:C: …" lose the path; "PATH is …" needs it to be a sentence.
        let rest = message.strip_prefix(&path.display().to_string()).filter(|rest| rest.starts_with(':'));
        let rest = rest.map_or_else(|| message.to_owned(), place_in_words);
        Self { heading: format!("Could not {verb} {name}"), message: sentence(&rest), details }
    }

    /// An error that is about no one file.
    pub fn plain(heading: impl Into<String>, message: &str) -> Self {
        Self { heading: heading.into(), message: sentence(message), details: None }
    }

    /// Everything the dialog says, one part a line.
    pub fn text(&self) -> String {
        let mut text = format!("{}\n{}", self.heading, self.message);
        if let Some(details) = &self.details {
            text.push_str("\nDetails: ");
            text.push_str(details);
        }
        text
    }
}

/// ": reason" becomes "reason"; ":12:5: reason" (what follows a path in a parse error) becomes
/// "line 12, column 5: reason".
fn place_in_words(rest: &str) -> String {
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let mut parts = rest.splitn(3, ':');
    let (line, column, after) = (parts.next(), parts.next(), parts.next());
    if let (Some(line), Some(column), Some(after)) = (line, column, after)
        && line.parse::<usize>().is_ok()
        && column.parse::<usize>().is_ok()
    {
        return format!("line {line}, column {column}: {}", after.trim_start());
    }
    rest.trim_start().to_owned()
}

/// `text` with a capital first letter and a full stop.
fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let mut out: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    if !out.ends_with(['.', '!', '?', ')', ':']) && !out.is_empty() {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heading_names_the_file_and_the_message_is_a_sentence() {
        let path = Path::new("/x/y/notes.ron");
        let note = ErrorNote::about("save", path, "/x/y/notes.ron: the folder /x/y does not exist", None);
        assert_eq!(note.heading, "Could not save notes.ron");
        assert_eq!(note.message, "The folder /x/y does not exist.");
        let parse = ErrorNote::about("open", path, "/x/y/notes.ron:3:14: expected `)`", None);
        assert_eq!(parse.message, "Line 3, column 14: expected `)`.");
        let other = ErrorNote::about("export to", path, "the project has no document with id 4", None);
        assert_eq!(other.message, "The project has no document with id 4.");
        let named = ErrorNote::about("export to", path, "/x/y/notes.ron is the project being exported", None);
        assert_eq!(named.message, "/x/y/notes.ron is the project being exported.");
    }
}
