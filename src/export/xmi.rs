//! UIMA CAS XMI (XML 1.0), the format INCEpTION imports as "UIMA CAS XMI" and DKPro Cassis reads: per document
//! `NAME.xmi`, the type system of the two custom layers as `TypeSystem.xml`, and `gloss-documents.json` with the
//! titles and metadata.
//!
//! The CAS holds the flattened document as its text (the sofa) and each annotation of `export::standoff` as an
//! element of its layer's type, with string features as attributes. Offsets count UTF-16 code units, as Java
//! strings do. XML 1.0 cannot hold most control characters, not even as references (a form feed, say): the sofa
//! has a space in their place, which keeps every offset, and `gloss-documents.json` records what stood there, so
//! that Gloss reads back the text it wrote.

use std::fmt::Write as _;
use std::path::Path;

use super::flat::Flat;
use super::ids::document_stem;
use super::standoff::{self, Layered};
use super::units::{Unit, Units};
use super::{Control, Output, Rendered};
use crate::import::datasets::inception::{COMMENT_LAYER, Feature, HIGHLIGHT_LAYER};
use crate::model::{Document, Project};

/// The file with the type system, beside the documents.
pub const TYPE_SYSTEM_FILE: &str = "TypeSystem.xml";

pub(super) fn render(project: &Project, docs: &[&Document], out: &Path, control: &Control<'_>) -> Rendered {
    let mut outputs = vec![Output { path: out.join(TYPE_SYSTEM_FILE), bytes: type_system().into_bytes() }];
    let mut documents = Vec::new();
    control.each(docs, |doc| {
        let flat = Flat::of(doc);
        let stem = document_stem(doc);
        let annotations = standoff::annotations(project, doc, &flat);
        let (xmi, replaced) = xmi(&flat.text, &annotations);
        outputs.push(Output { path: out.join(format!("{stem}.xmi")), bytes: xmi.into_bytes() });
        let mut entry = standoff::document_entry(&stem, doc);
        if !replaced.is_empty() {
            entry["replaced"] = replaced.iter().map(|&(at, c)| serde_json::json!([at, c.to_string()])).collect();
        }
        documents.push(entry);
        Ok(())
    })?;
    outputs.push(standoff::documents_file(out, &documents)?);
    Ok(outputs)
}

/// Whether XML 1.0 can hold `c` (as itself or as a character reference).
pub fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// The XMI of `text` with `annotations`, and the characters (by code point offset) that stand as spaces in it.
fn xmi(text: &str, annotations: &[Layered]) -> (String, Vec<(usize, char)>) {
    let units = Units::new(text, Unit::Utf16);
    let replaced: Vec<(usize, char)> = text.chars().enumerate().filter(|(_, c)| !allowed_in_xml(*c)).collect();
    let sofa: String = text.chars().map(|c| if allowed_in_xml(c) { c } else { ' ' }).collect();
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:cas=\"http:///uima/cas.ecore\" ",
        "xmlns:tcas=\"http:///uima/tcas.ecore\" xmlns:custom=\"http:///webanno/custom.ecore\" xmi:version=\"2.0\">\n",
        "<cas:NULL xmi:id=\"0\"/>\n",
    ));
    let length = units.convert(text.chars().count());
    let _ = writeln!(
        out,
        "<tcas:DocumentAnnotation xmi:id=\"2\" sofa=\"1\" begin=\"0\" end=\"{length}\" language=\"x-unspecified\"/>"
    );
    let mut members = vec!["2".to_owned()];
    for (i, annotation) in annotations.iter().enumerate() {
        let id = i + 3;
        let name = annotation.layer.rsplit('.').next().unwrap_or(annotation.layer);
        let (begin, end) = (units.convert(annotation.start), units.convert(annotation.end));
        let _ = write!(out, "<custom:{name} xmi:id=\"{id}\" sofa=\"1\" begin=\"{begin}\" end=\"{end}\"");
        for (feature, value) in &annotation.features {
            let _ = write!(out, " {}=\"{}\"", feature.name(), escape_attribute(value));
        }
        out.push_str("/>\n");
        members.push(id.to_string());
    }
    let _ = writeln!(
        out,
        "<cas:Sofa xmi:id=\"1\" sofaNum=\"1\" sofaID=\"_InitialView\" mimeType=\"text\" sofaString=\"{}\"/>",
        escape_attribute(&sofa)
    );
    let _ = writeln!(out, "<cas:View sofa=\"1\" members=\"{}\"/>", members.join(" "));
    out.push_str("</xmi:XMI>\n");
    (out, replaced)
}

/// `value` inside a double-quoted XML attribute. Tabs and line breaks are references, since a parser turns them
/// into spaces otherwise; characters XML 1.0 cannot hold become spaces.
pub fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !allowed_in_xml(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The UIMA type system of the two layers: span annotations with string features. INCEpTION's layer settings
/// import it (Layers ▸ Import) as the two custom layers.
pub(super) fn type_system() -> String {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<typeSystemDescription xmlns=\"http://uima.apache.org/resourceSpecifier\">\n",
        "  <name>Gloss</name>\n",
        "  <description>Highlights and comments of a Gloss project</description>\n",
        "  <types>\n",
    ));
    let layers: [(&str, &str, &[Feature]); 2] = [
        (HIGHLIGHT_LAYER, "A highlight of Gloss, over one of its ranges", &Feature::HIGHLIGHT),
        (COMMENT_LAYER, "A reader comment, over its text", &Feature::COMMENT),
    ];
    for (layer, description, features) in layers {
        let _ = writeln!(
            out,
            "    <typeDescription>\n      <name>{layer}</name>\n      <description>{description}</description>\n      \
             <supertypeName>uima.tcas.Annotation</supertypeName>\n      <features>"
        );
        for feature in features {
            let _ = writeln!(
                out,
                "        <featureDescription>\n          <name>{}</name>\n          <description>{}</description>\n          \
                 <rangeTypeName>uima.cas.String</rangeTypeName>\n        </featureDescription>",
                feature.name(),
                escape_attribute(feature.description())
            );
        }
        out.push_str("      </features>\n    </typeDescription>\n");
    }
    out.push_str("  </types>\n</typeSystemDescription>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const CHARS: [char; 14] =
        ['a', '<', '&', '"', '\n', '\t', '\r', '\u{c}', '😀', '\u{a0}', '\u{2028}', '\u{85}', '中', '>'];

    proptest! {
        #[test]
        fn the_reader_gets_back_the_text_and_every_range(
            chars in proptest::collection::vec(proptest::sample::select(CHARS.to_vec()), 0..60),
            spans in proptest::collection::vec((0_usize..60, 0_usize..60), 0..6),
        ) {
            let text: String = chars.iter().collect();
            let len = chars.len();
            let annotations: Vec<Layered> = spans
                .iter()
                .map(|&(a, b)| (a.min(b).min(len), a.max(b).min(len)))
                .map(|(start, end)| Layered {
                    layer: HIGHLIGHT_LAYER,
                    start,
                    end,
                    features: vec![(Feature::Note, "a \"note\"\n\tof <two> & lines\r".to_owned())],
                })
                .collect();
            let (written, replaced) = xmi(&text, &annotations);
            let (back, read, warnings) = crate::import::datasets::xmi::read(&written, "p.xmi").unwrap();
            prop_assert!(warnings.is_empty(), "{:?}", warnings);
            let spaced: String = text.chars().map(|c| if c == '\u{c}' { ' ' } else { c }).collect();
            prop_assert_eq!(back, spaced);
            prop_assert_eq!(replaced.len(), text.matches('\u{c}').count());
            // The document annotation is read too; the document makes no highlight of it.
            let read: Vec<_> = read.into_iter().filter(|r| r.layer == HIGHLIGHT_LAYER).collect();
            let got: Vec<(usize, usize)> = read.iter().map(|r| (r.start, r.end)).collect();
            let want: Vec<(usize, usize)> = annotations.iter().map(|a| (a.start, a.end)).collect();
            prop_assert_eq!(got, want);
            prop_assert!(read.iter().all(|r| r.features["note"] == "a \"note\"\n\tof <two> & lines\r"));
        }
    }
}
