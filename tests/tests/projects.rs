//! Projects against a real coordinator, from activities recorded on real devices: Den Haag's performance card for
//! "Van huis uit" (trainen, informeren, bemiddelen, verwijzen, signaleren, spreekuur, werven) and Enschede's target
//! of 400 women reached, realised against their targets month by month; who may see and change them.

use sleutel_domain::counts::Metric;
use sleutel_system_tests::{TestCoordinator, TestDevice, error_code, fast_sync, json, today};

/// The year the test runs in, as a project period.
fn this_year() -> (String, String) {
    let year = today().format("%Y").to_string();
    (format!("{year}-01"), format!("{year}-12"))
}

fn indicator(name: &str, metric: &str, filters: serde_json::Value, target: i64) -> serde_json::Value {
    serde_json::json!({"name": name, "metric": metric, "filters": filters, "target": target})
}

/// `(name, target, realised, percent)` of each indicator, and the cumulative series of the current month.
fn summary(progress: &serde_json::Value) -> Vec<(String, i64, i64, Option<i64>)> {
    progress["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| {
            (
                i["name"].as_str().expect("name").to_owned(),
                i["target"].as_i64().expect("target"),
                i["realised"].as_i64().expect("realised"),
                i["percent"].as_i64(),
            )
        })
        .collect()
}

#[tokio::test]
async fn den_haags_performance_card_and_enschedes_target_are_realised_from_recorded_work() {
    let c = TestCoordinator::spawn().await;
    let mooi = c.organisation("Stichting MOOI");
    let variya = c.organisation("Variya");
    let (first, last) = this_year();

    // Two mediators in Den Haag (GM0518) record a month of work; the organisation's totals are what they sent.
    let mut recorded = [0i64; 7];
    for (n, day) in [(0, 3), (1, 9)] {
        let mut device = TestDevice::new();
        device.enrol(&c.url(), &c.enrolment_code(&mooi)).await;
        for _ in 0..3 {
            device.record_activity("training", day, 8, 0, "GM0518");
            recorded[0] += 1;
        }
        for _ in 0..5 {
            device.record_activity("group_meeting", day, 20 + n, 10, "GM0518");
            recorded[1] += 30 + n;
        }
        for _ in 0..2 {
            device.record_activity("mediation", day, 1, 1, "GM0518");
            recorded[2] += 1;
        }
        for _ in 0..3 {
            device.record_referral("veilig_thuis");
            recorded[3] += 1;
        }
        device.record_referral("wijkteam");
        recorded[3] += 1;
        for _ in 0..4 {
            device.record_activity("drop_in_hour", day, 2, 0, "GM0518");
            recorded[5] += 1;
        }
        recorded[4] += device.counts().total(Metric::MeldingenVeiligThuis);
        recorded[6] += 1;
        sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    }
    assert!(recorded[4] > 0, "referrals to Veilig Thuis count as meldingen");

    // The card: each theme an indicator with a yearly target.
    let card = serde_json::json!({
        "organisation": mooi.id,
        "name": "Van huis uit",
        "funder": "Gemeente Den Haag",
        "first_month": first,
        "last_month": last,
        "indicators": [
            indicator("Trainen", "activities", serde_json::json!({"activity": "training"}), 12),
            indicator("Informeren", "participants", serde_json::json!({"activity": "group_meeting"}), 400),
            indicator("Bemiddelen", "activities", serde_json::json!({"activity": "mediation"}), 20),
            indicator("Verwijzen", "referrals", serde_json::json!({}), 16),
            indicator("Signaleren", "meldingen_veilig_thuis", serde_json::json!({"municipality": "GM0202"}), 10),
            indicator("Spreekuur", "activities", serde_json::json!({"activity": "drop_in_hour"}), 40),
            indicator("Werven", "active_volunteers", serde_json::json!({}), 4),
        ],
    });
    let (status, body) = c.call(reqwest::Method::POST, "/api/v1/projects", &c.admin_token, Some(card.clone())).await;
    assert_eq!(status, 200, "{body}");
    let id = json(&body)["id"].as_i64().expect("id");
    let (status, body) =
        c.call(reqwest::Method::GET, &format!("/api/v1/projects/{id}/progress"), &c.admin_token, None).await;
    assert_eq!(status, 200, "{body}");
    let progress = json(&body);
    let percent = |realised: i64, target: i64| Some(realised * 100 / target);
    assert_eq!(
        summary(&progress),
        [
            ("Trainen".into(), 12, recorded[0], percent(recorded[0], 12)),
            ("Informeren".into(), 400, recorded[1], percent(recorded[1], 400)),
            ("Bemiddelen".into(), 20, recorded[2], percent(recorded[2], 20)),
            ("Verwijzen".into(), 16, recorded[3], percent(recorded[3], 16)),
            // The referrals were recorded in GM0202 (Arnhem): the card's municipality filter counts them.
            ("Signaleren".into(), 10, recorded[4], percent(recorded[4], 10)),
            ("Spreekuur".into(), 40, recorded[5], percent(recorded[5], 40)),
            ("Werven".into(), 4, recorded[6], percent(recorded[6], 4)),
        ]
    );
    // Month by month: nothing before this month, everything from it on.
    let months = progress["months"].as_array().expect("months");
    assert_eq!(months.len(), 12);
    let now = today().format("%Y-%m").to_string();
    let position = months.iter().position(|m| m == &serde_json::json!(now)).expect("this month");
    let informeren = progress["indicators"][1]["cumulative"].as_array().expect("series");
    for (i, value) in informeren.iter().enumerate() {
        assert_eq!(value.as_i64(), Some(if i < position { 0 } else { recorded[1] }), "month {i}");
    }

    // The card as a file for the funder: small counts hidden (four mediations and two volunteers are fewer than the
    // threshold of 5).
    let (status, csv) =
        c.call(reqwest::Method::GET, &format!("/api/v1/projects/{id}/export?format=csv"), &c.admin_token, None).await;
    assert_eq!(status, 200, "{csv}");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], "Van huis uit – Gemeente Den Haag (".to_owned() + &first + " – " + &last + ")");
    assert_eq!(lines[1], "Indicator;Doel;Gerealiseerd;% van het doel");
    assert_eq!(lines[3], format!("Informeren;400;{};{}", recorded[1], recorded[1] * 100 / 400));
    assert_eq!((lines[4], lines[8]), ("Bemiddelen;20;x;x", "Werven;4;x;x"), "{csv}");
    assert_eq!(lines[2], format!("Trainen;12;{};{}", recorded[0], recorded[0] * 100 / 12));
    let exported =
        c.storage().audit_log(5).expect("audit").into_iter().find(|e| e.action == "export").expect("audited");
    assert_eq!((exported.detail["project"].as_i64(), exported.detail["hidden_cells"].as_u64()), (Some(id), Some(2)));
    let (status, _) =
        c.call(reqwest::Method::GET, &format!("/api/v1/projects/{id}/export?format=pdf"), &c.admin_token, None).await;
    assert_eq!(status, 400);

    // Enschede: "400 women reached" by the Fempowerment trainings, counted only in Enschede (GM0153).
    let mut device = TestDevice::new();
    device.enrol(&c.url(), &c.enrolment_code(&variya)).await;
    for women in [31, 40, 38, 45, 50, 47, 48] {
        device.record_meeting(2, women, 0, "GM0153");
    }
    device.record_meeting(2, 25, 5, "GM0141");
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    let target = serde_json::json!({
        "organisation": variya.id, "name": "Fempowerment", "funder": "Gemeente Enschede",
        "first_month": first, "last_month": last,
        "indicators": [indicator("Vrouwen bereikt", "participants", serde_json::json!({"gender": "women", "municipality": "GM0153"}), 400)],
    });
    let (status, body) = c.call(reqwest::Method::POST, "/api/v1/projects", &c.admin_token, Some(target)).await;
    assert_eq!(status, 200, "{body}");
    let id = json(&body)["id"].as_i64().expect("id");
    let (_, body) =
        c.call(reqwest::Method::GET, &format!("/api/v1/projects/{id}/progress"), &c.admin_token, None).await;
    assert_eq!(summary(&json(&body)), [("Vrouwen bereikt".into(), 400, 299, Some(74))], "299 of 400, as in 2010");
}

#[tokio::test]
async fn projects_are_checked_kept_to_their_organisation_and_audited() {
    let c = TestCoordinator::spawn().await;
    let own = c.organisation("Eigen");
    let other = c.organisation("Ander");
    let now = sleutel_coordinator::now();
    let storage = c.storage();
    // The account's API token (shown once at creation) stands in for a session: no CSRF token needed.
    let token = sleutel_coordinator::admin::create_account(
        storage,
        "amina",
        sleutel_coordinator::storage::Role::Coordinator,
        now,
    )
    .expect("account");
    sleutel_coordinator::admin::grant_organisation(storage, "amina", &own, now).expect("granted");
    let (first, last) = this_year();
    let project = |organisation: i64| serde_json::json!({"organisation": organisation, "name": "Jaardoelen", "first_month": first, "last_month": last});

    // Without indicators: the six standard ones, without targets.
    let (status, body) = c.call(reqwest::Method::POST, "/api/v1/projects", &token, Some(project(own.id))).await;
    assert_eq!(status, 200, "{body}");
    let created = json(&body);
    let names: Vec<&str> =
        created["indicators"].as_array().expect("list").iter().map(|i| i["name"].as_str().expect("name")).collect();
    assert_eq!(
        names,
        [
            "Bereik (deelnemers)",
            "Groepsbijeenkomsten",
            "Huisbezoeken",
            "Doorverwijzingen",
            "Meldingen bij Veilig Thuis",
            "Actieve vrijwilligers"
        ]
    );
    let id = created["id"].as_i64().expect("id");

    // The same name again in the organisation; another organisation's project; nonsense.
    let (status, body) = c.call(reqwest::Method::POST, "/api/v1/projects", &token, Some(project(own.id))).await;
    assert_eq!((status, error_code(&body).as_str()), (409, "already_exists"));
    let (status, _) = c.call(reqwest::Method::POST, "/api/v1/projects", &token, Some(project(other.id))).await;
    assert_eq!(status, 403);
    for bad in [
        serde_json::json!({"organisation": own.id, "name": "", "first_month": first, "last_month": last}),
        serde_json::json!({"organisation": own.id, "name": "X", "first_month": last, "last_month": first}),
        serde_json::json!({"organisation": own.id, "name": "X", "first_month": first, "last_month": last,
            "indicators": [indicator("Y", "participants", serde_json::json!({"theme": "opvoeding"}), 1)]}),
    ] {
        let (status, body) = c.call(reqwest::Method::POST, "/api/v1/projects", &token, Some(bad)).await;
        assert_eq!((status, error_code(&body).as_str()), (400, "invalid_field"), "{body}");
    }

    // Another organisation's coordinator sees and changes nothing of it.
    let admin_project =
        c.call(reqwest::Method::POST, "/api/v1/projects", &c.admin_token, Some(project(other.id))).await;
    let foreign = json(&admin_project.1)["id"].as_i64().expect("id");
    let (_, body) = c.call(reqwest::Method::GET, "/api/v1/projects", &token, None).await;
    assert_eq!(json(&body).as_array().expect("list").len(), 1, "only its own: {body}");
    for (method, path) in [
        (reqwest::Method::GET, format!("/api/v1/projects/{foreign}/progress")),
        (reqwest::Method::DELETE, format!("/api/v1/projects/{foreign}")),
        (reqwest::Method::GET, "/api/v1/projects/987654/progress".to_owned()),
    ] {
        assert_eq!(c.call(method, &path, &token, None).await.0, 403, "{path}");
    }
    let renamed =
        serde_json::json!({"organisation": own.id, "name": "Van huis uit", "first_month": first, "last_month": last});
    let (status, _) =
        c.call(reqwest::Method::PUT, &format!("/api/v1/projects/{foreign}"), &token, Some(renamed.clone())).await;
    assert_eq!(status, 403);

    let (status, body) = c.call(reqwest::Method::PUT, &format!("/api/v1/projects/{id}"), &token, Some(renamed)).await;
    assert_eq!((status, json(&body)["name"].as_str()), (200, Some("Van huis uit")));
    assert_eq!(c.call(reqwest::Method::DELETE, &format!("/api/v1/projects/{id}"), &token, None).await.0, 204);
    assert_eq!(c.call(reqwest::Method::GET, &format!("/api/v1/projects/{id}/progress"), &token, None).await.0, 403);
    let actions: Vec<(String, String)> =
        storage.audit_log(20).expect("audit").into_iter().map(|e| (e.actor, e.action)).collect();
    for action in ["project_created", "project_changed", "project_deleted"] {
        assert!(actions.contains(&("amina".into(), action.into())), "{action} in {actions:?}");
    }
}
