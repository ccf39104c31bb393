//! `GET /api/v1/totals`: aggregated counts. An API token or a dashboard session; coordinators see their own
//! organisations only. The rules: [`crate::use_cases::totals`].

use axum::Json;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use sleutel_protocol::ErrorCode;

use crate::ApiError;
use crate::state::AppState;
pub use crate::use_cases::totals::TotalsReply;
use crate::use_cases::totals::{self, TotalsRequest, TotalsSpec};

/// Totals: per key, the sum over devices of each device's latest value.
#[utoipa::path(get, path = "/api/v1/totals", params(TotalsRequest),
    responses((status = 200, body = TotalsReply), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn totals(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<TotalsRequest>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<TotalsReply>, ApiError> {
    let Query(request) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let spec = TotalsSpec::parse(&request)?;
    let reply = super::as_caller(&state, &headers, axum::http::Method::GET, move |storage, caller| {
        totals::totals(storage, &caller, &spec)
    });
    Ok(Json(reply.await?))
}
