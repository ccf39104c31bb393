//! The organisations (projects) the caller may see, with their disclosure threshold:
//! `GET /api/v1/organisations`, and `PUT /api/v1/organisations/{id}/threshold` (admins; audited).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method};
use serde::{Deserialize, Serialize};
use sleutel_domain::disclosure::Threshold;
use sleutel_protocol::ErrorCode;

use super::as_caller;
use crate::ApiError;
use crate::auth::CallerError;
use crate::state::AppState;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    /// Export cells below this count are hidden.
    pub disclosure_threshold: i64,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ThresholdRequest {
    pub threshold: i64,
}

/// The organisations the caller may see.
#[utoipa::path(get, path = "/api/v1/organisations",
    responses((status = 200, body = [OrganisationRow]), (status = 401, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Vec<OrganisationRow>>, ApiError> {
    let rows = as_caller(&state, &headers, Method::GET, move |storage, caller| {
        let visible = caller.organisations(None, storage)?;
        Ok(storage
            .organisations()?
            .into_iter()
            .filter(|o| visible.contains(&o.id))
            .map(|o| OrganisationRow { id: o.id, name: o.name, disclosure_threshold: o.disclosure_threshold.get() })
            .collect())
    })
    .await?;
    Ok(Json(rows))
}

/// Sets an organisation's disclosure threshold (3 to 20). Admins only: it decides what may be published.
#[utoipa::path(put, path = "/api/v1/organisations/{id}/threshold", request_body = ThresholdRequest,
    responses((status = 200, body = OrganisationRow), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn set_threshold(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    body: Result<Json<ThresholdRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<OrganisationRow>, ApiError> {
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let threshold = Threshold::new(request.threshold).map_err(|_| ApiError(ErrorCode::InvalidField))?;
    let row = as_caller(&state, &headers, Method::PUT, move |storage, caller| {
        caller.require_admin()?;
        if !crate::admin::set_disclosure_threshold(storage, &caller.account.name, id, threshold, crate::now())? {
            return Err(CallerError::Refused(ErrorCode::InvalidField));
        }
        let o = storage.organisation(id)?.ok_or(CallerError::Refused(ErrorCode::InvalidField))?;
        Ok(OrganisationRow { id: o.id, name: o.name, disclosure_threshold: o.disclosure_threshold.get() })
    })
    .await?;
    Ok(Json(row))
}
