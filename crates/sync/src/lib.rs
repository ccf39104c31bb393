//! The device side of sync: enrolment with a coordinator ([`enrol`]), signed uploads of the store's outbox with
//! retries ([`sync_now`]), and a status for the UI ([`status`]). The UI never touches the network; the app calls
//! these from Rust in the background.
//!
//! Transport is TLS (rustls with the ring provider); plain HTTP is allowed only to loopback addresses.

mod access;
mod backoff;
mod client;
mod error;

pub use access::StoreAccess;
pub use backoff::Backoff;
pub use client::{
    SyncConfig, SyncReport, complete_enrolment, enrol, enrol_with, new_device_key, organisation_check_due, re_enrol,
    re_enrol_with, recover_after_restore, request_enrolment, request_enrolment_with_key, sync_now, sync_now_with,
};
pub use error::SyncError;

use serde::Serialize;
use sleutel_store::Store;

/// Installs rustls' ring provider for this process (idempotent). Sync does it itself; other code in the same
/// process that builds an HTTP client (tests, benchmarks) calls this first.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// The sync screen's view: when sync last worked, what waits, and the last problem in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncStatus {
    pub enrolled: bool,
    pub organisation: Option<String>,
    pub last_success_at: Option<String>,
    pub pending_keys: u64,
    pub rejected_keys: u64,
    /// Stable code for the UI to translate.
    pub last_error_code: Option<String>,
    /// English plain words, for logs and as a fallback.
    pub last_error: Option<String>,
}

/// The current sync status from the store.
pub fn status(store: &Store) -> Result<SyncStatus, SyncError> {
    let enrolment = store.enrolment()?;
    let state = store.sync_state()?;
    Ok(SyncStatus {
        enrolled: enrolment.is_some(),
        organisation: enrolment.map(|e| e.organisation_name),
        last_success_at: state.last_success_at,
        pending_keys: store.outbox_len()?,
        rejected_keys: store.outbox_rejected(10_000)?.len() as u64,
        last_error: state.last_error_code.as_deref().map(|c| error::plain_words(c).to_owned()),
        last_error_code: state.last_error_code,
    })
}
