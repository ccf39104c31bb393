//! Totals (`GET /api/v1/totals`): per key, the sum over devices of each device's latest value, for the
//! organisations the caller may see, optionally grouped by a dimension and by month.

use serde::{Deserialize, Serialize};
use sleutel_domain::counts::{Dimension, Metric, Period};
use sleutel_protocol::ErrorCode;

use super::Refusal;
use crate::auth::Caller;
use crate::storage::{Storage, TotalsQuery, TotalsRow};

/// Totals as asked for, in the query's words.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TotalsRequest {
    pub metric: String,
    pub from: String,
    pub to: String,
    pub organisation: Option<i64>,
    pub municipality: Option<String>,
    /// A dimension of the metric to group by.
    pub dimension: Option<String>,
    #[serde(default)]
    pub by_period: bool,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TotalsReply {
    pub metric: String,
    pub from: String,
    pub to: String,
    pub rows: Vec<TotalsReplyRow>,
}

/// One total: per month (`by_period`) and value of the grouping dimension, when asked for.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TotalsReplyRow {
    pub period: Option<String>,
    pub group: Option<String>,
    pub value: i64,
}

impl From<TotalsRow> for TotalsReplyRow {
    fn from(row: TotalsRow) -> Self {
        Self { period: row.period, group: row.group, value: row.value }
    }
}

/// A checked totals request.
#[derive(Debug, Clone)]
pub struct TotalsSpec {
    metric: Metric,
    from: Period,
    to: Period,
    organisation: Option<i64>,
    municipality: Option<String>,
    dimension: Option<Dimension>,
    by_period: bool,
}

impl TotalsSpec {
    /// Checks the request: a known metric, months, a dimension of that metric, a known municipality
    /// (`invalid_query` otherwise).
    pub fn parse(request: &TotalsRequest) -> Result<Self, Refusal> {
        let invalid = || Refusal::Refused(ErrorCode::InvalidQuery);
        let metric = Metric::from_code(&request.metric).ok_or_else(invalid)?;
        let from = Period::parse(&request.from).map_err(|_| invalid())?;
        let to = Period::parse(&request.to).map_err(|_| invalid())?;
        let dimension = request
            .dimension
            .as_deref()
            .map(|d| Dimension::from_code(d).filter(|d| metric.dimensions().contains(d)).ok_or_else(invalid))
            .transpose()?;
        let municipality = super::municipality_filter(request.municipality.as_deref())?;
        Ok(Self {
            metric,
            from,
            to,
            organisation: request.organisation,
            municipality,
            dimension,
            by_period: request.by_period,
        })
    }
}

/// The totals for the organisations the caller may see (coordinators: their own; admins: all).
pub fn totals(storage: &dyn Storage, caller: &Caller, spec: &TotalsSpec) -> Result<TotalsReply, Refusal> {
    let query = TotalsQuery {
        metric: spec.metric,
        from: spec.from,
        to: spec.to,
        organisations: caller.organisations(spec.organisation, storage)?,
        municipality: spec.municipality.clone(),
        group_by_dimension: spec.dimension,
        by_period: spec.by_period,
    };
    Ok(TotalsReply {
        metric: spec.metric.code().into(),
        from: spec.from.to_string(),
        to: spec.to.to_string(),
        rows: super::closing::totals(storage, &query)?.into_iter().map(TotalsReplyRow::from).collect(),
    })
}
