//! The Sleutel coordinator as a library: storage ([`storage`], [`sqlite`]), the HTTP API ([`routes`]), and the
//! administrative operations behind the `sleutel-coordinator` subcommands ([`admin`]).
//!
//! Entry points: [`startup::spawn`] runs a server on a listener (tests bind `127.0.0.1:0`); [`admin`] creates
//! organisations, accounts and enrolment codes and revokes devices.

pub mod admin;
pub mod auth;
pub mod backup;
pub mod client_address;
pub mod config;
pub mod dashboard;
mod error;
pub mod export;
mod group_commit;
pub mod metrics;
pub mod postgres;
pub mod project_report;
mod rate_limit;
pub mod routes;
pub mod sqlite;
pub mod startup;
pub mod state;
pub mod storage;
pub mod two_factor;
pub mod use_cases;

pub use config::Config;
pub use error::ApiError;
pub use startup::RunningCoordinator;
pub use state::AppState;

/// Unix seconds now.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// SHA-256 of bytes.
pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    out.copy_from_slice(ring::digest::digest(&ring::digest::SHA256, bytes).as_ref());
    out
}
