//! The front of an article: headline, photo caption, byline and date, before the story starts.

use super::lines::Line;
use super::patterns::{byline, date_line, is_photo_credit};

/// How far into the text a caption may repeat and still count as the front matter's caption.
const FRONT_WINDOW: usize = 40;

/// A headline longer than this is a paragraph, not a title.
const MAX_TITLE_CHARS: usize = 200;

/// What the front of the article held.
#[derive(Debug, Default)]
pub(super) struct Front {
    /// The headline, if the first line reads as one.
    pub title: Option<String>,
    /// The photo caption.
    pub caption: Option<String>,
    /// The author line.
    pub byline: Option<String>,
    /// The date line.
    pub date: Option<String>,
    /// Index of the first line after the front matter.
    pub end: usize,
}

/// Reads the front matter of `lines`.
pub(super) fn read(lines: &[Line<'_>]) -> Front {
    let mut front = Front::default();
    let Some(first) = lines.iter().position(|l| !l.is_blank()) else {
        return front;
    };
    let title = lines[first].key();
    if title.chars().count() > MAX_TITLE_CHARS {
        front.end = first;
        return front;
    }
    front.title = Some(title.to_owned());
    let mut index = first + 1;
    while let Some(line) = lines.get(index) {
        if line.is_blank() {
            index += 1;
            continue;
        }
        let key = line.key();
        if is_caption(lines, index) {
            front.caption.get_or_insert_with(|| key.to_owned());
        } else if front.caption.as_deref() == Some(key) {
            // A further copy of the caption the page repeated.
        } else if let Some(name) = byline(key).filter(|_| front.byline.is_none()) {
            front.byline = Some(name.to_owned());
        } else if let Some(date) = date_line(key).filter(|_| front.date.is_none()) {
            front.date = Some(date.to_owned());
        } else {
            break;
        }
        index += 1;
    }
    front.end = index;
    front
}

/// A line near the top that the page repeats (an image's alt text, title and caption), or that credits a photo.
fn is_caption(lines: &[Line<'_>], index: usize) -> bool {
    let key = lines[index].key();
    if key.chars().count() > 300 {
        return false;
    }
    let repeated = lines.iter().take(FRONT_WINDOW).enumerate().any(|(i, other)| i != index && other.key() == key);
    repeated || is_photo_credit(key)
}
