//! Exports, read back the way the receiving tools read them: for every exported span, its offsets applied to the
//! exported text in that format's unit give exactly the span's text. The project mixes emoji (also joined and
//! flag sequences), combining marks, Armenian, CJK (also outside the Basic Multilingual Plane), Arabic and
//! Hebrew, a highlight across paragraphs, one in two parts, and highlights in comments.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::Path;

#[path = "support/annotated.rs"]
mod annotated;

use annotated::project;
use gloss::export::units::{Unit, slice};
use gloss::export::{Control, Format, Scope, export};
use gloss::model::Project;
use serde_json::Value;

fn export_to(project: &Project, format: Format, out: &Path) -> Vec<std::path::PathBuf> {
    export(project, Scope::Project, format, out, &Control::none()).unwrap().files
}

/// Every range of the project, as (target text, start, end, exact) in code points.
fn ranges(project: &Project) -> Vec<(String, usize, usize, String)> {
    let doc = &project.documents[0];
    doc.spans
        .iter()
        .flat_map(|s| {
            let text = doc.target_text(s.target).unwrap().to_owned();
            s.ranges.iter().map(move |r| (text.clone(), r.start, r.end, r.exact.clone()))
        })
        .collect()
}

#[test]
fn the_test_text_has_what_it_claims() {
    let project = project();
    let doc = &project.documents[0];
    let utf16 = doc.body.encode_utf16().count();
    let chars = doc.body.chars().count();
    assert!(utf16 > chars + 5, "several characters outside the BMP: {utf16} vs {chars}");
    assert_eq!(doc.spans.len(), 18);
}

#[test]
fn csv_offsets_index_the_exported_texts() {
    let project = project();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dataset");
    export_to(&project, Format::Csv, &out);
    let read = |name: &str| -> Vec<csv::StringRecord> {
        let mut reader = csv::Reader::from_path(out.join(name)).unwrap();
        reader.records().map(Result::unwrap).collect()
    };
    let body = read("documents.csv")[0][10].to_owned();
    let comments = read("comments.csv");
    let texts: Vec<(String, String)> = comments.iter().map(|r| (r[1].to_owned(), r[8].to_owned())).collect();
    let spans = read("spans.csv");
    assert_eq!(spans.len(), 19, "18 highlights, one in two parts");
    for row in &spans {
        let text = match &row[4] {
            "body" => body.clone(),
            _ => texts.iter().find(|(id, _)| id == &row[5]).unwrap().1.clone(),
        };
        let (start, end) = (row[7].parse().unwrap(), row[8].parse().unwrap());
        assert_eq!(slice(&text, start, end, Unit::CodePoint).unwrap(), &row[9]);
    }
    let mut expected: Vec<String> = ranges(&project).into_iter().map(|r| r.3).collect();
    let mut got: Vec<String> = spans.iter().map(|r| r[9].to_owned()).collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
    // The dimension is a column of its own, named as in the project.
    assert_eq!(&comments[0][7], "agrees");
    let bytes = std::fs::read(out.join("spans.csv")).unwrap();
    assert!(!bytes.starts_with(&[0xef, 0xbb, 0xbf]), "no byte-order mark");
    assert!(String::from_utf8(bytes).unwrap().contains("\r\n"), "RFC 4180 line ends");
}

/// The regions of a Label Studio export, each checked to select its text in `unit`; and the start of the region
/// over "waved 🇦🇲".
fn label_studio_regions(format: Format, unit: Unit) -> (usize, String) {
    let project = project();
    let dir = tempfile::tempdir().unwrap();
    let files = export_to(&project, format, &dir.path().join("tasks"));
    assert!(files[1].to_string_lossy().ends_with("tasks.config.xml"));
    let tasks: Value = serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    let mut regions = 0;
    for task in tasks.as_array().unwrap() {
        let text = task["data"]["text"].as_str().unwrap();
        for result in task["annotations"][0]["result"].as_array().into_iter().flatten() {
            if result["type"] != "labels" {
                continue;
            }
            let value = &result["value"];
            let (start, end) = (value["start"].as_u64().unwrap() as usize, value["end"].as_u64().unwrap() as usize);
            assert_eq!(slice(text, start, end, unit).unwrap(), value["text"].as_str().unwrap());
            regions += 1;
        }
    }
    (regions, std::fs::read_to_string(&files[0]).unwrap())
}

#[test]
fn label_studio_offsets_count_code_points_as_its_editor_does_and_utf16_for_old_releases() {
    // Label Studio's editor measures text with [...text] (code points) since 2022; before, JavaScript's UTF-16.
    // The text has a ZWJ family, a flag, CJK Extension B, Armenian, Cyrillic and a combining tilde.
    let project = project();
    let body = &project.documents[0].body;
    let span = project.documents[0].spans.iter().find(|s| s.quote() == "waved 🇦🇲").unwrap();
    let utf16_start = body.chars().take(span.start()).map(char::len_utf16).sum::<usize>();
    assert_ne!(utf16_start, span.start(), "the emoji before it make the units differ");
    let (regions, text) = label_studio_regions(Format::LabelStudio, Unit::CodePoint);
    assert_eq!(regions, 19);
    assert!(text.contains(&format!("\"start\": {}", span.start())));
    let (regions, text) = label_studio_regions(Format::LabelStudioUtf16, Unit::Utf16);
    assert_eq!(regions, 19);
    assert!(text.contains(&format!("\"start\": {utf16_start}")));
}

#[test]
fn doccano_offsets_count_code_points_of_each_line() {
    let project = project();
    let dir = tempfile::tempdir().unwrap();
    let files = export_to(&project, Format::Doccano, &dir.path().join("doccano"));
    let mut got = Vec::new();
    for line in std::fs::read_to_string(&files[0]).unwrap().lines() {
        let line: Value = serde_json::from_str(line).unwrap();
        let text = line["text"].as_str().unwrap();
        for triple in line["label"].as_array().unwrap() {
            let (start, end) = (triple[0].as_u64().unwrap() as usize, triple[1].as_u64().unwrap() as usize);
            got.push(slice(text, start, end, Unit::CodePoint).unwrap());
        }
    }
    let mut expected: Vec<String> = ranges(&project).into_iter().map(|r| r.3).collect();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    let classes: Vec<Value> =
        std::fs::read_to_string(&files[1]).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(classes.len(), 2);
    assert_eq!(classes[0]["label"], serde_json::json!(["Negative"]));
    assert_eq!(classes[1]["Stance"], "disagrees");
    // doccano reads a file into one table: every line has the same keys, and no value is null.
    for file in &files {
        let lines: Vec<Value> =
            std::fs::read_to_string(file).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert!(lines.iter().all(|l| keys(l) == keys(&lines[0])), "{}: {lines:?}", file.display());
        assert!(lines.iter().all(|l| l.as_object().unwrap().values().all(|v| !v.is_null())), "{lines:?}");
    }
}

#[test]
fn brat_offsets_index_the_txt_beside_them() {
    let project = project();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat");
    let files = export_to(&project, Format::Brat, &out);
    let txt = files.iter().find(|f| f.extension().is_some_and(|e| e == "txt")).unwrap();
    let text = std::fs::read_to_string(txt).unwrap();
    let ann = std::fs::read_to_string(txt.with_extension("ann")).unwrap();
    let mut entities = 0;
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{line}");
        let (_, offsets) = fields[1].split_once(' ').unwrap();
        let pieces: Vec<String> = offsets
            .split(';')
            .map(|pair| {
                let (start, end) = pair.split_once(' ').unwrap();
                slice(&text, start.parse().unwrap(), end.parse().unwrap(), Unit::CodePoint).unwrap()
            })
            .collect();
        assert!(
            pieces.iter().all(|p| !p.contains(gloss::model::text::is_line_break)),
            "brat fragments hold no line break, nor anything brat's reader ends a line at: {line}"
        );
        // The text field has spaces for tabs, so that no reader takes it for two fields.
        assert_eq!(pieces.join(" ").replace('\t', " "), fields[2], "{line}");
        entities += 1;
    }
    assert_eq!(entities, 18 + 2, "18 highlights and 2 comments");
    assert!(ann.contains("\tClaim ") && ann.contains(';'), "the cross-paragraph and two-part highlights");
    assert!(ann.contains("Sentiment T") && ann.contains("Stance T"));
    assert!(ann.contains("Verdict T1 Misleading"));
    let conf = std::fs::read_to_string(out.join("annotation.conf")).unwrap();
    assert!(conf.contains("Stance\tArg:Comment, Value:agrees|disagrees"), "{conf}");
}

#[test]
fn w3c_selectors_agree_with_the_text_and_the_musts_hold() {
    let project = project();
    let dir = tempfile::tempdir().unwrap();
    let files = export_to(&project, Format::W3c, &dir.path().join("annotations"));
    assert!(files[0].to_string_lossy().ends_with(".jsonld"));
    let collection: Value = serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    // With extensions, the context is a list whose first entry is the Web Annotation context (section 3.1).
    assert_eq!(collection["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(collection["type"], "AnnotationCollection");
    assert!(iri(&collection["id"]));
    let page = &collection["first"];
    assert_eq!(page["type"], "AnnotationPage");
    assert!(iri(&page["id"]));
    let items = page["items"].as_array().unwrap();
    assert_eq!(collection["total"].as_u64().unwrap() as usize, items.len());
    assert_eq!(items.len(), 18 + 2);
    let doc = &project.documents[0];
    let mut ids = std::collections::HashSet::new();
    let mut checked = 0;
    for annotation in items {
        // The MUSTs of the Web Annotation Data Model, section 3.
        assert_eq!(annotation["@context"][0], "http://www.w3.org/ns/anno.jsonld");
        assert!(iri(&annotation["id"]) && ids.insert(annotation["id"].to_string()), "a unique IRI");
        assert_eq!(annotation["type"], "Annotation");
        assert!(!annotation["target"].is_null());
        assert!(annotation.get("bodyValue").is_none());
        for body in annotation["body"].as_array().unwrap() {
            assert_eq!(body["type"], "TextualBody");
            assert!(body["value"].is_string());
            assert!(["tagging", "commenting"].contains(&body["purpose"].as_str().unwrap()));
        }
        for key in ["created", "modified"] {
            if let Some(time) = annotation.get(key) {
                time.as_str().unwrap().parse::<jiff::Timestamp>().unwrap();
            }
        }
        let targets = match &annotation["target"] {
            Value::Array(targets) => targets.clone(),
            Value::String(source) => {
                assert!(source.starts_with("urn:"));
                continue;
            }
            target => vec![target.clone()],
        };
        for target in targets {
            assert_eq!(target["type"], "SpecificResource");
            let source = target["source"].as_str().unwrap();
            let text = match source.rsplit_once(":comment:") {
                Some((_, id)) => &doc.comments.iter().find(|c| c.id.0.to_string() == id).unwrap().text,
                None => &doc.body,
            };
            let selectors = target["selector"].as_array().unwrap();
            let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector").unwrap();
            let position = selectors.iter().find(|s| s["type"] == "TextPositionSelector").unwrap();
            let (start, end) =
                (position["start"].as_u64().unwrap() as usize, position["end"].as_u64().unwrap() as usize);
            let exact = slice(text, start, end, Unit::CodePoint).unwrap();
            assert_eq!(exact, quote["exact"].as_str().unwrap());
            let prefix = quote["prefix"].as_str().unwrap_or_default();
            let suffix = quote["suffix"].as_str().unwrap_or_default();
            assert!(text.contains(&format!("{prefix}{exact}{suffix}")));
            checked += 1;
        }
    }
    assert_eq!(checked, 19);
}

fn iri(value: &Value) -> bool {
    value.as_str().is_some_and(|s| {
        let scheme = s.split(':').next().unwrap_or_default();
        !scheme.is_empty() && s.len() > scheme.len() + 1 && !s.contains(char::is_whitespace)
    })
}

#[test]
fn the_html_report_is_self_contained_and_escapes_text() {
    let mut project = project();
    project.documents[0].title = "<script>alert(1)</script> & more".to_owned();
    let dir = tempfile::tempdir().unwrap();
    let files = export_to(&project, Format::Html, &dir.path().join("report"));
    let html = std::fs::read_to_string(&files[0]).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
    for external in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(external), "{external} loads something from elsewhere");
    }
    assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());
    assert_eq!(html.matches("<p>").count() + html.matches("<p ").count(), html.matches("</p>").count());
    assert!(html.contains("title=\"Claim, Statistic\"") || html.contains("title=\"Statistic, Claim\""), "overlap");
    assert!(html.contains("Stance: agrees"));
}

#[test]
fn one_document_and_bad_destinations() {
    let project = project();
    let dir = tempfile::tempdir().unwrap();
    let id = project.documents[0].id;
    let report = export(&project, Scope::Document(id), Format::W3c, &dir.path().join("one"), &Control::none()).unwrap();
    assert_eq!(report.documents, 1);
    let missing =
        export(&project, Scope::Document(gloss::model::DocId(999)), Format::Csv, dir.path(), &Control::none());
    assert!(missing.unwrap_err().to_string().contains("999"));
    let file = dir.path().join("taken");
    std::fs::write(&file, "keep me").unwrap();
    let error = export(&project, Scope::Project, Format::Brat, &file, &Control::none()).unwrap_err();
    assert!(error.to_string().contains("is a file"), "{error}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
    let cancel = std::sync::atomic::AtomicBool::new(true);
    let control = Control { cancel: &cancel, on_progress: &|_, _| {} };
    let out = dir.path().join("cancelled.json");
    assert!(export(&project, Scope::Project, Format::LabelStudio, &out, &control).is_err());
    assert!(!out.exists(), "a cancelled export writes nothing");
}

#[test]
fn brat_fragments_break_where_brats_reader_breaks_lines() {
    // brat reads .ann files with Python's splitlines, which also ends a line at U+2028, NEL and form feed.
    let text = "Before\u{2028}after the line separator, next\u{85}line, page\u{0c}break and para\u{2029}graph.";
    let mut project = Project::new("breaks");
    let mut doc = gloss::model::Document::new(gloss::model::DocId(100), "Breaks", text);
    let label = project.schema.span_labels[0].id;
    let range = gloss::model::AnchoredRange::new(text, 0, text.chars().count() - 1).unwrap();
    let mut span = gloss::model::SpanAnnotation::new(
        gloss::model::SpanId(101),
        gloss::model::Target::Body,
        vec![range],
        label,
        jiff::Timestamp::UNIX_EPOCH,
    );
    span.note = "a note\u{2028}on two lines".to_owned();
    doc.spans.push(span);
    project.documents.push(doc);
    project.next_id = gloss::model::IdAllocator::starting_at(200);
    let dir = tempfile::tempdir().unwrap();
    let files = export_to(&project, Format::Brat, &dir.path().join("brat"));
    let ann = files.iter().find(|f| f.extension().is_some_and(|e| e == "ann")).unwrap();
    let txt = std::fs::read_to_string(ann.with_extension("txt")).unwrap();
    let ann = std::fs::read_to_string(ann).unwrap();
    let lines: Vec<&str> = ann.split(gloss::model::text::is_line_break).filter(|l| !l.is_empty()).collect();
    let entity = lines.iter().find(|l| l.starts_with('T')).unwrap();
    let fields: Vec<&str> = entity.split('\t').collect();
    assert_eq!(fields.len(), 3, "the T line survives brat's reader whole: {entity:?}");
    let fragments: Vec<&str> = fields[1].split_once(' ').unwrap().1.split(';').collect();
    assert_eq!(fragments.len(), 5, "{fragments:?}");
    for fragment in fragments {
        let (s, e) = fragment.split_once(' ').unwrap();
        let part = slice(&txt, s.parse().unwrap(), e.parse().unwrap(), Unit::CodePoint).unwrap();
        assert!(!part.contains(gloss::model::text::is_line_break), "{part:?}");
    }
    assert!(lines.iter().any(|l| l.starts_with('#') && l.ends_with("a note on two lines")), "{lines:?}");
}

#[test]
fn w3c_declares_the_gloss_prefix_in_its_context() {
    let project = project();
    let dir = tempfile::tempdir().unwrap();
    let files = export_to(&project, Format::W3c, &dir.path().join("w3c"));
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    let expected = serde_json::json!(["http://www.w3.org/ns/anno.jsonld", {"gloss": "urn:gloss:ns:"}]);
    assert_eq!(json["@context"], expected);
    let items = json["first"]["items"].as_array().unwrap();
    assert!(items.iter().all(|a| a["@context"] == expected));
    assert!(items.iter().any(|a| a.get("gloss:verdict").is_some()), "the prefixed properties are there to expand");
}
