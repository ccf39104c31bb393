//! Support for volunteers (rules: [`crate::use_cases::support`]):
//! - `POST /api/v1/debrief-requests`: a device asks for a talk (signed like every device request);
//! - `GET /api/v1/debrief-requests[?organisation]` and `POST /api/v1/debrief-requests/{id}/handled`: the dashboard;
//! - `GET|PUT /api/v1/organisations/{id}/support-contact`: the contact devices show;
//! - `GET /api/v1/wellbeing?organisation`: how heavy the work was, month by month.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Method, StatusCode};
use serde::Deserialize;
use sleutel_protocol::{DebriefReply, DebriefRequest, ErrorCode, paths};

use super::device_auth::authenticate;
use super::{as_caller, with_storage};
use crate::ApiError;
use crate::state::AppState;
use crate::use_cases::support::{self, DebriefRequestView, SupportContactReply, SupportContactRequest, Wellbeing};

/// A volunteer asks the coordinator for a talk; 201 for a new request, 200 for a retry of one that arrived.
#[utoipa::path(post, path = "/api/v1/debrief-requests", request_body = DebriefRequest,
    responses((status = 201, body = DebriefReply), (status = 200, body = DebriefReply),
              (status = 400, body = sleutel_protocol::ErrorReply), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 429, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn ask(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<(StatusCode, Json<DebriefReply>), ApiError> {
    let body = super::body_or_error(body)?;
    sleutel_protocol::check_version(&body)?;
    let request: DebriefRequest = serde_json::from_slice(&body).map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let (device, _) = authenticate(&state, "POST", paths::DEBRIEF_REQUESTS, &headers, &body).await?;
    let reply =
        with_storage(&state, move |storage| support::receive_request(storage, &device, &request, crate::now())).await?;
    Ok((if reply.new { StatusCode::CREATED } else { StatusCode::OK }, Json(reply)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct RequestParams {
    organisation: Option<i64>,
}

/// The open requests for a talk of the organisations the caller may see, oldest first.
#[utoipa::path(get, path = "/api/v1/debrief-requests", params(RequestParams),
    responses((status = 200, body = [DebriefRequestView]), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn open(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<RequestParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<DebriefRequestView>>, ApiError> {
    let Query(p) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let rows = as_caller(&state, &headers, Method::GET, move |storage, caller| {
        support::open_requests(storage, &caller, p.organisation)
    });
    Ok(Json(rows.await?))
}

/// Marks a request for a talk handled; its label is forgotten. Audited.
#[utoipa::path(post, path = "/api/v1/debrief-requests/{id}/handled", params(("id" = i64, Path, description = "the request")),
    responses((status = 204), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn handled(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<i64>, axum::extract::rejection::PathRejection>,
) -> Result<StatusCode, ApiError> {
    let id = super::path_or_error(id)?;
    as_caller(&state, &headers, Method::POST, move |storage, caller| {
        support::handle_request(storage, &caller, id, crate::now())
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The support contact of an organisation the caller may see.
#[utoipa::path(get, path = "/api/v1/organisations/{id}/support-contact", params(("id" = i64, Path, description = "the organisation")),
    responses((status = 200, body = SupportContactReply), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn contact(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<i64>, axum::extract::rejection::PathRejection>,
) -> Result<Json<SupportContactReply>, ApiError> {
    let id = super::path_or_error(id)?;
    let reply =
        as_caller(&state, &headers, Method::GET, move |storage, caller| support::get_contact(storage, &caller, id));
    Ok(Json(reply.await?))
}

/// Sets (all fields empty: removes) the support contact devices show. Audited.
#[utoipa::path(put, path = "/api/v1/organisations/{id}/support-contact", request_body = SupportContactRequest,
    params(("id" = i64, Path, description = "the organisation")),
    responses((status = 200, body = SupportContactReply), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn set_contact(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<i64>, axum::extract::rejection::PathRejection>,
    body: Result<Json<SupportContactRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<SupportContactReply>, ApiError> {
    let id = super::path_or_error(id)?;
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let reply = as_caller(&state, &headers, Method::PUT, move |storage, caller| {
        support::set_contact(storage, &caller, id, &request, crate::now())
    });
    Ok(Json(reply.await?))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct WellbeingParams {
    organisation: i64,
}

/// Heavy activities and talks asked in the last twelve months, under the organisation's disclosure threshold.
#[utoipa::path(get, path = "/api/v1/wellbeing", params(WellbeingParams),
    responses((status = 200, body = Wellbeing), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn wellbeing(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<WellbeingParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Wellbeing>, ApiError> {
    let Query(p) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let reply = as_caller(&state, &headers, Method::GET, move |storage, caller| {
        support::wellbeing(storage, &caller, p.organisation, crate::now())
    });
    Ok(Json(reply.await?))
}
