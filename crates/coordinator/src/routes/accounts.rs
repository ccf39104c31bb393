//! Account and organisation management for admins, and changing one's own password:
//! `GET /api/v1/accounts`, `POST /api/v1/accounts` (a generated password, shown once), `POST
//! /api/v1/accounts/{id}/password` (a new generated password; ends the account's sessions), `DELETE
//! /api/v1/accounts/{id}`, `PUT
//! /api/v1/accounts/{id}/organisations`, `POST /api/v1/organisations`, and `PUT /api/v1/session/password` (any
//! logged-in account: current and new password). Every change is audited and needs the CSRF token.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use sleutel_protocol::ErrorCode;

use super::as_caller;
use super::organisations::OrganisationRow;
use crate::ApiError;
use crate::auth::{self, CallerError};
use crate::state::AppState;
use crate::storage::{AccountSummary, AuditRecord, LoginAttempt, Role, StorageError};

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AccountRow {
    pub id: i64,
    pub name: String,
    pub role: String,
    /// The organisations a coordinator account sees (admins see all).
    pub organisations: Vec<i64>,
    /// Whether a dashboard password is set.
    pub has_password: bool,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct NewAccount {
    pub name: String,
    /// `coordinator` or `admin`.
    pub role: String,
    #[serde(default)]
    pub organisations: Vec<i64>,
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

fn refused(code: ErrorCode) -> CallerError {
    CallerError::Refused(code)
}

/// Storage's "already exists" and "not allowed" as the caller's codes, other failures as they are.
fn conflict_is_refusal(e: StorageError) -> CallerError {
    match e {
        StorageError::Conflict => refused(ErrorCode::AlreadyExists),
        StorageError::Invalid => refused(ErrorCode::InvalidField),
        other => CallerError::Storage(other),
    }
}

impl From<AccountSummary> for AccountRow {
    fn from(a: AccountSummary) -> Self {
        Self {
            id: a.id,
            name: a.name,
            role: a.role.as_str().to_owned(),
            organisations: a.organisations,
            has_password: a.has_password,
        }
    }
}

fn row_of(storage: &dyn crate::storage::Storage, id: i64) -> Result<AccountRow, CallerError> {
    storage.accounts()?.into_iter().find(|a| a.id == id).map(AccountRow::from).ok_or(refused(ErrorCode::InvalidField))
}

/// Every account, admins only.
#[utoipa::path(get, path = "/api/v1/accounts",
    responses((status = 200, body = [AccountRow]), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn list(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Vec<AccountRow>>, ApiError> {
    let rows = as_caller(&state, &headers, Method::GET, move |storage, caller| {
        caller.require_admin()?;
        Ok(storage.accounts()?.into_iter().map(AccountRow::from).collect())
    })
    .await?;
    Ok(Json(rows))
}

/// Creates an account with a generated password (shown once, to pass on). Admins only.
#[utoipa::path(post, path = "/api/v1/accounts", request_body = NewAccount,
    responses((status = 201, body = NewPassword), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply), (status = 409, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Json<NewAccount>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let role = Role::from_code(&request.role).ok_or(ApiError(ErrorCode::InvalidField))?;
    let reply = as_caller(&state, &headers, Method::POST, move |storage, caller| {
        caller.require_admin()?;
        let actor = caller.account.name.as_str();
        let now = crate::now();
        let organisations = request
            .organisations
            .iter()
            .map(|id| storage.organisation(*id)?.ok_or(refused(ErrorCode::InvalidField)))
            .collect::<Result<Vec<_>, CallerError>>()?;
        if role == Role::Coordinator && organisations.is_empty() {
            return Err(refused(ErrorCode::InvalidField));
        }
        let ids: Vec<i64> = organisations.iter().map(|o| o.id).collect();
        let (id, _token, password) =
            crate::admin::create_account_with_password(storage, actor, &request.name, role, &ids, now)
                .map_err(conflict_is_refusal)?;
        Ok(NewPassword { account: row_of(storage, id)?, password })
    })
    .await?;
    let mut response = (StatusCode::CREATED, Json(reply)).into_response();
    response.headers_mut().insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    Ok(response)
}

/// Gives an account a new generated password (shown once); its sessions end and its locks lift. Admins only.
#[utoipa::path(post, path = "/api/v1/accounts/{id}/password",
    responses((status = 200, body = NewPassword), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn reset_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, ApiError> {
    let reply = as_caller(&state, &headers, Method::POST, move |storage, caller| {
        caller.require_admin()?;
        let account = row_of(storage, id)?;
        let password = auth::new_password().map_err(refused)?;
        crate::admin::set_password_as(storage, &caller.account.name, &account.name, &password, crate::now())
            .map_err(|_| refused(ErrorCode::InternalError))?;
        Ok(NewPassword { account: row_of(storage, id)?, password })
    })
    .await?;
    let mut response = Json(reply).into_response();
    response.headers_mut().insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    Ok(response)
}

/// Sets which organisations a coordinator account sees. Admins only.
#[utoipa::path(put, path = "/api/v1/accounts/{id}/organisations", request_body = OrganisationsRequest,
    responses((status = 200, body = AccountRow), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn set_organisations(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    body: Result<Json<OrganisationsRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<AccountRow>, ApiError> {
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let row = as_caller(&state, &headers, Method::PUT, move |storage, caller| {
        caller.require_admin()?;
        let account = row_of(storage, id)?;
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
        storage.set_account_organisations(id, &wanted, &[audit], crate::now())?;
        row_of(storage, id)
    })
    .await?;
    Ok(Json(row))
}

/// Deletes an account (someone left the project): its sessions end at once. Admins only, and not their own account.
#[utoipa::path(delete, path = "/api/v1/accounts/{id}",
    responses((status = 204), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    as_caller(&state, &headers, Method::DELETE, move |storage, caller| {
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
        if !storage.delete_account(id, caller.account.id, &[audit], crate::now())? {
            return Err(refused(ErrorCode::InvalidField));
        }
        Ok(())
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
    body: Result<Json<NewOrganisation>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<OrganisationRow>), ApiError> {
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let row = as_caller(&state, &headers, Method::POST, move |storage, caller| {
        caller.require_admin()?;
        let o = crate::admin::create_organisation_as(storage, &caller.account.name, &request.name, crate::now())
            .map_err(conflict_is_refusal)?;
        Ok(OrganisationRow { id: o.id, name: o.name, disclosure_threshold: o.disclosure_threshold.get() })
    })
    .await?;
    Ok((StatusCode::CREATED, Json(row)))
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
    body: Result<Json<PasswordChange>, axum::extract::rejection::JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    if request.new.chars().count() < auth::MIN_PASSWORD_CHARS {
        return Err(ApiError(ErrorCode::InvalidField));
    }
    let client = crate::client_address::client_ip(peer, &headers, &state.proxies);
    let client_key = crate::client_address::limit_key(client);
    let limits = state.login_limits;
    // The session first (cheap): without one, nobody gets to queue for an Argon2 slot.
    as_caller(&state, &headers, Method::PUT, |_, _| Ok(())).await?;
    let _hashing = state.password_check_slot().await?;
    as_caller(&state, &headers, Method::PUT, move |storage, caller| {
        let record = storage.login_record(&caller.account.name)?.ok_or(refused(ErrorCode::Unauthorized))?;
        // Guessing the current password with a session left open counts like guessing at the login.
        let now = crate::now();
        let attempt = storage.claim_login_attempt(record.account.id, &client_key, false, now, &limits)?;
        if attempt == LoginAttempt::Refused {
            // Logged in already, so nothing to hide: say it is the number of tries, not the password.
            return Err(refused(ErrorCode::RateLimited));
        }
        let verified = auth::verify_password(record.password_phc.as_deref(), &request.current);
        if !verified {
            if attempt == LoginAttempt::AllowedAndLocked {
                storage.audit(
                    now,
                    &record.account.name,
                    "account_locked",
                    &serde_json::json!({"from": client.to_string()}),
                )?;
            }
            return Err(refused(ErrorCode::Forbidden));
        }
        storage.record_login_success(record.account.id, &client_key, false)?;
        crate::admin::set_password_as(storage, &caller.account.name, &caller.account.name, &request.new, crate::now())
            .map_err(|_| refused(ErrorCode::InvalidField))?;
        Ok(())
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
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
            has_password: true,
        };
        let shown = format!("{:?}", NewPassword { account, password: "geheim-wachtwoord".into() });
        let change = format!("{:?}", PasswordChange { current: "oud-geheim".into(), new: "nieuw-geheim".into() });
        assert!(shown.contains("noord") && !shown.contains("geheim"), "{shown}");
        assert!(!change.contains("geheim"), "{change}");
    }
}
