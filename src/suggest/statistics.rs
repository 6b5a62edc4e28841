//! Figures that carry an argument in English text: percentages, amounts of money with their currency, "N
//! million/billion", ratios, changes ("rose 3 points", "doubled") and the years an argument is pinned to ("since
//! 2010"). Each is found by one regular expression; where several overlap, the longest wins. Word boundaries
//! are ASCII ones (`(?-u:\b)`): a Unicode boundary keeps the regex engine off its fast automaton, which made a
//! 1 MB article take 1.3 s instead of 30 ms.

use std::sync::LazyLock;

use regex::Regex;

use super::text::Range;

/// A number as news writes it: "3", "3.5", "1,240", "1.240,5", or a number word.
const NUMBER: &str = r"(?:\d{1,3}(?:[,.\u{202F}\u{A0}]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|(?i:one|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of|hundreds of|a hundred|a thousand|half|a third|a quarter))";

/// Scale words after a number.
const SCALE: &str = r"(?i:thousand|million|billion|trillion|mln|bln|bn|m(?-u:\b)|k(?-u:\b))";

/// Currency signs and codes before or after an amount.
const CURRENCY: &str = r"(?:US\$|A\$|C\$|\$|€|£|¥|₽|₹|₩|₺|₴|(?:USD|EUR|GBP|JPY|CHF|CNY|RUB|AMD|INR|CAD|AUD)(?-u:\b))";

/// Currency names after an amount.
const CURRENCY_WORD: &str =
    r"(?i:dollars?|euros?|pounds?(?: sterling)?|yen|yuan|rubles?|roubles?|drams?|rupees?|francs?|pesos?|cents?)";

/// Verbs of change before a figure ("rose 3 points", "fell by 2%").
const CHANGE: &str = r"(?i:rose|risen|rises|rising|fell|fallen|falls|falling|increased|increases|decreased|decreases|dropped|drops|grew|grown|grows|jumped|jumps|climbed|climbs|declined|declines|surged|surges|plunged|plunges|gained|gains|lost|slipped|slid|soared|shrank|shrunk|tumbled|edged (?:up|down)|went (?:up|down)|up|down)";

static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let percent = format!(r"(?:{NUMBER})\s?(?:%|(?i:percent|per cent|percentage points?|points?)(?-u:\b))");
    let money_before = format!(r"{CURRENCY}\s?(?:{NUMBER})(?:\s?{SCALE})?");
    let money_after = format!(r"(?:{NUMBER})(?:\s?{SCALE})?\s?(?:{CURRENCY}|{CURRENCY_WORD}(?-u:\b))");
    let scaled = format!(r"(?-u:\b)(?:{NUMBER})\s(?i:thousand|million|billion|trillion)(?-u:\b)");
    let ratio = format!(
        r"(?-u:\b)(?:{NUMBER})\s(?i:in|out of|of every)\s(?:{NUMBER})(?-u:\b)|(?-u:\b)(?i:two|three)-(?i:thirds|quarters)(?-u:\b)|(?-u:\b)(?i:one|a) in (?i:two|three|four|five|six|seven|eight|nine|ten|\d+)(?-u:\b)"
    );
    let change = format!(
        r"(?-u:\b){CHANGE}\s(?i:by\s|to\s|from\s)?(?:{NUMBER})\s?(?:%|(?i:percent|per cent|percentage points?|points?)(?-u:\b))?|(?-u:\b)(?i:doubled|tripled|trebled|quadrupled|halved|doubling|tripling)(?-u:\b)"
    );
    let year = r"(?-u:\b)(?i:since|by|until|till|before|after|from|between|in|as of|compared with|compared to|than in)\s(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s)?(?:19|20)\d{2}(?:\s(?:and|to|-|–)\s(?:19|20)\d{2})?(?-u:\b)".to_string();
    [percent, money_before, money_after, scaled, ratio, change, year]
        .iter()
        .filter_map(|p| Regex::new(p).ok())
        .collect()
});

/// The figures of `text` as byte ranges, in order, none overlapping another.
pub fn statistics(text: &str) -> Vec<Range> {
    let mut found: Vec<Range> =
        PATTERNS.iter().flat_map(|re| re.find_iter(text).map(|m| (m.start(), m.end()))).collect();
    // Longest first at each start, then drop what an earlier, longer figure already covers.
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<Range> = Vec::new();
    for (start, end) in found {
        match out.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<&str> {
        statistics(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn the_figures_of_an_argument_are_found() {
        assert_eq!(figures("a share of 24.3 percent, up from 20%"), ["24.3 percent", "up from 20%"]);
        assert_eq!(figures("trade worth USD 1.24 billion and $3.2 million"), ["USD 1.24 billion", "$3.2 million"]);
        assert_eq!(figures("about 800,000 dollars"), ["800,000 dollars"]);
        assert_eq!(figures("Support rose 3 points; costs doubled."), ["rose 3 points", "doubled"]);
        assert_eq!(figures("one in five voters, 2 out of 3 states"), ["one in five", "2 out of 3"]);
        assert_eq!(figures("the lowest since 2010 and 12 million people"), ["since 2010", "12 million"]);
    }

    #[test]
    fn plain_numbers_and_dates_of_events_are_not_figures() {
        assert!(figures("He met 3 ministers on 12 March at 8:41 PM.").is_empty());
    }
}
