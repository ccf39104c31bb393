//! Reach without registering people, against a real coordinator: an admin switches counting by age band and
//! community group on for one organisation; its devices learn it at their daily look and count them; the export
//! of participants by age band hides small counts like every table. Referrals say first or repeat, and what was
//! seen.

use reqwest::Method;
use sleutel_domain::{Activity, AgeTally, CodeSet};
use sleutel_system_tests::{TestCoordinator, TestDevice, error_code, fast_sync, json};

#[tokio::test]
async fn an_organisation_that_counts_ages_and_groups_gets_them_under_its_threshold() {
    let c = TestCoordinator::spawn().await;
    let org = c.organisation("Stichting Oost");
    let path = format!("/api/v1/organisations/{}/reach-details", org.id);

    // Only an admin decides what is collected about the people reached.
    let coordinator = sleutel_coordinator::admin::create_account(
        c.storage(),
        "amina",
        sleutel_coordinator::storage::Role::Coordinator,
        sleutel_coordinator::now(),
    )
    .expect("account");
    sleutel_coordinator::admin::grant_organisation(c.storage(), "amina", &org, sleutel_coordinator::now())
        .expect("granted");
    let on = serde_json::json!({"enabled": true});
    let (status, body) = c.call(Method::PUT, &path, &coordinator, Some(on.clone())).await;
    assert_eq!((status, error_code(&body).as_str()), (403, "forbidden"));
    let mut device = TestDevice::new();
    device.enrol(&c.url(), &c.enrolment_code(&org)).await;
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    assert!(!device.store.reach_details().expect("read"), "off until switched on");

    let (status, body) = c.call(Method::PUT, &path, &c.admin_token, Some(on)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["reach_details"], true);
    assert!(c.storage().audit_log(10).expect("audit").iter().any(|e| e.action == "reach_details_set"));
    // The device learns it at its next daily look (made due here by forgetting when it last looked).
    device.store.organisation_checked("2000-01-01T00:00:00Z").expect("made due");
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    assert!(device.store.reach_details().expect("read"), "switched on at the coordinator");

    // Two meetings counted by age (12 and 2 in 18–29) with the groups present.
    for (women, young, groups) in [(14, 12, vec!["somalisch", "eritrees"]), (3, 2, vec!["somalisch"])] {
        let id = device.record_meeting(2, women, 0, "GM0153");
        let mut meeting: Activity = device.store.activity(id).expect("stored").activity;
        meeting.ages =
            AgeTally::new(&[("18_29".to_owned(), young)].into(), meeting.participants.total()).expect("ages");
        meeting.community_groups = CodeSet::new(&groups).expect("groups");
        device.store.update_activity(id, &meeting).expect("updated");
    }
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    assert_eq!(c.total("participants_by_age", org.id).await, 14);
    assert_eq!(c.total("activities_by_community", org.id).await, 3);

    // An export by community group: Somali (2 activities) is under the threshold of 5 and hidden.
    let month = sleutel_system_tests::today().format("%Y-%m");
    let export = format!(
        "/api/v1/exports/table?metric=activities_by_community&from={month}&to={month}&rows=community_group&columns=municipality&organisation={}&format=csv",
        org.id
    );
    let (status, csv) = c.call(Method::GET, &export, &coordinator, None).await;
    assert_eq!(status, 200, "{csv}");
    let somali = csv.lines().find(|l| l.starts_with("Somalisch")).expect("a row for Somali");
    assert!(somali.contains('x') && !somali.contains(";2"), "{somali}");
}

#[tokio::test]
async fn referrals_count_first_or_repeat_and_the_signs_seen() {
    let c = TestCoordinator::spawn().await;
    let org = c.organisation("Stichting Noord");
    let mut device = TestDevice::new();
    device.enrol(&c.url(), &c.enrolment_code(&org)).await;
    for (occurrence, signals) in [("first", vec!["kinderen", "angst"]), ("repeat", vec!["kinderen"]), ("", vec![])] {
        let id = device.record_referral("wijkteam");
        let stored = device.store.referral(id).expect("stored");
        let mut input = stored.referral.to_input();
        input.occurrence = occurrence.into();
        input.signals = signals.into_iter().map(String::from).collect();
        let edited = stored.referral.apply_edit(&input, sleutel_system_tests::today()).expect("valid");
        device.store.update_referral(id, &edited).expect("updated");
    }
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    assert_eq!(c.total("referrals_by_occurrence", org.id).await, 2, "one did not say");
    assert_eq!(c.total("referrals_by_signal", org.id).await, 3);
    let by_occurrence = c
        .totals(&format!(
            "metric=referrals_by_occurrence&from=2000-01&to=2999-12&organisation={}&dimension=occurrence",
            org.id
        ))
        .await;
    let mut groups: Vec<_> = by_occurrence.iter().map(|r| (r.group.clone().unwrap_or_default(), r.value)).collect();
    groups.sort();
    assert_eq!(groups, [("first".to_owned(), 1), ("repeat".to_owned(), 1)]);
}
