//! A project that puts offsets to the test: emoji (also joined and flag sequences), combining marks, Armenian,
//! CJK (also outside the Basic Multilingual Plane), Arabic (also with harakat) and Hebrew, a tab, a no-break space
//! and characters other tools take for line ends (U+2028, NEL, form feed) inside highlights; a highlight across
//! paragraphs, one in two parts, an overlap, highlights in comments, a reply, speakers, verdicts, sentiment and a
//! stance dimension.

use gloss::edit::{Command, Editor, SpanAttribute, SpanDraft, TextField};
use gloss::model::{Dimension, DimensionId, DimensionValue, Project, Target, ValueId, Verdict};

const ARTICLE: &str = "Café Owners 😀 Protest: a Test in Eight Scripts

YEREVAN — The café owner Ане said: «Մենք չենք փակվի» 👩‍👩‍👧 and waved 🇦🇲 at the crowd.

Prices rose 12 % in 北京 and 𠜎 stands for a rare character; the word nin\u{303}o is written with a combining tilde.

قال المتحدث إن الأسعار سترتفع. הוא אמר שהמחירים יעלו.

Control\tcharacters: a no-break\u{a0}space, a line\u{2028}separator, a next\u{85}line, a form\u{0c}feed, and حَرَكَات.

Comments

Анна wrote:

Согласна 👍 — «Մենք» means “we”.

لينا wrote:

أنا لا أوافق 😡 على هذا.
";

/// A highlight to make: where, which ranges, which label.
type Planned = (Target, Vec<(usize, usize)>, gloss::model::LabelId);

/// A span over `needle` (the `nth` time it occurs) in `target`'s text, in code points.
fn find(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// The project, built through the same commands the window sends.
pub fn project() -> Project {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let mut article = gloss::import::extract_file(&path).unwrap().remove(0);
    assert_eq!(article.comments.len(), 2, "{:?}", article.warnings);
    // The second comment answers the first.
    article.comments[1].parent = Some(0);
    let mut project = Project::new("Exactness «test» 😀");
    project.annotator = "Ани".to_owned();
    project.schema.dimensions.push(Dimension {
        id: DimensionId(0),
        name: "Stance".to_owned(),
        description: String::new(),
        values: vec![
            DimensionValue { id: ValueId(0), name: "agrees".to_owned() },
            DimensionValue { id: ValueId(0), name: "disagrees".to_owned() },
        ],
    });
    let mut editor = Editor::new(project, false);
    let schema = Box::new(editor.project().schema.clone());
    editor.apply(Command::SetSchema { schema }).unwrap();
    let document = Box::new(article.into_document());
    editor.apply(Command::AddDocument { index: 0, document, fresh_ids: true }).unwrap();
    let doc = editor.project().documents[0].clone();
    let at: jiff::Timestamp = "2026-11-28T12:00:00Z".parse().unwrap();
    let label = |name: &str| editor.project().schema.span_labels.iter().find(|l| l.name == name).unwrap().id;
    let mut spans: Vec<Planned> = Vec::new();
    for (needle, name) in [
        ("«Մենք չենք փակվի» 👩‍👩‍👧", "Quote"),
        ("waved 🇦🇲", "Opinion"),
        ("12 % in 北京", "Statistic"),
        ("𠜎", "Source"),
        ("nin\u{303}o", "Claim"),
        ("قال المتحدث", "Quote"),
        ("הוא אמר", "Quote"),
        ("crowd.\n\nPrices rose", "Claim"),
        ("Control\tcharacters", "Claim"),
        ("no-break\u{a0}space", "Opinion"),
        ("line\u{2028}separator", "Quote"),
        ("next\u{85}line", "Quote"),
        ("form\u{0c}feed", "Statistic"),
        ("حَرَكَات", "Source"),
    ] {
        spans.push((Target::Body, vec![find(&doc.body, needle)], label(name)));
    }
    // One highlight in two parts, and one over the same words as another (an overlap).
    spans.push((Target::Body, vec![find(&doc.body, "The café owner"), find(&doc.body, "Ане said")], label("Quote")));
    spans.push((Target::Body, vec![find(&doc.body, "12 %")], label("Claim")));
    for (i, needle) in [(0, "👍 — «Մենք»"), (1, "لا أوافق 😡")] {
        let comment = &doc.comments[i];
        spans.push((Target::Comment(comment.id), vec![find(&comment.text, needle)], label("Opinion")));
    }
    for (target, ranges, label) in spans {
        let draft = SpanDraft { target, ranges, label, at };
        let created = editor.apply(Command::CreateSpan { doc: doc.id, draft }).unwrap();
        let gloss::edit::Created::Span(_, span) = created else { panic!("no span") };
        let field = TextField::SpanSpeaker(doc.id, span);
        editor.apply(Command::SetText { field, value: "Ане «Ա» 😀".to_owned(), at: Some(at) }).unwrap();
        let attribute = SpanAttribute::Verdict(Verdict::Misleading);
        editor.apply(Command::SetSpanAttribute { doc: doc.id, span, attribute, at }).unwrap();
    }
    let schema = editor.project().schema.clone();
    let stance = &schema.dimensions[0];
    for (i, comment) in doc.comments.iter().enumerate() {
        let sentiment = Some(schema.sentiments[i].id);
        editor.apply(Command::SetSentiment { doc: doc.id, comment: comment.id, annotator: None, sentiment }).unwrap();
        let (dimension, value) = (stance.id, Some(stance.values[i].id));
        editor
            .apply(Command::SetCommentTag { doc: doc.id, comment: comment.id, annotator: None, dimension, value })
            .unwrap();
    }
    let project = editor.project().clone();
    assert!(project.problems().is_empty(), "{:?}", project.problems());
    project
}
