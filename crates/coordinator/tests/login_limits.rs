//! Login lockout on real SQLite storage: per client address within a window, an account-wide ceiling, and known
//! browsers that the ceiling does not shut out.

use sleutel_coordinator::admin;
use sleutel_coordinator::sqlite::SqliteStorage;
use sleutel_coordinator::storage::{LoginAttempt, LoginLimits, Role, Storage};

const NOW: i64 = 1_800_000_000;
const LIMITS: LoginLimits = LoginLimits { per_client: 5, per_account: 100, lock_secs: 900, window_secs: 3600 };

fn setup() -> (tempfile::TempDir, SqliteStorage, i64) {
    let dir = tempfile::tempdir().expect("dir");
    let storage = SqliteStorage::open(dir.path()).expect("storage");
    admin::create_account(&storage, "amina", Role::Coordinator, NOW).expect("account");
    let id = storage.login_record("amina").expect("read").expect("found").account.id;
    (dir, storage, id)
}

fn claim(storage: &SqliteStorage, id: i64, client: &str, at: i64, limits: &LoginLimits) -> LoginAttempt {
    storage.claim_login_attempt(id, client, false, at, limits).expect("claim")
}

#[test]
fn wrong_passwords_from_one_address_lock_only_that_address() {
    let (_dir, storage, id) = setup();
    for _ in 0..4 {
        assert_eq!(claim(&storage, id, "203.0.113.1", NOW, &LIMITS), LoginAttempt::Allowed);
    }
    assert_eq!(claim(&storage, id, "203.0.113.1", NOW, &LIMITS), LoginAttempt::AllowedAndLocked);
    assert_eq!(claim(&storage, id, "203.0.113.1", NOW + 899, &LIMITS), LoginAttempt::Refused);
    // The account's owner elsewhere is not kept out.
    assert_eq!(claim(&storage, id, "198.51.100.7", NOW, &LIMITS), LoginAttempt::Allowed);
    storage.record_login_success(id, "198.51.100.7", false).expect("success");
    // After the lock time the address may try again.
    assert_eq!(claim(&storage, id, "203.0.113.1", NOW + 900, &LIMITS), LoginAttempt::Allowed);
}

#[test]
fn failures_older_than_the_window_are_forgotten() {
    let (_dir, storage, id) = setup();
    for _ in 0..4 {
        assert_eq!(claim(&storage, id, "a", NOW, &LIMITS), LoginAttempt::Allowed);
    }
    // Four in January and one in June are not five in a row.
    let later = NOW + LIMITS.window_secs + 1;
    for _ in 0..4 {
        assert_eq!(claim(&storage, id, "a", later, &LIMITS), LoginAttempt::Allowed);
    }
    assert_eq!(claim(&storage, id, "a", later, &LIMITS), LoginAttempt::AllowedAndLocked, "five within the window");
}

#[test]
fn guesses_spread_over_many_addresses_lock_the_account_but_not_its_known_browsers() {
    let (_dir, storage, id) = setup();
    let limits = LoginLimits { per_account: 12, lock_secs: 60, ..LIMITS };
    let mut outcomes = Vec::new();
    for client in ["a", "b", "c"] {
        for _ in 0..4 {
            outcomes.push(claim(&storage, id, client, NOW, &limits));
        }
    }
    assert_eq!(outcomes.iter().filter(|o| **o == LoginAttempt::Allowed).count(), 11);
    assert_eq!(outcomes.last(), Some(&LoginAttempt::AllowedAndLocked), "the 12th locks the account");
    assert_eq!(claim(&storage, id, "fresh", NOW + 59, &limits), LoginAttempt::Refused);

    // A browser that logged in before is not shut out by that lock, and its failures do not feed it.
    let browser = [7u8; 32];
    assert!(!storage.is_known_browser(id, &browser, NOW).expect("read"));
    storage.remember_browser(id, &browser, NOW - 10, 3600).expect("remember");
    assert!(storage.is_known_browser(id, &browser, NOW).expect("read"));
    assert!(!storage.is_known_browser(id + 1, &browser, NOW).expect("read"), "only for its own account");
    let known = storage.claim_login_attempt(id, "owner", true, NOW + 1, &limits).expect("claim");
    assert_eq!(known, LoginAttempt::Allowed);
    // ... but its address still has its own limit.
    for _ in 0..3 {
        storage.claim_login_attempt(id, "owner", true, NOW + 1, &limits).expect("claim");
    }
    let fifth = storage.claim_login_attempt(id, "owner", true, NOW + 1, &limits).expect("claim");
    assert_eq!(fifth, LoginAttempt::AllowedAndLocked);
    // The owner getting in past the lock does not lift it for everyone else.
    storage.record_login_success(id, "owner2", true).expect("success");
    assert_eq!(claim(&storage, id, "fresh", NOW + 59, &limits), LoginAttempt::Refused);

    assert_eq!(claim(&storage, id, "fresh", NOW + 60, &limits), LoginAttempt::Allowed, "the lock ends");
    // A success clears the account's count: eleven more failures do not lock it (a twelfth would).
    storage.record_login_success(id, "fresh", false).expect("success");
    for (client, times) in [("d", 4), ("e", 4), ("f", 3)] {
        for _ in 0..times {
            assert_eq!(claim(&storage, id, client, NOW + 61, &limits), LoginAttempt::Allowed);
        }
    }
    assert_eq!(claim(&storage, id, "g", NOW + 61, &limits), LoginAttempt::AllowedAndLocked);
}

#[test]
fn browsers_unused_for_long_are_forgotten() {
    let (_dir, storage, id) = setup();
    storage.remember_browser(id, &[1u8; 32], NOW, 3600).expect("remember");
    // Remembering another browser much later tidies up the first.
    storage.remember_browser(id, &[2u8; 32], NOW + 3601, 3600).expect("remember");
    assert!(!storage.is_known_browser(id, &[1u8; 32], NOW + 3601).expect("read"));
    assert!(storage.is_known_browser(id, &[2u8; 32], NOW + 3601).expect("read"));
}

#[test]
fn an_unknown_account_is_refused() {
    let (_dir, storage, _) = setup();
    assert_eq!(claim(&storage, 4242, "a", NOW, &LIMITS), LoginAttempt::Refused);
}
