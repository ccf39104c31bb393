//! Configuration: flags and `SLEUTEL_*` environment variables (see the binary), with these defaults.

use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Config {
    /// Where `coordinator.db` lives (the embedded SQLite engine).
    pub data_dir: PathBuf,
    /// A PostgreSQL database (`postgres://…`) to use instead of the embedded SQLite file.
    pub database_url: Option<String>,
    /// Connections to PostgreSQL one instance keeps at most.
    pub database_pool_size: u32,
    pub bind: SocketAddr,
    /// Allowed difference between a request's timestamp and the coordinator's clock.
    pub clock_skew_secs: i64,
    /// Sustained requests per minute per device.
    pub rate_per_minute: u32,
    /// Requests a device may make in a burst.
    pub rate_burst: u32,
    /// Enrolment attempts per minute from one IP address (codes are short, so guessing must be slow).
    pub enrol_per_minute: u32,
    pub enrol_burst: u32,
    /// Login attempts per minute from one IP address.
    pub login_per_minute: u32,
    pub login_burst: u32,
    /// Failed logins from all addresses within an hour that lock an account for everyone but its known browsers.
    pub login_account_ceiling: u32,
    /// Mark the session cookie `Secure` (only sent over HTTPS). On by default; off only for a local demo over
    /// plain HTTP.
    pub secure_cookies: bool,
    /// Behind a reverse proxy on this machine: take the client's address from the last `X-Forwarded-For` entry
    /// (rate limits, audit).
    pub behind_proxy: bool,
    /// How long a login or password change waits for one of the few password-check (Argon2id) slots before it is
    /// told to retry later (429).
    pub password_check_wait: std::time::Duration,
    /// How long protecting one exported table may take before the export is refused (`table_too_large`).
    pub export_budget: std::time::Duration,
    /// How long a client may take to send a request's headers.
    pub header_read_timeout: std::time::Duration,
    /// What one device may keep here (count keys, stored replies).
    pub device_ceilings: crate::storage::DeviceCeilings,
    /// Proxies or load balancers elsewhere whose `X-Forwarded-For` entry is believed the same way.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The built dashboard (`ui/dist-dashboard`); without it only the API is served.
    pub dashboard_dir: Option<PathBuf>,
    /// The address devices reach this coordinator at, for enrolment links; `None`: the dashboard's own address.
    pub public_url: Option<String>,
}

impl Config {
    pub fn new(data_dir: PathBuf) -> Self {
        Self {
            data_dir,
            database_url: None,
            database_pool_size: crate::postgres::DEFAULT_POOL_SIZE,
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            clock_skew_secs: sleutel_protocol::limits::CLOCK_SKEW_SECS,
            rate_per_minute: 60,
            rate_burst: 30,
            enrol_per_minute: 10,
            enrol_burst: 20,
            login_per_minute: 10,
            login_burst: 10,
            login_account_ceiling: crate::auth::ACCOUNT_LOCK_AFTER,
            secure_cookies: true,
            dashboard_dir: None,
            public_url: None,
            behind_proxy: false,
            trusted_proxies: Vec::new(),
            password_check_wait: std::time::Duration::from_secs(5),
            device_ceilings: crate::storage::DeviceCeilings::default(),
            header_read_timeout: crate::startup::HEADER_READ_TIMEOUT,
            export_budget: crate::export::PROTECTION_BUDGET,
        }
    }
}
