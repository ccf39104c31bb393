//! Dashboard login and logout: `POST /api/v1/session` (name and password → session cookie and CSRF token),
//! `GET /api/v1/session` (who is logged in), `DELETE /api/v1/session` (logout; needs the CSRF token), and one's own
//! two-factor sign-in: `POST|PUT /api/v1/session/two-factor` (start, confirm), `POST /api/v1/session/two-factor/off`.
//! The rules: [`crate::use_cases::login`], [`crate::use_cases::two_factor`].

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sleutel_protocol::ErrorCode;

use super::with_storage;
use crate::ApiError;
use crate::auth::{self, BROWSER_SECS, SESSION_SECS};
use crate::state::AppState;
use crate::use_cases::login::{self, LoginAttemptFrom, LoginGranted, LoginRequest, SessionReply};
use crate::use_cases::two_factor::{
    self, CheckFrom, RecoveryCodes, TwoFactorCode, TwoFactorSetup, TwoFactorStart, TwoFactorStop,
};

fn cookie(value: &str, max_age: i64, secure: bool) -> HeaderValue {
    named_cookie(auth::session_cookie_name(secure), value, max_age, secure)
}

fn named_cookie(name: &str, value: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{name}={value}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}{secure}"))
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The reply of a login with its two cookies: the session, and the browser token that makes this browser known.
fn with_cookies(granted: LoginGranted, secure: bool) -> Response {
    let mut response = Json(granted.reply).into_response();
    let headers = response.headers_mut();
    headers.insert(header::SET_COOKIE, cookie(&granted.session_token, SESSION_SECS, secure));
    let browser = named_cookie(auth::browser_cookie_name(secure), &granted.browser_token, BROWSER_SECS, secure);
    headers.append(header::SET_COOKIE, browser);
    response
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
    let (client, client_key) = super::client_within(&state, &state.login_limiter, peer, &headers)?;
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let (secure, limits) = (state.secure_cookies, state.login_limits);
    let browser = auth::cookie_value(&headers, auth::browser_cookie_name(secure));
    // Argon2 costs 19 MiB and tens of milliseconds: a few at a time, however many requests arrive.
    let _hashing = state.password_check_slot().await?;
    let granted = with_storage(&state, move |storage| {
        let (name, password, client_address) = (&request.name, &request.password, &client.to_string());
        let (browser_token, code) = (browser.as_deref(), request.code.as_deref());
        let from = LoginAttemptFrom { name, password, code, client_key: &client_key, client_address, browser_token };
        login::login(storage, from, &limits, crate::now())
    });
    Ok(with_cookies(granted.await?, secure))
}

/// Who is logged in (the dashboard asks after a reload), with the session's CSRF token.
#[utoipa::path(get, path = "/api/v1/session",
    responses((status = 200, body = SessionReply), (status = 401, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn current(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<SessionReply>, ApiError> {
    let token = auth::session_cookie(&headers, state.secure_cookies).ok_or(ApiError(ErrorCode::Unauthorized))?;
    Ok(Json(with_storage(&state, move |storage| login::current(storage, &token, crate::now())).await?))
}

/// Logs out: the session ends on the server and the cookie is cleared. Needs the CSRF token.
#[utoipa::path(delete, path = "/api/v1/session",
    responses((status = 204), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let credentials = auth::credentials(&headers, &Method::DELETE, state.secure_cookies).map_err(ApiError)?;
    with_storage(&state, move |storage| login::logout(storage, &credentials, crate::now())).await?;
    let mut response = StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie("", 0, state.secure_cookies));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use crate::use_cases::login::LoginRequest;

    #[test]
    fn a_login_request_never_prints_its_password() {
        let request: LoginRequest =
            serde_json::from_str(r#"{"name": "amina", "password": "geheim wachtwoord"}"#).expect("json");
        let printed = format!("{request:?}");
        assert!(printed.contains("amina") && !printed.contains("geheim"), "{printed}");
    }
}

/// Starts switching two-factor sign-in on for the caller's own account, with its current password (checked and
/// counted like a login): the secret for an authenticator app, as text, as an `otpauth://` address and as a QR code.
#[utoipa::path(post, path = "/api/v1/session/two-factor", request_body = TwoFactorStart,
    responses((status = 200, body = TwoFactorSetup), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply), (status = 409, body = sleutel_protocol::ErrorReply),
              (status = 429, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn begin_two_factor(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Json<TwoFactorStart>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<TwoFactorSetup>, ApiError> {
    let (client, client_key) = super::client_within(&state, &state.login_limiter, peer, &headers)?;
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let (from, limits) = (CheckFrom { client_key, client_address: client.to_string() }, state.login_limits);
    // The session first (cheap): without one, nobody gets to queue for an Argon2 slot.
    super::as_caller(&state, &headers, Method::POST, |_, _| Ok(())).await?;
    let _hashing = state.password_check_slot().await?;
    let setup = super::as_caller(&state, &headers, Method::POST, move |storage, caller| {
        two_factor::begin(storage, &caller, &request, &from, &limits, crate::now())
    });
    Ok(Json(setup.await?))
}

/// Switches two-factor sign-in on with a first code from the app; answers ten recovery codes, shown once. Attempts
/// are rate-limited per address like logins.
#[utoipa::path(put, path = "/api/v1/session/two-factor", request_body = TwoFactorCode,
    responses((status = 200, body = RecoveryCodes), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 429, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn confirm_two_factor(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Json<TwoFactorCode>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<RecoveryCodes>, ApiError> {
    super::client_within(&state, &state.login_limiter, peer, &headers)?;
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let codes = super::as_caller(&state, &headers, Method::PUT, move |storage, caller| {
        two_factor::confirm(storage, &caller, &request, crate::now())
    });
    Ok(Json(codes.await?))
}

/// Switches two-factor sign-in off, with the current password (counted like a login) and a current code or a
/// recovery code. Rate-limited per address like logins.
#[utoipa::path(post, path = "/api/v1/session/two-factor/off", request_body = TwoFactorStop,
    responses((status = 204), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply),
              (status = 429, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn disable_two_factor(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Json<TwoFactorStop>, axum::extract::rejection::JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let (client, client_key) = super::client_within(&state, &state.login_limiter, peer, &headers)?;
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let (from, limits) = (CheckFrom { client_key, client_address: client.to_string() }, state.login_limits);
    super::as_caller(&state, &headers, Method::POST, |_, _| Ok(())).await?;
    let _hashing = state.password_check_slot().await?;
    super::as_caller(&state, &headers, Method::POST, move |storage, caller| {
        two_factor::disable(storage, &caller, &request, &from, &limits, crate::now())
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
