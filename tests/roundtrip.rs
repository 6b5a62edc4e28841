//! Export, then import what was exported: the annotations come back the same, as far as each format carries them.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

#[path = "support/annotated.rs"]
mod annotated;
#[path = "support/people.rs"]
mod people;

use std::path::Path;

use gloss::edit::{Editor, imported};
use gloss::export::{Control, Format, Scope, export};
use gloss::model::{Project, Target, Verdict};

/// What a format may carry of a highlight.
#[derive(Clone, Copy)]
struct Carries {
    attributes: bool,
    times: bool,
}

/// A highlight described without ids: where (body, or comment by position), ranges, label and what `carries`.
fn highlights(project: &Project, carries: Carries) -> Vec<String> {
    let mut out = Vec::new();
    for doc in &project.documents {
        for span in &doc.spans {
            let place = match span.target {
                Target::Body => "body".to_owned(),
                Target::Comment(c) => format!("comment {}", doc.comment_index(c).unwrap()),
            };
            let ranges: Vec<(usize, usize)> = span.ranges.iter().map(|r| (r.start, r.end)).collect();
            let label = &project.schema.label(span.label).unwrap().name;
            let mut line = format!("{place} {ranges:?} {label}");
            if carries.attributes {
                line += &format!(" | {} | {} | {:?} | {:?}", span.speaker, span.note, span.check_worthy, span.verdict);
            }
            if carries.times {
                line += &format!(" | {} | {} | {}", span.annotator, span.created, span.modified);
            }
            out.push(line);
        }
    }
    out.sort();
    out
}

/// What importing the test project into a new one adds to the default labels.
const NEW_DIMENSION: &str = "added to the labels: Stance, Stance: agrees, Stance: disagrees";

/// Each comment's author, text, sentiment and dimension values, by name, and the position of the one it answers.
fn comments(project: &Project) -> Vec<String> {
    let schema = &project.schema;
    project
        .documents
        .iter()
        .flat_map(|doc| doc.comments.iter().map(move |c| (doc, c)))
        .map(|(doc, c)| {
            let own = c.own_tagging(&project.annotator).cloned().unwrap_or_default();
            let sentiment = own.sentiment.and_then(|s| schema.sentiment(s)).map(|l| l.name.clone());
            let tags: Vec<String> = schema
                .dimensions
                .iter()
                .filter_map(|d| {
                    let value = d.values.iter().find(|v| Some(&v.id) == own.tags.get(&d.id))?;
                    Some(format!("{}={}", d.name, value.name))
                })
                .collect();
            let parent = c.parent.and_then(|p| doc.comment_index(p));
            format!("{} | {} | {sentiment:?} | {tags:?} | reply to {parent:?}", c.author, c.text)
        })
        .collect()
}

/// Imports the files at `paths` into `project` as `gloss import` does.
fn import_into(project: Project, paths: &[std::path::PathBuf]) -> (Project, Vec<String>) {
    let (files, _) = gloss::import::batch::collect(paths);
    let articles: Vec<_> = files.iter().flat_map(|f| gloss::import::extract_file(f).unwrap()).collect();
    let warnings: Vec<String> = articles.iter().flat_map(|a| a.warnings.clone()).collect();
    let placement = imported::place(&project, articles, jiff::Timestamp::now());
    let mut editor = Editor::new(project, false);
    for command in placement.commands {
        editor.apply(command).unwrap();
    }
    assert!(editor.project().problems().is_empty(), "{:?}", editor.project().problems());
    // What was added for whom is checked on its own; the other notes say what went wrong.
    let notes = placement.notes.into_iter().filter(|n| !n.starts_with("added for "));
    (editor.project().clone(), warnings.into_iter().chain(notes).collect())
}

fn exported(project: &Project, format: Format, out: &Path) -> Vec<std::path::PathBuf> {
    export(project, Scope::Project, format, out, &Control::none()).unwrap().files
}

#[test]
fn csv_comes_back_whole() {
    let project = annotated::project();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("csv");
    exported(&project, Format::Csv, &out);
    let (back, notes) = import_into(Project::new("back"), &[out]);
    assert_eq!(notes, [NEW_DIMENSION]);
    let all = Carries { attributes: true, times: true };
    assert_eq!(highlights(&back, all), highlights(&project, all));
    assert_eq!(comments(&back), comments(&project));
    assert_eq!(back.documents[0].body, project.documents[0].body);
    assert_eq!(back.documents[0].title, project.documents[0].title);
    assert_eq!(back.documents[0].metadata, project.documents[0].metadata, "dateline, source file and the rest");
}

#[test]
fn doccano_comes_back_with_labels_and_sentiment() {
    let mut project = annotated::project();
    // The second comment answers the first, and the page numbered them.
    let first = project.documents[0].comments[0].id;
    project.documents[0].comments[1].parent = Some(first);
    for (i, comment) in project.documents[0].comments.iter_mut().enumerate() {
        comment.number = Some((i + 1).to_string());
    }
    let dir = tempfile::tempdir().unwrap();
    let files = exported(&project, Format::Doccano, &dir.path().join("data"));
    // Both files given, as a folder import would: the sentiment file is read with the first, not twice.
    let (back, notes) = import_into(Project::new("back"), &files);
    assert_eq!(back.documents.len(), 1, "{notes:?}");
    // doccano has no highlights in parts; the `highlights` metadata Gloss writes beside `label` joins them again,
    // with whose work each is.
    let with_annotators = Carries { attributes: false, times: false };
    assert_eq!(highlights(&back, with_annotators), highlights(&project, with_annotators));
    let owners = |p: &Project| p.documents[0].spans.iter().map(|s| s.annotator.clone()).collect::<Vec<_>>();
    assert_eq!(owners(&back), owners(&project));
    assert_eq!(comments(&back), comments(&project));
    // Comment numbers and replies come back too.
    let thread = |p: &Project| {
        let doc = &p.documents[0];
        let index = |id| doc.comment_index(id);
        doc.comments.iter().map(|c| (c.number.clone(), c.parent.and_then(index))).collect::<Vec<_>>()
    };
    assert_eq!(thread(&back), thread(&project));
    assert!(thread(&project).iter().any(|(_, parent)| parent.is_some()), "the fixture has a reply");
}

#[test]
fn brat_comes_back_with_attributes_and_comments() {
    let mut project = annotated::project();
    let first = project.documents[0].comments[0].id;
    project.documents[0].comments[1].parent = Some(first);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat");
    exported(&project, Format::Brat, &out);
    let (back, notes) = import_into(Project::new("back"), &[out]);
    // The highlights across a paragraph break, U+2028, NEL and a form feed were written as two fragments each;
    // joining them again is said, not silent.
    let (joins, rest): (Vec<&String>, Vec<&String>) = notes.iter().partition(|n| n.contains("were joined into one"));
    assert_eq!(rest, [NEW_DIMENSION]);
    assert_eq!(joins.len(), 4, "{joins:?}");
    let attributes = Carries { attributes: true, times: false };
    assert_eq!(highlights(&back, attributes), highlights(&project, attributes));
    assert_eq!(comments(&back), comments(&project));
    assert_eq!(back.documents[0].body, project.documents[0].body);
    // The title and metadata come back from the file beside the documents (brat has no place for them), so a
    // second cycle does not grow the title by the file's number.
    assert_eq!(back.documents[0].title, project.documents[0].title);
    assert_eq!(back.documents[0].metadata.dateline, project.documents[0].metadata.dateline);
    // Whose work each highlight is (a `#` Annotator line) and the replies (ReplyTo relations) come back.
    let owners = |p: &Project| p.documents[0].spans.iter().map(|s| s.annotator.clone()).collect::<Vec<_>>();
    assert_eq!(owners(&back), owners(&project));
    let parents = |p: &Project| {
        let doc = &p.documents[0];
        doc.comments.iter().map(|c| c.parent.and_then(|id| doc.comment_index(id))).collect::<Vec<_>>()
    };
    assert_eq!(parents(&back), parents(&project));
}

#[test]
fn w3c_annotations_rejoin_the_documents_they_name() {
    let project = annotated::project();
    let dir = tempfile::tempdir().unwrap();
    let files = exported(&project, Format::W3c, &dir.path().join("annotations"));
    // The same texts without their annotations, as a colleague's copy of the project might be.
    let mut bare = project.clone();
    for doc in &mut bare.documents {
        doc.spans.clear();
        for comment in &mut doc.comments {
            comment.tagged_by.clear();
        }
    }
    let (back, notes) = import_into(bare, &files);
    assert!(notes.is_empty(), "{notes:?}");
    let all = Carries { attributes: true, times: true };
    assert_eq!(highlights(&back, all), highlights(&project, all));
    assert_eq!(comments(&back), comments(&project));
    // Importing the same file again adds nothing twice.
    let (again, _) = import_into(back.clone(), &files);
    assert_eq!(again.documents[0].spans.len(), back.documents[0].spans.len());
}

#[test]
fn a_w3c_quote_finds_text_that_moved_and_unknown_documents_are_reported() {
    let project = annotated::project();
    let dir = tempfile::tempdir().unwrap();
    let files = exported(&project, Format::W3c, &dir.path().join("annotations"));
    let mut moved = project.clone();
    for doc in &mut moved.documents {
        doc.spans.clear();
        // A sentence added at the top moves every offset of the body.
        doc.body = format!("An editor's note was added here.\n\n{}", doc.body);
    }
    let (back, _) = import_into(moved, &files);
    let body_spans = project.documents[0].spans.iter().filter(|s| s.target == Target::Body).count();
    let found: Vec<String> = back.documents[0]
        .spans
        .iter()
        .filter(|s| s.target == Target::Body)
        .map(gloss::model::SpanAnnotation::quote)
        .collect();
    assert_eq!(found.len(), body_spans);
    assert!(found.contains(&"𠜎".to_owned()));
    let (_, notes) = import_into(Project::new("empty"), &files);
    assert!(notes.iter().any(|n| n.contains("not in this project")), "{notes:?}");
}

#[test]
fn brat_from_elsewhere_keeps_its_text_verbatim_and_reports_relations() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Ani said 😀 prices rose.\r\nThe mayor disagreed.\r\n";
    std::fs::write(dir.path().join("doc.txt"), text).unwrap();
    // Offsets count the \r of the Windows line end, as brat does.
    let ann = "T1\tQuote 0 8\tAni said\nT2\tClaim 29 44\tmayor disagreed\nA1\tVerdict T2 Accurate\nR1\tSupports Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T1\tcheck this\n";
    std::fs::write(dir.path().join("doc.ann"), ann).unwrap();
    let (back, notes) = import_into(Project::new("brat"), &[dir.path().to_owned()]);
    assert_eq!(back.documents.len(), 1, "the .ann is read with its .txt, not as an article");
    let doc = &back.documents[0];
    let quotes: Vec<String> = doc.spans.iter().map(gloss::model::SpanAnnotation::quote).collect();
    assert_eq!(quotes, ["Ani said", "mayor disagreed"]);
    assert_eq!(doc.spans[1].verdict, Verdict::Accurate);
    assert_eq!(doc.spans[0].note, "check this");
    assert!(notes.iter().any(|n| n.contains("relation R1")), "{notes:?}");
    assert!(back.schema.span_labels.iter().any(|l| l.name == "Quote"));
}

#[test]
fn doccano_from_elsewhere_becomes_a_document_per_line_with_new_labels() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id": 7, "text": "Ани: prices rose 12 % 😀", "entities": [{"id": 1, "label": "PRICE", "start_offset": 17, "end_offset": 21}], "relations": [{"id": 1, "from_id": 1, "to_id": 1, "type": "x"}]}"#,
        r#"{"text": "北京 is big", "label": [[0, 2, "PLACE"]]}"#,
    ];
    let path = dir.path().join("doccano.jsonl");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let (back, notes) = import_into(Project::new("doccano"), &[path]);
    assert_eq!(back.documents.len(), 2);
    assert_eq!(back.documents[0].spans[0].quote(), "12 %");
    assert_eq!(back.documents[1].spans[0].quote(), "北京");
    assert!(notes.iter().any(|n| n.contains("added to the labels: PRICE, PLACE")), "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("relations")), "{notes:?}");
}

#[test]
fn broken_datasets_say_what_is_wrong_and_keep_what_they_can() {
    let dir = tempfile::tempdir().unwrap();
    // brat: a fragment past the end of the text, a line that is not standoff, an attribute of nothing.
    std::fs::write(dir.path().join("doc.txt"), "Short text.").unwrap();
    std::fs::write(
        dir.path().join("doc.ann"),
        "T1\tClaim 0 5\tShort\nT2\tClaim 3 99\ttoo far\nnonsense\nA1\tVerdict T9 Accurate\n",
    )
    .unwrap();
    let (back, notes) = import_into(Project::new("brat"), &[dir.path().join("doc.txt")]);
    assert_eq!(back.documents[0].spans.len(), 1, "the highlight that fits is kept");
    for expected in ["reaches past the end of the text", "is not brat standoff", "T9, which is not an entity"] {
        assert!(notes.iter().any(|n| n.contains(expected)), "{expected:?} in {notes:?}");
    }
    // doccano: a line that is not JSON is left out with a warning naming it; the other lines import.
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"text\": \"a\", \"label\": [[0, 1, \"X\"]]}\n{not json\n").unwrap();
    let articles = gloss::import::extract_file(&bad).unwrap();
    assert_eq!(articles[0].annotations.spans.len(), 1);
    assert!(articles[0].warnings[0].starts_with("bad.jsonl line 2: "), "{:?}", articles[0].warnings);
    std::fs::write(&bad, "{not json\n").unwrap();
    let error = gloss::import::extract_file(&bad).unwrap_err().to_string();
    assert!(error.contains("bad.jsonl") && error.contains("line 1"), "a file of no JSON at all is refused: {error}");
    // A CSV dataset whose offsets are not numbers.
    let csv = dir.path().join("csv");
    std::fs::create_dir(&csv).unwrap();
    std::fs::write(csv.join("documents.csv"), "document_id,title,body\r\n1,T,Some body text\r\n").unwrap();
    std::fs::write(
        csv.join("spans.csv"),
        "document_id,span_id,part,target,label,start,end\r\n1,5,1,body,Claim,x,4\r\n",
    )
    .unwrap();
    let articles = gloss::import::extract_file(&csv.join("documents.csv")).unwrap();
    assert!(articles[0].annotations.spans.is_empty(), "the row is left out");
    assert_eq!(articles[0].warnings, ["spans.csv line 2: start \"x\" is not a number; the row was left out"]);
    // spans.csv alone, without its documents.csv.
    let lone = dir.path().join("lone");
    std::fs::create_dir(&lone).unwrap();
    std::fs::write(lone.join("spans.csv"), "document_id,span_id\r\n1,2\r\n").unwrap();
    let error = gloss::import::extract_file(&lone.join("spans.csv")).unwrap_err().to_string();
    assert!(error.contains("documents.csv is not beside it"), "{error}");
    // W3C annotations without targets or tags are reported one by one.
    let w3c = dir.path().join("notes.jsonld");
    let text = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "urn:x:1", "body": []}"#;
    std::fs::write(&w3c, text).unwrap();
    let error = gloss::import::extract_file(&w3c).unwrap_err().to_string();
    assert!(error.contains("notes.jsonld") && error.contains("urn:x:1 has no target"), "{error}");
}

#[test]
fn a_students_export_imported_into_the_key_adds_their_work_and_overwrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let key = gloss::store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron")).unwrap();
    // The student kept every one of the key's highlights exactly, tagged every comment otherwise, and is named.
    let mut student = people::as_annotator(key.clone(), "Student");
    let levels: Vec<_> = key.schema.sentiments.iter().map(|l| l.id).collect();
    for comment in &mut student.documents[0].comments {
        comment.retag("Student", |t| t.sentiment = levels.iter().copied().find(|l| Some(*l) != t.sentiment));
    }
    for format in [Format::W3c, Format::Csv] {
        let files = exported(&student, format, &dir.path().join(format.name()));
        let (back, notes) = import_into(key.clone(), &files[..1]);
        let doc = &back.documents[0];
        let before = &key.documents[0];
        assert_eq!(doc.spans.len(), before.spans.len() * 2, "{format:?}: the student's highlights are theirs, kept");
        let theirs = &student.documents[0].comments;
        for ((now, then), theirs) in doc.comments.iter().zip(&before.comments).zip(theirs) {
            let teacher = &key.annotator;
            assert_eq!(now.sentiment_of(teacher), then.sentiment_of(teacher), "{format:?}: the key's tags stay");
            assert_eq!(now.sentiment_of("Student"), theirs.sentiment_of("Student"), "{format:?}: theirs arrive");
        }
        assert!(notes.is_empty(), "{format:?}: {notes:?}");
        // Importing the same again adds nothing more.
        let (again, _) = import_into(back.clone(), &files[..1]);
        assert_eq!(again.documents[0].spans.len(), doc.spans.len(), "{format:?}");
    }
}

/// Sets every TextPositionSelector of a W3C export to `start..end`.
fn move_positions(value: &mut serde_json::Value, start: usize, end: usize) {
    match value {
        serde_json::Value::Object(map) => {
            if map.get("type").and_then(|t| t.as_str()) == Some("TextPositionSelector") {
                map.insert("start".into(), start.into());
                map.insert("end".into(), end.into());
            }
            map.values_mut().for_each(|v| move_positions(v, start, end));
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| move_positions(v, start, end)),
        _ => {}
    }
}

#[test]
fn a_w3c_quote_goes_where_its_context_agrees_not_to_another_copy_at_its_position() {
    let mut project = Project::new("emoji");
    let text = "Emoji headline 😀 opens the page.\n\nMuch later a reader answered 😀 and left.";
    let mut doc = gloss::model::Document::new(gloss::model::DocId(100), "Emoji", text);
    let label = project.schema.span_labels[0].id;
    let mut span = gloss::model::SpanAnnotation::new(
        gloss::model::SpanId(101),
        Target::Body,
        vec![gloss::model::AnchoredRange::new(text, 15, 16).unwrap()],
        label,
        jiff::Timestamp::UNIX_EPOCH,
    );
    span.annotator.clone_from(&project.annotator);
    doc.spans.push(span);
    project.documents.push(doc);
    project.next_id = gloss::model::IdAllocator::starting_at(200);
    let dir = tempfile::tempdir().unwrap();
    let files = exported(&project, Format::W3c, &dir.path().join("annotations"));
    // A stale position (another tool's, or an older text's) that points at the second emoji.
    let second = text.chars().count() - " and left.".chars().count() - 1;
    for file in &files {
        let mut value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        move_positions(&mut value, second, second + 1);
        std::fs::write(file, serde_json::to_string(&value).unwrap()).unwrap();
    }
    let mut bare = project.clone();
    bare.documents[0].spans.clear();
    let (back, notes) = import_into(bare, &files);
    let ranges: Vec<(usize, usize)> =
        back.documents[0].spans.iter().flat_map(|s| s.ranges.iter().map(|r| (r.start, r.end))).collect();
    assert_eq!(ranges, [(15, 16)], "the first emoji, whose prefix is \"Emoji headline \"");
    assert!(notes.iter().any(|n| n.contains("where its context agrees")), "{notes:?}");
}

#[test]
fn brat_labels_with_punctuation_come_back_by_the_name_visual_conf_gives() {
    let mut project = annotated::project();
    project.schema.span_labels[0].name = "Said \"no\", twice".to_owned();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat");
    exported(&project, Format::Brat, &out);
    let conf = std::fs::read_to_string(out.join("annotation.conf")).unwrap();
    assert!(conf.contains("Said__no___twice"), "brat's own type name has no spaces or punctuation");
    let (back, _) = import_into(Project::new("back"), &[out]);
    let attributes = Carries { attributes: true, times: false };
    assert_eq!(highlights(&back, attributes), highlights(&project, attributes));
    assert!(back.schema.span_labels.iter().any(|l| l.name == "Said \"no\", twice"));
}

#[test]
fn a_brat_round_trip_adds_no_line_to_the_body() {
    let mut project = annotated::project();
    for doc in &mut project.documents {
        doc.comments.clear();
        doc.spans.retain(|s| s.target == Target::Body);
    }
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first");
    exported(&project, Format::Brat, &first);
    let (back, _) = import_into(Project::new("back"), std::slice::from_ref(&first));
    assert_eq!(back.documents[0].body, project.documents[0].body);
    let second = dir.path().join("second");
    exported(&back, Format::Brat, &second);
    let txt = |dir: &Path| {
        let file = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "txt"));
        std::fs::read_to_string(file.unwrap()).unwrap()
    };
    assert_eq!(txt(&second), txt(&first), "the text written again is the same");
}

#[test]
fn label_studio_comes_back_with_parts_comments_and_sentiment_and_old_utf16_files_are_placed_by_quote() {
    let project = annotated::project();
    let dir = tempfile::tempdir().unwrap();
    let files = exported(&project, Format::LabelStudio, &dir.path().join("tasks"));
    let (back, notes) = import_into(Project::new("back"), &files[..1]);
    assert_eq!(back.documents.len(), 1, "{notes:?}");
    assert_eq!(back.documents[0].title, project.documents[0].title);
    let attributes = Carries { attributes: false, times: false };
    assert_eq!(highlights(&back, attributes), highlights(&project, attributes));
    assert_eq!(comments(&back), comments(&project));
    assert!(notes.iter().all(|n| !n.contains("could not be placed")), "{notes:?}");
    // A file of an old release counts UTF-16 units: each region's text finds it again, and the report says so.
    let old = exported(&project, Format::LabelStudioUtf16, &dir.path().join("old"));
    let (back, notes) = import_into(Project::new("old"), &old[..1]);
    assert_eq!(highlights(&back, attributes), highlights(&project, attributes));
    assert!(notes.iter().any(|n| n.contains("where its context agrees")), "{notes:?}");
}

/// Every file of an export, by its name relative to the export's path `out`, with its bytes.
fn contents(files: &[std::path::PathBuf], out: &Path) -> Vec<(String, Vec<u8>)> {
    let stem = out.file_name().unwrap().to_string_lossy().into_owned();
    let mut all: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| {
            let relative = f.strip_prefix(out).map_or_else(
                |_| f.file_name().unwrap().to_string_lossy().replacen(&stem, "OUT", 1),
                |r| r.display().to_string(),
            );
            (relative, std::fs::read(f).unwrap())
        })
        .collect();
    all.sort();
    all
}

#[test]
fn every_format_gives_the_same_files_after_an_export_and_an_import() {
    // As a person would: export, import the files into a new project of the same annotator (which signs the work
    // the files name nobody for as theirs), export again. W3C annotations join the texts they name, so they are
    // imported into a copy of the project without its annotations.
    let project = annotated::project();
    let dir = tempfile::tempdir().unwrap();
    for format in [
        Format::Csv,
        Format::Doccano,
        Format::Brat,
        Format::LabelStudio,
        Format::LabelStudioUtf16,
        Format::Xmi,
        Format::WebAnnoTsv,
        Format::W3c,
    ] {
        let first = dir.path().join(format!("{}-1", format.name()));
        let files = exported(&project, format, &first);
        let inputs = if format.writes_folder() { vec![first.clone()] } else { files[..1].to_vec() };
        let mut target = Project::new("again");
        target.annotator.clone_from(&project.annotator);
        if format == Format::W3c {
            target = project.clone();
            for doc in &mut target.documents {
                doc.spans.clear();
                doc.comments.iter_mut().for_each(|c| c.tagged_by.clear());
            }
        }
        let imported = import_signed(target, &inputs);
        let second = dir.path().join(format!("{}-2", format.name()));
        let again = exported(&imported, format, &second);
        let (a, b) = (contents(&files, &first), contents(&again, &second));
        assert_eq!(a.len(), b.len(), "{}", format.name());
        for ((name_a, bytes_a), (name_b, bytes_b)) in a.iter().zip(&b) {
            assert_eq!(name_a, name_b, "{}", format.name());
            if bytes_a != bytes_b {
                let (ta, tb) = (String::from_utf8_lossy(bytes_a), String::from_utf8_lossy(bytes_b));
                let first = ta.lines().zip(tb.lines()).find(|(x, y)| x != y);
                panic!("{}: {name_a} differs after a cycle, first at {first:?}", format.name());
            }
        }
    }
}

/// Imports `inputs` into `target` as the command line does: work that names no one is signed first.
fn import_signed(target: Project, inputs: &[std::path::PathBuf]) -> Project {
    let (batch, _) = gloss::import::batch::collect(inputs);
    let mut articles: Vec<_> = batch.iter().flat_map(|f| gloss::import::extract_file(f).unwrap()).collect();
    let _ = imported::sign_unsigned(&target, (&batch[0], &inputs[0]), &mut articles, None);
    let placement = imported::place(&target, articles, jiff::Timestamp::now());
    let mut editor = Editor::new(target, false);
    for command in placement.commands {
        editor.apply(command).unwrap();
    }
    editor.project().clone()
}

#[test]
fn importing_an_export_twice_changes_nothing_the_second_time() {
    // Into a new project with no annotator, as `gloss import --into new.ron` makes one: the second import finds
    // every highlight and every comment tag already there, with the same annotator.
    let project = annotated::project();
    let dir = tempfile::tempdir().unwrap();
    for format in Format::ALL.into_iter().filter(|f| !matches!(f, Format::Html | Format::W3c)) {
        let out = dir.path().join(format.name());
        let files = exported(&project, format, &out);
        let inputs = if format.writes_folder() { vec![out.clone()] } else { files[..1].to_vec() };
        let once = import_signed(Project::new("twice"), &inputs);
        assert_eq!(once.documents.len(), 1, "{}", format.name());
        let twice = import_signed(once.clone(), &inputs);
        assert_eq!(twice, once, "{}: the second import changed the project", format.name());
    }
}
