//! The PostgreSQL engine, for an organisation whose IT already runs, backs up and replicates PostgreSQL, and for
//! several coordinator instances serving as one: everything that must hold across instances (login attempts and
//! locks, sessions, enrolment codes used once, batch replay) is a row here, changed in one transaction.
//!
//! The storage trait is blocking and runs on tokio's blocking pool, so this engine uses the blocking client
//! (`postgres`, built on tokio-postgres) behind an r2d2 pool. Like every storage call, its calls belong on the blocking
//! pool (`spawn_blocking`): the blocking client panics on a thread that drives async tasks. Rows that concurrent transactions read and then change
//! are locked first (`FOR UPDATE`): a device's row serialises its uploads, an account's row its login attempts, the
//! admin rows the last-admin check. Uploads share commits per instance ([`GroupCommit`]) and write their counts as
//! one batched upsert per table, in key order, so concurrent uploads never wait on each other in a cycle.

use std::collections::HashMap;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{GenericClient, NoTls, Row, Statement, Transaction};
use sleutel_domain::counts::{CountKey, Period};
use sleutel_domain::disclosure::Threshold;

use crate::group_commit::{GroupCommit, IngestJob};
use crate::storage::stored_totals::StoredTotal;
use crate::storage::*;
use crate::use_cases::upload::{
    Batch, CountChange, DeviceState, IngestOutcome, StoredBatch, UploadTransaction, nonzero_changes,
};

const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("../../../migrations/coordinator/postgres/0001_init.sql")),
    (2, include_str!("../../../migrations/coordinator/postgres/0002_device_months.sql")),
    (3, include_str!("../../../migrations/coordinator/postgres/0003_projects.sql")),
    (4, include_str!("../../../migrations/coordinator/postgres/0004_closed_periods.sql")),
    (5, include_str!("../../../migrations/coordinator/postgres/0005_support.sql")),
    (6, include_str!("../../../migrations/coordinator/postgres/0006_reach_details.sql")),
    (7, include_str!("../../../migrations/coordinator/postgres/0007_municipality_accounts.sql")),
    (8, include_str!("../../../migrations/coordinator/postgres/0008_two_factor.sql")),
    (9, include_str!("../../../migrations/coordinator/postgres/0009_session_second_factor.sql")),
];

/// Taken while migrating, so instances starting at once migrate one after the other ("sleutel" in ASCII).
const MIGRATION_LOCK: i64 = 0x0073_6c65_7574_656c;

/// Stored batch replies older than this are pruned; by then the clock-skew window refuses any replay anyway.
const BATCH_RETENTION_SECS: i64 = 7 * 24 * 3600;

/// Connections one instance keeps at most. Blocking-pool threads wait for one up to [`CHECKOUT_TIMEOUT`].
pub const DEFAULT_POOL_SIZE: u32 = 16;
const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a readiness check waits for a connection before it answers "not ready".
const READY_CHECK_TIMEOUT: Duration = Duration::from_secs(2);

/// Upload groups one instance commits at the same time. A commit waits for the disk (fsync); with several lanes those
/// waits overlap. Measured on 2 cores: 4 lanes ingest about twice what one lane does.
const UPLOAD_LANES: usize = 4;

type Pool = r2d2::Pool<Manager>;

/// A pooled connection with the statements prepared on it: the hot upload statements are parsed once per
/// connection, not on every call (which would also cost a round trip each).
struct Connection {
    client: postgres::Client,
    statements: Statements,
}

type Statements = HashMap<&'static str, Statement>;

impl std::ops::Deref for Connection {
    type Target = postgres::Client;
    fn deref(&self) -> &postgres::Client {
        &self.client
    }
}

impl std::ops::DerefMut for Connection {
    fn deref_mut(&mut self) -> &mut postgres::Client {
        &mut self.client
    }
}

impl Connection {
    /// The statement for `sql` on this connection, prepared on first use.
    fn prepared(&mut self, sql: &'static str) -> Result<Statement, postgres::Error> {
        if let Some(statement) = self.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(sql)?;
        self.statements.insert(sql, statement.clone());
        Ok(statement)
    }
}

/// Makes and checks the pool's connections.
#[derive(Debug)]
struct Manager {
    config: postgres::Config,
}

impl r2d2::ManageConnection for Manager {
    type Connection = Connection;
    type Error = postgres::Error;

    fn connect(&self) -> Result<Connection, postgres::Error> {
        Ok(Connection { client: self.config.connect(NoTls)?, statements: HashMap::new() })
    }

    fn is_valid(&self, connection: &mut Connection) -> Result<(), postgres::Error> {
        connection.client.simple_query("").map(|_| ())
    }

    fn has_broken(&self, connection: &mut Connection) -> bool {
        connection.client.is_closed()
    }
}

/// The statement for `sql` on this connection, prepared on first use.
fn prepared(tx: &mut Transaction<'_>, statements: &mut Statements, sql: &'static str) -> StorageResult<Statement> {
    if let Some(statement) = statements.get(sql) {
        return Ok(statement.clone());
    }
    let statement = tx.prepare(sql)?;
    statements.insert(sql, statement.clone());
    Ok(statement)
}

pub struct PostgresStorage {
    /// Always `Some` until dropped.
    pool: Option<Pool>,
    /// Uploads of this instance share commits, in a few lanes that commit side by side; an organisation's uploads
    /// always take the same lane, so two lanes never wait for each other's locks on its totals. Other instances
    /// have their own lanes.
    uploads: Vec<GroupCommit<()>>,
}

impl std::fmt::Debug for PostgresStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStorage").field("pool", &self.pool.as_ref().map(Pool::state)).finish()
    }
}

impl Drop for PostgresStorage {
    /// Closing a blocking client blocks, which must not happen on a thread that drives async tasks; the last owner
    /// may well be one (the server's task at shutdown). So the connections are closed on a thread of their own.
    fn drop(&mut self) {
        if let Some(pool) = self.pool.take() {
            let _ = std::thread::spawn(move || drop(pool)).join();
        }
    }
}

impl From<postgres::Error> for StorageError {
    fn from(e: postgres::Error) -> Self {
        // A lost connection, or a transaction that lost a wait to another one (a deadlock, a serialisation
        // failure): the same work may pass when done again.
        let transient = e.is_closed()
            || e.code()
                .is_some_and(|s| *s == SqlState::T_R_DEADLOCK_DETECTED || *s == SqlState::T_R_SERIALIZATION_FAILURE);
        if transient { StorageError::Unavailable(e.to_string()) } else { StorageError::Database(e.to_string()) }
    }
}

impl From<r2d2::Error> for StorageError {
    fn from(e: r2d2::Error) -> Self {
        StorageError::Unavailable(e.to_string())
    }
}

/// A unique constraint refused the row (a name taken, in any case): `Conflict`; anything else as it is.
fn conflict_if_taken(e: postgres::Error) -> StorageError {
    if e.code() == Some(&SqlState::UNIQUE_VIOLATION) { StorageError::Conflict } else { e.into() }
}

fn blob32(v: Vec<u8>) -> StorageResult<[u8; 32]> {
    v.try_into().map_err(|_| StorageError::Corrupt)
}

fn role(code: &str) -> StorageResult<Role> {
    Role::from_code(code).ok_or(StorageError::Corrupt)
}

fn organisation_from_row(r: &Row) -> Organisation {
    // The column's CHECK keeps it in range; a value that is not (damaged data) falls back to the default.
    let threshold = Threshold::new(r.get(2)).unwrap_or_default();
    Organisation { id: r.get(0), name: r.get(1), disclosure_threshold: threshold, reach_details: r.get(3) }
}

const SELECT_ORGANISATION: &str = "SELECT id, name, disclosure_threshold, reach_details FROM organisations";
const DEVICE_COLUMNS: &str =
    "id, organisation_id, public_key, label, enrolled_at, revoked_at, last_upload_at, high_water_version";

fn device_from_row(r: &Row) -> StorageResult<Device> {
    Ok(Device {
        id: r.get(0),
        organisation_id: r.get(1),
        public_key: blob32(r.get(2))?,
        label: r.get(3),
        enrolled_at: r.get(4),
        revoked_at: r.get(5),
        last_upload_at: r.get(6),
        high_water_version: r.get(7),
    })
}

/// Writes audit entries inside the transaction of the change they record.
fn write_audit(tx: &mut impl GenericClient, entries: &[AuditRecord], now: i64) -> StorageResult<()> {
    for entry in entries {
        tx.execute(
            "INSERT INTO audit_log (at, actor, action, detail) VALUES ($1, $2, $3, $4)",
            &[&now, &entry.actor, &entry.action, &entry.detail.to_string()],
        )?;
    }
    Ok(())
}

/// The newest migration this database has had (0 for a new one).
fn schema_version(client: &mut impl GenericClient) -> StorageResult<i32> {
    Ok(client.query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])?.get(0))
}

/// The newest migration this coordinator knows.
fn latest_migration() -> i32 {
    MIGRATIONS.last().map_or(0, |m| m.0)
}

/// Applies the migrations this database has not had yet, one instance at a time.
fn migrate(client: &mut postgres::Client) -> StorageResult<()> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")?;
    let current = schema_version(&mut tx)?;
    if current > latest_migration() {
        // A newer coordinator has upgraded this database: this one would misread it.
        return Err(StorageError::Corrupt);
    }
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
        tx.batch_execute(sql)?;
        tx.execute("INSERT INTO schema_version (version) VALUES ($1)", &[version])?;
    }
    tx.commit()?;
    Ok(())
}

impl PostgresStorage {
    /// Connects to `url` (`postgres://user@host:port/database`, or key=value pairs) with a pool of at most
    /// `pool_size` connections, and applies pending migrations. The connection is not encrypted: put the database
    /// on the same machine (a Unix socket: `postgres:///sleutel?host=/run/postgresql`) or a private network.
    pub fn open(url: &str, pool_size: u32) -> StorageResult<Self> {
        let config: postgres::Config =
            url.parse().map_err(|_| StorageError::Database("not a PostgreSQL connection string".into()))?;
        let manager = Manager { config };
        let pool = r2d2::Pool::builder()
            .max_size(pool_size.max(2))
            .min_idle(Some(1))
            .connection_timeout(CHECKOUT_TIMEOUT)
            // Connections are checked when taken, so one dropped by a database restart is replaced, not used.
            .test_on_check_out(true)
            .build(manager)?;
        migrate(&mut *pool.get()?)?;
        Ok(Self { pool: Some(pool), uploads: (0..UPLOAD_LANES).map(|_| GroupCommit::new(())).collect() })
    }

    fn pool(&self) -> &Pool {
        // Taken only by drop.
        self.pool.as_ref().unwrap_or_else(|| unreachable!("the pool lives as long as the storage"))
    }

    fn client(&self) -> StorageResult<r2d2::PooledConnection<Manager>> {
        Ok(self.pool().get()?)
    }

    /// Runs a read that the dashboard repeats, as a statement prepared once per connection.
    fn read(&self, sql: &'static str, params: &[&(dyn postgres::types::ToSql + Sync)]) -> StorageResult<Vec<Row>> {
        let mut connection = self.client()?;
        let statement = connection.prepared(sql)?;
        Ok(connection.client.query(&statement, params)?)
    }

    /// Runs one `UPDATE` and, when it changed exactly one row, writes its audit entries in the same transaction:
    /// `false` when nothing matched (and nothing is audited).
    fn update_one_audited(
        &self,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool> {
        self.in_transaction(|tx| {
            let changed = tx.execute(sql, params)? == 1;
            if changed {
                write_audit(tx, audit, now)?;
            }
            Ok(changed)
        })
    }

    /// Runs `work` in a transaction and commits it.
    fn in_transaction<T>(&self, work: impl FnOnce(&mut Transaction<'_>) -> StorageResult<T>) -> StorageResult<T> {
        let mut client = self.client()?;
        let mut tx = client.transaction()?;
        let value = work(&mut tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Applies a group of uploads in one transaction. An upload's rules never fail it (a refusal is an outcome), so
    /// only the database can: then nothing of the group is kept and each upload is applied again on its own, so one
    /// failure (or a wait lost to another instance's group) affects only its own upload. No savepoint per upload:
    /// each would cost two more round trips.
    fn ingest_group(&self, jobs: &[IngestJob]) -> Vec<StorageResult<IngestOutcome>> {
        match self.try_group(jobs) {
            Ok(results) => results,
            Err(e) => {
                tracing::warn!(error = %e, uploads = jobs.len(), "upload group failed; applying each again alone");
                jobs.iter().map(|job| self.ingest_alone(job)).collect()
            }
        }
    }

    fn try_group(&self, jobs: &[IngestJob]) -> StorageResult<Vec<StorageResult<IngestOutcome>>> {
        let mut connection = self.client()?;
        let Connection { client, statements } = &mut *connection;
        let mut tx = client.transaction()?;
        let mut results = Vec::with_capacity(jobs.len());
        for job in jobs {
            results.push(Ok(take_upload(&mut tx, statements, job)?));
        }
        tx.commit()?;
        Ok(results)
    }

    /// One upload in its own transaction, tried up to three times when it loses a wait to another transaction.
    fn ingest_alone(&self, job: &IngestJob) -> StorageResult<IngestOutcome> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let result = (|| {
                let mut connection = self.client()?;
                let Connection { client, statements } = &mut *connection;
                let mut tx = client.transaction()?;
                let outcome = take_upload(&mut tx, statements, job)?;
                tx.commit()?;
                Ok(outcome)
            })();
            match result {
                Err(StorageError::Unavailable(_)) if attempt < 3 => continue,
                other => return other,
            }
        }
    }
}

/// One upload inside `tx`: the rules are the use case's, the SQL is here.
fn take_upload(tx: &mut Transaction<'_>, statements: &mut Statements, job: &IngestJob) -> StorageResult<IngestOutcome> {
    let mut upload =
        PostgresUpload { tx, statements, batch_id: &job.batch.batch_id, prefetched: None, writes: Writes::default() };
    let outcome = crate::use_cases::upload::take_upload(&mut upload, &job.device, &job.batch, job.now)?;
    upload.flush()?;
    Ok(outcome)
}

/// The upload's steps in SQL, inside one transaction, in as few round trips as the rules allow (three for a new
/// batch): the device's state comes with the stored batch of the same id, and the writes are kept until the rules
/// are done and then sent as one statement.
struct PostgresUpload<'a, 'b> {
    tx: &'a mut Transaction<'b>,
    statements: &'a mut Statements,
    batch_id: &'a str,
    /// The stored batch with `batch_id`, read together with the device's state.
    prefetched: Option<Option<StoredBatch>>,
    writes: Writes,
}

/// Writes of a new batch, sent at the end.
#[derive(Default)]
struct Writes {
    device_id: String,
    counts: Option<(i64, Vec<CountChange>)>,
    finished: Option<(DeviceState, i64)>,
    stored: Option<(Vec<u8>, i64, String, i64)>,
    /// How many of the device's other stored replies to keep.
    keep_others: Option<i64>,
}

/// A key's three text columns, as stored.
fn key_columns(key: &CountKey) -> (String, &'static str, String) {
    (key.period.to_string(), key.metric.code(), key.dimensions_text())
}

fn stored_batch_from(
    body: Option<Vec<u8>>,
    last_timestamp: Option<i64>,
    reply_json: Option<String>,
) -> StorageResult<Option<StoredBatch>> {
    match (body, last_timestamp, reply_json) {
        (Some(body_sha256), Some(last_timestamp), Some(reply_json)) => {
            Ok(Some(StoredBatch { body_sha256, last_timestamp, reply_json }))
        }
        _ => Ok(None),
    }
}

/// The writes of a new batch, one statement (see [`PostgresUpload::flush`]).
const FLUSH_NEW_BATCH: &str = "WITH item AS (
     SELECT * FROM unnest($3::TEXT[], $4::TEXT[], $5::TEXT[], $6::BIGINT[], $7::BIGINT[], $8::TEXT[],
                          $9::BIGINT[])
         WITH ORDINALITY AS i (period, metric, dimensions, value, version, municipality, change, position)
 ),
 counted AS (
     INSERT INTO device_counts (device_id, period, metric, dimensions, value, version)
     SELECT $1, period, metric, dimensions, value, version FROM item ORDER BY position
     ON CONFLICT (device_id, period, metric, dimensions)
     DO UPDATE SET value = excluded.value, version = excluded.version
 ),
 summed AS (
     INSERT INTO totals (organisation_id, metric, period, dimensions, municipality, value)
     SELECT $2, metric, period, dimensions, municipality, change FROM item ORDER BY position
     ON CONFLICT (organisation_id, metric, period, dimensions)
     DO UPDATE SET value = totals.value + excluded.value
 ),
 stored AS (
     INSERT INTO batches (device_id, batch_id, body_sha256, last_timestamp, reply, received_at)
     VALUES ($1, $10, $11, $12, $13, $14)
 ),
 month AS (
     SELECT * FROM unnest($19::TEXT[], $20::BIGINT[]) AS m (period, change)
 ),
 gained AS (
     -- A gain may start the month's row; a loss only lowers an existing one.
     INSERT INTO device_months (device_id, organisation_id, period, nonzero_keys)
     SELECT $1, $2, period, change FROM month WHERE change > 0
     ON CONFLICT (device_id, period) DO UPDATE SET nonzero_keys = device_months.nonzero_keys + excluded.nonzero_keys
 ),
 lost AS (
     UPDATE device_months d SET nonzero_keys = d.nonzero_keys + month.change
     FROM month WHERE month.change < 0 AND d.device_id = $1 AND d.period = month.period
 ),
 pruned AS (
     -- (Among older replies received in the same second, any may go.)
     DELETE FROM batches WHERE device_id = $1 AND batch_id IN (
         SELECT batch_id FROM batches WHERE device_id = $1 AND batch_id != $10
         ORDER BY received_at DESC, batch_id DESC OFFSET $15)
 )
 UPDATE devices SET high_water_version = $16, last_upload_at = $17, key_count = $18 WHERE id = $1";

impl PostgresUpload<'_, '_> {
    /// Sends the writes of a new batch as one statement: the device's counts and the organisation's totals (in key
    /// order, so two uploads never wait on each other in a cycle), the device's keys above zero per month, the stored
    /// reply, the pruning of old replies and the device's row.
    fn flush(&mut self) -> StorageResult<()> {
        let w = std::mem::take(&mut self.writes);
        let (
            Some((organisation_id, changes)),
            Some((state, last_upload_at)),
            Some((body, timestamp, reply, now)),
            Some(keep),
        ) = (w.counts, w.finished, w.stored, w.keep_others)
        else {
            // Nothing was written (a refusal, or a retried batch answered from its stored reply).
            return Ok(());
        };
        let mut rows: Vec<(String, &'static str, String, &CountChange)> = changes
            .iter()
            .map(|c| {
                let (period, metric, dimensions) = key_columns(&c.key);
                (period, metric, dimensions, c)
            })
            .collect();
        rows.sort_by(|a, b| (a.1, &a.0, &a.2).cmp(&(b.1, &b.0, &b.2)));
        let periods: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        let metrics: Vec<&str> = rows.iter().map(|r| r.1).collect();
        let dimensions: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
        let values: Vec<i64> = rows.iter().map(|r| r.3.value).collect();
        let versions: Vec<i64> = rows.iter().map(|r| r.3.version).collect();
        let municipalities: Vec<&str> = rows.iter().map(|r| r.3.municipality()).collect();
        let deltas: Vec<i64> = rows.iter().map(|r| r.3.change).collect();
        let (months, month_changes): (Vec<String>, Vec<i64>) = nonzero_changes(&changes).into_iter().unzip();
        let statement = prepared(self.tx, self.statements, FLUSH_NEW_BATCH)?;
        self.tx.execute(
            &statement,
            &[
                &w.device_id,
                &organisation_id,
                &periods,
                &metrics,
                &dimensions,
                &values,
                &versions,
                &municipalities,
                &deltas,
                &self.batch_id,
                &body,
                &timestamp,
                &reply,
                &now,
                &keep,
                &state.high_water_version,
                &last_upload_at,
                &state.key_count,
                &months,
                &month_changes,
            ],
        )?;
        // Every so often, every device's replies past the retention period.
        if now % 64 == 0 {
            self.tx.execute("DELETE FROM batches WHERE received_at < $1", &[&(now - BATCH_RETENTION_SECS)])?;
        }
        Ok(())
    }
}

impl UploadTransaction for PostgresUpload<'_, '_> {
    fn device_state(&mut self, device_id: &str) -> StorageResult<DeviceState> {
        // The device's row stays locked until commit: its uploads, on any instance, apply one after the other, and a
        // revoke waits for (or wins over) an upload.
        let statement = prepared(
            self.tx,
            self.statements,
            "SELECT d.revoked_at, d.high_water_version, d.key_count, b.body_sha256, b.last_timestamp, b.reply
             FROM devices d LEFT JOIN batches b ON b.device_id = d.id AND b.batch_id = $2
             WHERE d.id = $1 FOR UPDATE OF d",
        )?;
        let r = self.tx.query_one(&statement, &[&device_id, &self.batch_id])?;
        self.prefetched = Some(stored_batch_from(r.get(3), r.get(4), r.get(5))?);
        self.writes.device_id = device_id.to_owned();
        Ok(DeviceState {
            revoked: r.get::<_, Option<i64>>(0).is_some(),
            high_water_version: r.get(1),
            key_count: r.get(2),
        })
    }

    fn stored_batch(&mut self, device_id: &str, batch_id: &str) -> StorageResult<Option<StoredBatch>> {
        if batch_id == self.batch_id
            && let Some(prefetched) = self.prefetched.take()
        {
            return Ok(prefetched);
        }
        let row = self.tx.query_opt(
            "SELECT body_sha256, last_timestamp, reply FROM batches WHERE device_id = $1 AND batch_id = $2",
            &[&device_id, &batch_id],
        )?;
        match row {
            Some(r) => stored_batch_from(Some(r.get(0)), Some(r.get(1)), Some(r.get(2))),
            None => Ok(None),
        }
    }

    fn touch_batch(&mut self, device_id: &str, batch_id: &str, timestamp: i64) -> StorageResult<()> {
        self.tx.execute(
            "UPDATE batches SET last_timestamp = $3 WHERE device_id = $1 AND batch_id = $2",
            &[&device_id, &batch_id, &timestamp],
        )?;
        Ok(())
    }

    fn store_batch(&mut self, _device_id: &str, batch: &Batch, reply_json: &str, now: i64) -> StorageResult<()> {
        self.writes.stored = Some((batch.body_sha256.to_vec(), batch.timestamp, reply_json.to_owned(), now));
        Ok(())
    }

    fn prune_batches(&mut self, _device_id: &str, _just_stored: &str, keep: i64, _now: i64) -> StorageResult<()> {
        self.writes.keep_others = Some((keep - 1).max(0));
        Ok(())
    }

    fn device_counts(&mut self, device_id: &str, keys: &[CountKey]) -> StorageResult<HashMap<CountKey, (i64, i64)>> {
        let columns: Vec<(String, &'static str, String)> = keys.iter().map(key_columns).collect();
        let periods: Vec<&str> = columns.iter().map(|c| c.0.as_str()).collect();
        let metrics: Vec<&str> = columns.iter().map(|c| c.1).collect();
        let dimensions: Vec<&str> = columns.iter().map(|c| c.2.as_str()).collect();
        // One query for the whole batch: each key's position comes back with its row.
        let statement = prepared(
            self.tx,
            self.statements,
            "SELECT k.position, c.value, c.version
             FROM unnest($2::TEXT[], $3::TEXT[], $4::TEXT[]) WITH ORDINALITY AS k (period, metric, dimensions, position)
             JOIN device_counts c
               ON c.device_id = $1 AND c.period = k.period AND c.metric = k.metric AND c.dimensions = k.dimensions",
        )?;
        let rows = self.tx.query(&statement, &[&device_id, &periods, &metrics, &dimensions])?;
        let mut known = HashMap::with_capacity(rows.len());
        for r in rows {
            let position = usize::try_from(r.get::<_, i64>(0) - 1).map_err(|_| StorageError::Corrupt)?;
            let key = keys.get(position).ok_or(StorageError::Corrupt)?;
            known.insert(*key, (r.get(1), r.get(2)));
        }
        Ok(known)
    }

    fn write_counts(&mut self, _device_id: &str, organisation_id: i64, changes: &[CountChange]) -> StorageResult<()> {
        self.writes.counts = Some((organisation_id, changes.to_vec()));
        Ok(())
    }

    fn finish_device(&mut self, _device_id: &str, state: DeviceState, last_upload_at: i64) -> StorageResult<()> {
        self.writes.finished = Some((state, last_upload_at));
        Ok(())
    }
}

impl HealthStorage for PostgresStorage {
    fn pool_state(&self) -> Option<(u32, u32)> {
        let state = self.pool().state();
        Some((state.connections, state.idle_connections))
    }

    fn ready(&self) -> StorageResult<bool> {
        // A monitor asks often and wants an answer quickly, not after the usual wait for a connection.
        let mut client = self.pool().get_timeout(READY_CHECK_TIMEOUT)?;
        Ok(schema_version(&mut client.client)? == latest_migration())
    }
}

impl OrganisationStorage for PostgresStorage {
    fn create_organisation(&self, name: &str, audit: &[AuditRecord], now: i64) -> StorageResult<Organisation> {
        self.in_transaction(|tx| {
            let id: i64 = tx
                .query_one(
                    "INSERT INTO organisations (name, name_folded, created_at) VALUES ($1, $2, $3) RETURNING id",
                    &[&name, &name.to_lowercase(), &now],
                )
                .map_err(conflict_if_taken)?
                .get(0);
            // The new id is only known here.
            write_audit(tx, &naming(audit, "id", id), now)?;
            Ok(Organisation {
                id,
                name: name.to_owned(),
                disclosure_threshold: Threshold::default(),
                reach_details: false,
            })
        })
    }

    fn organisation(&self, id: i64) -> StorageResult<Option<Organisation>> {
        let row = self.client()?.query_opt(&format!("{SELECT_ORGANISATION} WHERE id = $1"), &[&id])?;
        Ok(row.as_ref().map(organisation_from_row))
    }

    fn organisation_by_name(&self, name: &str) -> StorageResult<Option<Organisation>> {
        let row = self
            .client()?
            .query_opt(&format!("{SELECT_ORGANISATION} WHERE name_folded = $1"), &[&name.to_lowercase()])?;
        Ok(row.as_ref().map(organisation_from_row))
    }

    fn organisations(&self) -> StorageResult<Vec<Organisation>> {
        let rows = self.client()?.query(&format!("{SELECT_ORGANISATION} ORDER BY id"), &[])?;
        Ok(rows.iter().map(organisation_from_row).collect())
    }

    fn set_reach_details(
        &self,
        organisation_id: i64,
        on: bool,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool> {
        self.update_one_audited(
            "UPDATE organisations SET reach_details = $2 WHERE id = $1",
            &[&organisation_id, &on],
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
            "UPDATE organisations SET disclosure_threshold = $2 WHERE id = $1",
            &[&organisation_id, &threshold.get()],
            audit,
            now,
        )
    }
}

/// The live totals of a query, summed over the organisations here: a query over all of them returns one row per
/// key, not one per organisation and key.
const SUM_TOTALS: &str = "SELECT period, metric, dimensions, sum(value)::BIGINT FROM totals
     WHERE metric = $1 AND period BETWEEN $2 AND $3 AND organisation_id = ANY($4)
       AND ($5::TEXT IS NULL OR municipality = $5)
     GROUP BY period, metric, dimensions";
/// The same over the totals kept for closed periods.
const SUM_CLOSED_TOTALS: &str = "SELECT period, metric, dimensions, sum(value)::BIGINT FROM closed_totals
     WHERE metric = $1 AND period BETWEEN $2 AND $3 AND organisation_id = ANY($4)
       AND ($5::TEXT IS NULL OR municipality = $5)
     GROUP BY period, metric, dimensions";

impl PostgresStorage {
    /// Runs [`SUM_TOTALS`] or [`SUM_CLOSED_TOTALS`] for `q`.
    fn summed(&self, sql: &str, q: &TotalsQuery) -> StorageResult<Vec<StoredTotal>> {
        let rows = self.client()?.query(
            sql,
            &[&q.metric.code(), &q.from.to_string(), &q.to.to_string(), &q.organisations, &q.municipality],
        )?;
        Ok(rows
            .iter()
            .map(|r| StoredTotal { period: r.get(0), metric: r.get(1), dimensions: r.get(2), value: r.get(3) })
            .collect())
    }
}

const SELECT_PROJECT: &str =
    "SELECT id, organisation_id, name, funder, first_month, last_month, indicators, updated_at FROM projects";

fn project_from_row(r: &postgres::Row) -> StoredProject {
    StoredProject {
        id: r.get(0),
        organisation_id: r.get(1),
        name: r.get(2),
        funder: r.get(3),
        first_month: r.get(4),
        last_month: r.get(5),
        indicators_json: r.get(6),
        updated_at: r.get(7),
    }
}

impl ProjectStorage for PostgresStorage {
    fn create_project(&self, p: &ProjectToStore<'_>, audit: &[AuditRecord], now: i64) -> StorageResult<i64> {
        self.in_transaction(|tx| {
            let id: i64 = tx
                .query_one(
                    "INSERT INTO projects (organisation_id, name, name_folded, funder, first_month, last_month,
                                           indicators, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
                    &[
                        &p.organisation_id,
                        &p.name,
                        &p.name.to_lowercase(),
                        &p.funder,
                        &p.first_month,
                        &p.last_month,
                        &p.indicators_json,
                        &now,
                    ],
                )
                .map_err(conflict_if_taken)?
                .get(0);
            write_audit(tx, &naming(audit, "id", id), now)?;
            Ok(id)
        })
    }

    fn replace_project(&self, id: i64, p: &ProjectToStore<'_>, audit: &[AuditRecord], now: i64) -> StorageResult<bool> {
        self.in_transaction(|tx| {
            let changed = tx
                .execute(
                    "UPDATE projects SET name = $2, name_folded = $3, funder = $4, first_month = $5, last_month = $6,
                                         indicators = $7, updated_at = $8
                     WHERE id = $1",
                    &[
                        &id,
                        &p.name,
                        &p.name.to_lowercase(),
                        &p.funder,
                        &p.first_month,
                        &p.last_month,
                        &p.indicators_json,
                        &now,
                    ],
                )
                .map_err(conflict_if_taken)?;
            if changed == 1 {
                write_audit(tx, audit, now)?;
            }
            Ok(changed == 1)
        })
    }

    fn delete_project(&self, id: i64, audit: &[AuditRecord], now: i64) -> StorageResult<bool> {
        self.in_transaction(|tx| {
            let deleted = tx.execute("DELETE FROM projects WHERE id = $1", &[&id])?;
            if deleted == 1 {
                write_audit(tx, audit, now)?;
            }
            Ok(deleted == 1)
        })
    }

    fn project(&self, id: i64) -> StorageResult<Option<StoredProject>> {
        let row = self.client()?.query_opt(&format!("{SELECT_PROJECT} WHERE id = $1"), &[&id])?;
        Ok(row.as_ref().map(project_from_row))
    }

    fn projects(&self, organisation_ids: &[i64]) -> StorageResult<Vec<StoredProject>> {
        let rows = self.client()?.query(
            &format!(
                "{SELECT_PROJECT} WHERE organisation_id = ANY($1)
                 ORDER BY organisation_id, first_month COLLATE \"C\", name_folded COLLATE \"C\""
            ),
            &[&organisation_ids],
        )?;
        Ok(rows.iter().map(project_from_row).collect())
    }
}

impl SupportStorage for PostgresStorage {
    fn support_contact_json(&self, organisation_id: i64) -> StorageResult<Option<String>> {
        let row =
            self.client()?.query_opt("SELECT support_contact FROM organisations WHERE id = $1", &[&organisation_id])?;
        Ok(row.and_then(|r| r.get(0)))
    }

    fn set_support_contact_json(
        &self,
        organisation_id: i64,
        contact_json: Option<&str>,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool> {
        self.update_one_audited(
            "UPDATE organisations SET support_contact = $2 WHERE id = $1",
            &[&organisation_id, &contact_json],
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
        let added = self.client()?.execute(
            "INSERT INTO debrief_requests (organisation_id, request_id, label, received_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (organisation_id, request_id) DO NOTHING",
            &[&organisation_id, &request_id, &label, &now],
        )?;
        Ok(added == 1)
    }

    fn debrief_request_days(&self, organisation_id: i64) -> StorageResult<Vec<i64>> {
        let rows = self
            .client()?
            .query("SELECT received_at FROM debrief_requests WHERE organisation_id = $1", &[&organisation_id])?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn open_debrief_requests(&self, organisation_ids: &[i64]) -> StorageResult<Vec<DebriefRequestRow>> {
        let rows = self.client()?.query(
            "SELECT id, organisation_id, label, received_at FROM debrief_requests
             WHERE handled_at IS NULL AND organisation_id = ANY($1) ORDER BY id",
            &[&organisation_ids],
        )?;
        Ok(rows.iter().map(debrief_request_from_row).collect())
    }

    fn open_debrief_request(&self, id: i64) -> StorageResult<Option<DebriefRequestRow>> {
        let row = self.client()?.query_opt(
            "SELECT id, organisation_id, label, received_at FROM debrief_requests WHERE id = $1 AND handled_at IS NULL",
            &[&id],
        )?;
        Ok(row.as_ref().map(debrief_request_from_row))
    }

    fn handle_debrief_request(&self, id: i64, audit: &[AuditRecord], now: i64) -> StorageResult<bool> {
        self.update_one_audited(
            "UPDATE debrief_requests SET handled_at = $2, label = NULL WHERE id = $1 AND handled_at IS NULL",
            &[&id, &now],
            audit,
            now,
        )
    }
}

fn debrief_request_from_row(r: &Row) -> DebriefRequestRow {
    DebriefRequestRow { id: r.get(0), organisation_id: r.get(1), label: r.get(2), received_at: r.get(3) }
}

impl TwoFactorStorage for PostgresStorage {
    fn two_factor(&self, account_id: i64) -> StorageResult<Option<TwoFactor>> {
        let row = self.client()?.query_opt(
            "SELECT totp_secret, totp_enabled, totp_last_step FROM accounts WHERE id = $1",
            &[&account_id],
        )?;
        Ok(row.and_then(|r| {
            r.get::<_, Option<String>>(0).map(|secret| TwoFactor { secret, enabled: r.get(1), last_step: r.get(2) })
        }))
    }

    fn begin_two_factor(&self, account_id: i64, secret: &str) -> StorageResult<bool> {
        let changed = self.client()?.execute(
            "UPDATE accounts SET totp_secret = $2, totp_last_step = 0 WHERE id = $1 AND NOT totp_enabled",
            &[&account_id, &secret],
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
        self.in_transaction(|tx| {
            let changed = tx.execute(
                "UPDATE accounts SET totp_enabled = TRUE, totp_last_step = $2
                 WHERE id = $1 AND totp_secret = $3 AND NOT totp_enabled",
                &[&account_id, &step, &secret],
            )?;
            if changed == 1 {
                let keep = session.map(|s| s.as_slice());
                tx.execute(
                    "DELETE FROM sessions WHERE account_id = $1 AND ($2::BYTEA IS NULL OR token_sha256 != $2)",
                    &[&account_id, &keep],
                )?;
                tx.execute("UPDATE sessions SET second_factor = TRUE WHERE token_sha256 = $1", &[&keep])?;
                tx.execute("DELETE FROM recovery_codes WHERE account_id = $1", &[&account_id])?;
                for hash in recovery_sha256 {
                    tx.execute(
                        "INSERT INTO recovery_codes (account_id, code_sha256) VALUES ($1, $2)",
                        &[&account_id, &hash.as_slice()],
                    )?;
                }
                write_audit(tx, audit, now)?;
            }
            Ok(changed == 1)
        })
    }

    fn disable_two_factor(&self, account_id: i64, audit: &[AuditRecord], now: i64) -> StorageResult<()> {
        self.in_transaction(|tx| {
            tx.execute(
                "UPDATE accounts SET totp_secret = NULL, totp_enabled = FALSE, totp_last_step = 0 WHERE id = $1",
                &[&account_id],
            )?;
            tx.execute("DELETE FROM recovery_codes WHERE account_id = $1", &[&account_id])?;
            write_audit(tx, audit, now)
        })
    }

    fn session_has_second_factor(&self, token_sha256: &[u8; 32]) -> StorageResult<bool> {
        let row = self
            .client()?
            .query_opt("SELECT second_factor FROM sessions WHERE token_sha256 = $1", &[&token_sha256.as_slice()])?;
        Ok(row.is_some_and(|r| r.get(0)))
    }

    fn accept_two_factor_step(&self, account_id: i64, step: i64) -> StorageResult<bool> {
        let changed = self.client()?.execute(
            "UPDATE accounts SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2",
            &[&account_id, &step],
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
            "UPDATE recovery_codes SET used_at = $3 WHERE account_id = $1 AND code_sha256 = $2 AND used_at IS NULL",
            &[&account_id, &code_sha256.as_slice(), &now],
            audit,
            now,
        )
    }
}

impl ClosingStorage for PostgresStorage {
    fn close_period(&self, p: &ClosedPeriod, audit: &[AuditRecord]) -> StorageResult<()> {
        self.in_transaction(|tx| {
            tx.execute(
                "INSERT INTO closed_periods (organisation_id, first_month, last_month, closed_at, closed_by)
                 VALUES ($1, $2, $3, $4, $5)",
                &[&p.organisation_id, &p.first_month, &p.last_month, &p.closed_at, &p.closed_by],
            )
            .map_err(conflict_if_taken)?;
            tx.execute(
                "INSERT INTO closed_totals (organisation_id, metric, period, dimensions, municipality, value)
                 SELECT organisation_id, metric, period, dimensions, municipality, value FROM totals
                 WHERE organisation_id = $1 AND period BETWEEN $2 AND $3",
                &[&p.organisation_id, &p.first_month, &p.last_month],
            )
            .map_err(conflict_if_taken)?;
            write_audit(tx, audit, p.closed_at)
        })
    }

    fn reopen_period(
        &self,
        organisation_id: i64,
        first_month: &str,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<bool> {
        self.in_transaction(|tx| {
            let row = tx.query_opt(
                "DELETE FROM closed_periods WHERE organisation_id = $1 AND first_month = $2 RETURNING last_month",
                &[&organisation_id, &first_month],
            )?;
            let Some(row) = row else { return Ok(false) };
            let last: String = row.get(0);
            tx.execute(
                "DELETE FROM closed_totals WHERE organisation_id = $1 AND period BETWEEN $2 AND $3",
                &[&organisation_id, &first_month, &last],
            )?;
            write_audit(tx, audit, now)?;
            Ok(true)
        })
    }

    fn closed_periods(&self, organisation_ids: &[i64]) -> StorageResult<Vec<ClosedPeriod>> {
        let rows = self.client()?.query(
            "SELECT organisation_id, first_month, last_month, closed_at, closed_by FROM closed_periods
             WHERE organisation_id = ANY($1) ORDER BY organisation_id, first_month COLLATE \"C\"",
            &[&organisation_ids],
        )?;
        Ok(rows
            .iter()
            .map(|r| ClosedPeriod {
                organisation_id: r.get(0),
                first_month: r.get(1),
                last_month: r.get(2),
                closed_at: r.get(3),
                closed_by: r.get(4),
            })
            .collect())
    }

    fn closed_totals(&self, q: &TotalsQuery) -> StorageResult<Vec<StoredTotal>> {
        self.summed(SUM_CLOSED_TOTALS, q)
    }

    fn period_totals(&self, p: &ClosedPeriod) -> StorageResult<(Vec<StoredTotal>, Vec<StoredTotal>)> {
        let mut client = self.client()?;
        let mut read = |table: &str| -> StorageResult<Vec<StoredTotal>> {
            let rows = client.query(
                &format!(
                    "SELECT period, metric, dimensions, value FROM {table}
                     WHERE organisation_id = $1 AND period BETWEEN $2 AND $3"
                ),
                &[&p.organisation_id, &p.first_month, &p.last_month],
            )?;
            Ok(rows
                .iter()
                .map(|r| StoredTotal { period: r.get(0), metric: r.get(1), dimensions: r.get(2), value: r.get(3) })
                .collect())
        };
        Ok((read("totals")?, read("closed_totals")?))
    }
}

impl AccountStorage for PostgresStorage {
    fn create_account_complete(
        &self,
        account: &AccountToCreate<'_>,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<i64> {
        self.in_transaction(|tx| {
            let id: i64 = tx
                .query_one(
                    "INSERT INTO accounts (name, name_folded, role, token_sha256, created_at, password_phc, municipality)
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                    &[
                        &account.name,
                        &account.name.to_lowercase(),
                        &account.role.stored(),
                        &account.token_sha256.as_slice(),
                        &now,
                        &account.password_phc,
                        &account.municipality,
                    ],
                )
                .map_err(conflict_if_taken)?
                .get(0);
            for organisation in account.organisations {
                tx.execute(
                    "INSERT INTO account_organisations (account_id, organisation_id) VALUES ($1, $2)",
                    &[&id, organisation],
                )
                .map_err(|e| {
                    // An organisation that does not exist (the foreign key).
                    if e.code() == Some(&SqlState::FOREIGN_KEY_VIOLATION) { StorageError::NotFound } else { e.into() }
                })?;
            }
            write_audit(tx, audit, now)?;
            Ok(id)
        })
    }

    fn account_by_token(&self, token_sha256: &[u8; 32]) -> StorageResult<Option<Account>> {
        let row = self
            .client()?
            .query_opt("SELECT id, name, CASE WHEN municipality IS NULL THEN role ELSE 'municipality' END FROM accounts WHERE token_sha256 = $1", &[&token_sha256.as_slice()])?;
        row.map(|r| Ok(Account { id: r.get(0), name: r.get(1), role: role(r.get(2))? })).transpose()
    }

    fn set_password(&self, account_id: i64, password_phc: &str, audit: &[AuditRecord], now: i64) -> StorageResult<()> {
        self.in_transaction(|tx| {
            let changed = tx.execute(
                "UPDATE accounts SET password_phc = $2, failed_logins = 0, locked_until = 0 WHERE id = $1",
                &[&account_id, &password_phc],
            )?;
            if changed == 0 {
                return Err(StorageError::NotFound);
            }
            // A new password (after a compromise, say) ends the sessions opened with the old one, lifts every lock
            // on it, and forgets its known browsers (after a compromise, the intruder's too).
            for table in ["sessions", "login_failures", "known_browsers"] {
                tx.execute(&format!("DELETE FROM {table} WHERE account_id = $1"), &[&account_id])?;
            }
            write_audit(tx, audit, now)
        })
    }

    fn login_record(&self, name: &str) -> StorageResult<Option<LoginRecord>> {
        let row = self.client()?.query_opt(
            "SELECT id, name, CASE WHEN municipality IS NULL THEN role ELSE 'municipality' END, password_phc, failed_logins, locked_until FROM accounts WHERE name = $1",
            &[&name],
        )?;
        row.map(|r| {
            Ok(LoginRecord {
                account: Account { id: r.get(0), name: r.get(1), role: role(r.get(2))? },
                password_phc: r.get(3),
                failed_logins: u32::try_from(r.get::<_, i64>(4)).map_err(|_| StorageError::Corrupt)?,
                locked_until: r.get(5),
            })
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
        self.in_transaction(|tx| {
            let stale = now - limits.window_secs;
            // The account's row stays locked until commit: attempts on it, from every instance, are counted one
            // after the other, so parallel guesses cannot all slip past the lock.
            let Some(account) =
                tx.query_opt("SELECT locked_until > $2 FROM accounts WHERE id = $1 FOR UPDATE", &[&account_id, &now])?
            else {
                return Ok(LoginAttempt::Refused);
            };
            // Runs of failures that ended long ago are forgotten (and their rows go).
            tx.execute(
                "DELETE FROM login_failures WHERE account_id = $1 AND locked_until <= $2 AND first_failure_at <= $3",
                &[&account_id, &now, &stale],
            )?;
            let account_locked = account.get::<_, bool>(0) && !known_browser;
            let client_locked = tx
                .query_opt(
                    "SELECT locked_until > $3 FROM login_failures WHERE account_id = $1 AND client = $2",
                    &[&account_id, &client, &now],
                )?
                .is_some_and(|r| r.get(0));
            if account_locked || client_locked {
                return Ok(LoginAttempt::Refused);
            }
            let from_client: i64 = tx
                .query_one(
                    "INSERT INTO login_failures AS f (account_id, client, failures, first_failure_at)
                     VALUES ($1, $2, 1, $3)
                     ON CONFLICT (account_id, client) DO UPDATE SET
                         failures = CASE WHEN f.first_failure_at <= $4 THEN 1 ELSE f.failures + 1 END,
                         first_failure_at = CASE WHEN f.first_failure_at <= $4 THEN $3 ELSE f.first_failure_at END
                     RETURNING failures",
                    &[&account_id, &client, &now, &stale],
                )?
                .get(0);
            // A known browser's failures do not count toward the lock it is exempt from.
            let in_all: i64 = if known_browser {
                0
            } else {
                tx.query_one(
                    "UPDATE accounts SET
                         failed_logins = CASE WHEN first_failure_at <= $3 THEN 1 ELSE failed_logins + 1 END,
                         first_failure_at = CASE WHEN first_failure_at <= $3 THEN $2 ELSE first_failure_at END
                     WHERE id = $1 RETURNING failed_logins",
                    &[&account_id, &now, &stale],
                )?
                .get(0)
            };
            let until = now + limits.lock_secs;
            let mut locked = false;
            if from_client >= i64::from(limits.per_client) {
                tx.execute(
                    "UPDATE login_failures SET failures = 0, locked_until = $3 WHERE account_id = $1 AND client = $2",
                    &[&account_id, &client, &until],
                )?;
                locked = true;
            }
            if !known_browser && in_all >= i64::from(limits.per_account) {
                tx.execute(
                    "UPDATE accounts SET failed_logins = 0, locked_until = $2 WHERE id = $1",
                    &[&account_id, &until],
                )?;
                locked = true;
            }
            Ok(if locked { LoginAttempt::AllowedAndLocked } else { LoginAttempt::Allowed })
        })
    }

    fn is_known_browser(&self, account_id: i64, token_sha256: &[u8; 32], now: i64) -> StorageResult<bool> {
        let changed = self.client()?.execute(
            "UPDATE known_browsers SET last_used_at = $3 WHERE token_sha256 = $1 AND account_id = $2",
            &[&token_sha256.as_slice(), &account_id, &now],
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
        let mut client = self.client()?;
        client.execute("DELETE FROM known_browsers WHERE last_used_at <= $1", &[&(now - forget_after_secs)])?;
        client.execute(
            "INSERT INTO known_browsers AS b (token_sha256, account_id, created_at, last_used_at) VALUES ($1, $2, $3, $3)
             ON CONFLICT (token_sha256) DO UPDATE SET last_used_at = $3 WHERE b.account_id = $2",
            &[&token_sha256.as_slice(), &account_id, &now],
        )?;
        Ok(())
    }

    fn record_login_success(&self, account_id: i64, client: &str, known_browser: bool) -> StorageResult<()> {
        self.in_transaction(|tx| {
            if !known_browser {
                tx.execute("UPDATE accounts SET failed_logins = 0, locked_until = 0 WHERE id = $1", &[&account_id])?;
            }
            tx.execute("DELETE FROM login_failures WHERE account_id = $1 AND client = $2", &[&account_id, &client])?;
            Ok(())
        })
    }

    fn create_session(&self, session: &NewSession<'_>, audit: &[AuditRecord]) -> StorageResult<()> {
        self.in_transaction(|tx| {
            // Expired sessions go whenever a new one starts.
            tx.execute("DELETE FROM sessions WHERE expires_at <= $1", &[&session.now])?;
            tx.execute(
                "INSERT INTO sessions (token_sha256, account_id, csrf_token, created_at, expires_at, second_factor)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    &session.token_sha256.as_slice(),
                    &session.account_id,
                    &session.csrf_token,
                    &session.now,
                    &session.expires_at,
                    &session.second_factor,
                ],
            )?;
            write_audit(tx, audit, session.now)
        })
    }

    fn session(&self, token_sha256: &[u8; 32], now: i64) -> StorageResult<Option<(Account, String)>> {
        let row = self.client()?.query_opt(
            "SELECT a.id, a.name, CASE WHEN a.municipality IS NULL THEN a.role ELSE 'municipality' END, s.csrf_token FROM sessions s JOIN accounts a ON a.id = s.account_id
             WHERE s.token_sha256 = $1 AND s.expires_at > $2",
            &[&token_sha256.as_slice(), &now],
        )?;
        row.map(|r| Ok((Account { id: r.get(0), name: r.get(1), role: role(r.get(2))? }, r.get(3)))).transpose()
    }

    fn delete_session(&self, token_sha256: &[u8; 32], audit: &[AuditRecord], now: i64) -> StorageResult<()> {
        self.in_transaction(|tx| {
            if tx.execute("DELETE FROM sessions WHERE token_sha256 = $1", &[&token_sha256.as_slice()])? == 1 {
                write_audit(tx, audit, now)?;
            }
            Ok(())
        })
    }

    fn grant_organisation(
        &self,
        account_id: i64,
        organisation_id: i64,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<()> {
        self.in_transaction(|tx| {
            tx.execute(
                "INSERT INTO account_organisations (account_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&account_id, &organisation_id],
            )?;
            write_audit(tx, audit, now)
        })
    }

    fn account_municipality(&self, account_id: i64) -> StorageResult<Option<String>> {
        let row = self.client()?.query_opt("SELECT municipality FROM accounts WHERE id = $1", &[&account_id])?;
        Ok(row.and_then(|r| r.get(0)))
    }

    fn account_organisations(&self, account_id: i64) -> StorageResult<Vec<i64>> {
        let rows = self.client()?.query(
            "SELECT organisation_id FROM account_organisations WHERE account_id = $1 ORDER BY organisation_id",
            &[&account_id],
        )?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn accounts(&self) -> StorageResult<Vec<AccountSummary>> {
        let rows = self.client()?.query(
            "SELECT a.id, a.name, CASE WHEN a.municipality IS NULL THEN a.role ELSE 'municipality' END, a.password_phc IS NOT NULL,
                    array(SELECT organisation_id FROM account_organisations WHERE account_id = a.id
                          ORDER BY organisation_id)
             FROM accounts a ORDER BY a.name COLLATE \"C\"",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                Ok(AccountSummary {
                    id: r.get(0),
                    name: r.get(1),
                    role: role(r.get(2))?,
                    has_password: r.get(3),
                    organisations: r.get(4),
                })
            })
            .collect()
    }

    fn set_account_organisations(
        &self,
        account_id: i64,
        organisations: &[i64],
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<()> {
        self.in_transaction(|tx| {
            tx.execute("DELETE FROM account_organisations WHERE account_id = $1", &[&account_id])?;
            tx.execute(
                "INSERT INTO account_organisations (account_id, organisation_id) SELECT $1, unnest($2::BIGINT[])",
                &[&account_id, &organisations],
            )?;
            write_audit(tx, audit, now)
        })
    }

    fn delete_account(&self, account_id: i64, by: i64, audit: &[AuditRecord], now: i64) -> StorageResult<bool> {
        self.in_transaction(|tx| {
            // The admin rows stay locked until commit, so two admins deleting each other at once cannot leave none.
            tx.execute("SELECT id FROM accounts WHERE role = 'admin' ORDER BY id FOR UPDATE", &[])?;
            let r = tx.query_one(
                "SELECT EXISTS (SELECT 1 FROM accounts WHERE id = $2),
                        (SELECT count(*) FROM accounts WHERE role = 'admin' AND id != $1)",
                &[&account_id, &by],
            )?;
            let (by_exists, other_admins): (bool, i64) = (r.get(0), r.get(1));
            if !by_exists || other_admins == 0 || account_id == by {
                return Ok(false);
            }
            for table in ["sessions", "account_organisations", "known_browsers", "login_failures", "recovery_codes"] {
                tx.execute(&format!("DELETE FROM {table} WHERE account_id = $1"), &[&account_id])?;
            }
            let deleted = tx.execute("DELETE FROM accounts WHERE id = $1", &[&account_id])?;
            if deleted == 1 {
                write_audit(tx, audit, now)?;
            }
            Ok(deleted == 1)
        })
    }
}

impl DeviceStorage for PostgresStorage {
    fn issue_enrolment_code(
        &self,
        organisation_id: i64,
        code_sha256: &[u8; 32],
        expires_at: i64,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<()> {
        self.in_transaction(|tx| {
            tx.execute(
                "INSERT INTO enrolment_codes (code_sha256, organisation_id, expires_at, created_at)
                 VALUES ($1, $2, $3, $4)",
                &[&code_sha256.as_slice(), &organisation_id, &expires_at, &now],
            )?;
            write_audit(tx, audit, now)
        })
    }

    fn enrol_device(
        &self,
        enrolment: &DeviceEnrolment<'_>,
        audit: &[AuditRecord],
        now: i64,
    ) -> StorageResult<Option<Enrolled>> {
        let DeviceEnrolment { code_sha256, device_id, public_key, label, replaces } = *enrolment;
        self.in_transaction(|tx| {
            // The code's row is locked by this update: of two instances using it at once, the second waits and then
            // finds it used.
            let organisation = tx.query_opt(
                "UPDATE enrolment_codes SET used_at = $2
                 WHERE code_sha256 = $1 AND used_at IS NULL AND expires_at > $2 RETURNING organisation_id",
                &[&code_sha256.as_slice(), &now],
            )?;
            let Some(organisation) = organisation else {
                // Used already: by this very key (a repeat after a lost reply) is the only case that is answered.
                let repeat = tx.query_opt(
                    &format!(
                        "SELECT {DEVICE_COLUMNS} FROM devices
                         WHERE id = (SELECT device_id FROM enrolment_codes WHERE code_sha256 = $1 AND used_at > $3)
                           AND public_key = $2 AND revoked_at IS NULL"
                    ),
                    &[&code_sha256.as_slice(), &public_key.as_slice(), &(now - ENROLMENT_REPEAT_SECS)],
                )?;
                return repeat.map(|r| Ok(Enrolled { device: device_from_row(&r)?, repeated: true })).transpose();
            };
            let organisation_id: i64 = organisation.get(0);
            tx.execute(
                "INSERT INTO devices (id, organisation_id, public_key, label, enrolled_at) VALUES ($1, $2, $3, $4, $5)",
                &[&device_id, &organisation_id, &public_key.as_slice(), &label, &now],
            )
            // A key enrolled before (or by a request on another instance just now).
            .map_err(conflict_if_taken)?;
            tx.execute(
                "UPDATE enrolment_codes SET device_id = $2 WHERE code_sha256 = $1",
                &[&code_sha256.as_slice(), &device_id],
            )?;
            let mut high_water_version = 0;
            if let Some(old) = replaces {
                // Only within the organisation: counts made for one organisation never move to another.
                let moved = tx.execute(
                    "UPDATE devices SET revoked_at = coalesce(revoked_at, $3) WHERE id = $1 AND organisation_id = $2",
                    &[&old, &organisation_id, &now],
                )?;
                if moved == 1 {
                    tx.execute("UPDATE device_counts SET device_id = $2 WHERE device_id = $1", &[&old, &device_id])?;
                    tx.execute("UPDATE device_months SET device_id = $2 WHERE device_id = $1", &[&old, &device_id])?;
                    high_water_version = tx
                        .query_one(
                            "UPDATE devices SET (key_count, high_water_version) =
                                 (SELECT key_count, high_water_version FROM devices WHERE id = $1)
                             WHERE id = $2 RETURNING high_water_version",
                            &[&old, &device_id],
                        )?
                        .get(0);
                    tx.execute("UPDATE devices SET key_count = 0 WHERE id = $1", &[&old])?;
                }
            }
            // The organisation is only known here, from the code.
            write_audit(tx, &naming(audit, "organisation_id", organisation_id), now)?;
            let device = enrolment.enrolled_device(organisation_id, high_water_version, now);
            Ok(Some(Enrolled { device, repeated: false }))
        })
    }

    fn device(&self, id: &str) -> StorageResult<Option<Device>> {
        let row = self.client()?.query_opt(&format!("SELECT {DEVICE_COLUMNS} FROM devices WHERE id = $1"), &[&id])?;
        row.as_ref().map(device_from_row).transpose()
    }

    fn devices(&self, organisation_id: Option<i64>) -> StorageResult<Vec<Device>> {
        let rows = self.client()?.query(
            &format!(
                "SELECT {DEVICE_COLUMNS} FROM devices WHERE $1::BIGINT IS NULL OR organisation_id = $1
                 ORDER BY enrolled_at, id COLLATE \"C\""
            ),
            &[&organisation_id],
        )?;
        rows.iter().map(device_from_row).collect()
    }

    fn revoke_device(&self, id: &str, audit: &[AuditRecord], now: i64) -> StorageResult<bool> {
        self.in_transaction(|tx| {
            // The device's counts stay: they describe work that was done, and taking them out would let anyone who
            // compares the totals before and after read one device's counts exactly.
            let newly =
                tx.execute("UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", &[&id, &now])?;
            if newly == 1 {
                write_audit(tx, audit, now)?;
            }
            Ok(tx.query_one("SELECT EXISTS (SELECT 1 FROM devices WHERE id = $1)", &[&id])?.get(0))
        })
    }

    fn device_key_count(&self, id: &str) -> StorageResult<u64> {
        let n: i64 =
            self.client()?.query_one("SELECT count(*) FROM device_counts WHERE device_id = $1", &[&id])?.get(0);
        Ok(n.max(0).unsigned_abs())
    }
}

impl CountStorage for PostgresStorage {
    fn stored_totals(&self, q: &TotalsQuery) -> StorageResult<Vec<StoredTotal>> {
        self.summed(SUM_TOTALS, q)
    }

    fn active_devices_by_first_month(
        &self,
        organisations: &[i64],
        from: Period,
        to: Period,
    ) -> StorageResult<Vec<(String, i64)>> {
        let rows = self.read(
            "SELECT first, count(*) FROM (
                 SELECT m.device_id, min(m.period COLLATE \"C\") AS first FROM device_months m
                 WHERE m.organisation_id = ANY($1) AND m.period BETWEEN $2 AND $3 AND m.nonzero_keys > 0
                   AND m.device_id NOT IN (SELECT id FROM devices WHERE revoked_at IS NOT NULL
                                             AND organisation_id = ANY($1))
                 GROUP BY m.device_id) AS firsts
             GROUP BY first ORDER BY first",
            &[&organisations, &from.to_string(), &to.to_string()],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn active_devices(&self, organisations: &[i64], from: Period, to: Period) -> StorageResult<i64> {
        let rows = self.read(
            // Every device with work in the months, from the covering index alone, less the few revoked ones.
            "SELECT (SELECT count(DISTINCT device_id) FROM device_months
                         WHERE organisation_id = ANY($1) AND period BETWEEN $2 AND $3 AND nonzero_keys > 0)
                      - (SELECT count(DISTINCT m.device_id) FROM devices d JOIN device_months m ON m.device_id = d.id
                         WHERE d.revoked_at IS NOT NULL AND d.organisation_id = ANY($1)
                           AND m.period BETWEEN $2 AND $3 AND m.nonzero_keys > 0)",
            &[&organisations, &from.to_string(), &to.to_string()],
        )?;
        Ok(rows.first().map_or(0, |r| r.get(0)))
    }

    /// Group commit per lane ([`GroupCommit`]); see [`PostgresStorage::ingest_group`].
    fn ingest(&self, device: &Device, batch: &Batch, now: i64) -> StorageResult<IngestOutcome> {
        let lane = usize::try_from(device.organisation_id.rem_euclid(UPLOAD_LANES as i64)).unwrap_or(0);
        self.uploads[lane].ingest(device, batch, now, |(), jobs| self.ingest_group(jobs))
    }
}

impl AuditStorage for PostgresStorage {
    fn audit(&self, at: i64, actor: &str, action: &str, detail: &serde_json::Value) -> StorageResult<()> {
        self.client()?.execute(
            "INSERT INTO audit_log (at, actor, action, detail) VALUES ($1, $2, $3, $4)",
            &[&at, &actor, &action, &detail.to_string()],
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
        self.in_transaction(|tx| {
            let latest = tx.query_opt(
                "SELECT id, detail FROM audit_log WHERE actor = $1 AND action = $2 AND at >= $3
                 ORDER BY id DESC LIMIT 1 FOR UPDATE",
                &[&actor, &action, &at.saturating_sub(window_secs)],
            )?;
            let merged = latest.and_then(|r| Some((r.get::<_, i64>(0), repeated_detail(r.get(1), detail, at)?)));
            match merged {
                Some((id, merged)) => {
                    tx.execute("UPDATE audit_log SET detail = $2 WHERE id = $1", &[&id, &merged.to_string()])?;
                }
                None => {
                    tx.execute(
                        "INSERT INTO audit_log (at, actor, action, detail) VALUES ($1, $2, $3, $4)",
                        &[&at, &actor, &action, &detail.to_string()],
                    )?;
                }
            }
            Ok(())
        })
    }

    fn audit_log(&self, limit: u32) -> StorageResult<Vec<AuditEntry>> {
        let rows = self
            .client()?
            .query("SELECT at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT $1", &[&i64::from(limit)])?;
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    at: r.get(0),
                    actor: r.get(1),
                    action: r.get(2),
                    detail: serde_json::from_str(r.get(3)).map_err(|_| StorageError::Corrupt)?,
                })
            })
            .collect()
    }
}
