//! What every request handler shares: storage, the rate limiters and the limits from the configuration. Built by
//! startup, used by the routes; neither imports the other.

use std::sync::Arc;

use crate::config::Config;
use crate::postgres::PostgresStorage;
use crate::rate_limit::RateLimiter;
use crate::sqlite::SqliteStorage;
use crate::storage::{Storage, StorageError};

/// Shared state of the HTTP handlers.
#[derive(Clone)]
pub struct AppState {
    pub storage: Arc<dyn Storage>,
    pub(crate) limiter: Arc<RateLimiter>,
    pub(crate) enrol_limiter: Arc<RateLimiter>,
    pub(crate) login_limiter: Arc<RateLimiter>,
    /// Password checks (Argon2id, 19 MiB each) running at once.
    pub(crate) password_checks: Arc<tokio::sync::Semaphore>,
    pub(crate) password_check_wait: std::time::Duration,
    pub(crate) device_ceilings: crate::storage::DeviceCeilings,
    pub(crate) header_read_timeout: std::time::Duration,
    /// Exports running at once (each may take seconds of suppression work).
    pub(crate) exports: Arc<tokio::sync::Semaphore>,
    pub(crate) export_budget: std::time::Duration,
    pub clock_skew_secs: i64,
    pub secure_cookies: bool,
    pub dashboard_dir: Option<std::path::PathBuf>,
    /// The address devices reach this coordinator at (`--public-url`), for enrolment links.
    pub public_url: Option<String>,
    pub proxies: crate::client_address::TrustedProxies,
    pub(crate) login_limits: crate::storage::LoginLimits,
    pub metrics: Arc<crate::metrics::Metrics>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").field("clock_skew_secs", &self.clock_skew_secs).finish_non_exhaustive()
    }
}

impl AppState {
    pub fn new(storage: Arc<dyn Storage>, config: &Config) -> Self {
        Self {
            storage,
            limiter: Arc::new(RateLimiter::new(config.rate_per_minute, config.rate_burst)),
            enrol_limiter: Arc::new(RateLimiter::new(config.enrol_per_minute, config.enrol_burst)),
            login_limiter: Arc::new(RateLimiter::new(config.login_per_minute, config.login_burst)),
            password_checks: Arc::new(tokio::sync::Semaphore::new(2)),
            password_check_wait: config.password_check_wait,
            device_ceilings: config.device_ceilings,
            header_read_timeout: config.header_read_timeout,
            exports: Arc::new(tokio::sync::Semaphore::new(2)),
            export_budget: config.export_budget,
            clock_skew_secs: config.clock_skew_secs,
            secure_cookies: config.secure_cookies,
            dashboard_dir: config.dashboard_dir.clone(),
            public_url: config.public_url.clone(),
            proxies: crate::client_address::TrustedProxies {
                loopback: config.behind_proxy,
                networks: config.trusted_proxies.clone(),
            },
            login_limits: crate::storage::LoginLimits {
                per_client: crate::auth::LOCK_AFTER,
                per_account: config.login_account_ceiling.max(1),
                lock_secs: crate::auth::LOCK_SECS,
                window_secs: crate::auth::FAILURE_WINDOW_SECS,
            },
            metrics: Arc::new(crate::metrics::Metrics::new()),
        }
    }

    /// A slot for one password check (Argon2id), waited for at most `Config::password_check_wait`. When every slot stays
    /// busy that long the coordinator is flooded: the caller gets `rate_limited` (429, with `Retry-After`) instead
    /// of a request that hangs while memory fills.
    pub(crate) async fn password_check_slot(&self) -> Result<tokio::sync::SemaphorePermit<'_>, crate::ApiError> {
        match tokio::time::timeout(self.password_check_wait, self.password_checks.acquire()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_)) => Err(crate::ApiError(sleutel_protocol::ErrorCode::InternalError)),
            Err(_) => Err(crate::ApiError(sleutel_protocol::ErrorCode::RateLimited)),
        }
    }

    /// State over the configured storage: PostgreSQL when `config.database_url` is set, otherwise the embedded
    /// SQLite file in `config.data_dir`.
    pub fn open(config: &Config) -> Result<Self, StorageError> {
        let storage: Arc<dyn Storage> = match &config.database_url {
            Some(url) => Arc::new(PostgresStorage::open(url, config.database_pool_size)?),
            None => Arc::new(SqliteStorage::open(&config.data_dir)?),
        };
        Ok(Self::new(storage, config))
    }
}
