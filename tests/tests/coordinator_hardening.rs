//! The coordinator's smaller promises: answers are never cached, its database is for its own account only, and a
//! signed timestamp has exactly one accepted spelling.

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
