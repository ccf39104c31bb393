//! Who is calling, and what they may see. Two ways in: an API token (`Authorization: Bearer …`, for scripts) or a
//! dashboard session (an HttpOnly, SameSite=Strict cookie, with a CSRF token that every change must echo in the
//! `x-csrf-token` header). Admin accounts see every organisation; coordinator accounts only those granted to them.
//! Organisation isolation is decided here, once, for every endpoint.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use axum::http::{HeaderMap, Method};
use ring::rand::{SecureRandom, SystemRandom};
use sleutel_protocol::ErrorCode;

use crate::storage::{Account, Role, Storage, StorageError};
use crate::use_cases::Refusal;

/// The session cookie's name. `__Host-`: browsers accept it only with `Secure`, `Path=/` and no `Domain`, so a
/// sibling subdomain cannot plant one.
pub const SESSION_COOKIE: &str = "__Host-sleutel_session";
/// The cookie's name when the dashboard is served over plain HTTP for a local demo (`--plain-http-cookies`):
/// browsers refuse `__Host-` without `Secure`. Only this one name is read then, and only [`SESSION_COOKIE`]
/// otherwise, so a cookie planted over plain HTTP never counts on a TLS deployment.
pub const PLAIN_HTTP_SESSION_COOKIE: &str = "sleutel_session";

/// The session cookie's name for a server that does (`secure`) or does not mark cookies `Secure`.
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure { SESSION_COOKIE } else { PLAIN_HTTP_SESSION_COOKIE }
}
/// The header that must carry the session's CSRF token on every change.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Sessions end after this long, active or not.
pub const SESSION_SECS: i64 = 8 * 3600;
/// Failed logins within an hour from one client address before the account is locked for that address, and from
/// all addresses together before it is locked for everyone but its known browsers; both for [`LOCK_SECS`]. Per
/// address, so that typing wrong passwords in someone's name does not keep them out; the account-wide ceiling caps
/// guesses spread over many addresses, and known browsers keep the owner from being shut out by it.
pub const LOCK_AFTER: u32 = 5;
pub const ACCOUNT_LOCK_AFTER: u32 = 100;
pub const LOCK_SECS: i64 = 15 * 60;
pub const FAILURE_WINDOW_SECS: i64 = 3600;
/// The "known browser" cookie: set after a successful login, kept half a year, exempts from the account-wide lock.
pub const BROWSER_COOKIE: &str = "__Host-sleutel_browser";
pub const PLAIN_HTTP_BROWSER_COOKIE: &str = "sleutel_browser";
pub const BROWSER_SECS: i64 = 183 * 24 * 3600;

/// The known-browser cookie's name, like [`session_cookie_name`].
pub fn browser_cookie_name(secure: bool) -> &'static str {
    if secure { BROWSER_COOKIE } else { PLAIN_HTTP_BROWSER_COOKIE }
}
/// Dashboard passwords are at least this long.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// A generated password to pass on (by phone, say): 20 characters from an alphabet without look-alikes, in groups
/// of five — 100 random bits.
pub fn new_password() -> Result<String, ErrorCode> {
    const ALPHABET: &[u8; 32] = b"abcdefghjkmnpqrstuvwxyz23456789!";
    let mut bytes = [0u8; 20];
    SystemRandom::new().fill(&mut bytes).map_err(|_| ErrorCode::InternalError)?;
    let letters: Vec<char> = bytes.iter().map(|b| ALPHABET[usize::from(b % 32)] as char).collect();
    Ok(letters.chunks(5).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-"))
}

/// Argon2id for coordinator passwords: 19 MiB, 2 passes (OWASP's minimum), so a server handles a login burst.
fn hasher() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(19 * 1024, 2, 1, None).unwrap_or_default())
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PasswordError {
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("the password could not be hashed")]
    Hashing,
}

/// The Argon2id PHC string of a new password.
pub fn hash_password(password: &str) -> Result<String, PasswordError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(PasswordError::TooShort);
    }
    let mut salt = [0u8; 16];
    SystemRandom::new().fill(&mut salt).map_err(|_| PasswordError::Hashing)?;
    let salt = SaltString::encode_b64(&salt).map_err(|_| PasswordError::Hashing)?;
    Ok(hasher().hash_password(password.as_bytes(), &salt).map_err(|_| PasswordError::Hashing)?.to_string())
}

/// Checks a password against a stored PHC string. Without one, a dummy check takes the same time, so response
/// times do not tell which account names exist.
pub fn verify_password(phc: Option<&str>, password: &str) -> bool {
    const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2xldXRlbC1kdW1teQ$0HBgbnBxz0UtkbGvw9VFq5u5qU8JBVTo5cEAYm1KgaQ";
    let stored = phc.unwrap_or(DUMMY);
    let Ok(parsed) = PasswordHash::new(stored) else { return false };
    hasher().verify_password(password.as_bytes(), &parsed).is_ok() && phc.is_some()
}

/// A random token: 32 bytes, URL-safe base64.
pub fn random_token() -> Result<String, ErrorCode> {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    SystemRandom::new().fill(&mut bytes).map_err(|_| ErrorCode::InternalError)?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// The organisations a caller may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Only(Vec<i64>),
    /// A municipality's read-only account: no organisation's own views, only the protected, rounded tables of
    /// every organisation's work in this municipality (`use_cases::export`).
    Municipality(String),
}

/// An authenticated caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub account: Account,
    pub scope: Scope,
    /// An admin's session opened without the second factor: it may only switch two-factor sign-in on.
    pub second_factor_missing: bool,
    /// The session's token (SHA-256), when the caller came with a session rather than an API token.
    pub session_sha256: Option<[u8; 32]>,
}

impl Caller {
    /// The organisations a query covers: the requested one if the caller may see it (else `forbidden`), or all the
    /// caller may see.
    pub fn organisations(&self, requested: Option<i64>, storage: &dyn Storage) -> Result<Vec<i64>, Refusal> {
        if self.second_factor_missing {
            return Err(Refusal::Refused(ErrorCode::TwoFactorRequired));
        }
        match (&self.scope, requested) {
            (Scope::All, Some(id)) => Ok(vec![id]),
            (Scope::All, None) => Ok(storage.organisations()?.into_iter().map(|o| o.id).collect()),
            (Scope::Only(ids), Some(id)) if ids.contains(&id) => Ok(vec![id]),
            (Scope::Only(_), Some(_)) => Err(Refusal::Refused(ErrorCode::Forbidden)),
            (Scope::Only(ids), None) => Ok(ids.clone()),
            // Default deny: every view that works per organisation refuses a municipality's account.
            (Scope::Municipality(_), _) => Err(Refusal::Refused(ErrorCode::Forbidden)),
        }
    }

    /// The municipality of a municipality's account.
    pub fn municipality(&self) -> Option<&str> {
        match &self.scope {
            Scope::Municipality(code) => Some(code),
            _ => None,
        }
    }

    pub fn require_admin(&self) -> Result<(), Refusal> {
        if self.second_factor_missing {
            return Err(Refusal::Refused(ErrorCode::TwoFactorRequired));
        }
        if self.account.role == Role::Admin { Ok(()) } else { Err(Refusal::Refused(ErrorCode::Forbidden)) }
    }
}

/// What the request presents, read before going to storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    Token([u8; 32]),
    Session { token_sha256: [u8; 32], csrf: Option<String>, changes: bool },
}

/// Reads the credentials of a request: a bearer token first, then the session cookie.
pub fn credentials(headers: &HeaderMap, method: &Method, secure: bool) -> Result<Credentials, ErrorCode> {
    if let Some(value) = headers.get(axum::http::header::AUTHORIZATION) {
        let token = value.to_str().ok().and_then(|v| v.strip_prefix("Bearer ")).ok_or(ErrorCode::Unauthorized)?;
        return Ok(Credentials::Token(crate::sha256(token.trim().as_bytes())));
    }
    let token = session_cookie(headers, secure).ok_or(ErrorCode::Unauthorized)?;
    Ok(Credentials::Session {
        token_sha256: crate::sha256(token.as_bytes()),
        csrf: headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()).map(str::to_owned),
        changes: !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS),
    })
}

/// The value of the session cookie, if any.
pub fn session_cookie(headers: &HeaderMap, secure: bool) -> Option<String> {
    cookie_value(headers, session_cookie_name(secure))
}

/// The value of the cookie called `expected`, if the request carries one.
pub fn cookie_value(headers: &HeaderMap, expected: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == expected)
        .map(|(_, value)| value.to_owned())
}

/// Resolves credentials to a caller (blocking: call on the blocking pool).
pub fn authenticate(storage: &dyn Storage, credentials: &Credentials, now: i64) -> Result<Caller, Refusal> {
    let account = match credentials {
        Credentials::Token(hash) => storage.account_by_token(hash)?.ok_or(Refusal::Refused(ErrorCode::Unauthorized))?,
        Credentials::Session { token_sha256, csrf, changes } => {
            let (account, expected) =
                storage.session(token_sha256, now)?.ok_or(Refusal::Refused(ErrorCode::Unauthorized))?;
            // A change made with the cookie alone could come from another site's page: it must echo the token.
            if *changes
                && csrf.as_deref().map(|c| crate::sha256(c.as_bytes())) != Some(crate::sha256(expected.as_bytes()))
            {
                return Err(Refusal::Refused(ErrorCode::Forbidden));
            }
            account
        }
    };
    let scope = scope_of(storage, &account)?;
    // Two-factor sign-in is required for admins on the dashboard, per session: a session opened with the password
    // alone stays limited even once the account switches it on elsewhere. An API token (made on the server's command
    // line, shown once to its operator) is not a password sign-in.
    let session_sha256 = match credentials {
        Credentials::Session { token_sha256, .. } => Some(*token_sha256),
        Credentials::Token(_) => None,
    };
    let second_factor_missing = match &session_sha256 {
        Some(token) => account.role == Role::Admin && !storage.session_has_second_factor(token)?,
        None => false,
    };
    Ok(Caller { account, scope, second_factor_missing, session_sha256 })
}

/// The organisations an account may see: all for an admin, those granted for a coordinator.
pub fn scope_of(storage: &dyn Storage, account: &Account) -> Result<Scope, StorageError> {
    Ok(match account.role {
        Role::Admin => Scope::All,
        Role::Coordinator => Scope::Only(storage.account_organisations(account.id)?),
        Role::Municipality => {
            Scope::Municipality(storage.account_municipality(account.id)?.ok_or(StorageError::Corrupt)?)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify_and_short_ones_are_refused() {
        assert_eq!(hash_password("kort"), Err(PasswordError::TooShort));
        let phc = hash_password("een lang wachtwoord").expect("hashed");
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(verify_password(Some(&phc), "een lang wachtwoord"));
        assert!(!verify_password(Some(&phc), "een ander wachtwoord"));
        assert!(!verify_password(None, "een lang wachtwoord"), "no password set: never in");
    }

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            axum::http::header::COOKIE,
            "theme=dark; __Host-sleutel_session=abc123; x=y".parse().expect("header"),
        );
        assert_eq!(session_cookie(&headers, true).as_deref(), Some("abc123"));
        let credentials = credentials(&headers, &Method::POST, true).expect("credentials");
        assert!(matches!(credentials, Credentials::Session { changes: true, csrf: None, .. }));
    }

    #[test]
    fn each_server_reads_only_its_own_cookie_name() {
        let mut headers = HeaderMap::new();
        headers.insert(axum::http::header::COOKIE, "sleutel_session=planted".parse().expect("header"));
        assert_eq!(session_cookie(&headers, true), None);
        assert_eq!(session_cookie(&headers, false).as_deref(), Some("planted"));
        headers.insert(axum::http::header::COOKIE, "__Host-sleutel_session=real".parse().expect("header"));
        assert_eq!(session_cookie(&headers, false), None);
    }
}
