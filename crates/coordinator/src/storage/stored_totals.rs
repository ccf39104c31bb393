//! Totals as both engines keep them (one row per organisation and key, summed over organisations by the query),
//! and the shapes every engine answers with: grouped rows, totals per key, two-way tables.

use std::collections::BTreeMap;

use sleutel_domain::counts::{CountKey, Dimension};

use super::{StorageError, StorageResult, TableCell, TableRows, TotalsQuery, TotalsRow};

/// One total as a query returns it: the key's three text columns and the sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTotal {
    pub period: String,
    pub metric: String,
    pub dimensions: String,
    pub value: i64,
}

impl StoredTotal {
    fn key(&self) -> StorageResult<CountKey> {
        CountKey::parse_text(&self.period, &self.metric, &self.dimensions).map_err(|_| StorageError::Corrupt)
    }
}

/// The totals grouped as `query` asks: by month when `by_period`, by the values of `group_by_dimension` when set.
pub fn grouped(query: &TotalsQuery, totals: &[StoredTotal]) -> StorageResult<Vec<TotalsRow>> {
    let mut groups: BTreeMap<(Option<String>, Option<String>), i64> = BTreeMap::new();
    for total in totals {
        // Keys are parsed only when a dimension is asked for.
        let group = match query.group_by_dimension {
            Some(d) => Some(total.key()?.dimensions.get(d).unwrap_or("").to_owned()),
            None => None,
        };
        let period = query.by_period.then(|| total.period.clone());
        *groups.entry((period, group)).or_default() += total.value;
    }
    Ok(groups.into_iter().map(|((period, group), value)| TotalsRow { period, group, value }).collect())
}

/// The totals per key.
pub fn per_key(totals: &[StoredTotal]) -> StorageResult<Vec<(CountKey, i64)>> {
    totals.iter().map(|total| Ok((total.key()?, total.value))).collect()
}

/// The totals as a two-way table: rows by month or a dimension, columns by a dimension.
pub fn table(totals: &[StoredTotal], rows: TableRows, columns: Dimension) -> StorageResult<Vec<TableCell>> {
    let mut cells: BTreeMap<(String, String), i64> = BTreeMap::new();
    for total in totals {
        let key = total.key()?;
        let row = match rows {
            TableRows::Month => total.period.clone(),
            TableRows::Dimension(d) => key.dimensions.get(d).unwrap_or("").to_owned(),
        };
        let column = key.dimensions.get(columns).unwrap_or("").to_owned();
        *cells.entry((row, column)).or_default() += total.value;
    }
    Ok(cells.into_iter().map(|((row, column), value)| TableCell { row, column, value }).collect())
}
