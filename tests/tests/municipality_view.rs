//! A municipality's own view, attacked: a policy officer's read-only account for Enschede (GM0153) reads every
//! endpoint of the coordinator's OpenAPI document it can. It must never change anything, never see one
//! organisation's own figures, never see another municipality's counts, and every count it does see must be 0 or a
//! multiple of five of at least the threshold (rounded, small counts hidden).

use reqwest::Method;
use sleutel_coordinator::storage::Role;
use sleutel_domain::counts::Metric;
use sleutel_system_tests::{TestCoordinator, TestDevice, error_code, fast_sync, json, today};

const ENSCHEDE: &str = "GM0153";
const AMSTERDAM: &str = "GM0363";

/// Every count a CSV table shows (`x` is hidden), with the grand total last.
fn shown_counts(csv: &str) -> Vec<i64> {
    csv.lines()
        .skip(1)
        .flat_map(|line| line.split(';').skip(1))
        .filter(|cell| *cell != "x")
        .map(|cell| cell.parse::<i64>().unwrap_or_else(|_| panic!("a count or x, not {cell:?}: {csv}")))
        .collect()
}

#[tokio::test]
async fn a_municipality_sees_only_rounded_protected_tables_of_its_own_municipality() {
    let c = TestCoordinator::spawn().await;
    let oost = c.organisation("Stichting Oost");
    let west = c.organisation("Stichting West");
    let mut oost_device = TestDevice::new();
    oost_device.enrol(&c.url(), &c.enrolment_code(&oost)).await;
    let mut west_device = TestDevice::new();
    west_device.enrol(&c.url(), &c.enrolment_code(&west)).await;
    // Enschede: a meeting of 23 (Oost), a meeting of 7 and two home visits (West), one referral to Veilig Thuis.
    oost_device.record_meeting(2, 20, 3, ENSCHEDE);
    west_device.record_meeting(3, 7, 0, ENSCHEDE);
    west_device.record_activity("home_visit", 4, 1, 0, ENSCHEDE);
    west_device.record_activity("home_visit", 5, 1, 0, ENSCHEDE);
    oost_device.record_referral("veilig_thuis");
    // Amsterdam, which Enschede must never see: a meeting of 40.
    west_device.record_meeting(6, 40, 0, AMSTERDAM);
    for device in [&mut oost_device, &mut west_device] {
        sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    }

    // An admin makes the account through the API; a bad municipality is refused.
    let new = |municipality: &str| serde_json::json!({"name": format!("beleid-{municipality}"), "role": "municipality", "municipality": municipality});
    let (status, body) = c.call(Method::POST, "/api/v1/accounts", &c.admin_token, Some(new("GM9999"))).await;
    assert_eq!((status, error_code(&body).as_str()), (400, "invalid_field"));
    let (status, body) = c.call(Method::POST, "/api/v1/accounts", &c.admin_token, Some(new(ENSCHEDE))).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        (json(&body)["account"]["role"].as_str(), json(&body)["account"]["municipality"].as_str()),
        (Some("municipality"), Some(ENSCHEDE))
    );
    let (_, token, _) =
        sleutel_coordinator::admin::create_municipality_account(c.storage(), "test", "beleid-2", ENSCHEDE, 0)
            .expect("made");
    let stored = c.storage().login_record("beleid-2").expect("read").expect("found");
    assert_eq!(stored.account.role, Role::Municipality);

    // Every operation of the API, as the municipality: nothing but its own session, the labels, an empty list of
    // organisations and its tables answers with success.
    let (_, doc) = c.call(Method::GET, "/api/v1/openapi.json", &token, None).await;
    let doc = json(&doc);
    let month = today().format("%Y-%m").to_string();
    let query = format!(
        "organisation={}&metric=participants&from={month}&to={month}&rows=month&columns=gender&period=month&format=csv",
        oost.id
    );
    // Health answers anyone (no data); the rest of the allowed ones are about the account itself.
    let allowed = [
        "/api/v1/session",
        "/api/v1/session/two-factor", // switching its own two-factor sign-in on
        "/api/v1/labels",
        "/api/v1/organisations",
        "/api/v1/openapi.json",
        "/healthz",
        "/readyz",
    ];
    let mut tried = 0;
    for (path, operations) in doc["paths"].as_object().expect("paths") {
        for method in operations.as_object().expect("operations").keys() {
            let concrete = path
                .replace("{id}", &oost.id.to_string())
                .replace("{organisation}", &oost.id.to_string())
                .replace("{first_month}", &month);
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("a method");
            let url = if method == Method::GET { format!("{concrete}?{query}") } else { concrete.clone() };
            let body = (method != Method::GET).then(|| serde_json::json!({"organisation": oost.id, "name": "x", "enabled": true, "threshold": 3, "first_month": month, "last_month": month, "current": "x", "new": "y"}));
            let (status, reply) = c.call(method.clone(), &url, &token, body).await;
            tried += 1;
            let ok = (200..300).contains(&status);
            if ok {
                assert!(
                    (method == Method::GET || path.starts_with("/api/v1/session/")) && allowed.contains(&path.as_str()),
                    "{method} {path} answered {status}: {reply}"
                );
            }
            if path == "/api/v1/organisations" && ok {
                assert_eq!(json(&reply), serde_json::json!([]), "no organisation on its own");
            }
        }
    }
    assert!(tried > 40, "every operation was tried ({tried})");

    // Its tables: one organisation, or another municipality, is refused; its own comes rounded and protected.
    let table = |extra: &str, metric: &str, rows: &str, columns: &str| {
        format!(
            "/api/v1/exports/table?metric={metric}&from=2000-01&to=2999-12&rows={rows}&columns={columns}&format=csv{extra}"
        )
    };
    let (status, _) = c
        .call(
            Method::GET,
            &table(&format!("&organisation={}", oost.id), "participants", "month", "gender"),
            &token,
            None,
        )
        .await;
    assert_eq!(status, 403, "one organisation's own figures");
    let (status, _) = c
        .call(
            Method::GET,
            &table(&format!("&municipality={AMSTERDAM}"), "participants", "month", "gender"),
            &token,
            None,
        )
        .await;
    assert_eq!(status, 403, "another municipality");
    let (status, csv) = c
        .call(
            Method::GET,
            &table(&format!("&municipality={ENSCHEDE}"), "participants", "month", "gender"),
            &token,
            None,
        )
        .await;
    assert_eq!(status, 200, "its own, named: {csv}");
    assert_eq!(shown_counts(&csv).last(), Some(&30), "23 + 7 + 2 = 32, rounded: Amsterdam's 40 is not in it: {csv}");

    // Every metric, by every pair of its dimensions and by month: no shown count below 5, none off the fives.
    let mut tables = 0;
    let (status, _) = c.call(Method::GET, &table("", "heavy_activities", "month", "activity"), &token, None).await;
    assert_eq!(status, 403, "the volunteers' own wellbeing is not the municipality's");
    for metric in Metric::ALL.into_iter().filter(|m| *m != Metric::HeavyActivities) {
        let dims: Vec<&str> = metric.dimensions().iter().map(|d| d.code()).collect();
        let mut pairs: Vec<(String, String)> = dims.iter().map(|d| ("month".to_owned(), (*d).to_owned())).collect();
        for a in &dims {
            for b in &dims {
                if a != b {
                    pairs.push(((*a).to_owned(), (*b).to_owned()));
                }
            }
        }
        for (rows, columns) in pairs {
            let (status, csv) = c.call(Method::GET, &table("", metric.code(), &rows, &columns), &token, None).await;
            assert_eq!(status, 200, "{} by {rows} × {columns}: {csv}", metric.code());
            for count in shown_counts(&csv) {
                assert!(
                    count == 0 || (count >= 5 && count % 5 == 0),
                    "{} by {rows} × {columns} shows {count}: {csv}",
                    metric.code()
                );
            }
            tables += 1;
        }
    }
    assert!(tables > 50, "{tables} tables read");
    // The coordinator of an organisation still sees its own small counts: the rules are the municipality's.
    let coordinator =
        sleutel_coordinator::admin::create_account(c.storage(), "amina", Role::Coordinator, 0).expect("made");
    sleutel_coordinator::admin::grant_organisation(c.storage(), "amina", &west, 0).expect("granted");
    let (_, own) = c
        .call(
            Method::GET,
            &format!(
                "/api/v1/totals?metric=activities&from=2000-01&to=2999-12&organisation={}&municipality={ENSCHEDE}",
                west.id
            ),
            &coordinator,
            None,
        )
        .await;
    assert_eq!(json(&own)["rows"][0]["value"], 3, "its own organisation's three activities in Enschede");
}
