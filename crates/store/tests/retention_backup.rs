//! Retention keeps counts while forgetting details; backups restore everything under the passphrase or the
//! recovery code.

mod common;

use common::*;
use sleutel_domain::ReferralStatus;
use sleutel_store::{Gate, Passphrase, Secret, Store, StoreError};

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
    let by_pass = Store::restore_backup(&backup, &target.path().join("a"), &passphrase(PASSPHRASE), &attempts(&target))
        .expect("restored");
    assert_eq!(by_pass.all_counts().expect("counts"), counts);
    assert_eq!(
        by_pass.list_activities(&Default::default()).expect("list").items[0].activity.notes.as_str(),
        "backup-notitie"
    );
    let by_code =
        Store::restore_backup(&backup, &target.path().join("b"), &Secret::RecoveryCode(code), &attempts(&target))
            .expect("restored");
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

    let into = target.path().join("store");
    let tries = dir.path().join("restore-attempts");
    let err = Store::restore_backup(&backup, &into, &Secret::Passphrase(Passphrase::new("wrong")), &tries)
        .expect_err("wrong");
    assert_eq!(err.code(), "wrong_secret");
    assert!(files_in(target.path()).is_empty());

    let mut bytes = std::fs::read(&backup).expect("read");
    let last = bytes.len() - 100;
    bytes[last] ^= 0xff;
    let tampered = dir.path().join("tampered.bak");
    std::fs::write(&tampered, &bytes).expect("write");
    assert_eq!(
        Store::restore_backup(&tampered, &into, &passphrase(PASSPHRASE), &tries).map(|_| ()).map_err(|e| e.code()),
        Err("backup_corrupt")
    );
    std::fs::write(&tampered, b"not a backup at all").expect("write");
    assert_eq!(
        Store::restore_backup(&tampered, &into, &passphrase(PASSPHRASE), &tries).map(|_| ()).map_err(|e| e.code()),
        Err("backup_corrupt")
    );
    assert!(files_in(target.path()).is_empty());

    assert_eq!(
        Store::restore_backup(&backup, dir.path(), &passphrase(PASSPHRASE), &tries).map(|_| ()).map_err(|e| e.code()),
        Err("store_already_exists")
    );
}

fn attempts(dir: &tempfile::TempDir) -> std::path::PathBuf {
    dir.path().join("restore-attempts")
}

/// A backup is no way around the unlock screen: wrong secrets are counted (across restarts), throttled like
/// unlocking, and erase the backup after as many failures as the volunteer allowed for unlocking.
#[test]
fn wrong_secrets_at_restore_are_throttled_and_erase_the_backup_when_the_volunteer_chose_so() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = create(dir.path());
    store.set_wipe_after(Some(5)).expect("set");
    let backup = dir.path().join("b.bak");
    store.backup_to(&backup).expect("backup");
    drop(store);
    let target = tempfile::tempdir().expect("tempdir");
    let (into, tries) = (target.path().join("store"), attempts(&target));
    let (gate, t0) = (Gate::new(), Instant::now());
    let at = |secs: u64| t0 + Duration::from_secs(secs);
    let wrong = Secret::Passphrase(Passphrase::new("wrong guess"));
    for attempt in 1..=3 {
        let err = Store::restore_backup_with(&backup, &into, &wrong, &tries, &gate, at(0)).expect_err("wrong");
        assert!(
            matches!(err, StoreError::WrongSecret { failed_attempts, wipe_after: Some(5) } if failed_attempts == attempt)
        );
    }
    // Even the right passphrase waits now, and a restarted app (a new gate) waits in full.
    let right = passphrase(PASSPHRASE);
    let err = Store::restore_backup_with(&backup, &into, &right, &tries, &gate, at(1)).expect_err("throttled");
    assert!(matches!(err, StoreError::Throttled { retry_after_secs: 4 }), "{err:?}");
    let restarted = Gate::new();
    let err = Store::restore_backup_with(&backup, &into, &right, &tries, &restarted, at(100)).err();
    assert!(matches!(err, Some(StoreError::Throttled { retry_after_secs: 5 })), "{err:?}");
    let err = Store::restore_backup_with(&backup, &into, &wrong, &tries, &restarted, at(105)).expect_err("4th");
    assert!(matches!(err, StoreError::WrongSecret { failed_attempts: 4, .. }));
    let err = Store::restore_backup_with(&backup, &into, &wrong, &tries, &restarted, at(115)).expect_err("5th");
    assert!(matches!(err, StoreError::Wiped), "{err:?}");
    assert!(!backup.exists() && !tries.exists(), "the backup is erased");
    assert!(files_in(target.path()).is_empty(), "nothing was restored");
}

/// A crafted backup asking Argon2 for 4 GiB or a thousand passes is refused before any key derivation.
#[test]
fn a_backup_asking_for_extreme_argon2_costs_is_refused_before_any_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = create(dir.path());
    let backup = dir.path().join("b.bak");
    store.backup_to(&backup).expect("backup");
    let bytes = std::fs::read(&backup).expect("read");
    let text = String::from_utf8_lossy(&bytes);
    let target = tempfile::tempdir().expect("tempdir");
    for (from, to) in [("\"m_kib\":256", "\"m_kib\":4194304"), ("\"t\":1", "\"t\":1000"), ("\"p\":1", "\"p\":64")] {
        assert!(text.contains(from), "the backup header holds {from}");
        let crafted = dir.path().join("crafted.bak");
        // Same length is not needed: the header length prefix is rewritten below.
        let (magic_and_len, rest) = bytes.split_at(b"SLEUTEL-BACKUP 1\n".len() + 8);
        let header_len = u64::from_le_bytes(magic_and_len[magic_and_len.len() - 8..].try_into().expect("8 bytes"));
        let (header, image) = rest.split_at(header_len as usize);
        let header = String::from_utf8(header.to_vec()).expect("json").replacen(from, to, 1);
        let mut out = magic_and_len[..magic_and_len.len() - 8].to_vec();
        out.extend_from_slice(&(header.len() as u64).to_le_bytes());
        out.extend_from_slice(header.as_bytes());
        out.extend_from_slice(image);
        std::fs::write(&crafted, out).expect("write");
        let err =
            Store::restore_backup(&crafted, &target.path().join("s"), &passphrase(PASSPHRASE), &attempts(&target))
                .expect_err("refused");
        assert_eq!(err.code(), "key_file_corrupt", "{from} -> {to}");
    }
}

/// A damaged attempts file starts the waiting, but one more wrong secret does not erase the backup.
#[test]
fn a_damaged_attempts_file_never_erases_a_backup() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = create(dir.path());
    store.set_wipe_after(Some(5)).expect("set");
    let backup = dir.path().join("b.bak");
    store.backup_to(&backup).expect("backup");
    drop(store);
    let target = tempfile::tempdir().expect("tempdir");
    let (into, tries) = (target.path().join("store"), attempts(&target));
    std::fs::write(&tries, b"\xff not a number").expect("damage");
    let (gate, t0) = (Gate::new(), Instant::now());
    let wrong = Secret::Passphrase(Passphrase::new("wrong guess"));
    let err = Store::restore_backup_with(&backup, &into, &wrong, &tries, &gate, t0).expect_err("waits");
    assert!(matches!(err, StoreError::Throttled { .. }), "{err:?}");
    let later = t0 + Duration::from_secs(3600);
    let err = Store::restore_backup_with(&backup, &into, &wrong, &tries, &gate, later).expect_err("wrong");
    assert!(matches!(err, StoreError::WrongSecret { .. }), "{err:?}");
    assert!(backup.exists(), "the backup is still there");
    let restored = Store::restore_backup_with(
        &backup,
        &into,
        &passphrase(PASSPHRASE),
        &tries,
        &gate,
        later + Duration::from_secs(3600),
    );
    assert!(restored.is_ok(), "{restored:?}");
}
