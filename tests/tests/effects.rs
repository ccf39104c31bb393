//! Effects, not only activity, against a real coordinator: meetings record a show of hands before and after; the
//! counts add up per statement; the effects view sets them against the participants and the meetings behind them,
//! under the organisation's threshold.

use reqwest::Method;
use sleutel_domain::{Activity, ShowOfHands, ShowOfHandsInput};
use sleutel_system_tests::{TestCoordinator, TestDevice, fast_sync, json, today};

fn ask(device: &mut TestDevice, id: i64, asked: &[(&str, i64, i64)]) {
    let mut meeting: Activity = device.store.activity(id).expect("stored").activity;
    let inputs: Vec<ShowOfHandsInput> = asked
        .iter()
        .map(|(statement, before, after)| ShowOfHandsInput {
            statement: (*statement).into(),
            before: *before,
            after: *after,
        })
        .collect();
    meeting.hands = ShowOfHands::list(&inputs, meeting.participants.total()).expect("valid hands");
    device.store.update_activity(id, &meeting).expect("updated");
}

#[tokio::test]
async fn shows_of_hands_give_the_shift_with_the_meetings_behind_it_and_hide_small_counts() {
    let c = TestCoordinator::spawn().await;
    let org = c.organisation("Stichting Oost");
    let mut device = TestDevice::new();
    device.enrol(&c.url(), &c.enrolment_code(&org)).await;
    // Six meetings of ten: "knows where to find help" goes from 2 to 6 hands at each; one of them also asked "would
    // talk to someone", 1 hand before and 4 after.
    for day in 1..=6 {
        let id = device.record_meeting(day, 10, 0, "GM0153");
        let mut asked = vec![("knows_help", 2, 6)];
        if day == 1 {
            asked.push(("would_talk", 1, 4));
        }
        ask(&mut device, id, &asked);
    }
    device.record_meeting(7, 8, 0, "GM0153");
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    assert_eq!(c.total("meetings_with_hands", org.id).await, 7, "six times one statement, once the other");
    assert_eq!(c.total("hands_after", org.id).await, 6 * 6 + 4);

    let month = today().format("%Y-%m");
    let path = format!("/api/v1/effects?organisation={}&from={month}&to={month}", org.id);
    let (status, body) = c.call(Method::GET, &path, &c.admin_token, None).await;
    assert_eq!(status, 200, "{body}");
    let view = json(&body);
    let knows = &view["statements"][0];
    assert_eq!(knows["statement"], "knows_help");
    assert_eq!((knows["meetings"].as_i64(), knows["participants"].as_i64()), (Some(6), Some(60)));
    assert_eq!((knows["before_percent"].as_i64(), knows["after_percent"].as_i64()), (Some(20), Some(60)));
    let talk = &view["statements"][1];
    assert_eq!(talk["statement"], "would_talk");
    for field in ["meetings", "participants", "before", "after"] {
        assert!(talk[field].is_null(), "asked at one meeting: hidden whole, {field} too: {talk}");
    }
    assert!(talk["before_percent"].is_null(), "a share of a hidden count is hidden too: {talk}");
    assert_eq!(view["statements"].as_array().map(Vec::len), Some(2), "a statement nobody asked about is not listed");

    let (status, _) = c.call(Method::GET, &path.replace(&month.to_string(), "2026-13"), &c.admin_token, None).await;
    assert_eq!(status, 400);
}
