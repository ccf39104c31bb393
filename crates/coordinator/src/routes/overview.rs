//! `GET /api/v1/overview?period=month|quarter|year&at=YYYY-MM[&organisation][&municipality][&theme]` (rules:
//! [`crate::use_cases::overview`]).

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, Method};
use sleutel_domain::counts::Period;
use sleutel_protocol::ErrorCode;

use super::as_caller;
use crate::ApiError;
use crate::state::AppState;
use crate::use_cases::overview::{self, Overview, OverviewRequest, OverviewSpec};

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
