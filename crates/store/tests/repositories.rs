//! Activities and referrals: create, read, update, delete, list, status changes, follow-ups; counts and the
//! outbox change in the same transaction as each record.

mod common;

use common::*;
use proptest::prelude::*;
use sleutel_domain::counts::{CountKey, Metric, Period};
use sleutel_domain::{ActivityType, ReferralStatus, ThemeCode};
use sleutel_store::{ActivityFilter, ReferralFilter, StoreError};

fn key(period: &str, metric: &str, dims: &[(&str, &str)]) -> CountKey {
    CountKey::parse(period, metric, dims.iter().copied()).expect("valid key")
}

#[test]
fn activities_can_be_created_read_updated_listed_and_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = create(dir.path());
    let a = store.create_activity(&meeting("2026-11-02", "eerste")).expect("saved");
    let b = store.create_activity(&home_visit("2026-11-10")).expect("saved");
    let c = store.create_activity(&meeting("2026-10-15", "")).expect("saved");

    assert_eq!(store.activity(a).expect("read").activity.notes.as_str(), "eerste");
    let page = store.list_activities(&ActivityFilter::default()).expect("list");
    assert_eq!(page.total, 3);
    assert_eq!(page.items.iter().map(|s| s.id).collect::<Vec<_>>(), [b, a, c], "newest first");

    let november = ActivityFilter { from: Some(day("2026-11-01")), ..ActivityFilter::default() };
    assert_eq!(store.list_activities(&november).expect("list").total, 2);
    let meetings = ActivityFilter { kind: Some(ActivityType::GroupMeeting), ..ActivityFilter::default() };
    assert_eq!(store.list_activities(&meetings).expect("list").total, 2);
    let theme =
        ActivityFilter { theme: Some(ThemeCode::new("huiselijk_geweld").expect("code")), ..ActivityFilter::default() };
    assert_eq!(store.list_activities(&theme).expect("list").items[0].id, b);
    let second_page = ActivityFilter { limit: 2, offset: 2, ..ActivityFilter::default() };
    let page = store.list_activities(&second_page).expect("list");
    assert_eq!((page.total, page.items.len(), page.items[0].id), (3, 1, c));

    let mut changed = meeting("2026-11-02", "tweede");
    changed.participants = sleutel_domain::ParticipantTally::new(10, 0, 0, None).expect("tally");
    store.update_activity(a, &changed).expect("updated");
    assert_eq!(store.activity(a).expect("read").activity.notes.as_str(), "tweede");

    let deleted = store.delete_activity(b).expect("deleted");
    assert_eq!(deleted.activity, home_visit("2026-11-10"), "returned for undo");
    assert!(matches!(store.activity(b), Err(StoreError::NotFound)));
    assert!(matches!(store.delete_activity(b), Err(StoreError::NotFound)));
    assert!(matches!(store.update_activity(9999, &changed), Err(StoreError::NotFound)));

    assert_eq!(store.all_counts().expect("counts").non_zero(), store.recompute_counts().expect("recompute").non_zero());
}

#[test]
fn edits_and_deletes_lower_counts_and_queue_them_with_rising_versions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = create(dir.path());
    let women = key(
        "2026-11",
        "participants",
        &[("activity", "group_meeting"), ("gender", "women"), ("municipality", "GM0202")],
    );
    let id = store.create_activity(&meeting("2026-11-02", "")).expect("saved");
    let v1 = store.outbox_version().expect("version");
    assert_eq!(store.all_counts().expect("counts").get(&women), 20);

    let mut fewer = meeting("2026-11-02", "");
    fewer.participants = sleutel_domain::ParticipantTally::new(12, 5, 0, None).expect("tally");
    store.update_activity(id, &fewer).expect("updated");
    let v2 = store.outbox_version().expect("version");
    assert!(v2 > v1);
    let pending = store.outbox_pending(100).expect("outbox");
    let item = pending.iter().find(|i| i.key == women).expect("women count queued");
    assert_eq!((item.value, item.version), (12, v2));
    // Keys the edit did not change keep their older version.
    let men =
        key("2026-11", "participants", &[("activity", "group_meeting"), ("gender", "men"), ("municipality", "GM0202")]);
    assert_eq!(pending.iter().find(|i| i.key == men).map(|i| i.version), Some(v1));

    store.delete_activity(id).expect("deleted");
    let item = store.outbox_pending(100).expect("outbox").into_iter().find(|i| i.key == women).expect("queued");
    assert_eq!(item.value, 0, "a deletion is sent as a zero, not forgotten");
    assert!(item.version > v2);
}

/// A new record writes only its own row (SQLCipher encrypts every page a save writes); the first read of counts
/// counts it, under one new version. An edit of a counted record changes its counts at once, checked against
/// going below zero; an edit or delete of a record not counted yet changes only the record.
#[test]
fn a_new_record_is_counted_at_the_next_read_and_edits_keep_counts_exact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = create(dir.path());
    let count_rows = |store: &sleutel_store::Store| -> i64 {
        store.raw_connection().query_row("SELECT count(*) FROM counts", [], |r| r.get(0)).expect("count")
    };
    let first = store.create_activity(&meeting("2026-11-02", "")).expect("saved");
    store.create_activity(&home_visit("2026-11-03")).expect("saved");
    assert_eq!(count_rows(&store), 0, "a save touches no count row");

    let pending = store.outbox_pending(1000).expect("outbox");
    assert_eq!(count_rows(&store), pending.len() as i64);
    assert_eq!(store.all_counts().expect("counts").non_zero(), store.recompute_counts().expect("recompute").non_zero());
    let version = store.outbox_version().expect("version");
    assert!(pending.iter().all(|i| i.version == version), "one read, one version for everything new");

    // Not counted yet: edited twice, then deleted, it leaves no trace in the counts.
    let second = store.create_activity(&meeting("2026-11-04", "")).expect("saved");
    let mut bigger = meeting("2026-11-04", "");
    bigger.participants = sleutel_domain::ParticipantTally::new(40, 0, 0, None).expect("tally");
    store.update_activity(second, &bigger).expect("edited");
    store.update_activity(second, &home_visit("2026-11-07")).expect("edited");
    assert_eq!(store.all_counts().expect("counts").non_zero(), store.recompute_counts().expect("recompute").non_zero());
    // The id of a counted newest record, once deleted, is not given again: it is not above the counted mark.
    let third = store.create_activity(&meeting("2026-11-05", "")).expect("saved");
    store.outbox_len().expect("counted");
    store.delete_activity(third).expect("deleted");
    let fourth = store.create_activity(&home_visit("2026-11-06")).expect("saved");
    assert!(fourth > third);
    store.delete_activity(first).expect("deleted");
    assert_eq!(store.all_counts().expect("counts").non_zero(), store.recompute_counts().expect("recompute").non_zero());
    assert_eq!(store.all_counts().expect("counts").total(Metric::Activities), 3);
}

#[test]
fn acknowledged_items_leave_the_outbox_unless_changed_since_and_rejections_keep_their_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = create(dir.path());
    let id = store.create_activity(&meeting("2026-11-02", "")).expect("saved");
    let sent = store.outbox_pending(1000).expect("outbox");
    let n = sent.len();
    assert!(n > 5);
    // The record changes while the batch is on its way.
    let mut bigger = meeting("2026-11-03", "");
    bigger.participants = sleutel_domain::ParticipantTally::new(30, 5, 0, None).expect("tally");
    store.update_activity(id, &bigger).expect("updated");
    let acks: Vec<(CountKey, i64)> = sent.iter().map(|i| (i.key, i.version)).collect();
    store.outbox_acknowledge(&acks).expect("ack");
    assert!(store.outbox_len().expect("len") > 0, "changed keys stay queued with their new version");
    for item in store.outbox_pending(1000).expect("outbox") {
        assert!(item.version > sent[0].version);
    }
    let pending = store.outbox_pending(1000).expect("outbox");
    let first = &pending[0];
    store.outbox_reject(&[(first.key, first.version, "value_out_of_range".into())]).expect("reject");
    assert_eq!(store.outbox_len().expect("len") as usize, pending.len() - 1);
    let rejected = store.outbox_rejected(10).expect("rejected");
    assert_eq!(rejected[0].rejected_code.as_deref(), Some("value_out_of_range"));
}

#[test]
fn referrals_move_through_their_lifecycle_and_show_up_when_follow_up_is_due() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = create(dir.path());
    let activity = store.create_activity(&home_visit("2026-11-01")).expect("saved");
    let r = referral(&store, "2026-11-02", "veilig_thuis", "");
    let saved = store.create_referral(&r, Some(activity)).expect("saved");
    assert_eq!(saved.activity_id, Some(activity));
    let other = referral(&store, "2026-11-05", "wijkteam", "");
    let other = store.create_referral(&other, None).expect("saved");
    assert_ne!(saved.referral.code, other.referral.code);
    assert!(matches!(
        store.create_referral(&referral(&store, "2026-11-05", "ggd", ""), Some(424242)),
        Err(StoreError::NotFound)
    ));

    let due = store.follow_ups_due(day("2026-11-30")).expect("due");
    assert_eq!(due.len(), 2);
    assert!(store.follow_ups_due(day("2026-11-29")).expect("due").is_empty());

    let made =
        key("2026-11", "referrals", &[("destination", "veilig_thuis"), ("municipality", "GM0202"), ("status", "made")]);
    let started = key(
        "2026-11",
        "referrals",
        &[("destination", "veilig_thuis"), ("municipality", "GM0202"), ("status", "help_started")],
    );
    store.change_referral_status(saved.id, ReferralStatus::HelpStarted, day("2026-11-20"), today()).expect("moved");
    let counts = store.all_counts().expect("counts");
    assert_eq!((counts.get(&made), counts.get(&started)), (0, 1));

    let err = store
        .change_referral_status(saved.id, ReferralStatus::Proposed, day("2026-11-21"), today())
        .expect_err("backwards");
    assert_eq!(err.code(), "status_transition_not_allowed");
    store.change_referral_status(saved.id, ReferralStatus::Closed, day("2026-11-22"), today()).expect("closed");
    assert_eq!(store.follow_ups_due(day("2026-12-31")).expect("due").len(), 1, "closed ones need no follow-up");

    let open = ReferralFilter { open_only: true, ..ReferralFilter::default() };
    assert_eq!(store.list_referrals(&open).expect("list").items[0].id, other.id);
    let closed = ReferralFilter { status: Some(ReferralStatus::Closed), ..ReferralFilter::default() };
    assert_eq!(store.list_referrals(&closed).expect("list").total, 1);

    store.set_referral_follow_up(other.id, "2026-12-07").expect("set");
    assert!(store.follow_ups_due(day("2026-11-30")).expect("due").is_empty());
    assert_eq!(
        store.set_referral_follow_up(other.id, "2026-10-01").map_err(|e| e.code()).err(),
        Some("follow_up_before_referral")
    );

    store.delete_activity(activity).expect("deleted");
    assert_eq!(store.referral(saved.id).expect("kept").activity_id, None, "the link is cleared, the referral kept");
    store.delete_referral(other.id).expect("deleted");
    let counts = store.all_counts().expect("counts");
    assert_eq!(counts.total(Metric::MeldingenVeiligThuis), 1);
    assert_eq!(counts.non_zero(), store.recompute_counts().expect("recompute").non_zero());
    assert_eq!(
        store
            .counts_between(Period::parse("2026-11").expect("p"), Period::parse("2026-11").expect("p"))
            .expect("counts")
            .len(),
        store.all_counts().expect("counts").len()
    );
}

#[derive(Debug, Clone)]
enum Op {
    AddMeeting(u32, i64),
    AddVisit(u32),
    AddReferral(u32, bool),
    EditActivity(usize, i64),
    DeleteActivity(usize),
    Advance(usize),
    DeleteReferral(usize),
    /// Reads the counts mid-sequence, which folds the pending changes of new records into them.
    Look,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (1u32..28, 0i64..50).prop_map(|(d, w)| Op::AddMeeting(d, w)),
        (1u32..28).prop_map(Op::AddVisit),
        (1u32..28, any::<bool>()).prop_map(|(d, vt)| Op::AddReferral(d, vt)),
        (any::<usize>(), 0i64..50).prop_map(|(i, w)| Op::EditActivity(i, w)),
        any::<usize>().prop_map(Op::DeleteActivity),
        any::<usize>().prop_map(Op::Advance),
        any::<usize>().prop_map(Op::DeleteReferral),
        Just(Op::Look),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever sequence of saves happens, the stored counts equal a recomputation from the stored records.
    #[test]
    fn stored_counts_always_equal_a_recomputation(ops in proptest::collection::vec(op(), 1..30)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = create(dir.path());
        let (mut activities, mut referrals) = (Vec::new(), Vec::new());
        for op in ops {
            match op {
                Op::AddMeeting(d, w) => {
                    let mut m = meeting(&format!("2026-10-{d:02}"), "");
                    m.participants = sleutel_domain::ParticipantTally::new(w, 1, 0, None).expect("tally");
                    activities.push(store.create_activity(&m).expect("saved"));
                }
                Op::AddVisit(d) => activities.push(store.create_activity(&home_visit(&format!("2026-09-{d:02}"))).expect("saved")),
                Op::AddReferral(d, vt) => {
                    let r = referral(&store, &format!("2026-10-{d:02}"), if vt { "veilig_thuis" } else { "huisarts" }, "");
                    referrals.push(store.create_referral(&r, None).expect("saved").id);
                }
                Op::EditActivity(i, w) if !activities.is_empty() => {
                    let id = activities[i % activities.len()];
                    let mut a = store.activity(id).expect("exists").activity;
                    a.participants = sleutel_domain::ParticipantTally::new(w, 2, 1, None).expect("tally");
                    store.update_activity(id, &a).expect("updated");
                }
                Op::DeleteActivity(i) if !activities.is_empty() => {
                    let id = activities.remove(i % activities.len());
                    store.delete_activity(id).expect("deleted");
                }
                Op::Advance(i) if !referrals.is_empty() => {
                    let id = referrals[i % referrals.len()];
                    let status = store.referral(id).expect("exists").referral.status();
                    let next = [ReferralStatus::ContactConfirmed, ReferralStatus::HelpStarted, ReferralStatus::Closed]
                        .into_iter().find(|s| status.can_become(*s));
                    if let Some(next) = next {
                        store.change_referral_status(id, next, day("2026-11-01"), today()).expect("moved");
                    }
                }
                Op::DeleteReferral(i) if !referrals.is_empty() => {
                    let id = referrals.remove(i % referrals.len());
                    store.delete_referral(id).expect("deleted");
                }
                Op::Look => {
                    prop_assert_eq!(store.all_counts().expect("counts").total(Metric::Activities), activities.len() as i64);
                }
                _ => {}
            }
        }
        prop_assert_eq!(store.all_counts().expect("counts").non_zero(), store.recompute_counts().expect("recompute").non_zero());
        prop_assert_eq!(store.all_counts().expect("counts").total(Metric::Activities), activities.len() as i64);
        prop_assert_eq!(store.all_counts().expect("counts").total(Metric::Referrals), referrals.len() as i64);
    }
}

#[test]
fn preferences_round_trip_and_refuse_odd_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = create(dir.path());
    assert_eq!(store.preference("last_municipality").expect("read"), None);
    store.set_preference("last_municipality", "GM0202").expect("set");
    assert_eq!(store.preference("last_municipality").expect("read").as_deref(), Some("GM0202"));
    assert!(store.set_preference("Bad-Name", "x").is_err());
    assert!(store.set_preference("outbox_version", &"x".repeat(501)).is_err());
    assert!(store.preference("../outbox_version").is_err());
    assert_eq!(store.outbox_version().expect("version"), 0, "preferences cannot touch internal settings");
}
