//! Harness for system tests: a real coordinator on `127.0.0.1:0` with its own data folder, devices with real
//! encrypted stores, a raw signed-request client for hostile requests, and a fault-injecting TCP proxy.
#![allow(clippy::unwrap_used, clippy::missing_panics_doc, missing_debug_implementations)]

pub mod bench;
pub mod postgres;
pub mod process;
pub mod proxy;
pub mod tls;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;
use ring::signature::Ed25519KeyPair;
use sleutel_coordinator::storage::{Organisation, Role, TotalsRow};
use sleutel_coordinator::{AppState, Config, RunningCoordinator, admin};
use sleutel_domain::counts::{Counts, Dimension, Metric};
use sleutel_domain::{Activity, ActivityInput, Referral, ReferralInput};
use sleutel_protocol::{Signature, headers, signing_bytes};
use sleutel_store::{KdfParams, Passphrase, Store};
use sleutel_sync::{Backoff, SyncConfig};

/// An HTTP client for hand-made requests (installs the TLS crypto provider first).
pub fn http_client() -> reqwest::Client {
    sleutel_sync::install_crypto_provider();
    reqwest::Client::new()
}

pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Sync settings for tests: quick retries, short timeouts.
pub fn fast_sync() -> SyncConfig {
    SyncConfig {
        batch_size: 500,
        max_attempts: 4,
        backoff: Backoff { base: Duration::from_millis(5), max: Duration::from_millis(40) },
        request_timeout: Duration::from_secs(3),
        trusted_roots_der: Vec::new(),
        bundled_roots: false,
    }
}

/// A coordinator with a temporary data folder and an admin token.
pub struct TestCoordinator {
    pub running: Option<RunningCoordinator>,
    pub data_dir: tempfile::TempDir,
    pub admin_token: String,
    config: Config,
}

impl TestCoordinator {
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    /// A coordinator whose configuration `adjust` changes first (dashboard folder, cookie policy, limits).
    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> Self {
        let data_dir = tempfile::tempdir().unwrap();
        let mut config = Config::new(data_dir.path().to_owned());
        config.rate_per_minute = 6000;
        config.rate_burst = 1000;
        config.enrol_per_minute = 6000;
        config.enrol_burst = 1000;
        adjust(&mut config);
        let state = AppState::open(&config).unwrap();
        let admin_token =
            admin::create_account(state.storage.as_ref(), "admin", Role::Admin, sleutel_coordinator::now()).unwrap();
        let running = sleutel_coordinator::startup::spawn(SocketAddr::from(([127, 0, 0, 1], 0)), state).await.unwrap();
        Self { running: Some(running), data_dir, admin_token, config }
    }

    pub fn addr(&self) -> SocketAddr {
        self.running.as_ref().unwrap().addr
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr())
    }

    pub fn state(&self) -> &AppState {
        &self.running.as_ref().unwrap().state
    }

    pub fn storage(&self) -> &dyn sleutel_coordinator::storage::Storage {
        self.state().storage.as_ref()
    }

    /// Stops the server and starts a new one on the same data folder (a new port); returns the new address.
    pub async fn restart(&mut self) -> SocketAddr {
        if let Some(running) = self.running.take() {
            running.stop().await;
        }
        let state = AppState::open(&self.config).unwrap();
        self.running =
            Some(sleutel_coordinator::startup::spawn(SocketAddr::from(([127, 0, 0, 1], 0)), state).await.unwrap());
        self.addr()
    }

    /// Sends `body` (JSON) to `path` with a bearer `token`; answers the status and the body as text.
    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<serde_json::Value>,
    ) -> (u16, String) {
        let mut request = http_client().request(method, format!("{}{path}", self.url())).bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("reply");
        (response.status().as_u16(), response.text().await.expect("body"))
    }

    /// The second factor for a dashboard login as `name`: for an admin, two-factor sign-in is switched on (directly
    /// in storage) the first time, and the answer is a code for a step not used yet (the current one, else the
    /// next, else after waiting for a fresh one). `None` for an account without it.
    pub fn second_factor_for(&self, name: &str) -> Option<String> {
        use sleutel_coordinator::storage::Role;
        let storage = self.storage();
        let account = storage.login_record(name).ok()??.account;
        let mut on = storage.two_factor(account.id).ok()?.filter(|t| t.enabled);
        if on.is_none() && account.role == Role::Admin {
            let secret = sleutel_coordinator::two_factor::new_secret()?;
            storage.begin_two_factor(account.id, &secret).ok()?;
            storage.enable_two_factor(account.id, &secret, 0, &[], None, &[], sleutel_coordinator::now()).ok()?;
            on = storage.two_factor(account.id).ok()?;
        }
        let mut on = on?;
        let step = sleutel_coordinator::two_factor::STEP_SECS;
        loop {
            let now = sleutel_coordinator::now();
            if let Some(fresh) = [now / step, now / step + 1].into_iter().find(|s| *s > on.last_step) {
                return sleutel_coordinator::two_factor::code_at(&on.secret, fresh * step);
            }
            std::thread::sleep(std::time::Duration::from_secs(1));
            on = storage.two_factor(account.id).ok()??;
        }
    }

    pub fn organisation(&self, name: &str) -> Organisation {
        admin::create_organisation(self.storage(), name, sleutel_coordinator::now()).unwrap()
    }

    pub fn enrolment_code(&self, organisation: &Organisation) -> String {
        admin::issue_enrolment_code(self.storage(), organisation.id, 3600, sleutel_coordinator::now()).unwrap()
    }

    /// `GET /api/v1/totals` as the admin.
    pub async fn totals(&self, query: &str) -> Vec<TotalsRow> {
        let reply = self.totals_raw(query, Some(&self.admin_token)).await;
        assert_eq!(reply.0, 200, "totals query {query}: {}", reply.1);
        let body: serde_json::Value = serde_json::from_str(&reply.1).unwrap();
        body["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| TotalsRow {
                period: r["period"].as_str().map(str::to_owned),
                group: r["group"].as_str().map(str::to_owned),
                value: r["value"].as_i64().unwrap(),
            })
            .collect()
    }

    pub async fn totals_raw(&self, query: &str, token: Option<&str>) -> (u16, String) {
        let mut request = http_client().get(format!("{}/api/v1/totals?{query}", self.url()));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// The total of one metric over all periods and dimensions, for one organisation.
    pub async fn total(&self, metric: &str, organisation: i64) -> i64 {
        let rows = self.totals(&format!("metric={metric}&from=2000-01&to=2999-12&organisation={organisation}")).await;
        rows.iter().map(|r| r.value).sum()
    }
}

/// A volunteer's device: a real encrypted store in a temporary folder.
pub struct TestDevice {
    pub store: Store,
    pub dir: tempfile::TempDir,
}

impl Default for TestDevice {
    fn default() -> Self {
        Self::new()
    }
}

impl TestDevice {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::create(
            &dir.path().join("store"),
            &Passphrase::new("system test passphrase"),
            KdfParams::INSECURE_FOR_TESTS,
        )
        .unwrap();
        Self { store, dir }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    pub async fn enrol(&mut self, url: &str, code: &str) {
        sleutel_sync::enrol(&mut self.store, url, code, "Telefoon", &fast_sync()).await.unwrap();
    }

    pub fn record_meeting(&mut self, day: u32, women: i64, men: i64, municipality: &str) -> i64 {
        self.record_activity("group_meeting", day, women, men, municipality)
    }

    /// An activity of `kind` (`home_visit`, `training`, …) this month, on `day` or today if that is later.
    pub fn record_activity(&mut self, kind: &str, day: u32, women: i64, men: i64, municipality: &str) -> i64 {
        let date = today().with_day(day.clamp(1, 28)).unwrap().min(today());
        self.record_activity_on(date, kind, women, men, municipality)
    }

    /// An activity of `kind` on `date` (today or earlier).
    pub fn record_activity_on(&mut self, date: NaiveDate, kind: &str, women: i64, men: i64, municipality: &str) -> i64 {
        let activity = Activity::from_input(
            &ActivityInput {
                kind: kind.into(),
                date: date.format("%Y-%m-%d").to_string(),
                duration_minutes: 90,
                municipality: municipality.into(),
                location: "community_centre".into(),
                languages: vec!["tr".into()],
                themes: vec!["huwelijksdwang".into()],
                women,
                men,
                ..ActivityInput::default()
            },
            today(),
        )
        .unwrap();
        self.store.create_activity(&activity).unwrap()
    }

    pub fn record_referral(&mut self, destination: &str) -> i64 {
        let code = self.store.new_referral_code().unwrap();
        let referral = Referral::from_input(
            &ReferralInput {
                date: today().format("%Y-%m-%d").to_string(),
                municipality: "GM0202".into(),
                destination: destination.into(),
                themes: vec!["huiselijk_geweld".into()],
                ..ReferralInput::default()
            },
            code,
            today(),
        )
        .unwrap();
        self.store.create_referral(&referral, None).unwrap().id
    }

    pub fn counts(&self) -> Counts {
        self.store.all_counts().unwrap()
    }

    /// A client that signs raw requests with this device's key, for hostile-request tests.
    pub fn raw(&self) -> RawClient {
        let enrolment = self.store.enrolment().unwrap().expect("enrolled");
        RawClient {
            pair: Ed25519KeyPair::from_pkcs8(&enrolment.signing_key).unwrap(),
            device_id: enrolment.device_id,
            base: enrolment.coordinator_url.trim_end_matches('/').to_owned(),
        }
    }
}

use chrono::Datelike;

/// Sends hand-made signed requests.
pub struct RawClient {
    pub pair: Ed25519KeyPair,
    pub device_id: String,
    pub base: String,
}

impl RawClient {
    /// Signs and posts `body` to `/api/v1/counts` with the given timestamp and batch id.
    pub async fn post_counts(&self, body: &[u8], timestamp: i64, batch_id: &str) -> (u16, String) {
        let message = signing_bytes("POST", "/api/v1/counts", &self.device_id, timestamp, batch_id, body);
        let signature = Signature(self.pair.sign(&message).as_ref().to_vec()).encode();
        self.post_with(body, timestamp, batch_id, &signature).await
    }

    /// Signs and posts `body` to `path` (a request that is not an upload: no batch id) at `timestamp`.
    pub async fn post_signed(&self, path: &str, body: &[u8], timestamp: i64) -> (u16, String) {
        let message = signing_bytes("POST", path, &self.device_id, timestamp, "", body);
        let response = http_client()
            .post(format!("{}{path}", self.base))
            .header(headers::DEVICE, &self.device_id)
            .header(headers::TIMESTAMP, timestamp.to_string())
            .header(headers::BATCH, "")
            .header(headers::SIGNATURE, Signature(self.pair.sign(&message).as_ref().to_vec()).encode())
            .header("content-type", "application/json")
            .body(body.to_vec())
            .send()
            .await
            .unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// Posts with an explicit signature header.
    pub async fn post_with(&self, body: &[u8], timestamp: i64, batch_id: &str, signature: &str) -> (u16, String) {
        let response = http_client()
            .post(format!("{}/api/v1/counts", self.base))
            .header(headers::DEVICE, &self.device_id)
            .header(headers::TIMESTAMP, timestamp.to_string())
            .header(headers::BATCH, batch_id)
            .header(headers::SIGNATURE, signature)
            .header("content-type", "application/json")
            .body(body.to_vec())
            .send()
            .await
            .unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// Signs and posts `body` to `/api/v1/counts` of the coordinator at `base` (another instance, say); `None` when no
    /// answer came within 40 s (the coordinator stopped or died), instead of a panic.
    pub async fn try_post_counts(
        &self,
        base: &str,
        body: &[u8],
        timestamp: i64,
        batch_id: &str,
    ) -> Option<(u16, String)> {
        let response = http_client()
            .post(format!("{base}/api/v1/counts"))
            .header(headers::DEVICE, &self.device_id)
            .header(headers::TIMESTAMP, timestamp.to_string())
            .header(headers::BATCH, batch_id)
            .header(headers::SIGNATURE, self.sign(body, timestamp, batch_id))
            .header("content-type", "application/json")
            .body(body.to_vec())
            .timeout(std::time::Duration::from_secs(40))
            .send()
            .await
            .ok()?;
        Some((response.status().as_u16(), response.text().await.ok()?))
    }

    /// The signature this client would send.
    pub fn sign(&self, body: &[u8], timestamp: i64, batch_id: &str) -> String {
        let message = signing_bytes("POST", "/api/v1/counts", &self.device_id, timestamp, batch_id, body);
        Signature(self.pair.sign(&message).as_ref().to_vec()).encode()
    }
}

/// One item of a hand-made upload: `(metric, dimensions, value, version)`.
pub type ItemSpec<'a> = (&'a str, &'a [(&'a str, &'a str)], i64, i64);

/// A valid upload body with the given items.
pub fn upload_body(device_id: &str, batch_id: &str, items: &[ItemSpec<'_>]) -> Vec<u8> {
    let items: Vec<serde_json::Value> = items
        .iter()
        .map(|(metric, dims, value, version)| {
            let dims: BTreeMap<&str, &str> = dims.iter().copied().collect();
            serde_json::json!({"period": today().format("%Y-%m").to_string(), "metric": metric, "dimensions": dims, "value": value, "version": version})
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({
        "protocol": 1, "device_id": device_id, "batch_id": batch_id, "sent_at": sleutel_coordinator::now(), "items": items
    }))
    .unwrap()
}

/// The error code of an error reply body.
/// A reply body as JSON; the text itself in the failure report when it is not.
pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

pub fn error_code(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["code"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Checks that the coordinator's totals for `organisation` equal the sum of the devices' own counts, for every
/// metric, per period and per value of each of its dimensions.
pub async fn assert_totals_match(coordinator: &TestCoordinator, organisation: i64, devices: &[&TestDevice]) {
    let counts: Vec<Counts> = devices.iter().map(|d| d.counts()).collect();
    for metric in Metric::ALL {
        for dimension in metric.dimensions() {
            let mut expected: BTreeMap<(String, String), i64> = BTreeMap::new();
            for c in &counts {
                for (key, value) in c.iter().filter(|(k, _)| k.metric == metric) {
                    let group = key.dimensions.get(*dimension).unwrap_or("").to_owned();
                    *expected.entry((key.period.to_string(), group)).or_default() += value;
                }
            }
            expected.retain(|_, v| *v != 0);
            let rows = coordinator
                .totals(&format!(
                    "metric={}&from=2000-01&to=2999-12&organisation={organisation}&dimension={}&by_period=true",
                    metric.code(),
                    Dimension::code(*dimension)
                ))
                .await;
            let actual: BTreeMap<(String, String), i64> = rows
                .into_iter()
                .filter(|r| r.value != 0)
                .map(|r| ((r.period.unwrap_or_default(), r.group.unwrap_or_default()), r.value))
                .collect();
            assert_eq!(actual, expected, "metric {} by {}", metric.code(), dimension.code());
        }
    }
}
