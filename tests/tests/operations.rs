//! Running the coordinator as a service, with the real binary: health and readiness for monitoring, logs as JSON
//! lines, and a SIGTERM (what systemd and container runtimes send) that lets uploads in flight finish.
#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::time::Duration;

use sleutel_coordinator::admin;
use sleutel_coordinator::sqlite::SqliteStorage;
use sleutel_coordinator::storage::prelude::*;
use sleutel_system_tests::postgres::TestCluster;
use sleutel_system_tests::process::CoordinatorProcess;
use sleutel_system_tests::{TestDevice, fast_sync, http_client, upload_body};

const HOME_VISIT: &[(&str, &str)] = &[("activity", "home_visit"), ("municipality", "GM0202")];

async fn get(url: &str) -> (u16, serde_json::Value) {
    let response = http_client().get(url).timeout(Duration::from_secs(10)).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_follows_the_database_and_liveness_does_not() {
    let cluster = TestCluster::start().unwrap();
    let url = cluster.fresh_database("sleutel").unwrap();
    let coordinator = CoordinatorProcess::start(&["--database", &url]);
    assert_eq!(get(&format!("{}/healthz", coordinator.url)).await, (200, serde_json::json!({"status": "alive"})));
    assert_eq!(get(&format!("{}/readyz", coordinator.url)).await, (200, serde_json::json!({"status": "ready"})));
    cluster.stop();
    let (status, body) = get(&format!("{}/readyz", coordinator.url)).await;
    assert_eq!((status, body["status"].as_str()), (503, Some("not_ready")), "the database is gone");
    assert_eq!(get(&format!("{}/healthz", coordinator.url)).await.0, 200, "the process itself still answers");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_logs_are_one_object_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    let storage = SqliteStorage::open(dir.path()).unwrap();
    let organisation = admin::create_organisation(&storage, "Stichting Logboek", sleutel_coordinator::now()).unwrap();
    let (coordinator, lines) = CoordinatorProcess::start_logging(&["--data-dir", &path, "--log-format", "json"]);
    assert_eq!(get(&format!("{}/api/v1/nothing-here", coordinator.url)).await.0, 404);
    // An enrolment and an upload whose content must not reach the log: the label, the municipality, the value.
    let mut device = TestDevice::new();
    let code = admin::issue_enrolment_code(&storage, organisation.id, 3600, sleutel_coordinator::now()).unwrap();
    sleutel_sync::enrol(&mut device.store, &coordinator.url, &code, "Telefoon blauw", &fast_sync()).await.unwrap();
    let raw = device.raw();
    let body = upload_body(&raw.device_id, "log-test-batch-0001", &[("activities", HOME_VISIT, 4321, 1)]);
    let sent = raw.try_post_counts(&coordinator.url, &body, sleutel_coordinator::now(), "log-test-batch-0001").await;
    assert_eq!(sent.map(|(status, _)| status), Some(200));
    drop(coordinator);
    let lines: Vec<String> = lines.try_iter().collect();
    assert!(lines.len() >= 2, "{lines:?}");
    for line in &lines {
        let event: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(event["level"].is_string() && event["message"].is_string() && event["timestamp"].is_string(), "{line}");
    }
    assert!(lines.iter().any(|l| l.contains("\"coordinator listening\"") && l.contains("\"address\"")));
    assert!(lines.iter().any(|l| l.contains("batch ingested")), "the upload is logged: {lines:?}");
    for marker in ["blauw", "GM0202", "4321", "home_visit"] {
        assert!(lines.iter().all(|l| !l.contains(marker)), "{marker} in the log: {lines:?}");
    }
}

/// SIGTERM in the middle of upload bursts: the process stops taking connections, answers what it took, and exits
/// cleanly; every acknowledged batch is in the database, and no request got a server error.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_uploads_in_flight_and_exits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    let storage = SqliteStorage::open(dir.path()).unwrap();
    let organisation = admin::create_organisation(&storage, "Stichting Stop", sleutel_coordinator::now()).unwrap();
    let coordinator = CoordinatorProcess::start(&["--data-dir", &path]);
    let mut devices = Vec::new();
    for _ in 0..4 {
        let mut device = TestDevice::new();
        let code = admin::issue_enrolment_code(&storage, organisation.id, 3600, sleutel_coordinator::now()).unwrap();
        device.enrol(&coordinator.url, &code).await;
        devices.push(std::sync::Arc::new(device.raw()));
    }
    let acknowledged = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut bursts = tokio::task::JoinSet::new();
    for raw in &devices {
        let (raw, url, acknowledged) = (raw.clone(), coordinator.url.clone(), acknowledged.clone());
        bursts.spawn(async move {
            // (version, status) of every request that got an answer, until the server stops answering.
            let mut answered = Vec::new();
            for version in 1..=200_i64 {
                let batch = format!("stop-test-batch-{version:04}");
                let body = upload_body(&raw.device_id, &batch, &[("activities", HOME_VISIT, version, version)]);
                let answer = raw.try_post_counts(&url, &body, sleutel_coordinator::now(), &batch).await;
                let Some((status, _)) = answer else { break };
                if status == 200 {
                    acknowledged.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                }
                answered.push((version, status));
            }
            (raw.device_id.clone(), answered)
        });
    }
    for _ in 0..5000 {
        if acknowledged.load(std::sync::atomic::Ordering::SeqCst) >= 8 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let exit = coordinator.terminate();
    assert!(exit.success(), "a clean exit after SIGTERM: {exit:?}");
    for (device, answered) in bursts.join_all().await {
        assert!(answered.iter().all(|(_, status)| *status == 200), "{device}: {answered:?}");
        let newest = answered.iter().map(|(version, _)| *version).max().unwrap_or(0);
        assert!(newest > 0 && newest < 200, "{device}: the stop came in the middle ({newest})");
        let stored = storage.device(&device).unwrap().unwrap().high_water_version;
        assert!(stored >= newest, "{device}: acknowledged version {newest} is in the database ({stored})");
    }
}

/// The real binary's `backup` and `restore`, as an operator runs them.
fn tool(args: &[&str]) -> (bool, String) {
    let output = std::process::Command::new(sleutel_system_tests::process::coordinator_binary())
        .args(args)
        .env("SLEUTEL_LOG", "warn")
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr),
    )
}

/// The sum of every device's counts and the sum of every organisation's totals in a database file: equal in any
/// consistent copy, since totals are kept as the sum over devices in the same transaction.
fn sums(database: &std::path::Path) -> (i64, i64) {
    let connection = rusqlite::Connection::open(database).unwrap();
    let sum = |table: &str| -> i64 {
        connection.query_row(&format!("SELECT coalesce(sum(value), 0) FROM {table}"), [], |r| r.get(0)).unwrap()
    };
    (sum("device_counts"), sum("totals"))
}

/// A backup taken while devices upload is consistent and complete to its moment; restored into a new folder it
/// serves the same totals; a file that is not a coordinator database is refused and nothing changes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_during_uploads_restores_to_a_consistent_coordinator() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    let storage = SqliteStorage::open(dir.path()).unwrap();
    let organisation = admin::create_organisation(&storage, "Stichting Reserve", sleutel_coordinator::now()).unwrap();
    let token = admin::create_account(&storage, "beheer", sleutel_coordinator::storage::Role::Admin, 0).unwrap();
    let coordinator = CoordinatorProcess::start(&["--data-dir", &path]);
    let mut devices = Vec::new();
    for _ in 0..3 {
        let mut device = TestDevice::new();
        let code = admin::issue_enrolment_code(&storage, organisation.id, 3600, sleutel_coordinator::now()).unwrap();
        device.enrol(&coordinator.url, &code).await;
        devices.push(std::sync::Arc::new(device.raw()));
    }
    let running = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let mut uploads = tokio::task::JoinSet::new();
    for (index, raw) in devices.iter().enumerate() {
        let (raw, url, running) = (raw.clone(), coordinator.url.clone(), running.clone());
        uploads.spawn(async move {
            let mut version = 0;
            while running.load(std::sync::atomic::Ordering::SeqCst) {
                version += 1;
                let batch = format!("backup-test-{index}-{version:05}");
                let municipality =
                    [("activity", "home_visit"), ("municipality", if version % 2 == 0 { "GM0202" } else { "GM0363" })];
                let body = upload_body(&raw.device_id, &batch, &[("activities", &municipality, version, version)]);
                let answer = raw.try_post_counts(&url, &body, sleutel_coordinator::now(), &batch).await;
                assert_eq!(answer.map(|(status, _)| status), Some(200));
            }
            version
        });
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let copy = dir.path().join("copy.db");
    let copy_path = copy.to_string_lossy().into_owned();
    let (ok, said) = tokio::task::block_in_place(|| tool(&["--data-dir", &path, "backup", "--to", &copy_path]));
    assert!(ok && said.contains("Backup written"), "{said}");
    let (again, said) = tokio::task::block_in_place(|| tool(&["--data-dir", &path, "backup", "--to", &copy_path]));
    assert!(!again && said.contains("exists already"), "never over an earlier backup: {said}");
    running.store(false, std::sync::atomic::Ordering::SeqCst);
    let sent: i64 = uploads.join_all().await.iter().sum();
    assert!(sent > 6, "uploads went on while the backup ran ({sent})");
    drop(coordinator);

    let (counts, totals) = sums(&copy);
    assert!(counts > 0, "the copy holds the uploads before it");
    assert_eq!(counts, totals, "a consistent copy: totals are the sum of the devices' counts");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777, 0o600);
    }

    let restored = tempfile::tempdir().unwrap();
    let restored_path = restored.path().to_string_lossy().into_owned();
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database at all, just words").unwrap();
    let (ok, said) = tool(&["--data-dir", &restored_path, "restore", "--from", &junk.to_string_lossy()]);
    assert!(!ok && said.contains("not an intact coordinator database"), "{said}");
    let (ok, said) = tool(&["--data-dir", &restored_path, "restore", "--from", &copy_path]);
    assert!(ok, "{said}");
    let coordinator = CoordinatorProcess::start(&["--data-dir", &restored_path]);
    let response = http_client()
        .get(format!("{}/api/v1/totals?metric=activities&from=2000-01&to=2999-12", coordinator.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = response.json().await.unwrap();
    let served: i64 = body["rows"].as_array().unwrap().iter().map(|r| r["value"].as_i64().unwrap()).sum();
    assert_eq!(served, totals, "the restored coordinator serves the backup's totals");
}

/// Prometheus metrics on their own address: uploads, enrolments and logins by outcome code, latency histograms by
/// route; not on the API's address.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_outcomes_by_code_on_their_own_address() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    let storage = SqliteStorage::open(dir.path()).unwrap();
    let organisation = admin::create_organisation(&storage, "Stichting Meters", sleutel_coordinator::now()).unwrap();
    let metrics_port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let metrics_address = format!("127.0.0.1:{metrics_port}");
    let coordinator = CoordinatorProcess::start_serving(&["--data-dir", &path], &["--metrics-bind", &metrics_address]);
    let mut device = TestDevice::new();
    let code = admin::issue_enrolment_code(&storage, organisation.id, 3600, sleutel_coordinator::now()).unwrap();
    device.enrol(&coordinator.url, &code).await;
    let raw = device.raw();
    let body = upload_body(&raw.device_id, "metrics-test-batch-1", &[("activities", HOME_VISIT, 2, 1)]);
    let now = sleutel_coordinator::now();
    let first = raw.try_post_counts(&coordinator.url, &body, now, "metrics-test-batch-1").await;
    assert_eq!(first.map(|(status, _)| status), Some(200));
    let replay = raw.try_post_counts(&coordinator.url, &body, now, "metrics-test-batch-1").await;
    assert_eq!(replay.map(|(status, _)| status), Some(409));
    let login = http_client()
        .post(format!("{}/api/v1/session", coordinator.url))
        .json(&serde_json::json!({"name": "nobody", "password": "not a password at all"}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 401);

    let scrape = http_client().get(format!("http://{metrics_address}/metrics")).send().await.unwrap();
    assert_eq!(scrape.status(), 200);
    let kind = scrape.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(kind.starts_with("application/openmetrics-text"), "{kind}");
    let text = scrape.text().await.unwrap();
    for line in [
        "sleutel_uploads_total{code=\"ok\"} 1",
        "sleutel_uploads_total{code=\"replay_detected\"} 1",
        "sleutel_enrolments_total{code=\"ok\"} 1",
        "sleutel_logins_total{code=\"unauthorized\"} 1",
        "sleutel_requests_total{method=\"POST\",route=\"/api/v1/counts\",code=\"replay_detected\"} 1",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
    }
    assert!(
        text.contains("sleutel_request_duration_seconds_bucket{le=\"0.001\",method=\"POST\",route=\"/api/v1/counts\"}")
            || text.contains(
                "sleutel_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/counts\",le=\"0.001\"}"
            ),
        "{text}"
    );
    assert!(!text.contains(&raw.device_id), "no device ids in metrics");
    let on_api = http_client().get(format!("{}/metrics", coordinator.url)).send().await.unwrap().text().await.unwrap();
    assert!(!on_api.contains("sleutel_requests_total"), "metrics are not served on the API's address");
}
