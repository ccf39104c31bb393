//! The device's enrolment (coordinator, device id, signing key) and the state of sync, for the sync client and
//! the UI's sync screen.

use std::fmt;

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use zeroize::Zeroizing;

use crate::error::{Result, StoreError};
use crate::vault::Store;

const NEEDS_RECOVERY: &str = "needs_recovery";

/// The device's enrolment. The signing key never leaves the encrypted database except into memory here.
#[derive(Clone)]
pub struct Enrolment {
    pub coordinator_url: String,
    pub device_id: String,
    pub organisation_id: i64,
    pub organisation_name: String,
    /// Ed25519 key pair, PKCS#8 document.
    pub signing_key: Zeroizing<Vec<u8>>,
    pub enrolled_at: String,
}

impl fmt::Debug for Enrolment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Enrolment")
            .field("coordinator_url", &self.coordinator_url)
            .field("device_id", &self.device_id)
            .field("organisation_id", &self.organisation_id)
            .field("signing_key", &"[redacted]")
            .finish_non_exhaustive()
    }
}

/// What the sync screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncState {
    pub last_success_at: Option<String>,
    pub last_attempt_at: Option<String>,
    pub last_error_code: Option<String>,
    /// The last timestamp a request was signed with.
    pub last_timestamp: i64,
}

impl Store {
    pub fn enrolment(&self) -> Result<Option<Enrolment>> {
        Ok(self
            .conn
            .query_row(
                "SELECT coordinator_url, device_id, organisation_id, organisation_name, signing_key, enrolled_at
                 FROM device_identity WHERE id = 1",
                [],
                |r| {
                    Ok(Enrolment {
                        coordinator_url: r.get(0)?,
                        device_id: r.get(1)?,
                        organisation_id: r.get(2)?,
                        organisation_name: r.get(3)?,
                        signing_key: Zeroizing::new(r.get(4)?),
                        enrolled_at: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    /// Saves the enrolment. A device enrols once; re-enrolling needs [`Store::forget_enrolment`] first.
    pub fn save_enrolment(&mut self, e: &Enrolment) -> Result<()> {
        if self.enrolment()?.is_some() {
            return Err(StoreError::AlreadyExists);
        }
        self.conn.execute(
            "INSERT INTO device_identity (id, coordinator_url, device_id, organisation_id, organisation_name, signing_key, enrolled_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
            params![e.coordinator_url, e.device_id, e.organisation_id, e.organisation_name, e.signing_key.as_slice(), e.enrolled_at],
        )?;
        Ok(())
    }

    /// Replaces the enrolment by a new one in one step (the device enrolled again, proving it held the old key).
    /// Everything counted is queued again, for the new device id.
    pub fn replace_enrolment(&mut self, e: &Enrolment) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM device_identity", [])?;
        tx.execute(
            "INSERT INTO device_identity (id, coordinator_url, device_id, organisation_id, organisation_name, signing_key, enrolled_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
            params![e.coordinator_url, e.device_id, e.organisation_id, e.organisation_name, e.signing_key.as_slice(), e.enrolled_at],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Forgets the enrolment (e.g. after the device was revoked). Counts stay; enrolling again queues all of them.
    /// What the organisation said (its contact, what it counts) and requests for a talk not sent yet go: they were
    /// for that organisation's coordinator.
    pub fn forget_enrolment(&mut self) -> Result<()> {
        self.conn.execute("DELETE FROM device_identity", [])?;
        self.forget_organisation_settings()?;
        self.drop_unsent_debriefs()
    }

    pub fn sync_state(&self) -> Result<SyncState> {
        Ok(self.conn.query_row(
            "SELECT last_success_at, last_attempt_at, last_error_code, last_timestamp FROM sync_state WHERE id = 1",
            [],
            |r| {
                Ok(SyncState {
                    last_success_at: r.get(0)?,
                    last_attempt_at: r.get(1)?,
                    last_error_code: r.get(2)?,
                    last_timestamp: r.get(3)?,
                })
            },
        )?)
    }

    /// Records a signed timestamp; returns one strictly greater than the last one (`max(now, last + 1)`), so a
    /// retry never reuses a timestamp. A last timestamp far ahead of `now` (the clock was wrong and has been
    /// corrected) is dropped, or every request would carry the wrong time until the clock caught up.
    pub fn next_request_timestamp(&mut self, now: i64) -> Result<i64> {
        Ok(self.conn.query_row(
            "UPDATE sync_state
             SET last_timestamp = CASE WHEN last_timestamp > ?1 + 60 THEN ?1 ELSE max(?1, last_timestamp + 1) END
             WHERE id = 1 RETURNING last_timestamp",
            [now],
            |r| r.get(0),
        )?)
    }

    pub fn record_sync_success(&mut self) -> Result<()> {
        let now = crate::activities::now();
        self.conn.execute(
            "UPDATE sync_state SET last_success_at = ?1, last_attempt_at = ?1, last_error_code = NULL WHERE id = 1",
            [now],
        )?;
        Ok(())
    }

    pub fn record_sync_failure(&mut self, code: &str) -> Result<()> {
        let now = crate::activities::now();
        let code: String = code.chars().take(64).collect();
        self.conn.execute(
            "UPDATE sync_state SET last_attempt_at = ?1, last_error_code = ?2 WHERE id = 1",
            params![now, code],
        )?;
        Ok(())
    }

    /// Whether this store was restored from a backup and must learn the coordinator's high-water mark before it
    /// sends anything (its versions may lag behind what the coordinator already holds).
    pub fn needs_recovery(&self) -> Result<bool> {
        Ok(self.setting(NEEDS_RECOVERY)?.is_some())
    }

    pub(crate) fn mark_needs_recovery(&self) -> Result<()> {
        self.set_setting(NEEDS_RECOVERY, "1")
    }

    /// After a reinstall or restore: makes every future version higher than `high_water` (the coordinator's
    /// high-water mark for this device) and queues every count again, so the coordinator ends up with exactly this
    /// device's counts. Clears [`Store::needs_recovery`].
    pub fn requeue_all_counts_above(&mut self, high_water: i64) -> Result<u64> {
        let tx = self.conn.transaction()?;
        crate::counts::fold(&tx)?;
        tx.execute("DELETE FROM settings WHERE key = ?1", [NEEDS_RECOVERY])?;
        let version: i64 = tx.query_row(
            "INSERT INTO settings (key, value) VALUES ('outbox_version', CAST(?1 + 1 AS TEXT))
             ON CONFLICT (key) DO UPDATE SET value = CAST(max(CAST(value AS INTEGER), ?1) + 1 AS TEXT)
             RETURNING CAST(value AS INTEGER)",
            [high_water],
            |r| r.get(0),
        )?;
        let queued = tx.execute("UPDATE counts SET version = ?1, pending = 1, rejected_code = NULL", [version])?;
        tx.commit()?;
        Ok(queued as u64)
    }
}
