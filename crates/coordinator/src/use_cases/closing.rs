//! Closed periods: a coordinator closes a month or a quarter once it is reported, so a figure sent to a
//! municipality never changes under it. The coordinator keeps the organisation's totals as they were at closing;
//! every view and export of a closed month reads those ([`stored_totals`] and the shapes made from it), and what
//! devices change afterwards shows as corrections after closing (per figure: how many totals changed and the net
//! difference). Reopening is for admins and audited, like closing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sleutel_domain::counts::{CountKey, Dimension, Metric, Period};
use sleutel_protocol::ErrorCode;

use super::Refusal;
use crate::auth::Caller;
use crate::storage::stored_totals::{self, StoredTotal};
use crate::storage::{
    AuditRecord, ClosedPeriod, Storage, StorageError, StorageResult, TableCell, TableRows, TotalsQuery, TotalsRow,
};

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct CloseRequest {
    pub organisation: i64,
    /// `YYYY-MM`: a month, or the first month of a quarter.
    pub first_month: String,
    /// `YYYY-MM`: the same month, or the quarter's last.
    pub last_month: String,
}

/// A closed period with what changed since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ClosedPeriodRow {
    pub organisation: i64,
    pub first_month: String,
    pub last_month: String,
    /// Unix seconds.
    pub closed_at: i64,
    pub closed_by: String,
    /// Per figure with changes since closing; empty when nothing changed.
    pub corrections: Vec<Correction>,
}

/// What devices changed in one figure after the period was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Correction {
    /// A metric code (`activities`, `participants`, …).
    pub metric: String,
    /// How many of its totals (per month and dimension values) differ from the kept ones.
    pub changed: i64,
    /// Now minus at closing, summed.
    pub net: i64,
}

/// Closes a month or a quarter of an organisation the caller may see (`invalid_field` for anything else, or for
/// a month that has not ended; `already_exists` when it overlaps a closed period). Audited.
pub fn close(
    storage: &dyn Storage,
    caller: &Caller,
    request: &CloseRequest,
    today: Period,
    now: i64,
) -> Result<ClosedPeriodRow, Refusal> {
    let invalid = || Refusal::Refused(ErrorCode::InvalidField);
    let first = Period::parse(request.first_month.trim()).map_err(|_| invalid())?;
    let last = Period::parse(request.last_month.trim()).map_err(|_| invalid())?;
    let quarter = first.month() % 3 == 1 && Some(last) == first.next().and_then(Period::next);
    if !(first == last || quarter) || last >= today {
        return Err(invalid());
    }
    caller.organisations(Some(request.organisation), storage)?;
    storage.organisation(request.organisation)?.ok_or_else(invalid)?;
    let overlaps = storage.closed_periods(&[request.organisation])?.into_iter().any(|c| {
        let (from, to) = months_of(&c);
        from.is_some_and(|f| f <= last) && to.is_some_and(|t| t >= first)
    });
    if overlaps {
        return Err(ErrorCode::AlreadyExists.into());
    }
    let period = ClosedPeriod {
        organisation_id: request.organisation,
        first_month: first.to_string(),
        last_month: last.to_string(),
        closed_at: now,
        closed_by: caller.account.name.clone(),
    };
    let audit = AuditRecord {
        actor: caller.account.name.clone(),
        action: "period_closed",
        detail: serde_json::json!({"organisation": request.organisation, "first_month": period.first_month,
            "last_month": period.last_month}),
    };
    storage.close_period(&period, &[audit]).map_err(|e| match e {
        StorageError::Conflict => ErrorCode::AlreadyExists.into(),
        other => Refusal::from(other),
    })?;
    Ok(row_of(&period, Vec::new()))
}

/// Reopens a closed period (admins only): its figures follow the devices again. `forbidden` when there is none.
pub fn reopen(
    storage: &dyn Storage,
    caller: &Caller,
    organisation: i64,
    first_month: &str,
    now: i64,
) -> Result<(), Refusal> {
    caller.require_admin()?;
    let audit = AuditRecord {
        actor: caller.account.name.clone(),
        action: "period_reopened",
        detail: serde_json::json!({"organisation": organisation, "first_month": first_month}),
    };
    if !storage.reopen_period(organisation, first_month, &[audit], now)? {
        return Err(ErrorCode::Forbidden.into());
    }
    Ok(())
}

/// The closed periods of the organisations the caller may see, with the corrections since each was closed.
pub fn list(
    storage: &dyn Storage,
    caller: &Caller,
    organisation: Option<i64>,
) -> Result<Vec<ClosedPeriodRow>, Refusal> {
    let organisations = caller.organisations(organisation, storage)?;
    storage
        .closed_periods(&organisations)?
        .iter()
        .map(|period| Ok(row_of(period, corrections(storage, period)?)))
        .collect()
}

fn row_of(period: &ClosedPeriod, corrections: Vec<Correction>) -> ClosedPeriodRow {
    ClosedPeriodRow {
        organisation: period.organisation_id,
        first_month: period.first_month.clone(),
        last_month: period.last_month.clone(),
        closed_at: period.closed_at,
        closed_by: period.closed_by.clone(),
        corrections,
    }
}

fn months_of(period: &ClosedPeriod) -> (Option<Period>, Option<Period>) {
    (Period::parse(&period.first_month).ok(), Period::parse(&period.last_month).ok())
}

/// Per metric, how the live totals of a closed period differ from the kept ones (two reads of the period).
fn corrections(storage: &dyn Storage, period: &ClosedPeriod) -> StorageResult<Vec<Correction>> {
    let (live, kept) = storage.period_totals(period)?;
    let mut difference: BTreeMap<(String, String, String), i64> = BTreeMap::new();
    for total in live {
        *difference.entry((total.metric, total.period, total.dimensions)).or_default() += total.value;
    }
    for total in kept {
        *difference.entry((total.metric, total.period, total.dimensions)).or_default() -= total.value;
    }
    Ok(Metric::ALL
        .iter()
        .filter_map(|metric| {
            let changed: Vec<i64> =
                difference.iter().filter(|((m, _, _), d)| m == metric.code() && **d != 0).map(|(_, d)| *d).collect();
            (!changed.is_empty()).then(|| Correction {
                metric: metric.code().to_owned(),
                changed: changed.len() as i64,
                net: changed.iter().sum(),
            })
        })
        .collect())
}

/// The totals of `query` as views and exports show them: the kept totals for the closed months of each
/// organisation, the live ones for the rest; summed over the organisations per key. Organisations with the same
/// closed months (usually all of them: a quarter is closed everywhere) share their queries.
pub fn stored_totals(storage: &dyn Storage, query: &TotalsQuery) -> StorageResult<Vec<StoredTotal>> {
    let mut closed: BTreeMap<i64, Vec<(Period, Period)>> = BTreeMap::new();
    for c in storage.closed_periods(&query.organisations)? {
        if let (Some(first), Some(last)) = months_of(&c)
            && first <= query.to
            && last >= query.from
        {
            closed.entry(c.organisation_id).or_default().push((first.max(query.from), last.min(query.to)));
        }
    }
    if closed.is_empty() {
        return storage.stored_totals(query);
    }
    let mut by_months: BTreeMap<Vec<(Period, Period)>, Vec<i64>> = BTreeMap::new();
    for organisation in &query.organisations {
        by_months.entry(merged(closed.remove(organisation).unwrap_or_default())).or_default().push(*organisation);
    }
    let narrowed = |organisations: &[i64], from: Period, to: Period| TotalsQuery {
        organisations: organisations.to_vec(),
        from,
        to,
        ..query.clone()
    };
    let mut parts = Vec::new();
    for (segments, organisations) in by_months {
        // From the first month on: live up to a closed period, kept within it, then on after it.
        let mut next = Some(query.from);
        for (first, last) in segments {
            if let Some(from) = next.filter(|from| *from < first) {
                parts.extend(storage.stored_totals(&narrowed(&organisations, from, before(first)?))?);
            }
            parts.extend(storage.closed_totals(&narrowed(&organisations, first, last))?);
            next = last.next().filter(|n| *n <= query.to);
        }
        if let Some(from) = next {
            parts.extend(storage.stored_totals(&narrowed(&organisations, from, query.to))?);
        }
    }
    let mut merged: BTreeMap<(String, String, String), i64> = BTreeMap::new();
    for total in parts {
        *merged.entry((total.period, total.metric, total.dimensions)).or_default() += total.value;
    }
    Ok(merged
        .into_iter()
        .map(|((period, metric, dimensions), value)| StoredTotal { period, metric, dimensions, value })
        .collect())
}

/// Closed months as sorted segments that neither overlap nor touch (closing checks for overlaps, but two requests
/// at once could both pass the check; a month must never be read both kept and live).
fn merged(mut segments: Vec<(Period, Period)>) -> Vec<(Period, Period)> {
    segments.sort();
    let mut out: Vec<(Period, Period)> = Vec::with_capacity(segments.len());
    for (first, last) in segments {
        match out.last_mut() {
            Some(previous) if previous.1.next().is_some_and(|n| n >= first) => previous.1 = previous.1.max(last),
            _ => out.push((first, last)),
        }
    }
    out
}

/// The month before `month`.
fn before(month: Period) -> StorageResult<Period> {
    let (year, m) = if month.month() == 1 { (month.year() - 1, 12) } else { (month.year(), month.month() - 1) };
    Period::new(year, m).map_err(|_| StorageError::Corrupt)
}

/// [`stored_totals`] grouped as `query` asks.
pub fn totals(storage: &dyn Storage, query: &TotalsQuery) -> StorageResult<Vec<TotalsRow>> {
    stored_totals::grouped(query, &stored_totals(storage, query)?)
}

/// [`stored_totals`] per key.
pub fn total_keys(storage: &dyn Storage, query: &TotalsQuery) -> StorageResult<Vec<(CountKey, i64)>> {
    stored_totals::per_key(&stored_totals(storage, query)?)
}

/// [`stored_totals`] as a two-way table.
pub fn totals_table(
    storage: &dyn Storage,
    query: &TotalsQuery,
    rows: TableRows,
    columns: Dimension,
) -> StorageResult<Vec<TableCell>> {
    stored_totals::table(&stored_totals(storage, query)?, rows, columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_and_touching_closed_months_become_one_segment() {
        let p = |t: &str| Period::parse(t).expect("period");
        let segments = vec![
            (p("2026-08"), p("2026-08")),
            (p("2026-07"), p("2026-09")),
            (p("2026-10"), p("2026-10")),
            (p("2027-01"), p("2027-03")),
        ];
        assert_eq!(merged(segments), [(p("2026-07"), p("2026-10")), (p("2027-01"), p("2027-03"))]);
    }

    #[test]
    fn the_month_before_crosses_years() {
        let p = |t: &str| Period::parse(t).expect("period");
        assert_eq!(before(p("2026-01")).expect("month"), p("2025-12"));
        assert_eq!(before(p("2026-07")).expect("month"), p("2026-06"));
    }
}
