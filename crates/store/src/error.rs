//! One error type for the store, with stable codes for the UI. Messages never contain record content, keys or
//! passphrases.

use sleutel_domain::DomainError;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("no store has been set up in this folder yet")]
    NotInitialised,
    #[error("a store already exists in this folder")]
    AlreadyExists,
    #[error("the passphrase or recovery code is not correct")]
    WrongSecret { failed_attempts: u32, wipe_after: Option<u32> },
    #[error("too many failed attempts; try again in {retry_after_secs} seconds")]
    Throttled { retry_after_secs: u64 },
    #[error("too many failed attempts: the data on this device has been erased")]
    Wiped,
    /// The duress passphrase was typed: the store is erased. Shells show a first start, as if nothing happened.
    #[error("the store was erased")]
    ErasedByDuress,
    #[error("the duress passphrase must differ from the passphrase")]
    DuressSameAsPassphrase,
    #[error("the passphrase must have at least {min} characters")]
    PassphraseTooShort { min: usize },
    #[error("not a valid recovery code")]
    RecoveryCodeMalformed,
    #[error("the key file is damaged or not a Sleutel key file")]
    KeyFileCorrupt,
    #[error("the database could not be opened with its key; it may be damaged")]
    DatabaseUndecryptable,
    #[error("the database is not encrypted")]
    DatabaseNotEncrypted,
    #[error("this database was written by a newer version of Sleutel (schema {found}, this version knows {known})")]
    SchemaTooNew { found: u32, known: u32 },
    #[error("the database schema could not be upgraded")]
    MigrationFailed {
        version: u32,
        #[source]
        source: rusqlite::Error,
    },
    #[error("not found")]
    NotFound,
    #[error("the backup file is damaged or not a Sleutel backup")]
    BackupCorrupt,
    #[error("invalid setting: {0}")]
    InvalidSetting(&'static str),
    #[error(transparent)]
    Invalid(#[from] DomainError),
    #[error("the counts do not match the records")]
    CountsInconsistent,
    #[error("the random number generator failed")]
    RandomUnavailable,
    #[error("a file operation failed")]
    Io(#[from] std::io::Error),
    #[error("a database operation failed")]
    Database(#[from] rusqlite::Error),
    #[error("a stored record could not be read")]
    StoredRecordCorrupt,
    /// Another process holds this data folder (`folder_lock`).
    #[error("another Sleutel process is using this data folder")]
    InUse,
}

impl StoreError {
    /// The stable code of this error; the UI translates it.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotInitialised => "store_not_initialised",
            Self::AlreadyExists => "store_already_exists",
            Self::WrongSecret { .. } => "wrong_secret",
            Self::Throttled { .. } => "unlock_throttled",
            Self::Wiped => "store_wiped",
            Self::ErasedByDuress => "erased_by_duress",
            Self::DuressSameAsPassphrase => "duress_same_as_passphrase",
            Self::PassphraseTooShort { .. } => "passphrase_too_short",
            Self::RecoveryCodeMalformed => "recovery_code_malformed",
            Self::KeyFileCorrupt => "key_file_corrupt",
            Self::DatabaseUndecryptable => "database_undecryptable",
            Self::DatabaseNotEncrypted => "database_not_encrypted",
            Self::SchemaTooNew { .. } => "schema_too_new",
            Self::MigrationFailed { .. } => "migration_failed",
            Self::NotFound => "not_found",
            Self::BackupCorrupt => "backup_corrupt",
            Self::InvalidSetting(_) => "invalid_setting",
            Self::Invalid(e) => e.code(),
            Self::CountsInconsistent => "counts_inconsistent",
            Self::RandomUnavailable => "random_unavailable",
            Self::Io(_) => "io_error",
            Self::Database(_) => "database_error",
            Self::StoredRecordCorrupt => "stored_record_corrupt",
            Self::InUse => "store_in_use",
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
