//! One process per data folder. The app's shell keeps a second start from running (it hands over to the first
//! window), but that needs a desktop session bus; this lock is what holds without one: a second process cannot take
//! it while the first lives, so two processes never open one store and key file. The operating system releases it
//! when the process ends, also after a crash, so there is nothing stale to clean up.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::{Result, StoreError};

/// The lock file inside a data folder. It holds nothing; only the lock on it matters.
pub const LOCK_FILE: &str = "sleutel.lock";

/// Held for as long as this process uses the folder; dropping it releases the folder.
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
    path: PathBuf,
}

impl FolderLock {
    /// Takes the folder (creating it when missing), or answers `StoreError::InUse` when another process holds it.
    pub fn acquire(folder: &Path) -> Result<Self> {
        std::fs::create_dir_all(folder)?;
        let path = folder.join(LOCK_FILE);
        let file = OpenOptions::new().create(true).truncate(false).write(true).open(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(StoreError::InUse),
            Err(TryLockError::Error(e)) => Err(e.into()),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // a panic is the failure report

    use super::*;

    #[test]
    fn a_folder_is_held_by_one_lock_at_a_time_and_free_again_once_it_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("data");
        let first = FolderLock::acquire(&folder).unwrap();
        assert!(first.path().is_file());
        assert!(matches!(FolderLock::acquire(&folder), Err(StoreError::InUse)));
        drop(first);
        let again = FolderLock::acquire(&folder).unwrap();
        assert_eq!(again.path(), folder.join(LOCK_FILE));
    }

    #[test]
    fn another_process_cannot_take_a_held_folder() {
        // A child process (this test binary, running the helper below) tries the folder this process holds.
        let dir = tempfile::tempdir().unwrap();
        let _held = FolderLock::acquire(dir.path()).unwrap();
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "folder_lock::tests::try_the_folder_named_by_the_environment", "--nocapture"])
            .env("SLEUTEL_TEST_LOCK_FOLDER", dir.path())
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&status.stderr);
        assert!(out.contains("lock: in use"), "{out}");
    }

    /// Not a test on its own: the other process of `another_process_cannot_take_a_held_folder`.
    #[test]
    fn try_the_folder_named_by_the_environment() {
        let Some(folder) = std::env::var_os("SLEUTEL_TEST_LOCK_FOLDER") else { return };
        match FolderLock::acquire(Path::new(&folder)) {
            Err(StoreError::InUse) => eprintln!("lock: in use"),
            other => eprintln!("lock: {other:?}"),
        }
    }
}
