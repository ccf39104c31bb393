//! Dashboard login and logout: `POST /api/v1/session` (name and password → session cookie and CSRF token),
//! `GET /api/v1/session` (who is logged in), `DELETE /api/v1/session` (logout; needs the CSRF token).

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use sleutel_protocol::ErrorCode;

use crate::ApiError;
use crate::auth::{self, BROWSER_SECS, CallerError, Credentials, SESSION_SECS, Scope};
use crate::state::AppState;
use crate::storage::{LoginAttempt, NewSession};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LoginRequest {
    pub name: String,
    pub password: String,
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
    /// `null`: every organisation (admin).
    pub organisations: Option<Vec<i64>>,
    pub csrf_token: String,
}

fn cookie(value: &str, max_age: i64, secure: bool) -> HeaderValue {
    named_cookie(auth::session_cookie_name(secure), value, max_age, secure)
}

fn named_cookie(name: &str, value: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{name}={value}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}{secure}"))
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn session_reply(
    storage: &dyn crate::storage::Storage,
    account: crate::storage::Account,
    csrf_token: String,
) -> Result<SessionReply, crate::storage::StorageError> {
    let organisations = match auth::scope_of(storage, &account)? {
        Scope::All => None,
        Scope::Only(ids) => Some(ids),
    };
    Ok(SessionReply { name: account.name, role: account.role.as_str().to_owned(), organisations, csrf_token })
}

fn refused(e: CallerError) -> ApiError {
    match e {
        CallerError::Refused(code) => ApiError(code),
        CallerError::Storage(_) => ApiError(ErrorCode::InternalError),
    }
}

/// Logs in. A wrong name, a wrong password and a locked account get the same answer; after 5 failed attempts
/// within an hour from one address the account is locked for 15 minutes for that address (after 100 from all
/// addresses, for every browser that has not logged in to it before); logins from one address are rate-limited.
#[utoipa::path(post, path = "/api/v1/session", request_body = LoginRequest,
    responses((status = 200, body = SessionReply), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 429, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Json<LoginRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    let client = crate::client_address::client_ip(peer, &headers, &state.proxies);
    let client_key = crate::client_address::limit_key(client);
    if !state.login_limiter.allow(&client_key, crate::rate_limit::now_secs()) {
        return Err(ApiError(ErrorCode::RateLimited));
    }
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let storage = state.storage.clone();
    let secure = state.secure_cookies;
    let peer_ip = client.to_string();
    let limits = state.login_limits;
    let browser = auth::cookie_value(&headers, auth::browser_cookie_name(secure));
    // Argon2 costs 19 MiB and tens of milliseconds: a few at a time, however many requests arrive.
    let _hashing = state.password_check_slot().await?;
    let outcome = tokio::task::spawn_blocking(move || {
        let now = crate::now();
        let record = storage.login_record(request.name.trim())?;
        // The attempt is counted before the (slow) check, so parallel guesses cannot exceed the limit. A locked
        // account, an unknown name and a wrong password all get the same answer after the same work.
        let known_browser = match (&record, &browser) {
            (Some(r), Some(token)) => storage.is_known_browser(r.account.id, &crate::sha256(token.as_bytes()), now)?,
            _ => false,
        };
        let attempt = match &record {
            Some(r) => storage.claim_login_attempt(r.account.id, &client_key, known_browser, now, &limits)?,
            None => LoginAttempt::Refused,
        };
        let allowed = attempt != LoginAttempt::Refused;
        let phc = record.as_ref().filter(|_| allowed).and_then(|r| r.password_phc.as_deref());
        let verified = auth::verify_password(phc, &request.password);
        let Some(record) = record else { return Ok(Err(ErrorCode::Unauthorized)) };
        if !verified {
            if attempt == LoginAttempt::AllowedAndLocked {
                storage.audit(now, &record.account.name, "account_locked", &serde_json::json!({"from": peer_ip}))?;
            }
            return Ok(Err(ErrorCode::Unauthorized));
        }
        storage.record_login_success(record.account.id, &client_key, known_browser)?;
        let (Ok(token), Ok(csrf)) = (auth::random_token(), auth::random_token()) else {
            return Ok(Err(ErrorCode::InternalError));
        };
        // This browser is known to the account from now on (a new token unless it already had a valid one).
        let browser_token = match browser.filter(|_| known_browser) {
            Some(token) => token,
            None => auth::random_token().map_err(|_| crate::storage::StorageError::Corrupt)?,
        };
        storage.remember_browser(record.account.id, &crate::sha256(browser_token.as_bytes()), now, BROWSER_SECS)?;
        let audit = crate::storage::AuditRecord {
            actor: record.account.name.clone(),
            action: "login",
            detail: serde_json::json!({"from": peer_ip}),
        };
        storage.create_session(
            &NewSession {
                token_sha256: &crate::sha256(token.as_bytes()),
                account_id: record.account.id,
                csrf_token: &csrf,
                now,
                expires_at: now + SESSION_SECS,
            },
            &[audit],
        )?;
        let reply = session_reply(storage.as_ref(), record.account, csrf)?;
        Ok::<_, crate::storage::StorageError>(Ok((token, browser_token, reply)))
    })
    .await??;
    let (token, browser_token, reply) = outcome.map_err(ApiError)?;
    let mut response = Json(reply).into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie(&token, SESSION_SECS, secure));
    response.headers_mut().append(
        header::SET_COOKIE,
        named_cookie(auth::browser_cookie_name(secure), &browser_token, BROWSER_SECS, secure),
    );
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// Who is logged in (the dashboard asks after a reload), with the session's CSRF token.
#[utoipa::path(get, path = "/api/v1/session",
    responses((status = 200, body = SessionReply), (status = 401, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn current(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let token = auth::session_cookie(&headers, state.secure_cookies).ok_or(ApiError(ErrorCode::Unauthorized))?;
    let storage = state.storage.clone();
    let reply = tokio::task::spawn_blocking(move || {
        let Some((account, csrf)) = storage.session(&crate::sha256(token.as_bytes()), crate::now())? else {
            return Ok(Err(ErrorCode::Unauthorized));
        };
        Ok::<_, crate::storage::StorageError>(Ok(session_reply(storage.as_ref(), account, csrf)?))
    })
    .await??
    .map_err(ApiError)?;
    let mut response = Json(reply).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// Logs out: the session ends on the server and the cookie is cleared. Needs the CSRF token.
#[utoipa::path(delete, path = "/api/v1/session",
    responses((status = 204), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let credentials = auth::credentials(&headers, &Method::DELETE, state.secure_cookies).map_err(ApiError)?;
    let Credentials::Session { token_sha256, .. } = credentials else {
        return Err(ApiError(ErrorCode::InvalidQuery));
    };
    let storage = state.storage.clone();
    let secure = state.secure_cookies;
    tokio::task::spawn_blocking(move || {
        let caller = auth::authenticate(storage.as_ref(), &credentials, crate::now()).map_err(refused)?;
        let audit = crate::storage::AuditRecord {
            actor: caller.account.name.clone(),
            action: "logout",
            detail: serde_json::json!({}),
        };
        storage
            .delete_session(&token_sha256, &[audit], crate::now())
            .map_err(|_| ApiError(ErrorCode::InternalError))?;
        Ok::<_, ApiError>(())
    })
    .await
    .map_err(|_| ApiError(ErrorCode::InternalError))??;
    let mut response = StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie("", 0, secure));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_request_never_prints_its_password() {
        let request: LoginRequest =
            serde_json::from_str(r#"{"name": "amina", "password": "geheim wachtwoord"}"#).expect("json");
        let printed = format!("{request:?}");
        assert!(printed.contains("amina") && !printed.contains("geheim"), "{printed}");
    }
}
