//! Retention keeps counts while forgetting details; backups restore everything under the passphrase or the
//! recovery code.

mod common;

use common::*;
use sleutel_domain::ReferralStatus;
use sleutel_store::{Passphrase, Secret, Store, StoreError};

#[test]
fn purging_old_records_leaves_the_counts_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = create(dir.path());
    store.create_activity(&meeting("2025-06-10", "")).expect("old");
    let recent = store.create_activity(&meeting("2026-11-01", "")).expect("recent");
    let old_closed = store.create_referral(&referral(&store, "2025-05-01", "wijkteam", ""), None).expect("saved");
    store.change_referral_status(old_closed.id, ReferralStatus::Closed, day("2025-06-01"), today()).expect("closed");
    let old_open = store.create_referral(&referral(&store, "2025-05-02", "veilig_thuis", ""), None).expect("saved");
    let lost_track = store.create_referral(&referral(&store, "2025-05-03", "huisarts", ""), None).expect("saved");
    store.change_referral_status(lost_track.id, ReferralStatus::Unknown, day("2025-07-01"), today()).expect("unknown");
    let counts_before = store.all_counts().expect("counts");
    let outbox_before = store.outbox_pending(10_000).expect("outbox");

    assert!(store.set_retention_months(0).is_err());
    store.set_retention_months(12).expect("set");
    let report = store.purge_expired(today()).expect("purged");
    assert_eq!((report.activities, report.referrals), (1, 2), "closed and long-unknown referrals go");

    assert_eq!(store.all_counts().expect("counts"), counts_before, "counts survive the purge");
    assert_eq!(store.outbox_pending(10_000).expect("outbox"), outbox_before, "nothing new to send");
    assert!(store.activity(recent).is_ok());
    assert!(matches!(store.referral(old_closed.id), Err(StoreError::NotFound)));
    assert!(store.referral(old_open.id).is_ok(), "open referrals are kept however old");
    assert!(matches!(store.referral(lost_track.id), Err(StoreError::NotFound)));
    assert_ne!(store.recompute_counts().expect("recompute"), counts_before, "the details really are gone");
}

#[test]
fn a_backup_restores_with_the_passphrase_or_the_recovery_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, code) = create(dir.path());
    store.create_activity(&meeting("2026-11-01", "backup-notitie")).expect("saved");
    store.create_referral(&referral(&store, "2026-11-02", "ggd", ""), None).expect("saved");
    let backup = dir.path().join("export.sleutel-backup");
    let size = store.backup_to(&backup).expect("backup written");
    assert!(size > 4096);
    assert!(!contains(&std::fs::read(&backup).expect("read"), b"backup-notitie"), "the backup is encrypted");
    let counts = store.all_counts().expect("counts");

    let target = tempfile::tempdir().expect("tempdir");
    let by_pass = Store::restore_backup(&backup, &target.path().join("a"), &passphrase(PASSPHRASE)).expect("restored");
    assert_eq!(by_pass.all_counts().expect("counts"), counts);
    assert_eq!(
        by_pass.list_activities(&Default::default()).expect("list").items[0].activity.notes.as_str(),
        "backup-notitie"
    );
    let by_code =
        Store::restore_backup(&backup, &target.path().join("b"), &Secret::RecoveryCode(code)).expect("restored");
    assert_eq!(by_code.list_referrals(&Default::default()).expect("list").total, 1);
    drop(by_pass);
    assert!(
        Store::unlock(&target.path().join("a"), &passphrase(PASSPHRASE)).is_ok(),
        "a restored store unlocks normally"
    );
}

#[test]
fn a_bad_backup_or_wrong_secret_restores_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = create(dir.path());
    let backup = dir.path().join("b.bak");
    store.backup_to(&backup).expect("backup");
    let target = tempfile::tempdir().expect("tempdir");

    let err = Store::restore_backup(&backup, target.path(), &Secret::Passphrase(Passphrase::new("wrong")))
        .expect_err("wrong");
    assert_eq!(err.code(), "wrong_secret");
    assert!(files_in(target.path()).is_empty());

    let mut bytes = std::fs::read(&backup).expect("read");
    let last = bytes.len() - 100;
    bytes[last] ^= 0xff;
    let tampered = dir.path().join("tampered.bak");
    std::fs::write(&tampered, &bytes).expect("write");
    assert_eq!(
        Store::restore_backup(&tampered, target.path(), &passphrase(PASSPHRASE)).map(|_| ()).map_err(|e| e.code()),
        Err("backup_corrupt")
    );
    std::fs::write(&tampered, b"not a backup at all").expect("write");
    assert_eq!(
        Store::restore_backup(&tampered, target.path(), &passphrase(PASSPHRASE)).map(|_| ()).map_err(|e| e.code()),
        Err("backup_corrupt")
    );
    assert!(files_in(target.path()).is_empty());

    assert_eq!(
        Store::restore_backup(&backup, dir.path(), &passphrase(PASSPHRASE)).map(|_| ()).map_err(|e| e.code()),
        Err("store_already_exists")
    );
}
