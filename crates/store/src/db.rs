//! Opening the SQLCipher database with a raw key and proving it is really encrypted.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Result, StoreError};
use crate::keys::DataKey;

/// Opens (or creates) the database at `path` with `key`, checks it, and sets the connection pragmas.
pub(crate) fn open(path: &Path, key: &DataKey) -> Result<Connection> {
    open_with(path, Some(key))
}

/// `sqlite3_initialize` sets `isInit` before it runs `SQLITE_EXTRA_INIT` (`sqlcipher_extra_init`), which registers
/// `sqlcipher_export` as an auto-extension; a connection opened on another thread in between lacks the function
/// (seen once: "no such function: sqlcipher_export" in a backup test running in parallel). So the first open happens
/// once, alone, and every other open waits for it.
fn initialise_sqlcipher_once() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| drop(Connection::open_in_memory()));
}

/// `key = None` opens plain SQLite: only for the benchmark that measures what encryption costs.
pub(crate) fn open_with(path: &Path, key: Option<&DataKey>) -> Result<Connection> {
    initialise_sqlcipher_once();
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    restrict_to_owner(path)?;
    if let Some(key) = key {
        key_connection(&conn, key)?;
    }
    // WAL for concurrent reads and crash safety; FULL so an acknowledged save survives power loss; secure_delete
    // so deleted records are overwritten; temp_store in memory so no temporary file holds decrypted pages.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::DatabaseUndecryptable);
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA secure_delete = ON;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA busy_timeout = 5000;",
    )?;
    Ok(conn)
}

/// Keys a fresh connection and verifies: SQLCipher is present (`cipher_version`), and a read succeeds, which
/// fails with "file is not a database" for a wrong key or a damaged file.
pub(crate) fn key_connection(conn: &Connection, key: &DataKey) -> Result<()> {
    let statement = zeroize::Zeroizing::new(format!("PRAGMA key = {};", key.sql_literal().as_str()));
    conn.execute_batch(&statement)?;
    let version: Option<String> = conn.query_row("PRAGMA cipher_version", [], |r| r.get(0)).ok();
    if version.is_none_or(|v| v.trim().is_empty()) {
        return Err(StoreError::DatabaseNotEncrypted);
    }
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))
        .map_err(|_| StoreError::DatabaseUndecryptable)?;
    Ok(())
}

/// Re-encrypts every page of the database with `key`, in one transaction (SQLCipher's `PRAGMA rekey`), then
/// truncates the write-ahead log, which still holds page versions under the old key.
pub(crate) fn rekey(conn: &Connection, key: &DataKey) -> Result<()> {
    let statement = zeroize::Zeroizing::new(format!("PRAGMA rekey = {};", key.sql_literal().as_str()));
    conn.execute_batch(&statement)?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get::<_, i64>(0))?;
    Ok(())
}

/// Makes a store file readable by its owner only (SQLite creates files 0644 and gives its `-wal` and `-shm` files
/// the database's mode), and its folder enterable by the owner only. On a shared computer other accounts must not
/// even copy the encrypted files.
pub(crate) fn restrict_to_owner(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if path.exists() {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// SQL string literal for a file path, for `ATTACH` (which takes no parameters for the key).
pub(crate) fn quote_path(path: &Path) -> String {
    format!("'{}'", path.to_string_lossy().replace('\'', "''"))
}

/// Writes `bytes` to `path` so that either the old or the new content is there after a crash.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("tmp");
    {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        // Owner-only: on a shared computer other accounts must not even copy the key file or a backup.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    std::fs::rename(&tmp, path)?;
    if let Some(dir) = path.parent() {
        // Persist the rename itself.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}
