//! Sync through a fault-injecting proxy (dropped connections, resets mid-request, lost replies, delays) with
//! coordinator restarts, for 200 random rounds of edits. Afterwards the coordinator's totals equal the devices' own
//! counts exactly.
#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use sleutel_domain::ParticipantTally;
use sleutel_system_tests::proxy::{FaultProxy, Rng};
use sleutel_system_tests::*;

const ROUNDS: usize = 200;
const SEED: u64 = 0x5EED_2026_1123;

fn random_edit(device: &mut TestDevice, rng: &mut Rng, ids: &mut Vec<i64>) {
    match rng.below(5) {
        0 | 1 => ids.push(device.record_meeting(
            1 + rng.below(27) as u32,
            1 + rng.below(30) as i64,
            rng.below(5) as i64,
            ["GM0202", "GM0363", "GM0855"][rng.below(3) as usize],
        )),
        2 if !ids.is_empty() => {
            let id = ids[rng.below(ids.len() as u64) as usize];
            let mut activity = device.store.activity(id).unwrap().activity;
            activity.participants = ParticipantTally::new(rng.below(40) as i64, rng.below(4) as i64, 0, None).unwrap();
            device.store.update_activity(id, &activity).unwrap();
        }
        3 if !ids.is_empty() => {
            let id = ids.remove(rng.below(ids.len() as u64) as usize);
            device.store.delete_activity(id).unwrap();
        }
        _ => {
            device.record_referral(["veilig_thuis", "wijkteam", "huisarts"][rng.below(3) as usize]);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_200_faulty_rounds_the_coordinator_equals_the_devices() {
    let mut coordinator = TestCoordinator::spawn().await;
    let org = coordinator.organisation("Fault Tolerant");
    let proxy = FaultProxy::start(coordinator.addr(), SEED).await;
    let mut devices = [TestDevice::new(), TestDevice::new()];
    for device in &mut devices {
        // Enrol through the proxy, without faults, so the stored coordinator address is the proxy's.
        device.enrol(&proxy.url(), &coordinator.enrolment_code(&org)).await;
    }
    let mut ids: [Vec<i64>; 2] = [Vec::new(), Vec::new()];
    let mut rng = Rng::new(SEED);
    let (mut failed_syncs, mut restarts) = (0, 0);
    proxy.set_fault_percent(35);

    for round in 0..ROUNDS {
        let which = rng.below(2) as usize;
        for _ in 0..=rng.below(3) {
            random_edit(&mut devices[which], &mut rng, &mut ids[which]);
        }
        if round % 40 == 39 {
            proxy.set_target(coordinator.restart().await);
            restarts += 1;
        }
        if sleutel_sync::sync_now(&mut devices[which].store, &fast_sync()).await.is_err() {
            failed_syncs += 1;
        }
    }

    proxy.set_fault_percent(0);
    for device in &mut devices {
        sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.unwrap();
        assert_eq!(device.store.outbox_len().unwrap(), 0);
        assert!(device.store.outbox_rejected(10).unwrap().is_empty(), "no item was refused");
    }
    assert!(proxy.faults_injected() > 50, "faults really happened: {}", proxy.faults_injected());
    assert!(
        failed_syncs > 0 && restarts == ROUNDS / 40,
        "some syncs failed ({failed_syncs}) and the coordinator restarted"
    );
    assert_totals_match(&coordinator, org.id, &[&devices[0], &devices[1]]).await;
    let participants: i64 =
        devices.iter().map(|d| d.counts().total(sleutel_domain::counts::Metric::Participants)).sum();
    assert_eq!(coordinator.total("participants", org.id).await, participants);
}

#[tokio::test]
async fn a_lost_enrolment_reply_is_asked_again_and_answered_with_the_same_device() {
    let coordinator = TestCoordinator::spawn().await;
    let org = coordinator.organisation("Verloren Antwoord");
    let proxy = FaultProxy::start(coordinator.addr(), SEED).await;
    let code = coordinator.enrolment_code(&org);
    // The coordinator enrols the device, but its reply never arrives; the client asks again with the same key.
    proxy.queue_fault(sleutel_system_tests::proxy::Fault::DropResponse);
    let mut device = TestDevice::new();
    device.enrol(&proxy.url(), &code).await;
    assert_eq!(proxy.faults_injected(), 1);

    let devices = coordinator.storage().devices(Some(org.id)).expect("devices");
    let enrolment = device.store.enrolment().expect("read").expect("enrolled");
    assert_eq!(devices.len(), 1, "one device, not two");
    assert_eq!(devices[0].id, enrolment.device_id);
    let enrolled = coordinator.storage().audit_log(20).expect("audit");
    assert_eq!(enrolled.iter().filter(|e| e.action == "device_enrolled").count(), 1, "audited once");
    // The server did enrol on the first request and answered the repeat: not a request that never arrived.
    assert_eq!(enrolled.iter().filter(|e| e.action == "enrolment_repeated").count(), 1);

    device.record_meeting(1, 6, 0, "GM0363");
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    assert_eq!(coordinator.total("participants", org.id).await, 6);

    // The used code answers only that key: another device gets the usual refusal.
    let mut other = TestDevice::new();
    let refused = sleutel_sync::enrol(&mut other.store, &coordinator.url(), &code, "Ander", &fast_sync()).await;
    assert!(
        matches!(refused, Err(sleutel_sync::SyncError::Refused(sleutel_protocol::ErrorCode::EnrolmentCodeInvalid))),
        "{refused:?}"
    );
}
