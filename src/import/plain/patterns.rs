//! The shapes that lines of copied web pages take: comment headers, dates, bylines, datelines, boilerplate.

use std::sync::LazyLock;

use regex::Regex;

use crate::import::regex;

/// Month names and their usual abbreviations in English, German, French, Spanish, Italian, Dutch and Polish
/// (longest first, so that "sept" is not read as "sep"). Abbreviations that are also common words ("set", "gen",
/// "mag", "ago") are left out.
const MONTH: &str = r"(?:października|septiembre|diciembre|listopada|noviembre|september|septembre|setiembre|settembre|augustus|december|decembre|dezember|dicembre|décembre|febbraio|februari|february|kwietnia|november|novembre|sierpnia|stycznia|września|czerwca|febrero|februar|fevrier|février|gennaio|grudnia|januari|january|janvier|juillet|october|octobre|octubre|oktober|ottobre|agosto|aprile|august|giugno|januar|jänner|luglio|lutego|maggio|abril|april|avril|enero|julio|junio|lipca|maart|marca|march|marzo|aout|août|févr|janv|juil|juin|juli|july|june|juni|maja|mars|mayo|märz|sept|abr|apr|aug|avr|dec|dez|dic|déc|feb|fév|giu|jan|jul|jun|jän|lug|mai|mar|may|mei|mrt|mrz|nov|oct|okt|ott|sep)\.?";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?ix)
        (?-u:\b)\d+\s*(?:sec|second|min|minute|hour|hr|day|week|wk|month|year|yr|mo|[smhdwy])s?\.?\s+ago(?-u:\b)
        | (?-u:\b)vor\s+(?:\d+|einer?|einem)\s+(?:sekunde|sek|minute|min|stunde|std|tag|woche|monat|jahr)\w*
        | (?-u:\b)il\ y\ a\s+(?:\d+|une?)\s*(?:seconde|minute|min|heure|jour|semaine|mois|an|h|j)\w*
        | (?-u:\b)hace\s+(?:\d+|una?)\s*(?:segundo|minuto|min|hora|d[ií]a|semana|mes|año|h)\w*
        | (?-u:\b)\d+\s+(?:second|minut|or[ae]|giorn|settiman|mes|ann)\w*\s+fa(?-u:\b)
        | (?-u:\b)\d+\s+(?:sekund|minut|godzin|dni|dzie|tygod|miesi|lat|rok)\w*\s+temu(?-u:\b)
        | (?-u:\b)\d+\s+(?:seconde|minu|uur|dag|we[e]?k|maand|jaar)\w*\s+geleden(?-u:\b)
        | ^(?:just\ now|yesterday|today|an?\ (?:minute|hour|day|week|month|year)\ ago
            |gestern|heute|vorgestern|hier|aujourd'hui|avant-hier|ayer|hoy|ieri|oggi|wczoraj|dzisiaj|gisteren|vandaag)
          (?:,?\s*(?:um|à|at|alle|a\ las|o|om)?\s*\d{{1,2}}(?:[:.h]\d{{0,2}})?(?:\s*uhr)?)?$
        | (?-u:\b)(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}(?-u:\b)
        | (?-u:\b)\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}(?-u:\b)
        | (?-u:\b){MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b)
        | (?-u:\b)\d{{1,2}}(?:st|nd|rd|th|\.)?\s+{MONTH}(?:\s|,|$)
        | (?-u:\b)\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?
        "
    ))
});

/// Where in `text` a date or time begins ("Armanox June 28, 2015" → 8), if it has one.
pub(crate) fn date_start(text: &str) -> Option<usize> {
    DATE.find(text).map(|m| m.start())
}

/// Whether `text` reads as a date or time ("March 3, 2016", "3 hours ago", "2016-03-03", "5:12 pm").
pub(crate) fn looks_like_date(text: &str) -> bool {
    text.chars().count() <= 60 && DATE.is_match(text)
}

static DATE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^(?:posted|published|updated|date|dated)(?:\s+on)?\s*:?\s*"));

/// A line that is only a date, perhaps after "Posted on" or "Published:": the date.
pub(super) fn date_line(line: &str) -> Option<&str> {
    let date = DATE_PREFIX.find(line).map_or(line, |m| &line[m.end()..]);
    let words = date.split_whitespace().count();
    (words <= 10 && !date.ends_with('.') && looks_like_date(date)).then_some(date)
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?i:by|author:|written by)\s+(\p{Lu}.{1,80})$"));

/// A line that names the author ("By Anna Petrosyan"): the name.
pub(super) fn byline(line: &str) -> Option<&str> {
    let name = BYLINE.captures(line)?.get(1)?.as_str();
    (name.split_whitespace().count() <= 10 && !name.ends_with('.')).then_some(name)
}

static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\((?:photo|image|picture|photograph|credit|source)s?\s*(?:by|:)|^(?:photo|image|caption)\s*:")
});

/// A line that credits a photo, as captions do.
pub(super) fn is_photo_credit(line: &str) -> bool {
    line.chars().count() <= 300 && PHOTO_CREDIT.is_match(line)
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?x)^
        (?P<dateline>
            \p{Lu}[\p{Lu}\p{M}.'’\ -]{1,40}                 # the city, in capitals
            (?P<region>(?:,\s*[\p{L}\p{N}.'’\ -]{2,40}){0,2}) # region, country or date
            (?:\s*\((?P<agency>[^()\n]{2,40})\))?             # the agency
        )
        \s*(?P<separator>[-–—:]{1,2})?\s*
        (?P<rest>\S)",
    )
});

/// The dateline that opens a story ("MOSCOW, Russia (ArmRadio)" or "LONDON —"): its length in bytes, and
/// where the story proper begins.
pub(crate) fn dateline(paragraph: &str) -> Option<(usize, usize)> {
    let caps = DATELINE.captures(paragraph)?;
    let dateline = caps.name("dateline")?;
    let city_caps = dateline.as_str().split([',', '(']).next().unwrap_or_default();
    if city_caps.chars().filter(|c| c.is_alphabetic()).count() < 2 || city_caps.chars().any(char::is_lowercase) {
        return None;
    }
    let has_region = caps.name("region").is_some_and(|m| !m.as_str().is_empty());
    let has_agency = caps.name("agency").is_some();
    let has_separator = caps.name("separator").is_some();
    // "NATO (North Atlantic Treaty Organization) said" is a sentence, not a dateline: an agency alone does not
    // make one, it needs a place after the city or a dash before the story.
    if !(has_separator || has_region && has_agency) {
        return None;
    }
    let rest = caps.name("rest")?.start();
    Some((dateline.as_str().trim_end().len(), rest))
}

/// What a comment header looked like, so that only headers of the same shape continue a comment list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum HeaderShape {
    /// "Name said:", "Name wrote:", "Name on March 3, 2016 at 5:12 pm said:".
    Said,
    /// "Name | 3 hours ago".
    Pipe,
}

/// A line that opens a comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Header {
    /// The number printed before the author.
    pub number: Option<String>,
    /// Who wrote the comment.
    pub author: String,
    /// When, if the header says.
    pub date: Option<String>,
    /// The header's shape.
    pub shape: HeaderShape,
    /// The header says the comment replies ("Name replied:").
    pub is_reply: bool,
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:(\d{1,5})[.)]|#(\d{1,5}))\s+(.+)$"));
static ON_DATE_SAID: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?P<author>.+?)\s+on\s+(?P<date>.+?)\s+(?P<verb>(?i:said|says|wrote|writes|replied|replies|commented)):$")
});
static SAID: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?P<author>.+?)\s+(?P<verb>(?i:said|says|wrote|writes|replied|replies|commented)):$"));
static PIPE: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?P<author>.+?)\s+[|•·]\s+(?P<date>.+)$"));

/// Reads `line` as a comment header, if it is one.
pub(super) fn header(line: &str) -> Option<Header> {
    let (number, rest) = match NUMBERED.captures(line) {
        Some(caps) => {
            let number = caps.get(1).or_else(|| caps.get(2))?.as_str().to_owned();
            (Some(number), caps.get(3)?.as_str())
        }
        None => (None, line),
    };
    let said = ON_DATE_SAID
        .captures(rest)
        .filter(|caps| caps.name("date").is_some_and(|d| looks_like_date(d.as_str())))
        .or_else(|| SAID.captures(rest));
    if let Some(caps) = said {
        let verb = caps.name("verb")?.as_str().to_lowercase();
        return Some(Header {
            number,
            author: plausible_author(caps.name("author")?.as_str())?.to_owned(),
            date: caps.name("date").map(|d| d.as_str().to_owned()),
            shape: HeaderShape::Said,
            is_reply: verb.starts_with("repl"),
        });
    }
    let caps = PIPE.captures(rest)?;
    let date = caps.name("date")?.as_str();
    looks_like_date(date).then_some(())?;
    Some(Header {
        number,
        author: plausible_author(caps.name("author")?.as_str())?.to_owned(),
        date: Some(date.to_owned()),
        shape: HeaderShape::Pipe,
        is_reply: false,
    })
}

/// A user name is short and is not a sentence.
fn plausible_author(author: &str) -> Option<&str> {
    let author = author.trim();
    let fits = !author.is_empty()
        && author.chars().count() <= 60
        && author.split_whitespace().count() <= 6
        && !author.ends_with([',', ';', '!', '?', ':', '"', '”']);
    fits.then_some(author)
}

/// What a short standalone line tells about the page around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Marker {
    /// The comment section starts here ("Comments", "6 Responses to …", "Discussion Policy").
    CommentsHeading,
    /// The article is over: sharing buttons, related links, tags.
    EndOfArticle,
    /// The comment form after the last comment ("Leave a Reply").
    CommentForm,
}

/// Words that head a comment section and little else, in the languages Gloss reads dates in. "Antworten" alone
/// is the German reply button, so it heads a section only counted ("3 Antworten") or with what it answers.
const COMMENT_WORDS: &str = r"comments?|responses?|replies|reader\s+comments|reactions|thoughts|kommentare?|leserkommentare|leserbriefe|commentaires?|commenti|comentarios?|komentarze?|komentarzy|reacties";
/// Words that head a comment section on some pages and an article's own section on others ("Reviews" of a film,
/// "Réactions" of politicians): only a page's markup, where reader comments must follow, can tell.
const SECTION_WORDS: &str = r"reviews?|réactions|reaktionen|leserstimmen|diskussion|bewertungen|rezensionen|avis|recensioni|risposte|opiniones|respuestas|opinie|odpowiedzi|réponses|beoordelingen";

/// Small numbers in words, as headings count a few comments ("One thought on …", "Eine Antwort auf …").
const COUNT_WORDS: &str = "one|two|three|eine?|zwei|drei|une?|deux|trois|uno|una|dos|tres|jeden|dwa|trzy";

fn heading_regex(words: &str) -> Regex {
    regex(&format!(
        r"(?ix)^(?:
            (?:discussion|comment|commenting|community|comments)\s+(?:policy|guidelines|rules)
            | (?:(?:show|view|read|see|load|hide)(?:\s+all)?\s+)?(?:(?:\d+|{COUNT_WORDS})\s+)?(?:{words})(?:\s*\(\d+\))?
              (?:\s+(?:anzeigen|einblenden|ausblenden|lesen|ansehen|afficher|voir|mostrar|ver))?
              (?:\s+(?:to|on|zu|auf|für|sur|à|pour|su|per|sobre|para|na|do|op|bij|voor)\s+.*)?
            | (?:\d+|{COUNT_WORDS})\s+(?:antwort(?:en)?|thoughts?)(?:\s+(?:auf|zu|on)\s+.*)? | antworten\s+(?:auf|zu)\s+.*
            | (?:join|start)\s+the\s+(?:discussion|conversation)
            | (?:what|see\s+what)\s+(?:readers|people|others)\s+(?:are\s+saying|say)
        ):?$"
    ))
}

static COMMENTS_HEADING: LazyLock<Regex> = LazyLock::new(|| heading_regex(COMMENT_WORDS));
static SECTION_HEADING: LazyLock<Regex> = LazyLock::new(|| heading_regex(&format!("{COMMENT_WORDS}|{SECTION_WORDS}")));

/// Any word that [`may_head_comments`] needs, anywhere in a text: a page whose texts have none has no heading
/// to look for.
static HEADING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i){COMMENT_WORDS}|{SECTION_WORDS}|antwort|thought|discussion|conversation|comment|community|say"
    ))
});

/// Whether `text` holds a word that a comments heading needs (a quick test before looking for the heading).
pub(crate) fn mentions_comments(text: &str) -> bool {
    HEADING_WORD.is_match(text)
}

/// Whether a page's heading may head its comment section, reviews or answers: the words of
/// [`Marker::CommentsHeading`] and those that head an article's own sections too.
pub(crate) fn may_head_comments(line: &str) -> bool {
    line.chars().count() <= 120 && SECTION_HEADING.is_match(line)
}
static END_OF_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?ix)^(?:
            share(?:\s+this(?:\s+(?:article|story|post))?)?
            | like\s+this | related(?:\s+(?:articles|posts|stories|news|content))?
            | read\s+more | you\s+(?:may|might)\s+also\s+like | more\s+from\s+.{1,40}
            | tags | filed\s+under | posted\s+in | click\s+to\s+share\s+on\s+.{1,30}
        ):?$",
    )
});
static COMMENT_FORM: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?ix)^(?:
            (?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:reply|comment|response|review)
            | post\s+comment | cancel\s+reply
            | your\s+email\s+address\s+will\s+not\s+be\s+published.*
            | you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment.*
            | (?:einen\s+)?kommentar(?:e)?\s+(?:schreiben|verfassen|hinterlassen|abgeben)
            | (?:schreibe|hinterlasse|verfasse)\s+(?:einen|deinen|ihren)\s+kommentar
            | (?:laisser|écrire|ajouter|poster)\s+un\s+(?:commentaire|avis)
            | (?:lascia|scrivi|aggiungi)\s+un\s+commento | (?:deja|escribe|añade)\s+un\s+comentario
            | (?:dodaj|napisz)\s+(?:komentarz|opinię) | (?:plaats\s+een\s+reactie|reageer)
        )\.?:?$",
    )
});

/// The marker `line` is, if any. Only short lines qualify: a sentence that mentions comments is text.
pub(super) fn marker(line: &str) -> Option<Marker> {
    if line.chars().count() > 120 {
        return None;
    }
    if COMMENT_FORM.is_match(line) {
        Some(Marker::CommentForm)
    } else if COMMENTS_HEADING.is_match(line) {
        Some(Marker::CommentsHeading)
    } else if END_OF_ARTICLE.is_match(line) {
        Some(Marker::EndOfArticle)
    } else {
        None
    }
}

static BODY_NOISE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^(?:advertisement|sponsored(?:\s+content)?|story\s+continues\s+below)$"));
static COMMENT_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^(?:reply|reply\s*↓|log\s+in\s+to\s+reply|report(?:\s+abuse)?|like|permalink|flag|↑|show\s+more)$")
});

/// A line inside an article that is page furniture, such as "Advertisement".
pub(super) fn is_body_noise(line: &str) -> bool {
    BODY_NOISE.is_match(line)
}

/// A line inside a comment that is a button, such as "Reply".
pub(super) fn is_comment_noise(line: &str) -> bool {
    COMMENT_NOISE.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_comment_headers() {
        let h = header("1. hye said:").unwrap();
        assert_eq!((h.number.as_deref(), h.author.as_str(), h.shape), (Some("1"), "hye", HeaderShape::Said));
        let h = header("David Karamian said:").unwrap();
        assert_eq!((h.number, h.author.as_str()), (None, "David Karamian"));
        let h = header("Anna on March 3, 2016 at 5:12 pm said:").unwrap();
        assert_eq!((h.author.as_str(), h.date.as_deref()), ("Anna", Some("March 3, 2016 at 5:12 pm")));
        let h = header("Sam Lee | 3 hours ago").unwrap();
        assert_eq!(
            (h.author.as_str(), h.date.as_deref(), h.shape),
            ("Sam Lee", Some("3 hours ago"), HeaderShape::Pipe)
        );
        assert!(header("Bob replied:").unwrap().is_reply);
        assert!(header("Lavrov said that Russia would welcome the opening of the border, he said:").is_none());
        assert!(header("Prices | Markets").is_none());
        assert!(header("Russia Ready to Support Armenia-Turkey Talks says Lavrov").is_none());
    }

    #[test]
    fn reads_relative_dates_in_every_language_it_knows() {
        for date in [
            "3 hours ago",
            "2h ago",
            "6 yr. ago",
            "vor 3 Std.",
            "vor 2 Tagen",
            "il y a 3 h",
            "il y a 2 jours",
            "hace 5 minutos",
            "2 ore fa",
            "3 giorni fa",
            "2 godziny temu",
            "5 dni temu",
            "3 uur geleden",
            "2 dagen geleden",
            "gestern, 14:32",
            "Hier à 21h",
            "yesterday",
        ] {
            assert!(looks_like_date(date), "{date}");
        }
        for text in ["Heute ist ein guter Tag für die Fähre", "Hier, à la mairie", "He was 5 years older"] {
            assert!(!looks_like_date(text) || text.contains(':'), "{text}");
        }
    }

    #[test]
    fn reads_datelines() {
        let text = "MOSCOW, Russia (ArmRadio)Russia considers relations";
        let (len, rest) = dateline(text).unwrap();
        assert_eq!(&text[..len], "MOSCOW, Russia (ArmRadio)");
        assert!(text[rest..].starts_with("Russia considers"));
        let text = "WASHINGTON (Reuters) - The Senate voted";
        let (len, rest) = dateline(text).unwrap();
        assert_eq!((&text[..len], &text[rest..rest + 3]), ("WASHINGTON (Reuters)", "The"));
        let text = "LONDON — The Bank of England";
        assert_eq!(&text[..dateline(text).unwrap().0], "LONDON");
        assert!(dateline("NATO (North Atlantic Treaty Organization) said on Monday").is_none());
        assert!(dateline("The minister said").is_none());
        assert!(dateline("A Russian official, speaking on condition").is_none());
    }

    #[test]
    fn reads_dates_bylines_and_markers() {
        assert_eq!(date_line("Posted on October 7, 2016"), Some("October 7, 2016"));
        assert_eq!(date_line("2016-10-07"), Some("2016-10-07"));
        assert_eq!(date_line("He arrived on May 5 and left."), None);
        assert_eq!(byline("By Anna Petrosyan"), Some("Anna Petrosyan"));
        assert_eq!(byline("by the river we sat."), None);
        assert_eq!(marker("Discussion Policy"), Some(Marker::CommentsHeading));
        assert_eq!(marker("6 Responses to “Russia Ready”"), Some(Marker::CommentsHeading));
        assert_eq!(marker("Leave a Reply"), Some(Marker::CommentForm));
        assert_eq!(marker("Share this:"), Some(Marker::EndOfArticle));
        assert_eq!(marker("Comments are welcomed and encouraged."), None);
        for heading in [
            "Kommentare",
            "Kommentare (3)",
            "12 Kommentare zu „Ein Titel“",
            "3 Antworten auf „Titel“",
            "Leserbriefe",
            "5 commentaires sur « Titre »",
            "Komentarze (2)",
            "Eine Antwort auf „Mein Titel“",
            "One thought on “A title”",
            "Un commentaire sur « Titre »",
            "Kommentare (1) anzeigen",
            "Show all 12 comments",
        ] {
            assert_eq!(marker(heading), Some(Marker::CommentsHeading), "{heading}");
        }
        assert_eq!(marker("Antworten"), None, "the reply button");
        assert_eq!(marker("Reviews"), None, "a film's reviews, say");
        assert!(may_head_comments("Eine Antwort auf „Mein cosy Home Gift Guide bei Westwing Collection“"));
        assert!(mentions_comments("… 3 Antworten …") && !mentions_comments("The council voted on Tuesday."));
        assert!(may_head_comments("Reviews (12)") && may_head_comments("Réactions") && !may_head_comments("Antworten"));
        assert_eq!(marker("Kommentare schreiben"), Some(Marker::CommentForm));
        assert_eq!(marker("Laisser un commentaire"), Some(Marker::CommentForm));
        assert!(is_photo_credit("Russian Foreign Minister Sergey Lavrov (Photo: Agence France-Presse)"));
        assert!(is_comment_noise("Reply"));
    }
}
