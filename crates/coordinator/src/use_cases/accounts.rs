//! Managing accounts and organisations (admins) and changing one's own password. Every change is audited in the
//! same transaction; generated passwords are shown once and never printed.

use serde::{Deserialize, Serialize};
use sleutel_protocol::ErrorCode;

use super::Refusal;
use crate::auth::{self, Caller};
use crate::storage::{AccountSummary, AuditRecord, LoginAttempt, LoginLimits, Role, Storage, StorageError};

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AccountRow {
    pub id: i64,
    pub name: String,
    pub role: String,
    /// The organisations a coordinator account sees (admins see all).
    pub organisations: Vec<i64>,
    /// A municipality's account: its municipality (CBS code).
    pub municipality: Option<String>,
    /// Whether a dashboard password is set.
    pub has_password: bool,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct NewAccount {
    pub name: String,
    /// `coordinator`, `admin`, or `municipality` (read-only, with `municipality`).
    pub role: String,
    #[serde(default)]
    pub organisations: Vec<i64>,
    /// For the `municipality` role: the CBS code of its municipality, e.g. `GM0153`.
    #[serde(default)]
    pub municipality: Option<String>,
}

/// A generated password, shown once.
#[derive(Serialize, utoipa::ToSchema)]
pub struct NewPassword {
    pub account: AccountRow,
    pub password: String,
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewPassword").field("account", &self.account).finish_non_exhaustive()
    }
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct OrganisationsRequest {
    pub organisations: Vec<i64>,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct NewOrganisation {
    pub name: String,
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
}

impl std::fmt::Debug for PasswordChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordChange").finish_non_exhaustive()
    }
}

fn refused(code: ErrorCode) -> Refusal {
    Refusal::Refused(code)
}

/// Storage's "already exists" and "not allowed" as the caller's codes, other failures as they are.
fn conflict_is_refusal(e: StorageError) -> Refusal {
    match e {
        StorageError::Conflict => refused(ErrorCode::AlreadyExists),
        StorageError::Invalid => refused(ErrorCode::InvalidField),
        other => Refusal::Storage(other),
    }
}

fn row_from(storage: &dyn Storage, a: AccountSummary) -> Result<AccountRow, StorageError> {
    let municipality = if a.role == Role::Municipality { storage.account_municipality(a.id)? } else { None };
    Ok(AccountRow {
        id: a.id,
        name: a.name,
        role: a.role.as_str().to_owned(),
        organisations: a.organisations,
        municipality,
        has_password: a.has_password,
    })
}

fn row_of(storage: &dyn Storage, id: i64) -> Result<AccountRow, Refusal> {
    let account = storage.accounts()?.into_iter().find(|a| a.id == id).ok_or(refused(ErrorCode::InvalidField))?;
    Ok(row_from(storage, account)?)
}

/// Every account (admins only).
pub fn list(storage: &dyn Storage, caller: &Caller) -> Result<Vec<AccountRow>, Refusal> {
    caller.require_admin()?;
    Ok(storage.accounts()?.into_iter().map(|a| row_from(storage, a)).collect::<Result<_, _>>()?)
}

/// Creates an account with a generated password, shown once (admins only). A coordinator account needs at least one
/// organisation; every organisation must exist (`invalid_field`); a name taken in any case is `already_exists`.
pub fn create(storage: &dyn Storage, caller: &Caller, request: &NewAccount, now: i64) -> Result<NewPassword, Refusal> {
    caller.require_admin()?;
    let role = Role::from_code(&request.role).ok_or(refused(ErrorCode::InvalidField))?;
    if role == Role::Municipality {
        // Read-only over one municipality: no organisations of its own.
        let municipality = request.municipality.as_deref().ok_or(refused(ErrorCode::InvalidField))?;
        if !request.organisations.is_empty() {
            return Err(refused(ErrorCode::InvalidField));
        }
        let (id, _token, password) =
            crate::admin::create_municipality_account(storage, &caller.account.name, &request.name, municipality, now)
                .map_err(conflict_is_refusal)?;
        return Ok(NewPassword { account: row_of(storage, id)?, password });
    }
    let organisations = request
        .organisations
        .iter()
        .map(|id| storage.organisation(*id)?.ok_or(refused(ErrorCode::InvalidField)))
        .collect::<Result<Vec<_>, Refusal>>()?;
    if role == Role::Coordinator && organisations.is_empty() {
        return Err(refused(ErrorCode::InvalidField));
    }
    let ids: Vec<i64> = organisations.iter().map(|o| o.id).collect();
    let (id, _token, password) =
        crate::admin::create_account_with_password(storage, &caller.account.name, &request.name, role, &ids, now)
            .map_err(conflict_is_refusal)?;
    Ok(NewPassword { account: row_of(storage, id)?, password })
}

/// Gives an account a new generated password (shown once); its sessions end, its locks lift, and its two-factor
/// sign-in is switched off, to be set up again (admins only).
pub fn reset_password(storage: &dyn Storage, caller: &Caller, id: i64, now: i64) -> Result<NewPassword, Refusal> {
    caller.require_admin()?;
    let account = row_of(storage, id)?;
    let password = auth::new_password().map_err(refused)?;
    crate::admin::set_password_as(storage, &caller.account.name, &account.name, &password, now)
        .map_err(|_| refused(ErrorCode::InternalError))?;
    // A reset is what someone who lost their phone (and recovery codes) asks for: two-factor sign-in is set up again.
    if storage.two_factor(id)?.is_some() {
        crate::admin::reset_two_factor(storage, &caller.account.name, &account.name, now)?;
    }
    Ok(NewPassword { account: row_of(storage, id)?, password })
}

/// Sets which organisations a coordinator account sees (admins only; at least one for a coordinator).
pub fn set_organisations(
    storage: &dyn Storage,
    caller: &Caller,
    id: i64,
    request: &OrganisationsRequest,
    now: i64,
) -> Result<AccountRow, Refusal> {
    caller.require_admin()?;
    let account = row_of(storage, id)?;
    if account.role == Role::Municipality.as_str() {
        return Err(refused(ErrorCode::InvalidField));
    }
    let mut wanted = request.organisations.clone();
    wanted.sort_unstable();
    wanted.dedup();
    for organisation in &wanted {
        storage.organisation(*organisation)?.ok_or(refused(ErrorCode::InvalidField))?;
    }
    if account.role == Role::Coordinator.as_str() && wanted.is_empty() {
        return Err(refused(ErrorCode::InvalidField));
    }
    let audit = AuditRecord {
        actor: caller.account.name.clone(),
        action: "organisations_set",
        detail: serde_json::json!({"account": account.name, "organisations": wanted}),
    };
    storage.set_account_organisations(id, &wanted, &[audit], now)?;
    row_of(storage, id)
}

/// Deletes an account (someone left the organisation); its sessions end at once. Admins only, not their own account, and
/// never the last admin.
pub fn delete(storage: &dyn Storage, caller: &Caller, id: i64, now: i64) -> Result<(), Refusal> {
    caller.require_admin()?;
    // Nobody locks themselves out; another admin can delete this one.
    if caller.account.id == id {
        return Err(refused(ErrorCode::InvalidField));
    }
    let account = row_of(storage, id)?;
    let audit = AuditRecord {
        actor: caller.account.name.clone(),
        action: "account_deleted",
        detail: serde_json::json!({"name": account.name}),
    };
    if !storage.delete_account(id, caller.account.id, &[audit], now)? {
        return Err(refused(ErrorCode::InvalidField));
    }
    Ok(())
}

/// Creates an organisation (admins only).
pub fn create_organisation(
    storage: &dyn Storage,
    caller: &Caller,
    request: &NewOrganisation,
    now: i64,
) -> Result<crate::storage::Organisation, Refusal> {
    caller.require_admin()?;
    crate::admin::create_organisation_as(storage, &caller.account.name, &request.name, now).map_err(conflict_is_refusal)
}

/// Where a password change comes from: the client's address (for the audit log) and its key for failure counting.
#[derive(Debug, Clone)]
pub struct PasswordChangeFrom {
    pub client: std::net::IpAddr,
    pub client_key: String,
}

/// Changes the caller's own password: the current one must be right (`forbidden`), the new one at least 12
/// characters (`invalid_field`). Guessing the current one counts like guessing at the login (`rate_limited` once
/// locked: the caller is logged in already, so there is nothing to hide). Every session of the account ends.
pub fn change_own_password(
    storage: &dyn Storage,
    caller: &Caller,
    request: &PasswordChange,
    from: &PasswordChangeFrom,
    limits: &LoginLimits,
    now: i64,
) -> Result<(), Refusal> {
    if request.new.chars().count() < auth::MIN_PASSWORD_CHARS {
        return Err(refused(ErrorCode::InvalidField));
    }
    own_password_holds(storage, caller, &request.current, &from.client_key, &from.client.to_string(), limits, now)?;
    crate::admin::set_password_as(storage, &caller.account.name, &caller.account.name, &request.new, now)
        .map_err(|_| refused(ErrorCode::InvalidField))
}

/// The caller's own password, checked like a login (counted per address and account, locked the same way):
/// `forbidden` when wrong, `rate_limited` once locked. For changes a stolen session alone must not make.
pub(crate) fn own_password_holds(
    storage: &dyn Storage,
    caller: &Caller,
    password: &str,
    client_key: &str,
    client_address: &str,
    limits: &LoginLimits,
    now: i64,
) -> Result<(), Refusal> {
    let record = storage.login_record(&caller.account.name)?.ok_or(refused(ErrorCode::Unauthorized))?;
    let attempt = storage.claim_login_attempt(record.account.id, client_key, false, now, limits)?;
    if attempt == LoginAttempt::Refused {
        return Err(refused(ErrorCode::RateLimited));
    }
    if !auth::verify_password(record.password_phc.as_deref(), password) {
        if attempt == LoginAttempt::AllowedAndLocked {
            let detail = serde_json::json!({"from": client_address});
            storage.audit(now, &record.account.name, "account_locked", &detail)?;
        }
        return Err(refused(ErrorCode::Forbidden));
    }
    storage.record_login_success(record.account.id, client_key, false)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_print() {
        let account = AccountRow {
            id: 1,
            name: "noord".into(),
            role: "coordinator".into(),
            organisations: vec![],
            municipality: None,
            has_password: true,
        };
        let shown = format!("{:?}", NewPassword { account, password: "geheim-wachtwoord".into() });
        let change = format!("{:?}", PasswordChange { current: "oud-geheim".into(), new: "nieuw-geheim".into() });
        assert!(shown.contains("noord") && !shown.contains("geheim"), "{shown}");
        assert!(!change.contains("geheim"), "{change}");
    }
}
