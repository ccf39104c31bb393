//! The coordinator's smaller promises: answers are never cached, its database is for its own account only, and a
//! signed timestamp has exactly one accepted spelling.
#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use sleutel_protocol::headers;
use sleutel_system_tests::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_answers_are_not_cached_and_the_database_is_for_the_owner_only() {
    let coordinator = TestCoordinator::spawn().await;
    let client = http_client();
    for path in ["/api/v1/totals?metric=activities", "/api/v1/organisations", "/api/v1/audit"] {
        let response = client
            .get(format!("{}{path}", coordinator.url()))
            .bearer_auth(&coordinator.admin_token)
            .send()
            .await
            .unwrap();
        let cache = response.headers().get("cache-control").and_then(|v| v.to_str().ok()).map(str::to_owned);
        assert_eq!(cache.as_deref(), Some("no-store"), "{path}: {}", response.status());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let dir = coordinator.data_dir.path();
        assert_eq!(mode(dir), 0o700);
        assert_eq!(mode(&dir.join("coordinator.db")), 0o600);
    }
}

/// The timestamp header is signed as digits; "+1764460800" or "01764460800" is not another way to send it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timestamp_header_in_another_spelling_is_refused() {
    let coordinator = TestCoordinator::spawn().await;
    let org = coordinator.organisation("Org");
    let mut device = TestDevice::new();
    device.enrol(&coordinator.url(), &coordinator.enrolment_code(&org)).await;
    let raw = device.raw();
    let now = sleutel_coordinator::now();
    let batch = "b-timestamp-000000001";
    let body = upload_body(
        &raw.device_id,
        batch,
        &[("activities", &[("activity", "home_visit"), ("municipality", "GM0202")], 1, 1)],
    );
    let signature = raw.sign(&body, now, batch);
    // (Spaces around a header value are not the sender's: HTTP removes them before the server sees it.)
    for spelling in [format!("+{now}"), format!("0{now}"), format!("-{now}")] {
        let response = http_client()
            .post(format!("{}/api/v1/counts", raw.base))
            .header(headers::DEVICE, &raw.device_id)
            .header(headers::TIMESTAMP, &spelling)
            .header(headers::BATCH, batch)
            .header(headers::SIGNATURE, &signature)
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let reply = response.text().await.unwrap();
        assert!(status == 400 || status == 401, "{spelling:?}: {status} {reply}");
        assert_ne!(error_code(&reply), "", "{spelling:?}: {reply}");
    }
    let (status, reply) = raw.post_counts(&body, now, batch).await;
    assert_eq!(status, 200, "the canonical spelling works: {reply}");
}

/// Logs in as `admin` at the coordinator at `url`: the status, the `Retry-After` header and the body.
async fn login(url: &str, password: &str) -> (u16, Option<String>, String) {
    let response = http_client()
        .post(format!("{url}/api/v1/session"))
        .json(&serde_json::json!({"name": "admin", "password": password}))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let retry = response.headers().get("retry-after").and_then(|v| v.to_str().ok()).map(str::to_owned);
    (status, retry, response.text().await.unwrap())
}

/// Every 429 says when to come back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_logins_are_told_when_to_retry() {
    let coordinator = TestCoordinator::spawn_with(|c| {
        c.login_per_minute = 1;
        c.login_burst = 1;
    })
    .await;
    let (first, retry, _) = login(&coordinator.url(), "wrong password here").await;
    assert_eq!((first, retry), (401, None));
    let (second, retry, body) = login(&coordinator.url(), "wrong password here").await;
    assert_eq!(second, 429, "{body}");
    assert_eq!(error_code(&body), "rate_limited");
    assert_eq!(retry.as_deref(), Some("60"));
}

/// A flood of logins (each an Argon2 check of 19 MiB) waits for a few slots only so long; the rest are told to
/// come back later instead of piling up.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_password_checks_waits_a_bounded_time() {
    let coordinator = TestCoordinator::spawn_with(|c| {
        c.login_per_minute = 100_000;
        c.login_burst = 100_000;
        c.login_account_ceiling = 100_000;
        // No waiting at all, so the test does not depend on how fast Argon2 runs here.
        c.password_check_wait = std::time::Duration::ZERO;
    })
    .await;
    sleutel_coordinator::admin::set_password(coordinator.storage(), "admin", "a long enough password", 0).unwrap();
    let started = std::time::Instant::now();
    let (mut logins, mut changes) = (tokio::task::JoinSet::new(), tokio::task::JoinSet::new());
    let url = coordinator.url();
    // Password changes without a session, sent during the flood: turned away as unauthorised at once, never queued
    // for a slot (which would make them 429s).
    for _ in 0..10 {
        let url = url.clone();
        changes.spawn(async move {
            let response = http_client()
                .put(format!("{url}/api/v1/session/password"))
                .json(&serde_json::json!({"current": "wrong password here", "new": "a new long password"}))
                .send()
                .await
                .unwrap();
            response.status().as_u16()
        });
    }
    for _ in 0..40 {
        let url = url.clone();
        logins.spawn(async move { login(&url, "wrong password here").await });
    }
    let (results, changes) = (logins.join_all().await, changes.join_all().await);
    assert_eq!(changes.len(), 10);
    assert!(changes.iter().all(|status| *status == 401), "{changes:?}");
    let refused: Vec<_> = results.iter().filter(|(status, _, _)| *status == 429).collect();
    assert!(!refused.is_empty(), "40 checks at once on 2 slots: some must be turned away ({:?})", started.elapsed());
    for (_, retry, body) in refused {
        assert_eq!((error_code(body).as_str(), retry.as_deref()), ("rate_limited", Some("60")));
    }
    assert!(results.iter().all(|(status, _, _)| matches!(status, 401 | 429)));
}

fn reply_of(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap()
}

/// One device cannot fill the coordinator's disk: counts only up to next month, a ceiling on its count keys (new
/// keys refused with a code, known keys still updated), and only its newest replies kept for retries.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_device_cannot_fill_the_disk() {
    let coordinator = TestCoordinator::spawn_with(|c| {
        c.device_ceilings = sleutel_coordinator::storage::DeviceCeilings { keys: 3, stored_replies: 2 };
    })
    .await;
    let org = coordinator.organisation("Org");
    let mut device = TestDevice::new();
    device.enrol(&coordinator.url(), &coordinator.enrolment_code(&org)).await;
    let raw = device.raw();
    let now = sleutel_coordinator::now();
    let this_month = today().format("%Y-%m").to_string();
    let in_two_months = (today() + chrono::Months::new(2)).format("%Y-%m").to_string();
    let place = |code: &'static str| -> &'static [(&'static str, &'static str)] {
        match code {
            "GM0202" => &[("activity", "home_visit"), ("municipality", "GM0202")],
            "GM0363" => &[("activity", "home_visit"), ("municipality", "GM0363")],
            "GM0599" => &[("activity", "home_visit"), ("municipality", "GM0599")],
            _ => &[("activity", "home_visit"), ("municipality", "GM0855")],
        }
    };
    let item = |period: &str, municipality: &'static str, value: i64, version: i64| {
        serde_json::json!({"period": period, "metric": "activities", "dimensions": place(municipality)
            .iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<std::collections::BTreeMap<_, _>>(),
            "value": value, "version": version})
    };
    let body = |batch: &str, items: Vec<serde_json::Value>| {
        serde_json::to_vec(&serde_json::json!({"protocol": 1, "device_id": raw.device_id, "batch_id": batch, "sent_at": now, "items": items}))
            .unwrap()
    };
    // Five new keys and one for the month after next: three keys fit, two are refused, the future one too.
    let first = body(
        "b-ceiling-0000000001",
        vec![
            item(&this_month, "GM0202", 1, 1),
            item(&this_month, "GM0363", 1, 1),
            item(&this_month, "GM0599", 1, 1),
            item(&this_month, "GM0855", 1, 1),
            item(&in_two_months, "GM0202", 1, 1),
        ],
    );
    let (status, reply) = raw.post_counts(&first, now, "b-ceiling-0000000001").await;
    assert_eq!(status, 200, "{reply}");
    let reply = reply_of(&reply);
    assert_eq!(reply["imported"], 3);
    let codes: Vec<&str> = reply["conflicts"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["too_many_keys", "period_out_of_range"]);
    // A key it holds still changes.
    let second = body("b-ceiling-0000000002", vec![item(&this_month, "GM0202", 5, 2)]);
    let (_, reply) = raw.post_counts(&second, now, "b-ceiling-0000000002").await;
    assert_eq!(reply_of(&reply)["updated"], 1);
    assert_eq!(coordinator.total("activities", org.id).await, 7);

    // Only the two newest replies are kept: a retry of the first batch is no longer answered from storage, so
    // it is applied again (and changes nothing: its versions are old).
    let third = body("b-ceiling-0000000003", vec![item(&this_month, "GM0363", 2, 2)]);
    raw.post_counts(&third, now, "b-ceiling-0000000003").await;
    let (_, retried_third) = raw.post_counts(&third, now + 1, "b-ceiling-0000000003").await;
    assert_eq!(reply_of(&retried_third)["updated"], 1, "a kept reply answers its retry: {retried_third}");
    let (_, retried_first) = raw.post_counts(&first, now + 1, "b-ceiling-0000000001").await;
    assert_eq!(reply_of(&retried_first)["imported"], 0, "the first reply was dropped: {retried_first}");
    assert_eq!(coordinator.total("activities", org.id).await, 8);
}

/// A client that sends its headers slowly (a "slowloris") is cut off instead of holding a connection for ever.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_dripping_its_headers_is_closed() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let coordinator = TestCoordinator::spawn_with(|c| c.header_read_timeout = std::time::Duration::from_secs(1)).await;
    let mut stream = tokio::net::TcpStream::connect(coordinator.addr()).await.unwrap();
    stream.write_all(b"GET /api/v1/openapi.json HTTP/1.1\r\nHost: sleutel\r\n").await.unwrap();
    let mut buffer = [0u8; 256];
    let read = tokio::time::timeout(std::time::Duration::from_secs(15), stream.read(&mut buffer)).await;
    let closed = match read {
        Ok(Ok(n)) => n == 0 || String::from_utf8_lossy(&buffer[..n]).starts_with("HTTP/1.1 408"),
        Ok(Err(_)) => true,
        Err(_) => false,
    };
    assert!(closed, "the server kept waiting for the rest of the headers");
    // A whole request on a new connection is answered as always.
    let response = http_client().get(format!("{}/api/v1/openapi.json", coordinator.url())).send().await.unwrap();
    assert_eq!(response.status(), 200);
}

/// Every answer of the API is `{code, message}` JSON with a stable code, also for a path or a method it does not
/// have and for a path parameter of the wrong kind.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_paths_wrong_methods_and_bad_path_parameters_answer_in_json() {
    let coordinator = TestCoordinator::spawn().await;
    let url = coordinator.url();
    let cases = [
        (reqwest::Method::GET, "/api/v1/nope", 404, "not_found"),
        (reqwest::Method::GET, "/api/v1/counts", 405, "method_not_allowed"),
        (reqwest::Method::DELETE, "/api/v1/accounts/abc", 400, "invalid_query"),
        (reqwest::Method::PUT, "/api/v1/organisations/x/threshold", 400, "invalid_query"),
        // Logging out takes a session; an API token is not one.
        (reqwest::Method::DELETE, "/api/v1/session", 401, "unauthorized"),
    ];
    for (method, path, status, code) in cases {
        let response = http_client()
            .request(method.clone(), format!("{url}{path}"))
            .bearer_auth(&coordinator.admin_token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), status, "{method} {path}");
        let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        assert!(kind.starts_with("application/json"), "{method} {path}: {kind}");
        let body = response.text().await.unwrap();
        assert_eq!(error_code(&body), code, "{method} {path}: {body}");
    }
}
