//! Support for the volunteer in the store: a request for a talk follows its activity until it is sent; the support
//! contact is kept encrypted like everything else.

mod common;

use common::*;
use sleutel_domain::counts::Metric;
use sleutel_domain::{Debrief, SupportContact};

fn visit_asking(wish: Option<Debrief>) -> sleutel_domain::Activity {
    let mut visit = home_visit("2026-11-20");
    visit.heavy = true;
    visit.debrief = wish;
    visit
}

#[test]
fn a_talk_asked_is_queued_once_follows_its_activity_and_leaves_when_sent() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, _) = create(dir.path());
    let quiet = store.create_activity(&visit_asking(None)).expect("saved");
    assert!(store.pending_debriefs().expect("read").is_empty(), "no talk asked, nothing queued");

    let asked = store.create_activity(&visit_asking(Some(Debrief::Anonymous))).expect("saved");
    let pending = store.pending_debriefs().expect("read");
    assert_eq!(pending.len(), 1);
    assert!(!pending[0].show_label);
    let request_id = pending[0].request_id.clone();
    assert!(sleutel_protocol_like_id(&request_id), "{request_id}");

    // Agreeing to show the label later changes the same request, not a second one.
    store.update_activity(asked, &visit_asking(Some(Debrief::ShowLabel))).expect("updated");
    let pending = store.pending_debriefs().expect("read");
    assert_eq!((pending.len(), pending[0].request_id.as_str(), pending[0].show_label), (1, request_id.as_str(), true));

    // Taking the wish away before it was sent withdraws it; asking again queues a new one.
    store.update_activity(asked, &visit_asking(None)).expect("updated");
    assert!(store.pending_debriefs().expect("read").is_empty());
    store.update_activity(quiet, &visit_asking(Some(Debrief::Anonymous))).expect("updated");
    let again = store.pending_debriefs().expect("read");
    assert_eq!(again.len(), 1);
    assert_ne!(again[0].request_id, request_id);

    // Sent: not sent again, also when the activity is edited later (a typo fixed months on).
    store.debrief_sent(&again[0].request_id).expect("sent");
    assert!(store.pending_debriefs().expect("read").is_empty());
    store.update_activity(quiet, &visit_asking(Some(Debrief::ShowLabel))).expect("edited");
    store.update_activity(quiet, &visit_asking(None)).expect("edited");
    store.update_activity(quiet, &visit_asking(Some(Debrief::Anonymous))).expect("edited");
    assert!(store.pending_debriefs().expect("read").is_empty(), "asked once for this activity");
    let counts = store.all_counts().expect("counts");
    assert_eq!(counts.total(Metric::HeavyActivities), 2);
    assert!(counts.iter().all(|(k, _)| !k.metric.code().contains("debrief")), "a talk asked is never a count");

    // Deleting an activity whose request waits withdraws it.
    let third = store.create_activity(&visit_asking(Some(Debrief::Anonymous))).expect("saved");
    assert_eq!(store.pending_debriefs().expect("read").len(), 1);
    store.delete_activity(third).expect("deleted");
    assert!(store.pending_debriefs().expect("read").is_empty());
}

fn sleutel_protocol_like_id(id: &str) -> bool {
    (16..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[test]
fn the_support_contact_is_kept_replaced_and_forgotten_and_survives_a_lock() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, _) = create(dir.path());
    assert_eq!(store.support_contact().expect("read"), None);
    let first = SupportContact::new("Fatima (coördinator)", "06-12345678", "").expect("valid");
    store.save_support_contact(Some(&first)).expect("saved");
    let second = SupportContact::new("Steunpunt Oost", "", "steun@voorbeeld.nl").expect("valid");
    store.save_support_contact(Some(&second)).expect("replaced");
    drop(store);
    let mut store = unlock(dir.path());
    assert_eq!(store.support_contact().expect("read"), Some(second));
    store.save_support_contact(None).expect("forgotten");
    assert_eq!(store.support_contact().expect("read"), None);
}

#[test]
fn leaving_an_organisation_forgets_what_it_said_and_the_talks_not_sent_to_it() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, _) = create(dir.path());
    let contact = SupportContact::new("Fatima", "0612345678", "").expect("valid");
    store.save_support_contact(Some(&contact)).expect("kept");
    store.set_reach_details(true).expect("on");
    store.organisation_checked("2026-11-20T10:00:00Z").expect("checked");
    let sent = store.create_activity(&visit_asking(Some(Debrief::Anonymous))).expect("saved");
    let request = store.pending_debriefs().expect("read")[0].request_id.clone();
    store.debrief_sent(&request).expect("sent");
    store.create_activity(&visit_asking(Some(Debrief::ShowLabel))).expect("saved");
    assert_eq!(store.pending_debriefs().expect("read").len(), 1, "one waits");

    store.forget_enrolment().expect("forgotten");
    assert_eq!(store.support_contact().expect("read"), None);
    assert!(!store.reach_details().expect("read"));
    assert_eq!(store.organisation_checked_at().expect("read"), None, "the next enrolment asks again");
    assert!(store.pending_debriefs().expect("read").is_empty(), "meant for that organisation's coordinator");
    store.update_activity(sent, &visit_asking(Some(Debrief::Anonymous))).expect("edited");
    assert!(store.pending_debriefs().expect("read").is_empty(), "the one sent stays sent");
}
