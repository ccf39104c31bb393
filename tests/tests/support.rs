//! Support for volunteers end to end against a real coordinator: a coordinator sets the support contact and devices
//! get it at sync; a heavy visit with a talk asked reaches the totals as counts and the coordinator as a request,
//! named only when the volunteer agreed; only the organisation's own coordinators see and handle it.

use reqwest::Method;
use sleutel_domain::Debrief;
use sleutel_system_tests::{TestCoordinator, TestDevice, error_code, fast_sync, json};

fn coordinator_of(c: &TestCoordinator, name: &str, org: &sleutel_coordinator::storage::Organisation) -> String {
    let now = sleutel_coordinator::now();
    let token = sleutel_coordinator::admin::create_account(
        c.storage(),
        name,
        sleutel_coordinator::storage::Role::Coordinator,
        now,
    )
    .expect("account");
    sleutel_coordinator::admin::grant_organisation(c.storage(), name, org, now).expect("granted");
    token
}

/// Marks the device's activity `id` heavy, with a talk asked (or not).
fn mark(device: &mut TestDevice, id: i64, debrief: Option<Debrief>) {
    let mut activity = device.store.activity(id).expect("stored").activity;
    activity.heavy = true;
    activity.debrief = debrief;
    device.store.update_activity(id, &activity).expect("updated");
}

#[tokio::test]
async fn a_heavy_visit_counts_and_a_talk_asked_reaches_only_its_own_coordinator() {
    let c = TestCoordinator::spawn().await;
    let org = c.organisation("Stichting Oost");
    let other = c.organisation("Stichting West");
    let amina = coordinator_of(&c, "amina", &org);
    let west = coordinator_of(&c, "wessel", &other);

    // The contact devices will show; a bad phone number is refused with nothing changed.
    let contact_path = format!("/api/v1/organisations/{}/support-contact", org.id);
    let bad = serde_json::json!({"name": "Amina", "phone": "bel mij"});
    let (status, body) = c.call(Method::PUT, &contact_path, &amina, Some(bad)).await;
    assert_eq!((status, error_code(&body).as_str()), (400, "invalid_field"));
    let (status, _) =
        c.call(Method::PUT, &contact_path, &west, Some(serde_json::json!({"name": "x", "phone": "0612345678"}))).await;
    assert_eq!(status, 403, "another organisation's coordinator cannot set it");
    let contact = serde_json::json!({"name": "Amina (coördinator)", "phone": "06-12345678", "email": ""});
    let (status, body) = c.call(Method::PUT, &contact_path, &amina, Some(contact)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["contact"]["phone"], "06-12345678");

    // Two devices: one asks for a talk anonymously, the other agrees to be named.
    let mut quiet = TestDevice::new();
    quiet.enrol(&c.url(), &c.enrolment_code(&org)).await;
    let mut named = TestDevice::new();
    named.enrol(&c.url(), &c.enrolment_code(&org)).await;
    let visit = quiet.record_activity("home_visit", 3, 1, 0, "GM0363");
    mark(&mut quiet, visit, Some(Debrief::Anonymous));
    quiet.record_activity("home_visit", 4, 1, 0, "GM0363");
    let meeting = named.record_activity("group_meeting", 5, 9, 2, "GM0363");
    mark(&mut named, meeting, Some(Debrief::ShowLabel));
    let heavy_only = named.record_activity("home_visit", 6, 1, 0, "GM0363");
    mark(&mut named, heavy_only, None);
    for device in [&mut quiet, &mut named] {
        let report = sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
        assert_eq!(report.debriefs_sent, 1);
        assert!(device.store.pending_debriefs().expect("read").is_empty(), "sent requests leave the device");
        let kept = device.store.support_contact().expect("read").expect("the contact arrived with the reply");
        assert_eq!(kept.name, "Amina (coördinator)");
    }

    // The monitoring does not count requests for a talk (it would tell when volunteers asked).
    let measured = c.state().metrics.render(None);
    assert!(measured.contains("/api/v1/counts"), "uploads are measured: {measured}");
    assert!(!measured.contains("/api/v1/debrief-requests"), "{measured}");

    // Counts only: three heavy activities, two talks asked.
    assert_eq!(c.total("heavy_activities", org.id).await, 3);
    assert_eq!(c.total("activities", org.id).await, 4);

    // The dashboard's month view: all activities shown, the few heavy ones and talks under the threshold hidden.
    let (status, body) = c.call(Method::GET, &format!("/api/v1/wellbeing?organisation={}", org.id), &amina, None).await;
    assert_eq!(status, 200, "{body}");
    let view = json(&body);
    let months = view["months"].as_array().expect("months");
    assert_eq!(months.len(), 12);
    let this_month = &months[11];
    assert_eq!(this_month["period"], sleutel_system_tests::today().format("%Y-%m").to_string());
    assert_eq!(this_month["activities"], 4);
    assert!(this_month["heavy_activities"].is_null() && this_month["debriefs_asked"].is_null(), "{this_month}");
    assert_eq!(months[0]["heavy_activities"], 0, "an empty month has nothing to hide");
    let west_view = c.call(Method::GET, &format!("/api/v1/wellbeing?organisation={}", org.id), &west, None).await;
    assert_eq!(west_view.0, 403);

    // The coordinator reads two requests, one of them named.
    let (status, body) = c.call(Method::GET, "/api/v1/debrief-requests", &amina, None).await;
    assert_eq!(status, 200, "{body}");
    let requests = json(&body);
    let requests = requests.as_array().expect("a list");
    let labels: Vec<_> = requests.iter().map(|r| r["label"].as_str()).collect();
    assert_eq!(labels, [None, Some("Telefoon")]);
    assert!(requests.iter().all(|r| r.get("device_id").is_none() && r["organisation_id"] == org.id));
    assert!(
        requests.iter().all(|r| r["received_at"].as_i64().is_some_and(|t| t % 86_400 == 0)),
        "the day only: the time could tie a request to the upload of the same moment"
    );
    let (_, body) = c.call(Method::GET, "/api/v1/debrief-requests", &west, None).await;
    assert_eq!(json(&body).as_array().map(Vec::len), Some(0), "another organisation sees none");
    let (status, _) =
        c.call(Method::GET, &format!("/api/v1/debrief-requests?organisation={}", org.id), &west, None).await;
    assert_eq!(status, 403);

    // Handling: not by another organisation; by the coordinator once, audited; the label is forgotten.
    let first = requests[1]["id"].as_i64().expect("id");
    let handled = format!("/api/v1/debrief-requests/{first}/handled");
    let (status, body) = c.call(Method::POST, &handled, &west, None).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (400, "invalid_field"),
        "as if there were none: no counting others'"
    );
    assert_eq!(c.call(Method::POST, &handled, &amina, None).await.0, 204);
    let (status, body) = c.call(Method::POST, &handled, &amina, None).await;
    assert_eq!((status, error_code(&body).as_str()), (400, "invalid_field"), "handled already");
    let (_, body) = c.call(Method::GET, "/api/v1/debrief-requests", &amina, None).await;
    assert_eq!(json(&body).as_array().map(Vec::len), Some(1));
    let audit = c.storage().audit_log(50).expect("audit");
    assert!(audit.iter().any(|e| e.action == "debrief_request_handled" && e.actor == "amina"));
    assert!(audit.iter().any(|e| e.action == "support_contact_set" && e.detail.get("phone").is_none()));

    // A removed contact is forgotten by devices at their next look (a day later, or after a request).
    let empty = serde_json::json!({"name": "", "phone": "", "email": ""});
    assert_eq!(c.call(Method::PUT, &contact_path, &amina, Some(empty)).await.0, 200);
    let again = quiet.record_activity("home_visit", 7, 1, 0, "GM0363");
    mark(&mut quiet, again, Some(Debrief::Anonymous));
    sleutel_sync::sync_now(&mut quiet.store, &fast_sync()).await.expect("synced");
    assert_eq!(quiet.store.support_contact().expect("read"), None);
}

#[tokio::test]
async fn a_device_without_a_request_gets_the_contact_at_its_first_sync_and_bad_requests_are_refused() {
    let c = TestCoordinator::spawn().await;
    let org = c.organisation("Stichting Noord");
    let contact = serde_json::json!({"name": "Steunpunt", "phone": "", "email": "steun@voorbeeld.nl"});
    let path = format!("/api/v1/organisations/{}/support-contact", org.id);
    assert_eq!(c.call(Method::PUT, &path, &c.admin_token, Some(contact)).await.0, 200);
    let mut device = TestDevice::new();
    device.enrol(&c.url(), &c.enrolment_code(&org)).await;
    device.record_meeting(2, 4, 0, "GM0014");
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    let kept = device.store.support_contact().expect("read").expect("asked after enrolment");
    assert_eq!(kept.email, "steun@voorbeeld.nl");

    // A malformed request id is refused; a retry of the same id is one request.
    let raw = device.raw();
    let path = sleutel_protocol::paths::DEBRIEF_REQUESTS;
    let now = sleutel_coordinator::now();
    let short = serde_json::json!({"protocol": 1, "request_id": "kort", "show_label": false});
    let (status, body) = raw.post_signed(path, short.to_string().as_bytes(), now).await;
    assert_eq!((status, error_code(&body).as_str()), (400, "invalid_field"));
    let request = serde_json::json!({"protocol": 1, "request_id": "d-00112233445566778899", "show_label": false});
    assert_eq!(raw.post_signed(path, request.to_string().as_bytes(), now + 1).await.0, 201);
    let (status, body) = raw.post_signed(path, request.to_string().as_bytes(), now + 2).await;
    assert_eq!(status, 200);
    assert_eq!(json(&body)["new"], false);
    assert_eq!(c.storage().open_debrief_requests(&[org.id]).expect("read").len(), 1);
}
