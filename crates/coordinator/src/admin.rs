//! Administrative operations behind the `sleutel-coordinator` subcommands. Each is written to the audit log.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::rand::{SecureRandom, SystemRandom};
use sleutel_domain::typed_code;

use crate::storage::{AccountToCreate, AuditRecord, Device, Organisation, Role, Storage, StorageError, StorageResult};

fn random<const N: usize>() -> StorageResult<[u8; N]> {
    let mut bytes = [0u8; N];
    SystemRandom::new().fill(&mut bytes).map_err(|_| StorageError::Corrupt)?;
    Ok(bytes)
}

/// A new device id: `d-` and 16 hex digits (64 random bits).
pub fn new_device_id() -> StorageResult<String> {
    Ok(format!("d-{}", hex::encode(random::<8>()?)))
}

/// Normalises a typed enrolment code (case, spaces, dashes, I/L → 1, O → 0) and hashes it.
pub fn enrolment_code_hash(code: &str) -> [u8; 32] {
    crate::sha256(typed_code::normalise(code).as_bytes())
}

/// Characters that change how text is shown without being seen (direction overrides, zero-width marks): in a name
/// they let one account pass for another in lists and the audit log.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}')
}

/// A name as it is stored: trimmed, 1 to `max` characters, no control or invisible formatting characters. `None`
/// when not allowed.
fn checked_name(name: &str, max: usize) -> Option<String> {
    let name = name.trim();
    let count = name.chars().count();
    let clean = !name.chars().any(|c| c.is_control() || is_invisible_format(c));
    (count >= 1 && count <= max && clean).then(|| name.to_owned())
}

/// Account names: up to 64 characters.
pub fn account_name(name: &str) -> Option<String> {
    checked_name(name, 64)
}

/// Organisation names: up to 100 characters.
pub fn organisation_name(name: &str) -> Option<String> {
    checked_name(name, 100)
}

/// Creates an account and returns its token, shown once. Only its SHA-256 is stored.
pub fn create_account(storage: &dyn Storage, name: &str, role: Role, now: i64) -> StorageResult<String> {
    create_account_as(storage, "cli", name, role, now)
}

/// [`create_account`] on behalf of `actor`, for the audit log. A name that is not allowed is `Invalid`; one that
/// exists is `Conflict`.
pub fn create_account_as(
    storage: &dyn Storage,
    actor: &str,
    name: &str,
    role: Role,
    now: i64,
) -> StorageResult<String> {
    let name = account_name(name).ok_or(StorageError::Invalid)?;
    // "Anna" and "anna" would be two accounts nobody can tell apart.
    if storage.accounts()?.iter().any(|a| a.name.to_lowercase() == name.to_lowercase()) {
        return Err(StorageError::Conflict);
    }
    let token = format!("slt_{}", URL_SAFE_NO_PAD.encode(random::<32>()?));
    let audit = AuditRecord {
        actor: actor.to_owned(),
        action: "account_created",
        detail: serde_json::json!({"name": name, "role": role.as_str()}),
    };
    let account = AccountToCreate {
        name: &name,
        role,
        token_sha256: crate::sha256(token.as_bytes()),
        organisations: &[],
        password_phc: None,
        municipality: None,
    };
    storage.create_account_complete(&account, &[audit], now)?;
    Ok(token)
}

/// A new account with its organisations and a generated password, all in one transaction with its audit entries.
/// Returns the account's id, its API token and its password (each shown once). A name that is not allowed is
/// `Invalid`; one that exists, in any capitalisation, `Conflict`; an unknown organisation `NotFound`.
pub fn create_account_with_password(
    storage: &dyn Storage,
    actor: &str,
    name: &str,
    role: Role,
    organisations: &[i64],
    now: i64,
) -> StorageResult<(i64, String, String)> {
    if role == Role::Municipality {
        return Err(StorageError::Invalid);
    }
    create_with_password(storage, actor, name, role, organisations, None, now)
}

/// A municipality's read-only account for its policy officer, with a generated password: it reads protected,
/// rounded tables of every organisation's work in `municipality` (a CBS code; another is `Invalid`) and nothing
/// else. Returns the account's id, its API token and its password (each shown once).
pub fn create_municipality_account(
    storage: &dyn Storage,
    actor: &str,
    name: &str,
    municipality: &str,
    now: i64,
) -> StorageResult<(i64, String, String)> {
    let municipality = sleutel_domain::reference::municipality(municipality.trim()).ok_or(StorageError::Invalid)?;
    create_with_password(storage, actor, name, Role::Municipality, &[], Some(municipality.code), now)
}

fn create_with_password(
    storage: &dyn Storage,
    actor: &str,
    name: &str,
    role: Role,
    organisations: &[i64],
    municipality: Option<&str>,
    now: i64,
) -> StorageResult<(i64, String, String)> {
    let name = account_name(name).ok_or(StorageError::Invalid)?;
    let token = format!("slt_{}", URL_SAFE_NO_PAD.encode(random::<32>()?));
    let password = crate::auth::new_password().map_err(|_| StorageError::Invalid)?;
    let phc = crate::auth::hash_password(&password).map_err(|_| StorageError::Invalid)?;
    let mut audit = vec![AuditRecord {
        actor: actor.to_owned(),
        action: "account_created",
        detail: serde_json::json!({"name": name, "role": role.as_str(), "municipality": municipality}),
    }];
    audit.extend(organisations.iter().map(|organisation| AuditRecord {
        actor: actor.to_owned(),
        action: "organisation_granted",
        detail: serde_json::json!({"account": name, "organisation": organisation}),
    }));
    audit.push(AuditRecord {
        actor: actor.to_owned(),
        action: "password_set",
        detail: serde_json::json!({"account": name}),
    });
    let account = AccountToCreate {
        name: &name,
        role,
        token_sha256: crate::sha256(token.as_bytes()),
        organisations,
        password_phc: Some(&phc),
        municipality,
    };
    let id = storage.create_account_complete(&account, &audit, now)?;
    Ok((id, token, password))
}

/// Lets a coordinator account see an organisation's totals and exports.
pub fn grant_organisation(
    storage: &dyn Storage,
    account_name: &str,
    organisation: &Organisation,
    now: i64,
) -> StorageResult<()> {
    grant_organisation_as(storage, "cli", account_name, organisation, now)
}

/// [`grant_organisation`] on behalf of `actor`.
pub fn grant_organisation_as(
    storage: &dyn Storage,
    actor: &str,
    account_name: &str,
    organisation: &Organisation,
    now: i64,
) -> StorageResult<()> {
    let account = storage.login_record(account_name)?.ok_or(StorageError::NotFound)?.account;
    let audit = AuditRecord {
        actor: actor.to_owned(),
        action: "organisation_granted",
        detail: serde_json::json!({"account": account_name, "organisation": organisation.id}),
    };
    storage.grant_organisation(account.id, organisation.id, &[audit], now)?;
    Ok(())
}

/// Sets an account's dashboard password (Argon2id); unlocks the account and ends its sessions.
pub fn set_password(storage: &dyn Storage, account_name: &str, password: &str, now: i64) -> Result<(), String> {
    set_password_as(storage, "cli", account_name, password, now)
}

/// [`set_password`] on behalf of `actor`.
pub fn set_password_as(
    storage: &dyn Storage,
    actor: &str,
    account_name: &str,
    password: &str,
    now: i64,
) -> Result<(), String> {
    let phc = crate::auth::hash_password(password).map_err(|e| e.to_string())?;
    let account = storage
        .login_record(account_name)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no account '{account_name}'"))?
        .account;
    let audit = AuditRecord {
        actor: actor.to_owned(),
        action: "password_set",
        detail: serde_json::json!({"account": account_name}),
    };
    storage.set_password(account.id, &phc, &[audit], now).map_err(|e| e.to_string())
}

pub fn create_organisation(storage: &dyn Storage, name: &str, now: i64) -> StorageResult<Organisation> {
    create_organisation_as(storage, "cli", name, now)
}

/// [`create_organisation`] on behalf of `actor`. A name that is not allowed is `Invalid`; one that exists is
/// `Conflict`.
pub fn create_organisation_as(storage: &dyn Storage, actor: &str, name: &str, now: i64) -> StorageResult<Organisation> {
    let name = organisation_name(name).ok_or(StorageError::Invalid)?;
    if storage.organisations()?.iter().any(|o| o.name.to_lowercase() == name.to_lowercase()) {
        return Err(StorageError::Conflict);
    }
    let audit = AuditRecord {
        actor: actor.to_owned(),
        action: "organisation_created",
        detail: serde_json::json!({"name": name}),
    };
    storage.create_organisation(&name, &[audit], now)
}

/// Finds an organisation by id or by name.
pub fn find_organisation(storage: &dyn Storage, id_or_name: &str) -> StorageResult<Organisation> {
    let found = match id_or_name.parse::<i64>() {
        Ok(id) => storage.organisation(id)?,
        Err(_) => storage.organisation_by_name(id_or_name)?,
    };
    found.ok_or(StorageError::NotFound)
}

/// Issues a one-time enrolment code valid for `valid_secs`: 60 random bits in three groups, e.g. `7K3F-Q9XM-2D4P`.
pub fn issue_enrolment_code(
    storage: &dyn Storage,
    organisation_id: i64,
    valid_secs: i64,
    now: i64,
) -> StorageResult<String> {
    issue_enrolment_code_as(storage, "cli", organisation_id, valid_secs, now)
}

/// [`issue_enrolment_code`] on behalf of `actor` (an account name), for the audit log.
pub fn issue_enrolment_code_as(
    storage: &dyn Storage,
    actor: &str,
    organisation_id: i64,
    valid_secs: i64,
    now: i64,
) -> StorageResult<String> {
    let code = typed_code::grouped(&typed_code::from_random_bytes(&random::<12>()?), 4);
    let audit = AuditRecord {
        actor: actor.to_owned(),
        action: "enrolment_code_issued",
        detail: serde_json::json!({"organisation_id": organisation_id}),
    };
    storage.issue_enrolment_code(organisation_id, &enrolment_code_hash(&code), now + valid_secs, &[audit], now)?;
    Ok(code)
}

pub fn list_devices(storage: &dyn Storage, organisation_id: Option<i64>) -> StorageResult<Vec<Device>> {
    storage.devices(organisation_id)
}

pub fn revoke_device(storage: &dyn Storage, device_id: &str, now: i64) -> StorageResult<bool> {
    revoke_device_as(storage, "cli", device_id, now)
}

/// [`revoke_device`] on behalf of `actor` (an account name), for the audit log.
pub fn revoke_device_as(storage: &dyn Storage, actor: &str, device_id: &str, now: i64) -> StorageResult<bool> {
    // Audited once, in the revocation's transaction: revoking a device that is already revoked changes nothing.
    let audit = AuditRecord {
        actor: actor.to_owned(),
        action: "device_revoked",
        detail: serde_json::json!({"device_id": device_id}),
    };
    storage.revoke_device(device_id, &[audit], now)
}

/// Sets an organisation's disclosure threshold, on the audit record. `false` when there is no such organisation.
pub fn set_disclosure_threshold(
    storage: &dyn Storage,
    actor: &str,
    organisation_id: i64,
    threshold: sleutel_domain::disclosure::Threshold,
    now: i64,
) -> StorageResult<bool> {
    let audit = AuditRecord {
        actor: actor.to_owned(),
        action: "threshold_set",
        detail: serde_json::json!({"organisation": organisation_id, "threshold": threshold.get()}),
    };
    storage.set_disclosure_threshold(organisation_id, threshold, &[audit], now)
}

/// The headline totals of one organisation for one month: what `sleutel-coordinator totals` prints.
pub fn month_summary(
    storage: &dyn Storage,
    organisation_id: i64,
    month: sleutel_domain::counts::Period,
) -> StorageResult<Vec<(sleutel_domain::counts::Metric, i64)>> {
    use sleutel_domain::counts::Metric;
    [Metric::Activities, Metric::Participants, Metric::Referrals, Metric::MeldingenVeiligThuis]
        .into_iter()
        .map(|metric| {
            let rows = crate::use_cases::closing::totals(
                storage,
                &crate::storage::TotalsQuery {
                    metric,
                    from: month,
                    to: month,
                    organisations: vec![organisation_id],
                    municipality: None,
                    group_by_dimension: None,
                    by_period: false,
                },
            )?;
            Ok((metric, rows.iter().map(|r| r.value).sum()))
        })
        .collect()
}

/// Switches an account's two-factor sign-in off (its phone and recovery codes lost): the owner sets it up again at
/// the next sign-in (an admin must). Audited.
pub fn reset_two_factor(storage: &dyn Storage, actor: &str, name: &str, now: i64) -> StorageResult<()> {
    let account = storage.login_record(name)?.ok_or(StorageError::NotFound)?.account;
    let audit = AuditRecord {
        actor: actor.to_owned(),
        action: "two_factor_reset",
        detail: serde_json::json!({"account": account.name}),
    };
    storage.disable_two_factor(account.id, &[audit], now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_codes_hash_like_issued_ones() {
        assert_eq!(enrolment_code_hash("AB1D-0XYZ-1234"), enrolment_code_hash("ab ld oxyz 1234"));
        assert_ne!(enrolment_code_hash("AB1D-0XYZ-1234"), enrolment_code_hash("AB1D-0XYZ-1235"));
        assert!(new_device_id().expect("random").starts_with("d-"));
    }

    #[test]
    fn names_are_trimmed_bounded_and_free_of_hidden_characters() {
        assert_eq!(account_name("  amina ").as_deref(), Some("amina"));
        assert_eq!(organisation_name("Stichting Zuid").as_deref(), Some("Stichting Zuid"));
        for bad in ["", "   ", "a\nb", "adm\u{202E}nimda", "an\u{200B}na", "\u{FEFF}x"] {
            assert_eq!(account_name(bad), None, "{bad:?}");
        }
        assert!(account_name(&"x".repeat(64)).is_some());
        assert_eq!(account_name(&"x".repeat(65)), None);
        assert_eq!(organisation_name(&"x".repeat(101)), None);
    }

    #[test]
    fn names_differing_only_in_case_are_one_name() {
        let dir = tempfile::tempdir().expect("dir");
        let storage = crate::sqlite::SqliteStorage::open(dir.path()).expect("storage");
        create_account(&storage, "Anna", Role::Coordinator, 1).expect("first");
        assert!(matches!(create_account(&storage, "anna", Role::Coordinator, 1), Err(StorageError::Conflict)));
        create_organisation(&storage, "Stichting Oost", 1).expect("first");
        assert!(matches!(create_organisation(&storage, "stichting oost", 1), Err(StorageError::Conflict)));
    }
}
