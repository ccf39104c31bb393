//! Counts and the outbox, kept in the same transaction as every record change.
//!
//! `counts` holds the device's cumulative value per count key, the device-wide version of the key's latest change
//! (a counter in `settings` that only ever rises, so the coordinator can tell a newer value from a replayed older
//! one) and whether the coordinator still has to receive that version. The outbox is the rows still pending.
//!
//! A new record does not touch `counts` when it is saved: SQLCipher encrypts and authenticates every page a
//! transaction writes, and the ~25 count keys of a record are spread over several pages. Instead every record with
//! an id above the *counted mark* (one per table, in `settings`) is not counted yet, and [`fold`] counts those
//! records, under one new version, before anything reads counts or the outbox. A save then writes about one page,
//! as in plain SQLite (`make bench`). An edit or delete of a record that is already counted changes `counts` in its
//! own transaction, where the `value >= 0` check still refuses a change that would make counts and records
//! disagree; of a record not counted yet, it only changes the record. New records get ids above the mark
//! ([`next_record_id`]), so "above the mark" means exactly "not counted yet".

use rusqlite::{Connection, OptionalExtension, params};
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

/// The two kinds of record that are counted, each with its own counted mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RecordTable {
    Activities,
    Referrals,
}

impl RecordTable {
    fn counted_mark(self) -> &'static str {
        match self {
            Self::Activities => "counted_activities_up_to",
            Self::Referrals => "counted_referrals_up_to",
        }
    }

    fn newer_than_sql(self) -> &'static str {
        match self {
            Self::Activities => "SELECT id, body FROM activities WHERE id > ?1 ORDER BY id",
            Self::Referrals => "SELECT id, body FROM referrals WHERE id > ?1 ORDER BY id",
        }
    }

    fn next_id_sql(self) -> &'static str {
        match self {
            Self::Activities => "SELECT max(coalesce((SELECT max(id) FROM activities), 0), ?1) + 1",
            Self::Referrals => "SELECT max(coalesce((SELECT max(id) FROM referrals), 0), ?1) + 1",
        }
    }
}

fn counted_up_to(conn: &Connection, table: RecordTable) -> Result<i64> {
    let mark: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([table.counted_mark()], |r| r.get(0))
        .optional()?;
    Ok(mark.and_then(|m| m.parse().ok()).unwrap_or(0))
}

fn set_counted_up_to(conn: &Connection, table: RecordTable, id: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![table.counted_mark(), id.to_string()])?;
    Ok(())
}

/// The id for a new record: above every existing id and above the counted mark. (SQLite alone would give the id of
/// a deleted newest record again, which may be at or below the mark, and the new record would never be counted.)
pub(crate) fn next_record_id(conn: &Connection, table: RecordTable) -> Result<i64> {
    let mark = counted_up_to(conn, table)?;
    Ok(conn.prepare_cached(table.next_id_sql())?.query_row([mark], |r| r.get(0))?)
}

/// Counts every record above the counted marks, under one new version, and moves the marks past them. Call inside
/// a transaction.
pub(crate) fn fold(conn: &Connection) -> Result<()> {
    let activity_mark = counted_up_to(conn, RecordTable::Activities)?;
    let referral_mark = counted_up_to(conn, RecordTable::Referrals)?;
    let (activities, last_activity) = records_above(conn, RecordTable::Activities, activity_mark)?;
    let (referrals, last_referral) = records_above(conn, RecordTable::Referrals, referral_mark)?;
    if let Some(id) = last_activity {
        set_counted_up_to(conn, RecordTable::Activities, id)?;
    }
    if let Some(id) = last_referral {
        set_counted_up_to(conn, RecordTable::Referrals, id)?;
    }
    apply_to_counts(conn, &Counts::recompute(&activities, &referrals).non_zero())
}

/// The records of `table` with an id above `mark`, and the highest id among them.
fn records_above<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    table: RecordTable,
    mark: i64,
) -> Result<(Vec<T>, Option<i64>)> {
    let mut stmt = conn.prepare_cached(table.newer_than_sql())?;
    let rows = stmt.query_map([mark], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let (mut records, mut last) = (Vec::new(), None);
    for row in rows {
        let (id, body) = row?;
        records.push(serde_json::from_str(&body).map_err(|_| StoreError::StoredRecordCorrupt)?);
        last = Some(id);
    }
    Ok((records, last))
}

/// Adds `delta` to `counts` under one new version and queues the keys for the coordinator.
fn apply_to_counts(conn: &Connection, delta: &[Contribution]) -> Result<()> {
    if delta.is_empty() {
        return Ok(());
    }
    let version = next_version(conn)?;
    // UPDATE, then INSERT when the key is new: an upsert would check `value >= 0` against the negative delta
    // itself before resolving the conflict.
    let mut update = conn.prepare_cached(
        "UPDATE counts SET value = value + ?4, version = ?5, pending = 1, rejected_code = NULL
         WHERE period = ?1 AND metric = ?2 AND dimensions = ?3",
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO counts (period, metric, dimensions, value, version, pending) VALUES (?1, ?2, ?3, ?4, ?5, 1)",
    )?;
    for (key, change) in delta {
        let args = params![key.period.to_string(), key.metric.code(), key.dimensions_text(), change, version];
        update
            .execute(args)
            .and_then(|updated| if updated == 0 { insert.execute(args) } else { Ok(updated) })
            .map_err(|e| match e {
                // The CHECK (value >= 0) fired: counts and records disagree. Refuse the change.
                rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                    StoreError::CountsInconsistent
                }
                e => e.into(),
            })?;
    }
    Ok(())
}

/// Applies the edit or deletion of record `id` in `table`, from `old` to `new` (`None`: deleted). A record not
/// counted yet needs nothing: the next fold counts what its row then holds, or nothing when it is gone.
pub(crate) fn apply_change(
    conn: &Connection,
    table: RecordTable,
    id: i64,
    old: Record<'_>,
    new: Option<Record<'_>>,
) -> Result<()> {
    if id > counted_up_to(conn, table)? {
        return Ok(());
    }
    apply_to_counts(conn, &delta(Some(old), new))
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

/// The Rust work of an upgrade, after the last SQL step (it needs today's schema):
/// - from before schema 2 (no counts yet): no record is counted, so the next fold counts every record already on
///   the device under today's definitions, all in the outbox;
/// - from schema 2 to 4: every record is counted (the marks go to the newest ids);
/// - from schema 5 on: the marks are kept as they are: a record saved but not yet counted is counted at the next
///   fold, like on any other day;
/// - from schema 2 or 3 also: meldingen Veilig Thuis count only referrals that were made (see
///   `Referral::is_melding_veilig_thuis`). Referrals counted under the old definition (every referral to Veilig
///   Thuis) that are not meldingen under the new one lose their unit; the change goes through the outbox like any
///   other, so the coordinator's totals follow.
pub(crate) fn bring_up_to_date_after_migration(conn: &Connection, from_version: u32) -> Result<()> {
    if from_version < 2 {
        return fold(conn);
    }
    if from_version >= 5 {
        // Schema 5 keeps its own marks of what was counted; moving them would leave records saved since the last
        // fold uncounted for good.
        return Ok(());
    }
    for table in [RecordTable::Activities, RecordTable::Referrals] {
        set_counted_up_to(conn, table, next_record_id(conn, table)? - 1)?;
    }
    if from_version < 4 {
        return correct_meldingen(conn);
    }
    Ok(())
}

fn correct_meldingen(conn: &Connection) -> Result<()> {
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
    apply_to_counts(conn, &corrections.non_zero())
}

impl Store {
    /// All counts of the periods `from..=to`, sorted by key. Zero values are included: they are real values
    /// (everything in that key was deleted) that must reach the coordinator.
    pub fn counts_between(&self, from: Period, to: Period) -> Result<Vec<(CountKey, i64)>> {
        self.count_new_records()?;
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
            "WHERE pending = 1 AND rejected_code IS NULL ORDER BY version, period, metric, dimensions LIMIT ?1",
            limit,
        )
    }

    /// Items the coordinator refused, with its codes.
    pub fn outbox_rejected(&self, limit: u32) -> Result<Vec<OutboxItem>> {
        self.outbox_query("WHERE pending = 1 AND rejected_code IS NOT NULL ORDER BY version LIMIT ?1", limit)
    }

    fn outbox_query(&self, tail: &str, limit: u32) -> Result<Vec<OutboxItem>> {
        self.count_new_records()?;
        let sql = format!("SELECT period, metric, dimensions, version, rejected_code, value FROM counts {tail}");
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
        self.count_new_records()?;
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM counts WHERE pending = 1 AND rejected_code IS NULL",
            [],
            |r| r.get(0),
        )?;
        Ok(n.max(0) as u64)
    }

    /// Removes items the coordinator accepted. An item changed again since (a higher version) stays.
    pub fn outbox_acknowledge(&mut self, accepted: &[(CountKey, i64)]) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut removed = 0;
        {
            let mut stmt = tx.prepare_cached(
                "UPDATE counts SET pending = 0, rejected_code = NULL
                 WHERE period = ?1 AND metric = ?2 AND dimensions = ?3 AND version <= ?4 AND pending = 1",
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
                "UPDATE counts SET rejected_code = ?5
                 WHERE period = ?1 AND metric = ?2 AND dimensions = ?3 AND version = ?4 AND pending = 1",
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

    /// Counts the records saved since the last fold (see the module documentation). Every read of counts or the
    /// outbox does this first, so what it returns includes every saved record.
    pub(crate) fn count_new_records(&self) -> Result<()> {
        // `&self`: a read that folds changes the representation, not the logical counts.
        let tx = self.conn.unchecked_transaction()?;
        fold(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// The highest outbox version ever issued on this device (every saved record has one by then).
    pub fn outbox_version(&self) -> Result<i64> {
        self.count_new_records()?;
        Ok(self.setting(OUTBOX_VERSION)?.and_then(|v| v.parse().ok()).unwrap_or(0))
    }
}
