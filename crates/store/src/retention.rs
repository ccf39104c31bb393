//! Retention: "aggregate, then forget" (`docs/privacy.md`). Detail records older than the retention period are deleted;
//! the counts they produced stay, because counts are what the coordinator needs and they identify no one.
//! Activities expire by their date; referrals once they are closed or declined, or have been "unknown" for the whole
//! retention period, counted from that date.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::vault::Store;

const RETENTION_MONTHS: &str = "retention_months";

/// The default retention period.
pub const DEFAULT_RETENTION_MONTHS: u32 = 12;

/// What a purge removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct PurgeReport {
    pub activities: u64,
    pub referrals: u64,
}

impl Store {
    pub fn retention_months(&self) -> Result<u32> {
        Ok(self.setting(RETENTION_MONTHS)?.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_RETENTION_MONTHS))
    }

    /// Sets the retention period: 1 to 120 months.
    pub fn set_retention_months(&mut self, months: u32) -> Result<()> {
        if !(1..=120).contains(&months) {
            return Err(StoreError::InvalidSetting("retention_months"));
        }
        self.set_setting(RETENTION_MONTHS, &months.to_string())
    }

    /// Deletes detail records older than the retention period as of `today`. Counts and the outbox are not
    /// touched. Secure delete overwrites the freed pages.
    pub fn purge_expired(&mut self, today: NaiveDate) -> Result<PurgeReport> {
        let months = self.retention_months()?;
        let cutoff = today.checked_sub_months(Months::new(months)).ok_or(StoreError::InvalidSetting("today"))?;
        let cutoff = cutoff.format("%Y-%m-%d").to_string();
        let tx = self.conn.transaction()?;
        // Records not counted yet are counted before they go: their counts stay.
        crate::counts::fold(&tx)?;
        // Referrals first: an expired activity may still be linked from a referral that is open.
        // Referrals whose status has been "unknown" since before the cutoff count as ended too: the volunteer lost
        // track, and keeping the detail forever would defeat retention.
        let referrals = tx.execute(
            "DELETE FROM referrals WHERE (closed_on IS NOT NULL AND closed_on < ?1)
                OR (status = 'unknown' AND json_extract(body, '$.history[#-1].date') < ?1)",
            [&cutoff],
        )?;
        let activities = tx.execute("DELETE FROM activities WHERE date < ?1", [&cutoff])?;
        // A request for a talk goes with its activity (sent or not).
        tx.execute("DELETE FROM debrief_outbox WHERE activity_id NOT IN (SELECT id FROM activities)", [])?;
        // A draft forgotten for the whole retention period goes too (RFC 3339 sorts like the date it starts with).
        tx.execute("DELETE FROM draft WHERE updated_at < ?1", [&cutoff])?;
        tx.commit()?;
        Ok(PurgeReport { activities: activities as u64, referrals: referrals as u64 })
    }
}
