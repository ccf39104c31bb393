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

async fn login(coordinator: &TestCoordinator, password: &str) -> (u16, Option<String>, String) {
    let response = http_client()
        .post(format!("{}/api/v1/session", coordinator.url()))
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
    let (first, retry, _) = login(&coordinator, "wrong password here").await;
    assert_eq!((first, retry), (401, None));
    let (second, retry, body) = login(&coordinator, "wrong password here").await;
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
    let mut tasks = tokio::task::JoinSet::new();
    let url = coordinator.url();
    for _ in 0..40 {
        let url = url.clone();
        tasks.spawn(async move {
            let response = http_client()
                .post(format!("{url}/api/v1/session"))
                .json(&serde_json::json!({"name": "admin", "password": "wrong password here"}))
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            let retry = response.headers().get("retry-after").and_then(|v| v.to_str().ok()).map(str::to_owned);
            (status, retry, response.text().await.unwrap())
        });
    }
    let results = tasks.join_all().await;
    let refused: Vec<_> = results.iter().filter(|(status, _, _)| *status == 429).collect();
    assert!(!refused.is_empty(), "40 checks at once on 2 slots: some must be turned away ({:?})", started.elapsed());
    for (_, retry, body) in refused {
        assert_eq!((error_code(body).as_str(), retry.as_deref()), ("rate_limited", Some("60")));
    }
    assert!(results.iter().all(|(status, _, _)| matches!(status, 401 | 429)));
}
