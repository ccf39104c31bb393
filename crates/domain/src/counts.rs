//! Aggregation of records into monthly counts — the only data that ever leaves a device.
//!
//! A count key is `(period YYYY-MM, metric, dimensions)`; its value is the device's cumulative count for that key.
//! Every record contributes `+n` to a fixed set of keys ([`contributions_of_activity`],
//! [`contributions_of_referral`]); an edit is "remove the old contributions, add the new", a delete removes them.
//! Values are therefore always exactly the sum over the records that exist, which the property tests check.
//!
//! # Metrics
//! | metric | dimensions | value |
//! |---|---|---|
//! | `activities` | activity, municipality | number of activities |
//! | `activity_minutes` | activity, municipality | minutes spent in activities |
//! | `activities_with_professional` | activity, municipality | activities in which a professional took part |
//! | `participants` | activity, municipality, gender | participants (women / men / other-or-unknown) |
//! | `new_participants` | activity, municipality | participants marked as new (where recorded): in a conversation or visit the answer to "first time with this person?", so "137 conversations with 62 people" is `activities` 137 and `new_participants` 62 |
//! | `activities_by_theme` | theme, municipality | activities per theme (an activity with two themes counts once for each) |
//! | `participants_by_theme` | theme, municipality | participants of activities per theme |
//! | `activities_by_language` | language, municipality | activities per language used |
//! | `participants_by_language` | language, municipality | participants of activities per language |
//! | `activities_by_location` | location_type, municipality | activities per location type |
//! | `participants_by_location` | location_type, municipality | participants per location type |
//! | `referrals` | destination, status, municipality | referrals by their current status |
//! | `referrals_by_theme` | destination, theme, municipality | referrals per theme (once per theme) |
//! | `referrals_with_consent` | destination, municipality | referrals the person consented to |
//! | `referrals_accompanied` | destination, municipality | referrals with a warm handover |
//! | `participants_by_age` | activity, age_band, municipality | participants per age band, where counted (organisations that switch it on) |
//! | `activities_by_community` | community_group, municipality | activities per community group present (once per group; organisations that switch it on) |
//! | `referrals_by_occurrence` | destination, municipality, occurrence | referrals known to be a first or a repeat melding |
//! | `referrals_by_signal` | destination, municipality, signal | referrals per sign the volunteer saw (once per sign) |
//! | `meetings_with_hands` | municipality, statement | meetings that held a show of hands about the statement |
//! | `participants_with_hands` | municipality, statement | the participants of those meetings |
//! | `hands_before`, `hands_after` | municipality, statement | hands raised before and after the talk |
//! | `heavy_activities` | activity, municipality | activities the volunteer marked as heavy for themselves |
//! | `meldingen_veilig_thuis` | municipality | meldingen: referrals to Veilig Thuis that were *made* — status made or a later step at some point; not while only proposed, not when declined or lost before they were made ([`Referral::is_melding_veilig_thuis`]) |
//!
//! The period of an activity is the month of its date; of a referral, the month of the referral date (its status
//! is the current one, so a status change moves one unit between two `referrals` keys of that month).
//! Community groups are counted per activity (which groups were there), never per person; wijk and notes are never
//! part of any count. "Active volunteers" is computed by the coordinator
//! from which devices reported, not sent by the device.

use rustc_hash::FxHashMap as HashMap;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::activity::{Activity, ActivityType};
use crate::referral::{Consent, Referral, ReferralStatus};
use crate::{DomainError, reference};

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Period {
    year: u16,
    month: u8,
}

impl Period {
    pub fn new(year: i32, month: u32) -> Result<Self, DomainError> {
        if (2000..=2999).contains(&year) && (1..=12).contains(&month) {
            Ok(Self { year: year as u16, month: month as u8 })
        } else {
            Err(DomainError::PeriodMalformed)
        }
    }

    pub fn of(date: NaiveDate) -> Self {
        Self { year: date.year().clamp(0, i32::from(u16::MAX)) as u16, month: date.month() as u8 }
    }

    pub fn parse(text: &str) -> Result<Self, DomainError> {
        let (y, m) = text.split_once('-').ok_or(DomainError::PeriodMalformed)?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(DomainError::PeriodMalformed);
        }
        let year = y.parse().map_err(|_| DomainError::PeriodMalformed)?;
        let month = m.parse().map_err(|_| DomainError::PeriodMalformed)?;
        Self::new(year, month)
    }

    /// The month after this one (2999-12 has none).
    pub fn next(self) -> Option<Self> {
        if self.month == 12 {
            Self::new(self.year() + 1, 1).ok()
        } else {
            Self::new(self.year(), self.month() + 1).ok()
        }
    }

    pub fn year(self) -> i32 {
        self.year.into()
    }
    pub fn month(self) -> u32 {
        self.month.into()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl TryFrom<String> for Period {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Period> for String {
    fn from(p: Period) -> String {
        p.to_string()
    }
}

/// What is counted. See the module documentation for each metric's meaning and dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Activities,
    ActivityMinutes,
    ActivitiesWithProfessional,
    Participants,
    NewParticipants,
    ActivitiesByTheme,
    ParticipantsByTheme,
    ActivitiesByLanguage,
    ParticipantsByLanguage,
    ActivitiesByLocation,
    ParticipantsByLocation,
    Referrals,
    ReferralsByTheme,
    ReferralsWithConsent,
    ReferralsAccompanied,
    MeldingenVeiligThuis,
    HeavyActivities,
    ParticipantsByAge,
    ActivitiesByCommunity,
    ReferralsByOccurrence,
    ReferralsBySignal,
    MeetingsWithHands,
    ParticipantsWithHands,
    HandsBefore,
    HandsAfter,
}

/// A dimension of a count key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Activity,
    AgeBand,
    CommunityGroup,
    Destination,
    Gender,
    Language,
    LocationType,
    Municipality,
    Occurrence,
    Signal,
    Statement,
    Status,
    Theme,
}

/// The gender values of the `participants` metric.
pub const GENDERS: [&str; 3] = ["women", "men", "other"];

impl Dimension {
    /// In the order of their codes, so dimensions sorted by [`Dimension`] read as sorted by name.
    pub const ALL: [Dimension; 13] = [
        Self::Activity,
        Self::AgeBand,
        Self::CommunityGroup,
        Self::Destination,
        Self::Gender,
        Self::Language,
        Self::LocationType,
        Self::Municipality,
        Self::Occurrence,
        Self::Signal,
        Self::Statement,
        Self::Status,
        Self::Theme,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Activity => "activity",
            Self::AgeBand => "age_band",
            Self::CommunityGroup => "community_group",
            Self::Destination => "destination",
            Self::Gender => "gender",
            Self::Language => "language",
            Self::LocationType => "location_type",
            Self::Municipality => "municipality",
            Self::Occurrence => "occurrence",
            Self::Signal => "signal",
            Self::Statement => "statement",
            Self::Status => "status",
            Self::Theme => "theme",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }

    /// Validates a value of this dimension and returns its interned form.
    pub fn value(self, value: &str) -> Option<&'static str> {
        match self {
            Self::Activity => ActivityType::from_code(value).ok().map(ActivityType::code),
            Self::AgeBand => reference::AGE_BANDS.get(value).map(|e| e.code),
            Self::CommunityGroup => reference::COMMUNITY_GROUPS.get(value).map(|e| e.code),
            Self::Occurrence => reference::OCCURRENCES.get(value).map(|e| e.code),
            Self::Signal => reference::SIGNALS.get(value).map(|e| e.code),
            Self::Statement => reference::STATEMENTS.get(value).map(|e| e.code),
            Self::Destination => reference::ORGANISATIONS.get(value).map(|e| e.code),
            Self::Gender => GENDERS.into_iter().find(|g| *g == value),
            Self::Language => reference::LANGUAGES.get(value).map(|e| e.code),
            Self::LocationType => reference::LOCATION_TYPES.get(value).map(|e| e.code),
            Self::Municipality => reference::municipality(value).map(|m| m.code),
            Self::Status => ReferralStatus::from_code(value).ok().map(ReferralStatus::code),
            Self::Theme => reference::THEMES.get(value).map(|e| e.code),
        }
    }
}

impl Metric {
    pub const ALL: [Metric; 25] = [
        Self::Activities,
        Self::ActivityMinutes,
        Self::ActivitiesWithProfessional,
        Self::Participants,
        Self::NewParticipants,
        Self::ActivitiesByTheme,
        Self::ParticipantsByTheme,
        Self::ActivitiesByLanguage,
        Self::ParticipantsByLanguage,
        Self::ActivitiesByLocation,
        Self::ParticipantsByLocation,
        Self::Referrals,
        Self::ReferralsByTheme,
        Self::ReferralsWithConsent,
        Self::ReferralsAccompanied,
        Self::MeldingenVeiligThuis,
        Self::HeavyActivities,
        Self::ParticipantsByAge,
        Self::ActivitiesByCommunity,
        Self::ReferralsByOccurrence,
        Self::ReferralsBySignal,
        Self::MeetingsWithHands,
        Self::ParticipantsWithHands,
        Self::HandsBefore,
        Self::HandsAfter,
    ];

    /// The largest value one device can plausibly hold for one key in one month; anything above is corrupt.
    pub const MAX_VALUE: i64 = 10_000_000;

    pub fn code(self) -> &'static str {
        match self {
            Self::Activities => "activities",
            Self::ActivityMinutes => "activity_minutes",
            Self::ActivitiesWithProfessional => "activities_with_professional",
            Self::Participants => "participants",
            Self::NewParticipants => "new_participants",
            Self::ActivitiesByTheme => "activities_by_theme",
            Self::ParticipantsByTheme => "participants_by_theme",
            Self::ActivitiesByLanguage => "activities_by_language",
            Self::ParticipantsByLanguage => "participants_by_language",
            Self::ActivitiesByLocation => "activities_by_location",
            Self::ParticipantsByLocation => "participants_by_location",
            Self::Referrals => "referrals",
            Self::ReferralsByTheme => "referrals_by_theme",
            Self::ReferralsWithConsent => "referrals_with_consent",
            Self::ReferralsAccompanied => "referrals_accompanied",
            Self::MeldingenVeiligThuis => "meldingen_veilig_thuis",
            Self::HeavyActivities => "heavy_activities",
            Self::ParticipantsByAge => "participants_by_age",
            Self::ActivitiesByCommunity => "activities_by_community",
            Self::ReferralsByOccurrence => "referrals_by_occurrence",
            Self::ReferralsBySignal => "referrals_by_signal",
            Self::MeetingsWithHands => "meetings_with_hands",
            Self::ParticipantsWithHands => "participants_with_hands",
            Self::HandsBefore => "hands_before",
            Self::HandsAfter => "hands_after",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }

    /// The dimensions every key of this metric has, sorted by [`Dimension`] order.
    pub fn dimensions(self) -> &'static [Dimension] {
        use Dimension::*;
        match self {
            Self::Activities
            | Self::ActivityMinutes
            | Self::ActivitiesWithProfessional
            | Self::NewParticipants
            | Self::HeavyActivities => &[Activity, Municipality],
            Self::Participants => &[Activity, Gender, Municipality],
            Self::ActivitiesByTheme | Self::ParticipantsByTheme => &[Municipality, Theme],
            Self::ActivitiesByLanguage | Self::ParticipantsByLanguage => &[Language, Municipality],
            Self::ActivitiesByLocation | Self::ParticipantsByLocation => &[LocationType, Municipality],
            Self::Referrals => &[Destination, Municipality, Status],
            Self::ReferralsByTheme => &[Destination, Municipality, Theme],
            Self::ReferralsWithConsent | Self::ReferralsAccompanied => &[Destination, Municipality],
            Self::MeldingenVeiligThuis => &[Municipality],
            Self::ParticipantsByAge => &[Activity, AgeBand, Municipality],
            Self::ActivitiesByCommunity => &[CommunityGroup, Municipality],
            Self::ReferralsByOccurrence => &[Destination, Municipality, Occurrence],
            Self::ReferralsBySignal => &[Destination, Municipality, Signal],
            Self::MeetingsWithHands | Self::ParticipantsWithHands | Self::HandsBefore | Self::HandsAfter => {
                &[Municipality, Statement]
            }
        }
    }
}

/// The dimension values of one count key, as `(dimension, value)` pairs sorted by dimension. Values are interned
/// reference codes, so keys are cheap to copy, hash and compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dimensions {
    len: u8,
    pairs: [(Dimension, &'static str); 3],
}

impl Dimensions {
    fn of(pairs: &[(Dimension, &'static str)]) -> Self {
        let mut d = Self { len: 0, pairs: [(Dimension::Activity, ""); 3] };
        for (i, p) in pairs.iter().enumerate().take(3) {
            d.pairs[i] = *p;
            d.len = (i + 1) as u8;
        }
        d.pairs[..d.len as usize].sort();
        d
    }

    pub fn iter(&self) -> impl Iterator<Item = (Dimension, &'static str)> + '_ {
        self.pairs[..self.len as usize].iter().copied()
    }

    pub fn get(&self, dimension: Dimension) -> Option<&'static str> {
        self.iter().find(|(d, _)| *d == dimension).map(|(_, v)| v)
    }
}

/// `(period, metric, dimensions)`: the identity of one count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountKey {
    pub period: Period,
    pub metric: Metric,
    pub dimensions: Dimensions,
}

/// Why a count key from outside (the store, the wire) was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CountKeyError {
    #[error("not a valid period")]
    Period,
    #[error("unknown metric")]
    UnknownMetric,
    #[error("the dimensions do not match the metric")]
    Dimensions,
    #[error("unknown value for dimension {0}")]
    DimensionValue(&'static str),
}

impl CountKeyError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Period => "period_malformed",
            Self::UnknownMetric => "unknown_metric",
            Self::Dimensions => "dimensions_mismatch",
            Self::DimensionValue(_) => "unknown_dimension_value",
        }
    }
}

impl CountKey {
    fn new(period: Period, metric: Metric, pairs: &[(Dimension, &'static str)]) -> Self {
        Self { period, metric, dimensions: Dimensions::of(pairs) }
    }

    /// Validates a key given as strings: the metric must be known, and the dimensions exactly the metric's, each
    /// with a known value.
    pub fn parse<'a>(
        period: &str,
        metric: &str,
        dimensions: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, CountKeyError> {
        let period = Period::parse(period).map_err(|_| CountKeyError::Period)?;
        let metric = Metric::from_code(metric).ok_or(CountKeyError::UnknownMetric)?;
        let mut pairs = Vec::with_capacity(3);
        for (name, value) in dimensions {
            let dimension = Dimension::from_code(name).ok_or(CountKeyError::Dimensions)?;
            let value = dimension.value(value).ok_or(CountKeyError::DimensionValue(dimension.code()))?;
            pairs.push((dimension, value));
            if pairs.len() > 3 {
                return Err(CountKeyError::Dimensions);
            }
        }
        pairs.sort();
        let given: Vec<Dimension> = pairs.iter().map(|(d, _)| *d).collect();
        if given != metric.dimensions() {
            return Err(CountKeyError::Dimensions);
        }
        Ok(Self::new(period, metric, &pairs))
    }

    /// Parses the canonical dimensions text of [`CountKey::dimensions_text`].
    pub fn parse_text(period: &str, metric: &str, dimensions: &str) -> Result<Self, CountKeyError> {
        let pairs: Option<Vec<(&str, &str)>> = if dimensions.is_empty() {
            Some(Vec::new())
        } else {
            dimensions.split(';').map(|p| p.split_once('=')).collect()
        };
        Self::parse(period, metric, pairs.ok_or(CountKeyError::Dimensions)?)
    }

    /// Canonical text of the dimensions: `name=value` pairs sorted by name, joined by `;`. Stable: it is stored.
    pub fn dimensions_text(&self) -> String {
        let mut out = String::with_capacity(64);
        for (i, (d, v)) in self.dimensions.iter().enumerate() {
            if i > 0 {
                out.push(';');
            }
            out.push_str(d.code());
            out.push('=');
            out.push_str(v);
        }
        out
    }
}

impl fmt::Display for CountKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.period, self.metric.code(), self.dimensions_text())
    }
}

/// One record's contribution: add `value` to `key`.
pub type Contribution = (CountKey, i64);

/// The keys an activity adds to, with the amounts.
pub fn contributions_of_activity(a: &Activity) -> Vec<Contribution> {
    use Dimension as D;
    use Metric as M;
    let period = Period::of(a.date.date());
    let kind = a.kind.code();
    let gm = a.municipality.as_str();
    let total = i64::from(a.participants.total());
    let mut out = Vec::with_capacity(12 + 2 * (a.themes.len() + a.languages.len()));
    let mut push = |metric: Metric, pairs: &[(Dimension, &'static str)], value: i64| {
        if value != 0 {
            out.push((CountKey::new(period, metric, pairs), value));
        }
    };
    let by_kind = [(D::Activity, kind), (D::Municipality, gm)];
    push(M::Activities, &by_kind, 1);
    push(M::ActivityMinutes, &by_kind, a.duration.minutes().into());
    push(M::ActivitiesWithProfessional, &by_kind, i64::from(a.professional.is_some()));
    let tally = [a.participants.women(), a.participants.men(), a.participants.other()];
    for (gender, n) in GENDERS.into_iter().zip(tally) {
        push(M::Participants, &[(D::Activity, kind), (D::Gender, gender), (D::Municipality, gm)], n.into());
    }
    push(M::NewParticipants, &by_kind, a.participants.new_participants().unwrap_or(0).into());
    push(M::HeavyActivities, &by_kind, i64::from(a.heavy));
    for theme in a.themes.iter() {
        let pairs = [(D::Municipality, gm), (D::Theme, theme.as_str())];
        push(M::ActivitiesByTheme, &pairs, 1);
        push(M::ParticipantsByTheme, &pairs, total);
    }
    for language in a.languages.iter() {
        let pairs = [(D::Language, language.as_str()), (D::Municipality, gm)];
        push(M::ActivitiesByLanguage, &pairs, 1);
        push(M::ParticipantsByLanguage, &pairs, total);
    }
    let by_location = [(D::LocationType, a.location.as_str()), (D::Municipality, gm)];
    push(M::ActivitiesByLocation, &by_location, 1);
    push(M::ParticipantsByLocation, &by_location, total);
    for (band, n) in a.ages.iter() {
        push(
            M::ParticipantsByAge,
            &[(D::Activity, kind), (D::AgeBand, band.as_str()), (D::Municipality, gm)],
            n.into(),
        );
    }
    for group in a.community_groups.iter() {
        push(M::ActivitiesByCommunity, &[(D::CommunityGroup, group.as_str()), (D::Municipality, gm)], 1);
    }
    for hands in &a.hands {
        let pairs = [(D::Municipality, gm), (D::Statement, hands.statement.as_str())];
        push(M::MeetingsWithHands, &pairs, 1);
        push(M::ParticipantsWithHands, &pairs, total);
        push(M::HandsBefore, &pairs, hands.before.into());
        push(M::HandsAfter, &pairs, hands.after.into());
    }
    out
}

/// The keys a referral adds to, with the amounts.
pub fn contributions_of_referral(r: &Referral) -> Vec<Contribution> {
    use Dimension as D;
    use Metric as M;
    let period = Period::of(r.date.date());
    let dest = r.destination.as_str();
    let gm = r.municipality.as_str();
    let mut out = Vec::with_capacity(5 + r.themes.len());
    let by_dest = [(D::Destination, dest), (D::Municipality, gm)];
    out.push((CountKey::new(period, M::Referrals, &[by_dest[0], by_dest[1], (D::Status, r.status().code())]), 1));
    for theme in r.themes.iter() {
        out.push((
            CountKey::new(period, M::ReferralsByTheme, &[by_dest[0], by_dest[1], (D::Theme, theme.as_str())]),
            1,
        ));
    }
    if r.consent == Consent::Yes {
        out.push((CountKey::new(period, M::ReferralsWithConsent, &by_dest), 1));
    }
    if r.accompanied {
        out.push((CountKey::new(period, M::ReferralsAccompanied, &by_dest), 1));
    }
    if r.is_melding_veilig_thuis() {
        out.push((CountKey::new(period, M::MeldingenVeiligThuis, &[(D::Municipality, gm)]), 1));
    }
    if let Some(occurrence) = r.occurrence {
        out.push((
            CountKey::new(
                period,
                M::ReferralsByOccurrence,
                &[by_dest[0], by_dest[1], (D::Occurrence, occurrence.code())],
            ),
            1,
        ));
    }
    for signal in r.signals.iter() {
        out.push((
            CountKey::new(period, M::ReferralsBySignal, &[by_dest[0], by_dest[1], (D::Signal, signal.as_str())]),
            1,
        ));
    }
    out
}

/// A record that contributes to counts.
#[derive(Debug, Clone, Copy)]
pub enum Record<'a> {
    Activity(&'a Activity),
    Referral(&'a Referral),
}

impl Record<'_> {
    pub fn contributions(self) -> Vec<Contribution> {
        match self {
            Record::Activity(a) => contributions_of_activity(a),
            Record::Referral(r) => contributions_of_referral(r),
        }
    }
}

/// The change to counts when a record goes from `old` to `new` (insert: `old = None`; delete: `new = None`).
/// Only keys whose value really changes are returned, sorted by key.
pub fn delta(old: Option<Record<'_>>, new: Option<Record<'_>>) -> Vec<Contribution> {
    let mut net: HashMap<CountKey, i64> = HashMap::default();
    for (key, v) in old.map(Record::contributions).unwrap_or_default() {
        *net.entry(key).or_default() -= v;
    }
    for (key, v) in new.map(Record::contributions).unwrap_or_default() {
        *net.entry(key).or_default() += v;
    }
    let mut out: Vec<Contribution> = net.into_iter().filter(|(_, v)| *v != 0).collect();
    out.sort_unstable();
    out
}

/// A table of counts: key → value. Keys whose value dropped to zero stay, because zero is a value to sync.
/// (FxHash: keys are trusted, short and hashed often; full recomputation for a heavy volunteer must stay fast.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts(HashMap<CountKey, i64>);

impl Counts {
    pub fn new() -> Self {
        Self::default()
    }

    /// Full recomputation from all records.
    pub fn recompute<'a>(
        activities: impl IntoIterator<Item = &'a Activity>,
        referrals: impl IntoIterator<Item = &'a Referral>,
    ) -> Self {
        let mut counts = Self::new();
        for a in activities {
            counts.apply(&contributions_of_activity(a));
        }
        for r in referrals {
            counts.apply(&contributions_of_referral(r));
        }
        counts
    }

    pub fn apply(&mut self, contributions: &[Contribution]) {
        for (key, v) in contributions {
            *self.0.entry(*key).or_default() += v;
        }
    }

    pub fn get(&self, key: &CountKey) -> i64 {
        self.0.get(key).copied().unwrap_or(0)
    }

    /// The non-zero entries, sorted by key: two tables with equal non-zero entries describe the same records.
    pub fn non_zero(&self) -> Vec<(CountKey, i64)> {
        let mut v: Vec<_> = self.0.iter().filter(|(_, v)| **v != 0).map(|(k, v)| (*k, *v)).collect();
        v.sort_unstable();
        v
    }

    /// Sum of the values of one metric, over all periods and dimensions.
    pub fn total(&self, metric: Metric) -> i64 {
        self.0.iter().filter(|(k, _)| k.metric == metric).map(|(_, v)| v).sum()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&CountKey, &i64)> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(CountKey, i64)> for Counts {
    fn from_iter<I: IntoIterator<Item = (CountKey, i64)>>(iter: I) -> Self {
        let mut counts = Self::new();
        for (k, v) in iter {
            *counts.0.entry(k).or_default() += v;
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_strictly() {
        assert_eq!(Period::parse("2026-11").map(|p| p.to_string()), Ok("2026-11".to_owned()));
        for bad in ["2026-13", "2026-1", "26-11", "1999-12", "2026/11", "", "2026-11-01", "+026-11"] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_metric_has_sorted_dimensions_and_a_unique_code() {
        let mut codes = std::collections::HashSet::new();
        for m in Metric::ALL {
            assert!(codes.insert(m.code()));
            assert_eq!(Metric::from_code(m.code()), Some(m));
            let dims = m.dimensions();
            assert!(dims.windows(2).all(|w| w[0] < w[1]), "{m:?}");
            assert!(dims.contains(&Dimension::Municipality), "{m:?} must be split by municipality");
        }
    }

    #[test]
    fn count_keys_parse_only_when_metric_and_dimensions_match() {
        let key = CountKey::parse(
            "2026-11",
            "participants",
            [("municipality", "GM0202"), ("activity", "group_meeting"), ("gender", "women")],
        )
        .expect("valid key");
        assert_eq!(key.dimensions_text(), "activity=group_meeting;gender=women;municipality=GM0202");
        assert_eq!(CountKey::parse_text("2026-11", "participants", &key.dimensions_text()), Ok(key));
        let err = |r: Result<CountKey, CountKeyError>| r.map_err(|e| e.code());
        assert_eq!(err(CountKey::parse("2026-11", "visits", [])), Err("unknown_metric"));
        assert_eq!(err(CountKey::parse("2026-11", "meldingen_veilig_thuis", [])), Err("dimensions_mismatch"));
        assert_eq!(
            err(CountKey::parse("2026-11", "meldingen_veilig_thuis", [("municipality", "GM0001")])),
            Err("unknown_dimension_value")
        );
        assert_eq!(
            err(CountKey::parse(
                "2026-11",
                "meldingen_veilig_thuis",
                [("municipality", "GM0202"), ("municipality", "GM0202")]
            )),
            Err("dimensions_mismatch")
        );
        assert_eq!(
            err(CountKey::parse_text("2026-11", "meldingen_veilig_thuis", "municipality")),
            Err("dimensions_mismatch")
        );
    }

    #[test]
    fn a_heavy_activity_counts_and_a_talk_asked_is_not_a_count() {
        let input = crate::ActivityInput {
            kind: "home_visit".into(),
            date: "2026-11-20".into(),
            duration_minutes: 60,
            municipality: "GM0153".into(),
            location: "home".into(),
            languages: vec!["so".into()],
            themes: vec!["opvoeding".into()],
            women: 1,
            heavy: true,
            debrief: true,
            ..Default::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let heavy = Activity::from_input(&input, today).expect("valid");
        let light = Activity::from_input(&crate::ActivityInput { heavy: false, debrief: false, ..input }, today)
            .expect("valid");
        let counts = Counts::recompute([&heavy, &light], []);
        assert_eq!(counts.total(Metric::HeavyActivities), 1);
        assert_eq!(counts.total(Metric::Activities), 2);
        let key = CountKey::parse_text("2026-11", "heavy_activities", "activity=home_visit;municipality=GM0153");
        assert_eq!(key.map(|k| counts.get(&k)), Ok(1));
        // A talk asked travels on its own, never as a count of this device: nothing else changes with it.
        let unmarked = delta(Some(Record::Activity(&heavy)), Some(Record::Activity(&light)));
        let metrics: Vec<_> = unmarked.iter().map(|(k, v)| (k.metric, *v)).collect();
        assert_eq!(metrics, vec![(Metric::HeavyActivities, -1)]);
    }
}
