//! The shapes the UI sees. TypeScript types are generated from these (ts-rs, `cargo test` writes
//! `ui/src/lib/bindings/`), never written by hand.

use serde::{Deserialize, Serialize};
use sleutel_domain::{ReferralStatus, Urgency};
use ts_rs::TS;
use zeroize::Zeroizing;

/// Where the app stands: nothing set up yet, locked, or unlocked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub enum AppState {
    Setup,
    Locked,
    Unlocked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct AppStatus {
    pub state: AppState,
    pub failed_attempts: u32,
    pub retry_after_secs: u32,
    pub wipe_after: Option<u32>,
    /// Wrong tries left before the app makes the volunteer wait (the throttle's free attempts).
    pub attempts_before_wait: u32,
    /// Show the app under a neutral name ("Notities") and title.
    pub discreet: bool,
}

#[derive(Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct NewRecoveryCode {
    /// Shown once; never stored anywhere but on paper. Wiped from the app's memory once sent.
    #[ts(type = "string")]
    pub recovery_code: Zeroizing<String>,
}

impl std::fmt::Debug for NewRecoveryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewRecoveryCode([redacted])")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub enum SecretKind {
    Passphrase,
    RecoveryCode,
}

#[derive(Clone, Deserialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct UnlockSecret {
    pub kind: SecretKind,
    /// Wiped from memory when dropped, like every secret that crosses from the page.
    #[ts(type = "string")]
    pub value: Zeroizing<String>,
}

impl std::fmt::Debug for UnlockSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "UnlockSecret({:?}, [redacted])", self.kind)
    }
}

/// The home screen: follow-ups due and this month's own totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct HomeSummary {
    /// `YYYY-MM`
    pub month: String,
    pub follow_ups_due: u32,
    pub activities: i32,
    pub participants: i32,
    pub referrals: i32,
}

/// The codes the forms choose from. Labels come from the UI's translations (`theme-<code>` …); municipality names
/// are proper names and come from here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct ReferenceData {
    pub activity_types: Vec<String>,
    pub themes: Vec<String>,
    pub location_types: Vec<String>,
    pub languages: Vec<String>,
    pub organisations: Vec<String>,
    pub age_bands: Vec<String>,
    pub community_groups: Vec<String>,
    pub signals: Vec<String>,
    pub statements: Vec<String>,
    pub municipalities: Vec<MunicipalityChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct MunicipalityChoice {
    pub code: String,
    pub name: String,
}

/// The fastest path first: today's date, the last-used municipality and languages, the themes used most, and for
/// the kind of activity asked for, the place and duration used last time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct FormDefaults {
    /// `YYYY-MM-DD`
    pub date: String,
    pub municipality: Option<String>,
    pub languages: Vec<String>,
    pub frequent_themes: Vec<String>,
    /// The location type of the last activity of this kind.
    pub location: Option<String>,
    /// The duration of the last activity of this kind, in minutes.
    #[ts(type = "number | null")]
    pub duration_minutes: Option<i64>,
    /// For one-to-one kinds: the gender (`women`, `men`, `other`) of the last activity of this kind with one
    /// participant, so a conversation is ready to save with a tap on its theme.
    pub last_gender: Option<String>,
    /// The organisation counts participants by age band and the community groups present: the form asks for them.
    pub reach_details: bool,
}

/// The unfinished form kept in the encrypted store: which form, the form as the UI left it (JSON), and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct DraftView {
    pub form: sleutel_domain::DraftForm,
    pub body: String,
    /// RFC 3339, UTC.
    pub updated_at: String,
}

/// A saved record's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct Saved {
    #[ts(type = "number")]
    pub id: i64,
}

/// One line of the "recent activities" list; never the notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct ActivityListItem {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: String,
    /// `YYYY-MM-DD`
    pub date: String,
    pub municipality: String,
    pub participants: u32,
    pub themes: Vec<String>,
}

/// A referral as the referrals screen shows it: its pseudonymous code, where it stands, what it may become next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct ReferralView {
    #[ts(type = "number")]
    pub id: i64,
    pub code: String,
    /// `YYYY-MM-DD`
    pub date: String,
    pub destination: String,
    pub themes: Vec<String>,
    pub urgency: Urgency,
    pub status: ReferralStatus,
    /// `YYYY-MM-DD` of the latest status.
    pub status_date: String,
    /// The statuses this one may move to (the domain's lifecycle).
    pub next_statuses: Vec<ReferralStatus>,
    pub follow_up: Option<String>,
    pub follow_up_due: bool,
    /// The activity this referral was started from, if any.
    #[ts(type = "number | null")]
    pub activity_id: Option<i64>,
}

/// My work: the volunteer's own totals, from the same counts that sync sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct MyWork {
    /// The last twelve months, oldest first.
    pub months: Vec<MonthTotals>,
    /// Totals over the same twelve months as the charts.
    #[ts(type = "number")]
    pub total_activities: i64,
    #[ts(type = "number")]
    pub total_participants: i64,
    #[ts(type = "number")]
    pub total_referrals: i64,
    /// Activities per theme over the twelve months, most first.
    pub by_theme: Vec<CodeTotal>,
    /// Activities per type over the twelve months, most first.
    pub by_kind: Vec<CodeTotal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct MonthTotals {
    /// `YYYY-MM`
    pub month: String,
    #[ts(type = "number")]
    pub activities: i64,
    #[ts(type = "number")]
    pub participants: i64,
    #[ts(type = "number")]
    pub referrals: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct CodeTotal {
    pub code: String,
    #[ts(type = "number")]
    pub total: i64,
}

/// What an enrolment link (pasted, or scanned from the coordinator's QR code) carries: the two fields of the
/// enrolment form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct EnrolmentLinkView {
    pub server: String,
    pub code: String,
}

/// The support screen: the organisation's support contact and the requests for a talk not sent yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct SupportView {
    pub contact: Option<sleutel_domain::SupportContact>,
    /// The contact's phone number for a `tel:` link.
    pub dial: Option<String>,
    pub organisation: Option<String>,
    #[ts(type = "number")]
    pub waiting_talks: u64,
}

/// The sync screen: enrolled or not, when sync last worked, what waits, and the last problem as a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct SyncView {
    pub enrolled: bool,
    pub organisation: Option<String>,
    pub coordinator: Option<String>,
    /// RFC 3339
    pub last_success_at: Option<String>,
    /// Monthly counts waiting to be sent.
    #[ts(type = "number")]
    pub pending: u64,
    /// Counts the coordinator refused (kept, with their code).
    #[ts(type = "number")]
    pub rejected: u64,
    /// The last sync's problem, as a code the UI translates.
    pub problem: Option<String>,
    pub running: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct AppSettings {
    pub auto_lock_minutes: u32,
    pub retention_months: u32,
    /// Erase everything after this many failed unlocks in a row; `null`: never.
    pub wipe_after: Option<u32>,
    /// Show the app under a neutral name ("Notities") and title, from the lock screen on.
    #[serde(default)]
    pub discreet: bool,
    /// Whether a duress passphrase is set (read only: it is set with its own command).
    #[serde(default)]
    pub duress_passphrase_set: bool,
}

/// An encrypted backup file in the backup folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct BackupFile {
    pub name: String,
    pub folder: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Every command error: a stable code the UI translates, the form field it concerns (if any), and an English
/// message for logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct CommandError {
    pub code: String,
    pub field: Option<String>,
    pub message: String,
}

impl CommandError {
    pub fn new(code: &str, message: &str) -> Self {
        Self { code: code.to_owned(), field: None, message: message.to_owned() }
    }

    pub fn from_io(e: std::io::Error) -> Self {
        sleutel_store::StoreError::from(e).into()
    }
}

impl From<sleutel_store::StoreError> for CommandError {
    fn from(e: sleutel_store::StoreError) -> Self {
        match e {
            sleutel_store::StoreError::Invalid(domain) => domain.into(),
            other => {
                if is_fault(&other) {
                    log_fault(other.code());
                }
                Self::new(other.code(), &other.to_string())
            }
        }
    }
}

/// Logs a store fault, but a code only once per run: the code helps whoever looks into it, while a line per failing
/// save would date each attempt to record something.
fn log_fault(code: &'static str) {
    static LOGGED: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut logged = LOGGED.lock().unwrap_or_else(|p| p.into_inner());
    if !logged.contains(&code) {
        log::error!("store fault: {code}");
        logged.push(code);
    }
}

/// Store errors that mean something is broken (a file, the database, the randomness), not a refusal of what the
/// volunteer asked.
fn is_fault(e: &sleutel_store::StoreError) -> bool {
    use sleutel_store::StoreError as E;
    matches!(
        e,
        E::Io(_)
            | E::Database(_)
            | E::StoredRecordCorrupt
            | E::CountsInconsistent
            | E::KeyFileCorrupt
            | E::DatabaseUndecryptable
            | E::DatabaseNotEncrypted
            | E::MigrationFailed { .. }
            | E::RandomUnavailable
    )
}

impl From<sleutel_domain::DomainError> for CommandError {
    fn from(e: sleutel_domain::DomainError) -> Self {
        Self { code: e.code().to_owned(), field: e.field().map(str::to_owned), message: e.to_string() }
    }
}
