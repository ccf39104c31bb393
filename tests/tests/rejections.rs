//! Hostile and broken requests are refused with their code, and nothing changes.
#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use sleutel_system_tests::*;

const MELDING: (&str, &[(&str, &str)], i64, i64) =
    ("meldingen_veilig_thuis", &[("municipality", "GM0202")], 3, 1_000_000);

async fn enrolled() -> (TestCoordinator, sleutel_coordinator::storage::Organisation, TestDevice) {
    let coordinator = TestCoordinator::spawn().await;
    let org = coordinator.organisation("Org");
    let mut device = TestDevice::new();
    device.enrol(&coordinator.url(), &coordinator.enrolment_code(&org)).await;
    (coordinator, org, device)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replayed_batch_is_refused_and_changes_nothing() {
    let (coordinator, org, device) = enrolled().await;
    let raw = device.raw();
    let body = upload_body(&raw.device_id, "b-replay-000000000001", &[MELDING]);
    let now = sleutel_coordinator::now();
    let first = raw.post_counts(&body, now, "b-replay-000000000001").await;
    assert_eq!(first.0, 200, "{}", first.1);
    assert_eq!(coordinator.total("meldingen_veilig_thuis", org.id).await, 3);

    // The exact same signed request again.
    let replay = raw.post_counts(&body, now, "b-replay-000000000001").await;
    assert_eq!((replay.0, error_code(&replay.1).as_str()), (409, "replay_detected"));
    // The same batch id with other content.
    let other = upload_body(
        &raw.device_id,
        "b-replay-000000000001",
        &[("meldingen_veilig_thuis", &[("municipality", "GM0202")], 9, 2_000_000)],
    );
    let reused = raw.post_counts(&other, now + 1, "b-replay-000000000001").await;
    assert_eq!((reused.0, error_code(&reused.1).as_str()), (409, "batch_id_reused"));
    // A legitimate retry (same batch, newer signature) gets the stored reply and still changes nothing.
    let retry = raw.post_counts(&body, now + 2, "b-replay-000000000001").await;
    assert_eq!(retry.0, 200);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&retry.1).unwrap()["imported"], 1);
    // An old version in a new batch is ignored, never overwriting the newer count.
    let older = upload_body(
        &raw.device_id,
        "b-replay-000000000002",
        &[("meldingen_veilig_thuis", &[("municipality", "GM0202")], 1, 5)],
    );
    let reply = raw.post_counts(&older, now + 3, "b-replay-000000000002").await;
    assert_eq!(serde_json::from_str::<serde_json::Value>(&reply.1).unwrap()["ignored"], 1);
    assert_eq!(coordinator.total("meldingen_veilig_thuis", org.id).await, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_and_foreign_signatures_are_refused() {
    let (coordinator, org, device) = enrolled().await;
    let mut other = TestDevice::new();
    other.enrol(&coordinator.url(), &coordinator.enrolment_code(&org)).await;
    let raw = device.raw();
    let batch = "b-forged-0000000000001";
    let body = upload_body(&raw.device_id, batch, &[MELDING]);
    let now = sleutel_coordinator::now();

    let mut forged = raw.sign(&body, now, batch).into_bytes();
    forged[10] = if forged[10] == b'A' { b'B' } else { b'A' };
    let reply = raw.post_with(&body, now, batch, std::str::from_utf8(&forged).unwrap()).await;
    assert_eq!((reply.0, error_code(&reply.1).as_str()), (401, "signature_invalid"));

    // Device A's id, signed with device B's key.
    let mut foreign = other.raw();
    foreign.device_id = raw.device_id.clone();
    let reply = foreign.post_counts(&body, now, batch).await;
    assert_eq!((reply.0, error_code(&reply.1).as_str()), (401, "signature_invalid"));

    // A device id that does not exist.
    let mut unknown = device.raw();
    unknown.device_id = "d-0000000000000000".into();
    let reply = unknown.post_counts(&upload_body("d-0000000000000000", batch, &[MELDING]), now, batch).await;
    assert_eq!((reply.0, error_code(&reply.1).as_str()), (401, "unknown_device"));

    assert_eq!(coordinator.total("meldingen_veilig_thuis", org.id).await, 0);
    // Unauthenticated junk is logged, not audited: nobody can flood the audit log without a device key.
    let audit = coordinator.storage().audit_log(50).unwrap();
    assert_eq!(audit.iter().filter(|e| e.action == "upload_rejected").count(), 0);
}

/// A revoked device (or one with a wrong clock) that keeps retrying is rate limited like any other, and its
/// repeated refusals are one audit entry with a count, not one entry per request.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_device_retrying_is_rate_limited_and_audited_once() {
    let coordinator = TestCoordinator::spawn_with(|c| {
        c.rate_per_minute = 1;
        c.rate_burst = 5;
    })
    .await;
    let org = coordinator.organisation("Org");
    let mut device = TestDevice::new();
    device.enrol(&coordinator.url(), &coordinator.enrolment_code(&org)).await;
    let raw = device.raw();
    sleutel_coordinator::admin::revoke_device(coordinator.storage(), &raw.device_id, sleutel_coordinator::now())
        .unwrap();
    let mut codes = Vec::new();
    for i in 0..12 {
        let batch = format!("b-revoked-{i:010}");
        let body = upload_body(&raw.device_id, &batch, &[MELDING]);
        let (_, reply) = raw.post_counts(&body, sleutel_coordinator::now(), &batch).await;
        codes.push(error_code(&reply));
    }
    let revoked = codes.iter().filter(|c| *c == "device_revoked").count();
    assert!((1..=6).contains(&revoked), "{codes:?}");
    assert_eq!(codes.last().map(String::as_str), Some("rate_limited"), "{codes:?}");
    let audit = coordinator.storage().audit_log(50).unwrap();
    let rejected: Vec<_> = audit.iter().filter(|e| e.action == "upload_rejected").collect();
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    assert_eq!(rejected[0].detail["count"].as_i64().unwrap_or(1) as usize, revoked);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_device_is_refused_and_told_so() {
    let (coordinator, org, mut device) = enrolled().await;
    device.record_meeting(1, 4, 0, "GM0202");
    let device_id = device.store.enrolment().unwrap().unwrap().device_id;
    assert!(
        sleutel_coordinator::admin::revoke_device(coordinator.storage(), &device_id, sleutel_coordinator::now())
            .unwrap()
    );
    let err = sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.unwrap_err();
    assert_eq!(err.code(), "device_revoked");
    let audit = coordinator.storage().audit_log(50).unwrap();
    let rejected: Vec<_> = audit.iter().filter(|e| e.action == "upload_rejected").collect();
    assert_eq!(rejected.len(), 1, "a known device's rejected upload is audited");
    assert_eq!(rejected[0].detail["code"], "device_revoked");
    assert!(audit.iter().all(|e| !e.detail.to_string().contains("participants")), "the audit log holds no payloads");
    let status = sleutel_sync::status(&device.store).unwrap();
    assert_eq!(status.last_error_code.as_deref(), Some("device_revoked"));
    assert!(status.last_error.unwrap().contains("coordinator"));
    assert!(status.pending_keys > 0, "nothing is lost on the device");
    assert_eq!(coordinator.total("participants", org.id).await, 0);
}

/// Staff see the device label: one that identifies someone is refused and nothing is stored (the app refuses it
/// first; this is a client that does not).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_label_with_personal_details_is_refused() {
    let coordinator = TestCoordinator::spawn().await;
    let org = coordinator.organisation("Org");
    let code = coordinator.enrolment_code(&org);
    let mut device = TestDevice::new();
    let err = sleutel_sync::enrol(
        &mut device.store,
        &coordinator.url(),
        &code,
        "Telefoon van Fatima 0612345678",
        &fast_sync(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), "invalid_field");
    assert!(device.store.enrolment().unwrap().is_none());
    assert!(coordinator.storage().devices(Some(org.id)).unwrap().is_empty());
    device.enrol(&coordinator.url(), &code).await;
    assert_eq!(coordinator.storage().devices(Some(org.id)).unwrap().len(), 1, "the code still works");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_used_and_unknown_enrolment_codes_are_refused() {
    let coordinator = TestCoordinator::spawn().await;
    let org = coordinator.organisation("Org");
    let expired =
        sleutel_coordinator::admin::issue_enrolment_code(coordinator.storage(), org.id, -1, sleutel_coordinator::now())
            .unwrap();
    let mut device = TestDevice::new();
    let err = sleutel_sync::enrol(&mut device.store, &coordinator.url(), &expired, "Telefoon", &fast_sync())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "enrolment_code_invalid");
    assert!(device.store.enrolment().unwrap().is_none());

    let code = coordinator.enrolment_code(&org);
    device.enrol(&coordinator.url(), &code.to_lowercase().replace('-', " ")).await;
    let mut second = TestDevice::new();
    let err =
        sleutel_sync::enrol(&mut second.store, &coordinator.url(), &code, "Telefoon", &fast_sync()).await.unwrap_err();
    assert_eq!(err.code(), "enrolment_code_invalid", "a code is used once");
    let err = sleutel_sync::enrol(&mut second.store, &coordinator.url(), "AAAA-BBBB-CCCC", "Telefoon", &fast_sync())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "enrolment_code_invalid");
    assert_eq!(coordinator.storage().devices(Some(org.id)).unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn skewed_clocks_oversized_bodies_malformed_json_and_newer_protocols_are_refused() {
    let (coordinator, org, device) = enrolled().await;
    let raw = device.raw();
    let batch = "b-broken-0000000000001";
    let body = upload_body(&raw.device_id, batch, &[MELDING]);
    let now = sleutel_coordinator::now();

    let reply = raw.post_counts(&body, now - 3600, batch).await;
    assert_eq!((reply.0, error_code(&reply.1).as_str()), (401, "clock_skew"));
    let reply = raw.post_counts(&body, now + 3600, batch).await;
    assert_eq!((reply.0, error_code(&reply.1).as_str()), (401, "clock_skew"));

    let huge = vec![b' '; 2 * 1024 * 1024];
    let reply = raw.post_counts(&huge, now, batch).await;
    assert_eq!((reply.0, error_code(&reply.1).as_str()), (413, "body_too_large"));

    let reply = raw.post_counts(b"{\"protocol\": 1, \"items\": [", now, batch).await;
    assert_eq!((reply.0, error_code(&reply.1).as_str()), (400, "malformed_json"));

    let newer = String::from_utf8(body.clone()).unwrap().replace("\"protocol\":1", "\"protocol\":2");
    let reply = raw.post_counts(newer.as_bytes(), now, batch).await;
    assert_eq!((reply.0, error_code(&reply.1).as_str()), (400, "protocol_unsupported"));

    assert_eq!(coordinator.total("meldingen_veilig_thuis", org.id).await, 0);
    // After all that, a good request still works.
    assert_eq!(raw.post_counts(&body, now, batch).await.0, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_metrics_and_negative_or_absurd_values_are_rejected_per_item() {
    let (coordinator, org, device) = enrolled().await;
    let raw = device.raw();
    let batch = "b-items-00000000000001";
    let body = upload_body(
        &raw.device_id,
        batch,
        &[
            ("visits", &[("municipality", "GM0202")], 4, 1),
            ("meldingen_veilig_thuis", &[("municipality", "GM0202")], -5, 2),
            ("meldingen_veilig_thuis", &[("municipality", "GM0363")], 1_000_000_000, 3),
            ("meldingen_veilig_thuis", &[("municipality", "GM9999")], 1, 4),
            ("activities", &[("municipality", "GM0202")], 1, 5),
            ("meldingen_veilig_thuis", &[("municipality", "GM0855")], 2, 6),
        ],
    );
    let reply = raw.post_counts(&body, sleutel_coordinator::now(), batch).await;
    assert_eq!(reply.0, 200);
    let reply: serde_json::Value = serde_json::from_str(&reply.1).unwrap();
    assert_eq!(reply["status"], "warning");
    assert_eq!((reply["imported"].as_i64(), reply["rejected"].as_i64()), (Some(1), Some(5)));
    let codes: Vec<(i64, String)> = reply["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["index"].as_i64().unwrap(), c["code"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(
        codes,
        [
            (0, "unknown_metric".into()),
            (1, "value_out_of_range".into()),
            (2, "value_out_of_range".into()),
            (3, "unknown_dimension_value".into()),
            (4, "dimensions_mismatch".into()),
        ]
    );
    assert_eq!(coordinator.total("meldingen_veilig_thuis", org.id).await, 2, "only the valid item counts");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn totals_need_a_valid_token_and_a_valid_query() {
    let coordinator = TestCoordinator::spawn().await;
    let reply = coordinator.totals_raw("metric=participants&from=2026-01&to=2026-12", None).await;
    assert_eq!((reply.0, error_code(&reply.1).as_str()), (401, "unauthorized"));
    let reply = coordinator.totals_raw("metric=participants&from=2026-01&to=2026-12", Some("slt_wrong")).await;
    assert_eq!((reply.0, error_code(&reply.1).as_str()), (401, "unauthorized"));
    let token = coordinator.admin_token.clone();
    for bad in [
        "metric=visits&from=2026-01&to=2026-12",
        "metric=participants&from=2026-13&to=2026-12",
        "metric=participants&from=2026-01&to=2026-12&dimension=theme",
        "from=2026-01",
    ] {
        let reply = coordinator.totals_raw(bad, Some(&token)).await;
        assert_eq!((reply.0, error_code(&reply.1).as_str()), (400, "invalid_query"), "{bad}");
    }
}

/// Enrols a fresh key while claiming to replace `device_id`, with a proof signed by that fresh key (not the old one).
async fn enrol_claiming(url: &str, code: &str, device_id: &str) -> (u16, String) {
    use ring::signature::{Ed25519KeyPair, KeyPair};
    let pkcs8 = sleutel_sync::new_device_key().unwrap();
    let pair = Ed25519KeyPair::from_pkcs8(&pkcs8).unwrap();
    let public_key = sleutel_protocol::PublicKey(pair.public_key().as_ref().try_into().unwrap()).encode();
    let proof = sleutel_protocol::Signature(
        pair.sign(&sleutel_protocol::replacement_bytes(device_id, &public_key)).as_ref().to_vec(),
    );
    let body = serde_json::to_vec(&serde_json::json!({
        "protocol": 1, "code": code, "public_key": public_key, "label": "Telefoon",
        "replaces": {"device_id": device_id, "signature": proof.encode()},
    }))
    .unwrap();
    let now = sleutel_coordinator::now();
    let message = sleutel_protocol::signing_bytes("POST", "/api/v1/enrol", "", now, "", &body);
    let signature = sleutel_protocol::Signature(pair.sign(&message).as_ref().to_vec()).encode();
    let response = http_client()
        .post(format!("{url}/api/v1/enrol"))
        .header(sleutel_protocol::headers::TIMESTAMP, now.to_string())
        .header(sleutel_protocol::headers::SIGNATURE, signature)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// No coordinator learns one device's counts by comparing totals: revoking a device leaves its counts in the
/// totals (they describe work that was done). When the same store enrols again it proves, with the old key, that it
/// is the same device: the old device's counts become the new one's, so re-sending everything counts it once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revoking_keeps_counts_and_re_enrolling_sends_them_once() {
    let (coordinator, org, mut device) = enrolled().await;
    let mut other = TestDevice::new();
    other.enrol(&coordinator.url(), &coordinator.enrolment_code(&org)).await;
    other.record_meeting(3, 4, 1, "GM0202");
    sleutel_sync::sync_now(&mut other.store, &fast_sync()).await.unwrap();
    device.record_meeting(1, 10, 2, "GM0202");
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.unwrap();
    let before = coordinator.totals("metric=participants&from=2000-01&to=2999-12&dimension=gender").await;
    assert_eq!(coordinator.total("participants", org.id).await, 17);

    let old_id = device.store.enrolment().unwrap().unwrap().device_id;
    sleutel_coordinator::admin::revoke_device(coordinator.storage(), &old_id, sleutel_coordinator::now()).unwrap();
    let after = coordinator.totals("metric=participants&from=2000-01&to=2999-12&dimension=gender").await;
    assert_eq!(after, before, "revoking changes no total: nothing to subtract a device's counts from");
    device.record_meeting(2, 1, 0, "GM0202");
    assert_eq!(sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.unwrap_err().code(), "device_revoked");

    // A proof not made with the old device's key is refused before the code is used.
    let code = coordinator.enrolment_code(&org);
    let other_id = other.store.enrolment().unwrap().unwrap().device_id;
    let (status, reply) = enrol_claiming(&coordinator.url(), &code, &other_id).await;
    assert_eq!((status, error_code(&reply).as_str()), (400, "invalid_field"), "{reply}");

    // The volunteer gets a new code and enrols again: everything is sent once, under the new device.
    sleutel_sync::re_enrol(&mut device.store, &coordinator.url(), &code, "Telefoon", &fast_sync()).await.unwrap();
    let new_id = device.store.enrolment().unwrap().unwrap().device_id;
    assert_ne!(new_id, old_id);
    assert_eq!(coordinator.total("participants", org.id).await, 17, "moved, not added");
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.unwrap();
    assert_eq!(coordinator.total("participants", org.id).await, 18);
    assert_totals_match(&coordinator, org.id, &[&device, &other]).await;
    let audit = coordinator.storage().audit_log(50).unwrap();
    assert!(audit.iter().any(|e| e.action == "device_enrolled" && e.detail["replaces"] == old_id.as_str()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enrolment_attempts_are_rate_limited_per_address() {
    let data = tempfile::tempdir().unwrap();
    let mut config = sleutel_coordinator::Config::new(data.path().to_owned());
    config.enrol_per_minute = 1;
    config.enrol_burst = 3;
    let state = sleutel_coordinator::AppState::open(&config).unwrap();
    let running = sleutel_coordinator::startup::spawn(([127, 0, 0, 1], 0).into(), state).await.unwrap();
    let mut codes = Vec::new();
    for _ in 0..5 {
        let mut device = TestDevice::new();
        let err = sleutel_sync::enrol(&mut device.store, &running.url(), "AAAA-BBBB-CCCC", "Telefoon", &fast_sync())
            .await
            .unwrap_err();
        codes.push(err.code());
    }
    assert_eq!(codes[..3], ["enrolment_code_invalid"; 3]);
    assert_eq!(codes[3..], ["rate_limited"; 2]);
}
