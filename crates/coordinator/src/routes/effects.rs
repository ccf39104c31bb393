//! `GET /api/v1/effects?organisation&from&to`: shows of hands before and after, per statement, under the
//! organisation's disclosure threshold (rules: [`crate::use_cases::effects`]).

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, Method};
use sleutel_protocol::ErrorCode;

use super::as_caller;
use crate::ApiError;
use crate::state::AppState;
use crate::use_cases::effects::{self, Effects, EffectsRequest};

/// What meetings' shows of hands say, per statement: hands before and after, the participants and the meetings.
#[utoipa::path(get, path = "/api/v1/effects", params(EffectsRequest),
    responses((status = 200, body = Effects), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn effects(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<EffectsRequest>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Effects>, ApiError> {
    let Query(request) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let reply =
        as_caller(&state, &headers, Method::GET, move |storage, caller| effects::effects(storage, &caller, &request));
    Ok(Json(reply.await?))
}
