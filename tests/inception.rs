//! INCEpTION's formats read as INCEpTION reads them. UIMA CAS XMI: the sofa and each annotation's UTF-16 begin and
//! end, as Java slices a string. WebAnno TSV 3.3: the text rebuilt from the `#Text=` lines by the rules of
//! INCEpTION's reader (a line break after each sentence, spaces up to the next sentence's first token, the line
//! break taken back when a sentence follows without a gap), each annotation from the tokens its number is on.
//! Both must select exactly the text of every highlight and every comment of the fixture (emoji, ZWJ, flags,
//! CJK Extension B, Armenian, Arabic with harakat, Hebrew, combining marks, NBSP, U+2028, NEL, form feed, tab).
//! Java's own XML parser and strings read both files to the same texts, and where Python has DKPro Cassis, it reads
//! the XMI too; each says it skipped when the machine lacks it.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

#[path = "support/annotated.rs"]
mod annotated;
#[path = "support/external.rs"]
mod external;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gloss::export::units::{Unit, slice};
use gloss::export::{Control, Format, Scope, export};

fn exported(format: Format, dir: &Path) -> Vec<PathBuf> {
    export(&annotated::project(), Scope::Project, format, &dir.join(format.name()), &Control::none()).unwrap().files
}

/// The texts the fixture's highlights (each range) and comments cover, sorted.
fn expected() -> Vec<String> {
    let project = annotated::project();
    let doc = &project.documents[0];
    let mut all: Vec<String> = doc.spans.iter().flat_map(|s| s.ranges.iter().map(|r| r.exact.clone())).collect();
    all.extend(doc.comments.iter().map(|c| c.text.clone()));
    all.sort();
    all
}

/// The value of attribute `name` in `element`, with XML's references undone.
fn attribute(element: &str, name: &str) -> Option<String> {
    let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
    let raw = &element[start..start + element[start..].find('"')?];
    let mut out = raw.replace("&#9;", "\t").replace("&#10;", "\n").replace("&#13;", "\r");
    for (entity, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
        out = out.replace(entity, c);
    }
    Some(out)
}

#[test]
fn xmi_offsets_count_utf16_and_select_every_text() {
    let dir = tempfile::tempdir().unwrap();
    let files = exported(Format::Xmi, dir.path());
    let xmi_file = files.iter().find(|f| f.extension().is_some_and(|e| e == "xmi")).unwrap();
    assert!(files.iter().any(|f| f.ends_with("TypeSystem.xml")));
    let xmi = std::fs::read_to_string(xmi_file).unwrap();
    let sofa = xmi.lines().find(|l| l.starts_with("<cas:Sofa")).unwrap();
    let text = attribute(sofa, "sofaString").unwrap();
    assert!(!text.contains('\u{c}'), "XML 1.0 cannot hold a form feed: a space stands in for it");
    let mut got = Vec::new();
    for line in xmi.lines().filter(|l| l.starts_with("<custom:")) {
        let (begin, end) = (attribute(line, "begin").unwrap(), attribute(line, "end").unwrap());
        let quote = slice(&text, begin.parse().unwrap(), end.parse().unwrap(), Unit::Utf16).unwrap();
        got.push(quote);
    }
    got.sort();
    let want: Vec<String> = expected().iter().map(|t| t.replace('\u{c}', " ")).collect();
    assert_eq!(got, want);
    // The flag after "waved" lies beyond emoji: its UTF-16 offset is not its code point offset.
    let project = annotated::project();
    let span = project.documents[0].spans.iter().find(|s| s.quote() == "waved 🇦🇲").unwrap();
    let utf16: usize = project.documents[0].body.chars().take(span.start()).map(char::len_utf16).sum();
    assert_ne!(utf16, span.start());
    let end = utf16 + "waved 🇦🇲".encode_utf16().count();
    assert!(xmi.contains(&format!("begin=\"{utf16}\" end=\"{end}\"")));
}

/// Annotations by layer, then number: UTF-16 begin and end.
type Spans = BTreeMap<(usize, u64), (usize, usize)>;

/// The text and the annotations of a TSV, rebuilt as INCEpTION's reader does.
fn rebuild(tsv: &str) -> (String, Spans) {
    let mut text: Vec<u16> = Vec::new();
    let mut sentence: Vec<u16> = Vec::new();
    let mut annotations = BTreeMap::new();
    let mut first = false;
    let mut layers: Vec<usize> = Vec::new();
    for line in tsv.lines() {
        if let Some(header) = line.strip_prefix("#T_SP=") {
            let features = header.split('|').count() - 1;
            let index = layers.len();
            layers.extend(std::iter::repeat_n(index, features));
        } else if let Some(t) = line.strip_prefix("#Text=") {
            let t = t.replace("\\t", "\t").replace("\\f", "\u{c}").replace("\\\\", "\\");
            sentence.extend(t.encode_utf16());
            sentence.push(u16::from(b'\n'));
            first = true;
        } else if !line.is_empty() && !line.starts_with('#') {
            let fields: Vec<&str> = line.split('\t').collect();
            let (b, e) = fields[1].split_once('-').unwrap();
            let (b, e): (usize, usize) = (b.parse().unwrap(), e.parse().unwrap());
            if first {
                if text.len() > b {
                    assert_eq!(text.pop(), Some(u16::from(b'\n')));
                }
                while text.len() < b {
                    text.push(u16::from(b' '));
                }
                text.append(&mut sentence);
                first = false;
            }
            // The first column of each layer names the annotations over the token.
            let mut seen = Vec::new();
            for (column, &layer) in layers.iter().enumerate() {
                if seen.contains(&layer) {
                    continue;
                }
                seen.push(layer);
                for value in fields[column + 3].split('|').filter(|v| *v != "_") {
                    let id: u64 = value.rsplit_once('[').unwrap().1.trim_end_matches(']').parse().unwrap();
                    let entry = annotations.entry((layer, id)).or_insert((b, e));
                    entry.1 = e;
                }
            }
        }
    }
    (String::from_utf16(&text).unwrap(), annotations)
}

#[test]
fn tsv_rebuilds_the_text_and_every_annotation_as_inceptions_reader_does() {
    let dir = tempfile::tempdir().unwrap();
    let files = exported(Format::WebAnnoTsv, dir.path());
    let tsv_file = files.iter().find(|f| f.extension().is_some_and(|e| e == "tsv")).unwrap();
    let tsv = std::fs::read_to_string(tsv_file).unwrap();
    assert!(tsv.starts_with("#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.GlossHighlight|label|"));
    let (text, annotations) = rebuild(&tsv);
    let project = annotated::project();
    let flat_body = &project.documents[0].body;
    assert!(text.starts_with(flat_body.as_str()), "the body comes back character for character");
    let mut got: Vec<String> = annotations.values().map(|&(b, e)| slice(&text, b, e, Unit::Utf16).unwrap()).collect();
    got.sort();
    assert_eq!(got, expected());
    assert_eq!(annotations.len(), 21, "19 parts of 18 highlights and 2 comments");
}

const CASSIS: &str = r#"
import sys
from cassis import load_typesystem, load_cas_from_xmi
with open(sys.argv[1], "rb") as f:
    ts = load_typesystem(f)
with open(sys.argv[2], "rb") as f:
    cas = load_cas_from_xmi(f, typesystem=ts)
texts = sorted(a.get_covered_text() for a in cas.select("webanno.custom.GlossHighlight"))
comments = sorted(a.get_covered_text() for a in cas.select("webanno.custom.GlossComment"))
print(len(texts), len(comments))
"#;

#[test]
fn dkpro_cassis_reads_the_xmi_where_python_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let files = exported(Format::Xmi, dir.path());
    let xmi = files.iter().find(|f| f.extension().is_some_and(|e| e == "xmi")).unwrap();
    let types = files.iter().find(|f| f.ends_with("TypeSystem.xml")).unwrap();
    let args = ["-c", CASSIS, &types.display().to_string(), &xmi.display().to_string()];
    let Some(out) = external::run("python3", &args, "dkpro-cassis") else { return };
    assert_eq!(out.trim(), "19 2");
}

/// Imports `name` written with `content` into a new project; the article or the error's sentence.
fn import(name: &str, content: &str) -> Result<gloss::import::Extracted, String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    gloss::import::extract_file(&path).map(|mut a| a.remove(0)).map_err(|e| e.to_string())
}

#[test]
fn other_layers_of_inception_come_in_as_highlights_by_their_value() {
    // As UIMA writes a CAS: on one line, with tokens, sentences and a named entity after an emoji.
    let xmi = concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?><xmi:XMI xmlns:xmi="http://www.omg.org/XMI" "#,
        r#"xmlns:cas="http:///uima/cas.ecore" xmlns:type="http:///de/tudarmstadt/ukp/dkpro/core/api/segmentation/type.ecore" "#,
        r#"xmlns:ner="http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore" xmi:version="2.0">"#,
        r#"<cas:NULL xmi:id="0"/><type:Sentence xmi:id="8" sofa="1" begin="0" end="14"/>"#,
        r#"<type:Token xmi:id="9" sofa="1" begin="0" end="2"/>"#,
        r#"<ner:NamedEntity xmi:id="10" sofa="1" begin="3" end="6" value="PER"/>"#,
        r#"<cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="😀 Ана&#10;said so."/>"#,
        r#"<cas:View sofa="1" members="8 9 10"/></xmi:XMI>"#,
    );
    let article = import("cas.xmi", xmi).unwrap();
    assert_eq!(article.body, "😀 Ана\nsaid so.");
    let spans = &article.annotations.spans;
    assert_eq!(spans.len(), 1, "tokens and sentences are structure");
    assert_eq!((spans[0].label.as_str(), spans[0].ranges[0]), ("PER", (2, 5)));
    assert!(article.warnings.iter().any(|w| w.contains("NamedEntity")), "{:?}", article.warnings);

    let tsv = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Stance|value\n#T_RL=webanno.custom.Link|role|BT_webanno.custom.Stance\n\n\n\
               #Text=I agree 👍\n1-1\t0-1\tI\t_\t_\t_\t\n1-2\t2-7\tagree\tPro[1]\t_\t_\t\n1-3\t8-10\t👍\tPro[1]\t_\t_\t\n";
    let article = import("stance.tsv", tsv).unwrap();
    assert_eq!(article.body, "I agree 👍");
    assert_eq!(article.annotations.spans[0].ranges, [(2, 9)]);
    assert_eq!(article.annotations.spans[0].label, "Pro");
    assert!(article.warnings.iter().any(|w| w.contains("relation layer")), "{:?}", article.warnings);
}

#[test]
fn broken_files_are_refused_with_the_place_they_break() {
    let short = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Stance|value\n\n\n#Text=I agree\n1-1\t0-1\n";
    let error = import("short.tsv", short).unwrap_err();
    assert!(error.contains("short.tsv line 6"), "{error}");
    let error =
        import("cut.xmi", r#"<xmi:XMI xmlns:xmi="http://www.omg.org/XMI"><cas:Sofa sofaString="a"#).unwrap_err();
    assert!(error.contains("cut.xmi line 1"), "{error}");
    let error = import("empty.xmi", r#"<xmi:XMI xmlns:xmi="http://www.omg.org/XMI"></xmi:XMI>"#).unwrap_err();
    assert!(error.contains("no text"), "{error}");
}

/// Reads an XMI file with Java's own XML parser (SAX, as UIMA's deserializer does) and prints, for each annotation
/// of Gloss's layers, its layer and the text `String.substring` gives for its begin and end (UTF-16, as in UIMA).
/// Reads a TSV file with `BufferedReader.readLine` and rebuilds the text and the annotations by the rules of
/// INCEpTION's `Tsv3XDeserializer`, in Java strings.
const JAVA: &str = r##"
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

public class Check {
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        List<String> lines = new ArrayList<>();
        if (args[0].equals("xmi")) {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            String[] sofa = { null };
            List<String[]> found = new ArrayList<>();
            factory.newSAXParser().parse(new File(args[1]), new DefaultHandler() {
                public void startElement(String uri, String local, String name, Attributes at) {
                    if (local.equals("Sofa")) sofa[0] = at.getValue("sofaString");
                    else if (uri.equals("http:///webanno/custom.ecore"))
                        found.add(new String[] { local, at.getValue("begin"), at.getValue("end") });
                }
            });
            for (String[] f : found)
                lines.add(f[0] + "\t" + sofa[0].substring(Integer.parseInt(f[1]), Integer.parseInt(f[2])));
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(args[1]), StandardCharsets.UTF_8));
            StringBuilder text = new StringBuilder();
            StringBuilder sentence = new StringBuilder();
            Map<String, int[]> spans = new TreeMap<>();
            int columns = 0;
            boolean first = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#T_SP=")) columns += line.split("\\|").length - 1;
                else if (line.startsWith("#Text=")) {
                    sentence.append(line.substring(6).replace("\\t", "\t").replace("\\f", "\f")).append('\n');
                    first = true;
                } else if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] fields = line.split("\t", -1);
                    if (fields.length < columns + 3) throw new IllegalStateException("short line: " + line);
                    String[] offsets = fields[1].split("-");
                    int begin = Integer.parseInt(offsets[0]), end = Integer.parseInt(offsets[1]);
                    if (first) {
                        if (text.length() > begin) text.setLength(text.length() - 1);
                        while (text.length() < begin) text.append(' ');
                        text.append(sentence);
                        sentence.setLength(0);
                        first = false;
                    }
                    for (int c = 3; c < fields.length; c++) {
                        for (String value : fields[c].split("(?<!\\\\)\\|")) {
                            if (value.equals("_") || value.isEmpty()) continue;
                            String id = (c < 12 ? "GlossHighlight" : "GlossComment") + value.substring(value.lastIndexOf('['));
                            int[] span = spans.computeIfAbsent(id, k -> new int[] { begin, end });
                            span[1] = end;
                        }
                    }
                }
            }
            for (Map.Entry<String, int[]> e : spans.entrySet())
                lines.add(e.getKey().substring(0, e.getKey().indexOf('[')) + "\t" + text.substring(e.getValue()[0], e.getValue()[1]));
        }
        Collections.sort(lines);
        for (String l : lines) out.print(l.replace("\n", "\\n") + "\n");
    }
}
"##;

#[test]
fn java_reads_the_xmi_and_the_tsv_to_the_same_texts_where_it_is_installed() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("Check.java");
    std::fs::write(&source, JAVA).unwrap();
    let project = annotated::project();
    let doc = &project.documents[0];
    let texts: Vec<String> = doc
        .spans
        .iter()
        .flat_map(|s| s.ranges.iter().map(|r| format!("GlossHighlight\t{}", r.exact)))
        .chain(doc.comments.iter().map(|c| format!("GlossComment\t{}", c.text)))
        .collect();
    for (format, extension) in [(Format::Xmi, "xmi"), (Format::WebAnnoTsv, "tsv")] {
        let files = exported(format, dir.path());
        let file = files.iter().find(|f| f.extension().is_some_and(|e| e == extension)).unwrap();
        let (source, file) = (source.display().to_string(), file.display().to_string());
        let Some(out) = external::run("java", &[&source, extension, &file], "java") else { return };
        let got: Vec<String> = out.lines().map(str::to_owned).collect();
        let mut want: Vec<String> = texts
            .iter()
            .map(|w| {
                let w = w.replace('\n', "\\n");
                // XML 1.0 cannot hold a form feed: the XMI has a space there.
                if format == Format::Xmi { w.replace('\u{c}', " ") } else { w }
            })
            .collect();
        want.sort();
        assert_eq!(got, want, "{extension}");
    }
}

#[test]
fn both_exports_carry_the_type_system_inceptions_layer_import_reads() {
    // INCEpTION's Layers > Import takes a file that begins with an XML declaration as a UIMA type system.
    let dir = tempfile::tempdir().unwrap();
    for format in [Format::Xmi, Format::WebAnnoTsv] {
        let files = exported(format, dir.path());
        let path = files.iter().find(|f| f.ends_with("TypeSystem.xml")).unwrap();
        let xml = std::fs::read_to_string(path).unwrap();
        assert!(xml.starts_with("<?xml"), "{}", format.name());
        let mut reader = quick_xml::Reader::from_str(&xml);
        let (mut names, mut in_name) = (Vec::new(), false);
        loop {
            match reader.read_event().unwrap() {
                quick_xml::events::Event::Start(e) => in_name = e.name().as_ref() == b"name",
                quick_xml::events::Event::Text(t) if in_name => names.push(t.decode().unwrap().into_owned()),
                quick_xml::events::Event::End(_) => in_name = false,
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        let highlight: Vec<&str> =
            ["label", "speaker", "checkWorthy", "verdict", "note", "annotator", "created", "modified", "part"].to_vec();
        let comment = ["number", "author", "date", "timestamp", "replyTo", "sentiment", "tags", "note", "annotator"];
        let mut want = vec!["Gloss", "webanno.custom.GlossHighlight"];
        want.extend(highlight);
        want.push("webanno.custom.GlossComment");
        want.extend(comment);
        assert_eq!(names, want, "{}", format.name());
    }
}

#[test]
fn a_file_that_comes_back_from_inception_with_the_old_extension_in_its_name_finds_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let files = exported(Format::Xmi, dir.path());
    let xmi = files.iter().find(|f| f.extension().is_some_and(|e| e == "xmi")).unwrap();
    // INCEpTION names the document after the file it was given, and its export after the document.
    let back = xmi.with_file_name(format!("{}.xmi", xmi.file_name().unwrap().to_string_lossy()));
    std::fs::rename(xmi, &back).unwrap();
    let article = gloss::import::extract_file(&back).unwrap().remove(0);
    assert_eq!(article.title, annotated::project().documents[0].title);
    assert!(article.body.contains('\u{c}'), "the form feed is back");
}
