//! Encrypted backup to one file and restore from it.
//!
//! The file is: a header line `SLEUTEL-BACKUP 1\n`, an 8-byte little-endian length, a JSON header (the key file
//! with the data key wrapped under the passphrase and the recovery code as they were at backup time, the schema
//! version, and the length and SHA-256 of the database image), then the database image itself, exported by
//! SQLCipher with the same data key. Nothing in it is readable without the passphrase or the recovery code.

use std::io::Read;
use std::path::Path;
use std::time::Instant;

use ring::digest::{SHA256, digest};
use serde::{Deserialize, Serialize};

use crate::db;
use crate::error::{Result, StoreError};
use crate::files::{DATABASE, KEY_FILE};
use crate::keys::{KeyFile, Secret};
use crate::throttle::Gate;
use crate::vault::Store;

const MAGIC: &[u8] = b"SLEUTEL-BACKUP 1\n";
const EXPORT_NAME: &str = "backup-export.tmp";
/// A header larger than this is not ours.
const MAX_HEADER: u64 = 64 * 1024;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    key_file: KeyFile,
    schema_version: u32,
    created_at: String,
    database_len: u64,
    #[serde(with = "hex")]
    database_sha256: Vec<u8>,
}

impl Store {
    /// Writes an encrypted backup of the whole store to `path`. Returns the file size in bytes.
    pub fn backup_to(&self, path: &Path) -> Result<u64> {
        let export = self.dir.join(EXPORT_NAME);
        let _ = std::fs::remove_file(&export);
        let result = self.export_database(&export).and_then(|()| {
            let image = std::fs::read(&export)?;
            let mut key_file = KeyFile::parse(&std::fs::read(self.dir.join(KEY_FILE))?)?;
            key_file.failed_unlocks = 0;
            let header = Header {
                key_file,
                schema_version: self.schema_version()?,
                created_at: crate::activities::now(),
                database_len: image.len() as u64,
                database_sha256: digest(&SHA256, &image).as_ref().to_vec(),
            };
            let header = serde_json::to_vec(&header).map_err(|_| StoreError::BackupCorrupt)?;
            let mut bytes = Vec::with_capacity(MAGIC.len() + 8 + header.len() + image.len());
            bytes.extend_from_slice(MAGIC);
            bytes.extend_from_slice(&(header.len() as u64).to_le_bytes());
            bytes.extend_from_slice(&header);
            bytes.extend_from_slice(&image);
            db::write_atomically(path, &bytes)?;
            Ok(bytes.len() as u64)
        });
        let _ = std::fs::remove_file(&export);
        result
    }

    fn export_database(&self, export: &Path) -> Result<()> {
        let key = self.key.sql_literal();
        let attach = zeroize::Zeroizing::new(format!(
            "ATTACH DATABASE {} AS backup KEY {};",
            db::quote_path(export),
            key.as_str()
        ));
        self.conn.execute_batch(&attach)?;
        let result = self
            .conn
            .query_row("SELECT sqlcipher_export('backup')", [], |_| Ok(()))
            .and_then(|()| self.conn.pragma_update(Some("backup"), "user_version", self.schema_version().unwrap_or(0)));
        self.conn.execute_batch("DETACH DATABASE backup;")?;
        Ok(result?)
    }

    /// Restores a backup into `dir`, which must not hold a store, and unlocks it with `secret` (the passphrase or
    /// recovery code that were valid when the backup was made). A backup from an older version is upgraded.
    ///
    /// Wrong secrets are counted in `attempts` (a file beside the store: the backup itself is not rewritten) and
    /// throttled like unlocking; when the backup's owner had chosen to erase after a number of failed unlocks, that
    /// many wrong secrets erase the backup file. So a backup is no way around the unlock screen.
    pub fn restore_backup(backup: &Path, dir: &Path, secret: &Secret, attempts: &Path) -> Result<Store> {
        Self::restore_backup_with(backup, dir, secret, attempts, Gate::process(), Instant::now())
    }

    /// [`Store::restore_backup`] through `gate` at the monotonic time `now` (for tests).
    pub fn restore_backup_with(
        backup: &Path,
        dir: &Path,
        secret: &Secret,
        attempts: &Path,
        gate: &Gate,
        now: Instant,
    ) -> Result<Store> {
        if Store::exists(dir) || dir.join(DATABASE).exists() {
            return Err(StoreError::AlreadyExists);
        }
        let (header, image) = read_backup(backup)?;
        let mut failed = read_attempts(attempts)?;
        let wait = gate.remaining(attempts, failed, now);
        if wait > 0 {
            return Err(StoreError::Throttled { retry_after_secs: wait });
        }
        if header.key_file.unwrap_key(secret)?.is_none() {
            failed = failed.saturating_add(1);
            if header.key_file.wipe_after.is_some_and(|n| failed >= n) {
                crate::vault::erase_file(backup)?;
                crate::vault::erase_file(attempts)?;
                gate.succeeded(attempts);
                return Err(StoreError::Wiped);
            }
            db::write_atomically(attempts, &serde_json::to_vec(&failed).map_err(|_| StoreError::BackupCorrupt)?)?;
            gate.failed(attempts, failed, now);
            return Err(StoreError::WrongSecret { failed_attempts: failed, wipe_after: header.key_file.wipe_after });
        }
        crate::vault::erase_file(attempts)?;
        gate.succeeded(attempts);
        std::fs::create_dir_all(dir)?;
        let result = (|| {
            db::write_atomically(&dir.join(DATABASE), &image)?;
            db::write_atomically(&dir.join(KEY_FILE), &header.key_file.to_bytes()?)?;
            let store = Store::unlock(dir, secret)?;
            if !store.integrity_check()? {
                return Err(StoreError::BackupCorrupt);
            }
            if store.enrolment()?.is_some() {
                // The coordinator may hold newer versions than this backup; sync must recover first.
                store.mark_needs_recovery()?;
            }
            Ok(store)
        })();
        if result.is_err() {
            let _ = Store::wipe(dir);
        }
        result
    }
}

/// Failed restore attempts so far: none when the file is missing. A damaged file counts as the free attempts used
/// up, so the waiting starts, but never as enough failures to erase the backup: bad input must not cost data (and
/// someone who can damage the file can delete it just as well).
fn read_attempts(path: &Path) -> Result<u32> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(serde_json::from_slice(&bytes).unwrap_or(crate::throttle::FREE_ATTEMPTS)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(0),
        Err(e) => Err(e.into()),
    }
}

fn read_backup(path: &Path) -> Result<(Header, Vec<u8>)> {
    let mut file = std::fs::File::open(path)?;
    let mut magic = vec![0u8; MAGIC.len()];
    file.read_exact(&mut magic).map_err(|_| StoreError::BackupCorrupt)?;
    if magic != MAGIC {
        return Err(StoreError::BackupCorrupt);
    }
    let mut len = [0u8; 8];
    file.read_exact(&mut len).map_err(|_| StoreError::BackupCorrupt)?;
    let len = u64::from_le_bytes(len);
    if len > MAX_HEADER {
        return Err(StoreError::BackupCorrupt);
    }
    let mut header = vec![0u8; len as usize];
    file.read_exact(&mut header).map_err(|_| StoreError::BackupCorrupt)?;
    let header: Header = serde_json::from_slice(&header).map_err(|_| StoreError::BackupCorrupt)?;
    let mut image = Vec::new();
    file.read_to_end(&mut image)?;
    if image.len() as u64 != header.database_len
        || digest(&SHA256, &image).as_ref() != header.database_sha256.as_slice()
    {
        return Err(StoreError::BackupCorrupt);
    }
    Ok((header, image))
}
