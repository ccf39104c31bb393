//! `GET /api/v1/overview?period=month|quarter|year&at=YYYY-MM[&organisation][&municipality][&theme]`,
//! `GET /api/v1/targets?organisation&year` and `PUT /api/v1/targets` (rules: [`crate::use_cases::overview`]).

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, Method};
use sleutel_domain::counts::Period;
use sleutel_protocol::ErrorCode;

use super::as_caller;
use crate::ApiError;
use crate::state::AppState;
use crate::use_cases::overview::{
    self, Overview, OverviewRequest, OverviewSpec, TargetQuery, TargetRequest, TargetRow,
};

/// This period against the previous one, for the organisations the caller may see.
#[utoipa::path(get, path = "/api/v1/overview", params(OverviewRequest),
    responses((status = 200, body = Overview), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn overview(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<OverviewRequest>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Overview>, ApiError> {
    let Query(request) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let spec = OverviewSpec::parse(&request, Period::of(chrono::Utc::now().date_naive()))?;
    let reply =
        as_caller(&state, &headers, Method::GET, move |storage, caller| overview::overview(storage, &caller, &spec));
    Ok(Json(reply.await?))
}

/// An organisation's yearly targets against what was realised.
#[utoipa::path(get, path = "/api/v1/targets", params(TargetQuery),
    responses((status = 200, body = [TargetRow]), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn targets(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<TargetQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<TargetRow>>, ApiError> {
    let Query(query) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let rows =
        as_caller(&state, &headers, Method::GET, move |storage, caller| overview::targets(storage, &caller, &query));
    Ok(Json(rows.await?))
}

/// Sets one yearly target (0 to 1,000,000).
#[utoipa::path(put, path = "/api/v1/targets", request_body = TargetRequest,
    responses((status = 200, body = [TargetRow]), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn set_target(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Json<TargetRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Vec<TargetRow>>, ApiError> {
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let rows = as_caller(&state, &headers, Method::PUT, move |storage, caller| {
        overview::set_target(storage, &caller, &request, crate::now())
    });
    Ok(Json(rows.await?))
}
