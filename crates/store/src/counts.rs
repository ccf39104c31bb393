//! Counts and the outbox, kept in the same transaction as every record change.
//!
//! `counts` holds the device's cumulative value per count key. `outbox` holds each key changed since the
//! coordinator last accepted it, with the device-wide version of its latest change: a counter in `settings` that
//! only ever rises, so the coordinator can tell a newer value from a replayed older one.

use rusqlite::{Connection, params};
use sleutel_domain::counts::{Contribution, CountKey, Counts, Period, Record, delta};

use crate::error::{Result, StoreError};
use crate::vault::Store;

const OUTBOX_VERSION: &str = "outbox_version";

/// One count waiting to be sent: its key, current value and the version of its latest change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxItem {
    pub key: CountKey,
    pub value: i64,
    pub version: i64,
    /// The coordinator's reason when it refused this version; such items wait until the key changes again.
    pub rejected_code: Option<String>,
}

/// Applies a record change's delta to counts and the outbox. Call inside the record's transaction.
pub(crate) fn apply(conn: &Connection, delta: &[Contribution]) -> Result<()> {
    if delta.is_empty() {
        return Ok(());
    }
    let version = next_version(conn)?;
    // UPDATE, then INSERT when the key is new: an upsert would check `value >= 0` against the negative delta
    // itself before resolving the conflict.
    let mut update_count = conn
        .prepare_cached("UPDATE counts SET value = value + ?4 WHERE period = ?1 AND metric = ?2 AND dimensions = ?3")?;
    let mut insert_count =
        conn.prepare_cached("INSERT INTO counts (period, metric, dimensions, value) VALUES (?1, ?2, ?3, ?4)")?;
    let mut upsert_outbox = conn.prepare_cached(
        "INSERT INTO outbox (period, metric, dimensions, version, rejected_code) VALUES (?1, ?2, ?3, ?4, NULL)
         ON CONFLICT (period, metric, dimensions) DO UPDATE SET version = excluded.version, rejected_code = NULL",
    )?;
    for (key, change) in delta {
        let period = key.period.to_string();
        let dimensions = key.dimensions_text();
        let args = params![period, key.metric.code(), dimensions, change];
        update_count
            .execute(args)
            .and_then(|updated| if updated == 0 { insert_count.execute(args) } else { Ok(updated) })
            .map_err(|e| match e {
                // The CHECK (value >= 0) fired: counts and records disagree. Refuse the change.
                rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                    StoreError::CountsInconsistent
                }
                e => e.into(),
            })?;
        upsert_outbox.execute(params![period, key.metric.code(), dimensions, version])?;
    }
    Ok(())
}

/// Applies the change of one record from `old` to `new`.
pub(crate) fn apply_change(conn: &Connection, old: Option<Record<'_>>, new: Option<Record<'_>>) -> Result<()> {
    apply(conn, &delta(old, new))
}

fn next_version(conn: &Connection) -> Result<i64> {
    let version: i64 = conn.query_row(
        "INSERT INTO settings (key, value) VALUES (?1, '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
         RETURNING CAST(value AS INTEGER)",
        [OUTBOX_VERSION],
        |r| r.get(0),
    )?;
    Ok(version)
}

fn parse_key(period: &str, metric: &str, dimensions: &str) -> Result<CountKey> {
    CountKey::parse_text(period, metric, dimensions).map_err(|_| StoreError::StoredRecordCorrupt)
}

/// After migration 2 created the tables: counts for every record already on the device, all in the outbox.
pub(crate) fn backfill_after_migration(conn: &Connection, _from_version: u32) -> Result<()> {
    let counts = crate::activities::load_all(conn)
        .and_then(|a| crate::referrals::load_all(conn).map(|r| Counts::recompute(&a, &r)))?;
    apply(conn, &counts.non_zero())
}

/// After migration 4: meldingen Veilig Thuis count only referrals that were made (see
/// `Referral::is_melding_veilig_thuis`). Referrals still on the device that were counted under the old definition
/// (every referral to Veilig Thuis) but are not meldingen under the new one lose their unit; the change goes
/// through the outbox like any other, so the coordinator's totals follow. A database older than the counts
/// (before version 2) got its counts in this same upgrade, already under the new definition: nothing to correct.
pub(crate) fn correct_meldingen_after_migration(conn: &Connection, from_version: u32) -> Result<()> {
    if from_version < 2 {
        return Ok(());
    }
    let mut corrections: Counts = Counts::new();
    for referral in crate::referrals::load_all(conn)? {
        if referral.destination.is_veilig_thuis() && !referral.is_melding_veilig_thuis() {
            let key = CountKey::parse(
                &Period::of(referral.date.date()).to_string(),
                "meldingen_veilig_thuis",
                [("municipality", referral.municipality.as_str())],
            )
            .map_err(|_| StoreError::StoredRecordCorrupt)?;
            corrections.apply(&[(key, -1)]);
        }
    }
    apply(conn, &corrections.non_zero())
}

impl Store {
    /// All counts of the periods `from..=to`, sorted by key. Zero values are included: they are real values
    /// (everything in that key was deleted) that must reach the coordinator.
    pub fn counts_between(&self, from: Period, to: Period) -> Result<Vec<(CountKey, i64)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT period, metric, dimensions, value FROM counts WHERE period BETWEEN ?1 AND ?2")?;
        let rows = stmt.query_map([from.to_string(), to.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (p, m, d, v) = row?;
            out.push((parse_key(&p, &m, &d)?, v));
        }
        out.sort_unstable();
        Ok(out)
    }

    /// Every count on the device.
    pub fn all_counts(&self) -> Result<Counts> {
        let (from, to) = (Period::new(2000, 1)?, Period::new(2999, 12)?);
        Ok(self.counts_between(from, to)?.into_iter().collect())
    }

    /// Counts recomputed from the detail records still on the device. Equal to [`Store::all_counts`] until
    /// retention purges records (whose counts stay).
    pub fn recompute_counts(&self) -> Result<Counts> {
        let activities = crate::activities::load_all(&self.conn)?;
        let referrals = crate::referrals::load_all(&self.conn)?;
        Ok(Counts::recompute(&activities, &referrals))
    }

    /// Pending outbox items (not rejected), oldest version first, at most `limit`.
    pub fn outbox_pending(&self, limit: u32) -> Result<Vec<OutboxItem>> {
        self.outbox_query(
            "WHERE o.rejected_code IS NULL ORDER BY o.version, o.period, o.metric, o.dimensions LIMIT ?1",
            limit,
        )
    }

    /// Items the coordinator refused, with its codes.
    pub fn outbox_rejected(&self, limit: u32) -> Result<Vec<OutboxItem>> {
        self.outbox_query("WHERE o.rejected_code IS NOT NULL ORDER BY o.version LIMIT ?1", limit)
    }

    fn outbox_query(&self, tail: &str, limit: u32) -> Result<Vec<OutboxItem>> {
        let sql = format!(
            "SELECT o.period, o.metric, o.dimensions, o.version, o.rejected_code, coalesce(c.value, 0)
             FROM outbox o LEFT JOIN counts c USING (period, metric, dimensions) {tail}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([limit], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (p, m, d, version, rejected_code, value) = row?;
            out.push(OutboxItem { key: parse_key(&p, &m, &d)?, value, version, rejected_code });
        }
        Ok(out)
    }

    /// Number of outbox items waiting to be sent.
    pub fn outbox_len(&self) -> Result<u64> {
        let n: i64 =
            self.conn.query_row("SELECT count(*) FROM outbox WHERE rejected_code IS NULL", [], |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }

    /// Removes items the coordinator accepted. An item changed again since (a higher version) stays.
    pub fn outbox_acknowledge(&mut self, accepted: &[(CountKey, i64)]) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut removed = 0;
        {
            let mut stmt = tx.prepare_cached(
                "DELETE FROM outbox WHERE period = ?1 AND metric = ?2 AND dimensions = ?3 AND version <= ?4",
            )?;
            for (key, version) in accepted {
                removed +=
                    stmt.execute(params![key.period.to_string(), key.metric.code(), key.dimensions_text(), version])?;
            }
        }
        tx.commit()?;
        Ok(removed)
    }

    /// Marks items the coordinator refused, with its code, unless they changed again since.
    pub fn outbox_reject(&mut self, rejected: &[(CountKey, i64, String)]) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut marked = 0;
        {
            let mut stmt = tx.prepare_cached(
                "UPDATE outbox SET rejected_code = ?5 WHERE period = ?1 AND metric = ?2 AND dimensions = ?3 AND version = ?4",
            )?;
            for (key, version, code) in rejected {
                let code: String = code.chars().take(64).collect();
                marked += stmt.execute(params![
                    key.period.to_string(),
                    key.metric.code(),
                    key.dimensions_text(),
                    version,
                    code
                ])?;
            }
        }
        tx.commit()?;
        Ok(marked)
    }

    /// The highest outbox version ever issued on this device.
    pub fn outbox_version(&self) -> Result<i64> {
        Ok(self.setting(OUTBOX_VERSION)?.and_then(|v| v.parse().ok()).unwrap_or(0))
    }
}
