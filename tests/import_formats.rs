//! HTML, Markdown, JSON, CSV and compressed files, from fixtures written for this project, and batches of them.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on purpose")]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use gloss::import::{Extracted, ImportError, batch, extract_file};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles").join(name)
}

fn one(name: &str) -> Extracted {
    let mut articles = extract_file(&fixture(name)).unwrap();
    assert_eq!(articles.len(), 1, "{name}");
    articles.remove(0)
}

fn threads(article: &Extracted) -> Vec<(&str, Option<usize>)> {
    article.comments.iter().map(|c| (c.author.as_str(), c.parent)).collect()
}

#[test]
fn wordpress_page_with_furniture_and_threaded_comments() {
    let article = one("wp_comments.html");
    assert_eq!(article.title, "Valley Dam Gets Green Light After Ten-Year Fight");
    assert_eq!(article.metadata.site.as_deref(), Some("Valley Courier"));
    assert_eq!(article.metadata.byline.as_deref(), Some("Lusine Hakobyan"));
    assert_eq!(article.metadata.language.as_deref(), Some("en-GB"));
    assert!(article.body.starts_with("The regional water authority approved"));
    assert!(article.body.contains("“Մեր հողը մեր կյանքն է”"), "Armenian kept");
    for furniture in [
        "cookies",
        "newsletter",
        "Share on Facebook",
        "Council budget approved",
        "All rights reserved",
        "should never appear",
        "Photo: Valley Courier",
    ] {
        assert!(!article.body.contains(furniture), "{furniture} in the body");
    }
    assert_eq!(threads(&article), [("Gevorg Petrosyan", None), ("Karen M.", Some(0)), ("Ани", None)]);
    assert_eq!(
        article.comments[1].text,
        "Every family will be offered land of the same size further down the valley.\n\nThe offer is in the published plan, page 14."
    );
    assert_eq!(article.comments[2].date.as_deref(), Some("June 4, 2024 at 7:02 am"));
    for comment in &article.comments {
        assert!(!article.body.contains(&comment.text[..20]));
        assert!(!comment.text.contains("Reply"));
    }
}

#[test]
fn drupal_disqus_and_plain_lists() {
    let drupal = one("drupal_comments.html");
    assert_eq!(threads(&drupal), [("Ольга", None), ("Игорь", Some(0)), ("Guest", None)]);
    assert!(!drupal.body.contains("cookies"));
    assert!(drupal.body.contains("«безопаснее, чем когда-либо»"));
    let disqus = one("disqus_inline.html");
    assert_eq!(threads(&disqus), [("王小明", None), ("Li Na", Some(0)), ("Ahmed", None)]);
    assert_eq!(disqus.comments[2].text, "مبروك للمدينة");
    assert_eq!(disqus.comments[0].date.as_deref(), Some("3 hours ago"));
    assert!(disqus.body.starts_with("市地铁三号线"));
    let says = one("says_list.html");
    assert_eq!(threads(&says), [("Marta", None), ("D. Ellis", None)]);
    assert!(says.body.ends_with("Head teachers welcomed the decision."));
    assert!(!says.body.contains("Responses"));
}

#[test]
fn direction_encodings_and_compression() {
    let rtl = one("rtl_arabic.html");
    assert_eq!(rtl.metadata.direction.as_deref(), Some("rtl"));
    assert_eq!(rtl.metadata.language.as_deref(), Some("ar"));
    let latin = one("latin1.html");
    assert!(latin.body.contains("« C'est le cœur du village », a déclaré la maire, Élise Garçon"));
    let gz = one("says_list.html.gz");
    assert_eq!(gz.comments.len(), 2);
    assert_eq!(gz.body, one("says_list.html").body);
}

#[test]
fn markdown_json_and_csv() {
    let md = one("bridge.md");
    assert_eq!(md.title, "Bridge Reopens After Repairs");
    assert!(md.body.contains("repairs costing 2.3 million."), "links kept as text: {}", md.body);
    assert_eq!(threads(&md), [("Lena", None), ("Omar K.", None)]);

    for name in ["ferry.json", "ferry.jsonl"] {
        let articles = extract_file(&fixture(name)).unwrap();
        assert_eq!(articles.len(), 2, "{name}");
        let ferry = &articles[0];
        assert_eq!(ferry.title, "Ferry Fares Frozen");
        assert_eq!(
            ferry.body,
            "The island ferry will keep its fares for 2025.\n\nЕреван, 東京 and القاهرة routes are not affected."
        );
        assert_eq!(ferry.metadata.extra.get("url").map(String::as_str), Some("https://example.org/ferry"));
        assert_eq!(ferry.metadata.extra.get("section").map(String::as_str), Some("Transport"));
        assert_eq!(threads(ferry), [("ana", None), ("li", Some(0))]);
        assert_eq!(ferry.comments[0].text, "Good 👍");
    }

    let csv = one("stadium_comments.csv");
    assert!(csv.body.is_empty());
    assert_eq!(csv.comments.len(), 4);
    assert_eq!(csv.comments[2].text, "Who pays when it runs over budget?\nAsking for the whole town.");
    assert_eq!(csv.comments[0].date.as_deref(), Some("2024-03-01 09:12"));
}

#[test]
fn hostile_inputs_fail_alone_or_import_sanely() {
    let dir = tempfile::tempdir().unwrap();
    // An "HTML" file that is really binary.
    std::fs::write(dir.path().join("image.html"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00").unwrap();
    // Nesting far deeper than any page.
    let deep = format!(
        "<html><body>{}<p>Deep text survives.</p>{}</body></html>",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    std::fs::write(dir.path().join("deep.html"), deep).unwrap();
    // Broken JSON and a CSV without a text column.
    std::fs::write(dir.path().join("broken.json"), "{\"title\": \"x\",\n \"body\": ]").unwrap();
    std::fs::write(dir.path().join("numbers.csv"), "a,b\n1,2\n").unwrap();
    // 2,000 comments in WordPress markup.
    let mut many = String::from(
        "<html><body><article><h1>Busy</h1><p>A story that many people answered, at length and with feeling.</p></article><ol class=\"comment-list\">",
    );
    for i in 0..2000 {
        many.push_str(&format!("<li id=\"comment-{i}\" class=\"comment\"><cite class=\"fn\">reader{i}</cite><div class=\"comment-content\"><p>Comment number {i}.</p></div></li>"));
    }
    many.push_str("</ol></body></html>");
    std::fs::write(dir.path().join("many.html"), many).unwrap();

    let (files, problems) = batch::collect(&[dir.path().to_owned()]);
    assert!(problems.is_empty());
    let outcomes = batch::run(&files, &AtomicBool::new(false), &|_| {});
    let by_name = |name: &str| outcomes.iter().find(|o| o.path.ends_with(name)).unwrap();
    assert!(matches!(by_name("image.html").result, Err(ImportError::Binary(_))));
    let error = by_name("broken.json").result.as_ref().unwrap_err().to_string();
    assert!(error.contains("line 2"), "{error}");
    assert!(
        by_name("numbers.csv").result.as_ref().unwrap_err().to_string().contains("no column holds the comment text")
    );
    let deep = &by_name("deep.html").result.as_ref().unwrap()[0];
    assert!(deep.body.contains("Deep text survives."));
    let many = &by_name("many.html").result.as_ref().unwrap()[0];
    assert_eq!(many.comments.len(), 2000);
    assert_eq!(many.comments[1999].text, "Comment number 1999.");
    assert!(!many.body.contains("Comment number"));
}

#[test]
fn a_fifty_megabyte_file_imports() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let paragraph = "The committee heard evidence for many hours and adjourned without a decision on the budget. ";
    let mut text = String::from("A Very Long Transcript\n\n");
    while text.len() < 50 << 20 {
        text.push_str(&paragraph.repeat(8));
        text.push_str("\n\n");
    }
    std::fs::write(&path, &text).unwrap();
    let article = extract_file(&path).unwrap().remove(0);
    assert_eq!(article.title, "A Very Long Transcript");
    assert!(article.body.len() > 49 << 20);
}

#[test]
fn a_batch_reports_progress_and_stops_when_cancelled() {
    let files: Vec<PathBuf> = (0..40).map(|_| fixture("says.txt")).collect();
    let seen = AtomicUsize::new(0);
    let outcomes = batch::run(&files, &AtomicBool::new(false), &|p| {
        assert_eq!(p.total, 40);
        seen.fetch_max(p.done, Ordering::Relaxed);
    });
    assert_eq!(outcomes.len(), 40);
    assert_eq!(seen.load(Ordering::Relaxed), 40);

    let cancel = AtomicBool::new(false);
    let outcomes = batch::run(&files, &cancel, &|p| {
        if p.done >= 3 {
            cancel.store(true, Ordering::Relaxed);
        }
    });
    assert!(outcomes.len() < 40, "{} files read after cancelling", outcomes.len());
    assert!(outcomes.iter().all(|o| o.result.is_ok()));
}

#[test]
fn content_is_not_silently_dropped() {
    // A paragraph the page repeats three times stays three paragraphs.
    let same = "The same paragraph, said again by the speaker at the meeting, word for word.";
    let page = format!(
        "<html><head><title>Repeats</title></head><body><article><h1>Repeats</h1><p>{same}</p><p>{same}</p><p>{same}</p>\
         <p>Then something else happened, and the meeting went on into the evening.</p></article></body></html>"
    );
    let article = gloss::import::html::extract(&page);
    assert_eq!(article.body.matches(same).count(), 3, "{}", article.body);
    // A page of one line repeated keeps every line.
    let lines = "A line of the page, repeated, long enough to be read as content.<br>\n".repeat(6);
    let article = gloss::import::html::extract(&format!("<html><body><div>{lines}</div></body></html>"));
    assert_eq!(article.body.matches("A line of the page").count(), 6, "{}", article.body);
    // An article with a stray NUL byte imports, with a warning, without it; a binary file is still refused.
    let dir = tempfile::tempdir().unwrap();
    let damaged = dir.path().join("damaged.txt");
    std::fs::write(&damaged, b"A Title\n\nThe council voted on Tuesday.\x00 It was close.\n\nA second paragraph.\n")
        .unwrap();
    let article = extract_file(&damaged).unwrap().remove(0);
    assert!(article.body.contains("The council voted on Tuesday. It was close."), "{}", article.body);
    assert!(article.warnings.iter().any(|w| w.contains("1 NUL byte(s)")), "{:?}", article.warnings);
    let binary = dir.path().join("picture.txt");
    std::fs::write(&binary, (0..=255_u8).cycle().take(4096).collect::<Vec<_>>()).unwrap();
    assert!(matches!(extract_file(&binary), Err(ImportError::Binary(_))));
}

#[test]
fn a_page_nested_a_hundred_thousand_deep_imports_with_its_text() {
    let page = format!(
        "<html><head><title>Deep</title></head><body>{}<p>The text at the bottom of it all.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let article = gloss::import::html::extract(&page);
    assert!(article.body.contains("The text at the bottom of it all."));
    assert!(article.warnings.iter().any(|w| w.contains("nests 100003 levels deep")), "{:?}", article.warnings);
}

#[test]
fn a_forum_threads_first_post_is_the_body_and_the_replies_are_the_comments() {
    let thread = one("forum_thread.html");
    assert!(thread.body.starts_with("Since the levy came in the morning ferry"), "{:?}", thread.body);
    assert!(!thread.body.contains("Another thread about the harbour"), "the list of other threads is not the body");
    assert_eq!(threads(&thread), [("maren", None), ("tomas_k", None), ("harbourwatcher", None)]);
    assert_eq!(thread.comments[0].date.as_deref(), Some("28.09.19 13:55"));
    assert!(thread.comments.iter().all(|c| !c.text.contains("Reply") && !c.text.contains("Report")));
    assert_eq!(thread.metadata.byline.as_deref(), Some("harbourwatcher"));
    let note = thread.comments_note().unwrap_or_default();
    assert!(note.starts_with("comments: found by the page's markup"), "{note}");
}

#[test]
fn a_comment_section_only_its_heading_names_is_found_by_the_heading() {
    let page = one("headed_comments.html");
    assert_eq!(threads(&page), [("Inselkind", None)]);
    let comment = &page.comments[0];
    assert_eq!(comment.date.as_deref(), Some("13. April 2024, 16:19"));
    assert!(comment.text.starts_with("Endlich!"), "{:?}", comment.text);
    assert!(page.body.contains("zweites Fährschiff"), "{:?}", page.body);
    assert!(!page.body.contains("Endlich!"), "the comment is not in the body: {:?}", page.body);
    assert!(!page.body.contains("Kommentar schreiben"), "nor the form's heading: {:?}", page.body);
    let note = page.comments_note().unwrap_or_default();
    assert!(note.contains("named only by its heading"), "{note}");
}

#[test]
fn a_thread_without_names_is_read_by_its_dates_and_counters_are_no_names() {
    let page = one("unsigned_thread.html");
    let texts: Vec<&str> = page.comments.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts[1].starts_with("also, the night boat"), "{texts:?}");
    assert!(page.comments.iter().all(|c| c.author.is_empty()), "'level 2', '4 points' or 'also' are no names");
    assert_eq!(page.comments[0].date.as_deref(), Some("3 years ago"));
    assert!(!texts.iter().any(|t| t.contains("Continue this thread")));
    assert!(page.body.contains("one more crossing at night"), "{:?}", page.body);
    let note = page.comments_note().unwrap_or_default();
    assert!(note.contains("3 of them show no author"), "{note}");
}

#[test]
fn reviews_marked_up_in_microdata_are_comments_and_a_review_article_stays_the_body() {
    let page = one("microdata_reviews.html");
    assert_eq!(threads(&page), [("Maren", None), ("Tomas", None)]);
    assert_eq!(page.comments[0].text, "Paid for itself in the second week. The night boat is a blessing.");
    assert!(page.body.contains("every crossing"), "{:?}", page.body);
    assert!(!page.body.contains("Paid for itself"), "{:?}", page.body);

    let article = one("review_article.html");
    assert!(article.comments.is_empty(), "{:?}", article.comments);
    assert!(article.body.contains("night ferry leaves the harbour"), "{:?}", article.body);
}

#[test]
fn a_board_thread_nothing_names_is_found_by_its_shape() {
    let thread = one("board_thread.html");
    assert!(thread.body.starts_with("Since the new timetable started on Monday"), "{:?}", thread.body);
    assert!(thread.body.contains("along the ring road"), "{:?}", thread.body);
    assert!(!thread.body.contains("Board index") && !thread.body.contains("Post Reply"), "{:?}", thread.body);
    assert_eq!(threads(&thread), [("tomas_k", None), ("Oona", None), ("lenka", None)]);
    let first = &thread.comments[0];
    assert_eq!(first.date.as_deref(), Some("Sat Mar 02, 2024 10:40 pm"));
    assert_eq!(first.timestamp.as_deref(), Some("2024-03-02T22:40:00+00:00"));
    assert!(first.text.starts_with("I wrote to them last week"), "{:?}", first.text);
    assert!(thread.comments.iter().all(|c| !c.text.contains("Quote") && !c.text.contains("Top")));
    assert!(!thread.comments.iter().any(|c| c.text.contains("Since the new timetable")));
    assert_eq!(thread.metadata.byline.as_deref(), Some("lenka"));
    let note = thread.comments_note().unwrap_or_default();
    assert!(note.starts_with("comments: found by their structure"), "{note}");
    assert!(note.contains("no part of the page names comments"), "{note}");

    let board = one("board_list.html");
    assert!(board.body.starts_with("Ab dem 4. März fährt die Fähre"), "{:?}", board.body);
    let authors: Vec<&str> = board.comments.iter().map(|c| c.author.as_str()).collect();
    assert_eq!(authors, ["Wiebke", "Jens P."]);
    assert!(board.comments[0].text.starts_with("Der Kreistag berät"), "{:?}", board.comments[0].text);
    assert!(board.comments.iter().all(|c| !c.text.contains("Zitieren") && !c.text.contains("#2")));
}

#[test]
fn one_reporters_dated_entries_and_a_list_of_other_stories_are_no_thread() {
    let live = one("live_blog.html");
    assert!(live.comments.is_empty(), "{:?}", live.comments);
    assert!(live.comments_note().is_none(), "{:?}", live.comments_note());
    for entry in ["closed the port", "4,000 homes", "collect their children", "highest level"] {
        assert!(live.body.contains(entry), "{entry}: {:?}", live.body);
    }
}
