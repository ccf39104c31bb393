//! Support for the volunteer: the organisation's support contact as the coordinator last sent it, and the requests
//! for a talk ("ik wil hier graag over praten") that wait to be sent. Also what the organisation counts beyond the
//! usual (age bands, community groups), which sync brings with the contact.
//!
//! A request follows its activity: saving an activity with a talk asked queues one, taking the wish away (or
//! deleting the activity) before it was sent withdraws it. Once the coordinator has it, it is marked sent: editing
//! the activity later (a typo, months on) never asks a second time. A request is never a count of the device: the coordinator counts the requests it
//! received, so nothing in a device's counts says that this device asked.

use ring::rand::SecureRandom;
use rusqlite::{Connection, OptionalExtension, params};
use sleutel_domain::{Activity, SupportContact};

use crate::activities::{now, to_json};
use crate::error::{Result, StoreError};
use crate::vault::Store;

const ORGANISATION_CHECKED_AT: &str = "organisation_checked_at";
const REACH_DETAILS: &str = "reach_details";

/// A request for a talk waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingDebrief {
    pub request_id: String,
    pub show_label: bool,
}

/// Keeps the queued request of activity `id` in step with its wish for a talk, in the activity's transaction.
pub(crate) fn follow_activity(
    conn: &Connection,
    rng: &dyn SecureRandom,
    id: i64,
    activity: Option<&Activity>,
) -> Result<()> {
    match (activity, activity.and_then(|a| a.debrief)) {
        (None, _) => {
            conn.execute("DELETE FROM debrief_outbox WHERE activity_id = ?1", [id])?;
        }
        (Some(_), None) => {
            conn.execute("DELETE FROM debrief_outbox WHERE activity_id = ?1 AND sent_at IS NULL", [id])?;
        }
        (Some(_), Some(wish)) => {
            let mut bytes = [0u8; 16];
            rng.fill(&mut bytes).map_err(|_| StoreError::RandomUnavailable)?;
            let request_id = format!("d-{}", hex::encode(bytes));
            // A change of mind about the label updates a queued request; a request already sent stays as it was sent.
            conn.execute(
                "INSERT INTO debrief_outbox (activity_id, request_id, show_label, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (activity_id) DO UPDATE SET show_label = excluded.show_label
                 WHERE debrief_outbox.sent_at IS NULL",
                params![id, request_id, wish.shows_label(), now()],
            )?;
        }
    }
    Ok(())
}

impl Store {
    /// The requests for a talk that wait to be sent, oldest first.
    pub fn pending_debriefs(&self) -> Result<Vec<PendingDebrief>> {
        let mut stmt = self
            .conn
            .prepare("SELECT request_id, show_label FROM debrief_outbox WHERE sent_at IS NULL ORDER BY created_at")?;
        let rows = stmt.query_map([], |r| Ok(PendingDebrief { request_id: r.get(0)?, show_label: r.get(1)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The coordinator has the request: it is not sent again.
    pub fn debrief_sent(&mut self, request_id: &str) -> Result<()> {
        self.conn
            .execute("UPDATE debrief_outbox SET sent_at = ?2 WHERE request_id = ?1", params![request_id, now()])?;
        Ok(())
    }

    /// Requests not sent yet are dropped: the device leaves its organisation (a new enrolment may be another one's,
    /// whose coordinator must not get them).
    pub fn drop_unsent_debriefs(&mut self) -> Result<()> {
        self.conn.execute("DELETE FROM debrief_outbox WHERE sent_at IS NULL", [])?;
        Ok(())
    }

    /// When the coordinator was last asked about the organisation (support contact, what it counts), RFC 3339.
    pub fn organisation_checked_at(&self) -> Result<Option<String>> {
        self.setting(ORGANISATION_CHECKED_AT)
    }

    pub fn organisation_checked(&mut self, at: &str) -> Result<()> {
        self.set_setting(ORGANISATION_CHECKED_AT, at)
    }

    /// Whether the organisation counts participants by age band and the community groups present (so the activity
    /// form asks for them). Off until the coordinator says otherwise.
    pub fn reach_details(&self) -> Result<bool> {
        Ok(self.setting(REACH_DETAILS)?.as_deref() == Some("on"))
    }

    pub fn set_reach_details(&mut self, on: bool) -> Result<()> {
        self.set_setting(REACH_DETAILS, if on { "on" } else { "off" })
    }

    /// Forgets what the coordinator said about the organisation (contact, what it counts, when it was asked): a new
    /// enrolment asks again, and may be with another organisation.
    pub fn forget_organisation_settings(&mut self) -> Result<()> {
        self.conn.execute("DELETE FROM support_contact", [])?;
        self.conn.execute("DELETE FROM settings WHERE key IN (?1, ?2)", [ORGANISATION_CHECKED_AT, REACH_DETAILS])?;
        Ok(())
    }

    /// The support contact the coordinator last sent, if any.
    pub fn support_contact(&self) -> Result<Option<SupportContact>> {
        let body: Option<String> =
            self.conn.query_row("SELECT body FROM support_contact WHERE id = 1", [], |r| r.get(0)).optional()?;
        body.map(|text| serde_json::from_str(&text).map_err(|_| StoreError::StoredRecordCorrupt)).transpose()
    }

    /// Keeps the contact the coordinator sent; `None` (the organisation removed it) forgets it.
    pub fn save_support_contact(&mut self, contact: Option<&SupportContact>) -> Result<()> {
        match contact {
            Some(contact) => self.conn.execute(
                "INSERT INTO support_contact (id, body, received_at) VALUES (1, ?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET body = excluded.body, received_at = excluded.received_at",
                params![to_json(contact)?, now()],
            )?,
            None => self.conn.execute("DELETE FROM support_contact", [])?,
        };
        Ok(())
    }
}
