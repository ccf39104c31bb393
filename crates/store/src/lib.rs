//! Sleutel's encrypted device store.
//!
//! Everything a volunteer records lives in one SQLCipher database, encrypted with a random data key that is
//! wrapped under their passphrase and recovery code ([`keys`]). Every change to a record updates the monthly
//! counts and the outbox of changed count keys in the same transaction ([`counts`]), so a crash leaves both or
//! neither. Old detail records are purged while their counts stay ([`retention`]); the whole store can be written
//! to one encrypted backup file ([`backup`]).
//!
//! Entry points: [`Store::create`], [`Store::unlock`], then the repository methods in [`activities`],
//! [`referrals`], [`counts`], [`drafts`], [`retention`] and [`backup`].

pub mod activities;
pub mod backup;
pub mod counts;
mod db;
pub mod drafts;
mod error;
pub mod folder_lock;
pub mod keys;
mod migrations;
pub mod preferences;
pub mod referrals;
pub mod retention;
pub mod support;
pub mod sync_state;
pub mod throttle;
mod vault;

pub use activities::{ActivityFilter, StoredActivity};
pub use counts::OutboxItem;
pub use drafts::StoredDraft;
pub use error::{Result, StoreError};
pub use folder_lock::FolderLock;
pub use keys::{KdfParams, Passphrase, RecoveryCode, Secret};
pub use migrations::LATEST_SCHEMA_VERSION;
pub use referrals::{ReferralFilter, StoredReferral};
pub use retention::PurgeReport;
pub use support::PendingDebrief;
pub use sync_state::{Enrolment, SyncState};
pub use throttle::Gate;
pub use vault::{Store, UnlockStatus};

/// One page of a list, with the total number of matches.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
}

/// File names inside a store's data directory.
pub mod files {
    pub const DATABASE: &str = "sleutel.db";
    pub const KEY_FILE: &str = "sleutel.key";
}
