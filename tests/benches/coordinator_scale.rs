//! `make bench`, coordinator at national scale, SQLite and PostgreSQL side by side: 10,000 devices in 100
//! organisations with 36 months of 40 keys each (14.4 M device keys), then a national day of uploads (every device
//! sends 3 signed batches of 40 keys over loopback HTTP) and the dashboard's views over HTTP.
//!
//! The 36 months are written with SQL in bulk (through the ingest path they would take an hour per engine); the day's
//! uploads go through the real coordinator. PostgreSQL runs as a throwaway cluster with fsync on, like a production
//! server; SQLite with `synchronous = FULL`. `SLEUTEL_BENCH_DEVICES` runs a smaller fleet and `SLEUTEL_BENCH_ENGINE`
//! one engine, for a quick look.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ring::rand::SystemRandom;
use ring::signature::{Ed25519KeyPair, KeyPair};
use sleutel_coordinator::storage::Role;
use sleutel_coordinator::{AppState, Config, admin};
use sleutel_domain::counts::Dimension;
use sleutel_protocol::headers;
use sleutel_system_tests::bench::{BenchDevice, median, month_items, signed_upload};
use sleutel_system_tests::postgres::TestCluster;

const ORGANISATIONS: usize = 100;
const MONTHS: usize = 36;
const KEYS: usize = 40;
/// The month of the national day; the 36 months before it are history.
const TODAY: &str = "2026-11";

enum Engine {
    Sqlite(tempfile::TempDir),
    /// The cluster (kept running while the engine lives) and its database's address.
    Postgres(#[allow(dead_code)] TestCluster, String),
}

impl Engine {
    fn name(&self) -> &'static str {
        match self {
            Engine::Sqlite(_) => "SQLite",
            Engine::Postgres(..) => "PostgreSQL",
        }
    }

    fn config(&self) -> Config {
        let mut config = match self {
            Engine::Sqlite(dir) => Config::new(dir.path().to_owned()),
            Engine::Postgres(_, url) => {
                let mut config = Config::new(std::env::temp_dir());
                config.database_url = Some(url.clone());
                config
            }
        };
        config.rate_per_minute = 1_000_000;
        config.rate_burst = 1_000_000;
        config
    }

    /// Runs SQL on the database directly, for the bulk fill.
    fn execute(&self, sql: &str) {
        match self {
            Engine::Sqlite(dir) => {
                rusqlite::Connection::open(dir.path().join("coordinator.db")).unwrap().execute_batch(sql).unwrap();
            }
            Engine::Postgres(_, url) => {
                postgres::Client::connect(url, postgres::NoTls).unwrap().batch_execute(sql).unwrap()
            }
        }
    }

    /// A BLOB/BYTEA literal.
    fn bytes(&self, bytes: &[u8]) -> String {
        match self {
            Engine::Sqlite(_) => format!("X'{}'", hex::encode(bytes)),
            Engine::Postgres(..) => format!("'\\x{}'::BYTEA", hex::encode(bytes)),
        }
    }
}

fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The 36 months before `TODAY`, oldest first.
fn history() -> Vec<String> {
    (0..MONTHS).map(|m| 2023 * 12 + 10 + m).map(|n| format!("{}-{:02}", n / 12, n % 12 + 1)).collect()
}

/// Organisations, devices (with their signing keys) and 36 months of counts, written in bulk.
fn fill(engine: &Engine, state: &AppState, devices: usize) -> (Vec<i64>, Vec<BenchDevice>, Duration) {
    let started = Instant::now();
    let organisations: Vec<i64> = (0..ORGANISATIONS)
        .map(|o| admin::create_organisation(state.storage.as_ref(), &format!("Organisatie {o:03}"), 0).unwrap().id)
        .collect();
    let rng = SystemRandom::new();
    let fleet: Vec<(BenchDevice, i64)> = (0..devices)
        .map(|i| {
            let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng).unwrap();
            let pair = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap();
            // A tenth of the fleet in one organisation (1,000 devices at 10,000): the project view's large case.
            let organisation = if i % 10 == 3 { organisations[3] } else { organisations[i % ORGANISATIONS] };
            (BenchDevice { id: format!("d-scale-{i:08}"), pair }, organisation)
        })
        .collect();
    for chunk in fleet.chunks(1000) {
        let values: Vec<String> = chunk
            .iter()
            .map(|(d, o)| {
                format!("({}, {o}, {}, 'bench', 0)", quoted(&d.id), engine.bytes(d.pair.public_key().as_ref()))
            })
            .collect();
        engine.execute(&format!(
            "INSERT INTO devices (id, organisation_id, public_key, label, enrolled_at) VALUES {}",
            values.join(",")
        ));
    }
    let mut keys = Vec::new();
    for period in history() {
        for item in month_items(&period, KEYS, 1) {
            let key = item.validate().unwrap();
            let municipality = key.dimensions.get(Dimension::Municipality).unwrap_or("").to_owned();
            keys.push(format!(
                "({}, {}, {}, {}, {})",
                quoted(&period),
                quoted(key.metric.code()),
                quoted(&key.dimensions_text()),
                quoted(&municipality),
                item.value
            ));
        }
    }
    let per_device = keys.len();
    engine.execute(&format!(
        "CREATE TABLE bench_keys (period TEXT, metric TEXT, dimensions TEXT, municipality TEXT, value BIGINT);
         INSERT INTO bench_keys VALUES {};
         INSERT INTO device_counts (device_id, period, metric, dimensions, value, version)
             SELECT d.id, k.period, k.metric, k.dimensions, k.value, 1 FROM devices d CROSS JOIN bench_keys k
             ORDER BY d.id, k.period, k.metric, k.dimensions;
         INSERT INTO totals (organisation_id, metric, period, dimensions, municipality, value)
             SELECT d.organisation_id, k.metric, k.period, k.dimensions, k.municipality, sum(k.value)
             FROM devices d CROSS JOIN bench_keys k
             GROUP BY d.organisation_id, k.metric, k.period, k.dimensions, k.municipality;
         INSERT INTO device_months (device_id, organisation_id, period, nonzero_keys)
             SELECT d.id, d.organisation_id, p.period, count(*) FROM devices d CROSS JOIN bench_keys p
             GROUP BY d.id, d.organisation_id, p.period;
         UPDATE devices SET key_count = {per_device}, high_water_version = 1;
         DROP TABLE bench_keys;",
        keys.join(",")
    ));
    // PostgreSQL's autovacuum would gather statistics on tables this size within minutes, and a checkpoint would
    // write the loaded pages out; here both happen at once, so the day starts in a steady state, not mid-checkpoint.
    if let Engine::Postgres(..) = engine {
        engine.execute("VACUUM ANALYZE");
        engine.execute("CHECKPOINT");
    }
    (organisations, fleet.into_iter().map(|(d, _)| d).collect(), started.elapsed())
}

/// Every device sends 3 signed batches of 40 keys for `TODAY`, 16 at a time, through the real coordinator.
async fn national_day(base: &str, devices: Arc<Vec<BenchDevice>>) -> Duration {
    let mut requests = Vec::new();
    for round in 0..3 {
        for (i, device) in devices.iter().enumerate() {
            let items = month_items(TODAY, KEYS, round + 2);
            requests.push((i, signed_upload(device, round as usize * 1_000_000 + i, items)));
        }
    }
    requests.reverse();
    sleutel_sync::install_crypto_provider();
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let requests = Arc::new(std::sync::Mutex::new(requests));
    let url = format!("{base}/api/v1/counts");
    let start = Instant::now();
    let workers: Vec<_> = (0..16)
        .map(|_| {
            let (client, requests, url, devices) = (client.clone(), requests.clone(), url.clone(), devices.clone());
            tokio::spawn(async move {
                loop {
                    let next = requests.lock().unwrap().pop();
                    let Some((i, (body, batch_id, ts, sig))) = next else { return };
                    let response = client
                        .post(&url)
                        .header(headers::DEVICE, &devices[i].id)
                        .header(headers::TIMESTAMP, ts.to_string())
                        .header(headers::BATCH, batch_id)
                        .header(headers::SIGNATURE, sig)
                        .body(body)
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap_or_default());
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.unwrap();
    }
    start.elapsed()
}

/// The dashboard's views, as a browser asks for them.
fn views(organisation: i64, project: i64) -> Vec<(String, String)> {
    let o = organisation;
    vec![
        (
            "overview, one organisation, this year vs last".into(),
            format!("/api/v1/overview?period=year&at=2026-06&organisation={o}"),
        ),
        (
            "overview, all organisations, a closed quarter vs the one before".into(),
            "/api/v1/overview?period=quarter&at=2026-09".into(),
        ),
        (
            "project progress: 7 indicators × 36 months, the organisation of 1,000 devices".into(),
            format!("/api/v1/projects/{project}/progress"),
        ),
        (
            "totals, one organisation, 12 months, participants by gender per month".into(),
            format!(
                "/api/v1/totals?metric=participants&from=2026-01&to=2026-12&organisation={o}&dimension=gender&by_period=true"
            ),
        ),
        (
            "totals, all organisations, 36 months, activities by municipality".into(),
            "/api/v1/totals?metric=activities&from=2023-11&to=2026-10&dimension=municipality".into(),
        ),
        ("devices of one organisation".into(), format!("/api/v1/devices?organisation={o}")),
        (
            "export CSV, all organisations, 36 months, municipality × theme".into(),
            "/api/v1/exports/table?metric=activities_by_theme&from=2023-11&to=2026-10&rows=municipality&columns=theme"
                .into(),
        ),
        (
            "export XLSX, one organisation, months × gender".into(),
            format!(
                "/api/v1/exports/table?metric=participants&from=2023-11&to=2026-10&rows=month&columns=gender&format=xlsx&organisation={o}"
            ),
        ),
    ]
}

/// Median server time of each view over HTTP (loopback, admin token), 10 requests each.
async fn time_views(base: &str, token: &str, organisation: i64, project: i64) -> Vec<(String, Duration)> {
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let mut out = Vec::new();
    for (name, path) in views(organisation, project) {
        let mut samples = Vec::new();
        for _ in 0..10 {
            let t = Instant::now();
            let reply = client.get(format!("{base}{path}")).bearer_auth(token).send().await.unwrap();
            let status = reply.status();
            let body = reply.bytes().await.unwrap();
            assert!(status.is_success(), "{path}: {status} {}", String::from_utf8_lossy(&body));
            samples.push(t.elapsed());
        }
        out.push((name, median(samples)));
    }
    out
}

/// A project over the 36 months of history: the six standard indicators and "women reached in Amsterdam".
fn bench_project(storage: &dyn sleutel_coordinator::storage::Storage, organisation: i64) -> i64 {
    use sleutel_coordinator::use_cases::projects::{Indicator, standard_indicators};
    let mut indicators = standard_indicators();
    indicators.push(Indicator {
        name: "Vrouwen bereikt".into(),
        metric: "participants".into(),
        filters: [("gender".to_owned(), "women".to_owned()), ("municipality".to_owned(), "GM0363".to_owned())].into(),
        target: Some(400),
    });
    let json = serde_json::to_string(&indicators).unwrap();
    let project = sleutel_coordinator::storage::ProjectToStore {
        organisation_id: organisation,
        name: "Drie jaar",
        funder: "Gemeente",
        first_month: "2023-11",
        last_month: "2026-10",
        indicators_json: &json,
    };
    storage.create_project(&project, &[], 0).unwrap()
}

/// Every organisation has reported and closed the third quarter: views read its kept totals.
fn close_a_quarter_everywhere(storage: &dyn sleutel_coordinator::storage::Storage, organisations: &[i64]) {
    for organisation in organisations {
        let period = sleutel_coordinator::storage::ClosedPeriod {
            organisation_id: *organisation,
            first_month: "2026-07".into(),
            last_month: "2026-09".into(),
            closed_at: 0,
            closed_by: "bench".into(),
        };
        storage.close_period(&period, &[]).unwrap();
    }
}

/// One figure of an engine: what, the value, and whether its goal is met (`None`: no goal).
type Figure = (String, String, Option<bool>);

/// One engine's figures, in the order printed.
fn measure(engine: &Engine, devices: usize) -> Vec<Figure> {
    let config = engine.config();
    let state = AppState::open(&config).unwrap();
    let (organisations, fleet, filled) = fill(engine, &state, devices);
    let token = admin::create_account(state.storage.as_ref(), "bench", Role::Admin, 0).unwrap();
    let project = bench_project(state.storage.as_ref(), organisations[3]);
    close_a_quarter_everywhere(state.storage.as_ref(), &organisations);
    let keys: u64 = devices as u64 * (MONTHS * KEYS) as u64;
    let mut figures = vec![(
        format!("history written in bulk ({devices} devices × {MONTHS} months = {keys} device keys)"),
        format!("{:.0} s", filled.as_secs_f64()),
        None,
    )];
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let running =
        runtime.block_on(sleutel_coordinator::startup::spawn(SocketAddr::from(([127, 0, 0, 1], 0)), state)).unwrap();
    let base = running.url();
    let day = runtime.block_on(national_day(&base, Arc::new(fleet)));
    let batches = devices * 3;
    figures.push((
        format!("national day: {devices} devices × 3 signed batches of 40 keys over HTTP, 16 at a time"),
        format!("{:.1} s ({:.0} batches/s)", day.as_secs_f64(), batches as f64 / day.as_secs_f64()),
        Some(day.as_secs_f64() <= 30.0 * devices as f64 / 10_000.0),
    ));
    for (name, took) in runtime.block_on(time_views(&base, &token, organisations[3], project)) {
        let ms = took.as_secs_f64() * 1000.0;
        figures.push((format!("dashboard view: {name}"), format!("{ms:.1} ms"), Some(ms <= 50.0)));
    }
    runtime.block_on(running.stop());
    figures
}

fn main() {
    let devices: usize =
        std::env::var("SLEUTEL_BENCH_DEVICES").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000).max(ORGANISATIONS);
    let sqlite = Engine::Sqlite(tempfile::tempdir().unwrap());
    let cluster = TestCluster::start_durable().unwrap();
    let url = cluster.fresh_database("sleutel").unwrap();
    let postgres = Engine::Postgres(cluster, url);
    // `SLEUTEL_BENCH_ENGINE=postgres` (or `sqlite`) measures one engine only, for a quick look.
    let only = std::env::var("SLEUTEL_BENCH_ENGINE").ok();
    let columns: Vec<(&str, Vec<Figure>)> = [&sqlite, &postgres]
        .into_iter()
        .map(|engine| {
            let skip =
                only.as_deref().is_some_and(|name| !engine.name().to_lowercase().starts_with(&name.to_lowercase()));
            (engine.name(), if skip { Vec::new() } else { measure(engine, devices) })
        })
        .collect();

    println!("\n## Sleutel coordinator at national scale ({devices} devices, 2 cores)\n");
    println!("| figure | {} | {} | goal |", columns[0].0, columns[1].0);
    println!("|---|---|---|---|");
    let show = |(_, value, met): &Figure| match met {
        Some(true) => format!("{value} ✓"),
        Some(false) => format!("{value} **NO**"),
        None => value.clone(),
    };
    let rows = columns.iter().map(|c| c.1.len()).max().unwrap_or(0);
    let cell = |column: usize, i: usize| columns[column].1.get(i).map(show).unwrap_or_else(|| "–".into());
    for i in 0..rows {
        let Some(row) = columns[0].1.get(i).or(columns[1].1.get(i)) else { continue };
        let goal = match (i, &row.2) {
            (1, _) => "≤ 30 s at 10,000 devices",
            (_, Some(_)) => "≤ 50 ms",
            (_, None) => "",
        };
        println!("| {} | {} | {} | {goal} |", row.0, cell(0, i), cell(1, i));
    }
}
