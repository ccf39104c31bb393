//! The coordinator's rules, one use case at a time, written once for every storage engine. A use case asks its
//! storage for small, engine-neutral steps inside one transaction (a trait per use case); the engine only runs them.
//! So the rules for an upload (replays, reused batch ids, revocation, ceilings, newer versions) live here, not in
//! SQL.

pub mod accounts;
pub mod closing;
pub mod devices;
pub mod effects;
pub mod enrol;
pub mod export;
pub mod login;
pub mod organisations;
pub mod overview;
pub mod projects;
pub mod support;
pub mod totals;
pub mod two_factor;
pub mod upload;

use sleutel_protocol::ErrorCode;

use crate::storage::StorageError;

/// The calendar day of a unix time (UTC), for rules that speak in days and months.
fn day_of(now: i64) -> chrono::NaiveDate {
    chrono::DateTime::from_timestamp(now, 0).map_or(chrono::NaiveDate::MIN, |t| t.date_naive())
}

/// A municipality filter of a query: the CBS code of a known municipality (`invalid_query` for anything else), or
/// none.
fn municipality_filter(text: Option<&str>) -> Result<Option<String>, Refusal> {
    text.map(|m| {
        let known = sleutel_domain::reference::municipality(m).ok_or(Refusal::Refused(ErrorCode::InvalidQuery))?;
        Ok(known.code.to_owned())
    })
    .transpose()
}

/// Why a use case did not do what was asked: a refusal with the protocol's stable code, or a storage failure. The
/// coordinator's one error type; the HTTP layer maps it to `{code, message}` (`crate::ApiError`).
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error("refused: {}", .0.as_str())]
    Refused(ErrorCode),
    #[error(transparent)]
    Storage(StorageError),
}

impl From<ErrorCode> for Refusal {
    fn from(code: ErrorCode) -> Self {
        Self::Refused(code)
    }
}

impl From<StorageError> for Refusal {
    fn from(e: StorageError) -> Self {
        Self::Storage(e)
    }
}

impl From<Refusal> for crate::ApiError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::Refused(code) => crate::ApiError(code),
            Refusal::Storage(e) => e.into(),
        }
    }
}
