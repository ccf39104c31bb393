//! `GET /api/v1/exports/table`: a two-way table of totals as CSV or XLSX, always with disclosure control, and
//! written to the audit log. An API token or a dashboard session; coordinators export their own organisations only.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sleutel_domain::counts::{Dimension, Metric, Period};
use sleutel_protocol::ErrorCode;

use crate::ApiError;
use crate::export::{self, Language};
use crate::state::AppState;
use crate::storage::{TableRows, TotalsQuery};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub(crate) struct ExportParams {
    metric: String,
    from: String,
    to: String,
    /// `month` or a dimension of the metric.
    rows: String,
    /// A dimension of the metric.
    columns: String,
    organisation: Option<i64>,
    municipality: Option<String>,
    /// `csv` (default) or `xlsx`.
    format: Option<String>,
    /// `nl` (default) or `en`.
    lang: Option<String>,
    /// `5`: shown counts rounded to multiples of 5 (for publishing; see `ProtectedTable::rounded`).
    rounding: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Xlsx,
}

/// A table of totals with small counts hidden: CSV or XLSX. Coordinators see their own organisations only.
/// How long an export waits for one of the few export slots before it is told to retry later (429).
const EXPORT_SLOT_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

#[utoipa::path(get, path = "/api/v1/exports/table", params(ExportParams),
    responses((status = 200, description = "text/csv or an XLSX workbook"),
              (status = 400, body = sleutel_protocol::ErrorReply), (status = 401, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn table(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<ExportParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(p) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let invalid = || ApiError(ErrorCode::InvalidQuery);
    let metric = Metric::from_code(&p.metric).ok_or_else(invalid)?;
    let from = Period::parse(&p.from).map_err(|_| invalid())?;
    let to = Period::parse(&p.to).map_err(|_| invalid())?;
    let dimension = |code: &str| Dimension::from_code(code).filter(|d| metric.dimensions().contains(d));
    let columns = dimension(&p.columns).ok_or_else(invalid)?;
    let rows = match p.rows.as_str() {
        "month" => TableRows::Month,
        other => TableRows::Dimension(dimension(other).filter(|d| *d != columns).ok_or_else(invalid)?),
    };
    let format = match p.format.as_deref().unwrap_or("csv") {
        "csv" => Format::Csv,
        "xlsx" => Format::Xlsx,
        _ => return Err(invalid()),
    };
    let language = Language::from_code(p.lang.as_deref().unwrap_or("nl")).ok_or_else(invalid)?;
    let municipality = p
        .municipality
        .as_deref()
        .map(|m| sleutel_domain::reference::municipality(m).map(|m| m.code.to_owned()).ok_or_else(invalid))
        .transpose()?;
    if from > to || p.rounding.is_some_and(|base| base != 5) {
        return Err(invalid());
    }
    let rounding = p.rounding;
    // A few exports at a time: each can cost seconds of suppression work.
    let _slot = match tokio::time::timeout(EXPORT_SLOT_WAIT, state.exports.acquire()).await {
        Ok(Ok(permit)) => permit,
        Ok(Err(_)) => return Err(ApiError(ErrorCode::InternalError)),
        Err(_) => return Err(ApiError(ErrorCode::RateLimited)),
    };
    let budget = state.export_budget;
    let body = super::as_caller(&state, &headers, axum::http::Method::GET, move |storage, caller| {
        let organisations = caller.organisations(p.organisation, storage)?;
        let account = caller.account;
        let query = TotalsQuery {
            metric,
            from,
            to,
            organisations: organisations.clone(),
            municipality: municipality.clone(),
            group_by_dimension: None,
            by_period: false,
        };
        let cells = storage.totals_table(&query, rows, columns)?;
        // A table over several projects follows the strictest of their thresholds.
        let threshold = storage
            .organisations()?
            .into_iter()
            .filter(|o| organisations.contains(&o.id))
            .map(|o| o.disclosure_threshold)
            .max()
            .unwrap_or_default();
        let table = export::protected_table(&cells, rows, columns, threshold.get(), language, budget)
            .ok_or(crate::auth::CallerError::Refused(ErrorCode::TableTooLarge))?;
        let table = match rounding {
            Some(base) => table.rounded(base),
            None => table,
        };
        let title = format!("{} {from} – {to}", metric.code());
        let bytes = match format {
            Format::Csv => export::to_csv(&table, rows, language).map_err(|_| crate::storage::StorageError::Corrupt)?,
            Format::Xlsx => {
                export::to_xlsx(&table, rows, language, &title).map_err(|_| crate::storage::StorageError::Corrupt)?
            }
        };
        // Every export is on the record: who, what, and how much was hidden.
        storage.audit(
            crate::now(),
            &account.name,
            "export",
            &serde_json::json!({
                "metric": metric.code(), "from": from.to_string(), "to": to.to_string(),
                "rows": p.rows, "columns": columns.code(), "organisations": organisations,
                "municipality": municipality, "format": if format == Format::Csv { "csv" } else { "xlsx" },
                "threshold": table.threshold, "hidden_cells": table.hidden_count(), "rounding": table.rounding,
            }),
        )?;
        Ok(bytes)
    })
    .await?;
    let (content_type, extension) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "csv"),
        Format::Xlsx => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    };
    // A CSV has no room for a note: its name says the counts are rounded.
    let rounded = match (rounding, language) {
        (Some(base), Language::Nl) => format!("-afgerond{base}"),
        (Some(base), Language::En) => format!("-rounded{base}"),
        (None, _) => String::new(),
    };
    let filename = format!("attachment; filename=\"sleutel-{}-{from}-{to}{rounded}.{extension}\"", metric.code());
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&filename) {
        h.insert(header::CONTENT_DISPOSITION, value);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
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
