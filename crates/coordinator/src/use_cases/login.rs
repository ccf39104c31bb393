//! Dashboard sessions: logging in with a name and a password (`POST /api/v1/session`, once the handler has checked
//! the rate limit per address and holds a password-check slot), the current session, and logging out.

use serde::{Deserialize, Serialize};
use sleutel_protocol::ErrorCode;

use super::Refusal;
use crate::auth::{self, BROWSER_SECS, Credentials, SESSION_SECS, Scope};
use crate::storage::{Account, AuditRecord, LoginAttempt, LoginLimits, NewSession, Storage, StorageError};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LoginRequest {
    pub name: String,
    pub password: String,
    /// The code from the authenticator app, or a recovery code, for an account with two-factor sign-in on.
    #[serde(default)]
    pub code: Option<String>,
}

impl std::fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginRequest").field("name", &self.name).finish_non_exhaustive()
    }
}

/// The logged-in account, what it may see, and the CSRF token to send with every change.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SessionReply {
    pub name: String,
    pub role: String,
    /// `null`: every organisation (admin), or none of them on their own (municipality).
    pub organisations: Option<Vec<i64>>,
    /// For a municipality's account: its municipality (CBS code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// Two-factor sign-in is on for this account.
    pub two_factor: bool,
    /// An admin without two-factor sign-in: nothing works until it is switched on.
    pub two_factor_required: bool,
    pub csrf_token: String,
}

fn session_reply(
    storage: &dyn Storage,
    account: Account,
    csrf_token: String,
    second_factor: bool,
) -> Result<SessionReply, StorageError> {
    let (organisations, municipality) = match auth::scope_of(storage, &account)? {
        Scope::All => (None, None),
        Scope::Only(ids) => (Some(ids), None),
        Scope::Municipality(code) => (None, Some(code)),
    };
    let two_factor = storage.two_factor(account.id)?.is_some_and(|t| t.enabled);
    Ok(SessionReply {
        // Per session: one opened with the password alone stays limited (see `auth::authenticate`).
        two_factor_required: account.role == crate::storage::Role::Admin && !second_factor,
        two_factor,
        name: account.name,
        role: account.role.as_str().to_owned(),
        organisations,
        municipality,
        csrf_token,
    })
}

/// The session of a session token (`unauthorized` when there is none, or it expired).
pub fn current(storage: &dyn Storage, token: &str, now: i64) -> Result<SessionReply, Refusal> {
    let token_sha256 = crate::sha256(token.as_bytes());
    let (account, csrf) = storage.session(&token_sha256, now)?.ok_or(Refusal::Refused(ErrorCode::Unauthorized))?;
    let second_factor = storage.session_has_second_factor(&token_sha256)?;
    Ok(session_reply(storage, account, csrf, second_factor)?)
}

/// Ends the session the request carries (with its CSRF token); audited. Logging out takes a session: an API token
/// is not one, so it is `unauthorized` here (an API token lasts as long as its account).
pub fn logout(storage: &dyn Storage, credentials: &Credentials, now: i64) -> Result<(), Refusal> {
    let Credentials::Session { token_sha256, .. } = credentials else {
        return Err(ErrorCode::Unauthorized.into());
    };
    let caller = auth::authenticate(storage, credentials, now)?;
    let audit = AuditRecord { actor: caller.account.name, action: "logout", detail: serde_json::json!({}) };
    Ok(storage.delete_session(token_sha256, &[audit], now)?)
}

/// Who asks to log in: the name and password typed, the caller's address (its rate-limit key and as written in the
/// audit log), and the browser token its browser sent, if any.
#[derive(Clone, Copy)]
pub struct LoginAttemptFrom<'a> {
    pub name: &'a str,
    pub password: &'a str,
    /// The second factor, when the account has one.
    pub code: Option<&'a str>,
    pub client_key: &'a str,
    pub client_address: &'a str,
    pub browser_token: Option<&'a str>,
}

impl std::fmt::Debug for LoginAttemptFrom<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginAttemptFrom")
            .field("name", &self.name)
            .field("client", &self.client_key)
            .finish_non_exhaustive()
    }
}

/// A new session: its token, the browser token to keep (the one sent, when the account knows it), and the reply
/// (with the CSRF token).
pub struct LoginGranted {
    pub session_token: String,
    pub browser_token: String,
    pub reply: SessionReply,
}

impl std::fmt::Debug for LoginGranted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginGranted").field("account", &self.reply.name).finish_non_exhaustive()
    }
}

/// Checks the password and opens a session. The attempt is counted before the (slow) check, so parallel guesses
/// cannot exceed the limit; a locked account, an unknown name and a wrong password all get `unauthorized` after the
/// same work. The browser becomes known to the account (so a lockout of strangers does not lock it out).
pub fn login(
    storage: &dyn Storage,
    attempt_from: LoginAttemptFrom<'_>,
    limits: &LoginLimits,
    now: i64,
) -> Result<LoginGranted, Refusal> {
    let record = storage.login_record(attempt_from.name.trim())?;
    let known_browser = match (&record, attempt_from.browser_token) {
        (Some(r), Some(token)) => storage.is_known_browser(r.account.id, &crate::sha256(token.as_bytes()), now)?,
        _ => false,
    };
    let attempt = match &record {
        Some(r) => storage.claim_login_attempt(r.account.id, attempt_from.client_key, known_browser, now, limits)?,
        None => LoginAttempt::Refused,
    };
    let allowed = attempt != LoginAttempt::Refused;
    let phc = record.as_ref().filter(|_| allowed).and_then(|r| r.password_phc.as_deref());
    let verified = auth::verify_password(phc, attempt_from.password);
    let Some(record) = record else { return Err(ErrorCode::Unauthorized.into()) };
    if !verified {
        if attempt == LoginAttempt::AllowedAndLocked {
            let from = serde_json::json!({"from": attempt_from.client_address});
            storage.audit(now, &record.account.name, "account_locked", &from)?;
        }
        return Err(ErrorCode::Unauthorized.into());
    }
    // The password is right. With two-factor sign-in on, the code too: a missing one is asked for; a wrong one is a
    // failed attempt like a wrong password (its attempt stays counted: guessing codes is rate-limited the same way).
    let mut second_factor = false;
    if let Some(on) = storage.two_factor(record.account.id)?.filter(|t| t.enabled) {
        let Some(code) = attempt_from.code.filter(|c| !c.trim().is_empty()) else {
            return Err(ErrorCode::SecondFactorRequired.into());
        };
        if !super::two_factor::second_factor_holds(storage, &record.account, &on, code, now)? {
            // On the record: the owner sees that someone who knows the password is guessing codes.
            let from = serde_json::json!({"from": attempt_from.client_address});
            storage.audit(now, &record.account.name, "second_factor_failed", &from)?;
            return Err(ErrorCode::Unauthorized.into());
        }
        second_factor = true;
    }
    storage.record_login_success(record.account.id, attempt_from.client_key, known_browser)?;
    let (Ok(session_token), Ok(csrf_token)) = (auth::random_token(), auth::random_token()) else {
        return Err(ErrorCode::InternalError.into());
    };
    // This browser is known to the account from now on (a new token unless it already had a valid one).
    let browser_token = match attempt_from.browser_token.filter(|_| known_browser) {
        Some(token) => token.to_owned(),
        None => auth::random_token().map_err(|_| StorageError::Corrupt)?,
    };
    storage.remember_browser(record.account.id, &crate::sha256(browser_token.as_bytes()), now, BROWSER_SECS)?;
    let audit = AuditRecord {
        actor: record.account.name.clone(),
        action: "login",
        detail: serde_json::json!({"from": attempt_from.client_address}),
    };
    let session = NewSession {
        token_sha256: &crate::sha256(session_token.as_bytes()),
        account_id: record.account.id,
        csrf_token: &csrf_token,
        now,
        expires_at: now + SESSION_SECS,
        second_factor,
    };
    storage.create_session(&session, &[audit])?;
    let reply = session_reply(storage, record.account, csrf_token, second_factor)?;
    Ok(LoginGranted { session_token, browser_token, reply })
}
