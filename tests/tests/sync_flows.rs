//! The main flows: enrol → record → sync → totals, with edits, deletions, two devices and two organisations.

use sleutel_system_tests::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enrol_record_sync_and_see_totals_that_follow_edits_and_deletions() {
    let coordinator = TestCoordinator::spawn().await;
    let org = coordinator.organisation("Stichting Samen Sterk");
    let mut device = TestDevice::new();
    device.enrol(&coordinator.url(), &coordinator.enrolment_code(&org)).await;
    assert!(sleutel_sync::status(&device.store).unwrap().enrolled);

    let meeting = device.record_meeting(3, 22, 3, "GM0202");
    device.record_meeting(5, 10, 0, "GM0855");
    let referral = device.record_referral("veilig_thuis");
    let report = sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.unwrap();
    assert_eq!(report.items_rejected, 0);
    assert!(report.items_sent > 10);
    assert_eq!(device.store.outbox_len().unwrap(), 0, "accepted items leave the outbox");
    assert_eq!(coordinator.total("participants", org.id).await, 35);
    assert_eq!(coordinator.total("meldingen_veilig_thuis", org.id).await, 1);
    assert_totals_match(&coordinator, org.id, &[&device]).await;

    // An edit lowers the totals; a deletion removes its part.
    let mut activity = device.store.activity(meeting).unwrap().activity;
    activity.participants = sleutel_domain::ParticipantTally::new(12, 3, 0, None).unwrap();
    device.store.update_activity(meeting, &activity).unwrap();
    device.store.delete_referral(referral).unwrap();
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.unwrap();
    assert_eq!(coordinator.total("participants", org.id).await, 25);
    assert_eq!(coordinator.total("meldingen_veilig_thuis", org.id).await, 0);
    assert_totals_match(&coordinator, org.id, &[&device]).await;

    let status = sleutel_sync::status(&device.store).unwrap();
    assert!(status.last_success_at.is_some());
    assert_eq!((status.pending_keys, status.last_error_code), (0, None));

    // Nothing new to send: a sync is a no-op.
    let report = sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.unwrap();
    assert_eq!(report.batches, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_devices_of_one_organisation_add_up_and_another_organisation_stays_apart() {
    let coordinator = TestCoordinator::spawn().await;
    let arnhem = coordinator.organisation("Arnhem Vrouwen Netwerk");
    let tilburg = coordinator.organisation("Tilburg Voorlichters");
    let (mut a, mut b, mut other) = (TestDevice::new(), TestDevice::new(), TestDevice::new());
    a.enrol(&coordinator.url(), &coordinator.enrolment_code(&arnhem)).await;
    b.enrol(&coordinator.url(), &coordinator.enrolment_code(&arnhem)).await;
    other.enrol(&coordinator.url(), &coordinator.enrolment_code(&tilburg)).await;

    a.record_meeting(2, 20, 5, "GM0202");
    b.record_meeting(2, 7, 1, "GM0202");
    other.record_meeting(2, 100, 0, "GM0855");
    for device in [&mut a, &mut b, &mut other] {
        sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.unwrap();
    }
    assert_eq!(coordinator.total("participants", arnhem.id).await, 33);
    assert_eq!(coordinator.total("participants", tilburg.id).await, 100);
    assert_totals_match(&coordinator, arnhem.id, &[&a, &b]).await;
    assert_totals_match(&coordinator, tilburg.id, &[&other]).await;

    // Grouping by a dimension.
    let by_gender = coordinator
        .totals(&format!("metric=participants&from=2000-01&to=2999-12&organisation={}&dimension=gender", arnhem.id))
        .await;
    let women = by_gender.iter().find(|r| r.group.as_deref() == Some("women")).map(|r| r.value);
    assert_eq!(women, Some(27));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restored_device_recovers_its_high_water_mark_and_resends_exactly_its_counts() {
    let coordinator = TestCoordinator::spawn().await;
    let org = coordinator.organisation("Herstel");
    let mut device = TestDevice::new();
    device.enrol(&coordinator.url(), &coordinator.enrolment_code(&org)).await;
    device.record_meeting(1, 5, 5, "GM0363");
    let backup = device.dir.path().join("backup.bin");
    device.store.backup_to(&backup).unwrap();
    let meeting = device.record_meeting(2, 8, 0, "GM0363");
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.unwrap();
    assert_eq!(coordinator.total("participants", org.id).await, 18);

    // The phone is lost; the backup (made before the second meeting) is restored on a new one.
    let restored_dir = tempfile::tempdir().unwrap();
    let store = sleutel_store::Store::restore_backup(
        &backup,
        &restored_dir.path().join("store"),
        &sleutel_store::Secret::Passphrase(sleutel_store::Passphrase::new("system test passphrase")),
        &restored_dir.path().join("restore-attempts"),
    )
    .unwrap();
    let mut restored = TestDevice { store, dir: restored_dir };
    let _ = meeting;
    assert!(restored.store.needs_recovery().unwrap(), "a restored, enrolled store must recover before sending");
    // sync_now recovers first (learns the high-water mark, re-queues everything above it), then uploads.
    sleutel_sync::sync_now(&mut restored.store, &fast_sync()).await.unwrap();
    assert!(!restored.store.needs_recovery().unwrap());
    assert_eq!(coordinator.total("participants", org.id).await, 10, "the coordinator now equals the restored device");
    assert_totals_match(&coordinator, org.id, &[&restored]).await;
}

/// The OpenAPI document a coordinator serves.
async fn openapi_document() -> serde_json::Value {
    let coordinator = TestCoordinator::spawn().await;
    let reply = http_client().get(format!("{}/api/v1/openapi.json", coordinator.url())).send().await.expect("reply");
    reply.json().await.expect("JSON")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_lists_every_endpoint() {
    let doc = openapi_document().await;
    for path in ["/api/v1/enrol", "/api/v1/counts", "/api/v1/devices/me", "/api/v1/reference-lists", "/api/v1/totals"] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing from the OpenAPI document");
    }
    assert!(doc["components"]["schemas"].get("UploadRequest").is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_devices_syncing_at_once_are_all_counted_exactly() {
    let coordinator = TestCoordinator::spawn().await;
    let org = coordinator.organisation("Gelijktijdig");
    let mut devices = Vec::new();
    for i in 0..8 {
        let mut device = TestDevice::new();
        device.enrol(&coordinator.url(), &coordinator.enrolment_code(&org)).await;
        device.record_meeting(1 + i, 3 + i as i64, 1, "GM0202");
        devices.push(device);
    }
    let tasks: Vec<_> = devices
        .into_iter()
        .map(|mut device| {
            tokio::spawn(async move {
                sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.unwrap();
                device
            })
        })
        .collect();
    let mut devices = Vec::new();
    for task in tasks {
        devices.push(task.await.unwrap());
    }
    let refs: Vec<&TestDevice> = devices.iter().collect();
    assert_totals_match(&coordinator, org.id, &refs).await;
    assert_eq!(coordinator.total("participants", org.id).await, (0..8).map(|i| 4 + i).sum::<i64>());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_wijk_and_referral_codes_never_reach_the_coordinators_files() {
    let coordinator = TestCoordinator::spawn().await;
    let org = coordinator.organisation("Alleen tellingen");
    let mut device = TestDevice::new();
    device.enrol(&coordinator.url(), &coordinator.enrolment_code(&org)).await;
    let id = device.record_meeting(2, 9, 1, "GM0202");
    let mut activity = device.store.activity(id).unwrap().activity;
    activity.notes = sleutel_domain::Notes::new("MARKER-notitie-4c1d").unwrap();
    activity.wijk = sleutel_domain::Wijk::new("MARKER-wijk-Presikhaaf").unwrap();
    device.store.update_activity(id, &activity).unwrap();
    device.record_referral("veilig_thuis");
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.unwrap();
    assert_eq!(coordinator.total("participants", org.id).await, 10, "the counts did arrive");

    let code = device.store.list_referrals(&Default::default()).unwrap().items[0].referral.code.to_string();
    for entry in std::fs::read_dir(coordinator.data_dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for marker in ["MARKER-notitie-4c1d", "MARKER-wijk-Presikhaaf", code.as_str()] {
            assert!(!bytes.windows(marker.len()).any(|w| w == marker.as_bytes()), "{marker} reached the coordinator");
        }
    }
}

/// The app locks while an enrolment request is on its way (the volunteer switched apps to copy the code): the
/// coordinator has used up the code, so the identity it accepted is kept and saved at the next unlock.
#[tokio::test]
async fn an_enrolment_accepted_while_locked_is_saved_at_the_next_unlock() {
    use sleutel_sync::{StoreAccess, SyncError, complete_enrolment, request_enrolment};
    let coordinator = TestCoordinator::spawn().await;
    let organisation = coordinator.organisation("Stichting Vergrendeld");
    let code = coordinator.enrolment_code(&organisation);
    let mut device = TestDevice::new();
    device.record_meeting(1, 4, 3, "GM0363");
    let access = std::sync::Mutex::new(Some(device.store));
    let (reply, enrolment) = request_enrolment(&access, &coordinator.url(), &code, "Telefoon", &fast_sync())
        .await
        .expect("the coordinator accepts");
    // Locked before the identity could be saved.
    let locked = access.lock().expect("lock").take().expect("store");
    let err = access.with(|store| complete_enrolment(store, &enrolment)).expect_err("locked");
    assert!(matches!(err, SyncError::Locked));
    // The code is used up: enrolling again is not the way back.
    let again = sleutel_sync::enrol_with(
        &std::sync::Mutex::new(Some(TestDevice::new().store)),
        &coordinator.url(),
        &code,
        "Telefoon",
        &fast_sync(),
    )
    .await
    .expect_err("used code");
    assert_eq!(again.code(), "enrolment_code_invalid");
    // Unlocked again: the kept identity is saved and sync works with it.
    let mut store = locked;
    complete_enrolment(&mut store, &enrolment).expect("saved");
    assert_eq!(store.enrolment().expect("read").expect("enrolled").device_id, reply.device_id);
    sleutel_sync::sync_now(&mut store, &fast_sync()).await.expect("synced");
    assert_eq!(coordinator.total("participants", organisation.id).await, 7);
}

/// The OpenAPI document agrees with itself and with the routes: query parameters are query parameters, every
/// `{name}` in a path is a declared path parameter (and no other is), every `$ref` names a schema that is there, and
/// the ways to authenticate are described.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_is_consistent() {
    let doc = openapi_document().await;
    let mut problems = Vec::new();
    for (path, operations) in doc["paths"].as_object().unwrap() {
        let in_template: Vec<&str> =
            path.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}'))).collect();
        for (method, operation) in operations.as_object().unwrap() {
            let parameters = operation["parameters"].as_array().cloned().unwrap_or_default();
            let declared: Vec<&str> = parameters
                .iter()
                .filter(|p| p["in"] == "path")
                .map(|p| p["name"].as_str().unwrap_or_default())
                .collect();
            let mut wanted = in_template.clone();
            let mut have = declared.clone();
            wanted.sort_unstable();
            have.sort_unstable();
            if wanted != have {
                problems.push(format!("{method} {path}: path parameters {have:?}, template {wanted:?}"));
            }
        }
    }
    let text = doc.to_string();
    for reference in text.split("\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().unwrap_or_default();
        if doc["components"]["schemas"].get(name).is_none() {
            problems.push(format!("$ref to a missing schema {name}"));
        }
    }
    for scheme in ["bearer", "session_cookie", "csrf_token", "device_signature"] {
        if doc["components"]["securitySchemes"].get(scheme).is_none() {
            problems.push(format!("no security scheme {scheme}"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
