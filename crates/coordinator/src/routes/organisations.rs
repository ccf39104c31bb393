//! The organisations the caller may see, with their disclosure threshold:
//! `GET /api/v1/organisations`, `PUT /api/v1/organisations/{id}/threshold` and
//! `PUT /api/v1/organisations/{id}/reach-details` (admins; audited). The rules:
//! [`crate::use_cases::organisations`].

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method};
use sleutel_protocol::ErrorCode;

use super::as_caller;
use crate::ApiError;
use crate::state::AppState;
use crate::use_cases::organisations;
pub use crate::use_cases::organisations::{OrganisationRow, ReachDetailsRequest, ThresholdRequest};

/// The organisations the caller may see.
#[utoipa::path(get, path = "/api/v1/organisations",
    responses((status = 200, body = [OrganisationRow]), (status = 401, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Vec<OrganisationRow>>, ApiError> {
    Ok(Json(
        as_caller(&state, &headers, Method::GET, move |storage, caller| organisations::list(storage, &caller)).await?,
    ))
}

/// Sets an organisation's disclosure threshold (3 to 20). Admins only: it decides what may be published.
#[utoipa::path(put, path = "/api/v1/organisations/{id}/threshold", request_body = ThresholdRequest,
    params(("id" = i64, Path, description = "the organisation")),
    responses((status = 200, body = OrganisationRow), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn set_threshold(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<i64>, axum::extract::rejection::PathRejection>,
    body: Result<Json<ThresholdRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<OrganisationRow>, ApiError> {
    let id = super::path_or_error(id)?;
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let row = as_caller(&state, &headers, Method::PUT, move |storage, caller| {
        organisations::set_threshold(storage, &caller, id, &request, crate::now())
    });
    Ok(Json(row.await?))
}

/// Switches counting by age band and community group on or off. Admins only: it decides what is collected.
#[utoipa::path(put, path = "/api/v1/organisations/{id}/reach-details", request_body = ReachDetailsRequest,
    params(("id" = i64, Path, description = "the organisation")),
    responses((status = 200, body = OrganisationRow), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn set_reach_details(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<i64>, axum::extract::rejection::PathRejection>,
    body: Result<Json<ReachDetailsRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<OrganisationRow>, ApiError> {
    let id = super::path_or_error(id)?;
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let row = as_caller(&state, &headers, Method::PUT, move |storage, caller| {
        organisations::set_reach_details(storage, &caller, id, &request, crate::now())
    });
    Ok(Json(row.await?))
}
