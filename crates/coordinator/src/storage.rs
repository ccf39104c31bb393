//! The coordinator's storage, behind one engine-neutral trait: the embedded SQLite file
//! ([`crate::sqlite::SqliteStorage`], the default) or a PostgreSQL database ([`crate::postgres::PostgresStorage`]).
//! Calls are blocking; the HTTP layer runs them on tokio's blocking pool. The rules live in [`crate::use_cases`]:
//! an engine only stores, in transactions that keep each change and its audit entry together.

use sleutel_domain::counts::{Metric, Period};
use sleutel_domain::disclosure::Threshold;

use crate::use_cases::upload::{Batch, IngestOutcome};

pub mod stored_totals;

/// Storage failures. Details are logged by the caller, never sent to clients.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The engine's own error, as text: engines differ, callers only log it.
    #[error("database error: {0}")]
    Database(String),
    /// The database cannot be reached or is busy right now (a pool timeout, a lost connection); a retry may work.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("stored data is malformed")]
    Corrupt,
    #[error("not found")]
    NotFound,
    #[error("already exists")]
    Conflict,
    #[error("not an allowed value")]
    Invalid,
    #[error("io error: {0}")]
    Io(#[from] std::io::Error),
}

pub type StorageResult<T> = Result<T, StorageError>;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    /// Export cells below this are hidden.
    pub disclosure_threshold: Threshold,
    /// Its volunteers count participants by age band and the community groups present (off unless switched on).
    pub reach_details: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Sees every organisation; manages accounts.
    Admin,
    /// Sees its own organisations only (dashboard work).
    Coordinator,
    /// A municipality's policy officer: reads protected, rounded tables of every organisation's work in one
    /// municipality, and nothing else. Stored as `coordinator` with the municipality set (see SQLite migration 15,
    /// PostgreSQL migration 7).
    Municipality,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Municipality => "municipality",
        }
    }

    /// The text in the `role` column (whose CHECK predates the municipality role: see migration 15).
    pub fn stored(self) -> &'static str {
        match self {
            Role::Municipality => "coordinator",
            other => other.as_str(),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "admin" => Some(Role::Admin),
            "coordinator" => Some(Role::Coordinator),
            "municipality" => Some(Role::Municipality),
            _ => None,
        }
    }
}

/// What login needs to know about an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginRecord {
    pub account: Account,
    /// Argon2id PHC string; `None` until a password is set.
    pub password_phc: Option<String>,
    pub failed_logins: u32,
    /// Unix seconds; login is refused before this.
    pub locked_until: i64,
}

/// An account as the management page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountSummary {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub organisations: Vec<i64>,
    pub has_password: bool,
}

/// When failed logins lock an account (see [`Storage::claim_login_attempt`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginLimits {
    pub per_client: u32,
    pub per_account: u32,
    pub lock_secs: i64,
    /// A run of failures older than this is forgotten.
    pub window_secs: i64,
}

/// The outcome of claiming a login attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginAttempt {
    /// The account is locked: no attempt.
    Refused,
    /// The password may be checked.
    Allowed,
    /// The password may be checked, and this attempt locked the account for the next ones.
    AllowedAndLocked,
}

/// A session to store: the token's hash, never the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession<'a> {
    pub token_sha256: &'a [u8; 32],
    pub account_id: i64,
    pub csrf_token: &'a str,
    pub now: i64,
    pub expires_at: i64,
    /// Opened with the second factor.
    pub second_factor: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Device {
    pub id: String,
    pub organisation_id: i64,
    #[serde(skip)]
    pub public_key: [u8; 32],
    pub label: String,
    pub enrolled_at: i64,
    pub revoked_at: Option<i64>,
    pub last_upload_at: Option<i64>,
    pub high_water_version: i64,
}

/// What one device may keep at the coordinator, so no device can fill its disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeviceCeilings {
    /// Count keys; new keys beyond it are refused with `too_many_keys`.
    pub keys: i64,
    /// Stored upload replies (for retried batches); the oldest go first.
    pub stored_replies: i64,
}

impl Default for DeviceCeilings {
    fn default() -> Self {
        Self {
            keys: sleutel_protocol::limits::MAX_KEYS_PER_DEVICE,
            stored_replies: sleutel_protocol::limits::MAX_STORED_REPLIES_PER_DEVICE,
        }
    }
}

/// A totals query, already validated and narrowed to the organisations the caller may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalsQuery {
    pub metric: Metric,
    pub from: Period,
    pub to: Period,
    pub organisations: Vec<i64>,
    pub municipality: Option<String>,
    pub group_by_dimension: Option<sleutel_domain::counts::Dimension>,
    pub by_period: bool,
}

/// What a device enrols with: the code's hash, the id it gets, its public key and label, and the old device it
/// replaces (proven by the caller), if any.
#[derive(Debug, Clone, Copy)]
pub struct DeviceEnrolment<'a> {
    pub code_sha256: &'a [u8; 32],
    pub device_id: &'a str,
    pub public_key: &'a [u8; 32],
    pub label: &'a str,
    pub replaces: Option<&'a str>,
}

impl DeviceEnrolment<'_> {
    /// The device this enrolment made, in the organisation its code named, carrying on from `high_water_version`
    /// (a replaced device's, or 0).
    pub fn enrolled_device(&self, organisation_id: i64, high_water_version: i64, now: i64) -> Device {
        Device {
            id: self.device_id.to_owned(),
            organisation_id,
            public_key: *self.public_key,
            label: self.label.to_owned(),
            enrolled_at: now,
            revoked_at: None,
            last_upload_at: None,
            high_water_version,
        }
    }
}

/// A new account with everything it starts with.
#[derive(Debug, Clone, Copy)]
pub struct AccountToCreate<'a> {
    pub name: &'a str,
    pub role: Role,
    pub token_sha256: [u8; 32],
    pub organisations: &'a [i64],
    /// Argon2id PHC string of its first password, if it gets one.
    pub password_phc: Option<&'a str>,
    /// For the municipality role: the CBS code of its municipality.
    pub municipality: Option<&'a str>,
}

/// An audit entry to write in the same transaction as the change it records.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRecord {
    pub actor: String,
    pub action: &'static str,
    pub detail: serde_json::Value,
}

/// The rows of a two-way table: months, or the values of a dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableRows {
    Month,
    Dimension(sleutel_domain::counts::Dimension),
}

/// One cell of a two-way table of totals: row value, column value, total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCell {
    pub row: String,
    pub column: String,
    pub value: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalsRow {
    pub period: Option<String>,
    pub group: Option<String>,
    pub value: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditEntry {
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub detail: serde_json::Value,
}

/// How long after its use an enrolment code still answers a repeat of the same request.
pub const ENROLMENT_REPEAT_SECS: i64 = 24 * 3600;

/// A device enrolled by a code: new, or found again for a repeated request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolled {
    pub device: Device,
    pub repeated: bool,
}

/// Organisations and their disclosure thresholds.
pub trait OrganisationStorage {
    /// Every change below takes the audit entries that record it and writes them in the same transaction: an
    /// entry exists exactly when its change happened.
    fn create_organisation(&self, name: &str, audit: &[AuditRecord], now: i64) -> StorageResult<Organisation>;
    fn organisation(&self, id: i64) -> StorageResult<Option<Organisation>>;
    fn organisation_by_name(&self, name: &str) -> StorageResult<Option<Organisation>>;
    fn organisations(&self) -> StorageResult<Vec<Organisation>>;
    /// Switches counting by age band and community group on or off; `false` when there is no such organisation.
    fn set_reach_details(&self, organisation_id: i64, on: bool, audit: &[AuditRecord], now: i64)
    -> StorageResult<bool>;
    /// `false` when there is no such organisation.
    fn set_disclosure_threshold(
        &self,
        organisation_id: i64,
        threshold: Threshold,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool>;
}

/// A project as kept. Its indicators are JSON text that `use_cases::projects` writes and reads; engines only keep
/// it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredProject {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub funder: String,
    /// `YYYY-MM`, the first and last month the project covers.
    pub first_month: String,
    pub last_month: String,
    pub indicators_json: String,
    pub updated_at: i64,
}

/// What a project is stored with (its id comes from the storage).
#[derive(Debug, Clone, Copy)]
pub struct ProjectToStore<'a> {
    pub organisation_id: i64,
    pub name: &'a str,
    pub funder: &'a str,
    pub first_month: &'a str,
    pub last_month: &'a str,
    pub indicators_json: &'a str,
}

/// Projects: what a funder pays for, with its indicators and targets. Names are unique per organisation in any
/// case (`Conflict`). Every change writes its audit entries in the same transaction.
pub trait ProjectStorage {
    /// The new project's id; the audit entries get it as `id`.
    fn create_project(&self, project: &ProjectToStore<'_>, audit: &[AuditRecord], now: i64) -> StorageResult<i64>;
    /// `false` when there is no such project. The organisation stays the one it was created for.
    fn replace_project(
        &self,
        id: i64,
        project: &ProjectToStore<'_>,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool>;
    /// `false` when there is no such project.
    fn delete_project(&self, id: i64, audit: &[AuditRecord], now: i64) -> StorageResult<bool>;
    fn project(&self, id: i64) -> StorageResult<Option<StoredProject>>;
    /// The projects of these organisations, by organisation, then first month, then name.
    fn projects(&self, organisation_ids: &[i64]) -> StorageResult<Vec<StoredProject>>;
}

/// Dashboard accounts: passwords, login attempts and locks, known browsers, sessions, the organisations they see.
pub trait AccountStorage {
    /// Creates an account with its organisations and password in one transaction, together with the audit entries
    /// that record it: all of it, or (on any failure, e.g. a name taken meanwhile: `Conflict`) nothing.
    fn create_account_complete(
        &self,
        account: &AccountToCreate<'_>,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<i64>;
    fn account_by_token(&self, token_sha256: &[u8; 32]) -> StorageResult<Option<Account>>;
    /// Sets the password and ends every session of the account.
    fn set_password(&self, account_id: i64, password_phc: &str, audit: &[AuditRecord], now: i64) -> StorageResult<()>;
    fn login_record(&self, name: &str) -> StorageResult<Option<LoginRecord>>;
    /// Claims one login attempt for an account from a client address, atomically, before the password is checked
    /// (so parallel guesses cannot all slip in). The `per_client`-th claim within `window_secs` from one address
    /// locks the account for that address; the `per_account`-th from all addresses together locks it for everyone
    /// except browsers that logged in to it before (`known_browser`); both for `lock_secs`. A success resets both
    /// counts ([`Storage::record_login_success`]).
    fn claim_login_attempt(
        &self,
        account_id: i64,
        client: &str,
        known_browser: bool,
        now: i64,
        limits: &LoginLimits,
    ) -> StorageResult<LoginAttempt>;
    /// Whether this browser token (SHA-256) belongs to a browser that logged in to the account before.
    fn is_known_browser(&self, account_id: i64, token_sha256: &[u8; 32], now: i64) -> StorageResult<bool>;
    /// Remembers a browser after a successful login; tokens unused for `forget_after_secs` are forgotten.
    fn remember_browser(
        &self,
        account_id: i64,
        token_sha256: &[u8; 32],
        now: i64,
        forget_after_secs: i64,
    ) -> StorageResult<()>;
    /// Clears the address's failures; from a browser that is not known to the account also the account's (a known
    /// browser got in past an account-wide lock, which stays for everyone else).
    fn record_login_success(&self, account_id: i64, client: &str, known_browser: bool) -> StorageResult<()>;
    fn create_session(&self, session: &NewSession<'_>, audit: &[AuditRecord]) -> StorageResult<()>;
    /// The account and CSRF token of a session that has not expired.
    fn session(&self, token_sha256: &[u8; 32], now: i64) -> StorageResult<Option<(Account, String)>>;
    fn delete_session(&self, token_sha256: &[u8; 32], audit: &[AuditRecord], now: i64) -> StorageResult<()>;
    /// Lets a coordinator account see an organisation.
    fn grant_organisation(
        &self,
        account_id: i64,
        organisation_id: i64,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<()>;
    fn account_organisations(&self, account_id: i64) -> StorageResult<Vec<i64>>;
    /// The municipality (CBS code) of a municipality account; `None` for every other account.
    fn account_municipality(&self, account_id: i64) -> StorageResult<Option<String>>;
    /// Every account with its organisations, by name.
    fn accounts(&self) -> StorageResult<Vec<AccountSummary>>;
    /// Replaces the organisations an account may see.
    fn set_account_organisations(
        &self,
        account_id: i64,
        organisations: &[i64],
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<()>;
    /// Deletes an account with its sessions, grants, known browsers and failure counts, on behalf of the account
    /// `by`: `false` when either is unknown or no other admin than the deleted one would remain. The audit log keeps
    /// its name as it was.
    fn delete_account(&self, account_id: i64, by: i64, audit: &[AuditRecord], now: i64) -> StorageResult<bool>;
}

/// Enrolment codes and devices.
pub trait DeviceStorage {
    fn issue_enrolment_code(
        &self,
        organisation_id: i64,
        code_sha256: &[u8; 32],
        expires_at: i64,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<()>;
    /// Uses an enrolment code (once) and registers the device. The same code with the same key within
    /// [`ENROLMENT_REPEAT_SECS`] of its use answers with the device it enrolled (`repeated`): the reply was lost.
    /// `Ok(None)`: code unknown, expired, or used by another key.
    /// Enrols a device with a one-time code. With `replaces` (an old device whose key the caller proved to hold),
    /// in the same organisation, the old device is revoked and its counts become the new device's, in the same
    /// transaction: totals do not change. `audit` is written (with the organisation's id added to each detail) only
    /// for a new enrolment, not for a repeat.
    fn enrol_device(
        &self,
        enrolment: &DeviceEnrolment<'_>,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<Option<Enrolled>>;
    fn device(&self, id: &str) -> StorageResult<Option<Device>>;
    fn devices(&self, organisation_id: Option<i64>) -> StorageResult<Vec<Device>>;
    /// Refuses the device's uploads from now on and withdraws its counts from the totals. `Ok(false)` when there is
    /// no such device.
    /// `audit` is written only when the device was active (revoking twice changes nothing, and is not recorded).
    fn revoke_device(&self, id: &str, audit: &[AuditRecord], now: i64) -> StorageResult<bool>;
    /// Number of count keys held for a device.
    fn device_key_count(&self, id: &str) -> StorageResult<u64>;
}

/// Uploads and what they add up to.
pub trait CountStorage {
    /// Devices (not revoked) of these organisations with a non-zero count in a month between `from` and `to`: the
    /// "active volunteers" of a period.
    fn active_devices(&self, organisations: &[i64], from: Period, to: Period) -> StorageResult<i64>;
    /// The same devices counted by the first month between `from` and `to` they were active in: `(YYYY-MM,
    /// devices)`, by month. Added up from `from`, they give the active volunteers up to each month in one query.
    fn active_devices_by_first_month(
        &self,
        organisations: &[i64],
        from: Period,
        to: Period,
    ) -> StorageResult<Vec<(String, i64)>>;
    /// Applies an upload in one transaction, or answers from the stored reply of the same batch.
    fn ingest(&self, device: &Device, batch: &Batch, now: i64) -> StorageResult<IngestOutcome>;
    /// The totals of `query`'s metric, months, organisations and municipality, summed over the organisations per
    /// key: what the engine's SQL does; `storage::stored_totals` makes the shapes views need from it. These are
    /// the live totals: views and exports go through `use_cases::closing`, which puts the kept totals of closed
    /// periods in their place.
    fn stored_totals(&self, query: &TotalsQuery) -> StorageResult<Vec<stored_totals::StoredTotal>>;
}

/// A closed month or quarter of an organisation: its totals as they were at `closed_at` are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedPeriod {
    pub organisation_id: i64,
    /// `YYYY-MM`
    pub first_month: String,
    pub last_month: String,
    pub closed_at: i64,
    /// The account that closed it.
    pub closed_by: String,
}

/// Closed periods and the totals kept for them. Every change writes its audit entries in the same transaction.
pub trait ClosingStorage {
    /// Records the closed period and copies the organisation's totals of its months as they are now. `Conflict`
    /// when a closed period of the organisation starts at the same month.
    fn close_period(&self, period: &ClosedPeriod, audit: &[AuditRecord]) -> StorageResult<()>;
    /// Removes a closed period and its kept totals; `false` when none of the organisation starts at `first_month`.
    fn reopen_period(
        &self,
        organisation_id: i64,
        first_month: &str,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool>;
    /// The closed periods of these organisations, by organisation and first month.
    fn closed_periods(&self, organisation_ids: &[i64]) -> StorageResult<Vec<ClosedPeriod>>;
    /// The kept totals of `query`'s metric, months, organisations and municipality, summed over the organisations
    /// per key, like [`CountStorage::stored_totals`] for the live ones.
    fn closed_totals(&self, query: &TotalsQuery) -> StorageResult<Vec<stored_totals::StoredTotal>>;
    /// Every total of a closed period's organisation and months, of every metric: the live ones and the kept ones.
    fn period_totals(
        &self,
        period: &ClosedPeriod,
    ) -> StorageResult<(Vec<stored_totals::StoredTotal>, Vec<stored_totals::StoredTotal>)>;
}

/// A volunteer's request for a talk, as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebriefRequestRow {
    pub id: i64,
    pub organisation_id: i64,
    /// The device's label, only when the volunteer agreed to show it.
    pub label: Option<String>,
    pub received_at: i64,
}

/// Support for volunteers: the organisation's support contact and the requests for a talk.
pub trait SupportStorage {
    /// The contact as stored (JSON text that `use_cases::support` writes and reads); `None` when not set.
    fn support_contact_json(&self, organisation_id: i64) -> StorageResult<Option<String>>;
    /// Sets or (with `None`) removes the contact; `false` when there is no such organisation. Audited.
    fn set_support_contact_json(
        &self,
        organisation_id: i64,
        contact_json: Option<&str>,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool>;
    /// Keeps a request; `false` when the organisation has one with this request id already (a retry).
    fn add_debrief_request(
        &self,
        organisation_id: i64,
        request_id: &str,
        label: Option<&str>,
        now: i64,
    ) -> StorageResult<bool>;
    /// The days (unix seconds at midnight UTC) every request of the organisation arrived on, handled or not.
    fn debrief_request_days(&self, organisation_id: i64) -> StorageResult<Vec<i64>>;
    /// The requests of these organisations not handled yet, oldest first.
    fn open_debrief_requests(&self, organisation_ids: &[i64]) -> StorageResult<Vec<DebriefRequestRow>>;
    /// An open request by id.
    fn open_debrief_request(&self, id: i64) -> StorageResult<Option<DebriefRequestRow>>;
    /// Marks an open request handled and forgets its label; `false` when no open request has this id. Audited.
    fn handle_debrief_request(&self, id: i64, audit: &[AuditRecord], now: i64) -> StorageResult<bool>;
}

/// An account's two-factor sign-in (TOTP): its secret (base32), whether a code confirmed it, and the last time
/// step a code was accepted for.
#[derive(Clone, PartialEq, Eq)]
pub struct TwoFactor {
    pub secret: String,
    pub enabled: bool,
    pub last_step: i64,
}

impl std::fmt::Debug for TwoFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TwoFactor").field("enabled", &self.enabled).finish_non_exhaustive()
    }
}

/// Two-factor sign-in of dashboard accounts. Changes write their audit entries in the same transaction.
pub trait TwoFactorStorage {
    /// `None` when the account never started setting it up.
    fn two_factor(&self, account_id: i64) -> StorageResult<Option<TwoFactor>>;
    /// Keeps a new secret that waits for a first code; `false` when two-factor sign-in is on (switch it off first).
    fn begin_two_factor(&self, account_id: i64, secret: &str) -> StorageResult<bool>;
    /// Switches it on once a code for `step` confirmed the waiting `secret` (not another one a later start put in
    /// its place), with new recovery codes (replacing any earlier ones). Every other session of the account ends;
    /// `session` (the one that confirmed) counts as opened with the second factor. `false` when that secret does not
    /// wait.
    #[allow(clippy::too_many_arguments)]
    fn enable_two_factor(
        &self,
        account_id: i64,
        secret: &str,
        step: i64,
        recovery_sha256: &[[u8; 32]],
        session: Option<&[u8; 32]>,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool>;
    /// Whether the session was opened with the second factor (or switched it on).
    fn session_has_second_factor(&self, token_sha256: &[u8; 32]) -> StorageResult<bool>;
    /// Switches it off and forgets the secret and the recovery codes.
    fn disable_two_factor(&self, account_id: i64, audit: &[AuditRecord], now: i64) -> StorageResult<()>;
    /// Accepts a code's time step once: `false` when this step or a later one was accepted before (a replay).
    fn accept_two_factor_step(&self, account_id: i64, step: i64) -> StorageResult<bool>;
    /// Uses a recovery code once; `false` when it is unknown or used.
    fn use_recovery_code(
        &self,
        account_id: i64,
        code_sha256: &[u8; 32],
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool>;
}

/// The audit log.
pub trait AuditStorage {
    fn audit(&self, at: i64, actor: &str, action: &str, detail: &serde_json::Value) -> StorageResult<()>;
    /// Like [`Storage::audit`], but an entry with the same actor, action and detail as the latest such entry
    /// within `window_secs` raises that entry's `count` (and its `last_at`) instead of adding a new one: a device
    /// retrying the same refused request makes one entry, not thousands.
    fn audit_repeated(
        &self,
        at: i64,
        actor: &str,
        action: &str,
        detail: &serde_json::Value,
        window_secs: i64,
    ) -> StorageResult<()>;
    fn audit_log(&self, limit: u32) -> StorageResult<Vec<AuditEntry>>;
}

/// Whether the storage can serve.
pub trait HealthStorage {
    /// The database answers and has every migration this coordinator knows (`Unavailable` when it cannot be
    /// reached).
    fn ready(&self) -> StorageResult<bool>;
    /// Connections open and idle in the engine's pool, for monitoring (none for an engine without a pool).
    fn pool_state(&self) -> Option<(u32, u32)> {
        None
    }
}

/// Everything the coordinator stores, one trait per topic. Every change takes the audit entries that record it and
/// writes them in the same transaction: an entry exists exactly when its change happened.
pub trait Storage:
    OrganisationStorage
    + ProjectStorage
    + ClosingStorage
    + SupportStorage
    + TwoFactorStorage
    + AccountStorage
    + DeviceStorage
    + CountStorage
    + AuditStorage
    + HealthStorage
    + Send
    + Sync
    + 'static
{
}

impl<T> Storage for T where
    T: OrganisationStorage
        + ProjectStorage
        + ClosingStorage
        + SupportStorage
        + TwoFactorStorage
        + AccountStorage
        + DeviceStorage
        + CountStorage
        + AuditStorage
        + HealthStorage
        + Send
        + Sync
        + 'static
{
}

/// The topic traits, for code that calls storage: `use crate::storage::prelude::*;`.
pub mod prelude {
    pub use super::{
        AccountStorage, AuditStorage, CountStorage, DeviceStorage, HealthStorage, OrganisationStorage, Storage,
        SupportStorage, TwoFactorStorage,
    };
}

/// The audit entries with `name: value` added to each detail, for a value only the engine learns (a new id).
pub(crate) fn naming(entries: &[AuditRecord], name: &str, value: i64) -> Vec<AuditRecord> {
    let mut entries = entries.to_vec();
    for detail in entries.iter_mut().filter_map(|e| e.detail.as_object_mut()) {
        detail.insert(name.into(), value.into());
    }
    entries
}

/// For [`AuditStorage::audit_repeated`]: when the latest entry's detail (`stored`, JSON) records the same as
/// `detail`, that detail with its `count` raised and `last_at` set; `None` when it records something else.
pub(crate) fn repeated_detail(stored: &str, detail: &serde_json::Value, at: i64) -> Option<serde_json::Value> {
    let mut stored: serde_json::Value = serde_json::from_str(stored).ok()?;
    let count = stored.get("count").and_then(serde_json::Value::as_i64).unwrap_or(1);
    let object = stored.as_object_mut()?;
    object.remove("count");
    object.remove("last_at");
    if stored != *detail {
        return None;
    }
    let mut merged = detail.clone();
    if let Some(object) = merged.as_object_mut() {
        object.insert("count".into(), (count + 1).into());
        object.insert("last_at".into(), at.into());
    }
    Some(merged)
}
