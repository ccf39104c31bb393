//! Account and organisation management for admins, and changing one's own password:
//! `GET /api/v1/accounts`, `POST /api/v1/accounts` (a generated password, shown once), `POST
//! /api/v1/accounts/{id}/password` (a new generated password; ends the account's sessions), `DELETE
//! /api/v1/accounts/{id}`, `PUT /api/v1/accounts/{id}/organisations`, `POST /api/v1/organisations`, and `PUT
//! /api/v1/session/password` (any logged-in account: current and new password). Every change is audited and needs
//! the CSRF token. The rules: [`crate::use_cases::accounts`].

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode};
use sleutel_protocol::ErrorCode;

use super::as_caller;
use super::organisations::OrganisationRow;
use crate::ApiError;
use crate::state::AppState;
use crate::use_cases::accounts::{
    self, AccountRow, NewAccount, NewOrganisation, NewPassword, OrganisationsRequest, PasswordChange,
};

type JsonBody<T> = Result<Json<T>, axum::extract::rejection::JsonRejection>;

fn json<T>(body: JsonBody<T>) -> Result<T, ApiError> {
    body.map(|Json(value)| value).map_err(|_| ApiError(ErrorCode::MalformedJson))
}

/// Every account, admins only.
#[utoipa::path(get, path = "/api/v1/accounts",
    responses((status = 200, body = [AccountRow]), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn list(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Vec<AccountRow>>, ApiError> {
    Ok(Json(as_caller(&state, &headers, Method::GET, move |storage, caller| accounts::list(storage, &caller)).await?))
}

/// Creates an account with a generated password (shown once, to pass on). Admins only.
#[utoipa::path(post, path = "/api/v1/accounts", request_body = NewAccount,
    responses((status = 201, body = NewPassword), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply), (status = 409, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: JsonBody<NewAccount>,
) -> Result<(StatusCode, Json<NewPassword>), ApiError> {
    let request = json(body)?;
    let reply = as_caller(&state, &headers, Method::POST, move |storage, caller| {
        accounts::create(storage, &caller, &request, crate::now())
    });
    Ok((StatusCode::CREATED, Json(reply.await?)))
}

/// Gives an account a new generated password (shown once); its sessions end and its locks lift. Admins only.
#[utoipa::path(post, path = "/api/v1/accounts/{id}/password", params(("id" = i64, Path, description = "the account")),
    responses((status = 200, body = NewPassword), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn reset_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<i64>, axum::extract::rejection::PathRejection>,
) -> Result<Json<NewPassword>, ApiError> {
    let id = super::path_or_error(id)?;
    let reply = as_caller(&state, &headers, Method::POST, move |storage, caller| {
        accounts::reset_password(storage, &caller, id, crate::now())
    });
    Ok(Json(reply.await?))
}

/// Sets which organisations a coordinator account sees. Admins only.
#[utoipa::path(put, path = "/api/v1/accounts/{id}/organisations", request_body = OrganisationsRequest,
    params(("id" = i64, Path, description = "the account")),
    responses((status = 200, body = AccountRow), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn set_organisations(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<i64>, axum::extract::rejection::PathRejection>,
    body: JsonBody<OrganisationsRequest>,
) -> Result<Json<AccountRow>, ApiError> {
    let id = super::path_or_error(id)?;
    let request = json(body)?;
    let row = as_caller(&state, &headers, Method::PUT, move |storage, caller| {
        accounts::set_organisations(storage, &caller, id, &request, crate::now())
    });
    Ok(Json(row.await?))
}

/// Deletes an account (someone left the project): its sessions end at once. Admins only, and not their own account.
#[utoipa::path(delete, path = "/api/v1/accounts/{id}", params(("id" = i64, Path, description = "the account")),
    responses((status = 204), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<i64>, axum::extract::rejection::PathRejection>,
) -> Result<StatusCode, ApiError> {
    let id = super::path_or_error(id)?;
    as_caller(&state, &headers, Method::DELETE, move |storage, caller| {
        accounts::delete(storage, &caller, id, crate::now())
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Creates an organisation (a project). Admins only.
#[utoipa::path(post, path = "/api/v1/organisations", request_body = NewOrganisation,
    responses((status = 201, body = OrganisationRow), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply), (status = 409, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn create_organisation(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: JsonBody<NewOrganisation>,
) -> Result<(StatusCode, Json<OrganisationRow>), ApiError> {
    let request = json(body)?;
    let made = as_caller(&state, &headers, Method::POST, move |storage, caller| {
        accounts::create_organisation(storage, &caller, &request, crate::now())
    });
    Ok((StatusCode::CREATED, Json(OrganisationRow::from(made.await?))))
}

/// Changes the caller's own password: the current one must be right, the new one at least 12 characters. Every
/// session of the account ends, this one too: log in again with the new password.
#[utoipa::path(put, path = "/api/v1/session/password", request_body = PasswordChange,
    responses((status = 204), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn change_own_password(
    State(state): State<AppState>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
    body: JsonBody<PasswordChange>,
) -> Result<StatusCode, ApiError> {
    let request = json(body)?;
    let client = crate::client_address::client_ip(peer, &headers, &state.proxies);
    let from = accounts::PasswordChangeFrom { client, client_key: crate::client_address::limit_key(client) };
    let limits = state.login_limits;
    // The session first (cheap): without one, nobody gets to queue for an Argon2 slot.
    as_caller(&state, &headers, Method::PUT, |_, _| Ok(())).await?;
    let _hashing = state.password_check_slot().await?;
    as_caller(&state, &headers, Method::PUT, move |storage, caller| {
        accounts::change_own_password(storage, &caller, &request, &from, &limits, crate::now())
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
