//! Closed periods against a real coordinator: last month is reported and closed; a device changes it afterwards;
//! the totals, the export and the overview of that month stay what was reported, the change shows as a correction
//! after closing, and only an admin reopens it.

use chrono::Datelike;
use sleutel_system_tests::{TestCoordinator, TestDevice, error_code, fast_sync, json, today};

#[tokio::test]
async fn a_closed_month_keeps_its_figures_and_shows_later_changes_as_corrections() {
    let c = TestCoordinator::spawn().await;
    let org = c.organisation("Stichting Oost");
    let now = sleutel_coordinator::now();
    let coordinator = sleutel_coordinator::admin::create_account(
        c.storage(),
        "amina",
        sleutel_coordinator::storage::Role::Coordinator,
        now,
    )
    .expect("account");
    sleutel_coordinator::admin::grant_organisation(c.storage(), "amina", &org, now).expect("granted");

    // Last month: two meetings (12 and 5 people).
    let last_day_of_last_month = today().with_day(1).expect("first").pred_opt().expect("a day before");
    let last_month = last_day_of_last_month.format("%Y-%m").to_string();
    let mut device = TestDevice::new();
    device.enrol(&c.url(), &c.enrolment_code(&org)).await;
    device.record_activity_on(last_day_of_last_month, "group_meeting", 8, 4, "GM0363");
    device.record_activity_on(last_day_of_last_month, "group_meeting", 5, 0, "GM0363");
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    let participants =
        format!("/api/v1/totals?metric=participants&from={last_month}&to={last_month}&organisation={}", org.id);
    let total = |body: &str| -> i64 {
        json(body)["rows"].as_array().expect("rows").iter().map(|r| r["value"].as_i64().expect("value")).sum()
    };
    let (_, body) = c.call(reqwest::Method::GET, &participants, &coordinator, None).await;
    assert_eq!(total(&body), 17);

    // This month has not ended: it cannot be closed; a quarter must be a calendar quarter.
    let this_month = today().format("%Y-%m").to_string();
    for (first, last) in [(this_month.as_str(), this_month.as_str()), ("2026-02", "2026-04")] {
        let request = serde_json::json!({"organisation": org.id, "first_month": first, "last_month": last});
        let (status, body) = c.call(reqwest::Method::POST, "/api/v1/closed-periods", &coordinator, Some(request)).await;
        assert_eq!((status, error_code(&body).as_str()), (400, "invalid_field"), "{first}–{last}");
    }
    let close = serde_json::json!({"organisation": org.id, "first_month": last_month, "last_month": last_month});
    let (status, body) =
        c.call(reqwest::Method::POST, "/api/v1/closed-periods", &coordinator, Some(close.clone())).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["closed_by"], "amina");
    let (status, body) = c.call(reqwest::Method::POST, "/api/v1/closed-periods", &coordinator, Some(close)).await;
    assert_eq!((status, error_code(&body).as_str()), (409, "already_exists"));

    // After closing, the volunteer records a third meeting in that month (3 people) and syncs.
    device.record_activity_on(last_day_of_last_month, "group_meeting", 2, 1, "GM0363");
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    let (_, body) = c.call(reqwest::Method::GET, &participants, &coordinator, None).await;
    assert_eq!(total(&body), 17, "the reported figure stays");
    let export = format!(
        "/api/v1/exports/table?metric=participants&from={last_month}&to={last_month}&rows=month&columns=gender&organisation={}&rounding=",
        org.id
    );
    let (status, csv) = c.call(reqwest::Method::GET, &export.replace("&rounding=", ""), &coordinator, None).await;
    assert_eq!(status, 200, "{csv}");
    assert!(csv.lines().last().is_some_and(|l| l.ends_with(";17")), "the export says what was reported: {csv}");
    let overview = format!("/api/v1/overview?period=month&at={last_month}&organisation={}", org.id);
    let (_, body) = c.call(reqwest::Method::GET, &overview, &coordinator, None).await;
    assert_eq!(json(&body)["participants"]["current"], 17, "so does the overview: {body}");
    assert_eq!(json(&body)["activities"]["current"], 2);
    let (_, body) = c
        .call(reqwest::Method::GET, &format!("/api/v1/closed-periods?organisation={}", org.id), &coordinator, None)
        .await;
    let corrections = &json(&body)[0]["corrections"];
    let of = |metric: &str| corrections.as_array().expect("list").iter().find(|c| c["metric"] == metric).cloned();
    // Two more women and a man: two totals (by gender) changed, three people in all.
    assert_eq!(
        of("participants").map(|c| (c["changed"].as_i64(), c["net"].as_i64())),
        Some((Some(2), Some(3))),
        "{body}"
    );
    assert_eq!(
        of("activities").map(|c| (c["changed"].as_i64(), c["net"].as_i64())),
        Some((Some(1), Some(1))),
        "{body}"
    );

    // Reopening is for admins; then the figure follows the devices again.
    let reopen = format!("/api/v1/closed-periods/{}/{last_month}", org.id);
    assert_eq!(c.call(reqwest::Method::DELETE, &reopen, &coordinator, None).await.0, 403);
    assert_eq!(c.call(reqwest::Method::DELETE, &reopen, &c.admin_token, None).await.0, 204);
    let (_, body) = c.call(reqwest::Method::GET, &participants, &coordinator, None).await;
    assert_eq!(total(&body), 20);
    assert_eq!(c.call(reqwest::Method::DELETE, &reopen, &c.admin_token, None).await.0, 403, "nothing left to reopen");
    let actions: Vec<(String, String)> =
        c.storage().audit_log(30).expect("audit").into_iter().map(|e| (e.actor, e.action)).collect();
    assert!(actions.contains(&("amina".into(), "period_closed".into())), "{actions:?}");
    assert!(actions.contains(&("admin".into(), "period_reopened".into())), "{actions:?}");
}
