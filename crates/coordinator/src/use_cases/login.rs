//! Logging in to the dashboard with a name and a password (`POST /api/v1/session`), once the handler has checked the
//! rate limit per address and holds a password-check slot.

use sleutel_protocol::ErrorCode;

use super::Refusal;
use crate::auth::{self, BROWSER_SECS, SESSION_SECS};
use crate::storage::{Account, AuditRecord, LoginAttempt, LoginLimits, NewSession, Storage, StorageError};

/// Who asks to log in: the name and password typed, the caller's address (its rate-limit key and as written in the
/// audit log), and the browser token its browser sent, if any.
#[derive(Clone, Copy)]
pub struct LoginAttemptFrom<'a> {
    pub name: &'a str,
    pub password: &'a str,
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

/// A new session: its token and CSRF token, the browser token to keep (the one sent, when the account knows it),
/// and the account.
pub struct LoginGranted {
    pub session_token: String,
    pub csrf_token: String,
    pub browser_token: String,
    pub account: Account,
}

impl std::fmt::Debug for LoginGranted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginGranted").field("account", &self.account.name).finish_non_exhaustive()
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
    };
    storage.create_session(&session, &[audit])?;
    Ok(LoginGranted { session_token, csrf_token, browser_token, account: record.account })
}
