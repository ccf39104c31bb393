//! The shapes the UI sees. TypeScript types are generated from these (ts-rs, `cargo test` writes
//! `ui/src/lib/bindings/`), never written by hand.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
}

#[derive(Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct SetupResult {
    /// Shown once; never stored anywhere but on paper.
    pub recovery_code: String,
}

impl std::fmt::Debug for SetupResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SetupResult([redacted])")
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
    pub value: String,
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
    pub municipalities: Vec<MunicipalityChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct MunicipalityChoice {
    pub code: String,
    pub name: String,
}

/// The fastest path first: today's date, the last-used municipality and languages, the themes used most.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct FormDefaults {
    /// `YYYY-MM-DD`
    pub date: String,
    pub municipality: Option<String>,
    pub languages: Vec<String>,
    pub frequent_themes: Vec<String>,
}

/// A saved record's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct Saved {
    #[ts(type = "number")]
    pub id: i64,
}

/// Every command error: a stable code the UI translates, and an English message for logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct CommandError {
    pub code: String,
    pub message: String,
}

impl From<sleutel_store::StoreError> for CommandError {
    fn from(e: sleutel_store::StoreError) -> Self {
        Self { code: e.code().to_owned(), message: e.to_string() }
    }
}

impl From<sleutel_domain::DomainError> for CommandError {
    fn from(e: sleutel_domain::DomainError) -> Self {
        Self { code: e.code().to_owned(), message: e.to_string() }
    }
}
