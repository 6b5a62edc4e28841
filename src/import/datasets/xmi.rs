//! UIMA CAS XMI (XML 1.0 or 1.1), as INCEpTION, DKPro Cassis and UIMA write it: the text of the initial view's
//! sofa, and every feature structure of it that has a begin and an end, with its string features. A type's name
//! comes from its element's namespace (`http:///webanno/custom.ecore` and `GlossHighlight` make
//! `webanno.custom.GlossHighlight`). Offsets count UTF-16 code units.

use std::collections::{BTreeMap, HashMap};

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use super::inception::Read;

/// Whether `text` looks like an XMI file.
pub fn looks_like(text: &str) -> bool {
    text[..text.len().min(4096)].contains("http://www.omg.org/XMI")
}

/// A feature structure with offsets, as found.
struct Found {
    layer: String,
    sofa: String,
    begin: usize,
    end: usize,
    features: BTreeMap<String, String>,
    line: usize,
}

/// The text of `xmi` (the file `file`), its annotations in code points, and warnings; or why it cannot be read.
pub fn read(xmi: &str, file: &str) -> Result<(String, Vec<Read>, Vec<String>), String> {
    let version = if xmi[..xmi.len().min(100)].contains("version=\"1.1\"") {
        XmlVersion::Explicit1_1
    } else {
        XmlVersion::Explicit1_0
    };
    let mut reader = quick_xml::Reader::from_str(xmi);
    let mut packages: HashMap<String, String> = HashMap::new();
    let mut sofas: Vec<(String, String, String)> = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    let mut depth = 0_usize;
    let (mut lines, mut counted) = (1, 0);
    let at = |position: u64| {
        let (line, column) = crate::model::text::line_column(xmi.as_bytes(), usize::try_from(position).unwrap_or(0));
        format!("{file} line {line}, column {column}")
    };
    loop {
        let position = reader.buffer_position();
        let event = reader.read_event().map_err(|e| format!("{}: {e}", at(reader.error_position())))?;
        let (element, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let attributes = attributes(element, version).map_err(|e| format!("{}: {e}", at(position)))?;
        if depth == 0 {
            for (name, value) in &attributes {
                if let Some(prefix) = name.strip_prefix("xmlns:") {
                    packages.insert(prefix.to_owned(), package(value));
                }
            }
        } else if depth == 1 {
            let name = String::from_utf8_lossy(element.name().as_ref()).into_owned();
            // Lines counted on from the last element, so a large file is read in one pass.
            let position = usize::try_from(position).unwrap_or(0).min(xmi.len());
            lines += xmi.as_bytes()[counted.min(position)..position].iter().filter(|&&b| b == b'\n').count();
            counted = position;
            let line = lines;
            take(&name, &attributes, &packages, line, &mut sofas, &mut found);
        }
        if !empty {
            depth += 1;
        }
    }
    let Some((sofa_id, _, text)) =
        sofas.iter().find(|(_, id, _)| id == "_InitialView").or_else(|| sofas.first()).cloned()
    else {
        return Err(format!("{file}: the CAS has no text (no cas:Sofa with a sofaString)"));
    };
    let mut warnings = Vec::new();
    let units = crate::export::units::Units::new(&text, crate::export::units::Unit::Utf16);
    let mut annotations = Vec::new();
    for f in found.into_iter().filter(|f| f.sofa == sofa_id) {
        let origin = format!("{file} line {}", f.line);
        match (units.back(f.begin), units.back(f.end)) {
            (Some(start), Some(end)) if start <= end => {
                annotations.push(Read { layer: f.layer, start, end, features: f.features, origin });
            }
            _ => warnings.push(format!("{origin}: an annotation falls inside a character or past the text; left out")),
        }
    }
    Ok((text, annotations, warnings))
}

/// The package of a namespace: `webanno.custom` for `http:///webanno/custom.ecore`.
fn package(uri: &str) -> String {
    let path = uri.strip_prefix("http:///").unwrap_or(uri);
    path.strip_suffix(".ecore").unwrap_or(path).replace('/', ".")
}

/// The attributes of `element`, unescaped and normalised as XML `version` does.
fn attributes(element: &BytesStart<'_>, version: XmlVersion) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        let name = String::from_utf8_lossy(attribute.key.as_ref()).into_owned();
        let value = attribute.normalized_value(version).map_err(|e| e.to_string())?.into_owned();
        out.push((name, value));
    }
    Ok(out)
}

/// Keeps a top-level element: a sofa, or a feature structure with offsets.
fn take(
    name: &str,
    attributes: &[(String, String)],
    packages: &HashMap<String, String>,
    line: usize,
    sofas: &mut Vec<(String, String, String)>,
    found: &mut Vec<Found>,
) {
    let get = |key: &str| attributes.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    if name == "cas:Sofa" {
        if let (Some(id), Some(text)) = (get("xmi:id"), get("sofaString")) {
            sofas.push((id, get("sofaID").unwrap_or_default(), text));
        }
        return;
    }
    let (Some(begin), Some(end)) = (get("begin").and_then(|b| b.parse().ok()), get("end").and_then(|e| e.parse().ok()))
    else {
        return;
    };
    let (prefix, local) = name.split_once(':').unwrap_or(("", name));
    let layer = match packages.get(prefix) {
        Some(package) if !package.is_empty() => format!("{package}.{local}"),
        _ => local.to_owned(),
    };
    let features = attributes
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "xmi:id" | "sofa" | "begin" | "end") && !k.contains(':'))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    found.push(Found { layer, sofa: get("sofa").unwrap_or_default(), begin, end, features, line });
}
