//! Who said what: attributions of direct quotations and reported speech in English news, found by rules over
//! the words around reporting verbs ("“…,” Lavrov said.", "X said that …", "according to X, …").
//!
//! A sentence is read around each cue: the speaker is the noun phrase before the verb (or after it, in "said
//! Lavrov" and "according to Lavrov"), the content is the quotation or clause on the other side. A quotation
//! without a cue that follows a quoted speaker within the next paragraph continues that speaker's quote, as news
//! style writes it.

mod read;
mod sentence;
mod speaker;

use read::{end_of_clause, read_at};
use sentence::Sentence;
use speaker::speaker_name;

use super::cues::DETERMINERS;
use super::text::{Quote, Range, Token, paragraphs, quotes, sentences, tokens, trim};

/// One attribution: what was said (one or more ranges), by whom, with which words. Byte ranges of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// What is attributed; several ranges for a quotation split by its cue ("“A,” he said. “B.”").
    pub content: Vec<Range>,
    /// The words that name the speaker.
    pub source: Option<Range>,
    /// The attributing words.
    pub cue: Option<Range>,
    /// The speaker's name, pronouns and titles resolved to the last person named.
    pub speaker: Option<String>,
    /// Whether the content is quoted directly.
    pub direct: bool,
    pub(super) paragraph: usize,
}

/// Every attribution of `text`, in reading order.
pub fn attributions(text: &str) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    let mut last_person: Option<String> = None;
    for (p, para) in paragraphs(text).into_iter().enumerate() {
        let qs = quotes(text, para);
        // A cue that ended the last paragraph with a colon introduces this one.
        if let Some(last) = out.last_mut().filter(|a| a.content.is_empty()) {
            let quote = qs.first().filter(|q| q.start == para.0).map(|q| (q.start, q.end));
            last.direct = quote.is_some();
            last.content.push(quote.unwrap_or(para));
        }
        let mut used = vec![false; qs.len()];
        for range in sentences(text, para, &qs) {
            let toks = tokens(text, range);
            let quote_of = toks.iter().map(|t| qs.iter().position(|q| q.start <= t.start && t.end <= q.end)).collect();
            let lowers = toks.iter().map(Token::lower).collect();
            let s = Sentence { range, toks, lowers, quote_of };
            let headed = if range.0 == para.0 { headline(text, &s, &qs) } else { None };
            let found = headed.into_iter().chain((0..s.toks.len()).filter_map(|i| read_at(text, &s, i, &qs)));
            let mut speaker_here: Option<(Range, Option<String>)> = None;
            for mut found in found.collect::<Vec<_>>() {
                for (n, q) in qs.iter().enumerate() {
                    if found.content.iter().any(|&(a, b)| a <= q.start && q.end <= b) {
                        used[n] = true;
                    }
                }
                found.speaker = found.source.and_then(|r| speaker_name(text, r, &mut last_person));
                // ", stating that …" after a quotation speaks for the speaker of that quotation.
                let impersonal =
                    found.cue.is_some_and(|(a, b)| read::IMPERSONAL.contains(&text[a..b].to_lowercase().as_str()));
                if let (None, Some((source, speaker)), false) = (found.source, &speaker_here, impersonal) {
                    found.source = Some(*source);
                    found.speaker.clone_from(speaker);
                }
                if let Some(source) = found.source {
                    speaker_here = Some((source, found.speaker.clone()));
                }
                found.paragraph = p;
                out.push(found);
            }
        }
        continue_quotes(text, &qs, &used, p, &mut out);
    }
    out.retain(|a| !a.content.is_empty());
    out
}

/// Quotations no cue claimed: a continuation of the last direct quote when it is at most a paragraph back, or a
/// quotation of the speaker who was just reported in the same paragraph ("The minister reminded that … “…”").
fn continue_quotes(text: &str, qs: &[Quote], used: &[bool], p: usize, out: &mut Vec<Attribution>) {
    for (q, _) in qs.iter().zip(used).filter(|(_, used)| !**used) {
        let words = text[q.start..q.end].split_whitespace().count();
        let Some(last) = out.last_mut() else { continue };
        let after_last = last.content.last().is_some_and(|r| r.1 <= q.start);
        if words < 3 || !after_last {
            continue;
        }
        if last.direct && p - last.paragraph <= 1 {
            last.content.push((q.start, q.end));
            last.paragraph = p;
        } else if p == last.paragraph && last.source.is_some() {
            let quoted = Attribution { content: vec![(q.start, q.end)], cue: None, direct: true, ..last.clone() };
            out.push(quoted);
        }
    }
}

/// Words of section headings and page furniture that end in a colon as a speaker's name would.
const SECTION_WORDS: &[&str] = &[
    "update",
    "photo",
    "video",
    "note",
    "related",
    "source",
    "image",
    "watch",
    "breaking",
    "live",
    "exclusive",
    "opinion",
    "analysis",
    "correction",
    "editor's",
    "read",
    "see",
    "also",
    "tags",
    "filed",
    "published",
    "posted",
    "updated",
    "latest",
    "poll",
    "daily",
    "email",
    "notice",
    "week",
    "reminder",
    "conclusion",
    "news",
    "here",
    "today",
    "transcript",
    "q",
    "a",
    "question",
    "answer",
    "summary",
    "background",
    "warning",
    "caption",
];

/// A headline's "Name: what they said" ("Issa: Clinton’s ‘Honesty Is In Question.’").
fn headline(text: &str, s: &Sentence<'_>, qs: &[Quote]) -> Option<Attribution> {
    let colon = (1..=4.min(s.toks.len())).find(|&k| s.mark(k) == ":")?;
    // A name: capitalised words, not a section heading ("The Latest:", "Delegate Update:", "Paid Notice:") and
    // not a shouted one ("STAT OF THE WEEK:").
    let named = (0..colon).all(|k| {
        let word = s.is_word(k) && s.toks[k].is_capitalized() && s.toks[k].text.chars().any(char::is_lowercase);
        word || matches!(s.mark(k), "." | "-" | "’s" | "'s")
    }) && !s.is(0, DETERMINERS)
        && !(0..colon).any(|k| s.is(k, SECTION_WORDS));
    let content = trim(text, (s.toks.get(colon + 1)?.start, s.range.1)).map(|r| end_of_clause(s, r))?;
    let words = text[content.0..content.1].split_whitespace().count();
    (named && words >= 3).then(|| Attribution {
        content: vec![content],
        source: s.span(0, colon),
        cue: s.span(colon, colon + 1),
        speaker: None,
        direct: qs.iter().any(|q| (q.start, q.end) == content),
        paragraph: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An attribution as text: content parts, source, cue, speaker.
    type Read<'t> = (Vec<&'t str>, Option<&'t str>, Option<&'t str>, Option<String>);

    fn read(text: &str) -> Vec<Read<'_>> {
        attributions(text)
            .into_iter()
            .map(|a| {
                let part = |r: Range| &text[r.0..r.1];
                (a.content.iter().map(|&r| part(r)).collect(), a.source.map(part), a.cue.map(part), a.speaker)
            })
            .collect()
    }

    #[test]
    fn a_quote_before_its_verb_has_the_speaker_after_it() {
        let got = read("“We are allies,” Lavrov said. “We share a view.”");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, ["“We are allies,”", "“We share a view.”"]);
        assert_eq!(got[0].1, Some("Lavrov"));
        assert_eq!(got[0].2, Some("said"));
    }

    #[test]
    fn reported_speech_pronouns_and_according_to() {
        let text = "Russian Foreign Minister Sergey Lavrov said that Russia is ready. \
                    “This will help the region,” he added. According to the ministry, trade rose.";
        let got = read(text);
        assert_eq!(got[0].0, ["that Russia is ready"]);
        assert_eq!(got[0].1, Some("Russian Foreign Minister Sergey Lavrov"));
        assert_eq!(got[0].3.as_deref(), Some("Lavrov"));
        assert_eq!(got[1].3.as_deref(), Some("Lavrov"));
        assert_eq!(got[2].0, ["trade rose"]);
        assert_eq!(got[2].1, Some("the ministry"));
        assert_eq!(got[2].2, Some("According to"));
    }

    #[test]
    fn a_postposed_speaker_takes_the_clause_before_the_comma() {
        let got = read("Russia values its ties with Armenia, Lavrov said in an interview.");
        assert_eq!(got[0].0, ["Russia values its ties with Armenia"]);
        let got = read("The plan will fail, said Senator Jane Doe.");
        assert_eq!(got[0].0, ["The plan will fail"]);
        assert_eq!(got[0].1, Some("Senator Jane Doe"));
        assert_eq!(got[0].3.as_deref(), Some("Doe"));
    }

    #[test]
    fn a_question_asked_a_poll_and_a_title_case_headline_are_attributions() {
        let got = read("Asked whether the levy was fair, the mayor smiled.");
        assert_eq!(got[0].0, ["whether the levy was fair"]);
        assert_eq!((got[0].1, got[0].2), (None, Some("Asked")));
        let got = read("In a Coastal Wire poll released Monday, 40 percent of voters backed the levy.");
        assert_eq!(got[0].0, ["40 percent of voters backed the levy"]);
        assert_eq!(got[0].1, Some("a Coastal Wire poll released Monday"));
        assert_eq!(got[0].2, Some("In"));
        // A headline in title case capitalizes its verb.
        let got = read("Harbour Master Ines Dalgaard Says Levy Will Save The Breakwater");
        assert_eq!(got[0].0, ["Levy Will Save The Breakwater"]);
        assert_eq!((got[0].1, got[0].2), (Some("Harbour Master Ines Dalgaard"), Some("Says")));
        assert!(
            read("The Harbour Says Nothing, a film by Ines Dalgaard, opens today.").iter().all(|a| a.2 != Some("Says"))
        );
        // "referring to" attributes what follows it, for the sentence's speaker.
        let got = read("“The fleet will shrink,” Ramos said, referring to the new levy.");
        let referring = got.iter().find(|a| a.2 == Some("referring to")).expect("the reference");
        assert_eq!(referring.0, ["the new levy"]);
        assert_eq!(referring.3.as_deref(), Some("Ramos"));
        // A poll a few words back still shows what it found.
        let got = read("New polls released Sunday showed the mayor ahead.");
        assert_eq!(got[0].0, ["the mayor ahead"]);
        assert_eq!(got[0].1, Some("New polls released"));
        // A quotation that ends the content with its comma inside is part of the clause.
        let got = read("The levy, though, would have to \"go further,\" Cuban said.");
        assert_eq!(got[0].0, ["The levy, though, would have to \"go further,\""]);
        assert_eq!(got[0].1, Some("Cuban"));
        // A phrase of time after the verb, then the clause: never the words before the verb.
        let got = read("On top of that, the mayor said on Friday that the levy would stay.");
        assert_eq!(got[0].0, ["that the levy would stay"]);
        let got = read("Giles left the campaign in October and said he had written the policy papers.");
        assert_eq!(got[0].0, ["he had written the policy papers"]);
        // A day or "now" between the speaker and the verb is not the speaker.
        let got = read("The Kentucky Republican on Tuesday dismissed the plan as a tax.");
        assert_eq!(got[0].1, Some("The Kentucky Republican"));
        // A participle after a quoted speaker speaks for them.
        let got = read("“We will pick up delegates,” he said, adding that he would not predict more.");
        let adding = got.iter().find(|a| a.2 == Some("adding")).expect("the second attribution");
        assert_eq!(adding.0, ["that he would not predict more"]);
        assert_eq!(adding.1, Some("he"));
        // An infinitive after "declined" or "vowed", and what is called for, are the content.
        let got = read("The harbour master declined to comment on the levy.");
        assert_eq!(got[0].0, ["to comment on the levy"]);
        assert_eq!(got[0].1, Some("The harbour master"));
        let got = read("The fishermen called for a vote on the levy.");
        assert_eq!((got[0].0.clone(), got[0].2), (vec!["a vote on the levy"], Some("called for")));
        // A poll that ends the sentence reports the clause before it.
        let got = read("The mayor held a ten-point lead in a Coastal Wire poll.");
        assert_eq!(
            (got[0].0.clone(), got[0].1),
            (vec!["The mayor held a ten-point lead"], Some("a Coastal Wire poll"))
        );
        // A wish after "would like", and a view after "seems" or "is expected" (with no speaker: the subject is
        // rarely whose view it is).
        let got = read("The fishermen would like to see the levy halved.");
        assert_eq!(
            (got[0].0.clone(), got[0].1, got[0].2),
            (vec!["to see the levy halved"], Some("The fishermen"), Some("would like"))
        );
        let got = read("The levy is expected to raise EUR 1.8 million a year.");
        assert_eq!((got[0].0.clone(), got[0].1), (vec!["to raise EUR 1.8 million a year"], None));
        // A sentence opening with "In" that names no poll reports nothing.
        assert!(read("In a long session on Monday, the council voted for the levy.").is_empty());
    }

    #[test]
    fn a_straight_quote_after_a_full_stop_opens_a_new_sentence() {
        let got = read("Ayotte refunded the money. \"We act with caution,\" said Ayotte campaign manager Jon Kohan.");
        assert_eq!(got[0].0, ["\"We act with caution,\""]);
        assert_eq!(got[0].1, Some("Ayotte campaign manager Jon Kohan"));
        assert_eq!(got[0].3.as_deref(), Some("Kohan"));
    }

    #[test]
    fn reported_speech_keeps_its_that_and_is_not_direct() {
        let text = "He says that “as a nation, we have to do better.”";
        let found = attributions(text);
        assert_eq!(&text[found[0].content[0].0..found[0].content[0].1], "that “as a nation, we have to do better.”");
        assert!(!found[0].direct);
    }

    #[test]
    fn a_poll_shows_without_that() {
        let got = read("A new poll shows Clinton ahead in Iowa. He shows his hand.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, ["Clinton ahead in Iowa"]);
        assert_eq!(got[0].1, Some("A new poll"));
    }

    #[test]
    fn nouns_that_look_like_verbs_are_no_cues() {
        assert!(read("The report was long. His support is firm.").is_empty());
    }
}
