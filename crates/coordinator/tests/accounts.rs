//! Deleting accounts on real SQLite storage: everything of the account goes, and there is always an admin left.

use sleutel_coordinator::admin;
use sleutel_coordinator::sqlite::SqliteStorage;
use sleutel_coordinator::storage::{NewSession, Role, Storage};

#[test]
fn two_admins_cannot_delete_each_other_into_having_none() {
    let dir = tempfile::tempdir().expect("dir");
    let storage = SqliteStorage::open(dir.path()).expect("storage");
    admin::create_account(&storage, "eerste", Role::Admin, 1).expect("first");
    admin::create_account(&storage, "tweede", Role::Admin, 1).expect("second");
    let id = |name: &str| storage.login_record(name).expect("read").expect("found").account.id;
    let (first, second) = (id("eerste"), id("tweede"));
    storage
        .create_session(
            &NewSession { token_sha256: &[9; 32], account_id: second, csrf_token: "csrf", now: 1, expires_at: 100 },
            &[],
        )
        .expect("session");
    storage.remember_browser(second, &[8; 32], 1, 1000).expect("browser");

    assert!(!storage.delete_account(first, first, &[], 0).expect("delete"), "not oneself");
    assert!(storage.delete_account(second, first, &[], 0).expect("delete"));
    assert_eq!(storage.session(&[9; 32], 2).expect("read"), None, "its sessions went with it");
    assert!(!storage.is_known_browser(second, &[8; 32], 2).expect("read"));
    // The second admin's own request, arriving just after: it no longer exists, and the first is the last admin.
    assert!(!storage.delete_account(first, second, &[], 0).expect("delete"));
    assert_eq!(storage.accounts().expect("accounts").len(), 1);
}
