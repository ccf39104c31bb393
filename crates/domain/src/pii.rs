//! The notes PII detector: finds things in free text that could identify a person, so the UI can warn the
//! volunteer while they type (`docs/privacy.md`, threat 5). It errs on the side of warning: a warning costs a second,
//! a missed phone number can cost far more. It never blocks saving; the volunteer decides.
//!
//! Kinds: phone numbers (Dutch and international), e-mail addresses, BSN (9 digits passing the 11-test),
//! postcode + house number, street + house number, IBAN (mod-97), dates of birth and given names.
//!
//! Given names come from `data/given_names.txt` (its header says where the list comes from): names common in the
//! communities the volunteers work in. A name that is also an everyday word or a place ("Roos", "Said", "Can")
//! counts only when it is capitalised inside a sentence; every other listed name counts however it is written.
//!
//! Dates of birth are recognised in two ways: any date near a birth word ("geboren", "geb.", "born", "DOB",
//! "geboortedatum", ...), and a bare full date whose year lies more than [`BARE_DATE_MIN_AGE_YEARS`] years before
//! today — volunteers note recent events, so an old full date in a note is almost always someone's birthday.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// What kind of identifying detail was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, export_to = "../../../ui/src/lib/bindings/"))]
#[serde(rename_all = "snake_case")]
pub enum PiiKind {
    Email,
    Iban,
    PostcodeHouseNumber,
    Address,
    Phone,
    DateOfBirth,
    Bsn,
    /// A given name: the least specific kind, so a name inside an e-mail address or a street name is reported as
    /// that.
    Name,
}

impl PiiKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Iban => "iban",
            Self::PostcodeHouseNumber => "postcode_house_number",
            Self::Address => "address",
            Self::Phone => "phone",
            Self::DateOfBirth => "date_of_birth",
            Self::Bsn => "bsn",
            Self::Name => "name",
        }
    }
}

/// One finding: its kind and where it is, as byte offsets into the text (`text[start..end]`), plus the same span
/// in UTF-16 code units for JavaScript callers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, export_to = "../../../ui/src/lib/bindings/"))]
pub struct Finding {
    pub kind: PiiKind,
    pub start: usize,
    pub end: usize,
    pub start_utf16: usize,
    pub end_utf16: usize,
}

/// A bare full date this many years or more before today is treated as a date of birth.
pub const BARE_DATE_MIN_AGE_YEARS: i32 = 12;

/// Text longer than this is only scanned up to here; notes are limited to 2,000 characters anyway.
const MAX_SCAN_BYTES: usize = 16 * 1024;

struct Patterns {
    email: Regex,
    iban: Regex,
    postcode_number: Regex,
    postcode: Regex,
    address_nl: Regex,
    address_en: Regex,
    phone_international: Regex,
    phone_dutch: Regex,
    date_numeric: Regex,
    date_written: Regex,
    birth_word: Regex,
    bsn: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).unwrap_or_else(|e| unreachable!("built-in pattern is valid: {e}"));
        const STREET: &str = r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|pad|steeg|markt|plantsoen|ring|baan|wal|haven|erf|hoven|burgwal|pier|boulevard|allee|dam)";
        const MONTHS: &str = r"(?:januari|jan|februari|feb|febr|maart|mrt|april|apr|mei|juni|jun|juli|jul|augustus|aug|september|sept|sep|oktober|okt|november|nov|december|dec|january|february|march|mar|may|june|july|august|october|oct)";
        Patterns {
            email: re(r"(?i)\b[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b"),
            iban: re(r"(?i)\b[a-z]{2}[ ]?\d{2}(?:[ ]?[a-z0-9]{4}){2,7}(?:[ ]?[a-z0-9]{1,3})?\b"),
            postcode_number: re(
                r"\b([1-9]\d{3})[ ]?([A-Za-z]{2})\b[ ,]*(?:(?:huisnummer|huisnr\.?|nummer|nr\.?|no\.?)[ ]*:?[ ]*)?\d{1,5}(?:[ -]?[a-zA-Z]{1,3}\b)?",
            ),
            postcode: re(r"\b([1-9]\d{3})[ ]?([A-Z]{2})\b"),
            address_nl: re(&format!(
                r"\b\p{{Lu}}[\p{{L}}'-]*{STREET}\b[ ]+(?:(?:nr\.?|nummer)[ ]*)?\d{{1,5}}(?:[ -]?(?:bis|[a-zA-Z])\b|[-/]\d{{1,4}}\b)?"
            )),
            address_en: re(
                r"\b\d{1,5}[A-Za-z]?[ ]+(?:\p{Lu}\p{L}+[ ]+){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Close|Way|Crescent|Terrace|Place|Square)",
            ),
            phone_international: re(r"(?:\+|\b00)[1-9]\d{0,2}(?:[ .-]?\(0\))?(?:[ .-]?\d){6,12}\b"),
            phone_dutch: re(r"(?:\b0(?:[ ./-]?\d){9}|\(0\d{1,3}\)[ ]?(?:[ .-]?\d){5,8})\b"),
            date_numeric: re(r"\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d{2}|\d{2})\b|\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b"),
            date_written: re(&format!(
                r"(?i)\b(\d{{1,2}})(?:e|ste|de|st|nd|rd|th)?[ ]+{MONTHS}\.?,?[ ]+((?:19|20)\d{{2}})\b|\b{MONTHS}\.?[ ]+(\d{{1,2}})(?:st|nd|rd|th)?,?[ ]+((?:19|20)\d{{2}})\b"
            )),
            birth_word: re(
                r"(?i)\b(?:geboren|geb\.|geb|geboortedatum|geboortedag|geb\.datum|born|birth|birthday|dob|d\.o\.b\.?|verjaardag|jarig)",
            ),
            bsn: re(r"\b(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3})\b"),
        }
    })
}

/// Finds identifying details in `text`. Findings are sorted by position and never overlap; where two kinds match
/// the same characters, the more specific one wins (e-mail over phone, IBAN over BSN, ...).
pub fn detect(text: &str, today: NaiveDate) -> Vec<Finding> {
    let text = truncate_at_char_boundary(text, MAX_SCAN_BYTES);
    let p = patterns();
    let mut raw: Vec<(PiiKind, usize, usize)> = Vec::new();

    raw.extend(p.email.find_iter(text).map(|m| (PiiKind::Email, m.start(), m.end())));
    for m in p.iban.find_iter(text) {
        if let Some(end) = longest_valid_iban(text, m.start(), m.end()) {
            raw.push((PiiKind::Iban, m.start(), end));
        }
    }
    for c in p.postcode_number.captures_iter(text) {
        if let (Some(all), Some(letters)) = (c.get(0), c.get(2))
            && is_postcode_letters(letters.as_str())
        {
            raw.push((PiiKind::PostcodeHouseNumber, all.start(), all.end()));
        }
    }
    for m in p.address_nl.find_iter(text).chain(p.address_en.find_iter(text)) {
        // A street address followed closely by a postcode is a full address: report it as postcode + number.
        let after = &text[m.end()..floor_boundary(text, m.end() + 6)];
        let postcode = p.postcode.captures(&text[m.end()..]).filter(|c| {
            c.get(0).is_some_and(|pc| pc.start() <= after.len())
                && c.get(2).is_some_and(|l| is_postcode_letters(l.as_str()))
        });
        match postcode.and_then(|c| c.get(0)) {
            Some(pc) => raw.push((PiiKind::PostcodeHouseNumber, m.start(), m.end() + pc.end())),
            None => raw.push((PiiKind::Address, m.start(), m.end())),
        }
    }
    raw.extend(p.phone_international.find_iter(text).map(|m| (PiiKind::Phone, m.start(), m.end())));
    raw.extend(p.phone_dutch.find_iter(text).map(|m| (PiiKind::Phone, m.start(), m.end())));
    for (start, end, year) in dates(text, p) {
        let near_birth_word = p.birth_word.is_match(&text[floor_boundary(text, start.saturating_sub(40))..start]);
        let old = year.is_some_and(|y| y <= today.year() - BARE_DATE_MIN_AGE_YEARS);
        if near_birth_word || old {
            raw.push((PiiKind::DateOfBirth, start, end));
        }
    }
    raw.extend(given_names(text).into_iter().map(|(start, end)| (PiiKind::Name, start, end)));
    for m in p.bsn.find_iter(text) {
        let digits: Vec<u32> = m.as_str().chars().filter_map(|c| c.to_digit(10)).collect();
        if passes_eleven_test(&digits) {
            raw.push((PiiKind::Bsn, m.start(), m.end()));
        }
    }

    // Keep the most specific finding where findings overlap (kinds are ordered by specificity).
    raw.sort_by_key(|(kind, start, end)| (*kind, *start, std::cmp::Reverse(*end)));
    let mut kept: Vec<(PiiKind, usize, usize)> = Vec::new();
    for f in raw {
        if !kept.iter().any(|k| f.1 < k.2 && k.1 < f.2) {
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| f.1);
    kept.into_iter()
        .map(|(kind, start, end)| Finding {
            kind,
            start,
            end,
            start_utf16: utf16_len(&text[..start]),
            end_utf16: utf16_len(&text[..end]),
        })
        .collect()
}

/// The listed given names: each lower-cased name, and whether it is also an everyday word or a place.
struct GivenNames {
    names: std::collections::HashMap<String, bool>,
    word: Regex,
}

fn given_name_list() -> &'static GivenNames {
    static NAMES: OnceLock<GivenNames> = OnceLock::new();
    NAMES.get_or_init(|| {
        let names = include_str!("../data/given_names.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| (fold_case(l.trim_end_matches('*')), l.ends_with('*')))
            .collect();
        let word =
            Regex::new(r"\p{L}[\p{L}\p{M}'’]*").unwrap_or_else(|e| unreachable!("built-in pattern is valid: {e}"));
        GivenNames { names, word }
    })
}

/// Lower case for matching: Turkish dotted capital İ lower-cases to "i" plus a combining dot, which is dropped.
fn fold_case(name: &str) -> String {
    name.to_lowercase().replace('\u{307}', "")
}

/// Whether the word starting at `start` begins a sentence (only spaces, quotes or brackets since the text began or
/// since `.`, `!`, `?`, `:` or a line break).
fn starts_sentence(text: &str, start: usize) -> bool {
    for c in text[..start].chars().rev() {
        match c {
            '.' | '!' | '?' | ':' | '\n' => return true,
            c if c.is_whitespace() || matches!(c, '"' | '\'' | '(' | '“' | '„' | '‘' | '-' | '–') => continue,
            _ => return false,
        }
    }
    true
}

/// Given names in the text, as byte spans.
fn given_names(text: &str) -> Vec<(usize, usize)> {
    let list = given_name_list();
    let mut out = Vec::new();
    for m in list.word.find_iter(text) {
        // "Ayan's", "Ayan’s": the name without the possessive.
        let word = m.as_str();
        let bare = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
        let Some(&ambiguous) = list.names.get(&fold_case(bare.trim_end_matches(['\'', '’']))) else { continue };
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if !ambiguous || (capitalised && !starts_sentence(text, m.start())) {
            out.push((m.start(), m.end()));
        }
    }
    out
}

/// The distinct kinds found, sorted.
pub fn kinds(findings: &[Finding]) -> Vec<PiiKind> {
    let mut k: Vec<PiiKind> = findings.iter().map(|f| f.kind).collect();
    k.sort();
    k.dedup();
    k
}

/// Full dates in the text: `(start, end, four-digit year if known)`.
fn dates(text: &str, p: &Patterns) -> Vec<(usize, usize, Option<i32>)> {
    let mut out = Vec::new();
    for c in p.date_numeric.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let (d, m, y) = match (c.get(1), c.get(2), c.get(3)) {
            (Some(d), Some(m), Some(y)) => (d.as_str(), m.as_str(), y.as_str()),
            _ => match (c.get(6), c.get(5), c.get(4)) {
                (Some(d), Some(m), Some(y)) => (d.as_str(), m.as_str(), y.as_str()),
                _ => continue,
            },
        };
        let (d, m): (u32, u32) = (d.parse().unwrap_or(0), m.parse().unwrap_or(0));
        // Accept both day-month and month-day order; reject what is no date at all (e.g. "20-30-2024").
        let plausible =
            (1..=31).contains(&d) && (1..=12).contains(&m) || (1..=12).contains(&d) && (1..=31).contains(&m);
        if plausible {
            out.push((all.start(), all.end(), (y.len() == 4).then(|| y.parse().unwrap_or(0))));
        }
    }
    for c in p.date_written.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let year = c.get(2).or_else(|| c.get(4)).and_then(|y| y.as_str().parse().ok());
        out.push((all.start(), all.end(), year));
    }
    out
}

/// Postcode letters are never SA, SD or SS; lowercase pairs that are common short words are not postcodes
/// ("in 2024 en 12 ..."), uppercase ones are.
fn is_postcode_letters(letters: &str) -> bool {
    const WORDS: &[&str] = &[
        "en", "in", "op", "om", "of", "is", "at", "as", "to", "de", "te", "et", "al", "ik", "je", "ze", "we", "na",
        "nu", "zo", "or", "on", "an", "by", "it", "be", "he", "me", "my", "no", "so", "up", "us", "do", "go", "am",
        "ja", "er", "uw", "ga", "ca", "la", "en", "du", "da", "di", "ol", "pm", "km", "kg", "cm", "mm", "ml", "uu",
        "ur",
    ];
    let upper = letters.to_ascii_uppercase();
    if matches!(upper.as_str(), "SA" | "SD" | "SS") {
        return false;
    }
    letters.chars().all(|c| c.is_ascii_uppercase()) || !WORDS.contains(&letters.to_ascii_lowercase().as_str())
}

/// The 11-test of the BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), and not all zeros.
pub fn passes_eleven_test(digits: &[u32]) -> bool {
    if digits.len() != 9 || digits.iter().all(|d| *d == 0) {
        return false;
    }
    let sum: i64 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| if i == 8 { -i64::from(*d) } else { i64::from(*d) * (9 - i as i64) })
        .sum();
    sum % 11 == 0
}

/// The IBAN check: move the first four characters to the end, letters to numbers (A = 10), mod 97 must be 1.
pub fn passes_iban_check(iban: &str) -> bool {
    let compact: Vec<char> = iban.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
    if !(15..=34).contains(&compact.len())
        || !compact[..2].iter().all(char::is_ascii_uppercase)
        || !compact[2..4].iter().all(char::is_ascii_digit)
        || !compact.iter().all(char::is_ascii_alphanumeric)
    {
        return false;
    }
    let mut remainder: u32 = 0;
    for c in compact[4..].iter().chain(&compact[..4]) {
        let value = c.to_digit(36).unwrap_or(0);
        remainder = if value >= 10 { (remainder * 100 + value) % 97 } else { (remainder * 10 + value) % 97 };
    }
    remainder == 1
}

/// The regex may take a trailing word or digit group that is not part of the IBAN; try shorter endings at
/// group boundaries until the check passes.
fn longest_valid_iban(text: &str, start: usize, end: usize) -> Option<usize> {
    let mut end = end;
    loop {
        if passes_iban_check(&text[start..end]) {
            return Some(end);
        }
        let candidate = &text[start..end];
        let cut = candidate.rfind(' ')?;
        end = start + cut;
    }
}

fn truncate_at_char_boundary(text: &str, max: usize) -> &str {
    &text[..floor_boundary(text, max)]
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid")
    }

    fn found(text: &str) -> Vec<&'static str> {
        kinds(&detect(text, today())).into_iter().map(PiiKind::code).collect()
    }

    #[test]
    fn each_kind_is_found_with_its_span() {
        let text = "Bel haar op 06-12345678 of mail an.de.vries@example.nl";
        let findings = detect(text, today());
        assert_eq!(findings.len(), 2);
        assert_eq!(&text[findings[0].start..findings[0].end], "06-12345678");
        assert_eq!(&text[findings[1].start..findings[1].end], "an.de.vries@example.nl");
        assert_eq!(found("BSN 111222333"), ["bsn"]);
        assert_eq!(found("rekening NL91 ABNA 0417 1643 00 graag"), ["iban"]);
        assert_eq!(found("woont op 1234 AB 12"), ["postcode_house_number"]);
        assert_eq!(found("woont op de Hoofdweg 145"), ["address"]);
        assert_eq!(found("geboren op 12-03-1985"), ["date_of_birth"]);
        assert_eq!(found("call +44 20 7946 0958 tonight"), ["phone"]);
    }

    #[test]
    fn ordinary_numbers_are_not_flagged() {
        for text in [
            "12 vrouwen en 3 mannen, van 19.00 tot 21.30 uur",
            "bijeenkomst op 12-03-2025 in de Kerkstraat",
            "in 2024 en 2025 samen 20-30 deelnemers",
            "belde Veilig Thuis via 0800-2000",
            "zaaknummer 123456789",
            "schuld van € 1.500, 40% minder",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn utf16_spans_account_for_wide_characters() {
        let text = "📞 06-12345678";
        let f = detect(text, today());
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].start_utf16, f[0].end_utf16), (3, 14));
    }

    #[test]
    fn checks_are_correct() {
        assert!(passes_eleven_test(&[1, 1, 1, 2, 2, 2, 3, 3, 3]));
        assert!(!passes_eleven_test(&[1, 2, 3, 4, 5, 6, 7, 8, 9]));
        assert!(passes_iban_check("GB29NWBK60161331926819"));
        assert!(!passes_iban_check("GB29NWBK60161331926818"));
    }

    #[test]
    fn given_names_are_found_and_everyday_words_are_not() {
        for text in ["gesprek met Fatima", "gesprek met fatima", "İbrahim belde", "bij Ayan's huis", "zus van Roos"] {
            assert_eq!(found(text), ["name"], "{text}");
        }
        // A name that is also a word or a place counts only capitalised inside a sentence.
        for text in ["een rode roos", "Roos is een bloem.", "Ik ben er.", "Wil je komen?", "Max. acht mensen"] {
            assert!(found(text).is_empty(), "{text}");
        }
        // The more specific kind wins: a name inside an e-mail address is an e-mail address.
        assert_eq!(found("mail fatima.b@example.nl"), ["email"]);
    }

    /// A municipality is a place, never a person: no listed name that counts however it is written may be one.
    #[test]
    fn no_name_that_always_counts_is_a_municipality() {
        let list = given_name_list();
        let municipalities = include_str!("../data/municipalities_2025.tsv");
        for name in municipalities.lines().skip(1).filter_map(|l| l.split('\t').nth(1)) {
            assert_ne!(list.names.get(&fold_case(name.trim())), Some(&false), "{name}");
        }
        assert!(list.names.len() > 600, "{} names", list.names.len());
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let long = "0".repeat(100_000) + "é";
        let _ = detect(&long, today());
        let _ = detect("€€€ 06- é 12 @@ a@b. NL 00", today());
    }

    #[test]
    fn multibyte_text_around_matches_does_not_panic() {
        // Regression: slicing a fixed number of bytes around a match used to cut characters in half.
        assert!(found("ميعاد في البيت مع العائلة 12-03-2025").is_empty());
        assert_eq!(found("woont Kerkstraat 12 (café)"), ["address"]);
        assert_eq!(found("Ayşe doğum tarihi, geboren op 12-03-1985 çok"), ["date_of_birth", "name"]);
        for prefix in ["é", "éé", "ééé", "😀", "ğ"] {
            let text = format!("{prefix}{} geboren 01-02-1990 {prefix}", "ş".repeat(19));
            assert_eq!(found(&text), ["date_of_birth"], "{text}");
        }
    }
}
