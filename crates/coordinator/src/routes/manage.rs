//! Device management and the audit log for the dashboard: list devices (with the last month they reported,
//! never per-device counts), issue enrolment codes (text and QR code), revoke a device, read the audit log (admins).
//! Coordinators act on their own organisations only; changes made with a session need the CSRF token.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use sleutel_protocol::ErrorCode;

use super::as_caller;
use crate::ApiError;
use crate::state::AppState;
use crate::storage::{AuditEntry, StorageError};
use crate::use_cases::Refusal;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub(crate) struct DeviceParams {
    organisation: Option<i64>,
}

/// A device as the dashboard lists it: no counts, ever.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DeviceRow {
    pub id: String,
    pub organisation_id: i64,
    pub label: String,
    /// `YYYY-MM-DD`
    pub enrolled_on: String,
    /// `YYYY-MM` of the last upload, if any.
    pub last_report_month: Option<String>,
    pub revoked: bool,
}

fn day(unix: i64) -> Option<chrono::NaiveDate> {
    chrono::DateTime::from_timestamp(unix, 0).map(|t| t.date_naive())
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
        let organisations = caller.organisations(p.organisation, storage)?;
        let mut rows = Vec::new();
        let devices = organisations.iter().map(|o| storage.devices(Some(*o))).collect::<Result<Vec<_>, _>>()?;
        for device in devices.into_iter().flatten() {
            rows.push(DeviceRow {
                enrolled_on: day(device.enrolled_at).map(|d| d.to_string()).unwrap_or_default(),
                last_report_month: device.last_upload_at.and_then(day).map(|d| d.format("%Y-%m").to_string()),
                revoked: device.revoked_at.is_some(),
                id: device.id,
                organisation_id: device.organisation_id,
                label: device.label,
            });
        }
        Ok(rows)
    })
    .await?;
    Ok(Json(rows))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct CodeRequest {
    pub organisation: i64,
    /// Hours the code stays valid: 1 to 336 (default 24).
    pub valid_hours: Option<i64>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CodeReply {
    pub code: String,
    pub organisation: i64,
    pub expires_at: i64,
    /// The code as a QR code (SVG), to scan from a screen or a printed page.
    pub qr_svg: String,
}

/// Issues a one-time enrolment code for an organisation the caller may see.
#[utoipa::path(post, path = "/api/v1/devices/codes", request_body = CodeRequest,
    responses((status = 200, body = CodeReply), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn issue_code(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Json<CodeRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let valid_hours = request.valid_hours.unwrap_or(24);
    if !(1..=24 * 14).contains(&valid_hours) {
        return Err(ApiError(ErrorCode::InvalidField));
    }
    let reply = as_caller(&state, &headers, Method::POST, move |storage, caller| {
        caller.organisations(Some(request.organisation), storage)?;
        storage.organisation(request.organisation)?.ok_or(Refusal::Refused(ErrorCode::InvalidField))?;
        let now = crate::now();
        let code = crate::admin::issue_enrolment_code_as(
            storage,
            &caller.account.name,
            request.organisation,
            valid_hours * 3600,
            now,
        )?;
        let qr = qrcode::QrCode::new(code.as_bytes()).map_err(|_| StorageError::Corrupt)?;
        let qr_svg = qr.render::<qrcode::render::svg::Color<'_>>().min_dimensions(160, 160).build();
        Ok(CodeReply { code, organisation: request.organisation, expires_at: now + valid_hours * 3600, qr_svg })
    })
    .await?;
    // A one-time code is a secret: no cache keeps it.
    let mut response = Json(reply).into_response();
    response.headers_mut().insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    Ok(response)
}

/// Revokes a device of an organisation the caller may see: its uploads are refused and its counts withdrawn.
#[utoipa::path(post, path = "/api/v1/devices/{id}/revoke", params(("id" = String, Path)),
    responses((status = 204), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn revoke(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    as_caller(&state, &headers, Method::POST, move |storage, caller| {
        // An unknown device and another organisation's device get the same answer.
        let device = storage.device(&id)?.ok_or(Refusal::Refused(ErrorCode::Forbidden))?;
        caller.organisations(Some(device.organisation_id), storage)?;
        crate::admin::revoke_device_as(storage, &caller.account.name, &id, crate::now())?;
        Ok(())
    })
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub(crate) struct AuditParams {
    limit: Option<u32>,
}

/// The audit log, newest first. Admins only.
#[utoipa::path(get, path = "/api/v1/audit", params(AuditParams),
    responses((status = 200), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn audit(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<AuditParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    let Query(p) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let entries = as_caller(&state, &headers, Method::GET, move |storage, caller| {
        caller.require_admin()?;
        Ok(storage.audit_log(p.limit.unwrap_or(200).min(1000))?)
    })
    .await?;
    Ok(Json(entries))
}
