//! Validated value types. Each constructor checks its invariant once; a value of these types is always valid.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::reference::{self, ReferenceList};

/// How far back a record date may lie. Older dates are almost certainly typing errors (a year typed wrong).
pub const MAX_RECORD_AGE_YEARS: u32 = 10;

/// The date of an activity, referral or status change: not after tomorrow (time zones and late-night entry), and not
/// more than [`MAX_RECORD_AGE_YEARS`] before today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "NaiveDate", into = "NaiveDate")]
pub struct RecordDate(NaiveDate);

/// Stored and wire dates must fall in the years counts can express (periods 2000-01 to 2999-12).
impl TryFrom<NaiveDate> for RecordDate {
    type Error = DomainError;
    fn try_from(date: NaiveDate) -> Result<Self, Self::Error> {
        if (2000..=2999).contains(&date.year()) {
            Ok(Self(date))
        } else {
            Err(DomainError::DateTooOld { field: "date", max_years: MAX_RECORD_AGE_YEARS })
        }
    }
}

impl From<RecordDate> for NaiveDate {
    fn from(d: RecordDate) -> NaiveDate {
        d.0
    }
}

impl RecordDate {
    pub fn new(date: NaiveDate, today: NaiveDate, field: &'static str) -> Result<Self, DomainError> {
        let tomorrow = today.checked_add_days(Days::new(1)).unwrap_or(today);
        if date > tomorrow {
            return Err(DomainError::DateInFuture { field });
        }
        let oldest = today
            .with_year(today.year() - MAX_RECORD_AGE_YEARS as i32)
            .or_else(|| today.checked_sub_days(Days::new(366 * u64::from(MAX_RECORD_AGE_YEARS))))
            .unwrap_or(NaiveDate::MIN);
        if date < oldest {
            return Err(DomainError::DateTooOld { field, max_years: MAX_RECORD_AGE_YEARS });
        }
        Ok(Self(date))
    }

    /// Parses `YYYY-MM-DD` and validates it like [`RecordDate::new`].
    pub fn parse(text: &str, today: NaiveDate, field: &'static str) -> Result<Self, DomainError> {
        let date =
            NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| DomainError::DateMalformed { field })?;
        Self::new(date, today, field)
    }

    /// A date read back from the store, already validated when it was saved. Its age is not checked again:
    /// a record may legitimately grow old on the device until retention removes it.
    pub fn from_stored(date: NaiveDate) -> Result<Self, DomainError> {
        Self::try_from(date)
    }

    pub fn date(self) -> NaiveDate {
        self.0
    }
}

impl fmt::Display for RecordDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.format("%Y-%m-%d").fmt(f)
    }
}

/// Duration of an activity in minutes, 1 to 1440 (one day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u16")]
pub struct DurationMinutes(u16);

impl DurationMinutes {
    pub const MAX: u16 = 1440;

    pub fn new(minutes: i64) -> Result<Self, DomainError> {
        if (1..=i64::from(Self::MAX)).contains(&minutes) {
            Ok(Self(minutes as u16))
        } else {
            Err(DomainError::DurationOutOfRange { minutes })
        }
    }

    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl TryFrom<i64> for DurationMinutes {
    type Error = DomainError;
    fn try_from(v: i64) -> Result<Self, Self::Error> {
        Self::new(v)
    }
}

impl From<DurationMinutes> for u16 {
    fn from(d: DurationMinutes) -> u16 {
        d.0
    }
}

/// Participant tallies of one activity: women, men, and other or unknown; optionally how many were new.
/// Never per person: only these numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawTally", into = "RawTally")]
pub struct ParticipantTally {
    women: u32,
    men: u32,
    other: u32,
    new: Option<u32>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct RawTally {
    women: i64,
    men: i64,
    other: i64,
    #[serde(default)]
    new: Option<i64>,
}

impl ParticipantTally {
    /// The most participants one gender count may hold. Large community events have a few hundred people;
    /// anything near this bound is a typing error.
    pub const MAX_PER_COUNT: u32 = 2000;

    pub fn new(women: i64, men: i64, other: i64, new: Option<i64>) -> Result<Self, DomainError> {
        let check = |v: i64, field: &'static str| -> Result<u32, DomainError> {
            if (0..=i64::from(Self::MAX_PER_COUNT)).contains(&v) {
                Ok(v as u32)
            } else {
                Err(DomainError::TallyOutOfRange { field, max: Self::MAX_PER_COUNT })
            }
        };
        let tally = Self {
            women: check(women, "women")?,
            men: check(men, "men")?,
            other: check(other, "other")?,
            new: new.map(|n| check(n, "new")).transpose()?,
        };
        if tally.new.is_some_and(|n| n > tally.total()) {
            return Err(DomainError::NewParticipantsExceedTotal);
        }
        Ok(tally)
    }

    pub fn women(&self) -> u32 {
        self.women
    }
    pub fn men(&self) -> u32 {
        self.men
    }
    pub fn other(&self) -> u32 {
        self.other
    }
    pub fn new_participants(&self) -> Option<u32> {
        self.new
    }
    pub fn total(&self) -> u32 {
        self.women + self.men + self.other
    }
}

impl TryFrom<RawTally> for ParticipantTally {
    type Error = DomainError;
    fn try_from(r: RawTally) -> Result<Self, Self::Error> {
        Self::new(r.women, r.men, r.other, r.new)
    }
}

impl From<ParticipantTally> for RawTally {
    fn from(t: ParticipantTally) -> Self {
        Self { women: t.women.into(), men: t.men.into(), other: t.other.into(), new: t.new.map(i64::from) }
    }
}

/// Serde for a code type: a string on the wire, validated by `new` when read. (Derive cannot be used: the
/// interned `&'static str` would make serde demand `'de: 'static`.)
macro_rules! static_code_serde {
    ($name:ident) => {
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                Self::new(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A code validated against one reference list.
macro_rules! code_type {
    ($(#[$doc:meta])* $name:ident, $list:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(&'static str);

        static_code_serde!($name);

        impl $name {
            pub fn new(code: &str) -> Result<Self, DomainError> {
                let list: &ReferenceList = &$list;
                list.get(code.trim())
                    .map(|e| Self(e.code))
                    .ok_or_else(|| DomainError::UnknownCode { list: list.name, code: truncate(code) })
            }
            pub fn as_str(&self) -> &'static str {
                self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = DomainError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::new(&s)
            }
        }

        impl From<$name> for String {
            fn from(c: $name) -> String {
                c.0.to_owned()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0)
            }
        }

        impl ListCode for $name {
            const LIST: &'static str = $list.name;
            fn parse(code: &str) -> Result<Self, DomainError> {
                Self::new(code)
            }
            fn code(&self) -> &'static str {
                self.0
            }
        }
    };
}

/// Unknown codes are echoed in errors for developers; bound their length so hostile input stays small.
fn truncate(code: &str) -> String {
    code.chars().take(40).collect()
}

code_type!(
    /// A theme code from [`reference::THEMES`].
    ThemeCode,
    reference::THEMES
);
code_type!(
    /// A language code from [`reference::LANGUAGES`].
    LanguageCode,
    reference::LANGUAGES
);
code_type!(
    /// A location type from [`reference::LOCATION_TYPES`].
    LocationType,
    reference::LOCATION_TYPES
);
code_type!(
    /// A community group from [`reference::COMMUNITY_GROUPS`]: which groups were present at an activity (never per
    /// person), counted only for organisations that switch it on.
    CommunityGroup,
    reference::COMMUNITY_GROUPS
);
code_type!(
    /// An age band from [`reference::AGE_BANDS`].
    AgeBand,
    reference::AGE_BANDS
);
code_type!(
    /// A sign the volunteer saw, from [`reference::SIGNALS`].
    SignalCode,
    reference::SIGNALS
);
code_type!(
    /// A statement of a show of hands at a meeting, from [`reference::STATEMENTS`].
    StatementCode,
    reference::STATEMENTS
);
code_type!(
    /// A kind of organisation from [`reference::ORGANISATIONS`]: a referral destination or a professional's employer.
    Organisation,
    reference::ORGANISATIONS
);

impl Organisation {
    /// Like [`Organisation::new`], but also accepts historic codes that map forward (ASHG, AMK → Veilig Thuis).
    pub fn new_or_historic(code: &str) -> Result<Self, DomainError> {
        Self::new(code).or_else(|err| reference::historic_organisation(code).map_or(Err(err), Self::new))
    }

    pub fn is_veilig_thuis(&self) -> bool {
        self.0 == "veilig_thuis"
    }
}

/// A CBS gemeentecode of a current municipality, e.g. `GM0363` (Amsterdam).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MunicipalityCode(&'static str);

static_code_serde!(MunicipalityCode);

impl MunicipalityCode {
    pub fn new(code: &str) -> Result<Self, DomainError> {
        reference::municipality(&code.trim().to_ascii_uppercase())
            .map(|m| Self(m.code))
            .ok_or_else(|| DomainError::UnknownCode { list: "municipality", code: truncate(code) })
    }
    pub fn as_str(&self) -> &'static str {
        self.0
    }
}

impl TryFrom<String> for MunicipalityCode {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(&s)
    }
}

impl From<MunicipalityCode> for String {
    fn from(c: MunicipalityCode) -> String {
        c.0.to_owned()
    }
}

impl fmt::Display for MunicipalityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// A type whose values are codes of one reference list.
pub trait ListCode: Ord + Clone + Sized {
    const LIST: &'static str;
    fn parse(code: &str) -> Result<Self, DomainError>;
    fn code(&self) -> &'static str;
}

/// A set of distinct codes from one list, at most `MAX` of them, kept sorted so equal sets compare equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CodeSet<T: ListCode>(BTreeSet<T>);

impl<T: ListCode> Serialize for CodeSet<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(ListCode::code))
    }
}

impl<'de, T: ListCode> Deserialize<'de> for CodeSet<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let codes = Vec::<String>::deserialize(d)?;
        Self::new(&codes).map_err(serde::de::Error::custom)
    }
}

impl<T: ListCode> CodeSet<T> {
    pub const MAX: usize = 12;

    /// Parses codes; duplicates are an error (a form sends each chip once), as are more than [`Self::MAX`].
    pub fn new<S: AsRef<str>>(codes: &[S]) -> Result<Self, DomainError> {
        if codes.len() > Self::MAX {
            return Err(DomainError::TooManyCodes { list: T::LIST, max: Self::MAX });
        }
        let mut set = BTreeSet::new();
        for code in codes {
            if !set.insert(T::parse(code.as_ref())?) {
                return Err(DomainError::DuplicateCode { list: T::LIST });
            }
        }
        Ok(Self(set))
    }

    /// Like [`CodeSet::new`] but at least one code is required.
    pub fn non_empty<S: AsRef<str>>(codes: &[S]) -> Result<Self, DomainError> {
        let set = Self::new(codes)?;
        if set.0.is_empty() {
            return Err(DomainError::CodeRequired { list: T::LIST });
        }
        Ok(set)
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.0.iter()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn contains(&self, code: &T) -> bool {
        self.0.contains(code)
    }
}

impl<T: ListCode> Default for CodeSet<T> {
    fn default() -> Self {
        Self(BTreeSet::new())
    }
}

/// Checks free text: bounded length in characters and no control characters except newlines and tabs.
pub(crate) fn checked_text(text: &str, field: &'static str, max: usize) -> Result<String, DomainError> {
    if text.chars().count() > max {
        return Err(DomainError::TextTooLong { field, max });
    }
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
        return Err(DomainError::TextControlCharacters { field });
    }
    Ok(text.trim().to_owned())
}

/// A local free-text note. Stays on the device, encrypted, and is never synced or logged; `Debug` hides it.
/// The UI warns while typing when [`crate::pii::detect`] finds something identifying; saving is the volunteer's call.
#[derive(Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Notes(String);

impl Notes {
    pub const MAX_CHARS: usize = 2000;

    pub fn new(text: &str) -> Result<Self, DomainError> {
        checked_text(text, "notes", Self::MAX_CHARS).map(Self)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Notes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Notes([{} chars, redacted])", self.0.chars().count())
    }
}

impl TryFrom<String> for Notes {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(&s)
    }
}

impl From<Notes> for String {
    fn from(n: Notes) -> String {
        n.0
    }
}

/// An optional neighbourhood (wijk) name, short free text. Local only, never synced; `Debug` hides it.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Wijk(String);

impl Wijk {
    pub const MAX_CHARS: usize = 60;

    /// Returns `None` for empty input.
    pub fn new(text: &str) -> Result<Option<Self>, DomainError> {
        let text = checked_text(text, "wijk", Self::MAX_CHARS)?;
        Ok((!text.is_empty()).then_some(Self(text)))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Wijk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Wijk([redacted])")
    }
}

impl TryFrom<String> for Wijk {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(&s)?.ok_or(DomainError::CodeRequired { list: "wijk" })
    }
}

impl From<Wijk> for String {
    fn from(w: Wijk) -> String {
        w.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn record_dates_allow_tomorrow_but_not_later() {
        let today = day(2026, 11, 23);
        assert!(RecordDate::new(day(2026, 11, 24), today, "date").is_ok());
        assert_eq!(RecordDate::new(day(2026, 11, 25), today, "date").map_err(|e| e.code()), Err("date_in_future"));
    }

    #[test]
    fn record_dates_older_than_ten_years_are_refused() {
        let today = day(2026, 11, 23);
        assert!(RecordDate::new(day(2016, 11, 23), today, "date").is_ok());
        assert_eq!(RecordDate::new(day(2016, 11, 22), today, "date").map_err(|e| e.code()), Err("date_too_old"));
        assert_eq!(RecordDate::parse("23-11-2026", today, "date").map_err(|e| e.code()), Err("date_malformed"));
        assert_eq!(RecordDate::parse("2024-02-29", today, "date").map(|d| d.to_string()), Ok("2024-02-29".into()));
    }

    #[test]
    fn durations_are_bounded_to_one_day() {
        assert!(DurationMinutes::new(0).is_err());
        assert!(DurationMinutes::new(-5).is_err());
        assert_eq!(DurationMinutes::new(1).map(|d| d.minutes()), Ok(1));
        assert_eq!(DurationMinutes::new(1440).map(|d| d.minutes()), Ok(1440));
        assert_eq!(DurationMinutes::new(1441).map_err(|e| e.code()), Err("duration_out_of_range"));
    }

    #[test]
    fn tallies_reject_negative_absurd_and_inconsistent_counts() {
        assert_eq!(ParticipantTally::new(3, 2, 1, Some(4)).map(|t| t.total()), Ok(6));
        assert_eq!(ParticipantTally::new(-1, 0, 0, None).map_err(|e| e.code()), Err("tally_out_of_range"));
        assert_eq!(ParticipantTally::new(0, 2001, 0, None).map_err(|e| e.code()), Err("tally_out_of_range"));
        assert_eq!(ParticipantTally::new(1, 1, 0, Some(3)).map_err(|e| e.code()), Err("new_participants_exceed_total"));
    }

    #[test]
    fn codes_must_be_known_and_sets_distinct() {
        assert!(ThemeCode::new("huwelijksdwang").is_ok());
        assert_eq!(ThemeCode::new("nonsense").map_err(|e| e.code()), Err("unknown_code"));
        assert_eq!(MunicipalityCode::new("gm0363").map(|m| m.as_str()), Ok("GM0363"));
        assert!(MunicipalityCode::new("GM9999").is_err());
        assert_eq!(CodeSet::<ThemeCode>::new(&["opvoeding", "opvoeding"]).map_err(|e| e.code()), Err("duplicate_code"));
        assert_eq!(CodeSet::<ThemeCode>::non_empty::<&str>(&[]).map_err(|e| e.code()), Err("code_required"));
        assert_eq!(Organisation::new_or_historic("ashg").map(|o| o.as_str()), Ok("veilig_thuis"));
    }

    #[test]
    fn notes_are_bounded_and_never_shown_by_debug() {
        let notes = Notes::new("  secret words  ").expect("valid note");
        assert_eq!(notes.as_str(), "secret words");
        assert!(!format!("{notes:?}").contains("secret"));
        assert_eq!(Notes::new(&"x".repeat(2001)).map_err(|e| e.code()), Err("text_too_long"));
        assert_eq!(Notes::new("a\u{0}b").map_err(|e| e.code()), Err("text_control_characters"));
    }
}

/// How many participants of an activity were in each age band, where the volunteer counted it. Bands left out
/// are unknown, so the bands add up to at most the participants, not exactly to them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "std::collections::BTreeMap<String, i64>", into = "std::collections::BTreeMap<String, i64>")]
pub struct AgeTally(Vec<(AgeBand, u32)>);

impl AgeTally {
    /// Validates counts per band code; zeros are dropped. `participants` is the activity's total.
    pub fn new(counts: &std::collections::BTreeMap<String, i64>, participants: u32) -> Result<Self, DomainError> {
        let mut bands = Vec::with_capacity(counts.len());
        for (code, count) in counts {
            let band = AgeBand::new(code)?;
            if !(0..=i64::from(ParticipantTally::MAX_PER_COUNT)).contains(count) {
                return Err(DomainError::TallyOutOfRange { field: "ages", max: ParticipantTally::MAX_PER_COUNT });
            }
            if *count > 0 {
                bands.push((band, *count as u32));
            }
        }
        bands.sort();
        let tally = Self(bands);
        if tally.total() > participants {
            return Err(DomainError::AgesExceedParticipants);
        }
        Ok(tally)
    }

    pub fn total(&self) -> u32 {
        self.0.iter().map(|(_, n)| n).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&AgeBand, u32)> {
        self.0.iter().map(|(band, n)| (band, *n))
    }

    /// The counts per band code, as a form sends them.
    pub fn to_map(&self) -> std::collections::BTreeMap<String, i64> {
        self.0.iter().map(|(band, n)| (band.as_str().to_owned(), i64::from(*n))).collect()
    }
}

impl TryFrom<std::collections::BTreeMap<String, i64>> for AgeTally {
    type Error = DomainError;
    /// From storage: the bound against the participants is checked by the activity that holds it.
    fn try_from(counts: std::collections::BTreeMap<String, i64>) -> Result<Self, Self::Error> {
        Self::new(&counts, u32::MAX)
    }
}

impl From<AgeTally> for std::collections::BTreeMap<String, i64> {
    fn from(tally: AgeTally) -> Self {
        tally.to_map()
    }
}

/// A show of hands at a meeting about one statement: how many raised a hand before the talk and after it. Tallies,
/// never who: each at most the participants of the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ShowOfHands {
    pub statement: StatementCode,
    pub before: u32,
    pub after: u32,
}

/// A show of hands as a form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, export_to = "../../../ui/src/lib/bindings/"))]
pub struct ShowOfHandsInput {
    pub statement: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub before: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub after: i64,
}

impl ShowOfHands {
    /// Validates the shows of hands of a meeting with `participants` people: known statements, each once, and
    /// hands between 0 and the participants.
    pub fn list(inputs: &[ShowOfHandsInput], participants: u32) -> Result<Vec<Self>, DomainError> {
        let mut out: Vec<Self> = Vec::with_capacity(inputs.len());
        for input in inputs {
            let statement = StatementCode::new(&input.statement)?;
            if out.iter().any(|h| h.statement == statement) {
                return Err(DomainError::DuplicateCode { list: "statement" });
            }
            let hands = |n: i64| -> Result<u32, DomainError> {
                u32::try_from(n).ok().filter(|n| *n <= participants).ok_or(DomainError::HandsOutOfRange)
            };
            out.push(Self { statement, before: hands(input.before)?, after: hands(input.after)? });
        }
        out.sort_by(|a, b| a.statement.cmp(&b.statement));
        Ok(out)
    }

    pub fn to_input(&self) -> ShowOfHandsInput {
        ShowOfHandsInput {
            statement: self.statement.as_str().to_owned(),
            before: self.before.into(),
            after: self.after.into(),
        }
    }
}
