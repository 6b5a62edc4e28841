//! Whether a text is English, the one language the suggesters read: by the share of its words that are English
//! function words, which is above a third in English prose and below a twentieth in German, French, Polish or
//! Spanish.

/// The commonest English function words.
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "he", "as", "be", "at", "by",
    "this", "have", "from", "or", "an", "but", "not", "are", "his", "they", "which", "you", "we", "her", "she", "has",
    "had", "were", "been", "their", "will", "would", "there", "what", "all", "can", "said", "its", "who", "my", "i",
    "if", "so", "do", "no", "about", "than", "more", "them", "our", "just", "very",
];

/// The share of function words above which a text reads as English.
const SHARE: f64 = 0.2;

/// Comments shorter than this many words are judged by their document's language.
const SHORT: usize = 6;

/// Whether `text` is English prose.
pub fn is_english(text: &str) -> bool {
    let (words, function) = count(text);
    words > 0 && function as f64 >= SHARE * words as f64
}

/// Whether a comment is English: by itself when it is long enough to tell, else when its document is English
/// and it is written in Latin letters.
pub fn comment_is_english(text: &str, document_english: bool) -> bool {
    let (words, _) = count(text);
    if words >= SHORT {
        is_english(text)
    } else {
        document_english && text.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_ascii_alphabetic())
    }
}

/// Words, and function words among them, of the first 20,000 bytes (enough to tell, cheap on a 1 MB page).
fn count(text: &str) -> (usize, usize) {
    let end = (0..=text.len().min(20_000)).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let mut words = 0;
    let mut function = 0;
    for word in text[..end].split(|c: char| !c.is_alphabetic() && c != '\'').filter(|w| !w.is_empty()) {
        words += 1;
        if FUNCTION_WORDS.contains(&word.to_lowercase().as_str()) {
            function += 1;
        }
    }
    (words, function)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_told_from_other_languages() {
        assert!(is_english("Russia considers relations with Armenia to be at a high level, the minister said."));
        assert!(!is_english("Russland betrachtet die Beziehungen zu Armenien als sehr gut, sagte der Minister."));
        assert!(!is_english(
            "La Russie considère que ses relations avec l'Arménie sont excellentes, a dit le ministre."
        ));
        assert!(!is_english(""));
        assert!(comment_is_english("Great!", true));
        assert!(!comment_is_english("Świetnie!", true));
        assert!(!comment_is_english("Great!", false));
    }
}
