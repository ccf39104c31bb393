//! Backing up and restoring the embedded SQLite database with SQLite's online backup API: a consistent copy while
//! the coordinator keeps serving, and a restore that also brings an older copy up to this version's schema.
//! (A PostgreSQL database is backed up with PostgreSQL's own tools, `pg_dump` and `pg_restore`.)

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::sqlite::SqliteStorage;
use crate::storage::{StorageError, StorageResult};

/// What a backup wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupReport {
    pub pages: i32,
    pub bytes: u64,
}

/// Copies `coordinator.db` in `data_dir` to `to` (a new file, readable by its owner only), consistently, while the
/// coordinator may be serving: every page is copied in one step, within one read transaction, so writes that come
/// in meanwhile are either wholly in the copy or not at all.
pub fn back_up(data_dir: &Path, to: &Path) -> StorageResult<BackupReport> {
    if to.exists() {
        // Never over an earlier backup.
        return Err(StorageError::Conflict);
    }
    let source = Connection::open_with_flags(
        data_dir.join("coordinator.db"),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let mut target = Connection::open(to)?;
    restrict_to_owner(to)?;
    let pages = {
        let backup = rusqlite::backup::Backup::new(&source, &mut target)?;
        // -1: all pages in one step.
        match backup.step(-1)? {
            rusqlite::backup::StepResult::Done => backup.progress().pagecount,
            _ => return Err(StorageError::Unavailable("the database was busy; try again".into())),
        }
    };
    drop(target);
    Ok(BackupReport { pages, bytes: std::fs::metadata(to)?.len() })
}

/// Replaces the database in `data_dir` with the backup `from`, after checking that it is an intact coordinator
/// database (`Invalid` otherwise, and nothing changes), then applies the migrations it lacks. Run it with the
/// coordinator stopped.
pub fn restore(data_dir: &Path, from: &Path) -> StorageResult<()> {
    let backup = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let intact: String =
        backup.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|_| StorageError::Invalid)?;
    let version: u32 = backup.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|_| StorageError::Invalid)?;
    let has_devices: bool = backup
        .query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'devices')", [], |r| {
            r.get(0)
        })
        .map_err(|_| StorageError::Invalid)?;
    if intact != "ok" || version == 0 || !has_devices {
        return Err(StorageError::Invalid);
    }
    std::fs::create_dir_all(data_dir)?;
    let mut target = Connection::open(data_dir.join("coordinator.db"))?;
    target.restore(rusqlite::MAIN_DB, from, rusqlite::backup::NO_PROGRESS)?;
    drop(target);
    // Migrations the backup lacks, and the file modes.
    SqliteStorage::open(data_dir).map(drop)
}

fn restrict_to_owner(file: &Path) -> StorageResult<()> {
    crate::sqlite::owner_only(file, 0o600)
}
