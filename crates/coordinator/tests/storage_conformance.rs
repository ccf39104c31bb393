//! What every storage engine must do, written once: each test runs against every engine (`engines()`), so a new
//! engine (PostgreSQL is next) passes exactly the same checks. Each case gets a fresh, empty store.

use sleutel_coordinator::admin;
use sleutel_coordinator::sqlite::SqliteStorage;
use sleutel_coordinator::storage::{
    Batch, DeviceCeilings, IngestOutcome, Storage, StorageError, TotalsQuery, ValidItem,
};
use sleutel_domain::counts::{CountKey, Metric, Period};

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

/// A fresh store of every engine, with whatever keeps it alive.
fn engines() -> Vec<(&'static str, Box<dyn Storage>, tempfile::TempDir)> {
    let dir = tempfile::tempdir().expect("dir");
    let sqlite = SqliteStorage::open(dir.path()).expect("sqlite");
    vec![("sqlite", Box::new(sqlite), dir)]
}

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
    storage.totals(&query).expect("totals").iter().map(|r| r.value).sum()
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

#[test]
fn organisations_are_found_by_id_and_name_and_names_are_unique() {
    for (engine, storage, _dir) in engines() {
        let storage = storage.as_ref();
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
        };
        storage.create_account_complete(&account("Beheerder", 1), &[], NOW).expect("made");
        let twin = storage.create_account_complete(&account("beheerder", 2), &[], NOW);
        assert!(matches!(twin, Err(StorageError::Conflict)), "{engine}: {twin:?}");
    }
}

#[test]
fn a_code_enrols_one_device_once() {
    for (engine, storage, _dir) in engines() {
        let storage = storage.as_ref();
        let org = admin::create_organisation(storage, "Org", NOW).expect("org");
        let code = admin::issue_enrolment_code(storage, org.id, 3600, NOW).expect("code");
        let hash = admin::enrolment_code_hash(&code);
        assert!(
            storage
                .enrol_device(&enrolment(&hash, "d-1", &[1; 32], "Telefoon", None), &[], NOW)
                .expect("enrol")
                .is_some()
        );
        let other =
            storage.enrol_device(&enrolment(&hash, "d-2", &[2; 32], "Telefoon", None), &[], NOW + 1).expect("enrol");
        assert!(other.is_none(), "{engine}: a code is used once");
        let expired = admin::issue_enrolment_code(storage, org.id, -1, NOW).expect("code");
        let late = storage.enrol_device(
            &enrolment(&admin::enrolment_code_hash(&expired), "d-3", &[3; 32], "T", None),
            &[],
            NOW,
        );
        assert!(late.expect("enrol").is_none(), "{engine}: an expired code");
    }
}

#[test]
fn uploads_keep_each_device_newest_value_and_totals_follow() {
    for (engine, storage, _dir) in engines() {
        let storage = storage.as_ref();
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
}

#[test]
fn revoking_keeps_totals_and_a_replacement_takes_the_counts_over() {
    for (engine, storage, _dir) in engines() {
        let storage = storage.as_ref();
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
}

#[test]
fn repeated_audit_entries_become_one_with_a_count() {
    for (engine, storage, _dir) in engines() {
        let storage = storage.as_ref();
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
}

#[test]
fn an_account_is_created_whole_or_not_at_all() {
    for (engine, storage, _dir) in engines() {
        let storage = storage.as_ref();
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
}

/// An audit entry exists exactly when its change happened: written in the change's own transaction.
#[test]
fn changes_and_their_audit_entries_happen_together() {
    for (engine, storage, _dir) in engines() {
        let storage = storage.as_ref();
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
}

/// Enrolment, login and logout record themselves in their own transactions: an enrolment once (not its repeat),
/// with the organisation only the code knows.
#[test]
fn enrolments_and_sessions_are_audited_with_their_change() {
    for (engine, storage, _dir) in engines() {
        let storage = storage.as_ref();
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
}
