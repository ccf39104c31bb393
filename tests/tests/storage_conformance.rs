//! What every storage engine must do, written once: each case runs against SQLite and PostgreSQL (see
//! `conformance!`), so both engines pass exactly the same checks. Each case gets a fresh, empty store.

use sleutel_coordinator::admin;
use sleutel_coordinator::storage::{
    AuditRecord, DeviceCeilings, ENROLMENT_REPEAT_SECS, LoginAttempt, LoginLimits, NewSession, ProjectToStore, Role,
    Storage, StorageError, TableRows, TotalsQuery,
};
use sleutel_coordinator::use_cases::closing;
use sleutel_coordinator::use_cases::upload::{Batch, IngestOutcome, ValidItem};
use sleutel_domain::counts::{CountKey, Dimension, Metric, Period};
use sleutel_protocol::ErrorCode;

const NOW: i64 = 1_800_000_000;

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

/// Every case runs on a fresh SQLite file (a test each) and on a fresh PostgreSQL database (one test runs every case on
/// one throwaway cluster, a database per case, so the suite starts PostgreSQL once).
macro_rules! conformance {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $case() {
                    let dir = tempfile::tempdir().expect("dir");
                    let storage = sleutel_coordinator::sqlite::SqliteStorage::open(dir.path()).expect("sqlite");
                    super::$case("sqlite", &storage);
                }
            )*
        }

        #[test]
        fn postgres_passes_every_case() {
            let cluster = sleutel_system_tests::postgres::TestCluster::start().expect("cluster");
            $(
                let url = cluster.fresh_database(stringify!($case)).expect("database");
                let storage = sleutel_coordinator::postgres::PostgresStorage::open(&url, 4).expect("postgres");
                $case(concat!("postgres ", stringify!($case)), &storage);
            )*
        }
    };
}

conformance!(
    a_fresh_store_is_ready,
    support_contacts_and_requests_for_a_talk_are_kept_per_organisation,
    active_volunteers_follow_their_counts_to_zero_and_to_a_new_phone,
    retries_replays_and_revocation_are_told_apart,
    totals_group_by_month_and_dimension,
    sessions_thresholds_and_grants_are_kept,
    projects_are_kept_with_their_indicators_and_names_unique_per_organisation,
    closed_periods_keep_their_totals_and_first_months_add_up,
    two_admins_cannot_delete_each_other_into_having_none,
    the_same_key_gets_the_same_device_again,
    another_key_gets_nothing,
    a_revoked_device_is_not_answered,
    after_a_day_the_code_is_simply_used,
    wrong_passwords_from_one_address_lock_only_that_address,
    failures_older_than_the_window_are_forgotten,
    guesses_spread_over_many_addresses_lock_the_account_but_not_its_known_browsers,
    browsers_unused_for_long_are_forgotten,
    an_unknown_account_is_refused,
    organisations_are_found_by_id_and_name_and_names_are_unique,
    a_code_enrols_one_device_once,
    uploads_keep_each_device_newest_value_and_totals_follow,
    revoking_keeps_totals_and_a_replacement_takes_the_counts_over,
    repeated_audit_entries_become_one_with_a_count,
    an_account_is_created_whole_or_not_at_all,
    changes_and_their_audit_entries_happen_together,
    enrolments_and_sessions_are_audited_with_their_change,
);

fn key(municipality: &str) -> CountKey {
    CountKey::parse("2026-11", "activities", [("activity", "home_visit"), ("municipality", municipality)]).expect("key")
}

fn batch(id: &str, items: &[(&str, i64, i64)]) -> Batch {
    Batch {
        batch_id: id.into(),
        body_sha256: [id.len() as u8; 32],
        timestamp: NOW,
        items: items
            .iter()
            .enumerate()
            .map(|(index, &(m, value, version))| ValidItem { index, key: key(m), value, version })
            .collect(),
        invalid: Vec::new(),
        item_count: items.len(),
        ceilings: DeviceCeilings::default(),
    }
}

fn total(storage: &dyn Storage, organisation: i64) -> i64 {
    let query = TotalsQuery {
        metric: Metric::Activities,
        from: Period::new(2026, 1).expect("period"),
        to: Period::new(2026, 12).expect("period"),
        organisations: vec![organisation],
        municipality: None,
        group_by_dimension: None,
        by_period: false,
    };
    closing::totals(storage, &query).expect("totals").iter().map(|r| r.value).sum()
}

/// Enrols a device with a fresh code of `organisation`.
fn enrol(storage: &dyn Storage, organisation: i64, id: &str, key: u8, replaces: Option<&str>) -> bool {
    let code = admin::issue_enrolment_code(storage, organisation, 3600, NOW).expect("code");
    let hash = admin::enrolment_code_hash(&code);
    storage
        .enrol_device(
            &sleutel_coordinator::storage::DeviceEnrolment {
                code_sha256: &hash,
                device_id: id,
                public_key: &[key; 32],
                label: "Telefoon",
                replaces,
            },
            &[],
            NOW,
        )
        .expect("enrol")
        .is_some()
}

fn organisations_are_found_by_id_and_name_and_names_are_unique(engine: &str, storage: &dyn Storage) {
    let made = admin::create_organisation(storage, "Stichting Oost", NOW).expect("created");
    assert_eq!(storage.organisation(made.id).expect("read").map(|o| o.name), Some("Stichting Oost".into()));
    assert_eq!(storage.organisation_by_name("Stichting Oost").expect("read").map(|o| o.id), Some(made.id));
    let again = admin::create_organisation(storage, "stichting oost", NOW);
    assert!(matches!(again, Err(StorageError::Conflict)), "{engine}: {again:?}");
    assert_eq!(storage.organisations().expect("list").len(), 1, "{engine}");
    // The database itself refuses a name in another case (no check-then-insert to race), also beyond ASCII.
    let direct = storage.create_organisation("STICHTING OOST", &[], NOW);
    assert!(matches!(direct, Err(StorageError::Conflict)), "{engine}: {direct:?}");
    storage.create_organisation("Coöperatie Zuid", &[], NOW).expect("created");
    let folded = storage.create_organisation("COÖPERATIE ZUID", &[], NOW);
    assert!(matches!(folded, Err(StorageError::Conflict)), "{engine}: {folded:?}");
    assert_eq!(storage.organisation_by_name("stichting OOST").expect("read").map(|o| o.id), Some(made.id));
    let account = |name, token| sleutel_coordinator::storage::AccountToCreate {
        name,
        role: sleutel_coordinator::storage::Role::Admin,
        token_sha256: [token; 32],
        organisations: &[],
        password_phc: None,
        municipality: None,
    };
    storage.create_account_complete(&account("Beheerder", 1), &[], NOW).expect("made");
    let twin = storage.create_account_complete(&account("beheerder", 2), &[], NOW);
    assert!(matches!(twin, Err(StorageError::Conflict)), "{engine}: {twin:?}");
}

fn a_code_enrols_one_device_once(engine: &str, storage: &dyn Storage) {
    let org = admin::create_organisation(storage, "Org", NOW).expect("org");
    let code = admin::issue_enrolment_code(storage, org.id, 3600, NOW).expect("code");
    let hash = admin::enrolment_code_hash(&code);
    assert!(
        storage.enrol_device(&enrolment(&hash, "d-1", &[1; 32], "Telefoon", None), &[], NOW).expect("enrol").is_some()
    );
    let other =
        storage.enrol_device(&enrolment(&hash, "d-2", &[2; 32], "Telefoon", None), &[], NOW + 1).expect("enrol");
    assert!(other.is_none(), "{engine}: a code is used once");
    let expired = admin::issue_enrolment_code(storage, org.id, -1, NOW).expect("code");
    let late =
        storage.enrol_device(&enrolment(&admin::enrolment_code_hash(&expired), "d-3", &[3; 32], "T", None), &[], NOW);
    assert!(late.expect("enrol").is_none(), "{engine}: an expired code");
}

fn uploads_keep_each_device_newest_value_and_totals_follow(engine: &str, storage: &dyn Storage) {
    let org = admin::create_organisation(storage, "Org", NOW).expect("org");
    assert!(enrol(storage, org.id, "d-1", 1, None));
    let device = storage.device("d-1").expect("read").expect("exists");
    let outcome = storage.ingest(&device, &batch("b-first", &[("GM0202", 3, 1), ("GM0363", 2, 1)]), NOW);
    assert!(matches!(outcome, Ok(IngestOutcome::Reply { replayed: false, .. })), "{engine}: {outcome:?}");
    storage.ingest(&device, &batch("b-second", &[("GM0202", 5, 2), ("GM0363", 9, 1)]), NOW).expect("ingest");
    assert_eq!(total(storage, org.id), 7, "{engine}: 5 (newer) + 2 (the same version keeps its value)");
    assert_eq!(storage.device("d-1").expect("read").expect("exists").high_water_version, 2, "{engine}");
    assert_eq!(storage.device_key_count("d-1").expect("count"), 2, "{engine}");
}

fn revoking_keeps_totals_and_a_replacement_takes_the_counts_over(engine: &str, storage: &dyn Storage) {
    let org = admin::create_organisation(storage, "Org", NOW).expect("org");
    assert!(enrol(storage, org.id, "d-old", 1, None));
    let old = storage.device("d-old").expect("read").expect("exists");
    storage.ingest(&old, &batch("b-old", &[("GM0202", 4, 3)]), NOW).expect("ingest");
    assert!(storage.revoke_device("d-old", &[], NOW).expect("revoke"));
    assert_eq!(total(storage, org.id), 4, "{engine}: revoking changes no total");
    assert!(enrol(storage, org.id, "d-new", 2, Some("d-old")));
    let new = storage.device("d-new").expect("read").expect("exists");
    assert_eq!((new.high_water_version, storage.device_key_count("d-new").expect("count")), (3, 1), "{engine}");
    storage.ingest(&new, &batch("b-new", &[("GM0202", 6, 4)]), NOW).expect("ingest");
    assert_eq!(total(storage, org.id), 6, "{engine}: moved, not added");
}

fn repeated_audit_entries_become_one_with_a_count(engine: &str, storage: &dyn Storage) {
    let refused = serde_json::json!({"device_id": "d-1", "code": "device_revoked"});
    for i in 0..3 {
        storage.audit_repeated(NOW + i, "d-1", "upload_rejected", &refused, 3600).expect("audit");
    }
    let other = serde_json::json!({"device_id": "d-1", "code": "clock_skew"});
    storage.audit_repeated(NOW + 5, "d-1", "upload_rejected", &other, 3600).expect("audit");
    storage.audit_repeated(NOW + 7200, "d-1", "upload_rejected", &other, 3600).expect("audit");
    let log = storage.audit_log(10).expect("log");
    assert_eq!(log.len(), 3, "{engine}: {log:?}");
    assert_eq!(log[2].detail["count"], 3, "{engine}");
    assert!(log[0].detail.get("count").is_none() && log[1].detail.get("count").is_none(), "{engine}");
}

fn an_account_is_created_whole_or_not_at_all(engine: &str, storage: &dyn Storage) {
    let org = admin::create_organisation(storage, "Org", NOW).expect("org");
    let before = storage.audit_log(100).expect("log").len();
    let missing = admin::create_account_with_password(
        storage,
        "beheer",
        "Fatma",
        sleutel_coordinator::storage::Role::Coordinator,
        &[org.id, 999],
        NOW,
    );
    assert!(matches!(missing, Err(StorageError::NotFound)), "{engine}: {missing:?}");
    assert!(storage.login_record("Fatma").expect("read").is_none(), "{engine}: nothing half-made");
    assert_eq!(storage.audit_log(100).expect("log").len(), before, "{engine}: no audit of what did not happen");

    let (id, token, password) = admin::create_account_with_password(
        storage,
        "beheer",
        "Fatma",
        sleutel_coordinator::storage::Role::Coordinator,
        &[org.id],
        NOW,
    )
    .expect("created");
    assert!(token.starts_with("slt_") && password.chars().count() >= 12, "{engine}");
    assert_eq!(storage.account_organisations(id).expect("orgs"), vec![org.id], "{engine}");
    let record = storage.login_record("Fatma").expect("read").expect("exists");
    assert!(sleutel_coordinator::auth::verify_password(record.password_phc.as_deref(), &password), "{engine}");
    let actions: Vec<String> = storage.audit_log(100).expect("log").into_iter().take(3).map(|e| e.action).collect();
    assert_eq!(actions, ["password_set", "organisation_granted", "account_created"], "{engine}");
}

/// An audit entry exists exactly when its change happened: written in the change's own transaction.
fn changes_and_their_audit_entries_happen_together(engine: &str, storage: &dyn Storage) {
    let made = admin::create_organisation_as(storage, "beheer", "Org", NOW).expect("created");
    let refused = admin::create_organisation_as(storage, "beheer", "ORG", NOW);
    assert!(matches!(refused, Err(StorageError::Conflict)), "{engine}");
    assert!(enrol(storage, made.id, "d-1", 1, None));
    assert!(admin::revoke_device_as(storage, "beheer", "d-1", NOW).expect("revoked"));
    assert!(admin::revoke_device_as(storage, "beheer", "d-1", NOW + 1).expect("still known"));
    let log = storage.audit_log(100).expect("log");
    let count = |action: &str| log.iter().filter(|e| e.action == action).count();
    assert_eq!(count("organisation_created"), 1, "{engine}: not for the refused one");
    assert_eq!(count("device_revoked"), 1, "{engine}: once, though asked twice");
    assert_eq!(count("enrolment_code_issued"), 1, "{engine}");
    let created = log.iter().find(|e| e.action == "organisation_created").expect("entry");
    assert_eq!(created.detail["id"], made.id, "{engine}: the entry names the new id");
}

/// Enrolment, login and logout record themselves in their own transactions: an enrolment once (not its repeat),
/// with the organisation only the code knows.
fn enrolments_and_sessions_are_audited_with_their_change(engine: &str, storage: &dyn Storage) {
    let org = admin::create_organisation(storage, "Org", NOW).expect("org");
    let code = admin::issue_enrolment_code(storage, org.id, 3600, NOW).expect("code");
    let hash = admin::enrolment_code_hash(&code);
    let audit = sleutel_coordinator::storage::AuditRecord {
        actor: "d-1".into(),
        action: "device_enrolled",
        detail: serde_json::json!({"device_id": "d-1"}),
    };
    let enrolment = enrolment(&hash, "d-1", &[1; 32], "Telefoon", None);
    for _ in 0..2 {
        storage.enrol_device(&enrolment, std::slice::from_ref(&audit), NOW).expect("enrol").expect("answered");
    }
    let log = storage.audit_log(100).expect("log");
    let enrolled: Vec<_> = log.iter().filter(|e| e.action == "device_enrolled").collect();
    assert_eq!(enrolled.len(), 1, "{engine}: not for the repeat");
    assert_eq!(enrolled[0].detail["organisation_id"], org.id, "{engine}");
}

const KEY: [u8; 32] = [1; 32];
const LIMITS: LoginLimits = LoginLimits { per_client: 5, per_account: 100, lock_secs: 900, window_secs: 3600 };

/// A device enrolled with a code; returns the code's hash for a repeat.
fn enrolled(storage: &dyn Storage) -> [u8; 32] {
    let organisation = admin::create_organisation(storage, "Stichting Herhaling", NOW).expect("organisation");
    let code = admin::issue_enrolment_code(storage, organisation.id, 3600, NOW).expect("code");
    let hash = admin::enrolment_code_hash(&code);
    let first = storage
        .enrol_device(&enrolment(&hash, "d-first", &KEY, "Telefoon", None), &[], NOW)
        .expect("enrol")
        .expect("accepted");
    assert!(!first.repeated);
    hash
}

/// The account `amina`, whose logins the lockout cases try.
fn login_setup(storage: &dyn Storage) -> i64 {
    admin::create_account(storage, "amina", Role::Coordinator, NOW).expect("account");
    storage.login_record("amina").expect("read").expect("found").account.id
}

fn claim(storage: &dyn Storage, id: i64, client: &str, at: i64, limits: &LoginLimits) -> LoginAttempt {
    storage.claim_login_attempt(id, client, false, at, limits).expect("claim")
}

fn two_admins_cannot_delete_each_other_into_having_none(_engine: &str, storage: &dyn Storage) {
    admin::create_account(storage, "eerste", Role::Admin, 1).expect("first");
    admin::create_account(storage, "tweede", Role::Admin, 1).expect("second");
    let id = |name: &str| storage.login_record(name).expect("read").expect("found").account.id;
    let (first, second) = (id("eerste"), id("tweede"));
    storage
        .create_session(
            &NewSession {
                token_sha256: &[9; 32],
                account_id: second,
                csrf_token: "csrf",
                now: 1,
                expires_at: 100,
                second_factor: false,
            },
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

fn the_same_key_gets_the_same_device_again(_engine: &str, storage: &dyn Storage) {
    let hash = enrolled(storage);
    let again = storage
        .enrol_device(&enrolment(&hash, "d-second", &KEY, "Telefoon", None), &[], NOW + 5)
        .expect("enrol")
        .expect("answered");
    assert!(again.repeated);
    assert_eq!(again.device.id, "d-first", "not a second device");
    assert_eq!(storage.devices(None).expect("devices").len(), 1);
}

fn another_key_gets_nothing(_engine: &str, storage: &dyn Storage) {
    let hash = enrolled(storage);
    assert_eq!(
        storage.enrol_device(&enrolment(&hash, "d-other", &[2; 32], "Ander", None), &[], NOW + 5).expect("enrol"),
        None
    );
}

fn a_revoked_device_is_not_answered(_engine: &str, storage: &dyn Storage) {
    let hash = enrolled(storage);
    assert!(storage.revoke_device("d-first", &[], NOW + 1).expect("revoke"));
    assert_eq!(
        storage.enrol_device(&enrolment(&hash, "d-second", &KEY, "Telefoon", None), &[], NOW + 5).expect("enrol"),
        None
    );
}

fn after_a_day_the_code_is_simply_used(_engine: &str, storage: &dyn Storage) {
    let hash = enrolled(storage);
    let late = NOW + ENROLMENT_REPEAT_SECS + 1;
    assert_eq!(
        storage.enrol_device(&enrolment(&hash, "d-second", &KEY, "Telefoon", None), &[], late).expect("enrol"),
        None
    );
}

fn wrong_passwords_from_one_address_lock_only_that_address(_engine: &str, storage: &dyn Storage) {
    let id = login_setup(storage);
    for _ in 0..4 {
        assert_eq!(claim(storage, id, "203.0.113.1", NOW, &LIMITS), LoginAttempt::Allowed);
    }
    assert_eq!(claim(storage, id, "203.0.113.1", NOW, &LIMITS), LoginAttempt::AllowedAndLocked);
    assert_eq!(claim(storage, id, "203.0.113.1", NOW + 899, &LIMITS), LoginAttempt::Refused);
    // The account's owner elsewhere is not kept out.
    assert_eq!(claim(storage, id, "198.51.100.7", NOW, &LIMITS), LoginAttempt::Allowed);
    storage.record_login_success(id, "198.51.100.7", false).expect("success");
    // After the lock time the address may try again.
    assert_eq!(claim(storage, id, "203.0.113.1", NOW + 900, &LIMITS), LoginAttempt::Allowed);
}

fn failures_older_than_the_window_are_forgotten(_engine: &str, storage: &dyn Storage) {
    let id = login_setup(storage);
    for _ in 0..4 {
        assert_eq!(claim(storage, id, "a", NOW, &LIMITS), LoginAttempt::Allowed);
    }
    // Four in January and one in June are not five in a row.
    let later = NOW + LIMITS.window_secs + 1;
    for _ in 0..4 {
        assert_eq!(claim(storage, id, "a", later, &LIMITS), LoginAttempt::Allowed);
    }
    assert_eq!(claim(storage, id, "a", later, &LIMITS), LoginAttempt::AllowedAndLocked, "five within the window");
}

fn guesses_spread_over_many_addresses_lock_the_account_but_not_its_known_browsers(
    _engine: &str,
    storage: &dyn Storage,
) {
    let id = login_setup(storage);
    let limits = LoginLimits { per_account: 12, lock_secs: 60, ..LIMITS };
    let mut outcomes = Vec::new();
    for client in ["a", "b", "c"] {
        for _ in 0..4 {
            outcomes.push(claim(storage, id, client, NOW, &limits));
        }
    }
    assert_eq!(outcomes.iter().filter(|o| **o == LoginAttempt::Allowed).count(), 11);
    assert_eq!(outcomes.last(), Some(&LoginAttempt::AllowedAndLocked), "the 12th locks the account");
    assert_eq!(claim(storage, id, "fresh", NOW + 59, &limits), LoginAttempt::Refused);

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
    assert_eq!(claim(storage, id, "fresh", NOW + 59, &limits), LoginAttempt::Refused);

    assert_eq!(claim(storage, id, "fresh", NOW + 60, &limits), LoginAttempt::Allowed, "the lock ends");
    // A success clears the account's count: eleven more failures do not lock it (a twelfth would).
    storage.record_login_success(id, "fresh", false).expect("success");
    for (client, times) in [("d", 4), ("e", 4), ("f", 3)] {
        for _ in 0..times {
            assert_eq!(claim(storage, id, client, NOW + 61, &limits), LoginAttempt::Allowed);
        }
    }
    assert_eq!(claim(storage, id, "g", NOW + 61, &limits), LoginAttempt::AllowedAndLocked);
}

fn browsers_unused_for_long_are_forgotten(_engine: &str, storage: &dyn Storage) {
    let id = login_setup(storage);
    storage.remember_browser(id, &[1u8; 32], NOW, 3600).expect("remember");
    // Remembering another browser much later tidies up the first.
    storage.remember_browser(id, &[2u8; 32], NOW + 3601, 3600).expect("remember");
    assert!(!storage.is_known_browser(id, &[1u8; 32], NOW + 3601).expect("read"));
    assert!(storage.is_known_browser(id, &[2u8; 32], NOW + 3601).expect("read"));
}

fn an_unknown_account_is_refused(_engine: &str, storage: &dyn Storage) {
    login_setup(storage);
    assert_eq!(claim(storage, 4242, "a", NOW, &LIMITS), LoginAttempt::Refused);
}

/// A retried batch gets its stored reply once, a replay and a reused id are refused, and a revoked device's upload
/// changes nothing.
fn retries_replays_and_revocation_are_told_apart(engine: &str, storage: &dyn Storage) {
    let org = admin::create_organisation(storage, "Org", NOW).expect("org");
    assert!(enrol(storage, org.id, "d-1", 1, None));
    let device = storage.device("d-1").expect("read").expect("exists");
    let first = batch("b-one", &[("GM0202", 3, 1)]);
    storage.ingest(&device, &first, NOW).expect("ingest");
    let retried = Batch { timestamp: NOW + 1, ..first.clone() };
    let outcome = storage.ingest(&device, &retried, NOW + 1).expect("ingest");
    assert!(matches!(outcome, IngestOutcome::Reply { replayed: true, .. }), "{engine}: {outcome:?}");
    let replay = storage.ingest(&device, &retried, NOW + 1).expect("ingest");
    assert_eq!(replay, IngestOutcome::Refused(ErrorCode::ReplayDetected), "{engine}");
    let reused = Batch { body_sha256: [99; 32], timestamp: NOW + 2, ..first };
    assert_eq!(
        storage.ingest(&device, &reused, NOW + 2).expect("ingest"),
        IngestOutcome::Refused(ErrorCode::BatchIdReused)
    );
    assert!(storage.revoke_device("d-1", &[], NOW + 3).expect("revoke"));
    let late = storage.ingest(&device, &batch("b-late", &[("GM0202", 9, 2)]), NOW + 4).expect("ingest");
    assert_eq!(late, IngestOutcome::Refused(ErrorCode::DeviceRevoked), "{engine}");
    assert_eq!(total(storage, org.id), 3, "{engine}: counted once");
}

/// Totals grouped by month and dimension, as a two-way table, and the active devices of a period.
fn totals_group_by_month_and_dimension(engine: &str, storage: &dyn Storage) {
    let org = admin::create_organisation(storage, "Org", NOW).expect("org");
    let other = admin::create_organisation(storage, "Ander", NOW).expect("org");
    for (id, key, organisation) in [("d-1", 1, org.id), ("d-2", 2, org.id), ("d-3", 3, other.id)] {
        assert!(enrol(storage, organisation, id, key, None));
        let device = storage.device(id).expect("read").expect("exists");
        let b = batch(&format!("b-{id}"), &[("GM0202", 2, 1), ("GM0363", 1, 1)]);
        storage.ingest(&device, &b, NOW).expect("ingest");
    }
    let november = Period::new(2026, 11).expect("period");
    let query = TotalsQuery {
        metric: Metric::Activities,
        from: november,
        to: november,
        organisations: vec![org.id],
        municipality: None,
        group_by_dimension: Some(Dimension::Municipality),
        by_period: true,
    };
    let rows: Vec<(Option<String>, Option<String>, i64)> =
        closing::totals(storage, &query).expect("totals").into_iter().map(|r| (r.period, r.group, r.value)).collect();
    let month = Some("2026-11".to_string());
    assert_eq!(
        rows,
        [(month.clone(), Some("GM0202".into()), 4), (month, Some("GM0363".into()), 2)],
        "{engine}: two devices of one organisation, not the other's"
    );
    let only = TotalsQuery { municipality: Some("GM0363".into()), group_by_dimension: None, ..query.clone() };
    assert_eq!(closing::totals(storage, &only).expect("totals")[0].value, 2, "{engine}");
    let table = closing::totals_table(storage, &query, TableRows::Month, Dimension::Municipality).expect("table");
    let cells: Vec<(String, String, i64)> = table.into_iter().map(|c| (c.row, c.column, c.value)).collect();
    assert_eq!(cells, [("2026-11".into(), "GM0202".into(), 4), ("2026-11".into(), "GM0363".into(), 2)], "{engine}");
    assert_eq!(storage.active_devices(&[org.id, other.id], november, november).expect("active"), 3, "{engine}");
    let october = Period::new(2026, 10).expect("period");
    assert_eq!(storage.active_devices(&[org.id], october, october).expect("active"), 0, "{engine}");
}

/// Projects: kept as given (the indicators as opaque JSON), listed per organisation by first month and name,
/// names unique per organisation in any case, replaced and deleted with their audit entries.
fn projects_are_kept_with_their_indicators_and_names_unique_per_organisation(engine: &str, storage: &dyn Storage) {
    let org = admin::create_organisation(storage, "Org", NOW).expect("org");
    let other = admin::create_organisation(storage, "Ander", NOW).expect("org");
    let project = |organisation_id, name, first_month| ProjectToStore {
        organisation_id,
        name,
        funder: "Gemeente Den Haag",
        first_month,
        last_month: "2027-06",
        indicators_json: r#"[{"name":"Informeren","metric":"participants","filters":{},"target":400}]"#,
    };
    let audit = |action| AuditRecord { actor: "amina".into(), action, detail: serde_json::json!({}) };
    let later = storage.create_project(&project(org.id, "Van huis uit", "2026-07"), &[audit("project_created")], NOW);
    let later = later.expect("created");
    let earlier = storage.create_project(&project(org.id, "Jaardoelen 2026", "2026-01"), &[], NOW).expect("created");
    storage.create_project(&project(other.id, "Van huis uit", "2026-07"), &[], NOW).expect("the same name elsewhere");
    assert!(
        matches!(
            storage.create_project(&project(org.id, "VAN HUIS UIT", "2026-01"), &[], NOW),
            Err(StorageError::Conflict)
        ),
        "{engine}: a name once per organisation, in any case"
    );

    let listed = storage.projects(&[org.id]).expect("listed");
    assert_eq!(listed.iter().map(|p| p.id).collect::<Vec<_>>(), [earlier, later], "{engine}: by first month");
    let kept = storage.project(later).expect("read").expect("found");
    assert_eq!(
        (
            kept.organisation_id,
            kept.name.as_str(),
            kept.funder.as_str(),
            kept.first_month.as_str(),
            kept.last_month.as_str()
        ),
        (org.id, "Van huis uit", "Gemeente Den Haag", "2026-07", "2027-06"),
        "{engine}"
    );
    assert_eq!(kept.indicators_json, project(org.id, "", "").indicators_json, "{engine}: the indicators as given");
    assert_eq!(storage.projects(&[org.id, other.id]).expect("listed").len(), 3, "{engine}");

    let renamed = ProjectToStore { name: "Van huis uit II", last_month: "2027-12", ..project(org.id, "", "2026-07") };
    assert!(storage.replace_project(later, &renamed, &[audit("project_changed")], NOW + 1).expect("replaced"));
    let kept = storage.project(later).expect("read").expect("found");
    assert_eq!(
        (kept.name.as_str(), kept.last_month.as_str(), kept.updated_at),
        ("Van huis uit II", "2027-12", NOW + 1)
    );
    let taken = ProjectToStore { name: "jaardoelen 2026", ..renamed };
    assert!(matches!(storage.replace_project(later, &taken, &[], NOW), Err(StorageError::Conflict)), "{engine}");
    assert!(!storage.replace_project(4242, &renamed, &[], NOW).expect("none"), "{engine}: no such project");

    assert!(storage.delete_project(later, &[audit("project_deleted")], NOW).expect("deleted"), "{engine}");
    assert!(storage.project(later).expect("read").is_none(), "{engine}");
    assert!(!storage.delete_project(later, &[audit("project_deleted")], NOW).expect("gone"), "{engine}");
    let actions: Vec<String> = storage.audit_log(10).expect("audit").into_iter().map(|e| e.action).collect();
    for action in ["project_created", "project_changed", "project_deleted"] {
        assert_eq!(actions.iter().filter(|a| *a == action).count(), 1, "{engine}: {action} once in {actions:?}");
    }
}

/// Closing copies an organisation's totals of its months as they are; later uploads change only the live ones;
/// reopening drops the copy. Devices counted by the first month they were active in add up to the active devices.
fn closed_periods_keep_their_totals_and_first_months_add_up(engine: &str, storage: &dyn Storage) {
    let org = admin::create_organisation(storage, "Org", NOW).expect("org");
    let other = admin::create_organisation(storage, "Ander", NOW).expect("org");
    assert!(enrol(storage, org.id, "d-1", 1, None) && enrol(storage, org.id, "d-2", 2, None));
    assert!(enrol(storage, other.id, "d-3", 3, None));
    let month = |m: u32| Period::new(2026, m).expect("period");
    let upload = |device: &str, id: &str, items: &[(&str, &str, i64, i64)]| {
        let device = storage.device(device).expect("read").expect("exists");
        let mut batch = batch(id, &[]);
        batch.items = items
            .iter()
            .enumerate()
            .map(|(index, &(period, m, value, version))| ValidItem {
                index,
                key: CountKey::parse(period, "activities", [("activity", "home_visit"), ("municipality", m)])
                    .expect("key"),
                value,
                version,
            })
            .collect();
        batch.item_count = items.len();
        storage.ingest(&device, &batch, NOW).expect("ingest");
    };
    upload("d-1", "b-1", &[("2026-10", "GM0202", 2, 1), ("2026-11", "GM0363", 1, 1)]);
    upload("d-2", "b-2", &[("2026-11", "GM0202", 3, 1)]);
    upload("d-3", "b-3", &[("2026-10", "GM0202", 7, 1)]);
    let firsts = storage.active_devices_by_first_month(&[org.id], month(9), month(12)).expect("firsts");
    assert_eq!(firsts, [("2026-10".to_owned(), 1), ("2026-11".to_owned(), 1)], "{engine}");
    for (upto, expected) in [(10, 1), (11, 2)] {
        assert_eq!(storage.active_devices(&[org.id], month(9), month(upto)).expect("active"), expected, "{engine}");
    }

    let audit = |action| AuditRecord { actor: "amina".into(), action, detail: serde_json::json!({}) };
    let closed = sleutel_coordinator::storage::ClosedPeriod {
        organisation_id: org.id,
        first_month: "2026-10".into(),
        last_month: "2026-11".into(),
        closed_at: NOW,
        closed_by: "amina".into(),
    };
    storage.close_period(&closed, &[audit("period_closed")]).expect("closed");
    assert!(matches!(storage.close_period(&closed, &[]), Err(StorageError::Conflict)), "{engine}");
    assert_eq!(storage.closed_periods(&[org.id, other.id]).expect("listed"), std::slice::from_ref(&closed), "{engine}");

    // A device changes October after closing: the live totals follow, the kept ones do not.
    upload("d-1", "b-1-later", &[("2026-10", "GM0202", 5, 2)]);
    let query = TotalsQuery {
        metric: Metric::Activities,
        from: month(10),
        to: month(11),
        organisations: vec![org.id, other.id],
        municipality: None,
        group_by_dimension: None,
        by_period: false,
    };
    let sum = |totals: Vec<sleutel_coordinator::storage::stored_totals::StoredTotal>| -> i64 {
        totals.iter().map(|t| t.value).sum()
    };
    assert_eq!(sum(storage.stored_totals(&query).expect("live")), 5 + 1 + 3 + 7, "{engine}");
    assert_eq!(
        sum(storage.closed_totals(&query).expect("kept")),
        2 + 1 + 3,
        "{engine}: only the closed organisation's"
    );
    let (live, kept) = storage.period_totals(&closed).expect("period totals");
    assert_eq!((sum(live), sum(kept)), (5 + 1 + 3, 2 + 1 + 3), "{engine}: the period's own organisation, every metric");
    let in_gm0363 = TotalsQuery { municipality: Some("GM0363".into()), ..query.clone() };
    assert_eq!(sum(storage.closed_totals(&in_gm0363).expect("kept")), 1, "{engine}: by municipality");

    assert!(storage.reopen_period(org.id, "2026-10", &[audit("period_reopened")], NOW).expect("reopened"));
    assert!(storage.closed_totals(&query).expect("kept").is_empty(), "{engine}: the copy goes with it");
    assert!(!storage.reopen_period(org.id, "2026-10", &[], NOW).expect("none"), "{engine}");
    let actions: Vec<String> = storage.audit_log(10).expect("audit").into_iter().map(|e| e.action).collect();
    assert!(actions.contains(&"period_closed".into()) && actions.contains(&"period_reopened".into()), "{engine}");
}

/// Sessions, thresholds and the organisations an account sees.
fn sessions_thresholds_and_grants_are_kept(engine: &str, storage: &dyn Storage) {
    let org = admin::create_organisation(storage, "Org", NOW).expect("org");
    let second = admin::create_organisation(storage, "Tweede", NOW).expect("org");
    admin::create_account(storage, "Fatma", Role::Coordinator, NOW).expect("account");
    let id = storage.login_record("Fatma").expect("read").expect("found").account.id;
    let session = NewSession {
        token_sha256: &[5; 32],
        account_id: id,
        csrf_token: "csrf",
        now: NOW,
        expires_at: NOW + 60,
        second_factor: false,
    };
    storage.create_session(&session, &[]).expect("session");
    let (account, csrf) = storage.session(&[5; 32], NOW + 59).expect("read").expect("alive");
    assert_eq!((account.name.as_str(), csrf.as_str()), ("Fatma", "csrf"), "{engine}");
    assert!(storage.session(&[5; 32], NOW + 60).expect("read").is_none(), "{engine}: expired");
    storage.delete_session(&[5; 32], &[], NOW).expect("logout");
    assert!(storage.session(&[5; 32], NOW + 1).expect("read").is_none(), "{engine}: logged out");

    let threshold = sleutel_domain::disclosure::Threshold::new(10).expect("threshold");
    assert!(storage.set_disclosure_threshold(org.id, threshold, &[], NOW).expect("set"), "{engine}");
    assert!(!storage.set_disclosure_threshold(4242, threshold, &[], NOW).expect("set"), "{engine}: no such one");
    assert_eq!(storage.organisation(org.id).expect("read").expect("found").disclosure_threshold, threshold);
    assert!(!storage.organisation(org.id).expect("read").expect("found").reach_details, "{engine}: off by default");
    assert!(storage.set_reach_details(org.id, true, &[], NOW).expect("set"), "{engine}");
    assert!(!storage.set_reach_details(4242, true, &[], NOW).expect("set"), "{engine}: no such one");
    assert!(storage.organisation(org.id).expect("read").expect("found").reach_details, "{engine}");
    assert!(
        !storage.organisation(second.id).expect("read").expect("found").reach_details,
        "{engine}: per organisation"
    );

    storage.grant_organisation(id, org.id, &[], NOW).expect("grant");
    storage.grant_organisation(id, org.id, &[], NOW).expect("granted twice is once");
    assert_eq!(storage.account_organisations(id).expect("read"), [org.id], "{engine}");
    storage.set_account_organisations(id, &[second.id, org.id], &[], NOW).expect("set");
    let summary = storage.accounts().expect("accounts").into_iter().find(|a| a.id == id).expect("listed");
    assert_eq!(summary.organisations, [org.id, second.id], "{engine}");
}

/// A device is active in a month while one of its counts there is above zero: a newer version down to zero ends
/// that, a revocation ends it, and a replacement phone carries it on.
fn active_volunteers_follow_their_counts_to_zero_and_to_a_new_phone(engine: &str, storage: &dyn Storage) {
    let org = admin::create_organisation(storage, "Org", NOW).expect("org");
    let november = Period::new(2026, 11).expect("period");
    let active = || storage.active_devices(&[org.id], november, november).expect("active");
    assert!(enrol(storage, org.id, "d-1", 1, None) && enrol(storage, org.id, "d-2", 2, None));
    let one = storage.device("d-1").expect("read").expect("exists");
    let two = storage.device("d-2").expect("read").expect("exists");
    storage.ingest(&one, &batch("b-one-first", &[("GM0202", 2, 1), ("GM0363", 1, 1)]), NOW).expect("ingest");
    storage.ingest(&two, &batch("b-two-zero", &[("GM0202", 0, 1)]), NOW).expect("ingest");
    assert_eq!(active(), 1, "{engine}: a count of zero is no work");
    storage.ingest(&one, &batch("b-one-second", &[("GM0202", 0, 2)]), NOW).expect("ingest");
    assert_eq!(active(), 1, "{engine}: one key is still above zero");
    storage.ingest(&one, &batch("b-one-third", &[("GM0363", 0, 3)]), NOW).expect("ingest");
    assert_eq!(active(), 0, "{engine}: every key back to zero");
    storage.ingest(&two, &batch("b-two-more", &[("GM0202", 4, 2)]), NOW).expect("ingest");
    assert_eq!(active(), 1, "{engine}");
    assert!(storage.revoke_device("d-2", &[], NOW).expect("revoke"));
    assert_eq!(active(), 0, "{engine}: revoked");
    assert!(enrol(storage, org.id, "d-3", 3, Some("d-2")));
    assert_eq!(active(), 1, "{engine}: the new phone carries the old one's months");
}

/// A store just opened has every migration: ready to serve.
fn a_fresh_store_is_ready(engine: &str, storage: &dyn Storage) {
    assert!(storage.ready().expect("answers"), "{engine}");
}

/// The support contact is kept per organisation (and removed); a request for a talk is kept once per request id,
/// listed per organisation until handled, and handling forgets its label, with the audit entry written alongside.
fn support_contacts_and_requests_for_a_talk_are_kept_per_organisation(engine: &str, storage: &dyn Storage) {
    let org = admin::create_organisation(storage, "Org", NOW).expect("org");
    let other = admin::create_organisation(storage, "Ander", NOW).expect("org");
    assert_eq!(storage.support_contact_json(org.id).expect("read"), None, "{engine}");
    assert!(storage.set_support_contact_json(org.id, Some("{\"name\":\"x\"}"), &[], NOW).expect("set"), "{engine}");
    assert!(!storage.set_support_contact_json(4242, Some("{}"), &[], NOW).expect("set"), "{engine}: no such one");
    assert_eq!(storage.support_contact_json(org.id).expect("read").as_deref(), Some("{\"name\":\"x\"}"), "{engine}");
    assert_eq!(storage.support_contact_json(other.id).expect("read"), None, "{engine}");
    assert!(storage.set_support_contact_json(org.id, None, &[], NOW).expect("removed"), "{engine}");
    assert_eq!(storage.support_contact_json(org.id).expect("read"), None, "{engine}");

    assert!(storage.add_debrief_request(org.id, "d-0000000000000001", None, NOW).expect("add"), "{engine}");
    assert!(!storage.add_debrief_request(org.id, "d-0000000000000001", None, NOW + 5).expect("retry"), "{engine}");
    assert!(storage.add_debrief_request(org.id, "d-0000000000000002", Some("Telefoon 3"), NOW + 9).expect("add"));
    assert!(storage.add_debrief_request(other.id, "d-0000000000000001", None, NOW).expect("other org"), "{engine}");
    let open = storage.open_debrief_requests(&[org.id]).expect("read");
    let seen: Vec<_> = open.iter().map(|r| (r.label.as_deref(), r.received_at)).collect();
    assert_eq!(seen, [(None, NOW), (Some("Telefoon 3"), NOW + 9)], "{engine}");
    assert_eq!(storage.open_debrief_requests(&[org.id, other.id]).expect("read").len(), 3, "{engine}");

    let named = open[1].id;
    let audit = AuditRecord { actor: "Fatma".into(), action: "debrief_request_handled", detail: serde_json::json!({}) };
    assert!(storage.handle_debrief_request(named, std::slice::from_ref(&audit), NOW + 60).expect("handled"));
    assert!(!storage.handle_debrief_request(named, &[audit], NOW + 61).expect("once"), "{engine}: already handled");
    assert_eq!(storage.open_debrief_request(named).expect("read"), None, "{engine}");
    assert_eq!(storage.open_debrief_requests(&[org.id]).expect("read").len(), 1, "{engine}");
    let handled = storage.audit_log(10).expect("audit").into_iter().filter(|e| e.action == "debrief_request_handled");
    assert_eq!(handled.count(), 1, "{engine}: audited once, with the change");
    assert!(
        !storage.add_debrief_request(org.id, "d-0000000000000002", Some("Telefoon 3"), NOW + 90).expect("late retry"),
        "{engine}: a handled request is not opened again by a late retry"
    );
}
