//! The referrals repository: create, read, update, delete, list, status changes and follow-ups due.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sleutel_domain::counts::Record;
use sleutel_domain::{PseudonymCode, Referral, ReferralStatus};

use crate::Page;
use crate::activities::{now, to_json};
use crate::counts::{self, RecordTable};
use crate::error::{Result, StoreError};
use crate::vault::Store;

/// A referral as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredReferral {
    pub id: i64,
    pub referral: Referral,
    /// The activity this referral came out of, if the volunteer linked one.
    pub activity_id: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

/// Filters for [`Store::list_referrals`]. Dates are inclusive and apply to the referral date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub status: Option<ReferralStatus>,
    /// Only referrals that are still open (not closed or declined).
    pub open_only: bool,
    pub limit: u32,
    pub offset: u32,
}

impl ReferralFilter {
    pub const MAX_LIMIT: u32 = 500;
}

impl Default for ReferralFilter {
    fn default() -> Self {
        Self { from: None, to: None, status: None, open_only: false, limit: 50, offset: 0 }
    }
}

fn decode(body: &str) -> Result<Referral> {
    serde_json::from_str(body).map_err(|_| StoreError::StoredRecordCorrupt)
}

type Row = (i64, String, Option<i64>, String, String);

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn stored((id, body, activity_id, created_at, updated_at): Row) -> Result<StoredReferral> {
    Ok(StoredReferral { id, referral: decode(&body)?, activity_id, created_at, updated_at })
}

const COLUMNS: &str = "id, body, activity_id, created_at, updated_at";

fn load(conn: &Connection, id: i64) -> Result<StoredReferral> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM referrals WHERE id = ?1"), [id], row)
        .optional()?
        .ok_or(StoreError::NotFound)
        .and_then(stored)
}

pub(crate) fn load_all(conn: &Connection) -> Result<Vec<Referral>> {
    let mut stmt = conn.prepare("SELECT body FROM referrals")?;
    let bodies = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for body in bodies {
        out.push(decode(&body?)?);
    }
    Ok(out)
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Writes the indexed columns and body of a referral.
fn write(conn: &Connection, id: i64, r: &Referral) -> Result<()> {
    conn.execute(
        "UPDATE referrals SET date = ?2, status = ?3, follow_up = ?4, closed_on = ?5, body = ?6, updated_at = ?7
         WHERE id = ?1",
        params![
            id,
            r.date.to_string(),
            r.status().code(),
            r.follow_up.map(date_text),
            r.closed_on().map(date_text),
            to_json(r)?,
            now()
        ],
    )?;
    Ok(())
}

impl Store {
    /// A fresh pseudonymous code not yet used on this device.
    pub fn new_referral_code(&self) -> Result<PseudonymCode> {
        for _ in 0..16 {
            let code = PseudonymCode::generate(&self.rng).map_err(|_| StoreError::RandomUnavailable)?;
            let taken: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM referrals WHERE code = ?1)",
                [code.as_str()],
                |r| r.get(0),
            )?;
            if !taken {
                return Ok(code);
            }
        }
        Err(StoreError::RandomUnavailable)
    }

    /// Saves a new referral, optionally linked to the activity it came out of.
    pub fn create_referral(&mut self, referral: &Referral, activity_id: Option<i64>) -> Result<StoredReferral> {
        let tx = self.conn.transaction()?;
        if let Some(aid) = activity_id {
            let exists: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM activities WHERE id = ?1)", [aid], |r| r.get(0))?;
            if !exists {
                return Err(StoreError::NotFound);
            }
        }
        let id = counts::next_record_id(&tx, RecordTable::Referrals)?;
        tx.execute(
            "INSERT INTO referrals (id, code, date, status, body, activity_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, '{}', ?5, ?6, ?6)",
            params![
                id,
                referral.code.as_str(),
                referral.date.to_string(),
                referral.status().code(),
                activity_id,
                now()
            ],
        )?;
        write(&tx, id, referral)?;
        let stored = load(&tx, id)?;
        tx.commit()?;
        Ok(stored)
    }

    pub fn referral(&self, id: i64) -> Result<StoredReferral> {
        load(&self.conn, id)
    }

    /// Replaces a referral's details (build the new value with [`Referral::apply_edit`]). The pseudonymous code
    /// cannot change.
    pub fn update_referral(&mut self, id: i64, referral: &Referral) -> Result<StoredReferral> {
        let tx = self.conn.transaction()?;
        let old = load(&tx, id)?;
        if old.referral.code != referral.code {
            return Err(StoreError::InvalidSetting("code"));
        }
        write(&tx, id, referral)?;
        counts::apply_change(
            &tx,
            RecordTable::Referrals,
            id,
            Record::Referral(&old.referral),
            Some(Record::Referral(referral)),
        )?;
        let stored = load(&tx, id)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Moves a referral to a new status on `date`, checked against the lifecycle by the domain.
    pub fn change_referral_status(
        &mut self,
        id: i64,
        status: ReferralStatus,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<StoredReferral> {
        let tx = self.conn.transaction()?;
        let old = load(&tx, id)?;
        let mut referral = old.referral.clone();
        referral.change_status(status, date, today)?;
        write(&tx, id, &referral)?;
        counts::apply_change(
            &tx,
            RecordTable::Referrals,
            id,
            Record::Referral(&old.referral),
            Some(Record::Referral(&referral)),
        )?;
        let stored = load(&tx, id)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Sets or clears (empty text) the follow-up date.
    pub fn set_referral_follow_up(&mut self, id: i64, follow_up: &str) -> Result<StoredReferral> {
        let tx = self.conn.transaction()?;
        let mut referral = load(&tx, id)?.referral;
        referral.set_follow_up(follow_up)?;
        write(&tx, id, &referral)?;
        let stored = load(&tx, id)?;
        tx.commit()?;
        Ok(stored)
    }

    pub fn delete_referral(&mut self, id: i64) -> Result<StoredReferral> {
        let tx = self.conn.transaction()?;
        let old = load(&tx, id)?;
        tx.execute("DELETE FROM referrals WHERE id = ?1", [id])?;
        counts::apply_change(&tx, RecordTable::Referrals, id, Record::Referral(&old.referral), None)?;
        tx.commit()?;
        Ok(old)
    }

    /// Referrals matching `filter`, newest first.
    pub fn list_referrals(&self, filter: &ReferralFilter) -> Result<Page<StoredReferral>> {
        let conditions = "(?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2) AND (?3 IS NULL OR status = ?3)
             AND (?4 = 0 OR closed_on IS NULL)";
        let args = params![
            filter.from.map(date_text),
            filter.to.map(date_text),
            filter.status.map(ReferralStatus::code),
            filter.open_only,
            filter.limit.min(ReferralFilter::MAX_LIMIT),
            filter.offset,
        ];
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM referrals WHERE {conditions} AND ?5 >= 0 AND ?6 >= 0"),
            args,
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM referrals WHERE {conditions} ORDER BY date DESC, id DESC LIMIT ?5 OFFSET ?6"
        ))?;
        let items = stmt.query_map(args, row)?.map(|r| stored(r?)).collect::<Result<Vec<_>>>()?;
        Ok(Page { items, total: total.max(0) as u64 })
    }

    /// Open referrals whose follow-up date is on or before `on`, soonest first.
    pub fn follow_ups_due(&self, on: NaiveDate) -> Result<Vec<StoredReferral>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM referrals WHERE follow_up IS NOT NULL AND follow_up <= ?1 AND closed_on IS NULL
             ORDER BY follow_up, id"
        ))?;
        stmt.query_map([date_text(on)], row)?.map(|r| stored(r?)).collect()
    }
}
