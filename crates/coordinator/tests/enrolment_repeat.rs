//! A repeated enrolment (the reply was lost) on real SQLite storage: answered for the same key only, only while the
//! device is not revoked, and only within a day of the code's use.

use sleutel_coordinator::admin;
use sleutel_coordinator::sqlite::SqliteStorage;
use sleutel_coordinator::storage::{ENROLMENT_REPEAT_SECS, Storage};

const NOW: i64 = 1_800_000_000;
const KEY: [u8; 32] = [1; 32];

/// What a device enrols with: the code's hash, the id it gets, its key and label, and what it replaces.
fn enrolment<'a>(
    code_sha256: &'a [u8; 32],
    device_id: &'a str,
    public_key: &'a [u8; 32],
    label: &'a str,
    replaces: Option<&'a str>,
) -> sleutel_coordinator::storage::DeviceEnrolment<'a> {
    sleutel_coordinator::storage::DeviceEnrolment { code_sha256, device_id, public_key, label, replaces }
}

fn enrolled() -> (tempfile::TempDir, SqliteStorage, [u8; 32]) {
    let dir = tempfile::tempdir().expect("dir");
    let storage = SqliteStorage::open(dir.path()).expect("storage");
    let organisation = admin::create_organisation(&storage, "Stichting Herhaling", NOW).expect("organisation");
    let code = admin::issue_enrolment_code(&storage, organisation.id, 3600, NOW).expect("code");
    let hash = admin::enrolment_code_hash(&code);
    let first = storage
        .enrol_device(&enrolment(&hash, "d-first", &KEY, "Telefoon", None), &[], NOW)
        .expect("enrol")
        .expect("accepted");
    assert!(!first.repeated);
    (dir, storage, hash)
}

#[test]
fn the_same_key_gets_the_same_device_again() {
    let (_dir, storage, hash) = enrolled();
    let again = storage
        .enrol_device(&enrolment(&hash, "d-second", &KEY, "Telefoon", None), &[], NOW + 5)
        .expect("enrol")
        .expect("answered");
    assert!(again.repeated);
    assert_eq!(again.device.id, "d-first", "not a second device");
    assert_eq!(storage.devices(None).expect("devices").len(), 1);
}

#[test]
fn another_key_gets_nothing() {
    let (_dir, storage, hash) = enrolled();
    assert_eq!(
        storage.enrol_device(&enrolment(&hash, "d-other", &[2; 32], "Ander", None), &[], NOW + 5).expect("enrol"),
        None
    );
}

#[test]
fn a_revoked_device_is_not_answered() {
    let (_dir, storage, hash) = enrolled();
    assert!(storage.revoke_device("d-first", &[], NOW + 1).expect("revoke"));
    assert_eq!(
        storage.enrol_device(&enrolment(&hash, "d-second", &KEY, "Telefoon", None), &[], NOW + 5).expect("enrol"),
        None
    );
}

#[test]
fn after_a_day_the_code_is_simply_used() {
    let (_dir, storage, hash) = enrolled();
    let late = NOW + ENROLMENT_REPEAT_SECS + 1;
    assert_eq!(
        storage.enrol_device(&enrolment(&hash, "d-second", &KEY, "Telefoon", None), &[], late).expect("enrol"),
        None
    );
}
