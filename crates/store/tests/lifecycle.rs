//! Creating, unlocking, throttling, passphrase changes, wiping and schema upgrades.

mod common;

use std::time::{Duration, Instant};

use common::*;
use sleutel_domain::counts::{Counts, Metric};
use sleutel_store::{
    Gate, KdfParams, LATEST_SCHEMA_VERSION, Passphrase, RecoveryCode, Secret, Store, StoreError, throttle,
};

#[test]
fn a_new_store_is_encrypted_and_unlocks_with_its_passphrase() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = create(dir.path());
    assert!(store.cipher_version().expect("cipher version").starts_with('4'));
    drop(store);
    let store = unlock(dir.path());
    assert_eq!(store.schema_version().expect("version"), LATEST_SCHEMA_VERSION);
    // Plain SQLite (no key) cannot read the file: it is not a database to it.
    let plain = rusqlite::Connection::open(dir.path().join("sleutel.db")).expect("opens lazily");
    assert!(plain.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)).is_err());
}

#[cfg(unix)]
#[test]
fn the_store_its_files_and_backups_are_for_the_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir().expect("tempdir");
    let dir = parent.path().join("store");
    let (mut store, _) = create(&dir);
    store.create_activity(&home_visit("2026-11-03")).expect("saved");
    let backup = parent.path().join("backup.bin");
    store.backup_to(&backup).expect("backup");
    let mode = |path: &std::path::Path| std::fs::metadata(path).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700, "the store's folder");
    let files =
        [dir.join("sleutel.key"), dir.join("sleutel.db"), dir.join("sleutel.db-wal"), dir.join("sleutel.db-shm")];
    for file in files.iter().chain([&backup]) {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
}

#[test]
fn a_folder_with_a_store_is_not_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(create(dir.path()));
    let again = Store::create(dir.path(), &Passphrase::new("another long one"), KdfParams::INSECURE_FOR_TESTS);
    assert!(matches!(again, Err(StoreError::AlreadyExists)));
    assert!(matches!(Store::unlock(&dir.path().join("empty"), &passphrase("x")), Err(StoreError::NotInitialised)));
}

#[test]
fn a_wrong_passphrase_fails_clearly_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = create(dir.path());
    let id = store.create_activity(&meeting("2026-11-20", "")).expect("saved");
    drop(store);
    let db_before = std::fs::read(dir.path().join("sleutel.db")).expect("db");

    let err = Store::unlock(dir.path(), &passphrase("not the passphrase")).expect_err("wrong passphrase");
    assert_eq!(err.code(), "wrong_secret");
    assert!(matches!(err, StoreError::WrongSecret { failed_attempts: 1, wipe_after: None }));
    assert!(std::fs::read(dir.path().join("sleutel.db")).expect("db") == db_before, "database untouched");

    let store = unlock(dir.path());
    assert_eq!(store.activity(id).expect("still there").activity.participants.total(), 25);
    assert_eq!(Store::unlock_status(dir.path()).expect("status").failed_attempts, 0, "success resets the count");
}

#[test]
fn the_recovery_code_unlocks_and_can_set_a_new_passphrase() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, code) = create(dir.path());
    drop(store);
    let shown = code.display();
    let typed = RecoveryCode::parse(&shown.to_lowercase().replace('-', " ")).expect("parses");
    let mut store = Store::unlock(dir.path(), &Secret::RecoveryCode(typed.clone())).expect("unlocks with code");
    store.reset_passphrase(&typed, &Passphrase::new_checked("een nieuwe zin").expect("ok")).expect("reset");
    drop(store);
    assert!(Store::unlock(dir.path(), &passphrase(PASSPHRASE)).is_err());
    assert!(Store::unlock(dir.path(), &passphrase("een nieuwe zin")).is_ok());
}

#[test]
fn changing_the_passphrase_needs_the_current_one_and_keeps_the_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, code) = create(dir.path());
    store.create_activity(&home_visit("2026-11-21")).expect("saved");
    drop(store);
    let db_before = std::fs::read(dir.path().join("sleutel.db")).expect("db");
    let mut store = unlock(dir.path());
    let new = Passphrase::new_checked("nog een andere zin").expect("ok");
    assert!(store.change_passphrase(&Passphrase::new("wrong current"), &new).is_err());
    assert_eq!(Store::unlock_status(dir.path()).expect("status").failed_attempts, 1, "a wrong current one counts");
    let new_code = store.change_passphrase(&Passphrase::new(PASSPHRASE), &new).expect("changed");
    drop(store);
    assert!(std::fs::read(dir.path().join("sleutel.db")).expect("db") != db_before, "the database is re-encrypted");
    assert!(Store::unlock(dir.path(), &passphrase(PASSPHRASE)).is_err());
    let store = Store::unlock(dir.path(), &passphrase("nog een andere zin")).expect("new passphrase works");
    assert_eq!(store.all_counts().expect("counts").total(Metric::Activities), 1);
    drop(store);
    assert!(Store::unlock(dir.path(), &Secret::RecoveryCode(code)).is_err(), "the old recovery code is gone");
    let mut store = Store::unlock(dir.path(), &Secret::RecoveryCode(new_code)).expect("the new one works");
    // A new recovery code on request (after the passphrase): the previous one stops working.
    assert!(store.new_recovery_code(&Passphrase::new("wrong")).is_err());
    let newest = store.new_recovery_code(&new).expect("made");
    drop(store);
    assert!(Store::unlock(dir.path(), &Secret::RecoveryCode(newest)).is_ok());
}

/// An old copy of the key file (or a backup's) with the old passphrase or recovery code opens nothing after a
/// passphrase change: the data key changed and the database was re-encrypted.
#[test]
fn changing_the_passphrase_changes_the_data_key_and_the_recovery_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, old_code) = create(dir.path());
    store.create_activity(&home_visit("2026-11-03")).expect("saved");
    let old_key_file = std::fs::read(dir.path().join("sleutel.key")).expect("key file");
    let new_code = store
        .change_passphrase(&Passphrase::new(PASSPHRASE), &Passphrase::new("een heel nieuwe wachtzin"))
        .expect("changed");
    drop(store);
    assert!(Store::unlock(dir.path(), &Secret::RecoveryCode(old_code.clone())).is_err(), "old code");
    let store = Store::unlock(dir.path(), &Secret::RecoveryCode(new_code)).expect("new code");
    assert_eq!(store.list_activities(&Default::default()).expect("list").total, 1);
    drop(store);

    // Today's database beside the key file as it was before the change.
    let copy = tempfile::tempdir().expect("tempdir");
    for name in std::fs::read_dir(dir.path()).expect("dir").filter_map(|e| e.ok()) {
        std::fs::copy(name.path(), copy.path().join(name.file_name())).expect("copy");
    }
    std::fs::write(copy.path().join("sleutel.key"), old_key_file).expect("old key file");
    for secret in [passphrase(PASSPHRASE), Secret::RecoveryCode(old_code)] {
        let err = Store::unlock(copy.path(), &secret).expect_err("the old key no longer opens the database");
        assert_eq!(err.code(), "database_undecryptable");
    }
}

#[test]
fn failed_unlocks_are_throttled_with_growing_delays_that_survive_restarts() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(create(dir.path()));
    let (gate, t0) = (Gate::new(), Instant::now());
    let at = |secs: u64| t0 + Duration::from_secs(secs);
    for attempt in 1..=throttle::FREE_ATTEMPTS {
        let err = Store::unlock_with(dir.path(), &passphrase("wrong"), &gate, t0).expect_err("wrong");
        assert!(matches!(err, StoreError::WrongSecret { failed_attempts, .. } if failed_attempts == attempt));
    }
    let err = Store::unlock_with(dir.path(), &passphrase(PASSPHRASE), &gate, at(1)).expect_err("throttled");
    assert!(matches!(err, StoreError::Throttled { retry_after_secs: 4 }), "{err:?}");
    assert_eq!(err.code(), "unlock_throttled");
    // The count is in the key file: a restarted app (a new gate), even an hour later by any clock, waits in full.
    let restarted = Gate::new();
    let err = Store::unlock_with(dir.path(), &passphrase(PASSPHRASE), &restarted, at(3600)).expect_err("throttled");
    assert!(matches!(err, StoreError::Throttled { retry_after_secs: 5 }), "{err:?}");
    // After the wait, one more failure doubles the next wait.
    let t1 = 3605;
    assert!(matches!(
        Store::unlock_with(dir.path(), &passphrase("wrong"), &restarted, at(t1)),
        Err(StoreError::WrongSecret { .. })
    ));
    assert!(matches!(
        Store::unlock_with(dir.path(), &passphrase(PASSPHRASE), &restarted, at(t1 + 1)),
        Err(StoreError::Throttled { retry_after_secs: 9 })
    ));
    assert!(Store::unlock_with(dir.path(), &passphrase(PASSPHRASE), &restarted, at(t1 + 10)).is_ok());
}

#[test]
fn the_store_is_wiped_after_the_chosen_number_of_failures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, code) = create(dir.path());
    store.create_activity(&home_visit("2026-11-21")).expect("saved");
    assert!(store.set_wipe_after(Some(2)).is_err(), "fewer than 3 is refused");
    store.set_wipe_after(Some(3)).expect("set");
    drop(store);
    let gate = Gate::new();
    for _ in 0..2 {
        let result = Store::unlock_with(dir.path(), &passphrase("wrong"), &gate, Instant::now());
        assert!(matches!(result, Err(StoreError::WrongSecret { .. })));
    }
    // A second name for the key file's blocks shows what the wipe left in them.
    let elsewhere = tempfile::tempdir_in(dir.path().parent().expect("parent")).expect("tempdir");
    let blocks = elsewhere.path().join("key-blocks");
    std::fs::hard_link(dir.path().join("sleutel.key"), &blocks).expect("hard link");
    let result = Store::unlock_with(dir.path(), &passphrase("wrong"), &gate, Instant::now());
    assert!(matches!(result, Err(StoreError::Wiped)));
    let left = std::fs::read(&blocks).expect("read");
    assert!(!left.is_empty() && left.iter().all(|b| *b == 0), "the wrapped key was overwritten in place");
    assert!(files_in(dir.path()).is_empty(), "nothing is left");
    assert!(matches!(Store::unlock(dir.path(), &Secret::RecoveryCode(code)), Err(StoreError::NotInitialised)));
}

/// Someone makes the volunteer open the app: the duress passphrase erases everything and is not counted as a
/// wrong attempt; afterwards the folder is as empty as before a first start.
#[test]
fn the_duress_passphrase_erases_the_store_and_leaves_a_fresh_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, code) = create(dir.path());
    store.create_activity(&home_visit("2026-11-21")).expect("saved");
    assert!(!store.has_duress_passphrase().expect("read"));
    let duress = Passphrase::new("alles is goed hier");
    let err = store.set_duress_passphrase(&Passphrase::new("wrong"), Some(&duress)).expect_err("checked");
    assert_eq!(err.code(), "wrong_secret");
    let same = store.set_duress_passphrase(&Passphrase::new(PASSPHRASE), Some(&Passphrase::new(PASSPHRASE)));
    assert_eq!(same.map_err(|e| e.code()), Err("duress_same_as_passphrase"));
    store.set_duress_passphrase(&Passphrase::new(PASSPHRASE), Some(&duress)).expect("set");
    assert!(store.has_duress_passphrase().expect("read"));
    let to_duress = store.change_passphrase(&Passphrase::new(PASSPHRASE), &duress);
    assert_eq!(to_duress.map_err(|e| e.code()), Err("duress_same_as_passphrase"));
    drop(store);

    // A wrong passphrase is still just wrong; the real one still opens.
    assert!(matches!(Store::unlock(dir.path(), &passphrase("iets anders")), Err(StoreError::WrongSecret { .. })));
    drop(Store::unlock(dir.path(), &passphrase(PASSPHRASE)).expect("opens"));
    let err = Store::unlock(dir.path(), &Secret::Passphrase(duress)).expect_err("erased");
    assert_eq!(err.code(), "erased_by_duress");
    assert!(files_in(dir.path()).is_empty(), "nothing is left");
    assert!(!Store::exists(dir.path()));
    assert!(matches!(Store::unlock(dir.path(), &Secret::RecoveryCode(code)), Err(StoreError::NotInitialised)));
    drop(create(dir.path()));
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = create(dir.path());
    store.raw_connection().pragma_update(None, "user_version", LATEST_SCHEMA_VERSION + 1).expect("set");
    drop(store);
    let err = Store::unlock(dir.path(), &passphrase(PASSPHRASE)).expect_err("too new");
    assert_eq!(err.code(), "schema_too_new");
    assert!(err.to_string().contains("newer version"));
}

#[test]
fn a_database_created_at_migration_1_is_upgraded_with_counts_for_its_records() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) =
        Store::create_with_schema(dir.path(), &Passphrase::new(PASSPHRASE), KdfParams::INSECURE_FOR_TESTS, 1)
            .expect("created at schema 1");
    assert_eq!(store.schema_version().expect("version"), 1);
    let activities = [meeting("2026-10-02", "oud"), home_visit("2026-11-03")];
    for a in &activities {
        store
            .raw_connection()
            .execute(
                "INSERT INTO activities (kind, date, body, created_at, updated_at) VALUES (?1, ?2, ?3, 'x', 'x')",
                (a.kind.code(), a.date.to_string(), serde_json::to_string(a).expect("json")),
            )
            .expect("v1 insert");
    }
    drop(store);

    let store = unlock(dir.path());
    assert_eq!(store.schema_version().expect("version"), LATEST_SCHEMA_VERSION);
    let expected = Counts::recompute(&activities, &[]);
    assert_eq!(store.all_counts().expect("counts").non_zero(), expected.non_zero());
    assert_eq!(
        store.outbox_len().expect("outbox") as usize,
        expected.non_zero().len(),
        "all new counts wait to be sent"
    );
    assert_eq!(store.list_activities(&Default::default()).expect("list").total, 2);
}

/// Before schema 4 every referral to Veilig Thuis counted as a melding; now only one that was made does. An
/// upgraded store takes back the unit of a referral that is only proposed, and sends the corrected count.
#[test]
fn an_upgrade_stops_counting_proposed_referrals_as_meldingen() {
    use sleutel_domain::ReferralStatus;
    use sleutel_domain::counts::Metric;
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) =
        Store::create_with_schema(dir.path(), &Passphrase::new(PASSPHRASE), KdfParams::INSECURE_FOR_TESTS, 3)
            .expect("created at schema 3");
    let mut input = referral(&store, "2026-11-02", "veilig_thuis", "").to_input();
    input.status = ReferralStatus::Proposed;
    let code = store.new_referral_code().expect("code");
    let mut proposed = sleutel_domain::Referral::from_input(&input, code, today()).expect("valid");
    proposed.change_status(ReferralStatus::Declined, day("2026-11-04"), today()).expect("declined");
    let made = referral(&store, "2026-11-03", "veilig_thuis", "");
    assert!(made.was_made() && !proposed.was_made());
    // What the previous version stored: both referrals, both counted as meldingen, in its own tables.
    for r in [&proposed, &made] {
        store
            .raw_connection()
            .execute(
                "INSERT INTO referrals (code, date, status, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'x', 'x')",
                (r.code.as_str(), r.date.to_string(), r.status().code(), serde_json::to_string(r).expect("json")),
            )
            .expect("v3 insert");
    }
    let counts = sleutel_domain::counts::Counts::recompute(&[], &[proposed.clone(), made.clone()]);
    for (key, value) in counts.non_zero() {
        let value = if key.metric == Metric::MeldingenVeiligThuis { value + 1 } else { value };
        let (period, metric, dimensions) = (key.period.to_string(), key.metric.code(), key.dimensions_text());
        let c = store.raw_connection();
        c.execute("INSERT INTO counts VALUES (?1, ?2, ?3, ?4)", (&period, metric, &dimensions, value))
            .expect("old count");
        c.execute("INSERT INTO outbox VALUES (?1, ?2, ?3, 7, NULL)", (&period, metric, &dimensions))
            .expect("old outbox");
    }
    store.raw_connection().execute("INSERT INTO settings VALUES ('outbox_version', '7')", []).expect("version");
    let version_before = 7;
    drop(store);

    let store = unlock(dir.path());
    assert_eq!(store.schema_version().expect("version"), LATEST_SCHEMA_VERSION);
    assert_eq!(store.all_counts().expect("counts").total(Metric::MeldingenVeiligThuis), 1);
    assert_eq!(store.all_counts().expect("counts"), store.recompute_counts().expect("recomputed"));
    let pending = store.outbox_pending(100).expect("outbox");
    let melding = pending.iter().find(|i| i.key.metric == Metric::MeldingenVeiligThuis).expect("in the outbox");
    assert_eq!(melding.value, 1);
    assert!(melding.version > version_before, "a newer version, so the coordinator takes the correction");
}

/// An upgrade from schema 5 keeps the marks of what was counted: a record saved and not yet counted is not lost.
#[test]
fn an_upgrade_from_schema_5_still_counts_what_was_saved_but_not_yet_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) =
        Store::create_with_schema(dir.path(), &Passphrase::new(PASSPHRASE), KdfParams::INSECURE_FOR_TESTS, 5)
            .expect("created at schema 5");
    // Saved at schema 5 and not counted yet (a record is counted at the next read of counts).
    let body = serde_json::to_string(&home_visit("2026-11-05")).expect("json");
    store
        .raw_connection()
        .execute(
            "INSERT INTO activities (id, kind, date, body, created_at, updated_at)
             VALUES (1, 'home_visit', '2026-11-05', ?1, '2026-11-05T10:00:00Z', '2026-11-05T10:00:00Z')",
            [body],
        )
        .expect("a schema 5 record");
    drop(store);

    let mut store = unlock(dir.path());
    assert_eq!(store.schema_version().expect("version"), LATEST_SCHEMA_VERSION);
    assert_eq!(store.all_counts().expect("counts").total(Metric::Activities), 1, "counted after the upgrade");
    // A counted record: deleting it takes its count away again, without going below zero.
    store.delete_activity(1).expect("deleted");
    assert_eq!(store.all_counts().expect("counts").total(Metric::Activities), 0);
}

/// Schema 5 moved the outbox into the count rows: what was waiting, refused or already accepted stays so.
#[test]
fn an_upgrade_from_schema_4_keeps_what_the_outbox_held() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) =
        Store::create_with_schema(dir.path(), &Passphrase::new(PASSPHRASE), KdfParams::INSECURE_FOR_TESTS, 4)
            .expect("created at schema 4");
    store
        .raw_connection()
        .execute_batch(
            "INSERT INTO counts VALUES ('2026-10', 'activities', 'activity=home_visit;municipality=GM0202', 3);
             INSERT INTO counts VALUES ('2026-11', 'activities', 'activity=home_visit;municipality=GM0202', 2);
             INSERT INTO counts VALUES ('2026-11', 'activities', 'activity=group_meeting;municipality=GM0202', 1);
             INSERT INTO outbox VALUES ('2026-11', 'activities', 'activity=home_visit;municipality=GM0202', 8, NULL);
             INSERT INTO outbox VALUES
                 ('2026-11', 'activities', 'activity=group_meeting;municipality=GM0202', 9, 'value_out_of_range');
             INSERT INTO settings VALUES ('outbox_version', '9');",
        )
        .expect("schema 4 rows");
    drop(store);

    let mut store = unlock(dir.path());
    assert_eq!(store.schema_version().expect("version"), LATEST_SCHEMA_VERSION);
    assert_eq!(store.all_counts().expect("counts").non_zero().len(), 3, "every count kept");
    let pending = store.outbox_pending(10).expect("pending");
    assert_eq!(pending.len(), 1);
    assert_eq!((pending[0].key.period.to_string(), pending[0].value, pending[0].version), ("2026-11".into(), 2, 8));
    let rejected = store.outbox_rejected(10).expect("rejected");
    assert_eq!(rejected.len(), 1);
    assert_eq!((rejected[0].version, rejected[0].rejected_code.as_deref()), (9, Some("value_out_of_range")));
    assert_eq!(store.outbox_version().expect("version"), 9);
    // The next change gets a higher version than any issued before the upgrade.
    store.create_activity(&home_visit("2026-11-05")).expect("saved");
    let after = store.outbox_pending(100).expect("pending");
    let new: Vec<_> = after.iter().filter(|i| i.key != pending[0].key).collect();
    assert!(!new.is_empty() && new.iter().all(|i| i.version > 9), "{after:?}");
}

/// A store from before the counts gets its counts in the same upgrade, already under today's definition.
#[test]
fn an_upgrade_from_schema_1_counts_meldingen_once() {
    use sleutel_domain::counts::Metric;
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) =
        Store::create_with_schema(dir.path(), &Passphrase::new(PASSPHRASE), KdfParams::INSECURE_FOR_TESTS, 1)
            .expect("created at schema 1");
    let mut input = sleutel_domain::ReferralInput {
        date: "2026-11-02".into(),
        municipality: "GM0202".into(),
        destination: "veilig_thuis".into(),
        themes: vec!["huiselijk_geweld".into()],
        status: sleutel_domain::ReferralStatus::Proposed,
        ..Default::default()
    };
    for (i, status) in
        [sleutel_domain::ReferralStatus::Proposed, sleutel_domain::ReferralStatus::Made].iter().enumerate()
    {
        input.status = *status;
        let code = sleutel_domain::PseudonymCode::parse(&format!("AAAA-BBB{i}")).expect("code");
        let r = sleutel_domain::Referral::from_input(&input, code, today()).expect("valid");
        store
            .raw_connection()
            .execute(
                "INSERT INTO referrals (code, date, status, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'x', 'x')",
                (r.code.as_str(), r.date.to_string(), r.status().code(), serde_json::to_string(&r).expect("json")),
            )
            .expect("v1 insert");
    }
    drop(store);
    let store = unlock(dir.path());
    assert_eq!(store.all_counts().expect("counts").total(Metric::MeldingenVeiligThuis), 1);
    assert_eq!(store.all_counts().expect("counts"), store.recompute_counts().expect("recomputed"));
}

#[test]
fn an_unfinished_form_survives_a_lock_and_goes_when_discarded() {
    use sleutel_domain::{Draft, DraftForm};
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = create(dir.path());
    assert_eq!(store.draft().expect("none yet"), None);
    let body = r#"{"kind":"group_meeting","women":12,"notes":"draftmarker-7Q"}"#;
    store.save_draft(&Draft::new(DraftForm::Activity, body).expect("valid")).expect("saved");
    drop(store);
    let mut store = unlock(dir.path());
    let kept = store.draft().expect("read").expect("kept");
    assert_eq!((kept.draft.form(), kept.draft.body()), (DraftForm::Activity, body));
    store.save_draft(&Draft::new(DraftForm::Referral, "{}").expect("valid")).expect("replaced");
    assert_eq!(store.draft().expect("read").expect("one draft").draft.form(), DraftForm::Referral);
    assert!(store.discard_draft().expect("discarded"));
    assert!(!store.discard_draft().expect("nothing left"));
    assert_eq!(store.draft().expect("read"), None);
    drop(store);
    // Encrypted like everything else: the marker is nowhere in the files.
    for (name, bytes) in files_in(dir.path()) {
        assert!(!contains(&bytes, b"draftmarker-7Q"), "{name} holds the draft in plain text");
    }
}
