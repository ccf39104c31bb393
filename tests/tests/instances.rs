//! Several coordinator processes on one PostgreSQL database behave as one coordinator: what must hold across
//! instances (enrolment codes, batch replay, login lockout, sessions) is kept in the database. And an instance
//! killed with SIGKILL in the middle of uploads loses no acknowledged batch.
#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::time::Duration;

use sleutel_coordinator::admin;
use sleutel_coordinator::postgres::PostgresStorage;
use sleutel_coordinator::sqlite::SqliteStorage;
use sleutel_coordinator::storage::Role;
use sleutel_coordinator::storage::prelude::*;
use sleutel_system_tests::postgres::TestCluster;
use sleutel_system_tests::process::CoordinatorProcess;
use sleutel_system_tests::{RawClient, TestDevice, error_code, fast_sync, http_client, upload_body};

const HOME_VISIT: &[(&str, &str)] = &[("activity", "home_visit"), ("municipality", "GM0202")];

fn now() -> i64 {
    sleutel_coordinator::now()
}

/// Runs blocking storage work from async test code: the PostgreSQL engine's blocking client must not run on a thread
/// that drives async tasks (the coordinator itself calls storage on tokio's blocking pool).
fn blocking<T>(work: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(work)
}

/// The test's own connection to the database, closed off the async threads too (closing blocks).
struct TestStorage(Option<PostgresStorage>);

impl std::ops::Deref for TestStorage {
    type Target = PostgresStorage;
    fn deref(&self) -> &PostgresStorage {
        self.0.as_ref().unwrap()
    }
}

impl Drop for TestStorage {
    fn drop(&mut self) {
        let storage = self.0.take();
        blocking(move || drop(storage));
    }
}

/// A throwaway cluster with one empty database, and the test's own connection to it.
fn database() -> (TestCluster, String, TestStorage) {
    let cluster = TestCluster::start().unwrap();
    let url = cluster.fresh_database("sleutel").unwrap();
    let storage = PostgresStorage::open(&url, 2).unwrap();
    (cluster, url, TestStorage(Some(storage)))
}

/// The organisation's activities over all months, as `GET /api/v1/totals` at `url` answers.
async fn total(url: &str, token: &str, organisation: i64) -> i64 {
    let response = http_client()
        .get(format!("{url}/api/v1/totals?metric=activities&from=2000-01&to=2999-12&organisation={organisation}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    body["rows"].as_array().unwrap().iter().map(|r| r["value"].as_i64().unwrap()).sum()
}

/// Logs in at `url`: the status, the session token and the CSRF token.
async fn login(url: &str, name: &str, password: &str) -> (u16, Option<String>, Option<String>) {
    let response = http_client()
        .post(format!("{url}/api/v1/session"))
        .json(&serde_json::json!({"name": name, "password": password}))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let token = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok()?.strip_prefix("__Host-sleutel_session="))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
        .next();
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    (status, token, body["csrf_token"].as_str().map(str::to_owned))
}

async fn session(url: &str, method: reqwest::Method, token: &str, csrf: Option<&str>) -> u16 {
    let mut request = http_client()
        .request(method, format!("{url}/api/v1/session"))
        .header("cookie", format!("__Host-sleutel_session={token}"));
    if let Some(csrf) = csrf {
        request = request.header("x-csrf-token", csrf);
    }
    request.send().await.unwrap().status().as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_database_behave_as_one() {
    let (_cluster, url, storage) = blocking(database);
    let a = CoordinatorProcess::start(&["--database", &url]);
    let b = CoordinatorProcess::start(&["--database", &url]);
    let organisation = blocking(|| admin::create_organisation(&*storage, "Stichting Twee", now())).unwrap();
    let admin_token = blocking(|| admin::create_account(&*storage, "beheer", Role::Admin, now())).unwrap();

    // A code enrols once, whichever instance is asked.
    let code = blocking(|| admin::issue_enrolment_code(&*storage, organisation.id, 3600, now())).unwrap();
    let mut first = TestDevice::new();
    first.enrol(&a.url, &code).await;
    let mut second = TestDevice::new();
    let again = sleutel_sync::enrol(&mut second.store, &b.url, &code, "Telefoon", &fast_sync()).await;
    assert!(again.is_err(), "the code was used through the other instance");
    let code = blocking(|| admin::issue_enrolment_code(&*storage, organisation.id, 3600, now())).unwrap();
    second.enrol(&b.url, &code).await;
    assert_eq!(blocking(|| storage.devices(Some(organisation.id))).unwrap().len(), 2);

    // Uploads alternate between the instances; each newer version replaces the last, whoever received it.
    let (one, two) = (first.raw(), second.raw());
    let start = now();
    let mut last = None;
    for round in 1..=6_i64 {
        let (instance, other) = if round % 2 == 1 { (&a, &b) } else { (&b, &a) };
        let batch = format!("alternating-round-{round}");
        let body = upload_body(&one.device_id, &batch, &[("activities", HOME_VISIT, round * 2, round)]);
        let (status, reply) = one.try_post_counts(&instance.url, &body, start + round, &batch).await.unwrap();
        assert_eq!(status, 200, "round {round}: {reply}");
        last = Some((body, batch, other));
    }
    // A replay through the other instance is caught: the batch is known to the database, not to one process.
    let (body, batch, other) = last.unwrap();
    let (status, reply) = one.try_post_counts(&other.url, &body, start + 6, &batch).await.unwrap();
    assert_eq!((status, error_code(&reply).as_str()), (409, "replay_detected"), "{reply}");
    let body = upload_body(&two.device_id, "second-device-batch-1", &[("activities", HOME_VISIT, 5, 1)]);
    assert_eq!(two.try_post_counts(&b.url, &body, start, "second-device-batch-1").await.unwrap().0, 200);
    for instance in [&a, &b] {
        assert_eq!(total(&instance.url, &admin_token, organisation.id).await, 12 + 5, "exact on {}", instance.url);
    }

    // Wrong passwords spread over both instances add up to one lockout, which holds on both.
    let (_, _, password) = blocking(|| {
        admin::create_account_with_password(&*storage, "beheer", "fatma", Role::Coordinator, &[organisation.id], now())
    })
    .unwrap();
    for attempt in 0..sleutel_coordinator::auth::LOCK_AFTER {
        let instance = if attempt % 2 == 0 { &a } else { &b };
        assert_eq!(login(&instance.url, "fatma", "not the password at all").await.0, 401);
    }
    for instance in [&a, &b] {
        assert_eq!(login(&instance.url, "fatma", &password).await.0, 401, "locked on {}", instance.url);
    }

    // A session opened on one instance is known to the other, and a logout on either ends it on both.
    let (_, _, password) = blocking(|| {
        admin::create_account_with_password(&*storage, "beheer", "joost", Role::Coordinator, &[organisation.id], now())
    })
    .unwrap();
    let (status, token, csrf) = login(&a.url, "joost", &password).await;
    assert_eq!(status, 200);
    let (token, csrf) = (token.unwrap(), csrf.unwrap());
    assert_eq!(session(&b.url, reqwest::Method::GET, &token, None).await, 200);
    let logout = session(&b.url, reqwest::Method::DELETE, &token, Some(&csrf)).await;
    assert!((200..300).contains(&logout), "{logout}");
    for instance in [&a, &b] {
        assert_eq!(session(&instance.url, reqwest::Method::GET, &token, None).await, 401);
    }
}

/// A batch of the kill test, and whether the instance acknowledged it.
struct Sent {
    batch: String,
    body: Vec<u8>,
    timestamp: i64,
    version: i64,
    acknowledged: bool,
}

/// Sends batches one after the other (each a newer version of the same key, value = version) until the instance
/// stops answering or 30 were sent; returns every batch it tried.
async fn burst(
    raw: std::sync::Arc<RawClient>,
    url: String,
    (round, index): (i64, usize),
    acknowledgements: std::sync::Arc<std::sync::atomic::AtomicUsize>,
) -> Vec<Sent> {
    let mut sent = Vec::new();
    for k in 1..=30 {
        let version = round * 100 + k;
        let batch = format!("kill-round-{round:02}-device-{index}-{k:02}");
        let body = upload_body(&raw.device_id, &batch, &[("activities", HOME_VISIT, version, version)]);
        let timestamp = now();
        let reply = raw.try_post_counts(&url, &body, timestamp, &batch).await;
        let answered = reply.is_some();
        let acknowledged = reply.is_some_and(|(status, _)| status == 200);
        if acknowledged {
            acknowledgements.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        sent.push(Sent { batch, body, timestamp, version, acknowledged });
        if !answered {
            break;
        }
    }
    sent
}

/// 20 rounds: four devices upload one batch after another to an instance started with `options`, which is killed
/// with SIGKILL in the middle of it. Every acknowledged batch must then be in the database already, and each device
/// retries its newest batch (byte-identical body, newer timestamp) through `lasting` (another instance on the same
/// database) or, without one, through the killed instance started again. In the end the totals are exact.
async fn uploads_survive_sigkill(options: &[&str], lasting: Option<&CoordinatorProcess>, storage: &dyn Storage) {
    let organisation = blocking(|| admin::create_organisation(storage, "Stichting Stroomuitval", now())).unwrap();
    let admin_token = blocking(|| admin::create_account(storage, "beheer", Role::Admin, now())).unwrap();
    let setup = CoordinatorProcess::start(options);
    let mut devices = Vec::new();
    for _ in 0..4 {
        let mut device = TestDevice::new();
        let code = blocking(|| admin::issue_enrolment_code(storage, organisation.id, 3600, now())).unwrap();
        device.enrol(&setup.url, &code).await;
        devices.push(std::sync::Arc::new(device.raw()));
    }
    setup.kill();
    let (mut acknowledged, mut lost_in_flight) = (0, 0);
    let mut newest = vec![0; devices.len()];
    for round in 1..=20_i64 {
        let victim = CoordinatorProcess::start(options);
        let mut uploads = tokio::task::JoinSet::new();
        let acknowledgements = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        for (index, raw) in devices.iter().enumerate() {
            let (raw, url, counter) = (raw.clone(), victim.url.clone(), acknowledgements.clone());
            uploads.spawn(async move { (index, burst(raw, url, (round, index), counter).await) });
        }
        // Killed in the middle of the burst: once uploads are being acknowledged, a little later each round.
        for _ in 0..5000 {
            if acknowledgements.load(std::sync::atomic::Ordering::SeqCst) > 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        tokio::time::sleep(Duration::from_millis(u64::try_from(round % 5).unwrap() * 4)).await;
        victim.kill();
        let restarted = lasting.is_none().then(|| CoordinatorProcess::start(options));
        let retry_url = lasting.or(restarted.as_ref()).unwrap().url.clone();
        for (index, sent) in uploads.join_all().await {
            let raw = &devices[index];
            let stored = blocking(|| storage.device(&raw.device_id)).unwrap().unwrap().high_water_version;
            for s in sent.iter().filter(|s| s.acknowledged) {
                acknowledged += 1;
                assert!(stored >= s.version, "round {round}: acknowledged {} is missing", s.batch);
            }
            let Some(last) = sent.last() else { continue };
            if !last.acknowledged {
                lost_in_flight += 1;
            }
            // The device's outbox still holds its newest value: it sends it again.
            let (status, reply) =
                raw.try_post_counts(&retry_url, &last.body, last.timestamp + 1, &last.batch).await.unwrap();
            assert_eq!(status, 200, "round {round}: the retry of {}: {reply}", last.batch);
            newest[index] = last.version;
        }
        if let Some(instance) = restarted {
            instance.kill();
        }
    }
    let check = CoordinatorProcess::start(options);
    let expected: i64 = newest.iter().sum();
    assert_eq!(total(&check.url, &admin_token, organisation.id).await, expected, "each device's newest value, once");
    assert!(acknowledged > 0 && lost_in_flight > 0, "the kills fell in the middle: {acknowledged}, {lost_in_flight}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_killed_instance_loses_no_acknowledged_upload() {
    let (_cluster, url, storage) = blocking(database);
    let lasting = CoordinatorProcess::start(&["--database", &url]);
    uploads_survive_sigkill(&["--database", &url], Some(&lasting), &*storage).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_killed_coordinator_loses_no_acknowledged_upload() {
    let dir = tempfile::tempdir().unwrap();
    let storage = SqliteStorage::open(dir.path()).unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    uploads_survive_sigkill(&["--data-dir", &path], None, &storage).await;
}
