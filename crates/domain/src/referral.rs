//! A referral (doorverwijzing): the volunteer helped someone towards professional help. It carries a generated
//! pseudonymous code, never a name, and a status that moves along an allowed lifecycle with a date per step.

use std::fmt;

use chrono::{Days, NaiveDate};
use ring::rand::SecureRandom;
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::values::{CodeSet, MunicipalityCode, Notes, Organisation, RecordDate, SignalCode, ThemeCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, export_to = "../../../ui/src/lib/bindings/"))]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Normal,
    Urgent,
    /// Immediate danger: the volunteer should also have called 112.
    Acute,
}

/// A first or a repeat melding about the same person or family (municipalities aim for more first ones and fewer
/// repeats). Codes match [`crate::reference::OCCURRENCES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Occurrence {
    First,
    Repeat,
}

impl Occurrence {
    pub fn code(self) -> &'static str {
        match self {
            Self::First => "first",
            Self::Repeat => "repeat",
        }
    }

    /// `first`, `repeat`, or empty (or `unknown`, as the form's third choice says) for not known.
    pub fn parse(text: &str) -> Result<Option<Self>, DomainError> {
        match text.trim() {
            "" | "unknown" => Ok(None),
            "first" => Ok(Some(Self::First)),
            "repeat" => Ok(Some(Self::Repeat)),
            other => Err(DomainError::UnknownCode { list: "occurrence", code: other.chars().take(40).collect() }),
        }
    }
}

/// Whether the person agreed to the referral ("als de persoon dat wil", seed 004:1305).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, export_to = "../../../ui/src/lib/bindings/"))]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    Yes,
    No,
    NotAsked,
}

/// Where a referral stands. The lifecycle: proposed → made → contact confirmed → help started → closed, with
/// declined and unknown as exits. See [`ReferralStatus::can_become`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, export_to = "../../../ui/src/lib/bindings/"))]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    /// Suggested to the person, not yet made.
    Proposed,
    /// The referral has been made (a call, a form, a warm handover).
    Made,
    /// The organisation confirmed contact with the person.
    ContactConfirmed,
    /// Help has started.
    HelpStarted,
    /// Finished.
    Closed,
    /// The person or the organisation declined.
    Declined,
    /// The volunteer lost track; may be picked up again when news comes in.
    Unknown,
}

impl ReferralStatus {
    pub const ALL: [ReferralStatus; 7] = [
        Self::Proposed,
        Self::Made,
        Self::ContactConfirmed,
        Self::HelpStarted,
        Self::Closed,
        Self::Declined,
        Self::Unknown,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Made => "made",
            Self::ContactConfirmed => "contact_confirmed",
            Self::HelpStarted => "help_started",
            Self::Closed => "closed",
            Self::Declined => "declined",
            Self::Unknown => "unknown",
        }
    }

    pub fn from_code(code: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
            .ok_or_else(|| DomainError::UnknownCode { list: "referral_status", code: code.chars().take(40).collect() })
    }

    /// Closed and declined are final: a later development is a new referral.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Closed | Self::Declined)
    }

    /// Made, or a later step of the main line that can only follow a made referral.
    pub fn means_made(self) -> bool {
        matches!(self, Self::Made | Self::ContactConfirmed | Self::HelpStarted | Self::Closed)
    }

    /// Whether the referral still needs following up.
    pub fn is_open(self) -> bool {
        !self.is_final()
    }

    fn rank(self) -> u8 {
        match self {
            Self::Proposed => 0,
            Self::Made => 1,
            Self::ContactConfirmed => 2,
            Self::HelpStarted => 3,
            Self::Closed => 4,
            Self::Declined | Self::Unknown => 5,
        }
    }

    /// Allowed transitions: forward along the main line (steps may be skipped: news often arrives late),
    /// to declined or unknown from any open status, and from unknown back onto the main line.
    pub fn can_become(self, to: ReferralStatus) -> bool {
        use ReferralStatus::*;
        if self == to || self.is_final() {
            return false;
        }
        match (self, to) {
            (_, Declined) | (_, Unknown) => true,
            (Unknown, Made | ContactConfirmed | HelpStarted | Closed) => true,
            (Unknown, _) => false,
            (from, to) => to.rank() > from.rank() && to.rank() <= Closed.rank(),
        }
    }
}

impl fmt::Display for ReferralStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One step of a referral's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: ReferralStatus,
    pub date: RecordDate,
}

/// A generated pseudonymous code like `K7QF-3M2D`: 40 random bits in Crockford base32 (no I, L, O, U), so a
/// volunteer can talk about "referral K7QF-3M2D" with a coordinator without any name. It is random, not derived
/// from anything about the person, so it reveals nothing.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PseudonymCode(String);

use crate::typed_code::ALPHABET as CROCKFORD;

impl PseudonymCode {
    pub fn generate(rng: &dyn SecureRandom) -> Result<Self, DomainError> {
        let mut bytes = [0u8; 5];
        rng.fill(&mut bytes).map_err(|_| DomainError::RandomUnavailable)?;
        let bits = bytes.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        let mut code = String::with_capacity(9);
        for i in 0..8 {
            if i == 4 {
                code.push('-');
            }
            let index = (bits >> (35 - 5 * i)) & 31;
            code.push(char::from(CROCKFORD[index as usize]));
        }
        Ok(Self(code))
    }

    pub fn parse(text: &str) -> Result<Self, DomainError> {
        let text = text.trim().to_ascii_uppercase();
        let bytes = text.as_bytes();
        let well_formed = bytes.len() == 9
            && bytes[4] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || CROCKFORD.contains(b));
        if well_formed { Ok(Self(text)) } else { Err(DomainError::PseudonymCodeMalformed) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for PseudonymCode {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<PseudonymCode> for String {
    fn from(c: PseudonymCode) -> String {
        c.0
    }
}

impl fmt::Display for PseudonymCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn non_empty_history<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<StatusChange>, D::Error> {
    let history = Vec::<StatusChange>::deserialize(d)?;
    if history.is_empty() {
        return Err(serde::de::Error::custom("a referral needs at least one status"));
    }
    Ok(history)
}

/// How far ahead a follow-up may be planned.
const MAX_FOLLOW_UP_DAYS: u64 = 730;

/// A validated referral. Build one with [`Referral::from_input`]; move its status with [`Referral::change_status`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    pub code: PseudonymCode,
    pub date: RecordDate,
    pub municipality: MunicipalityCode,
    pub destination: Organisation,
    pub themes: CodeSet<ThemeCode>,
    pub urgency: Urgency,
    pub consent: Consent,
    /// Warme overdracht: the volunteer went along or handed over in person.
    pub accompanied: bool,
    /// A first or a repeat melding about this person or family, when the volunteer knows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<Occurrence>,
    /// The signs the volunteer saw (*signalen*).
    #[serde(default)]
    pub signals: CodeSet<SignalCode>,
    /// Every status the referral has had, oldest first; never empty.
    #[serde(deserialize_with = "non_empty_history")]
    history: Vec<StatusChange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<NaiveDate>,
    #[serde(default)]
    pub notes: Notes,
}

/// What a referral form sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, export_to = "../../../ui/src/lib/bindings/"))]
#[serde(default)]
pub struct ReferralInput {
    /// `YYYY-MM-DD`
    pub date: String,
    pub municipality: String,
    pub destination: String,
    pub themes: Vec<String>,
    pub urgency: Urgency,
    pub consent: Consent,
    pub accompanied: bool,
    /// `first`, `repeat`, or empty (or `unknown`) when not known.
    pub occurrence: String,
    /// Codes of [`crate::reference::SIGNALS`].
    pub signals: Vec<String>,
    /// The first status; usually `made`, sometimes `proposed`.
    pub status: ReferralStatus,
    /// `YYYY-MM-DD` or empty.
    pub follow_up: String,
    pub notes: String,
}

impl Default for ReferralInput {
    fn default() -> Self {
        Self {
            date: String::new(),
            municipality: String::new(),
            destination: String::new(),
            themes: Vec::new(),
            urgency: Urgency::Normal,
            consent: Consent::NotAsked,
            accompanied: false,
            occurrence: String::new(),
            signals: Vec::new(),
            status: ReferralStatus::Made,
            follow_up: String::new(),
            notes: String::new(),
        }
    }
}

impl Referral {
    /// Validates a new referral. `code` comes from [`PseudonymCode::generate`].
    pub fn from_input(input: &ReferralInput, code: PseudonymCode, today: NaiveDate) -> Result<Self, DomainError> {
        let date = RecordDate::parse(&input.date, today, "date")?;
        let mut referral = Self {
            code,
            date,
            municipality: MunicipalityCode::new(&input.municipality)?,
            destination: Organisation::new_or_historic(&input.destination)?,
            themes: CodeSet::non_empty(&input.themes)?,
            urgency: input.urgency,
            consent: input.consent,
            accompanied: input.accompanied,
            occurrence: Occurrence::parse(&input.occurrence)?,
            signals: CodeSet::new(&input.signals)?,
            history: vec![StatusChange { status: input.status, date }],
            follow_up: None,
            notes: Notes::new(&input.notes)?,
        };
        referral.set_follow_up(&input.follow_up)?;
        Ok(referral)
    }

    /// Applies an edited form to an existing referral. The code and the status history stay as they are; the
    /// referral date may move only so far that the history stays in order.
    pub fn apply_edit(&self, input: &ReferralInput, today: NaiveDate) -> Result<Self, DomainError> {
        let mut edited = Self::from_input(input, self.code.clone(), today)?;
        let mut history = self.history.clone();
        if history.get(1).is_some_and(|second| second.date < edited.date) {
            return Err(DomainError::StatusDateOutOfOrder);
        }
        if let Some(first) = history.first_mut() {
            first.date = edited.date;
        }
        edited.history = history;
        Ok(edited)
    }

    /// Sets or clears (empty text) the follow-up date.
    pub fn set_follow_up(&mut self, text: &str) -> Result<(), DomainError> {
        let text = text.trim();
        if text.is_empty() {
            self.follow_up = None;
            return Ok(());
        }
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| DomainError::DateMalformed { field: "follow_up" })?;
        if date < self.date.date() {
            return Err(DomainError::FollowUpBeforeReferral);
        }
        let latest = self.date.date().checked_add_days(Days::new(MAX_FOLLOW_UP_DAYS));
        if latest.is_some_and(|latest| date > latest) {
            return Err(DomainError::FollowUpTooFar);
        }
        self.follow_up = Some(date);
        Ok(())
    }

    /// Moves the referral to a new status on a date. Final statuses clear the follow-up date.
    pub fn change_status(&mut self, to: ReferralStatus, date: NaiveDate, today: NaiveDate) -> Result<(), DomainError> {
        let current = self.status();
        if !current.can_become(to) {
            return Err(DomainError::StatusTransitionNotAllowed { from: current.code(), to: to.code() });
        }
        let date = RecordDate::new(date, today, "status_date")?;
        if date < self.last_change().date {
            return Err(DomainError::StatusDateOutOfOrder);
        }
        self.history.push(StatusChange { status: to, date });
        if to.is_final() {
            self.follow_up = None;
        }
        Ok(())
    }

    pub fn status(&self) -> ReferralStatus {
        self.last_change().status
    }

    pub fn history(&self) -> &[StatusChange] {
        &self.history
    }

    /// The date the referral reached a final status, if it has.
    pub fn closed_on(&self) -> Option<NaiveDate> {
        let last = self.last_change();
        last.status.is_final().then_some(last.date.date())
    }

    /// A melding to Veilig Thuis, which coordinators count separately: a referral to Veilig Thuis that was
    /// actually *made*. While it is only proposed it is no melding yet, and one declined (or lost track of) before
    /// it was made never becomes one; once made it stays one, whatever happens after.
    pub fn is_melding_veilig_thuis(&self) -> bool {
        self.destination.is_veilig_thuis() && self.was_made()
    }

    /// Whether the referral has been made at some point: its history holds made or a later step of the main line
    /// (steps may be skipped, so "help started" or "closed" also mean it was made).
    pub fn was_made(&self) -> bool {
        self.history.iter().any(|change| change.status.means_made())
    }

    fn last_change(&self) -> &StatusChange {
        // The constructors and deserialization guarantee at least one entry.
        self.history.last().unwrap_or_else(|| unreachable!("a referral always has a status"))
    }

    /// The form that would produce this referral (status is its current one).
    pub fn to_input(&self) -> ReferralInput {
        ReferralInput {
            date: self.date.to_string(),
            municipality: self.municipality.as_str().into(),
            destination: self.destination.as_str().into(),
            themes: self.themes.iter().map(|t| t.as_str().into()).collect(),
            urgency: self.urgency,
            consent: self.consent,
            accompanied: self.accompanied,
            occurrence: self.occurrence.map(Occurrence::code).unwrap_or_default().into(),
            signals: self.signals.iter().map(|c| c.as_str().into()).collect(),
            status: self.history[0].status,
            follow_up: self.follow_up.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            notes: self.notes.as_str().into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReferralStatus::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid")
    }
    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("valid")
    }

    fn input() -> ReferralInput {
        ReferralInput {
            date: "2026-11-02".into(),
            municipality: "GM0855".into(),
            destination: "veilig_thuis".into(),
            themes: vec!["huiselijk_geweld".into()],
            consent: Consent::Yes,
            follow_up: "2026-11-16".into(),
            ..ReferralInput::default()
        }
    }

    fn referral() -> Referral {
        let code = PseudonymCode::generate(&ring::rand::SystemRandom::new()).expect("random");
        Referral::from_input(&input(), code, today()).expect("valid")
    }

    #[test]
    fn generated_codes_parse_and_differ() {
        let rng = ring::rand::SystemRandom::new();
        let a = PseudonymCode::generate(&rng).expect("random");
        let b = PseudonymCode::generate(&rng).expect("random");
        assert_ne!(a, b);
        assert_eq!(PseudonymCode::parse(a.as_str()), Ok(a.clone()));
        assert_eq!(PseudonymCode::parse(&a.as_str().to_lowercase()), Ok(a));
        for bad in ["", "ABCD-EFG", "ABCD-EFGI", "ABCDEFGHJ", "ABCD_EFGH"] {
            assert!(PseudonymCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_lifecycle_moves_forward_and_ends() {
        let mut r = referral();
        assert_eq!(r.status(), Made);
        r.change_status(ContactConfirmed, day("2026-11-05"), today()).expect("forward");
        assert_eq!(
            r.change_status(Made, day("2026-11-06"), today()).map_err(|e| e.code()),
            Err("status_transition_not_allowed")
        );
        r.change_status(Closed, day("2026-11-20"), today()).expect("close");
        assert_eq!(r.closed_on(), Some(day("2026-11-20")));
        assert_eq!(r.follow_up, None);
        assert!(r.change_status(Unknown, day("2026-11-21"), today()).is_err());
        assert_eq!(r.history().len(), 3);
    }

    #[test]
    fn transitions_follow_the_table() {
        assert!(Proposed.can_become(HelpStarted));
        assert!(Unknown.can_become(Made));
        assert!(!Unknown.can_become(Proposed));
        assert!(!HelpStarted.can_become(ContactConfirmed));
        assert!(HelpStarted.can_become(Declined));
        for s in ReferralStatus::ALL {
            assert!(!s.can_become(s));
            assert!(!Closed.can_become(s) && !Declined.can_become(s));
        }
    }

    #[test]
    fn status_dates_stay_in_order() {
        let mut r = referral();
        assert_eq!(
            r.change_status(HelpStarted, day("2026-11-01"), today()).map_err(|e| e.code()),
            Err("status_date_out_of_order")
        );
        assert_eq!(
            r.change_status(HelpStarted, day("2026-12-01"), today()).map_err(|e| e.code()),
            Err("date_in_future")
        );
        assert_eq!(r.status(), Made);
    }

    #[test]
    fn follow_up_dates_are_checked() {
        let mut r = referral();
        assert_eq!(r.set_follow_up("2026-10-01").map_err(|e| e.code()), Err("follow_up_before_referral"));
        assert_eq!(r.set_follow_up("2030-10-01").map_err(|e| e.code()), Err("follow_up_too_far"));
        assert_eq!(r.set_follow_up("tomorrow").map_err(|e| e.code()), Err("date_malformed"));
        r.set_follow_up("").expect("clearing is fine");
        assert_eq!(r.follow_up, None);
    }

    #[test]
    fn historic_destinations_count_as_veilig_thuis() {
        let mut i = input();
        i.destination = "amk".into();
        let code = PseudonymCode::parse("AAAA-BBBB").expect("valid");
        let r = Referral::from_input(&i, code, today()).expect("valid");
        assert!(r.is_melding_veilig_thuis());
    }

    #[test]
    fn a_melding_counts_once_made_and_stays_counted() {
        let mut i = input();
        i.destination = "veilig_thuis".into();
        i.status = Proposed;
        let code = || PseudonymCode::parse("AAAA-BBBB").expect("valid");
        let proposed = Referral::from_input(&i, code(), today()).expect("valid");
        assert!(!proposed.is_melding_veilig_thuis(), "only proposed: no melding yet");

        let mut declined = proposed.clone();
        declined.change_status(Declined, day("2026-11-10"), today()).expect("declined");
        assert!(!declined.is_melding_veilig_thuis(), "declined before it was made");

        let mut lost = proposed.clone();
        lost.change_status(Unknown, day("2026-11-10"), today()).expect("unknown");
        assert!(!lost.is_melding_veilig_thuis(), "lost track of before it was made");
        lost.change_status(ContactConfirmed, day("2026-11-12"), today()).expect("picked up again");
        assert!(lost.is_melding_veilig_thuis(), "contact confirmed means it was made");

        let mut made = proposed;
        made.change_status(Made, day("2026-11-10"), today()).expect("made");
        assert!(made.is_melding_veilig_thuis());
        made.change_status(Declined, day("2026-11-11"), today()).expect("declined after");
        assert!(made.is_melding_veilig_thuis(), "declined after it was made: still a melding");

        i.status = Made;
        i.destination = "wijkteam".into();
        assert!(!Referral::from_input(&i, code(), today()).expect("valid").is_melding_veilig_thuis());
    }

    #[test]
    fn edits_keep_code_and_history() {
        let mut r = referral();
        r.change_status(HelpStarted, day("2026-11-10"), today()).expect("forward");
        let mut i = r.to_input();
        i.destination = "wijkteam".into();
        i.date = "2026-11-01".into();
        let edited = r.apply_edit(&i, today()).expect("valid edit");
        assert_eq!(edited.code, r.code);
        assert_eq!(edited.status(), HelpStarted);
        assert_eq!(edited.history()[0].date.date(), day("2026-11-01"));
        i.date = "2026-11-12".into();
        assert_eq!(r.apply_edit(&i, today()).map_err(|e| e.code()), Err("status_date_out_of_order"));
    }
}
