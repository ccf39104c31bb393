//! Device management and the audit log for the dashboard: `GET /api/v1/devices`, `POST /api/v1/devices/codes`,
//! `POST /api/v1/devices/{id}/revoke`, `GET /api/v1/audit`. Changes made with a session need the CSRF token. The
//! rules: [`crate::use_cases::devices`].

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use serde::Deserialize;
use sleutel_protocol::ErrorCode;
use sleutel_protocol::enrolment_link;

use super::as_caller;
use crate::ApiError;
use crate::state::AppState;
use crate::use_cases::devices::{self, AuditRow, CodeReply, CodeRequest, DeviceRow};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct DeviceParams {
    organisation: Option<i64>,
}

/// Devices of the organisations the caller may see.
#[utoipa::path(get, path = "/api/v1/devices", params(DeviceParams),
    responses((status = 200, body = [DeviceRow]), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn devices(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<DeviceParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<DeviceRow>>, ApiError> {
    let Query(p) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let rows = as_caller(&state, &headers, Method::GET, move |storage, caller| {
        devices::list(storage, &caller, p.organisation)
    });
    Ok(Json(rows.await?))
}

/// Issues a one-time enrolment code for an organisation the caller may see.
#[utoipa::path(post, path = "/api/v1/devices/codes", request_body = CodeRequest,
    responses((status = 200, body = CodeReply), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn issue_code(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Json<CodeRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<CodeReply>, ApiError> {
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    // The link names the address devices reach: the configured one, else the one the dashboard was opened at.
    let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
    let server = state.public_url.clone().or_else(|| origin.and_then(enrolment_link::server_address));
    let reply = as_caller(&state, &headers, Method::POST, move |storage, caller| {
        devices::issue_code(storage, &caller, &request, server.as_deref(), crate::now())
    });
    Ok(Json(reply.await?))
}

/// Revokes a device of an organisation the caller may see: its uploads are refused from now on.
#[utoipa::path(post, path = "/api/v1/devices/{id}/revoke", params(("id" = String, Path, description = "the device")),
    responses((status = 204), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn revoke(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<StatusCode, ApiError> {
    let id = super::path_or_error(id)?;
    as_caller(&state, &headers, Method::POST, move |storage, caller| {
        devices::revoke(storage, &caller, &id, crate::now())
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct AuditParams {
    limit: Option<u32>,
}

/// The audit log, newest first. Admins only.
#[utoipa::path(get, path = "/api/v1/audit", params(AuditParams),
    responses((status = 200, body = [AuditRow]), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn audit(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<AuditParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<AuditRow>>, ApiError> {
    let Query(p) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let entries =
        as_caller(&state, &headers, Method::GET, move |storage, caller| devices::audit_log(storage, &caller, p.limit));
    Ok(Json(entries.await?))
}
