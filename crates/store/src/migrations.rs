//! Schema migrations from `migrations/app/NNNN_name.sql`, applied in order. All pending steps run in one
//! transaction together with the new `user_version`, so a crash leaves the old schema or the new one, never half.
//! A database from a newer version of the app is refused rather than damaged.

use rusqlite::Connection;

use crate::counts;
use crate::error::{Result, StoreError};

struct Step {
    version: u32,
    sql: &'static str,
    /// Work in Rust after the SQL, in the same transaction (e.g. computing counts for existing records). It is
    /// given the schema version the database had before this upgrade began. It is written against the latest
    /// schema, so only the last step has one: it does the Rust work of every step the upgrade passed.
    after: Option<fn(&Connection, u32) -> Result<()>>,
}

const STEPS: &[Step] = &[
    Step { version: 1, sql: include_str!("../../../migrations/app/0001_records.sql"), after: None },
    Step { version: 2, sql: include_str!("../../../migrations/app/0002_counts_outbox.sql"), after: None },
    Step { version: 3, sql: include_str!("../../../migrations/app/0003_device_identity.sql"), after: None },
    Step { version: 4, sql: include_str!("../../../migrations/app/0004_drafts_meldingen.sql"), after: None },
    Step {
        version: 5,
        sql: include_str!("../../../migrations/app/0005_counts_carry_their_outbox_state.sql"),
        after: None,
    },
    Step {
        version: 6,
        sql: include_str!("../../../migrations/app/0006_support.sql"),
        after: Some(counts::bring_up_to_date_after_migration),
    },
];

/// The schema version this build writes.
pub const LATEST_SCHEMA_VERSION: u32 = 6;

pub(crate) fn schema_version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Applies every pending step up to `target`.
pub(crate) fn migrate_to(conn: &mut Connection, target: u32) -> Result<u32> {
    let current = schema_version(conn)?;
    if current > LATEST_SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew { found: current, known: LATEST_SCHEMA_VERSION });
    }
    if current >= target {
        return Ok(current);
    }
    let tx = conn.transaction()?;
    for step in STEPS.iter().filter(|s| s.version > current && s.version <= target) {
        tx.execute_batch(step.sql).map_err(|source| StoreError::MigrationFailed { version: step.version, source })?;
        if let Some(after) = step.after {
            after(&tx, current)?;
        }
        tx.pragma_update(None, "user_version", step.version)
            .map_err(|source| StoreError::MigrationFailed { version: step.version, source })?;
    }
    tx.commit()?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_match_the_migration_files_in_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations/app");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("migrations folder")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        assert_eq!(files.len(), STEPS.len(), "every file in migrations/app must be a step");
        for (i, (file, step)) in files.iter().zip(STEPS).enumerate() {
            assert_eq!(step.version as usize, i + 1);
            assert!(file.starts_with(&format!("{:04}_", step.version)), "{file}");
        }
        assert_eq!(STEPS.last().map(|s| s.version), Some(LATEST_SCHEMA_VERSION));
        assert!(STEPS.iter().rev().skip(1).all(|s| s.after.is_none()), "Rust work belongs to the last step");
    }
}
