use axum::Json;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use serde::{Deserialize, Serialize};
use sleutel_domain::counts::{Dimension, Metric, Period};
use sleutel_protocol::ErrorCode;

use crate::ApiError;
use crate::state::AppState;
use crate::storage::{TotalsQuery, TotalsRow};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub(crate) struct TotalsParams {
    metric: String,
    from: String,
    to: String,
    organisation: Option<i64>,
    municipality: Option<String>,
    dimension: Option<String>,
    #[serde(default)]
    by_period: bool,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TotalsReply {
    pub metric: String,
    pub from: String,
    pub to: String,
    pub rows: Vec<TotalsRow>,
}

/// Totals: per key, the sum over devices of each device's latest value. An API token or a dashboard session;
/// coordinators see their own organisations only.
#[utoipa::path(get, path = "/api/v1/totals", params(TotalsParams),
    responses((status = 200, body = TotalsReply), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn totals(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<TotalsParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<TotalsReply>, ApiError> {
    let Query(p) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let metric = Metric::from_code(&p.metric).ok_or(ApiError(ErrorCode::InvalidQuery))?;
    let from = Period::parse(&p.from).map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let to = Period::parse(&p.to).map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let group_by_dimension = p
        .dimension
        .as_deref()
        .map(|d| {
            Dimension::from_code(d).filter(|d| metric.dimensions().contains(d)).ok_or(ApiError(ErrorCode::InvalidQuery))
        })
        .transpose()?;
    let municipality = p
        .municipality
        .as_deref()
        .map(|m| {
            sleutel_domain::reference::municipality(m)
                .map(|m| m.code.to_owned())
                .ok_or(ApiError(ErrorCode::InvalidQuery))
        })
        .transpose()?;
    // Coordinators see their own organisations only; admins all.
    let rows = super::as_caller(&state, &headers, axum::http::Method::GET, move |storage, caller| {
        let organisations = caller.organisations(p.organisation, storage)?;
        let query =
            TotalsQuery { metric, from, to, organisations, municipality, group_by_dimension, by_period: p.by_period };
        Ok(storage.totals(&query)?)
    })
    .await?;
    Ok(Json(TotalsReply { metric: metric.code().into(), from: from.to_string(), to: to.to_string(), rows }))
}
