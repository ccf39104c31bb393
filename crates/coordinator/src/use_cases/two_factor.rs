//! Two-factor sign-in for dashboard accounts: switching it on (a secret for the authenticator app, confirmed by a
//! first code, then ten one-time recovery codes shown once), switching it off (with a code), and checking the
//! second factor at login. Admins must have it: until they switch it on, an admin's session can do nothing but
//! that (see `auth::authenticate`). Every change is audited; codes and secrets never are.

use serde::{Deserialize, Serialize};
use sleutel_protocol::ErrorCode;

use super::Refusal;
use crate::auth::Caller;
use crate::storage::{Account, AuditRecord, LoginLimits, Storage, StorageError, StorageResult, TwoFactor};
use crate::two_factor;

/// What the authenticator app needs: the secret as text, the `otpauth://` address, and that address as a QR code.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TwoFactorSetup {
    pub secret: String,
    pub uri: String,
    pub qr_svg: String,
}

impl std::fmt::Debug for TwoFactorSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TwoFactorSetup").finish_non_exhaustive()
    }
}

/// A code from the authenticator app (six digits).
#[derive(Deserialize, utoipa::ToSchema)]
pub struct TwoFactorCode {
    pub code: String,
}

impl std::fmt::Debug for TwoFactorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TwoFactorCode").finish_non_exhaustive()
    }
}

/// The account's current password, to start setting two-factor sign-in up.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct TwoFactorStart {
    pub password: String,
}

impl std::fmt::Debug for TwoFactorStart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TwoFactorStart").finish_non_exhaustive()
    }
}

/// The current password and a code (or a recovery code), to switch two-factor sign-in off.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct TwoFactorStop {
    pub password: String,
    pub code: String,
}

impl std::fmt::Debug for TwoFactorStop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TwoFactorStop").finish_non_exhaustive()
    }
}

/// Where a check of the password comes from: its rate-limit key and address, as for logins.
#[derive(Debug, Clone)]
pub struct CheckFrom {
    pub client_key: String,
    pub client_address: String,
}

/// The caller's own password, checked like a login: a stolen session alone can neither put an attacker's
/// authenticator on the account nor take two-factor off.
fn password_holds(
    storage: &dyn Storage,
    caller: &Caller,
    password: &str,
    from: &CheckFrom,
    limits: &LoginLimits,
    now: i64,
) -> Result<(), Refusal> {
    super::accounts::own_password_holds(storage, caller, password, &from.client_key, &from.client_address, limits, now)
}

/// The recovery codes, shown once: each lets its account in once without the app.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RecoveryCodes {
    pub recovery_codes: Vec<String>,
}

impl std::fmt::Debug for RecoveryCodes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecoveryCodes").finish_non_exhaustive()
    }
}

fn audit(account: &Account, action: &'static str) -> AuditRecord {
    AuditRecord { actor: account.name.clone(), action, detail: serde_json::json!({}) }
}

/// Starts switching it on, with the current password (`forbidden` when wrong): a new secret for the app.
/// `already_exists` when it is on (switch it off first).
pub fn begin(
    storage: &dyn Storage,
    caller: &Caller,
    request: &TwoFactorStart,
    from: &CheckFrom,
    limits: &LoginLimits,
    now: i64,
) -> Result<TwoFactorSetup, Refusal> {
    password_holds(storage, caller, &request.password, from, limits, now)?;
    let secret = two_factor::new_secret().ok_or(Refusal::Refused(ErrorCode::InternalError))?;
    let uri = two_factor::setup_uri(&secret, &caller.account.name).ok_or(StorageError::Corrupt)?;
    if !storage.begin_two_factor(caller.account.id, &secret)? {
        return Err(Refusal::Refused(ErrorCode::AlreadyExists));
    }
    let qr = qrcode::QrCode::new(uri.as_bytes()).map_err(|_| StorageError::Corrupt)?;
    let qr_svg = qr.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).build();
    Ok(TwoFactorSetup { secret, uri, qr_svg })
}

/// Switches it on with a first code from the app; answers the recovery codes (once). `invalid_field` for a wrong
/// code or when nothing was started.
pub fn confirm(
    storage: &dyn Storage,
    caller: &Caller,
    request: &TwoFactorCode,
    now: i64,
) -> Result<RecoveryCodes, Refusal> {
    let pending = storage.two_factor(caller.account.id)?.filter(|t| !t.enabled);
    let Some(pending) = pending else { return Err(Refusal::Refused(ErrorCode::InvalidField)) };
    let step = two_factor::matching_step(&pending.secret, &request.code, now)
        .ok_or(Refusal::Refused(ErrorCode::InvalidField))?;
    let codes = two_factor::new_recovery_codes().ok_or(Refusal::Refused(ErrorCode::InternalError))?;
    let hashes: Vec<[u8; 32]> = codes.iter().map(|c| two_factor::recovery_hash(c)).collect();
    // Every other session of the account ends; this one counts as opened with the second factor.
    let enabled = storage.enable_two_factor(
        caller.account.id,
        &pending.secret,
        step,
        &hashes,
        caller.session_sha256.as_ref(),
        &[audit(&caller.account, "two_factor_enabled")],
        now,
    )?;
    if !enabled {
        return Err(Refusal::Refused(ErrorCode::InvalidField));
    }
    Ok(RecoveryCodes { recovery_codes: codes })
}

/// Switches it off, with the current password (`forbidden` when wrong, counted like a login) and a current code or
/// a recovery code (`invalid_field` when wrong, audited).
pub fn disable(
    storage: &dyn Storage,
    caller: &Caller,
    request: &TwoFactorStop,
    from: &CheckFrom,
    limits: &LoginLimits,
    now: i64,
) -> Result<(), Refusal> {
    password_holds(storage, caller, &request.password, from, limits, now)?;
    let on = storage.two_factor(caller.account.id)?.filter(|t| t.enabled);
    let Some(on) = on else { return Err(Refusal::Refused(ErrorCode::InvalidField)) };
    if !second_factor_holds(storage, &caller.account, &on, &request.code, now)? {
        storage.audit(
            now,
            &caller.account.name,
            "second_factor_failed",
            &serde_json::json!({"from": from.client_address}),
        )?;
        return Err(Refusal::Refused(ErrorCode::InvalidField));
    }
    storage.disable_two_factor(caller.account.id, &[audit(&caller.account, "two_factor_disabled")], now)?;
    Ok(())
}

/// Whether `code` is the account's second factor now: a code from the app for a step not used before, or an unused
/// recovery code (then used up, and audited).
pub fn second_factor_holds(
    storage: &dyn Storage,
    account: &Account,
    two_factor: &TwoFactor,
    code: &str,
    now: i64,
) -> StorageResult<bool> {
    if let Some(step) = two_factor::matching_step(&two_factor.secret, code, now) {
        // A code seen once (an onlooker, a replayed request) does not work again.
        return storage.accept_two_factor_step(account.id, step);
    }
    let hash = two_factor::recovery_hash(code);
    storage.use_recovery_code(account.id, &hash, &[audit(account, "recovery_code_used")], now)
}
