//! The words that attribute speech or thought in English news ("said", "told reporters", "according to",
//! "believes"), and the small words around a speaker's name.
//!
//! The verbs are the reporting verbs of news English, in every form; they were checked against the cues that
//! trained annotators marked in the development corpus (see `examples/suggest_eval.rs` and ARCHITECTURE.md),
//! which is where the weak ones ("found", "knows") were left to need a "that" or a quotation after them, and
//! where the verbs of stance that annotators mark as often as not ("declined", "rejected", "echoed") came from.
//! Forms whose suggestions matched an annotated cue less than a third of the time there ("thought", "felt",
//! "expects", "fear", "maintained" …: mostly thinking in the narrator's voice, or nouns) are left out.

use std::collections::HashMap;
use std::sync::LazyLock;

/// How a cue takes its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A verb of saying or thinking: "said", "believes".
    Verb,
    /// A verb that takes a hearer before its content: "told reporters that …".
    Hearer,
    /// "according to X": the source follows the cue.
    According,
    /// A verb that is a cue only when "that", a colon or a quotation follows: "found that …".
    Weak,
}

/// Reporting verbs whose every occurrence attributes something.
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "say", "says", "said", "saying", "adds", "added", "adding", "writes", "wrote", "writing",
    "notes", "noted", "noting", "argue", "argues", "argued", "arguing", "claim", "claims", "claimed", "claiming",
    "explain", "explains", "explained", "explaining", "declare", "declares", "declared", "declaring", "acknowledge",
    "acknowledges", "acknowledged", "acknowledging", "insist", "insists", "insisted", "insisting", "warn", "warns",
    "warned", "warning", "stresses", "stressed", "emphasize", "emphasized", "emphasizes", "recall",
    "recalls", "recalled", "recalling", "responds", "responded", "reply", "replies", "replied", "tweets",
    "tweeted", "tweeting", "concede", "concedes", "conceded", "admit", "admits", "admitted", "admitting", "predict",
    "predicts", "predicted", "predicting", "announce", "announces", "announced", "announcing", "assert", "asserts",
    "asserted", "contend", "contends", "contended", "countered", "remarked",
    "complains", "complained", "complaining", "suggest", "suggests", "suggested", "suggesting", "believe",
    "believes", "think", "thinks", "hope", "hopes", "hoped", "conclude", "concludes",
    "concluded", "agree", "agrees", "agreed", "denies", "denied", "confirm", "confirms",
    "confirmed", "estimates", "estimated", "wonder", "wonders", "wondered", "mention", "mentioned",
    "caution", "cautioned", "vow", "vows", "vowed", "vowing", "pledged", "promise", "promises",
    "promised", "promising", "accuse", "accuses", "accused", "accusing", "criticize", "criticizes", "criticized",
    "criticizing", "praise", "praised", "praising", "joke", "joked", "quip", "quipped", "boast", "boasted",
    "lament", "lamented", "testify", "testified", "allege", "alleges", "alleged", "reveal", "revealed", "disclose",
    "disclosed", "indicate", "indicated", "indicates", "signal", "signaled", "hint", "hinted", "speculate",
    "speculated", "observe", "observed", "maintain", "reported", "stated", "stating",
    "ask", "asks", "asked", "asking", "questioned", "called", "calling", "calls", "urge", "urges", "urged", "urging",
    "demands", "demanded", "describe", "describes", "described", "describing", "feel",
    "fears", "feared", "doubt", "doubts", "doubted", "expect", "expected", "want", "wants",
    "wanted", "worry", "worried", "opine", "opined", "proclaim", "proclaimed", "assure", "assured",
    "assures", "reiterate", "reiterated", "retort", "retorted", "exclaimed", "shouted", "wrote", "blog", "blogged",
    "posted", "cite", "cites", "cited", "citing", "blame", "blamed", "blames", "defended", "defends",
    "endorse", "endorsed", "endorses", "supports", "supported", "oppose", "opposed", "dismiss",
    "dismissed", "dismisses", "continued", "declined", "declines", "seemed", "seems", "sought", "seeks", "refused",
    "refuses", "refusing", "referring", "referred", "offered", "pointed", "pointing", "expressed", "attacked",
    "rejected", "denounced", "denouncing", "hoping", "proposed", "appears", "talked", "blasted", "charged",
    "challenged", "condemned", "echoed", "decried", "railed", "discussed", "mocked", "unveiled", "emailed",
    "voiced", "sounded", "invoked", "portrayed", "recounted", "slammed", "slams", "touted", "touting", "praises",
    "outlined", "pleaded", "sparred", "hints", "articulated", "highlighted", "presented", "deemed", "encouraged",
    "questioning", "requested", "answered", "issued", "lashed", "vented", "hailed", "insisting", "arguing",
    "conceding", "prefer", "prefers",
];

/// Verbs that take the hearer first: "told reporters", "asked him whether".
#[rustfmt::skip]
const HEARER: &[&str] = &[
    "tell", "tells", "told", "telling", "inform", "informed", "remind", "reminded", "reminds", "convince",
    "convinced",
];

/// Verbs that attribute only when "that", a colon or a quotation follows.
#[rustfmt::skip]
const WEAK: &[&str] = &[
    "show", "shows", "showed", "shown", "find", "finds", "found", "know", "knows", "knew", "see", "sees", "saw",
    "understand", "understands", "understood", "learn", "learned", "realize", "realized", "recognize", "recognized",
    "insinuate", "insinuated", "imply", "implied", "implies", "mean", "means", "meant", "decide", "decided",
    "determine", "determined", "guess", "guessed", "figure", "figured", "bet", "appeared", "appear",
];

/// Every cue word with its kind, looked up once per word of an article.
static KINDS: LazyLock<HashMap<&'static str, CueKind>> = LazyLock::new(|| {
    let mut kinds = HashMap::new();
    for (words, kind) in [(WEAK, CueKind::Weak), (VERBS, CueKind::Verb), (HEARER, CueKind::Hearer)] {
        kinds.extend(words.iter().map(|w| (*w, kind)));
    }
    kinds
});

/// The kind of cue that `word` (in lower case) starts, if any; `next` is the word after it.
pub fn cue_kind(word: &str, next: Option<&str>) -> Option<CueKind> {
    if word == "according" && next == Some("to") { Some(CueKind::According) } else { KINDS.get(word).copied() }
}

/// Words that stand between a speaker and the verb: "has also said", "would later tell".
#[rustfmt::skip]
pub const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "also", "later", "previously", "will", "would", "could", "may", "might", "can", "is",
    "was", "were", "are", "been", "be", "repeatedly", "often", "once", "again", "recently", "publicly", "privately",
    "reportedly", "then", "frequently", "never", "not", "still", "already", "did", "does", "do", "just", "first",
    "further", "even", "only", "long", "openly", "flatly", "quickly", "simply", "clearly", "apparently", "should",
    "must", "'s", "'ve", "'d", "'ll", "n't", "didn't", "doesn't", "don't", "hasn't", "haven't", "wasn't", "isn't",
];

/// Words that end a noun phrase when it is read backwards from its verb.
#[rustfmt::skip]
pub const CLAUSE_WORDS: &[&str] = &[
    "that", "and", "but", "or", "while", "when", "as", "because", "which", "who", "whom", "if", "though",
    "although", "where", "so", "then", "after", "before", "since", "than", "whether", "why", "how", "what", "in",
    "on", "at", "during", "to", "with", "from", "into", "about", "over", "by", "like", "until", "unless", "even",
    "also", "yet", "nor", "is", "was", "are", "were", "not", "says", "said",
];

/// Words that open a noun phrase; read backwards, the phrase ends with them.
#[rustfmt::skip]
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your", "another", "one",
];

/// Personal pronouns that name a speaker.
#[rustfmt::skip]
pub const PRONOUNS: &[&str] = &[
    "he", "she", "they", "we", "i", "it", "you",
];

/// Words that begin what follows a verb when it is not the content: "said in a statement", "said on Monday".
#[rustfmt::skip]
pub const AFTER_VERB: &[&str] = &[
    "in", "on", "at", "during", "to", "with", "from", "after", "last", "this", "earlier", "yesterday", "today",
    "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "recently", "later",
    "previously", "before", "late", "early", "afterward", "afterwards", "repeatedly", "privately", "publicly",
    "separately", "again", "too", "also", "when", "while", "as", "via", "through", "by", "over", "under", "for",
    "of", "about", "inside", "outside", "near",
];

/// Words whose last place in a name marks an organisation (named in full) rather than a person (named by the
/// last word, as news English does after the first mention).
#[rustfmt::skip]
pub const ORGANISATION_WORDS: &[&str] = &[
    "ministry", "department", "party", "committee", "agency", "commission", "council", "office", "campaign",
    "association", "institute", "university", "times", "post", "news", "press", "bank", "group", "inc", "corp",
    "company", "court", "government", "house", "senate", "congress", "kremlin", "service", "services", "union",
    "foundation", "center", "centre", "administration", "board", "bureau", "network", "reuters", "journal",
    "magazine", "tribune", "herald", "organization", "organisation", "fund", "federation", "league", "police",
    "army", "force", "forces", "coalition", "alliance", "poll", "survey", "study", "report", "statement",
];

/// Titles that stand for the last person named: "the minister said".
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "minister", "spokesman", "spokeswoman", "spokesperson", "president", "senator", "governor", "candidate",
    "official", "chairman", "chairwoman", "secretary", "mayor", "leader", "diplomat", "ambassador", "director",
    "chief", "congressman", "congresswoman", "lawmaker", "premier", "chancellor", "prime", "businessman",
    "businesswoman", "author", "professor", "lawyer", "attorney", "judge", "general", "representative", "woman",
    "man", "executive", "founder", "analyst", "economist", "expert", "adviser", "advisor", "aide", "strategist",
];
