//! `GET /api/v1/exports/table`: a two-way table of totals as CSV or XLSX, always with disclosure control, and
//! written to the audit log. An API token or a dashboard session; coordinators export their own organisations only.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sleutel_protocol::ErrorCode;

use crate::ApiError;
use crate::export::{self, Language};
use crate::state::AppState;
use crate::use_cases::export::{ExportFile, ExportRequest, ExportSpec};

/// How long an export waits for one of the few export slots before it is told to retry later (429).
const EXPORT_SLOT_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// A table of totals with small counts hidden: CSV or XLSX. Coordinators see their own organisations only.
#[utoipa::path(get, path = "/api/v1/exports/table", params(ExportRequest),
    responses((status = 200, description = "The protected table: CSV (UTF-8 with a byte order mark; `;` in Dutch, `,` \
                in English) or an XLSX workbook, as an attachment",
               content((String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
              (status = 429, body = sleutel_protocol::ErrorReply),
              (status = 400, body = sleutel_protocol::ErrorReply), (status = 401, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn table(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<ExportRequest>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(request) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let spec = ExportSpec::parse(&request)?;
    // A few exports at a time: each can cost seconds of suppression work.
    let _slot = tokio::time::timeout(EXPORT_SLOT_WAIT, state.exports.acquire())
        .await
        .map_err(|_| ApiError(ErrorCode::RateLimited))?
        .map_err(|_| ApiError(ErrorCode::InternalError))?;
    let budget = state.export_budget;
    let file = super::as_caller(&state, &headers, axum::http::Method::GET, move |storage, caller| {
        crate::use_cases::export::table(storage, &caller, &spec, budget, crate::now())
    })
    .await?;
    Ok(attachment(file))
}

/// The file as a download.
pub(super) fn attachment(file: ExportFile) -> Response {
    let disposition = format!("attachment; filename=\"{}\"", file.filename);
    let mut response = file.bytes.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(file.content_type));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct LabelParams {
    /// `nl` (default) or `en`.
    lang: Option<String>,
}

/// The names of dimensions and their values in one language, as exports print them.
#[utoipa::path(get, path = "/api/v1/labels", params(LabelParams),
    responses((status = 200, body = export::Labels), (status = 401, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn labels(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<LabelParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(p) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let language = Language::from_code(p.lang.as_deref().unwrap_or("nl")).ok_or(ApiError(ErrorCode::InvalidQuery))?;
    let labels =
        super::as_caller(&state, &headers, axum::http::Method::GET, move |_, _| Ok(export::labels(language))).await?;
    Ok(axum::Json(labels).into_response())
}
