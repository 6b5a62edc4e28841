//! Annotated datasets coming back in: the CSV folder, doccano JSONL, brat standoff and W3C Web Annotation that
//! Gloss exports (and that other tools write). Each keeps its text exactly as written, so the offsets stay valid.

pub mod brat;
pub mod doccano;
pub mod gloss_csv;
pub mod inception;
pub mod labelstudio;
pub mod w3c;
pub mod webanno_tsv;
pub mod xmi;

use std::path::{Path, PathBuf};

use super::{Extracted, ImportError, decode::Declared, decode::decode, read_bytes};

/// The dataset `path` belongs to, read whole; `None` when it is an ordinary article file.
pub fn read(path: &Path, bytes: &[u8]) -> Option<Result<Vec<Extracted>, ImportError>> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let extension = name.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
    let corrupt = |reason: String| ImportError::Corrupt { path: path.to_owned(), reason };
    let given = (path, bytes);
    match extension {
        "ann" => Some(read_brat(&path.with_extension("txt"), path, given)),
        "txt" if path.with_extension("ann").is_file() => Some(read_brat(path, &path.with_extension("ann"), given)),
        "csv" => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(256)]).into_owned();
            if !gloss_csv::is_dataset_header(&head) {
                return None;
            }
            let documents = path.with_file_name("documents.csv");
            if !documents.is_file() {
                return Some(Err(corrupt(
                    "this is part of a Gloss CSV dataset, but documents.csv is not beside it".to_owned(),
                )));
            }
            Some(text_of(&documents, given).and_then(|text| {
                gloss_csv::read(&text, &documents)
                    .map_err(|reason| ImportError::Corrupt { path: documents.clone(), reason })
            }))
        }
        "jsonl" | "ndjson" => {
            let main = companion_of_sentiment(path).unwrap_or_else(|| path.to_owned());
            let text = match text_of(&main, given) {
                Ok(text) => text,
                Err(error) => return Some(Err(error)),
            };
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
            doccano::looks_like(first).then(|| doccano::read(&text, &main).map_err(corrupt))
        }
        "xmi" => Some(read_inception(path, given, xmi::read)),
        "tsv" if webanno_tsv::looks_like(&String::from_utf8_lossy(&bytes[..bytes.len().min(64)])) => {
            Some(read_inception(path, given, webanno_tsv::read))
        }
        "json" | "jsonld" => {
            let text = String::from_utf8_lossy(bytes);
            let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
            if labelstudio::looks_like(&value) {
                let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                return Some(labelstudio::read(&value, &file).map_err(corrupt));
            }
            w3c::looks_like(&value).then(|| w3c::read(&value).map_err(corrupt))
        }
        _ => None,
    }
}

/// The files of a batch that another file of it reads: `X.ann` beside `X.txt`, `spans.csv` and `comments.csv`
/// beside `documents.csv`, `X.sentiment.jsonl` beside `X.jsonl`. Importing them too would import twice.
pub fn is_companion(path: &Path, batch: &[PathBuf]) -> bool {
    let has = |other: PathBuf| batch.contains(&other);
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    match name.rsplit_once('.').map(|(_, e)| e) {
        Some("ann") => has(path.with_extension("txt")),
        Some("csv") if name == "spans.csv" || name == "comments.csv" => has(path.with_file_name("documents.csv")),
        Some("jsonl") => companion_of_sentiment(path).is_some_and(has),
        // The titles of a brat or INCEpTION export, read with each of its documents.
        Some("json") if name == brat::DOCUMENTS_FILE => batch.iter().any(|p| p != path && p.parent() == path.parent()),
        _ => false,
    }
}

/// `X.jsonl` for `X.sentiment.jsonl`.
fn companion_of_sentiment(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let stem = name.strip_suffix(".sentiment.jsonl")?;
    let main = path.with_file_name(format!("{stem}.jsonl"));
    main.is_file().then_some(main)
}

/// The file being imported and the bytes already read from it.
type Given<'a> = (&'a Path, &'a [u8]);

/// The bytes of `file`: those already read when it is the file being imported, else read now.
fn bytes_of<'a>(file: &Path, (path, bytes): Given<'a>) -> Result<std::borrow::Cow<'a, [u8]>, ImportError> {
    if file == path { Ok(std::borrow::Cow::Borrowed(bytes)) } else { read_bytes(file).map(std::borrow::Cow::Owned) }
}

fn text_of(file: &Path, given: Given<'_>) -> Result<String, ImportError> {
    Ok(decode(&bytes_of(file, given)?, file, Declared::No)?.text)
}

fn read_brat(txt: &Path, ann: &Path, given: Given<'_>) -> Result<Vec<Extracted>, ImportError> {
    // brat counts characters of the file as it is: no newline conversion here; offsets are mapped instead.
    let bytes = bytes_of(txt, given)?.into_owned();
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = crate::model::text::line_column(e.as_bytes(), e.utf8_error().valid_up_to());
        ImportError::NotUtf8 { path: txt.to_owned(), line, column }
    })?;
    let ann_text = String::from_utf8(bytes_of(ann, given).map(std::borrow::Cow::into_owned).or_else(|e| match e {
        ImportError::Empty(_) => Ok(Vec::new()),
        other => Err(other),
    })?)
    .map_err(|_| ImportError::Corrupt { path: ann.to_owned(), reason: "the .ann file is not UTF-8".to_owned() })?;
    let mut article = brat::read(&text, &ann_text, txt, &brat::label_names(txt));
    brat::restore_document(&mut article, txt);
    Ok(vec![article])
}

/// A reader of one of INCEpTION's formats: the text, its annotations and warnings, or why the file cannot be read.
type InceptionReader = fn(&str, &str) -> Result<(String, Vec<inception::Read>, Vec<String>), String>;

fn read_inception(path: &Path, given: Given<'_>, read: InceptionReader) -> Result<Vec<Extracted>, ImportError> {
    let text = text_of(path, given)?;
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (mut content, annotations, warnings) =
        read(&text, &file).map_err(|reason| ImportError::Corrupt { path: path.to_owned(), reason })?;
    // The side file is read once for the characters, the title and the metadata.
    let entry = brat::documents_entry(path);
    if let Some(entry) = &entry {
        restore_characters(&mut content, entry);
    }
    let title = path.file_stem().map_or_else(|| "Untitled".to_owned(), |s| s.to_string_lossy().into_owned());
    let mut article = inception::document(&content, annotations, title, warnings);
    if let Some(entry) = &entry {
        brat::apply_entry(&mut article, entry);
    }
    Ok(vec![article])
}

/// Puts back the characters that an XMI export by Gloss wrote as spaces (XML 1.0 cannot hold them), as its entry
/// in `gloss-documents.json` records them; a character that is no longer a space there was edited and stays.
fn restore_characters(text: &mut String, entry: &serde_json::Value) {
    let Some(replaced) = entry.get("replaced").and_then(serde_json::Value::as_array) else { return };
    let mut chars: Vec<char> = text.chars().collect();
    for pair in replaced {
        let at = pair.get(0).and_then(serde_json::Value::as_u64).and_then(|a| usize::try_from(a).ok());
        let c = pair.get(1).and_then(serde_json::Value::as_str).and_then(|s| s.chars().next());
        if let (Some(at), Some(c)) = (at, c)
            && chars.get(at) == Some(&' ')
        {
            chars[at] = c;
        }
    }
    *text = chars.into_iter().collect();
}
