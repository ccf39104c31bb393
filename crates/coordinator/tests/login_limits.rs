//! Login lockout on real SQLite storage: per client address, with an account-wide ceiling.

use sleutel_coordinator::admin;
use sleutel_coordinator::sqlite::SqliteStorage;
use sleutel_coordinator::storage::{LoginAttempt, LoginLimits, Role, Storage};

const NOW: i64 = 1_800_000_000;

fn account(storage: &SqliteStorage) -> i64 {
    admin::create_account(storage, "amina", Role::Coordinator, NOW).expect("account");
    storage.login_record("amina").expect("read").expect("found").account.id
}

#[test]
fn wrong_passwords_from_one_address_lock_only_that_address() {
    let dir = tempfile::tempdir().expect("dir");
    let storage = SqliteStorage::open(dir.path()).expect("storage");
    let id = account(&storage);
    let limits = LoginLimits { per_client: 5, per_account: 100, lock_secs: 900 };
    for _ in 0..4 {
        assert_eq!(storage.claim_login_attempt(id, "203.0.113.1", NOW, &limits).expect("claim"), LoginAttempt::Allowed);
    }
    let fifth = storage.claim_login_attempt(id, "203.0.113.1", NOW, &limits).expect("claim");
    assert_eq!(fifth, LoginAttempt::AllowedAndLocked);
    assert_eq!(
        storage.claim_login_attempt(id, "203.0.113.1", NOW + 899, &limits).expect("claim"),
        LoginAttempt::Refused
    );
    // The account's owner elsewhere is not kept out.
    assert_eq!(storage.claim_login_attempt(id, "198.51.100.7", NOW, &limits).expect("claim"), LoginAttempt::Allowed);
    storage.record_login_success(id, "198.51.100.7").expect("success");
    // After the lock time the address may try again.
    assert_eq!(
        storage.claim_login_attempt(id, "203.0.113.1", NOW + 900, &limits).expect("claim"),
        LoginAttempt::Allowed
    );
}

#[test]
fn guesses_spread_over_many_addresses_lock_the_account_for_everyone() {
    let dir = tempfile::tempdir().expect("dir");
    let storage = SqliteStorage::open(dir.path()).expect("storage");
    let id = account(&storage);
    let limits = LoginLimits { per_client: 5, per_account: 12, lock_secs: 60 };
    let mut outcomes = Vec::new();
    for client in ["a", "b", "c"] {
        for _ in 0..4 {
            outcomes.push(storage.claim_login_attempt(id, client, NOW, &limits).expect("claim"));
        }
    }
    assert_eq!(outcomes.iter().filter(|o| **o == LoginAttempt::Allowed).count(), 11);
    assert_eq!(outcomes.last(), Some(&LoginAttempt::AllowedAndLocked), "the 12th locks the account");
    assert_eq!(storage.claim_login_attempt(id, "fresh", NOW + 59, &limits).expect("claim"), LoginAttempt::Refused);
    assert_eq!(storage.claim_login_attempt(id, "fresh", NOW + 60, &limits).expect("claim"), LoginAttempt::Allowed);
    // A success clears the account's count: eleven more failures do not lock it.
    storage.record_login_success(id, "fresh").expect("success");
    for client in ["d", "e", "f"] {
        for _ in 0..3 {
            assert_eq!(
                storage.claim_login_attempt(id, client, NOW + 61, &limits).expect("claim"),
                LoginAttempt::Allowed
            );
        }
    }
}

#[test]
fn an_unknown_account_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let storage = SqliteStorage::open(dir.path()).expect("storage");
    let limits = LoginLimits { per_client: 5, per_account: 100, lock_secs: 900 };
    assert_eq!(storage.claim_login_attempt(4242, "a", NOW, &limits).expect("claim"), LoginAttempt::Refused);
}
