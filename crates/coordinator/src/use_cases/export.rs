//! Exporting a two-way table of totals (`GET /api/v1/exports/table`): always with disclosure control (the strictest
//! threshold of the organisations in it, optional rounding to fives), refused when protecting it would take too long,
//! and written to the audit log with what was hidden.

use serde::Deserialize;
use sleutel_domain::counts::{Dimension, Metric, Period};
use sleutel_protocol::ErrorCode;

use super::Refusal;
use crate::auth::Caller;
use crate::export::{self, Language};
use crate::storage::{Storage, StorageError, TableRows, TotalsQuery};

/// An export as asked for, in the query's words.
#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportRequest {
    pub metric: String,
    pub from: String,
    pub to: String,
    /// `month` or a dimension of the metric.
    pub rows: String,
    /// A dimension of the metric.
    pub columns: String,
    pub organisation: Option<i64>,
    pub municipality: Option<String>,
    /// `csv` (default) or `xlsx`.
    pub format: Option<String>,
    /// `nl` (default) or `en`.
    pub lang: Option<String>,
    /// `5`: shown counts rounded to multiples of 5 (for publishing; see `ProtectedTable::rounded`).
    pub rounding: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

/// A checked export: everything typed, ready to run.
#[derive(Debug, Clone)]
pub struct ExportSpec {
    metric: Metric,
    from: Period,
    to: Period,
    rows: TableRows,
    columns: Dimension,
    organisation: Option<i64>,
    municipality: Option<String>,
    format: Format,
    language: Language,
    rounding: Option<i64>,
}

/// The exported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    /// What a browser saves it as; a CSV has no room for a note, so its name says when counts are rounded.
    pub filename: String,
}

impl ExportSpec {
    /// Checks the request (`invalid_query` for anything unknown or out of range), before any work is queued.
    pub fn parse(request: &ExportRequest) -> Result<Self, Refusal> {
        let invalid = || Refusal::Refused(ErrorCode::InvalidQuery);
        let metric = Metric::from_code(&request.metric).ok_or_else(invalid)?;
        let from = Period::parse(&request.from).map_err(|_| invalid())?;
        let to = Period::parse(&request.to).map_err(|_| invalid())?;
        let dimension = |code: &str| Dimension::from_code(code).filter(|d| metric.dimensions().contains(d));
        let columns = dimension(&request.columns).ok_or_else(invalid)?;
        let rows = match request.rows.as_str() {
            "month" => TableRows::Month,
            other => TableRows::Dimension(dimension(other).filter(|d| *d != columns).ok_or_else(invalid)?),
        };
        let format = match request.format.as_deref().unwrap_or("csv") {
            "csv" => Format::Csv,
            "xlsx" => Format::Xlsx,
            _ => return Err(invalid()),
        };
        let language = Language::from_code(request.lang.as_deref().unwrap_or("nl")).ok_or_else(invalid)?;
        let municipality = super::municipality_filter(request.municipality.as_deref())?;
        if from > to || request.rounding.is_some_and(|base| base != 5) {
            return Err(invalid());
        }
        Ok(Self {
            metric,
            from,
            to,
            rows,
            columns,
            organisation: request.organisation,
            municipality,
            format,
            language,
            rounding: request.rounding,
        })
    }

    fn filename(&self, rounding: Option<i64>) -> String {
        let extension = match self.format {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        };
        let rounded = match (rounding, self.language) {
            (Some(base), Language::Nl) => format!("-afgerond{base}"),
            (Some(base), Language::En) => format!("-rounded{base}"),
            (None, _) => String::new(),
        };
        format!("sleutel-{}-{}-{}{rounded}.{extension}", self.metric.code(), self.from, self.to)
    }
}

/// Builds the protected table for the caller's organisations (coordinators: their own only) and records the export.
/// `budget`: how long protecting it may take before it is refused (`table_too_large`).
pub fn table(
    storage: &dyn Storage,
    caller: &Caller,
    spec: &ExportSpec,
    budget: std::time::Duration,
    now: i64,
) -> Result<ExportFile, Refusal> {
    let scope = scope_of(storage, caller, spec)?;
    let organisations = scope.organisations;
    let query = TotalsQuery {
        metric: spec.metric,
        from: spec.from,
        to: spec.to,
        organisations: organisations.clone(),
        municipality: scope.municipality.clone(),
        group_by_dimension: None,
        by_period: false,
    };
    let cells = super::closing::totals_table(storage, &query, spec.rows, spec.columns)?;
    // A table over several organisations follows the strictest of their thresholds.
    let threshold = storage
        .organisations()?
        .into_iter()
        .filter(|o| organisations.contains(&o.id))
        .map(|o| o.disclosure_threshold)
        .max()
        .unwrap_or_default();
    let table = export::protected_table(&cells, spec.rows, spec.columns, threshold.get(), spec.language, budget)
        .ok_or(Refusal::Refused(ErrorCode::TableTooLarge))?;
    let table = match scope.rounding {
        Some(base) => table.rounded(base),
        None => table,
    };
    let (bytes, content_type) = match spec.format {
        Format::Csv => (
            export::to_csv(&table, spec.rows, spec.language).map_err(|_| StorageError::Corrupt)?,
            "text/csv; charset=utf-8",
        ),
        Format::Xlsx => (
            export::to_xlsx(
                &table,
                spec.rows,
                spec.language,
                &format!("{} {} – {}", spec.metric.code(), spec.from, spec.to),
            )
            .map_err(|_| StorageError::Corrupt)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    };
    let rows = match spec.rows {
        TableRows::Month => "month",
        TableRows::Dimension(d) => d.code(),
    };
    // Every export is on the record: who, what, and how much was hidden.
    storage.audit(
        now,
        &caller.account.name,
        "export",
        &serde_json::json!({
            "metric": spec.metric.code(), "from": spec.from.to_string(), "to": spec.to.to_string(),
            "rows": rows, "columns": spec.columns.code(), "organisations": organisations,
            "municipality": scope.municipality, "format": if spec.format == Format::Csv { "csv" } else { "xlsx" },
            "threshold": table.threshold, "hidden_cells": table.hidden_count(), "rounding": table.rounding,
        }),
    )?;
    Ok(ExportFile { bytes, content_type, filename: spec.filename(scope.rounding) })
}

/// Whose counts a table adds up, within which municipality, rounded how.
struct TableScope {
    organisations: Vec<i64>,
    municipality: Option<String>,
    rounding: Option<i64>,
}

/// A coordinator's or admin's table is what they asked for, over the organisations they may see. A municipality's
/// account gets every organisation's work in its own municipality only, always rounded to fives, under the strictest
/// threshold of them all: it can neither pick one organisation (two tables that differ by one organisation would
/// give that organisation's small counts away) nor another municipality, nor the volunteers' own wellbeing
/// (`forbidden`).
fn scope_of(storage: &dyn Storage, caller: &Caller, spec: &ExportSpec) -> Result<TableScope, Refusal> {
    let Some(own) = caller.municipality() else {
        return Ok(TableScope {
            organisations: caller.organisations(spec.organisation, storage)?,
            municipality: spec.municipality.clone(),
            rounding: spec.rounding,
        });
    };
    // How heavy the volunteers' work is belongs to their organisations, not to a funder.
    let volunteers_own = spec.metric == sleutel_domain::counts::Metric::HeavyActivities;
    if volunteers_own || spec.organisation.is_some() || spec.municipality.as_deref().is_some_and(|m| m != own) {
        return Err(Refusal::Refused(ErrorCode::Forbidden));
    }
    Ok(TableScope {
        organisations: storage.organisations()?.into_iter().map(|o| o.id).collect(),
        municipality: Some(own.to_owned()),
        rounding: Some(MUNICIPALITY_ROUNDING),
    })
}

/// The base a municipality's tables are always rounded to.
pub const MUNICIPALITY_ROUNDING: i64 = 5;
