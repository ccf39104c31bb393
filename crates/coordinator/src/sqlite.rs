//! The embedded storage: one SQLite file in the data directory. One connection behind a mutex: SQLite has a single
//! writer anyway, and every call is short. Uploads share commits ([`GroupCommit`]).

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use sleutel_domain::counts::{CountKey, Period};

use crate::group_commit::{GroupCommit, IngestJob};
use crate::storage::stored_totals::StoredTotal;
use crate::storage::*;
use crate::use_cases::upload::{
    Batch, CountChange, DeviceState, IngestOutcome, StoredBatch, UploadTransaction, nonzero_changes,
};
use sleutel_domain::disclosure::Threshold;

const MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("../../../migrations/coordinator/sqlite/0001_init.sql")),
    (2, include_str!("../../../migrations/coordinator/sqlite/0002_login.sql")),
    (3, include_str!("../../../migrations/coordinator/sqlite/0003_targets.sql")),
    (4, include_str!("../../../migrations/coordinator/sqlite/0004_disclosure_threshold.sql")),
    (5, include_str!("../../../migrations/coordinator/sqlite/0005_enrolment_repeat.sql")),
    (6, include_str!("../../../migrations/coordinator/sqlite/0006_login_failures_per_address.sql")),
    (7, include_str!("../../../migrations/coordinator/sqlite/0007_login_window_known_browsers.sql")),
    (8, include_str!("../../../migrations/coordinator/sqlite/0008_device_key_count.sql")),
    (9, include_str!("../../../migrations/coordinator/sqlite/0009_names_unique_in_any_case.sql")),
    (10, include_str!("../../../migrations/coordinator/sqlite/0010_device_months.sql")),
    (11, include_str!("../../../migrations/coordinator/sqlite/0011_projects.sql")),
    (12, include_str!("../../../migrations/coordinator/sqlite/0012_closed_periods.sql")),
    (13, include_str!("../../../migrations/coordinator/sqlite/0013_support.sql")),
    (14, include_str!("../../../migrations/coordinator/sqlite/0014_reach_details.sql")),
    (15, include_str!("../../../migrations/coordinator/sqlite/0015_municipality_accounts.sql")),
    (16, include_str!("../../../migrations/coordinator/sqlite/0016_two_factor.sql")),
    (17, include_str!("../../../migrations/coordinator/sqlite/0017_session_second_factor.sql")),
];
const SELECT_ORGANISATION: &str = "SELECT id, name, disclosure_threshold, reach_details FROM organisations";

fn organisation_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Organisation> {
    // The column's CHECK keeps it in range; a value that is not (a damaged file) falls back to the default.
    let threshold = Threshold::new(r.get(2)?).unwrap_or_default();
    Ok(Organisation { id: r.get(0)?, name: r.get(1)?, disclosure_threshold: threshold, reach_details: r.get(3)? })
}

/// Stored batch replies older than this are pruned; by then the clock-skew window refuses any replay anyway.
const BATCH_RETENTION_SECS: i64 = 7 * 24 * 3600;

pub struct SqliteStorage {
    /// The one connection, behind the upload queue (group commit).
    writer: GroupCommit<Connection>,
}

impl std::fmt::Debug for SqliteStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SqliteStorage")
    }
}

fn blob32(v: Vec<u8>) -> StorageResult<[u8; 32]> {
    v.try_into().map_err(|_| StorageError::Corrupt)
}

fn device_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Device, Vec<u8>)> {
    Ok((
        Device {
            id: r.get(0)?,
            organisation_id: r.get(1)?,
            public_key: [0; 32],
            label: r.get(3)?,
            enrolled_at: r.get(4)?,
            revoked_at: r.get(5)?,
            last_upload_at: r.get(6)?,
            high_water_version: r.get(7)?,
        },
        r.get(2)?,
    ))
}

const DEVICE_COLUMNS: &str =
    "id, organisation_id, public_key, label, enrolled_at, revoked_at, last_upload_at, high_water_version";

fn finish_device((mut d, key): (Device, Vec<u8>)) -> StorageResult<Device> {
    d.public_key = blob32(key)?;
    Ok(d)
}

/// The database holds password hashes, device keys and every organisation's totals: only the account the
/// coordinator runs as may read it. SQLite creates files 0644 and gives the `-wal` and `-shm` files the database's
/// mode.
fn restrict_to_owner(dir: &Path, database: &Path) -> StorageResult<()> {
    owner_only(dir, 0o700)?;
    owner_only(database, 0o600)
}

/// Sets `path`'s Unix permission bits (`0o700` for a folder, `0o600` for a file); nothing elsewhere.
pub(crate) fn owner_only(path: &Path, mode: u32) -> StorageResult<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

impl From<rusqlite::Error> for StorageError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DatabaseBusy => {
                StorageError::Unavailable(e.to_string())
            }
            e => StorageError::Database(e.to_string()),
        }
    }
}

/// A unique index refused the row (a name taken, in any case): `Conflict`; anything else as it is.
fn conflict_if_taken(e: rusqlite::Error) -> StorageError {
    match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
            StorageError::Conflict
        }
        e => e.into(),
    }
}

/// Writes audit entries inside the transaction of the change they record.
fn write_audit(tx: &Connection, entries: &[AuditRecord], now: i64) -> StorageResult<()> {
    for entry in entries {
        tx.prepare_cached("INSERT INTO audit_log (at, actor, action, detail) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![now, entry.actor, entry.action, entry.detail.to_string()])?;
    }
    Ok(())
}

impl SqliteStorage {
    /// Runs one `UPDATE` and, when it changed exactly one row, writes its audit entries in the same transaction:
    /// `false` when nothing matched (and nothing is audited).
    fn update_one_audited(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let changed = tx.execute(sql, params)? == 1;
        if changed {
            write_audit(&tx, audit, now)?;
        }
        tx.commit()?;
        Ok(changed)
    }

    /// Opens (creating if needed) `coordinator.db` in `dir` and applies pending migrations.
    pub fn open(dir: &Path) -> StorageResult<Self> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join("coordinator.db");
        let mut conn = Connection::open(&path)?;
        restrict_to_owner(dir, &path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;")?;
        let current: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let latest = MIGRATIONS.last().map_or(0, |m| m.0);
        if current > latest {
            return Err(StorageError::Corrupt);
        }
        let tx = conn.transaction()?;
        for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", version)?;
        }
        tx.commit()?;
        Ok(Self { writer: GroupCommit::new(conn) })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.writer.writer()
    }
}

/// Applies a group of uploads in one transaction; each job in a savepoint, so one failure affects only its job.
fn ingest_group(conn: &mut Connection, jobs: &[IngestJob]) -> Vec<StorageResult<IngestOutcome>> {
    let tx = match conn.transaction() {
        Ok(tx) => tx,
        Err(_) => return jobs.iter().map(|_| Err(StorageError::Corrupt)).collect(),
    };
    let mut results = Vec::with_capacity(jobs.len());
    for job in jobs {
        let result = tx
            .execute_batch("SAVEPOINT job")
            .map_err(StorageError::from)
            .and_then(|()| ingest_one(&tx, &job.device, &job.batch, job.now));
        let closed = match &result {
            Ok(_) => tx.execute_batch("RELEASE job"),
            Err(_) => tx.execute_batch("ROLLBACK TO job; RELEASE job"),
        };
        results.push(closed.map_err(StorageError::from).and(result));
    }
    if let Err(e) = tx.commit() {
        tracing::error!(error = %e, "group commit failed");
        return jobs.iter().map(|_| Err(StorageError::Corrupt)).collect();
    }
    results
}

/// One upload, inside the group's transaction: the rules are the use case's, the SQL is here.
fn ingest_one(
    tx: &rusqlite::Transaction<'_>,
    device: &Device,
    batch: &Batch,
    now: i64,
) -> StorageResult<IngestOutcome> {
    crate::use_cases::upload::take_upload(&mut SqliteUpload { tx }, device, batch, now)
}

/// The upload's steps in SQL, inside one transaction.
struct SqliteUpload<'a> {
    tx: &'a rusqlite::Transaction<'a>,
}

impl UploadTransaction for SqliteUpload<'_> {
    fn device_state(&mut self, device_id: &str) -> StorageResult<DeviceState> {
        Ok(self
            .tx
            .prepare_cached("SELECT revoked_at, high_water_version, key_count FROM devices WHERE id = ?1")?
            .query_row([device_id], |r| {
                Ok(DeviceState {
                    revoked: r.get::<_, Option<i64>>(0)?.is_some(),
                    high_water_version: r.get(1)?,
                    key_count: r.get(2)?,
                })
            })?)
    }

    fn stored_batch(&mut self, device_id: &str, batch_id: &str) -> StorageResult<Option<StoredBatch>> {
        let row: Option<(Vec<u8>, i64, String)> = self
            .tx
            .prepare_cached(
                "SELECT body_sha256, last_timestamp, reply FROM batches WHERE device_id = ?1 AND batch_id = ?2",
            )?
            .query_row(params![device_id, batch_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        Ok(row.map(|(body_sha256, last_timestamp, reply_json)| StoredBatch { body_sha256, last_timestamp, reply_json }))
    }

    fn touch_batch(&mut self, device_id: &str, batch_id: &str, timestamp: i64) -> StorageResult<()> {
        self.tx
            .prepare_cached("UPDATE batches SET last_timestamp = ?3 WHERE device_id = ?1 AND batch_id = ?2")?
            .execute(params![device_id, batch_id, timestamp])?;
        Ok(())
    }

    fn store_batch(&mut self, device_id: &str, batch: &Batch, reply_json: &str, now: i64) -> StorageResult<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO batches (device_id, batch_id, body_sha256, last_timestamp, reply, received_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                device_id,
                batch.batch_id,
                batch.body_sha256.as_slice(),
                batch.timestamp,
                reply_json,
                now
            ])?;
        Ok(())
    }

    fn prune_batches(&mut self, device_id: &str, just_stored: &str, keep: i64, now: i64) -> StorageResult<()> {
        // (Among older replies received in the same second, any may go.)
        self.tx
            .prepare_cached(
                "DELETE FROM batches WHERE device_id = ?1 AND batch_id IN (
                     SELECT batch_id FROM batches WHERE device_id = ?1 AND batch_id != ?2
                     ORDER BY received_at DESC, batch_id DESC LIMIT -1 OFFSET ?3)",
            )?
            .execute(params![device_id, just_stored, (keep - 1).max(0)])?;
        // Every so often, every device's replies past the retention period.
        if now % 64 == 0 {
            self.tx.execute("DELETE FROM batches WHERE received_at < ?1", [now - BATCH_RETENTION_SECS])?;
        }
        Ok(())
    }

    fn device_counts(&mut self, device_id: &str, keys: &[CountKey]) -> StorageResult<HashMap<CountKey, (i64, i64)>> {
        // One seek per key on the primary key: SQLite runs in-process, so separate lookups cost no round trips.
        let mut stmt = self.tx.prepare_cached(
            "SELECT value, version FROM device_counts
             WHERE device_id = ?1 AND period = ?2 AND metric = ?3 AND dimensions = ?4",
        )?;
        let mut known = HashMap::new();
        for key in keys {
            let row = stmt
                .query_row(params![device_id, key.period.to_string(), key.metric.code(), key.dimensions_text()], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            if let Some(row) = row {
                known.insert(*key, row);
            }
        }
        Ok(known)
    }

    fn write_counts(&mut self, device_id: &str, organisation_id: i64, changes: &[CountChange]) -> StorageResult<()> {
        let mut device_count = self.tx.prepare_cached(
            "INSERT INTO device_counts (device_id, period, metric, dimensions, value, version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (device_id, period, metric, dimensions)
             DO UPDATE SET value = excluded.value, version = excluded.version",
        )?;
        let mut total = self.tx.prepare_cached(
            "INSERT INTO totals (organisation_id, metric, period, dimensions, municipality, value)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (organisation_id, metric, period, dimensions) DO UPDATE SET value = value + excluded.value",
        )?;
        for c in changes {
            let (period, metric, dimensions) = (c.key.period.to_string(), c.key.metric.code(), c.key.dimensions_text());
            device_count.execute(params![device_id, period, metric, dimensions, c.value, c.version])?;
            total.execute(params![organisation_id, metric, period, dimensions, c.municipality(), c.change])?;
        }
        // A gain may start the month's row; a loss only lowers an existing one (the CHECK would refuse a negative
        // row before the conflict is seen).
        let mut gained = self.tx.prepare_cached(
            "INSERT INTO device_months (device_id, organisation_id, period, nonzero_keys) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (device_id, period) DO UPDATE SET nonzero_keys = nonzero_keys + excluded.nonzero_keys",
        )?;
        let mut lost = self.tx.prepare_cached(
            "UPDATE device_months SET nonzero_keys = nonzero_keys + ?3 WHERE device_id = ?1 AND period = ?2",
        )?;
        for (period, change) in nonzero_changes(changes) {
            if change > 0 {
                gained.execute(params![device_id, organisation_id, period, change])?;
            } else {
                lost.execute(params![device_id, period, change])?;
            }
        }
        Ok(())
    }

    fn finish_device(&mut self, device_id: &str, state: DeviceState, last_upload_at: i64) -> StorageResult<()> {
        self.tx
            .prepare_cached(
                "UPDATE devices SET high_water_version = ?2, last_upload_at = ?3, key_count = ?4 WHERE id = ?1",
            )?
            .execute(params![device_id, state.high_water_version, last_upload_at, state.key_count])?;
        Ok(())
    }
}

impl HealthStorage for SqliteStorage {
    fn ready(&self) -> StorageResult<bool> {
        let current: u32 = self.conn().query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(current == MIGRATIONS.last().map_or(0, |m| m.0))
    }
}

impl OrganisationStorage for SqliteStorage {
    fn create_organisation(&self, name: &str, audit: &[AuditRecord], now: i64) -> StorageResult<Organisation> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO organisations (name, name_folded, created_at) VALUES (?1, ?2, ?3)",
            params![name, name.to_lowercase(), now],
        )
        .map_err(conflict_if_taken)?;
        let id = tx.last_insert_rowid();
        // The new id is only known here.
        write_audit(&tx, &naming(audit, "id", id), now)?;
        tx.commit()?;
        Ok(Organisation { id, name: name.to_owned(), disclosure_threshold: Threshold::default(), reach_details: false })
    }

    fn organisation(&self, id: i64) -> StorageResult<Option<Organisation>> {
        Ok(self
            .conn()
            .query_row(&format!("{SELECT_ORGANISATION} WHERE id = ?1"), [id], organisation_from_row)
            .optional()?)
    }

    fn organisation_by_name(&self, name: &str) -> StorageResult<Option<Organisation>> {
        Ok(self
            .conn()
            .query_row(
                &format!("{SELECT_ORGANISATION} WHERE name_folded = ?1"),
                [name.to_lowercase()],
                organisation_from_row,
            )
            .optional()?)
    }

    fn organisations(&self) -> StorageResult<Vec<Organisation>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!("{SELECT_ORGANISATION} ORDER BY id"))?;
        let rows = stmt.query_map([], organisation_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn set_reach_details(
        &self,
        organisation_id: i64,
        on: bool,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool> {
        self.update_one_audited(
            "UPDATE organisations SET reach_details = ?2 WHERE id = ?1",
            params![organisation_id, on],
            audit,
            now,
        )
    }

    fn set_disclosure_threshold(
        &self,
        organisation_id: i64,
        threshold: Threshold,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool> {
        self.update_one_audited(
            "UPDATE organisations SET disclosure_threshold = ?2 WHERE id = ?1",
            params![organisation_id, threshold.get()],
            audit,
            now,
        )
    }
}

/// The live totals of a query, summed over the organisations here: a query over all of them returns one row per
/// key, not one per organisation and key.
const SUM_TOTALS: &str = "SELECT period, metric, dimensions, sum(value) FROM totals
     WHERE metric = ?1 AND period BETWEEN ?2 AND ?3 AND organisation_id IN (SELECT value FROM json_each(?4))
       AND (?5 IS NULL OR municipality = ?5)
     GROUP BY period, metric, dimensions";
/// The same over the totals kept for closed periods.
const SUM_CLOSED_TOTALS: &str = "SELECT period, metric, dimensions, sum(value) FROM closed_totals
     WHERE metric = ?1 AND period BETWEEN ?2 AND ?3 AND organisation_id IN (SELECT value FROM json_each(?4))
       AND (?5 IS NULL OR municipality = ?5)
     GROUP BY period, metric, dimensions";

impl SqliteStorage {
    /// Runs [`SUM_TOTALS`] or [`SUM_CLOSED_TOTALS`] for `q`.
    fn summed(&self, sql: &str, q: &TotalsQuery) -> StorageResult<Vec<StoredTotal>> {
        let conn = self.conn();
        let organisations = serde_json::to_string(&q.organisations).map_err(|_| StorageError::Corrupt)?;
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map(
            params![q.metric.code(), q.from.to_string(), q.to.to_string(), organisations, q.municipality],
            |r| Ok(StoredTotal { period: r.get(0)?, metric: r.get(1)?, dimensions: r.get(2)?, value: r.get(3)? }),
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

const SELECT_PROJECT: &str =
    "SELECT id, organisation_id, name, funder, first_month, last_month, indicators, updated_at FROM projects";

fn project_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredProject> {
    Ok(StoredProject {
        id: r.get(0)?,
        organisation_id: r.get(1)?,
        name: r.get(2)?,
        funder: r.get(3)?,
        first_month: r.get(4)?,
        last_month: r.get(5)?,
        indicators_json: r.get(6)?,
        updated_at: r.get(7)?,
    })
}

impl ProjectStorage for SqliteStorage {
    fn create_project(&self, p: &ProjectToStore<'_>, audit: &[AuditRecord], now: i64) -> StorageResult<i64> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO projects (organisation_id, name, name_folded, funder, first_month, last_month, indicators,
                                   created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                p.organisation_id,
                p.name,
                p.name.to_lowercase(),
                p.funder,
                p.first_month,
                p.last_month,
                p.indicators_json,
                now
            ],
        )
        .map_err(conflict_if_taken)?;
        let id = tx.last_insert_rowid();
        write_audit(&tx, &naming(audit, "id", id), now)?;
        tx.commit()?;
        Ok(id)
    }

    fn replace_project(&self, id: i64, p: &ProjectToStore<'_>, audit: &[AuditRecord], now: i64) -> StorageResult<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let changed = tx
            .execute(
                "UPDATE projects SET name = ?2, name_folded = ?3, funder = ?4, first_month = ?5, last_month = ?6,
                                     indicators = ?7, updated_at = ?8
                 WHERE id = ?1",
                params![
                    id,
                    p.name,
                    p.name.to_lowercase(),
                    p.funder,
                    p.first_month,
                    p.last_month,
                    p.indicators_json,
                    now
                ],
            )
            .map_err(conflict_if_taken)?;
        if changed == 1 {
            write_audit(&tx, audit, now)?;
        }
        tx.commit()?;
        Ok(changed == 1)
    }

    fn delete_project(&self, id: i64, audit: &[AuditRecord], now: i64) -> StorageResult<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let deleted = tx.execute("DELETE FROM projects WHERE id = ?1", [id])?;
        if deleted == 1 {
            write_audit(&tx, audit, now)?;
        }
        tx.commit()?;
        Ok(deleted == 1)
    }

    fn project(&self, id: i64) -> StorageResult<Option<StoredProject>> {
        Ok(self.conn().query_row(&format!("{SELECT_PROJECT} WHERE id = ?1"), [id], project_from_row).optional()?)
    }

    fn projects(&self, organisation_ids: &[i64]) -> StorageResult<Vec<StoredProject>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "{SELECT_PROJECT} WHERE organisation_id IN (SELECT value FROM json_each(?1))
             ORDER BY organisation_id, first_month, name_folded"
        ))?;
        let ids = serde_json::to_string(organisation_ids).map_err(|_| StorageError::Invalid)?;
        let rows = stmt.query_map([ids], project_from_row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

impl SupportStorage for SqliteStorage {
    fn support_contact_json(&self, organisation_id: i64) -> StorageResult<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT support_contact FROM organisations WHERE id = ?1", [organisation_id], |r| r.get(0))
            .optional()?
            .flatten())
    }

    fn set_support_contact_json(
        &self,
        organisation_id: i64,
        contact_json: Option<&str>,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool> {
        self.update_one_audited(
            "UPDATE organisations SET support_contact = ?2 WHERE id = ?1",
            params![organisation_id, contact_json],
            audit,
            now,
        )
    }

    fn add_debrief_request(
        &self,
        organisation_id: i64,
        request_id: &str,
        label: Option<&str>,
        now: i64,
    ) -> StorageResult<bool> {
        let added = self.conn().execute(
            "INSERT INTO debrief_requests (organisation_id, request_id, label, received_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (organisation_id, request_id) DO NOTHING",
            params![organisation_id, request_id, label, now],
        )?;
        Ok(added == 1)
    }

    fn debrief_request_days(&self, organisation_id: i64) -> StorageResult<Vec<i64>> {
        let conn = self.conn();
        let mut statement = conn.prepare("SELECT received_at FROM debrief_requests WHERE organisation_id = ?1")?;
        let days = statement.query_map([organisation_id], |r| r.get(0))?;
        Ok(days.collect::<Result<_, _>>()?)
    }

    fn open_debrief_requests(&self, organisation_ids: &[i64]) -> StorageResult<Vec<DebriefRequestRow>> {
        let conn = self.conn();
        let mut statement = conn.prepare(
            "SELECT id, organisation_id, label, received_at FROM debrief_requests
             WHERE handled_at IS NULL AND organisation_id IN (SELECT value FROM json_each(?1)) ORDER BY id",
        )?;
        let ids = serde_json::to_string(organisation_ids).map_err(|_| StorageError::Invalid)?;
        let rows = statement.query_map([ids], debrief_request_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn open_debrief_request(&self, id: i64) -> StorageResult<Option<DebriefRequestRow>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, organisation_id, label, received_at FROM debrief_requests
                 WHERE id = ?1 AND handled_at IS NULL",
                [id],
                debrief_request_from_row,
            )
            .optional()?)
    }

    fn handle_debrief_request(&self, id: i64, audit: &[AuditRecord], now: i64) -> StorageResult<bool> {
        self.update_one_audited(
            "UPDATE debrief_requests SET handled_at = ?2, label = NULL WHERE id = ?1 AND handled_at IS NULL",
            params![id, now],
            audit,
            now,
        )
    }
}

fn debrief_request_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DebriefRequestRow> {
    Ok(DebriefRequestRow { id: r.get(0)?, organisation_id: r.get(1)?, label: r.get(2)?, received_at: r.get(3)? })
}

impl TwoFactorStorage for SqliteStorage {
    fn two_factor(&self, account_id: i64) -> StorageResult<Option<TwoFactor>> {
        let row: Option<(Option<String>, bool, i64)> = self
            .conn()
            .query_row(
                "SELECT totp_secret, totp_enabled, totp_last_step FROM accounts WHERE id = ?1",
                [account_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        Ok(row.and_then(|(secret, enabled, last_step)| secret.map(|secret| TwoFactor { secret, enabled, last_step })))
    }

    fn begin_two_factor(&self, account_id: i64, secret: &str) -> StorageResult<bool> {
        let changed = self.conn().execute(
            "UPDATE accounts SET totp_secret = ?2, totp_last_step = 0 WHERE id = ?1 AND totp_enabled = 0",
            params![account_id, secret],
        )?;
        Ok(changed == 1)
    }

    fn enable_two_factor(
        &self,
        account_id: i64,
        secret: &str,
        step: i64,
        recovery_sha256: &[[u8; 32]],
        session: Option<&[u8; 32]>,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let changed = tx.execute(
            "UPDATE accounts SET totp_enabled = 1, totp_last_step = ?2
             WHERE id = ?1 AND totp_secret = ?3 AND totp_enabled = 0",
            params![account_id, step, secret],
        )?;
        if changed == 1 {
            let keep = session.map(|s| s.as_slice());
            tx.execute(
                "DELETE FROM sessions WHERE account_id = ?1 AND (?2 IS NULL OR token_sha256 != ?2)",
                params![account_id, keep],
            )?;
            tx.execute("UPDATE sessions SET second_factor = 1 WHERE token_sha256 = ?1", params![keep])?;
            tx.execute("DELETE FROM recovery_codes WHERE account_id = ?1", [account_id])?;
            for hash in recovery_sha256 {
                tx.execute(
                    "INSERT INTO recovery_codes (account_id, code_sha256) VALUES (?1, ?2)",
                    params![account_id, hash.as_slice()],
                )?;
            }
            write_audit(&tx, audit, now)?;
        }
        tx.commit()?;
        Ok(changed == 1)
    }

    fn disable_two_factor(&self, account_id: i64, audit: &[AuditRecord], now: i64) -> StorageResult<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "UPDATE accounts SET totp_secret = NULL, totp_enabled = 0, totp_last_step = 0 WHERE id = ?1",
            [account_id],
        )?;
        tx.execute("DELETE FROM recovery_codes WHERE account_id = ?1", [account_id])?;
        write_audit(&tx, audit, now)?;
        tx.commit()?;
        Ok(())
    }

    fn session_has_second_factor(&self, token_sha256: &[u8; 32]) -> StorageResult<bool> {
        Ok(self
            .conn()
            .query_row("SELECT second_factor FROM sessions WHERE token_sha256 = ?1", [token_sha256.as_slice()], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or(false))
    }

    fn accept_two_factor_step(&self, account_id: i64, step: i64) -> StorageResult<bool> {
        let changed = self.conn().execute(
            "UPDATE accounts SET totp_last_step = ?2 WHERE id = ?1 AND totp_last_step < ?2",
            params![account_id, step],
        )?;
        Ok(changed == 1)
    }

    fn use_recovery_code(
        &self,
        account_id: i64,
        code_sha256: &[u8; 32],
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool> {
        self.update_one_audited(
            "UPDATE recovery_codes SET used_at = ?3 WHERE account_id = ?1 AND code_sha256 = ?2 AND used_at IS NULL",
            params![account_id, code_sha256.as_slice(), now],
            audit,
            now,
        )
    }
}

impl ClosingStorage for SqliteStorage {
    fn close_period(&self, p: &ClosedPeriod, audit: &[AuditRecord]) -> StorageResult<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO closed_periods (organisation_id, first_month, last_month, closed_at, closed_by)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![p.organisation_id, p.first_month, p.last_month, p.closed_at, p.closed_by],
        )
        .map_err(conflict_if_taken)?;
        tx.execute(
            "INSERT INTO closed_totals (organisation_id, metric, period, dimensions, municipality, value)
             SELECT organisation_id, metric, period, dimensions, municipality, value FROM totals
             WHERE organisation_id = ?1 AND period BETWEEN ?2 AND ?3",
            params![p.organisation_id, p.first_month, p.last_month],
        )
        .map_err(conflict_if_taken)?;
        write_audit(&tx, audit, p.closed_at)?;
        tx.commit()?;
        Ok(())
    }

    fn reopen_period(
        &self,
        organisation_id: i64,
        first_month: &str,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let last: Option<String> = tx
            .query_row(
                "DELETE FROM closed_periods WHERE organisation_id = ?1 AND first_month = ?2 RETURNING last_month",
                params![organisation_id, first_month],
                |r| r.get(0),
            )
            .optional()?;
        let Some(last) = last else { return Ok(false) };
        tx.execute(
            "DELETE FROM closed_totals WHERE organisation_id = ?1 AND period BETWEEN ?2 AND ?3",
            params![organisation_id, first_month, last],
        )?;
        write_audit(&tx, audit, now)?;
        tx.commit()?;
        Ok(true)
    }

    fn closed_periods(&self, organisation_ids: &[i64]) -> StorageResult<Vec<ClosedPeriod>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT organisation_id, first_month, last_month, closed_at, closed_by FROM closed_periods
             WHERE organisation_id IN (SELECT value FROM json_each(?1)) ORDER BY organisation_id, first_month",
        )?;
        let ids = serde_json::to_string(organisation_ids).map_err(|_| StorageError::Invalid)?;
        let rows = stmt.query_map([ids], |r| {
            Ok(ClosedPeriod {
                organisation_id: r.get(0)?,
                first_month: r.get(1)?,
                last_month: r.get(2)?,
                closed_at: r.get(3)?,
                closed_by: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn closed_totals(&self, q: &TotalsQuery) -> StorageResult<Vec<StoredTotal>> {
        self.summed(SUM_CLOSED_TOTALS, q)
    }

    fn period_totals(&self, p: &ClosedPeriod) -> StorageResult<(Vec<StoredTotal>, Vec<StoredTotal>)> {
        let conn = self.conn();
        let read = |table: &str| -> StorageResult<Vec<StoredTotal>> {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT period, metric, dimensions, value FROM {table}
                 WHERE organisation_id = ?1 AND period BETWEEN ?2 AND ?3"
            ))?;
            let rows = stmt.query_map(params![p.organisation_id, p.first_month, p.last_month], |r| {
                Ok(StoredTotal { period: r.get(0)?, metric: r.get(1)?, dimensions: r.get(2)?, value: r.get(3)? })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        Ok((read("totals")?, read("closed_totals")?))
    }
}

impl AccountStorage for SqliteStorage {
    fn create_account_complete(
        &self,
        account: &AccountToCreate<'_>,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<i64> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO accounts (name, name_folded, role, token_sha256, created_at, password_phc, municipality)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                account.name,
                account.name.to_lowercase(),
                account.role.stored(),
                account.token_sha256.as_slice(),
                now,
                account.password_phc,
                account.municipality
            ],
        )
        .map_err(conflict_if_taken)?;
        let id = tx.last_insert_rowid();
        for organisation in account.organisations {
            tx.execute(
                "INSERT INTO account_organisations (account_id, organisation_id) VALUES (?1, ?2)",
                params![id, organisation],
            )
            .map_err(|e| match e {
                // An organisation that does not exist (the foreign key).
                rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                    StorageError::NotFound
                }
                e => e.into(),
            })?;
        }
        write_audit(&tx, audit, now)?;
        tx.commit()?;
        Ok(id)
    }

    fn account_by_token(&self, token_sha256: &[u8; 32]) -> StorageResult<Option<Account>> {
        let row: Option<(i64, String, String)> = self
            .conn()
            .query_row("SELECT id, name, CASE WHEN municipality IS NULL THEN role ELSE 'municipality' END FROM accounts WHERE token_sha256 = ?1", [token_sha256.as_slice()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        row.map(|(id, name, role)| Ok(Account { id, name, role: Role::from_code(&role).ok_or(StorageError::Corrupt)? }))
            .transpose()
    }

    fn set_password(&self, account_id: i64, password_phc: &str, audit: &[AuditRecord], now: i64) -> StorageResult<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let changed = tx.execute(
            "UPDATE accounts SET password_phc = ?2, failed_logins = 0, locked_until = 0 WHERE id = ?1",
            params![account_id, password_phc],
        )?;
        if changed == 0 {
            return Err(StorageError::NotFound);
        }
        // A new password (after a compromise, say) ends the sessions that were opened with the old one.
        tx.execute("DELETE FROM sessions WHERE account_id = ?1", [account_id])?;
        // ... lifts every lock on it, and forgets its known browsers (after a compromise, the intruder's too).
        tx.execute("DELETE FROM login_failures WHERE account_id = ?1", [account_id])?;
        tx.execute("DELETE FROM known_browsers WHERE account_id = ?1", [account_id])?;
        write_audit(&tx, audit, now)?;
        tx.commit()?;
        Ok(())
    }

    fn login_record(&self, name: &str) -> StorageResult<Option<LoginRecord>> {
        let row: Option<(i64, String, String, Option<String>, u32, i64)> = self
            .conn()
            .query_row(
                "SELECT id, name, CASE WHEN municipality IS NULL THEN role ELSE 'municipality' END, password_phc, failed_logins, locked_until FROM accounts WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )
            .optional()?;
        row.map(|(id, name, role, password_phc, failed_logins, locked_until)| {
            let role = Role::from_code(&role).ok_or(StorageError::Corrupt)?;
            Ok(LoginRecord { account: Account { id, name, role }, password_phc, failed_logins, locked_until })
        })
        .transpose()
    }

    fn claim_login_attempt(
        &self,
        account_id: i64,
        client: &str,
        known_browser: bool,
        now: i64,
        limits: &LoginLimits,
    ) -> StorageResult<LoginAttempt> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let stale = now - limits.window_secs;
        // Runs of failures that ended long ago are forgotten (and their rows go).
        tx.execute(
            "DELETE FROM login_failures WHERE locked_until <= ?1 AND first_failure_at <= ?2",
            params![now, stale],
        )?;
        let account_locked: bool = tx
            .query_row("SELECT locked_until > ?2 FROM accounts WHERE id = ?1", params![account_id, now], |r| r.get(0))
            .optional()?
            .unwrap_or(true);
        let account_known: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ?1)", [account_id], |r| r.get(0))?;
        if !account_known {
            return Ok(LoginAttempt::Refused);
        }
        let account_locked = account_locked && !known_browser;
        let client_locked: bool = tx
            .query_row(
                "SELECT locked_until > ?3 FROM login_failures WHERE account_id = ?1 AND client = ?2",
                params![account_id, client, now],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(false);
        if account_locked || client_locked {
            return Ok(LoginAttempt::Refused);
        }
        let from_client: u32 = tx.query_row(
            "INSERT INTO login_failures (account_id, client, failures, first_failure_at) VALUES (?1, ?2, 1, ?3)
             ON CONFLICT (account_id, client) DO UPDATE SET
                 failures = CASE WHEN first_failure_at <= ?4 THEN 1 ELSE failures + 1 END,
                 first_failure_at = CASE WHEN first_failure_at <= ?4 THEN ?3 ELSE first_failure_at END
             RETURNING failures",
            params![account_id, client, now, stale],
            |r| r.get(0),
        )?;
        // A known browser's failures do not count toward the lock it is exempt from.
        let in_all: u32 = if known_browser {
            0
        } else {
            tx.query_row(
                "UPDATE accounts SET
                     failed_logins = CASE WHEN first_failure_at <= ?3 THEN 1 ELSE failed_logins + 1 END,
                     first_failure_at = CASE WHEN first_failure_at <= ?3 THEN ?2 ELSE first_failure_at END
                 WHERE id = ?1 RETURNING failed_logins",
                params![account_id, now, stale],
                |r| r.get(0),
            )?
        };
        let until = now + limits.lock_secs;
        let mut locked = false;
        if from_client >= limits.per_client {
            tx.execute(
                "UPDATE login_failures SET failures = 0, locked_until = ?3 WHERE account_id = ?1 AND client = ?2",
                params![account_id, client, until],
            )?;
            locked = true;
        }
        if !known_browser && in_all >= limits.per_account {
            tx.execute(
                "UPDATE accounts SET failed_logins = 0, locked_until = ?2 WHERE id = ?1",
                params![account_id, until],
            )?;
            locked = true;
        }
        tx.commit()?;
        Ok(if locked { LoginAttempt::AllowedAndLocked } else { LoginAttempt::Allowed })
    }

    fn is_known_browser(&self, account_id: i64, token_sha256: &[u8; 32], now: i64) -> StorageResult<bool> {
        let changed = self.conn().execute(
            "UPDATE known_browsers SET last_used_at = ?3 WHERE token_sha256 = ?1 AND account_id = ?2",
            params![token_sha256.as_slice(), account_id, now],
        )?;
        Ok(changed == 1)
    }

    fn remember_browser(
        &self,
        account_id: i64,
        token_sha256: &[u8; 32],
        now: i64,
        forget_after_secs: i64,
    ) -> StorageResult<()> {
        let conn = self.conn();
        conn.execute("DELETE FROM known_browsers WHERE last_used_at <= ?1", [now - forget_after_secs])?;
        conn.execute(
            "INSERT INTO known_browsers (token_sha256, account_id, created_at, last_used_at) VALUES (?1, ?2, ?3, ?3)
             ON CONFLICT (token_sha256) DO UPDATE SET last_used_at = ?3 WHERE account_id = ?2",
            params![token_sha256.as_slice(), account_id, now],
        )?;
        Ok(())
    }

    fn record_login_success(&self, account_id: i64, client: &str, known_browser: bool) -> StorageResult<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        if !known_browser {
            tx.execute("UPDATE accounts SET failed_logins = 0, locked_until = 0 WHERE id = ?1", [account_id])?;
        }
        tx.execute("DELETE FROM login_failures WHERE account_id = ?1 AND client = ?2", params![account_id, client])?;
        tx.commit()?;
        Ok(())
    }

    fn create_session(&self, session: &NewSession<'_>, audit: &[AuditRecord]) -> StorageResult<()> {
        let mut conn = self.conn();
        let conn = conn.transaction()?;
        // Expired sessions go whenever a new one starts.
        conn.execute("DELETE FROM sessions WHERE expires_at <= ?1", [session.now])?;
        conn.execute(
            "INSERT INTO sessions (token_sha256, account_id, csrf_token, created_at, expires_at, second_factor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                session.token_sha256.as_slice(),
                session.account_id,
                session.csrf_token,
                session.now,
                session.expires_at,
                session.second_factor
            ],
        )?;
        write_audit(&conn, audit, session.now)?;
        conn.commit()?;
        Ok(())
    }

    fn session(&self, token_sha256: &[u8; 32], now: i64) -> StorageResult<Option<(Account, String)>> {
        let row: Option<(i64, String, String, String)> = self
            .conn()
            .query_row(
                "SELECT a.id, a.name, CASE WHEN a.municipality IS NULL THEN a.role ELSE 'municipality' END, s.csrf_token FROM sessions s JOIN accounts a ON a.id = s.account_id
                 WHERE s.token_sha256 = ?1 AND s.expires_at > ?2",
                params![token_sha256.as_slice(), now],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        row.map(|(id, name, role, csrf)| {
            Ok((Account { id, name, role: Role::from_code(&role).ok_or(StorageError::Corrupt)? }, csrf))
        })
        .transpose()
    }

    fn delete_session(&self, token_sha256: &[u8; 32], audit: &[AuditRecord], now: i64) -> StorageResult<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        if tx.execute("DELETE FROM sessions WHERE token_sha256 = ?1", [token_sha256.as_slice()])? == 1 {
            write_audit(&tx, audit, now)?;
        }
        tx.commit()?;
        Ok(())
    }

    fn grant_organisation(
        &self,
        account_id: i64,
        organisation_id: i64,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT OR IGNORE INTO account_organisations (account_id, organisation_id) VALUES (?1, ?2)",
            params![account_id, organisation_id],
        )?;
        write_audit(&tx, audit, now)?;
        tx.commit()?;
        Ok(())
    }

    fn account_municipality(&self, account_id: i64) -> StorageResult<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT municipality FROM accounts WHERE id = ?1", [account_id], |r| r.get(0))
            .optional()?
            .flatten())
    }

    fn account_organisations(&self, account_id: i64) -> StorageResult<Vec<i64>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT organisation_id FROM account_organisations WHERE account_id = ?1 ORDER BY organisation_id",
        )?;
        let ids = stmt.query_map([account_id], |r| r.get(0))?.collect::<Result<Vec<i64>, _>>()?;
        Ok(ids)
    }

    fn accounts(&self) -> StorageResult<Vec<AccountSummary>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT a.id, a.name, CASE WHEN a.municipality IS NULL THEN a.role ELSE 'municipality' END, a.password_phc IS NOT NULL,
                    (SELECT json_group_array(organisation_id) FROM
                        (SELECT organisation_id FROM account_organisations WHERE account_id = a.id
                         ORDER BY organisation_id))
             FROM accounts a ORDER BY a.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        rows.map(|row| {
            let (id, name, role, has_password, organisations) = row?;
            Ok(AccountSummary {
                id,
                name,
                role: Role::from_code(&role).ok_or(StorageError::Corrupt)?,
                organisations: serde_json::from_str(&organisations).map_err(|_| StorageError::Corrupt)?,
                has_password,
            })
        })
        .collect()
    }

    fn delete_account(&self, account_id: i64, by: i64, audit: &[AuditRecord], now: i64) -> StorageResult<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        // Checked in the same transaction, so two admins deleting each other at once cannot leave none.
        let (by_exists, other_admins): (bool, i64) = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ?2),
                    (SELECT count(*) FROM accounts WHERE role = 'admin' AND id != ?1)",
            params![account_id, by],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if !by_exists || other_admins == 0 || account_id == by {
            return Ok(false);
        }
        for table in ["sessions", "account_organisations", "known_browsers", "login_failures", "recovery_codes"] {
            tx.execute(&format!("DELETE FROM {table} WHERE account_id = ?1"), [account_id])?;
        }
        let deleted = tx.execute("DELETE FROM accounts WHERE id = ?1", [account_id])?;
        if deleted == 1 {
            write_audit(&tx, audit, now)?;
        }
        tx.commit()?;
        Ok(deleted == 1)
    }

    fn set_account_organisations(
        &self,
        account_id: i64,
        organisations: &[i64],
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute("DELETE FROM account_organisations WHERE account_id = ?1", [account_id])?;
        for organisation in organisations {
            tx.execute(
                "INSERT INTO account_organisations (account_id, organisation_id) VALUES (?1, ?2)",
                params![account_id, organisation],
            )?;
        }
        write_audit(&tx, audit, now)?;
        tx.commit()?;
        Ok(())
    }
}

impl DeviceStorage for SqliteStorage {
    fn issue_enrolment_code(
        &self,
        organisation_id: i64,
        code_sha256: &[u8; 32],
        expires_at: i64,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO enrolment_codes (code_sha256, organisation_id, expires_at, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![code_sha256.as_slice(), organisation_id, expires_at, now],
        )?;
        write_audit(&tx, audit, now)?;
        tx.commit()?;
        Ok(())
    }

    fn enrol_device(
        &self,
        enrolment: &DeviceEnrolment<'_>,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<Option<Enrolled>> {
        let DeviceEnrolment { code_sha256, device_id, public_key, label, replaces } = *enrolment;
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let organisation: Option<i64> = tx
            .query_row(
                "UPDATE enrolment_codes SET used_at = ?2
                 WHERE code_sha256 = ?1 AND used_at IS NULL AND expires_at > ?2 RETURNING organisation_id",
                params![code_sha256.as_slice(), now],
                |r| r.get(0),
            )
            .optional()?;
        let Some(organisation_id) = organisation else {
            // Used already: by this very key (a repeat after a lost reply) is the only case that is answered.
            let repeat = tx
                .query_row(
                    &format!(
                        "SELECT {DEVICE_COLUMNS} FROM devices
                         WHERE id = (SELECT device_id FROM enrolment_codes WHERE code_sha256 = ?1 AND used_at > ?3)
                           AND public_key = ?2 AND revoked_at IS NULL"
                    ),
                    params![code_sha256.as_slice(), public_key.as_slice(), now - ENROLMENT_REPEAT_SECS],
                    device_from_row,
                )
                .optional()?;
            return repeat.map(|row| Ok(Enrolled { device: finish_device(row)?, repeated: true })).transpose();
        };
        let key_known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM devices WHERE public_key = ?1)",
            [public_key.as_slice()],
            |r| r.get(0),
        )?;
        if key_known {
            return Err(StorageError::Conflict);
        }
        tx.execute(
            "INSERT INTO devices (id, organisation_id, public_key, label, enrolled_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![device_id, organisation_id, public_key.as_slice(), label, now],
        )?;
        tx.execute(
            "UPDATE enrolment_codes SET device_id = ?2 WHERE code_sha256 = ?1",
            params![code_sha256.as_slice(), device_id],
        )?;
        let mut high_water_version = 0;
        if let Some(old) = replaces {
            // Only within the organisation: counts made for one organisation never move to another.
            let moved = tx.execute(
                "UPDATE devices SET revoked_at = coalesce(revoked_at, ?3) WHERE id = ?1 AND organisation_id = ?2",
                params![old, organisation_id, now],
            )?;
            if moved == 1 {
                tx.execute("UPDATE device_counts SET device_id = ?2 WHERE device_id = ?1", params![old, device_id])?;
                tx.execute("UPDATE device_months SET device_id = ?2 WHERE device_id = ?1", params![old, device_id])?;
                high_water_version = tx.query_row(
                    "UPDATE devices SET (key_count, high_water_version) =
                         (SELECT key_count, high_water_version FROM devices WHERE id = ?1)
                     WHERE id = ?2 RETURNING high_water_version",
                    params![old, device_id],
                    |r| r.get(0),
                )?;
                tx.execute("UPDATE devices SET key_count = 0 WHERE id = ?1", [old])?;
            }
        }
        // The organisation is only known here, from the code.
        write_audit(&tx, &naming(audit, "organisation_id", organisation_id), now)?;
        tx.commit()?;
        let device = enrolment.enrolled_device(organisation_id, high_water_version, now);
        Ok(Some(Enrolled { device, repeated: false }))
    }

    fn device(&self, id: &str) -> StorageResult<Option<Device>> {
        let row = self
            .conn()
            .query_row(&format!("SELECT {DEVICE_COLUMNS} FROM devices WHERE id = ?1"), [id], device_from_row)
            .optional()?;
        row.map(finish_device).transpose()
    }

    fn devices(&self, organisation_id: Option<i64>) -> StorageResult<Vec<Device>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT {DEVICE_COLUMNS} FROM devices WHERE ?1 IS NULL OR organisation_id = ?1 ORDER BY enrolled_at, id"
        ))?;
        let rows = stmt.query_map([organisation_id], device_from_row)?;
        rows.map(|r| finish_device(r?)).collect()
    }

    /// Revokes a device and withdraws its counts from the totals, in one transaction. A volunteer who gets a new
    /// code re-enrols and sends every count again under the new device, so nothing is counted twice.
    fn revoke_device(&self, id: &str, audit: &[AuditRecord], now: i64) -> StorageResult<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        // The device's counts stay: they describe work that was done, and taking them out would let anyone who
        // compares the totals before and after read one device's counts exactly.
        let newly =
            tx.execute("UPDATE devices SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL", params![id, now])?;
        if newly == 1 {
            write_audit(&tx, audit, now)?;
        }
        let exists: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM devices WHERE id = ?1)", [id], |r| r.get(0))?;
        tx.commit()?;
        Ok(exists)
    }

    fn device_key_count(&self, id: &str) -> StorageResult<u64> {
        let n: i64 =
            self.conn().query_row("SELECT count(*) FROM device_counts WHERE device_id = ?1", [id], |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }
}

impl CountStorage for SqliteStorage {
    fn stored_totals(&self, q: &TotalsQuery) -> StorageResult<Vec<StoredTotal>> {
        self.summed(SUM_TOTALS, q)
    }

    fn active_devices_by_first_month(
        &self,
        organisations: &[i64],
        from: Period,
        to: Period,
    ) -> StorageResult<Vec<(String, i64)>> {
        let organisations = serde_json::to_string(organisations).map_err(|_| StorageError::Corrupt)?;
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT first, count(*) FROM (
                 SELECT m.device_id, min(m.period) AS first FROM device_months m
                 WHERE m.organisation_id IN (SELECT value FROM json_each(?1)) AND m.period BETWEEN ?2 AND ?3
                   AND m.nonzero_keys > 0
                   AND m.device_id NOT IN (SELECT id FROM devices WHERE revoked_at IS NOT NULL
                                             AND organisation_id IN (SELECT value FROM json_each(?1)))
                 GROUP BY m.device_id)
             GROUP BY first ORDER BY first",
        )?;
        let rows =
            stmt.query_map(params![organisations, from.to_string(), to.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn active_devices(&self, organisations: &[i64], from: Period, to: Period) -> StorageResult<i64> {
        let organisations = serde_json::to_string(organisations).map_err(|_| StorageError::Corrupt)?;
        // Every device with work in the months, from the covering index alone, less the few revoked ones: a join
        // of every row with its device would cost a lookup each.
        Ok(self.conn().query_row(
            "SELECT (SELECT count(DISTINCT device_id) FROM device_months
                     WHERE organisation_id IN (SELECT value FROM json_each(?1)) AND period BETWEEN ?2 AND ?3
                       AND nonzero_keys > 0)
                  - (SELECT count(DISTINCT m.device_id) FROM devices d JOIN device_months m ON m.device_id = d.id
                     WHERE d.revoked_at IS NOT NULL AND d.organisation_id IN (SELECT value FROM json_each(?1))
                       AND m.period BETWEEN ?2 AND ?3 AND m.nonzero_keys > 0)",
            params![organisations, from.to_string(), to.to_string()],
            |r| r.get(0),
        )?)
    }

    /// Group commit ([`GroupCommit`]): one transaction and one fsync for every upload that arrived meanwhile.
    fn ingest(&self, device: &Device, batch: &Batch, now: i64) -> StorageResult<IngestOutcome> {
        self.writer.ingest(device, batch, now, ingest_group)
    }
}

impl AuditStorage for SqliteStorage {
    fn audit(&self, at: i64, actor: &str, action: &str, detail: &serde_json::Value) -> StorageResult<()> {
        self.conn().execute(
            "INSERT INTO audit_log (at, actor, action, detail) VALUES (?1, ?2, ?3, ?4)",
            params![at, actor, action, detail.to_string()],
        )?;
        Ok(())
    }

    fn audit_repeated(
        &self,
        at: i64,
        actor: &str,
        action: &str,
        detail: &serde_json::Value,
        window_secs: i64,
    ) -> StorageResult<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let latest: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, detail FROM audit_log WHERE actor = ?1 AND action = ?2 AND at >= ?3 ORDER BY id DESC LIMIT 1",
                params![actor, action, at.saturating_sub(window_secs)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let merged = latest.and_then(|(id, text)| Some((id, repeated_detail(&text, detail, at)?)));
        match merged {
            Some((id, merged)) => {
                tx.execute("UPDATE audit_log SET detail = ?2 WHERE id = ?1", params![id, merged.to_string()])?;
            }
            None => {
                tx.execute(
                    "INSERT INTO audit_log (at, actor, action, detail) VALUES (?1, ?2, ?3, ?4)",
                    params![at, actor, action, detail.to_string()],
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn audit_log(&self, limit: u32) -> StorageResult<Vec<AuditEntry>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?1")?;
        let rows = stmt.query_map([limit], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
        })?;
        rows.map(|r| {
            let (at, actor, action, detail) = r?;
            Ok(AuditEntry {
                at,
                actor,
                action,
                detail: serde_json::from_str(&detail).map_err(|_| StorageError::Corrupt)?,
            })
        })
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A coordinator.db from before migration 10 gets its devices' months from the counts it holds: a device with
    /// work is active, one whose only count is zero is not.
    #[test]
    fn the_upgrade_to_device_months_counts_what_was_there() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("coordinator.db");
        let mut conn = Connection::open(&path).expect("open");
        let tx = conn.transaction().expect("tx");
        for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v <= 9) {
            tx.execute_batch(sql).expect("migrate");
            tx.pragma_update(None, "user_version", version).expect("version");
        }
        tx.execute_batch(
            "INSERT INTO organisations (id, name, name_folded, created_at) VALUES (1, 'Oost', 'oost', 0);
             INSERT INTO devices (id, organisation_id, public_key, label, enrolled_at) VALUES
                 ('d-work', 1, X'01', 'a', 0), ('d-zero', 1, X'02', 'b', 0);
             INSERT INTO device_counts (device_id, period, metric, dimensions, value, version) VALUES
                 ('d-work', '2026-10', 'activities', 'x', 3, 1), ('d-work', '2026-10', 'participants', 'y', 0, 1),
                 ('d-work', '2026-11', 'activities', 'x', 1, 2), ('d-zero', '2026-11', 'activities', 'x', 0, 1);",
        )
        .expect("old data");
        tx.commit().expect("commit");
        drop(conn);
        let storage = SqliteStorage::open(dir.path()).expect("upgraded");
        let month = |m: u32| Period::new(2026, m).expect("period");
        assert_eq!(storage.active_devices(&[1], month(10), month(10)).expect("active"), 1);
        assert_eq!(storage.active_devices(&[1], month(11), month(11)).expect("active"), 1, "not the zero");
        let kept: i64 = storage
            .conn()
            .query_row(
                "SELECT nonzero_keys FROM device_months WHERE device_id = 'd-work' AND period = '2026-10'",
                [],
                |r| r.get(0),
            )
            .expect("row");
        assert_eq!(kept, 1, "one of its two keys in October is above zero");
    }

    /// The yearly targets of before migration 11 become a project per organisation and year with the six standard
    /// indicators, targets where they were set.
    #[test]
    fn the_upgrade_to_projects_keeps_the_yearly_targets() {
        let dir = tempfile::tempdir().expect("dir");
        let mut conn = Connection::open(dir.path().join("coordinator.db")).expect("open");
        let tx = conn.transaction().expect("tx");
        for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v <= 10) {
            tx.execute_batch(sql).expect("migrate");
            tx.pragma_update(None, "user_version", version).expect("version");
        }
        tx.execute_batch(
            "INSERT INTO organisations (id, name, name_folded, created_at) VALUES (1, 'Oost', 'oost', 0);
             INSERT INTO targets (organisation_id, year, indicator, value, updated_at) VALUES
                 (1, 2026, 'reach', 400, 10), (1, 2026, 'meetings', 40, 20), (1, 2025, 'referrals', 12, 5);",
        )
        .expect("old data");
        tx.commit().expect("commit");
        drop(conn);
        let storage = SqliteStorage::open(dir.path()).expect("upgraded");
        let projects = storage.projects(&[1]).expect("projects");
        let names: Vec<&str> = projects.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Jaardoelen 2025", "Jaardoelen 2026"]);
        let p2026 = &projects[1];
        assert_eq!(
            (p2026.first_month.as_str(), p2026.last_month.as_str(), p2026.updated_at),
            ("2026-01", "2026-12", 20)
        );
        let indicators: Vec<crate::use_cases::projects::Indicator> =
            serde_json::from_str(&p2026.indicators_json).expect("indicators");
        let mut expected = crate::use_cases::projects::standard_indicators();
        expected[0].target = Some(400);
        expected[1].target = Some(40);
        assert_eq!(indicators, expected);
        let table_gone: i64 = storage
            .conn()
            .query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'targets'", [], |r| r.get(0))
            .expect("schema");
        assert_eq!(table_gone, 0);
    }
}
