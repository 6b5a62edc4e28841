//! What a failed read or write means, in the words of the person who asked for it: "the folder /x/y does not
//! exist" rather than "No such file or directory (os error 2) at path "/x/y/.p.ron.Xa81.tmp"". The operating
//! system's own words stay available for a details line.

use std::io::{Error, ErrorKind};
use std::path::Path;

/// Whether the file was being read or written, which decides what a missing path means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Reading an existing file.
    Read,
    /// Writing a file (possibly new) in a folder.
    Write,
}

/// Why reading or writing `path` failed, as the end of a sentence that names `path` first
/// ("sample.ron: the folder /x/y does not exist"). `step` is what was being done ("flush to disk"), said only
/// where the kind of error alone does not explain it.
pub fn reason(error: &Error, path: &Path, access: Access, step: &str) -> String {
    let folder = folder_of(path);
    let writing = access == Access::Write;
    match error.kind() {
        ErrorKind::NotFound if writing => format!("the folder {folder} does not exist"),
        ErrorKind::NotFound => "there is no such file".to_owned(),
        ErrorKind::PermissionDenied if writing => format!("you are not allowed to write in the folder {folder}"),
        ErrorKind::PermissionDenied => "you are not allowed to read it".to_owned(),
        ErrorKind::StorageFull => "the disk is full".to_owned(),
        ErrorKind::QuotaExceeded => "your share of the disk is used up".to_owned(),
        ErrorKind::FileTooLarge => "the file is too large for this disk".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "the disk it is on can only be read, not written".to_owned(),
        ErrorKind::IsADirectory => "this is a folder, not a file".to_owned(),
        ErrorKind::NotADirectory => match path.ancestors().skip(1).find(|a| a.is_file()) {
            Some(file) => format!("{} is a file, not a folder", file.display()),
            None => format!("part of {folder} is a file, not a folder"),
        },
        ErrorKind::InvalidFilename => "the name is too long or holds characters this disk does not allow".to_owned(),
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => "another program is using it".to_owned(),
        ErrorKind::CrossesDevices => format!("it cannot be moved into place across disks ({step})"),
        _ => format!("cannot {step}: {}", details(error)),
    }
}

/// The operating system's own words for `error`, without the name of a temporary file that the user never
/// chose (the `tempfile` crate appends ` at path "…"`).
pub fn details(error: &Error) -> String {
    let text = error.to_string();
    match text.find(" at path \"") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// The folder that holds `path`, as the user would type it ("." for a bare file name).
fn folder_of(path: &Path) -> String {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.display().to_string(),
        _ => ".".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_folder_is_named_and_the_temporary_file_is_not() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let folder = dir.path().join("not-there");
        let error = tempfile::Builder::new().tempfile_in(&folder).expect_err("the folder is missing");
        let path = folder.join("project.ron");
        let reason = reason(&error, &path, Access::Write, "create a temporary file beside it");
        assert_eq!(reason, format!("the folder {} does not exist", folder.display()));
        let details = details(&error);
        assert!(!details.contains(".tmp") && !details.contains("at path"), "{details}");
        assert!(details.contains("os error"), "the system's words stay: {details}");
    }

    #[test]
    fn each_kind_reads_as_a_sentence() {
        let path = Path::new("/data/p.ron");
        let said = |kind, access| reason(&Error::from(kind), path, access, "write");
        assert_eq!(said(ErrorKind::NotFound, Access::Read), "there is no such file");
        assert_eq!(
            said(ErrorKind::PermissionDenied, Access::Write),
            "you are not allowed to write in the folder /data"
        );
        assert_eq!(said(ErrorKind::StorageFull, Access::Write), "the disk is full");
        assert_eq!(reason(&Error::from(ErrorKind::NotFound), Path::new("p.ron"), Access::Write, "write"), {
            "the folder . does not exist"
        });
        assert!(said(ErrorKind::Interrupted, Access::Write).starts_with("cannot write: "));
        // Saving "into" a file names that file.
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = dir.path().join("notes.ron");
        std::fs::write(&file, "x").expect("a file");
        let inside = file.join("more/p.ron");
        let error = Error::from(ErrorKind::NotADirectory);
        assert_eq!(
            reason(&error, &inside, Access::Write, "write"),
            format!("{} is a file, not a folder", file.display())
        );
    }
}
