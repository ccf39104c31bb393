//! The activities repository. Counts follow every change in the same transaction (see [`crate::counts`]).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sleutel_domain::counts::Record;
use sleutel_domain::{Activity, ActivityType, ThemeCode};

use crate::Page;
use crate::counts::{self, RecordTable};
use crate::error::{Result, StoreError};
use crate::vault::Store;

/// An activity as stored, with its id and timestamps (RFC 3339, UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredActivity {
    pub id: i64,
    pub activity: Activity,
    pub created_at: String,
    pub updated_at: String,
}

/// Filters for [`Store::list_activities`]. Dates are inclusive. `limit` is capped at [`ActivityFilter::MAX_LIMIT`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub kind: Option<ActivityType>,
    pub theme: Option<ThemeCode>,
    pub limit: u32,
    pub offset: u32,
}

impl ActivityFilter {
    pub const MAX_LIMIT: u32 = 500;
}

impl Default for ActivityFilter {
    fn default() -> Self {
        Self { from: None, to: None, kind: None, theme: None, limit: 50, offset: 0 }
    }
}

pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|_| StoreError::StoredRecordCorrupt)
}

fn decode(body: &str) -> Result<Activity> {
    serde_json::from_str(body).map_err(|_| StoreError::StoredRecordCorrupt)
}

fn load(conn: &Connection, id: i64) -> Result<StoredActivity> {
    conn.query_row("SELECT id, body, created_at, updated_at FROM activities WHERE id = ?1", [id], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
    })
    .optional()?
    .ok_or(StoreError::NotFound)
    .and_then(|(id, body, created_at, updated_at)| {
        Ok(StoredActivity { id, activity: decode(&body)?, created_at, updated_at })
    })
}

/// Every activity on the device, for recomputation.
pub(crate) fn load_all(conn: &Connection) -> Result<Vec<Activity>> {
    let mut stmt = conn.prepare("SELECT body FROM activities")?;
    let bodies = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for body in bodies {
        out.push(decode(&body?)?);
    }
    Ok(out)
}

impl Store {
    /// Saves a new activity; returns its id. The save is durable when this returns (`synchronous = FULL`). Its
    /// counts follow at the next read of counts or the outbox (see [`crate::counts`]).
    pub fn create_activity(&mut self, activity: &Activity) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let id = counts::next_record_id(&tx, RecordTable::Activities)?;
        tx.prepare_cached(
            "INSERT INTO activities (id, kind, date, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        )?
        .execute(params![id, activity.kind.code(), activity.date.to_string(), to_json(activity)?, now()])?;
        crate::support::follow_activity(&tx, &self.rng, id, Some(activity))?;
        tx.commit()?;
        Ok(id)
    }

    pub fn activity(&self, id: i64) -> Result<StoredActivity> {
        load(&self.conn, id)
    }

    /// Replaces an activity; its counts move from the old values to the new ones.
    pub fn update_activity(&mut self, id: i64, activity: &Activity) -> Result<StoredActivity> {
        let tx = self.conn.transaction()?;
        let old = load(&tx, id)?;
        tx.execute(
            "UPDATE activities SET kind = ?2, date = ?3, body = ?4, updated_at = ?5 WHERE id = ?1",
            params![id, activity.kind.code(), activity.date.to_string(), to_json(activity)?, now()],
        )?;
        counts::apply_change(
            &tx,
            RecordTable::Activities,
            id,
            Record::Activity(&old.activity),
            Some(Record::Activity(activity)),
        )?;
        crate::support::follow_activity(&tx, &self.rng, id, Some(activity))?;
        let stored = load(&tx, id)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Deletes an activity and lowers its counts. Returns what was deleted, so the UI can offer undo by saving it
    /// again.
    pub fn delete_activity(&mut self, id: i64) -> Result<StoredActivity> {
        let tx = self.conn.transaction()?;
        let old = load(&tx, id)?;
        tx.execute("DELETE FROM activities WHERE id = ?1", [id])?;
        counts::apply_change(&tx, RecordTable::Activities, id, Record::Activity(&old.activity), None)?;
        crate::support::follow_activity(&tx, &self.rng, id, None)?;
        tx.commit()?;
        Ok(old)
    }

    /// Activities matching `filter`, newest first.
    pub fn list_activities(&self, filter: &ActivityFilter) -> Result<Page<StoredActivity>> {
        let conditions = "(?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2) AND (?3 IS NULL OR kind = ?3)
             AND (?4 IS NULL OR EXISTS (SELECT 1 FROM json_each(body, '$.themes') WHERE value = ?4))";
        let args = params![
            filter.from.map(|d| d.format("%Y-%m-%d").to_string()),
            filter.to.map(|d| d.format("%Y-%m-%d").to_string()),
            filter.kind.map(ActivityType::code),
            filter.theme.as_ref().map(ThemeCode::as_str),
            filter.limit.min(ActivityFilter::MAX_LIMIT),
            filter.offset,
        ];
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM activities WHERE {conditions} AND ?5 >= 0 AND ?6 >= 0"),
            args,
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT id, body, created_at, updated_at FROM activities WHERE {conditions}
             ORDER BY date DESC, id DESC LIMIT ?5 OFFSET ?6"
        ))?;
        let rows = stmt.query_map(args, |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
        })?;
        let mut items = Vec::new();
        for row in rows {
            let (id, body, created_at, updated_at) = row?;
            items.push(StoredActivity { id, activity: decode(&body)?, created_at, updated_at });
        }
        Ok(Page { items, total: total.max(0) as u64 })
    }
}
