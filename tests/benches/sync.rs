//! `make bench`, sync part: ingest rate, bytes on the wire per device-month against DHIS2's `dataValueSets`, and
//! totals query time with 1,000 devices × 36 months of counts. Prints a table with the goals.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ring::rand::SystemRandom;
use ring::signature::{Ed25519KeyPair, KeyPair};
use sleutel_coordinator::storage::{Batch, Device, Role, Storage, TotalsQuery, ValidItem};
use sleutel_coordinator::{AppState, Config, admin};
use sleutel_domain::counts::{CountKey, Dimension, Metric, Period};
use sleutel_domain::{Activity, ActivityInput};
use sleutel_protocol::{CountItem, Signature, UploadRequest, headers, signing_bytes};
use sleutel_store::{KdfParams, Passphrase, Store};

struct Row(String, String, String, Option<bool>);

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Count items of one device for one month: `keys` items spread over metrics, municipalities and themes.
fn month_items(period: &str, keys: usize, version: i64) -> Vec<CountItem> {
    let places = ["GM0202", "GM0363", "GM0855", "GM0599"];
    let themes = ["huiselijk_geweld", "huwelijksdwang", "opvoeding", "achterlating", "isolement"];
    let kinds = ["home_visit", "group_meeting", "individual_talk", "phone_contact"];
    let mut out = Vec::new();
    for i in 0..keys {
        let gm = places[(i / 12) % 4];
        let key = match i % 4 {
            0 => CountKey::parse(period, "activities", [("activity", kinds[(i / 4) % 4]), ("municipality", gm)]),
            1 => CountKey::parse(
                period,
                "participants",
                [
                    ("activity", kinds[(i / 4) % 4]),
                    ("gender", ["women", "men", "other"][(i / 16) % 3]),
                    ("municipality", gm),
                ],
            ),
            2 => CountKey::parse(period, "activities_by_theme", [("theme", themes[(i / 4) % 5]), ("municipality", gm)]),
            _ => {
                CountKey::parse(period, "participants_by_theme", [("theme", themes[(i / 4) % 5]), ("municipality", gm)])
            }
        }
        .unwrap();
        out.push(CountItem::from_key(&key, 1 + (i as i64 % 17), version));
    }
    out.sort_by(|a, b| (&a.metric, &a.dimensions).cmp(&(&b.metric, &b.dimensions)));
    out.dedup_by(|a, b| a.metric == b.metric && a.dimensions == b.dimensions);
    out
}

struct BenchDevice {
    id: String,
    pair: Ed25519KeyPair,
}

/// Enrols `n` devices in a new organisation numbered `org`.
async fn enrol_devices(storage: &dyn Storage, org: usize, n: usize) -> Vec<BenchDevice> {
    let organisation =
        admin::create_organisation(storage, &format!("Bench {org}"), sleutel_coordinator::now()).unwrap();
    let rng = SystemRandom::new();
    (0..n)
        .map(|i| {
            let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng).unwrap();
            let pair = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap();
            let code = admin::issue_enrolment_code(storage, organisation.id, 3600, sleutel_coordinator::now()).unwrap();
            let key: [u8; 32] = pair.public_key().as_ref().try_into().unwrap();
            let id = format!("d-b{org:04}x{i:09}");
            storage
                .enrol_device(
                    &sleutel_coordinator::storage::DeviceEnrolment {
                        code_sha256: &admin::enrolment_code_hash(&code),
                        device_id: &id,
                        public_key: &key,
                        label: "bench",
                        replaces: None,
                    },
                    &[],
                    sleutel_coordinator::now(),
                )
                .unwrap()
                .unwrap();
            BenchDevice { id, pair }
        })
        .collect()
}

fn signed_upload(device: &BenchDevice, batch: usize, items: Vec<CountItem>) -> (Vec<u8>, String, i64, String) {
    let batch_id = format!("b-bench-{batch:016}");
    let now = sleutel_coordinator::now();
    let body = serde_json::to_vec(&UploadRequest {
        protocol: 1,
        device_id: device.id.clone(),
        batch_id: batch_id.clone(),
        sent_at: now,
        items,
    })
    .unwrap();
    let message = signing_bytes("POST", "/api/v1/counts", &device.id, now, &batch_id, &body);
    (body, batch_id, now, Signature(device.pair.sign(&message).as_ref().to_vec()).encode())
}

async fn ingest_rate(rows: &mut Vec<Row>) {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::new(dir.path().to_owned());
    config.rate_per_minute = 1_000_000;
    config.rate_burst = 1_000_000;
    config.enrol_per_minute = 1_000_000;
    config.enrol_burst = 1_000_000;
    let state = AppState::open(&config).unwrap();
    let devices = Arc::new(enrol_devices(state.storage.as_ref(), 0, 500).await);
    let running = sleutel_coordinator::startup::spawn(SocketAddr::from(([127, 0, 0, 1], 0)), state).await.unwrap();
    let url = format!("{}/api/v1/counts", running.url());
    // Three batches per device, like a day of syncing: ~40 changed keys each.
    let mut requests = Vec::new();
    for round in 0..3 {
        for (i, device) in devices.iter().enumerate() {
            let items = month_items("2026-11", 40, (round + 1) as i64);
            requests.push((i, signed_upload(device, round * 10_000 + i, items)));
        }
    }
    sleutel_sync::install_crypto_provider();
    let client = reqwest::Client::new();
    let requests = Arc::new(tokio::sync::Mutex::new(requests));
    let start = Instant::now();
    let workers: Vec<_> = (0..16)
        .map(|_| {
            let (client, requests, url, devices) = (client.clone(), requests.clone(), url.clone(), devices.clone());
            tokio::spawn(async move {
                loop {
                    let Some((i, (body, batch_id, ts, sig))) = requests.lock().await.pop() else { return };
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
    for w in workers {
        w.await.unwrap();
    }
    let elapsed = start.elapsed();
    let per_second = 1500.0 / elapsed.as_secs_f64();
    let national = 30_000.0 / per_second;
    rows.push(Row(
        "ingest: signed batches of 40 keys, 16 concurrent devices, loopback HTTP, SQLite sync FULL, group commit"
            .into(),
        format!("{per_second:.0} batches/s"),
        "".into(),
        None,
    ));
    rows.push(Row(
        "national day: 10,000 devices × 3 batches (extrapolated)".into(),
        format!("{national:.1} s"),
        "≤ 30 s".into(),
        Some(national <= 30.0),
    ));
    running.stop().await;
}

/// A heavy volunteer's month (about 85 activities, 17 referrals) in a real store; returns the outbox as items.
fn heavy_month_items() -> Vec<CountItem> {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) =
        Store::create(dir.path(), &Passphrase::new("bench passphrase"), KdfParams::INSECURE_FOR_TESTS).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let kinds = ["home_visit", "group_meeting", "individual_talk", "phone_contact", "drop_in_hour"];
    let themes = ["huiselijk_geweld", "huwelijksdwang", "opvoeding", "achterlating", "isolement", "psychische_nood"];
    for i in 0..85usize {
        let a = Activity::from_input(
            &ActivityInput {
                kind: kinds[i % 5].into(),
                date: format!("2026-11-{:02}", 1 + i % 20),
                duration_minutes: 60,
                municipality: ["GM0202", "GM0363"][i % 2].into(),
                location: ["home", "community_centre", "mosque"][i % 3].into(),
                languages: vec![["tr", "ar", "so"][i % 3].into()],
                themes: vec![themes[i % 6].into(), themes[(i + 2) % 6].into()],
                women: 1 + (i % 20) as i64,
                men: (i % 3) as i64,
                other: 0,
                ..ActivityInput::default()
            },
            today,
        )
        .unwrap();
        store.create_activity(&a).unwrap();
    }
    for i in 0..17usize {
        let r = sleutel_domain::Referral::from_input(
            &sleutel_domain::ReferralInput {
                date: format!("2026-11-{:02}", 1 + i),
                municipality: "GM0202".into(),
                destination: ["veilig_thuis", "wijkteam", "huisarts", "ggd"][i % 4].into(),
                themes: vec![themes[i % 6].into()],
                consent: sleutel_domain::Consent::Yes,
                ..sleutel_domain::ReferralInput::default()
            },
            store.new_referral_code().unwrap(),
            today,
        )
        .unwrap();
        store.create_referral(&r, None).unwrap();
    }
    store.outbox_pending(10_000).unwrap().iter().map(|i| CountItem::from_key(&i.key, i.value, i.version)).collect()
}

fn wire_bytes(rows: &mut Vec<Row>) {
    let items = heavy_month_items();
    let cells = items.len();
    let pair = Ed25519KeyPair::from_seed_unchecked(&[9u8; 32]).unwrap();
    let device = BenchDevice { id: "d-4f2a9c1e7b3d5a60".into(), pair };
    let (body, batch_id, ts, sig) = signed_upload(&device, 1, items.clone());
    let header_bytes = format!(
        "POST /api/v1/counts HTTP/1.1\r\nhost: coordinator.example.nl\r\ncontent-type: application/json\r\ncontent-length: {}\r\n{}: {}\r\n{}: {}\r\n{}: {}\r\n{}: {}\r\n\r\n",
        body.len(), headers::DEVICE, device.id, headers::TIMESTAMP, ts, headers::BATCH, batch_id, headers::SIGNATURE, sig
    )
    .len();
    let sleutel = body.len() + header_bytes;
    // The same cells as a DHIS2 dataValueSets document: one data element per metric, one category option combo per
    // dimension combination, the municipality as organisation unit; DHIS2 identifiers are 11 characters.
    let uid = |kind: &str, text: &str| -> String {
        let digest = ring::digest::digest(&ring::digest::SHA256, format!("{kind}:{text}").as_bytes());
        let alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        std::iter::once('a')
            .chain(digest.as_ref()[..10].iter().map(|b| char::from(alphabet[usize::from(*b) % 62])))
            .collect()
    };
    let values: Vec<serde_json::Value> = items
        .iter()
        .map(|i| {
            let mut rest = i.dimensions.clone();
            let municipality = rest.remove("municipality").unwrap_or_default();
            let combo = rest.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(";");
            serde_json::json!({
                "dataElement": uid("de", &i.metric),
                "period": i.period.replace('-', ""),
                "orgUnit": uid("ou", &municipality),
                "categoryOptionCombo": uid("coc", &combo),
                "attributeOptionCombo": uid("aoc", "default"),
                "value": i.value.to_string(),
            })
        })
        .collect();
    let dhis2 = serde_json::to_vec(
        &serde_json::json!({"dataSet": uid("ds", "sleutel"), "completeDate": "2026-11-30", "dataValues": values}),
    )
    .unwrap();
    let ratio = sleutel as f64 / dhis2.len() as f64;
    rows.push(Row(
        format!("bytes on the wire per device-month, heavy volunteer ({cells} cells, request incl. headers)"),
        format!("{sleutel} B"),
        "".into(),
        None,
    ));
    rows.push(Row("same cells as DHIS2 dataValueSets JSON".into(), format!("{} B", dhis2.len()), "".into(), None));
    rows.push(Row("ratio Sleutel / DHIS2".into(), format!("{ratio:.2}"), "".into(), None));
}

fn totals_queries(rows: &mut Vec<Row>) {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::new(dir.path().to_owned());
    let state = AppState::open(&config).unwrap();
    let storage = state.storage.clone();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    // 1,000 devices in 10 organisations, 36 months of 40 keys each.
    let started = Instant::now();
    let mut organisations = Vec::new();
    let mut all_devices: Vec<Device> = Vec::new();
    for o in 0..10 {
        let devices = runtime.block_on(enrol_devices(storage.as_ref(), o, 100));
        organisations.push(storage.devices(None).unwrap().last().unwrap().organisation_id);
        for d in devices {
            all_devices.push(storage.device(&d.id).unwrap().unwrap());
        }
    }
    let months: Vec<String> = (0..36).map(|m| format!("{}-{:02}", 2024 + m / 12, 1 + m % 12)).collect();
    for (n, device) in all_devices.iter().enumerate() {
        let mut items = Vec::new();
        for (m, period) in months.iter().enumerate() {
            for (index, item) in month_items(period, 40, 1).into_iter().enumerate() {
                let key = item.validate().unwrap();
                items.push(ValidItem { index: m * 100 + index, key, value: item.value, version: 1 + m as i64 });
            }
        }
        let batch = Batch {
            batch_id: format!("b-fill-{n:016}"),
            body_sha256: [n as u8; 32],
            timestamp: sleutel_coordinator::now(),
            item_count: items.len(),
            items,
            invalid: Vec::new(),
            ceilings: sleutel_coordinator::storage::DeviceCeilings::default(),
        };
        storage.ingest(device, &batch, sleutel_coordinator::now()).unwrap();
    }
    let fill = started.elapsed();
    let org = organisations[3];
    let queries: Vec<(&str, TotalsQuery)> = vec![
        (
            "one organisation, 12 months, participants by gender per month",
            TotalsQuery {
                metric: Metric::Participants,
                from: Period::parse("2026-01").unwrap(),
                to: Period::parse("2026-12").unwrap(),
                organisations: vec![org],
                municipality: None,
                group_by_dimension: Some(Dimension::Gender),
                by_period: true,
            },
        ),
        (
            "all organisations, 36 months, activities by municipality",
            TotalsQuery {
                metric: Metric::Activities,
                from: Period::parse("2024-01").unwrap(),
                to: Period::parse("2026-12").unwrap(),
                organisations: organisations.clone(),
                municipality: None,
                group_by_dimension: Some(Dimension::Municipality),
                by_period: false,
            },
        ),
        (
            "all organisations, 36 months, themes in one municipality per month",
            TotalsQuery {
                metric: Metric::ParticipantsByTheme,
                from: Period::parse("2024-01").unwrap(),
                to: Period::parse("2026-12").unwrap(),
                organisations: organisations.clone(),
                municipality: Some("GM0202".into()),
                group_by_dimension: Some(Dimension::Theme),
                by_period: true,
            },
        ),
    ];
    let keys: u64 = all_devices.iter().map(|d| storage.device_key_count(&d.id).unwrap()).sum();
    rows.push(Row(
        format!(
            "totals data: {} devices × 36 months = {keys} device keys (filled in {:.0} s)",
            all_devices.len(),
            fill.as_secs_f64()
        ),
        "".into(),
        "".into(),
        None,
    ));
    for (name, q) in queries {
        let samples: Vec<Duration> = (0..20)
            .map(|_| {
                let t = Instant::now();
                let rows = storage.totals(&q).unwrap();
                assert!(!rows.is_empty());
                t.elapsed()
            })
            .collect();
        let m = median(samples).as_secs_f64() * 1000.0;
        rows.push(Row(
            format!("totals query: {name} (median of 20)"),
            format!("{m:.1} ms"),
            "≤ 50 ms".into(),
            Some(m <= 50.0),
        ));
    }
    dashboard_views(rows, &runtime, state, &organisations);
}

/// Server time of each dashboard view over HTTP (loopback, admin token) on the same 1,000 devices × 36 months.
fn dashboard_views(rows: &mut Vec<Row>, runtime: &tokio::runtime::Runtime, state: AppState, organisations: &[i64]) {
    let token = admin::create_account(state.storage.as_ref(), "bench", Role::Admin, 0).unwrap();
    let running =
        runtime.block_on(sleutel_coordinator::startup::spawn(SocketAddr::from(([127, 0, 0, 1], 0)), state)).unwrap();
    let base = format!("http://{}", running.addr);
    let org = organisations[3];
    let views = [
        (
            "overview, one organisation, this year vs last".to_owned(),
            format!("/api/v1/overview?period=year&at=2026-06&organisation={org}"),
        ),
        (
            "overview, all organisations, a quarter vs the one before".to_owned(),
            "/api/v1/overview?period=quarter&at=2026-06".to_owned(),
        ),
        (
            "targets with realised figures, one organisation, a year".to_owned(),
            format!("/api/v1/targets?organisation={org}&year=2026"),
        ),
        ("devices of one organisation".to_owned(), format!("/api/v1/devices?organisation={org}")),
        (
            "export CSV, all organisations, 36 months, municipality × theme".to_owned(),
            "/api/v1/exports/table?metric=activities_by_theme&from=2024-01&to=2026-12&rows=municipality&columns=theme"
                .to_owned(),
        ),
        (
            "export XLSX, one organisation, months × gender".to_owned(),
            format!(
                "/api/v1/exports/table?metric=participants&from=2024-01&to=2026-12&rows=month&columns=gender&format=xlsx&organisation={org}"
            ),
        ),
    ];
    sleutel_sync::install_crypto_provider();
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    for (name, path) in views {
        let samples: Vec<Duration> = (0..20)
            .map(|_| {
                let t = Instant::now();
                let status = runtime.block_on(async {
                    let reply = client.get(format!("{base}{path}")).bearer_auth(&token).send().await.unwrap();
                    let status = reply.status();
                    reply.bytes().await.unwrap();
                    status
                });
                assert!(status.is_success(), "{path}: {status}");
                t.elapsed()
            })
            .collect();
        let m = median(samples).as_secs_f64() * 1000.0;
        rows.push(Row(
            format!("dashboard view: {name} (HTTP, median of 20)"),
            format!("{m:.1} ms"),
            "≤ 50 ms".into(),
            Some(m <= 50.0),
        ));
    }
}

/// Disclosure control on the largest usual export (every municipality × every theme), with more and more small
/// counts: the linear programmes of the protection intervals grow with the hidden cells.
fn disclosure_control(rows: &mut Vec<Row>) {
    use sleutel_domain::disclosure::{Table, protect_within};
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let budget = sleutel_coordinator::export::PROTECTION_BUDGET;
    for small_percent in [5, 10] {
        let values: Vec<Vec<i64>> = (0..342)
            .map(|_| {
                (0..17)
                    .map(|_| match next() % 100 {
                        x if x < small_percent => 1 + (next() % 4) as i64,
                        x if x < 50 => 0,
                        _ => 5 + (next() % 40) as i64,
                    })
                    .collect()
            })
            .collect();
        let table = Table {
            rows: (0..342).map(|i| i.to_string()).collect(),
            columns: (0..17).map(|i| i.to_string()).collect(),
            values,
        };
        let start = Instant::now();
        let protected = protect_within(&table, 5, Some(start + budget));
        let took = start.elapsed();
        rows.push(Row(
            format!("disclosure control: 342 municipalities × 17 themes, {small_percent} % small counts (incl. protection intervals)"),
            match &protected {
                Ok(t) => format!("{} ms, {} cells hidden", took.as_millis(), t.hidden_count()),
                Err(_) => format!("refused after {} s (table_too_large)", budget.as_secs()),
            },
            format!("≤ {} s", budget.as_secs()),
            Some(protected.is_ok()),
        ));
    }
}

fn main() {
    let mut rows = Vec::new();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(ingest_rate(&mut rows));
    wire_bytes(&mut rows);
    totals_queries(&mut rows);
    disclosure_control(&mut rows);

    println!("\n## Sleutel sync benchmarks\n");
    println!("| figure | value | goal | met |");
    println!("|---|---|---|---|");
    for Row(figure, value, goal, met) in rows {
        let met = match met {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "",
        };
        println!("| {figure} | {value} | {goal} | {met} |");
    }
}
