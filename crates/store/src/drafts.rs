//! The draft (concept): the one unfinished form, kept in the encrypted database so nothing typed is lost to a lock,
//! a crash or a restart. Saved as the volunteer types, offered back after unlock, removed once the form is saved
//! or the volunteer discards it. Retention purges a forgotten draft like any other detail.

use chrono::{SecondsFormat, Utc};
use rusqlite::OptionalExtension;
use sleutel_domain::{Draft, DraftForm};

use crate::error::{Result, StoreError};
use crate::vault::Store;

/// A draft as stored, with when it was last changed (RFC 3339, UTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDraft {
    pub draft: Draft,
    pub updated_at: String,
}

impl Store {
    /// Keeps `draft` as the unfinished form, replacing any earlier one.
    pub fn save_draft(&mut self, draft: &Draft) -> Result<()> {
        let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        self.conn
            .prepare_cached(
                "INSERT INTO draft (id, form, body, updated_at) VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET form = excluded.form, body = excluded.body, updated_at = excluded.updated_at",
            )?
            .execute((draft.form().code(), draft.body(), now))?;
        Ok(())
    }

    /// The unfinished form, if there is one.
    pub fn draft(&self) -> Result<Option<StoredDraft>> {
        let row: Option<(String, String, String)> = self
            .conn
            .query_row("SELECT form, body, updated_at FROM draft WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        row.map(|(form, body, updated_at)| {
            let draft = DraftForm::from_code(&form)
                .and_then(|form| Draft::new(form, &body))
                .map_err(|_| StoreError::StoredRecordCorrupt)?;
            Ok(StoredDraft { draft, updated_at })
        })
        .transpose()
    }

    /// Forgets the unfinished form; true when there was one.
    pub fn discard_draft(&mut self) -> Result<bool> {
        Ok(self.conn.execute("DELETE FROM draft WHERE id = 1", [])? > 0)
    }
}
