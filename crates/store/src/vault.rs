//! The store as a whole: creating it, unlocking it, changing the passphrase, throttling and wiping.

use std::path::{Path, PathBuf};
use std::time::Instant;

use ring::rand::SystemRandom;
use rusqlite::Connection;

use crate::error::{Result, StoreError};
use crate::files::{DATABASE, KEY_FILE};
use crate::keys::{self, DataKey, KdfParams, KeyFile, Passphrase, RecoveryCode, Secret};
use crate::throttle::Gate;
use crate::{db, migrations};

/// An unlocked store. Dropping it closes the database and wipes the data key from memory: that is "lock".
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) key: DataKey,
    pub(crate) dir: PathBuf,
    pub(crate) rng: SystemRandom,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("dir", &self.dir).field("key", &self.key).finish_non_exhaustive()
    }
}

/// What the unlock screen needs to know before an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct UnlockStatus {
    pub failed_attempts: u32,
    pub retry_after_secs: u64,
    pub wipe_after: Option<u32>,
    /// Show the app under a neutral name.
    pub discreet: bool,
}

fn read_key_file(dir: &Path) -> Result<KeyFile> {
    match std::fs::read(dir.join(KEY_FILE)) {
        Ok(bytes) => KeyFile::parse(&bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(StoreError::NotInitialised),
        Err(e) => Err(e.into()),
    }
}

fn write_key_file(dir: &Path, file: &KeyFile) -> Result<()> {
    db::write_atomically(&dir.join(KEY_FILE), &file.to_bytes()?)
}

/// Finishes a data key change the app stopped in the middle of: the database has the new key already, or gets it
/// now; then the key file names only the new key.
fn finish_key_change(dir: &Path, file: &mut KeyFile, current: &DataKey, next: &DataKey) -> Result<Connection> {
    let path = dir.join(DATABASE);
    let conn = match db::open(&path, next) {
        Ok(conn) => conn,
        Err(StoreError::DatabaseUndecryptable) => {
            let conn = db::open(&path, current)?;
            db::rekey(&conn, next)?;
            conn
        }
        Err(e) => return Err(e),
    };
    file.finish_key_change();
    write_key_file(dir, file)?;
    Ok(conn)
}

/// Counts a wrong secret in the key file and starts the next wait; wipes the store when the volunteer chose so and
/// this was the last allowed attempt. Returns the error to answer with.
fn record_failure(dir: &Path, file: &mut KeyFile, gate: &Gate, now: Instant) -> Result<StoreError> {
    file.failed_unlocks = file.failed_unlocks.saturating_add(1);
    if file.wipe_after.is_some_and(|n| file.failed_unlocks >= n) {
        Store::wipe(dir)?;
        return Ok(StoreError::Wiped);
    }
    write_key_file(dir, file)?;
    gate.failed(&dir.join(KEY_FILE), file.failed_unlocks, now);
    Ok(StoreError::WrongSecret { failed_attempts: file.failed_unlocks, wipe_after: file.wipe_after })
}

/// Overwrites a file with zeros in place, flushes, then removes it: the wrapped key (or a backup) is not left in
/// freed blocks on simple file systems. Flash storage with wear levelling may still keep old blocks; what protects
/// the data then is that the data key only ever existed wrapped. A missing file is fine.
pub(crate) fn erase_file(path: &Path) -> Result<()> {
    use std::io::Write;
    let len = match std::fs::metadata(path) {
        Ok(meta) => meta.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    if let Ok(mut file) = std::fs::OpenOptions::new().write(true).open(path) {
        let zeros = vec![0u8; 64 * 1024];
        let mut left = len;
        while left > 0 {
            let n = left.min(zeros.len() as u64) as usize;
            if file.write_all(&zeros[..n]).is_err() {
                break;
            }
            left -= n as u64;
        }
        let _ = file.sync_all();
    }
    std::fs::remove_file(path)?;
    Ok(())
}

impl Store {
    /// Erases a backup file (see [`erase_file`]): backups go with the store when it is wiped.
    pub fn erase_backup(path: &Path) -> Result<()> {
        erase_file(path)
    }

    /// Whether a store has been set up in `dir`.
    pub fn exists(dir: &Path) -> bool {
        dir.join(KEY_FILE).exists()
    }

    /// Sets up a new store: a random data key, wrapped under `passphrase` and a new recovery code, which is
    /// returned to be shown once. Refuses a folder that already holds a store or a stray database.
    pub fn create(dir: &Path, passphrase: &Passphrase, kdf: KdfParams) -> Result<(Store, RecoveryCode)> {
        Self::create_with_schema(dir, passphrase, kdf, migrations::LATEST_SCHEMA_VERSION)
    }

    /// Like [`Store::create`] but stops at an older schema version. Only for tests of upgrades: most methods
    /// need the latest schema.
    #[doc(hidden)]
    pub fn create_with_schema(
        dir: &Path,
        passphrase: &Passphrase,
        kdf: KdfParams,
        schema_version: u32,
    ) -> Result<(Store, RecoveryCode)> {
        if dir.join(KEY_FILE).exists() || dir.join(DATABASE).exists() {
            return Err(StoreError::AlreadyExists);
        }
        std::fs::create_dir_all(dir)?;
        let rng = keys::system_random();
        let key = DataKey::generate(&rng)?;
        let recovery = RecoveryCode::generate(&rng)?;
        // The key file first: if we crash before the database exists, unlocking creates an empty one.
        write_key_file(dir, &KeyFile::new(&key, passphrase, &recovery, kdf, &rng)?)?;
        let mut conn = db::open(&dir.join(DATABASE), &key)?;
        migrations::migrate_to(&mut conn, schema_version)?;
        Ok((Store { conn, key, dir: dir.to_owned(), rng }, recovery))
    }

    /// Unlocks with the passphrase or the recovery code, now, through this process's [`Gate`].
    pub fn unlock(dir: &Path, secret: &Secret) -> Result<Store> {
        Self::unlock_with(dir, secret, Gate::process(), Instant::now())
    }

    /// Unlocks through `gate` at the monotonic time `now` (tests pass their own gate and time). A wrong secret is
    /// counted in the key file; after [`crate::throttle::FREE_ATTEMPTS`] failures each attempt must wait; after the
    /// chosen number of failures, if any, the store is wiped.
    pub fn unlock_with(dir: &Path, secret: &Secret, gate: &Gate, now: Instant) -> Result<Store> {
        let mut file = read_key_file(dir)?;
        let key_path = dir.join(KEY_FILE);
        let wait = gate.remaining(&key_path, file.failed_unlocks, now);
        if wait > 0 {
            return Err(StoreError::Throttled { retry_after_secs: wait });
        }
        let Some(keys) = file.unwrap_keys(secret)? else {
            if file.is_duress(secret)? {
                // Someone made the volunteer open the app: erase, and let the app look freshly installed.
                Store::wipe(dir)?;
                gate.succeeded(&key_path);
                return Err(StoreError::ErasedByDuress);
            }
            return Err(record_failure(dir, &mut file, gate, now)?);
        };
        gate.succeeded(&key_path);
        if file.failed_unlocks > 0 {
            file.failed_unlocks = 0;
            write_key_file(dir, &file)?;
        }
        let (mut conn, key) = match keys.next {
            None => (db::open(&dir.join(DATABASE), &keys.current)?, keys.current),
            Some(next) => (finish_key_change(dir, &mut file, &keys.current, &next)?, next),
        };
        migrations::migrate_to(&mut conn, migrations::LATEST_SCHEMA_VERSION)?;
        Ok(Store { conn, key, dir: dir.to_owned(), rng: keys::system_random() })
    }

    /// Opens an UNENCRYPTED store with the same schema, pragmas and code paths, so the benchmark can report what
    /// encryption costs. Never use it for data: it exists for `make bench` only.
    #[doc(hidden)]
    pub fn open_unencrypted_for_benchmark(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir)?;
        let rng = keys::system_random();
        let mut conn = db::open_with(&dir.join(DATABASE), None)?;
        migrations::migrate_to(&mut conn, migrations::LATEST_SCHEMA_VERSION)?;
        Ok(Store { conn, key: DataKey::generate(&rng)?, dir: dir.to_owned(), rng })
    }

    /// Failed attempts so far and how long to wait before the next one.
    pub fn unlock_status(dir: &Path) -> Result<UnlockStatus> {
        let file = read_key_file(dir)?;
        Ok(UnlockStatus {
            failed_attempts: file.failed_unlocks,
            retry_after_secs: Gate::process().remaining(&dir.join(KEY_FILE), file.failed_unlocks, Instant::now()),
            wipe_after: file.wipe_after,
            discreet: file.discreet,
        })
    }

    /// Chooses whether the app shows itself under a neutral name ("Notities"), from the lock screen on.
    pub fn set_discreet(&mut self, discreet: bool) -> Result<()> {
        let mut file = read_key_file(&self.dir)?;
        file.discreet = discreet;
        write_key_file(&self.dir, &file)
    }

    /// Changes the passphrase after checking the current one, and with it the data key: the database is
    /// re-encrypted, so an old copy of the key file or a backup with the old passphrase does not open it. The old
    /// recovery code stops working too; the new one is returned, to be shown once.
    /// A wrong current passphrase counts as a failed unlock (and is throttled the same way), so someone holding an
    /// unlocked phone cannot use this to guess the passphrase.
    pub fn change_passphrase(&mut self, current: &Passphrase, new: &Passphrase) -> Result<RecoveryCode> {
        let file = self.check_secret(&Secret::Passphrase(current.clone()))?;
        self.change_data_key(file, new)
    }

    /// Sets a new passphrase after unlocking with the recovery code (the passphrase was forgotten). Like
    /// [`Store::change_passphrase`], the data key and the recovery code change too.
    pub fn reset_passphrase(&mut self, recovery: &RecoveryCode, new: &Passphrase) -> Result<RecoveryCode> {
        let file = self.check_secret(&Secret::RecoveryCode(recovery.clone()))?;
        self.change_data_key(file, new)
    }

    /// Makes a new recovery code (the old one was lost or seen by someone), after checking the passphrase. The data
    /// key changes with it, so the old code opens nothing any more, not even an old copy of the key file.
    pub fn new_recovery_code(&mut self, passphrase: &Passphrase) -> Result<RecoveryCode> {
        let file = self.check_secret(&Secret::Passphrase(passphrase.clone()))?;
        self.change_data_key(file, passphrase)
    }

    /// Sets a duress passphrase (after checking the current passphrase), or removes it with `None`. Typed at
    /// unlock, a duress passphrase erases the store, and the app then looks like a fresh install.
    pub fn set_duress_passphrase(&mut self, current: &Passphrase, duress: Option<&Passphrase>) -> Result<()> {
        let mut file = self.check_secret(&Secret::Passphrase(current.clone()))?;
        if duress.is_some_and(|d| d.same_as(current)) {
            return Err(StoreError::DuressSameAsPassphrase);
        }
        file.set_duress(duress, &self.rng)?;
        write_key_file(&self.dir, &file)
    }

    /// Whether a duress passphrase is set.
    pub fn has_duress_passphrase(&self) -> Result<bool> {
        Ok(read_key_file(&self.dir)?.duress.is_some())
    }

    /// Checks a secret of the open store through the throttle; a wrong one counts as a failed unlock.
    fn check_secret(&self, secret: &Secret) -> Result<KeyFile> {
        let mut file = read_key_file(&self.dir)?;
        let (gate, now, key_path) = (Gate::process(), Instant::now(), self.dir.join(KEY_FILE));
        let wait = gate.remaining(&key_path, file.failed_unlocks, now);
        if wait > 0 {
            return Err(StoreError::Throttled { retry_after_secs: wait });
        }
        if file.unwrap_key(secret)?.is_none() {
            return Err(record_failure(&self.dir, &mut file, gate, now)?);
        }
        gate.succeeded(&key_path);
        file.failed_unlocks = 0;
        Ok(file)
    }

    /// Moves the store to a new data key under `passphrase` and a new recovery code, in three steps that each
    /// survive a crash: the key file learns the change (either key then leads to the other), the database is
    /// re-encrypted in one transaction, the key file keeps only the new key. An unlock after a crash at any point
    /// finishes the change ([`finish_key_change`]).
    fn change_data_key(&mut self, mut file: KeyFile, passphrase: &Passphrase) -> Result<RecoveryCode> {
        if file.is_duress(&Secret::Passphrase(passphrase.clone()))? {
            return Err(StoreError::DuressSameAsPassphrase);
        }
        let next = DataKey::generate(&self.rng)?;
        let recovery = RecoveryCode::generate(&self.rng)?;
        file.begin_key_change(&self.key, &next, passphrase, &recovery, &self.rng)?;
        write_key_file(&self.dir, &file)?;
        db::rekey(&self.conn, &next)?;
        self.key = next;
        file.finish_key_change();
        write_key_file(&self.dir, &file)?;
        Ok(recovery)
    }

    /// Chooses to erase everything after `n` failed unlocks in a row (`None`: never). At least 3, so a few typos
    /// never cost a volunteer their records.
    pub fn set_wipe_after(&mut self, n: Option<u32>) -> Result<()> {
        if n.is_some_and(|n| !(3..=100).contains(&n)) {
            return Err(StoreError::InvalidSetting("wipe_after"));
        }
        let mut file = read_key_file(&self.dir)?;
        file.wipe_after = n;
        write_key_file(&self.dir, &file)
    }

    /// Erases the store in `dir`: the key file first (without it the database is unreadable noise), then the
    /// database and its WAL and shared-memory files.
    pub fn wipe(dir: &Path) -> Result<()> {
        erase_file(&dir.join(KEY_FILE))?;
        for name in [
            DATABASE.to_owned(),
            format!("{DATABASE}-wal"),
            format!("{DATABASE}-shm"),
            // Leftovers of an interrupted key-file write or backup.
            "sleutel.tmp".to_owned(),
            "backup-export.tmp".to_owned(),
        ] {
            match std::fs::remove_file(dir.join(name)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }

    /// The folder this store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        migrations::schema_version(&self.conn)
    }

    /// SQLite's `PRAGMA integrity_check`: `true` when it answers "ok".
    pub fn integrity_check(&self) -> Result<bool> {
        let result: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(result == "ok")
    }

    /// The SQLCipher version, proof that the database is encrypted.
    pub fn cipher_version(&self) -> Result<String> {
        Ok(self.conn.query_row("PRAGMA cipher_version", [], |r| r.get(0))?)
    }

    /// The raw connection, for tests that must build an old schema by hand. Not for application code.
    #[doc(hidden)]
    pub fn raw_connection(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn setting(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    pub(crate) fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}
