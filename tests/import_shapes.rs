//! Plain-text articles in every shape the importer knows, from fixtures written for this project.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::{Path, PathBuf};

use gloss::import::{Declared, Extracted, ImportError, decode, extract_file, plain};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles").join(name)
}

fn extract(name: &str) -> Extracted {
    extract_file(&fixture(name)).unwrap().remove(0)
}

fn authors(article: &Extracted) -> Vec<&str> {
    article.comments.iter().map(|c| c.author.as_str()).collect()
}

#[test]
fn wordpress_says_with_dates_reply_buttons_and_comment_form() {
    let article = extract("says.txt");
    assert_eq!(article.title, "City Library Extends Opening Hours After Petition");
    assert_eq!(article.metadata.byline.as_deref(), Some("Clara Mendes"));
    assert_eq!(article.metadata.date.as_deref(), Some("October 7, 2016"));
    assert!(article.body.starts_with("The city library will open"));
    assert!(article.body.ends_with("school libraries."));
    assert!(!article.body.contains("Share this"), "sharing buttons are not the story");
    assert_eq!(authors(&article), ["Dana Whitfield", "Marco", "Ягуар"]);
    assert_eq!(article.comments[0].date.as_deref(), Some("October 7, 2016 at 9:14 am"));
    assert_eq!(
        article.comments[1].text,
        "90,000 is not modest for a town this size.\n\nI would rather see the school libraries fixed first."
    );
    assert_eq!(article.comments[2].text, "Хорошая новость для семей.");
    for comment in &article.comments {
        assert!(!comment.text.contains("Reply"), "{:?}", comment.text);
        assert!(!comment.text.contains("email address"));
    }
    assert!(article.warnings.is_empty());
}

#[test]
fn unnumbered_wrote_under_a_comments_heading_and_a_dash_dateline() {
    let article = extract("wrote.txt");
    assert_eq!(article.metadata.dateline.as_deref(), Some("LONDON"));
    assert!(article.body.starts_with("Train drivers called off"));
    assert!(!article.body.contains("Comments"));
    assert_eq!(authors(&article), ["sam_k", "Priya R"]);
    assert!(article.comments.iter().all(|c| c.number.is_none()));
}

#[test]
fn on_date_said_with_indented_replies_and_armenian_text() {
    let article = extract("on_date_said.txt");
    assert_eq!(article.metadata.dateline.as_deref(), Some("YEREVAN, Armenia (Armenpress)"));
    assert!(article.body.starts_with("The public services regulator"));
    assert_eq!(authors(&article), ["Anna", "Vardan", "Anna", "Lilit"]);
    let parents: Vec<Option<usize>> = article.comments.iter().map(|c| c.parent).collect();
    assert_eq!(parents, [None, Some(0), Some(1), None]);
    assert_eq!(article.comments[1].date.as_deref(), Some("March 3, 2016 at 6:40 pm"));
    assert_eq!(article.comments[3].text, "Ջուրը թանկանում է, իսկ որակը՝ ոչ։");
}

#[test]
fn pipe_headers_with_relative_dates() {
    let article = extract("pipe.txt");
    assert_eq!(authors(&article), ["Kim Lee", "Tom B", "Sara"]);
    assert_eq!(article.comments[0].date.as_deref(), Some("3 hours ago"));
    assert!(!article.body.contains("Join the discussion"));
}

#[test]
fn windows_line_endings_import_like_unix_ones() {
    let unix = extract("pipe.txt");
    let windows = extract("pipe_crlf.txt");
    assert_eq!(windows.body, unix.body);
    assert_eq!(windows.comments, unix.comments);
    assert!(!windows.body.contains('\r'));
}

#[test]
fn an_article_without_comments_drops_related_links() {
    let article = extract("no_comments.txt");
    assert_eq!(article.metadata.byline.as_deref(), Some("Ahmed Nasser"));
    assert!(article.comments.is_empty());
    assert!(article.body.ends_with("“safer than ever”."));
    assert!(article.warnings.is_empty());
}

#[test]
fn a_line_of_the_story_ending_in_said_is_not_a_comment() {
    let article = extract("body_said.txt");
    assert!(article.comments.is_empty());
    assert!(article.body.contains("Asked about the deficit, the minister said:"));
    assert!(article.body.ends_with("Opposition leaders were not convinced."));
}

#[test]
fn a_text_that_fits_no_pattern_imports_whole_with_a_warning() {
    let article = extract("no_pattern.txt");
    let text = std::fs::read_to_string(fixture("no_pattern.txt")).unwrap();
    assert_eq!(article.body, text.trim());
    assert!(article.title.starts_with("the minutes of the meeting"));
    assert!(article.title.chars().count() <= 101);
    assert_eq!(article.warnings.len(), 1);
}

#[test]
fn a_single_line_becomes_title_and_body() {
    let article = plain::extract("Just one line");
    assert_eq!(article.title, "Just one line");
    assert_eq!(article.body, "Just one line");
    assert_eq!(article.warnings.len(), 1);
}

#[test]
fn many_comments_all_come_through() {
    let mut text = String::from("Headline\n\nThe story.\n\nComments\n\n");
    for i in 1..=2000 {
        text.push_str(&format!("{i}. reader{i} said:\n\n    comment number {i}\n\n"));
    }
    let article = plain::extract(&text);
    assert_eq!(article.comments.len(), 2000);
    assert_eq!(article.comments[1999].text, "comment number 2000");
    assert_eq!(article.body, "The story.");
}

#[test]
fn input_that_is_not_text_is_refused_with_a_reason() {
    let path = Path::new("x.txt");
    let text = |bytes: &[u8]| decode(bytes, path, Declared::No);
    assert!(matches!(text(b""), Err(ImportError::Empty(_))));
    assert!(matches!(text(b"  \n\t\n"), Err(ImportError::Empty(_))));
    assert!(matches!(text(b"PK\x03\x04\x00\x00binary"), Err(ImportError::Binary(_))));
    assert_eq!(text(b"\xEF\xBB\xBFTitle\r\nBody\rEnd").unwrap().text, "Title\nBody\nEnd");
    let latin = text(b"Caf\xe9 cr\xe8me\n\nLe gar\xe7on a dit \xab non \xbb.").unwrap();
    assert_eq!(latin.text, "Café crème\n\nLe garçon a dit « non ».");
    assert!(latin.warning.unwrap().contains("windows-1252"), "the guess is named");
}

#[test]
fn a_project_file_is_not_imported_as_an_article() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron");
    assert!(matches!(extract_file(&sample), Err(ImportError::IsProject(_))));
}

#[test]
fn eight_scripts_with_right_to_left_paragraphs_and_comments() {
    let article = extract("many_scripts.txt");
    assert_eq!(article.metadata.dateline.as_deref(), Some("GENEVA"));
    let paragraphs: Vec<&str> = article.body.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 9);
    let starts =
        ["A multilingual", "Հայերեն", "По-русски", "Στα ελληνικά", "بالعربية", "בעברית", "हिन्दी", "中文", "日本語"];
    for (paragraph, start) in paragraphs.iter().zip(starts) {
        assert!(paragraph.starts_with(start), "{paragraph:?}");
    }
    let rtl: Vec<bool> = paragraphs.iter().map(|p| gloss::model::text::right_to_left(p)).collect();
    assert_eq!(rtl, [false, false, false, false, true, true, false, false, false]);
    assert_eq!(authors(&article), ["Մարիամ", "Алексей", "Νίκος", "ليلى", "דוד", "राहुल", "小明", "ゆき"]);
    assert_eq!(article.comments[0].text, "Շատ լավ նախաձեռնություն է։ 👏");
    assert!(article.warnings.is_empty(), "{:?}", article.warnings);
}
