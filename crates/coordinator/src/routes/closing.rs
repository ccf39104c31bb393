//! `GET /api/v1/closed-periods[?organisation]`, `POST /api/v1/closed-periods` and
//! `DELETE /api/v1/closed-periods/{organisation}/{first_month}` (rules: [`crate::use_cases::closing`]).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Method, StatusCode};
use serde::Deserialize;
use sleutel_domain::counts::Period;
use sleutel_protocol::ErrorCode;

use super::as_caller;
use crate::ApiError;
use crate::state::AppState;
use crate::use_cases::closing::{self, CloseRequest, ClosedPeriodRow};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ClosedParams {
    organisation: Option<i64>,
}

/// The closed periods of the organisations the caller may see, with the corrections devices made since.
#[utoipa::path(get, path = "/api/v1/closed-periods", params(ClosedParams),
    responses((status = 200, body = [ClosedPeriodRow]), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<ClosedParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<ClosedPeriodRow>>, ApiError> {
    let Query(p) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let rows = as_caller(&state, &headers, Method::GET, move |storage, caller| {
        closing::list(storage, &caller, p.organisation)
    });
    Ok(Json(rows.await?))
}

/// Closes a month or a quarter that has ended: its totals stay as they are now.
#[utoipa::path(post, path = "/api/v1/closed-periods", request_body = CloseRequest,
    responses((status = 200, body = ClosedPeriodRow), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply),
              (status = 409, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn close(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Json<CloseRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<ClosedPeriodRow>, ApiError> {
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let today = Period::of(chrono::Utc::now().date_naive());
    let row = as_caller(&state, &headers, Method::POST, move |storage, caller| {
        closing::close(storage, &caller, &request, today, crate::now())
    });
    Ok(Json(row.await?))
}

/// Reopens a closed period (admins): its figures follow the devices again.
#[utoipa::path(delete, path = "/api/v1/closed-periods/{organisation}/{first_month}",
    params(("organisation" = i64, Path, description = "the organisation"),
           ("first_month" = String, Path, description = "the closed period's first month, YYYY-MM")),
    responses((status = 204), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn reopen(
    State(state): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(i64, String)>, axum::extract::rejection::PathRejection>,
) -> Result<StatusCode, ApiError> {
    let (organisation, first_month) = super::path_or_error(path)?;
    let done = as_caller(&state, &headers, Method::DELETE, move |storage, caller| {
        closing::reopen(storage, &caller, organisation, &first_month, crate::now())
    });
    done.await?;
    Ok(StatusCode::NO_CONTENT)
}
