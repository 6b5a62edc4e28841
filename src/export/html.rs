//! A standalone, printable HTML report for classroom handouts: a legend of the labels with their descriptions, a
//! summary (highlights per label, comments per sentiment), then each document with its highlights coloured, its
//! comments with their sentiment, and a table of its highlights. Styles are inline in the file and nothing is
//! loaded from elsewhere, so it opens offline and prints as it shows. Overlapping highlights draw one underline
//! per label, stacked, and name all their labels in a tooltip.

use std::fmt::Write as _;
use std::path::Path;

use super::{Control, Output, Rendered};
use crate::analysis::Stats;
use crate::model::{Document, LabelSchema, Project, Rgb, Target};

const STYLE: &str = "body{font:16px/1.55 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}\
h1{font-size:1.6em}h2{font-size:1.35em;margin-top:2.2em}h3{font-size:1.1em}\
.meta{color:#666;font-size:.9em}mark{color:inherit;border-radius:2px;padding:0 1px}\
.legend span,.badge{display:inline-block;padding:0 .5em;border-radius:.8em;margin:0 .3em .3em 0}\
table{border-collapse:collapse;width:100%;font-size:.9em;margin:1em 0}\
th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}\
.comment{border:1px solid #ddd;border-radius:6px;padding:.4em .8em;margin:.6em 0}.who{font-weight:600;margin:0}\
.bar{display:inline-block;height:.8em;background:#889;vertical-align:middle}\
@media print{body{margin:0;max-width:none}article{break-before:page}mark{print-color-adjust:exact;\
-webkit-print-color-adjust:exact}}";

pub(super) fn render(project: &Project, docs: &[&Document], out: &Path, control: &Control<'_>) -> Rendered {
    let schema = &project.schema;
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n{}\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang(docs),
        super::destination::GENERATOR,
        escape(&project.name)
    );
    let _ = writeln!(html, "<header>\n<h1>{}</h1>", escape(&project.name));
    if !project.annotator.is_empty() {
        let _ = writeln!(html, "<p class=\"meta\">Annotator: {}</p>", escape(&project.annotator));
    }
    html.push_str("</header>\n");
    legend(&mut html, schema);
    summary(&mut html, project, docs);
    control.each(docs, |doc| {
        document(&mut html, (schema, &project.annotator), doc);
        Ok(())
    })?;
    html.push_str("</body>\n</html>\n");
    Ok(vec![Output { path: super::with_extension(out, "html"), bytes: html.into_bytes() }])
}

fn lang(docs: &[&Document]) -> String {
    docs.first().and_then(|d| d.metadata.language.clone()).map_or_else(|| "und".to_owned(), |l| escape(&l))
}

fn legend(html: &mut String, schema: &LabelSchema) {
    html.push_str("<section class=\"legend\">\n<h2>Labels</h2>\n<p>");
    for label in &schema.span_labels {
        let _ = write!(html, "<span style=\"background:{}\">{}</span>", tint(label.color), escape(&label.name));
    }
    html.push_str("</p>\n<dl>\n");
    for label in schema.span_labels.iter().filter(|l| !l.description.is_empty()) {
        let _ = writeln!(html, "<dt>{}</dt><dd>{}</dd>", escape(&label.name), escape(&label.description));
    }
    html.push_str("</dl>\n</section>\n");
}

fn summary(html: &mut String, project: &Project, docs: &[&Document]) {
    let stats = Stats::of_documents(project, docs);
    let _ = writeln!(
        html,
        "<section>\n<h2>Summary</h2>\n<p>{} document(s), {} highlight(s), {} of {} comment(s) tagged.</p>",
        stats.documents, stats.spans, stats.comments_tagged, stats.comments
    );
    html.push_str("<table>\n<tr><th>Label</th><th>Highlights</th><th></th></tr>\n");
    let most = stats.spans_per_label.iter().map(|c| c.count).max().unwrap_or(0).max(1);
    for count in &stats.spans_per_label {
        bar_row(html, &count.name, count.count, most);
    }
    html.push_str("</table>\n<table>\n<tr><th>Sentiment</th><th>Comments</th><th></th></tr>\n");
    let most = stats.sentiments.iter().map(|c| c.count).max().unwrap_or(0).max(1);
    for count in &stats.sentiments {
        bar_row(html, &count.name, count.count, most);
    }
    html.push_str("</table>\n</section>\n");
}

fn bar_row(html: &mut String, name: &str, count: usize, most: usize) {
    let width = count * 100 / most;
    let _ = writeln!(
        html,
        "<tr><td>{}</td><td>{count}</td><td><span class=\"bar\" style=\"width:{width}%\"></span></td></tr>",
        escape(name)
    );
}

fn document(html: &mut String, (schema, who): (&LabelSchema, &str), doc: &Document) {
    let _ = writeln!(html, "<article dir=\"auto\">\n<h2>{}</h2>", escape(&doc.title));
    let meta = doc.metadata.known_fields();
    if !meta.is_empty() {
        // The report is for people: a machine date reads as "9 March 2017, 23:16".
        let readable = |(name, value): &(&str, &str)| {
            if *name == "date" { escape(&crate::model::dates::readable(value)) } else { escape(value) }
        };
        let parts: Vec<String> = meta.iter().map(readable).collect();
        let _ = writeln!(html, "<p class=\"meta\">{}</p>", parts.join(" · "));
    }
    marked(html, schema, doc, Target::Body);
    if !doc.comments.is_empty() {
        let _ = writeln!(html, "<section>\n<h3>Comments ({})</h3>", doc.comments.len());
        for comment in &doc.comments {
            let number = comment.number.as_deref().map(|n| format!("#{n} ")).unwrap_or_default();
            let _ = write!(
                html,
                "<div class=\"comment\" dir=\"auto\">\n<p class=\"who\">{}{}",
                escape(&number),
                escape(&comment.author)
            );
            if let Some(level) = comment.sentiment_of(who).and_then(|s| schema.sentiment(s)) {
                let _ = write!(
                    html,
                    " <span class=\"badge\" style=\"background:{}\">{}</span>",
                    tint(level.color),
                    escape(&level.name)
                );
            }
            for dimension in &schema.dimensions {
                let value = comment.tag_value(who, dimension);
                if let Some(value) = value {
                    let _ = write!(
                        html,
                        " <span class=\"badge\" style=\"background:#eee\">{}: {}</span>",
                        escape(&dimension.name),
                        escape(&value.name)
                    );
                }
            }
            html.push_str("</p>\n");
            marked(html, schema, doc, Target::Comment(comment.id));
            html.push_str("</div>\n");
        }
        html.push_str("</section>\n");
    }
    if !doc.spans.is_empty() {
        html.push_str(
            "<table>\n<tr><th>Label</th><th>Text</th><th>Speaker / source</th><th>Verdict</th><th>Note</th></tr>\n",
        );
        for span in &doc.spans {
            let label = schema.label(span.label).map_or("", |l| l.name.as_str());
            let _ = writeln!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(label),
                escape(&span.quote()),
                escape(&span.speaker),
                span.verdict.name(),
                escape(&span.note)
            );
        }
        html.push_str("</table>\n");
    }
    html.push_str("</article>\n");
}

/// The text of `target` as paragraphs, each highlight a `<mark>`; marks close and reopen at paragraph breaks so
/// that the HTML nests.
fn marked(html: &mut String, schema: &LabelSchema, doc: &Document, target: Target) {
    let Some(text) = doc.target_text(target) else { return };
    let mut edges: Vec<(usize, bool, usize)> = Vec::new();
    for span in doc.spans.iter().filter(|s| s.target == target) {
        let Some(index) = schema.span_labels.iter().position(|l| l.id == span.label) else { continue };
        for range in &span.ranges {
            edges.push((range.start, true, index));
            edges.push((range.end, false, index));
        }
    }
    edges.sort_unstable();
    let mut edges = edges.into_iter().peekable();
    let mut active: Vec<usize> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    html.push_str("<p>");
    let mut open = false;
    let mut i = 0;
    while i <= chars.len() {
        let mut changed = false;
        while let Some(&(at, starts, index)) = edges.peek() {
            if at > i {
                break;
            }
            if starts {
                active.push(index);
            } else if let Some(p) = active.iter().position(|&a| a == index) {
                active.remove(p);
            }
            changed = true;
            edges.next();
        }
        if changed || (i < chars.len() && !open && !active.is_empty()) {
            if open {
                html.push_str("</mark>");
                open = false;
            }
            if !active.is_empty() && i < chars.len() {
                open_mark(html, schema, &active);
                open = true;
            }
        }
        let Some(&c) = chars.get(i) else { break };
        if c == '\n' && chars.get(i + 1) == Some(&'\n') {
            if open {
                html.push_str("</mark>");
                open = false;
            }
            html.push_str("</p>\n<p>");
            i += 2;
            continue;
        }
        match c {
            '\n' => html.push_str("<br>"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '&' => html.push_str("&amp;"),
            _ => html.push(c),
        }
        i += 1;
    }
    if open {
        html.push_str("</mark>");
    }
    html.push_str("</p>\n");
}

fn open_mark(html: &mut String, schema: &LabelSchema, active: &[usize]) {
    let labels: Vec<_> = active.iter().filter_map(|&i| schema.span_labels.get(i)).collect();
    let Some(first) = labels.first() else { return };
    let shadows: Vec<String> =
        labels.iter().enumerate().map(|(k, l)| format!("inset 0 -{}px 0 {}", 2 * (k + 1), l.color)).collect();
    let names: Vec<&str> = labels.iter().map(|l| l.name.as_str()).collect();
    let _ = write!(
        html,
        "<mark style=\"background:{};box-shadow:{}\" title=\"{}\">",
        tint(first.color),
        shadows.join(","),
        escape(&names.join(", "))
    );
}

/// The colour lightened for a background that dark text stays readable on.
fn tint(color: Rgb) -> String {
    let mix = |c: u8| (u16::from(c) + 2 * 255) / 3;
    format!("#{:02x}{:02x}{:02x}", mix(color.0), mix(color.1), mix(color.2))
}

/// `text` with the special characters of HTML and XML escaped, for element content and quoted attributes (the
/// report, and Label Studio's labelling config).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
