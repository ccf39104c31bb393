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
use crate::auth::{self, BROWSER_SECS, Credentials, SESSION_SECS, Scope};
use crate::state::AppState;
use crate::use_cases::Refusal;
use crate::use_cases::login::LoginAttemptFrom;

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

fn refused(e: Refusal) -> ApiError {
    match e {
        Refusal::Refused(code) => ApiError(code),
        Refusal::Storage(_) => ApiError(ErrorCode::InternalError),
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
    let (storage, secure, limits) = (state.storage.clone(), state.secure_cookies, state.login_limits);
    let browser = auth::cookie_value(&headers, auth::browser_cookie_name(secure));
    // Argon2 costs 19 MiB and tens of milliseconds: a few at a time, however many requests arrive.
    let _hashing = state.password_check_slot().await?;
    let (token, browser_token, reply) = tokio::task::spawn_blocking(move || {
        let from = LoginAttemptFrom {
            name: &request.name,
            password: &request.password,
            client_key: &client_key,
            client_address: &client.to_string(),
            browser_token: browser.as_deref(),
        };
        let granted = crate::use_cases::login::login(storage.as_ref(), from, &limits, crate::now())?;
        let reply = session_reply(storage.as_ref(), granted.account, granted.csrf_token)?;
        Ok::<_, crate::use_cases::Refusal>((granted.session_token, granted.browser_token, reply))
    })
    .await??;
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
