//! Character encodings of article files: the byte-order mark, a page's own `<meta charset>`, UTF-8, and a guess
//! (with a warning that names it) for text saved in a legacy encoding such as Windows-1252.

use encoding_rs::{Encoding, UTF_8};

/// Text decoded from bytes, and how.
pub struct Decoded {
    /// The text, with line endings as in the file.
    pub text: String,
    /// What the file said or what was guessed, for the import report; `None` when the file was plain UTF-8.
    pub warning: Option<String>,
}

/// Why bytes could not be read as text.
pub enum Undecodable {
    /// A legacy encoding was guessed but the bytes are not valid in it either; the byte offset of the first bad byte.
    Malformed(usize),
}

/// Decodes text whose encoding the file does not declare (plain text, Markdown, CSV, JSON).
pub fn decode_undeclared(bytes: &[u8]) -> Result<Decoded, Undecodable> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_as(encoding, &bytes[bom..], None);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text: text.to_owned(), warning: None }),
        Err(error) => guess(bytes, error.valid_up_to()),
    }
}

/// Decodes an HTML page: byte-order mark first; then UTF-8 if the bytes are valid UTF-8, because a page saved by a
/// browser is re-encoded as UTF-8 but keeps its original `<meta charset>`, and legacy multi-byte text is almost
/// never valid UTF-8 by chance; then the charset the page declares; then a guess.
pub fn decode_html(bytes: &[u8]) -> Result<Decoded, Undecodable> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_as(encoding, &bytes[bom..], None);
    }
    let declared = declared_charset(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        let warning = declared
            .filter(|e| *e != UTF_8 && !text.is_ascii())
            .map(|e| format!("the page declares the {} encoding but is UTF-8; it was read as UTF-8", e.name()));
        return Ok(Decoded { text: text.to_owned(), warning });
    }
    match declared {
        Some(encoding) if encoding != UTF_8 => decode_as(encoding, bytes, None),
        _ => decode_undeclared(bytes),
    }
}

fn decode_as(encoding: &'static Encoding, bytes: &[u8], warning: Option<String>) -> Result<Decoded, Undecodable> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        let valid = text.find('\u{fffd}').unwrap_or(0);
        return Err(Undecodable::Malformed(valid));
    }
    Ok(Decoded { text: text.into_owned(), warning })
}

/// Text that is not UTF-8: guess its encoding from the byte statistics, as browsers do.
fn guess(bytes: &[u8], bad_utf8_at: usize) -> Result<Decoded, Undecodable> {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, false);
    let warning = format!("the file is not UTF-8; it was read as {} (a guess)", encoding.name());
    decode_as(encoding, bytes, Some(warning)).map_err(|_| Undecodable::Malformed(bad_utf8_at))
}

/// The charset of `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
/// kilobytes of the page, as the HTML standard's prescan looks for it.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |end| at + end);
        let tag = &rest[at..tag_end];
        if let Some(position) = tag.find("charset") {
            let value = tag[position + "charset".len()..].trim_start().strip_prefix('=')?.trim_start();
            let value = value.trim_start_matches(['"', '\'']);
            let label: String =
                value.chars().take_while(|c| !matches!(c, '"' | '\'' | ';' | ' ' | '/' | '>')).collect();
            if let Some(encoding) = Encoding::for_label(label.as_bytes()) {
                // A page that says UTF-16 in ASCII bytes is not UTF-16; browsers read it as UTF-8.
                return Some(if encoding.is_single_byte() || encoding.output_encoding() == encoding {
                    encoding.output_encoding()
                } else {
                    UTF_8
                });
            }
        }
        rest = &rest[tag_end.min(rest.len())..];
        if rest.is_empty() {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_declared_charset() {
        assert_eq!(declared_charset(b"<html><head><meta charset=\"gbk\">"), Some(encoding_rs::GBK));
        let legacy = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">";
        assert_eq!(declared_charset(legacy), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(declared_charset(b"<meta name=\"x\" content=\"y\"><p>charset=koi8-r</p>"), None);
    }

    #[test]
    fn guesses_windows_1252_and_says_so() {
        let bytes = "Caf\u{e9} cr\u{e8}me, na\u{ef}ve fa\u{e7}ade \u{2014} \u{201c}quoted\u{201d}";
        let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(bytes);
        let Ok(decoded) = decode_undeclared(&encoded) else { panic!("not decoded") };
        assert_eq!(decoded.text, bytes);
        assert!(decoded.warning.is_some_and(|w| w.contains("windows-1252")));
    }

    #[test]
    fn utf8_and_boms_need_no_warning() {
        let Ok(plain) = decode_undeclared("Ереван".as_bytes()) else { panic!() };
        assert!(plain.warning.is_none());
        let Ok(bom) = decode_undeclared(b"\xFF\xFEh\x00i\x00") else { panic!() };
        assert_eq!(bom.text, "hi");
    }
}
