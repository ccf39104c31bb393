//! The app's session: where the store lives and whether it is unlocked. Command bodies live here as plain
//! functions, so they are tested without a window; `commands.rs` only adapts them to Tauri.
//!
//! One submodule per screen: recording (`records`), drafts of unfinished forms, referrals, my work, sync and
//! settings.

mod drafts;
mod my_work;
mod records;
mod referrals;
mod settings;
mod support;
mod sync;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use sleutel_domain::counts::{Metric, Period};
use sleutel_store::{KdfParams, Passphrase, RecoveryCode, Secret, Store, throttle};

use crate::dto::{AppState, AppStatus, CommandError, HomeSummary, NewRecoveryCode, SecretKind, UnlockSecret};

pub use sync::SyncSettings;

/// The session, cheap to clone: the background sync task holds a clone.
#[derive(Clone)]
pub struct Session {
    inner: Arc<Inner>,
}

struct Inner {
    dir: PathBuf,
    /// Where backups are written and looked for.
    backup_dir: PathBuf,
    kdf: KdfParams,
    /// `None` while locked. Sync takes it only around each local step (`sleutel_sync::StoreAccess`).
    store: Mutex<Option<Store>>,
    sync: sync::SyncRunner,
    /// The app's log folder, emptied with the store when it is erased (`with_log_folder`).
    log_folder: Option<PathBuf>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("dir", &self.inner.dir).finish_non_exhaustive()
    }
}

impl Session {
    pub fn new(dir: PathBuf, backup_dir: PathBuf, kdf: KdfParams, sync: SyncSettings) -> Self {
        Self {
            inner: Arc::new(Inner {
                dir,
                backup_dir,
                kdf,
                store: Mutex::new(None),
                sync: sync::SyncRunner::new(sync),
                log_folder: None,
            }),
        }
    }

    /// The app's log folder: when a wipe or the duress passphrase erases the store, the log is emptied too, so
    /// nothing in it tells of earlier use. Call before the session is shared.
    pub fn with_log_folder(mut self, folder: PathBuf) -> Self {
        if let Some(inner) = Arc::get_mut(&mut self.inner) {
            inner.log_folder = Some(folder);
        }
        self
    }

    fn store(&self) -> MutexGuard<'_, Option<Store>> {
        self.inner.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `step` with the unlocked store, or answers `locked`.
    fn with_store<R>(&self, step: impl FnOnce(&mut Store) -> Result<R, CommandError>) -> Result<R, CommandError> {
        let mut guard = self.store();
        step(guard.as_mut().ok_or_else(locked)?)
    }

    pub fn status(&self) -> Result<AppStatus, CommandError> {
        let open = |state| AppStatus {
            state,
            failed_attempts: 0,
            retry_after_secs: 0,
            wipe_after: None,
            attempts_before_wait: throttle::FREE_ATTEMPTS,
            discreet: false,
        };
        if self.store().is_some() {
            let discreet = Store::unlock_status(&self.inner.dir)?.discreet;
            return Ok(AppStatus { discreet, ..open(AppState::Unlocked) });
        }
        if !Store::exists(&self.inner.dir) {
            return Ok(open(AppState::Setup));
        }
        let s = Store::unlock_status(&self.inner.dir)?;
        Ok(AppStatus {
            state: AppState::Locked,
            failed_attempts: s.failed_attempts,
            retry_after_secs: u32::try_from(s.retry_after_secs).unwrap_or(u32::MAX),
            wipe_after: s.wipe_after,
            attempts_before_wait: throttle::FREE_ATTEMPTS.saturating_sub(s.failed_attempts),
            discreet: s.discreet,
        })
    }

    /// Creates the store. It stays locked: typing the new passphrase once more right away helps remember it.
    pub fn setup(&self, passphrase: &str) -> Result<NewRecoveryCode, CommandError> {
        let passphrase = Passphrase::new_checked(passphrase)?;
        let (store, recovery) = Store::create(&self.inner.dir, &passphrase, self.inner.kdf)?;
        drop(store);
        Ok(NewRecoveryCode { recovery_code: recovery.display() })
    }

    pub fn unlock(&self, secret: UnlockSecret) -> Result<AppStatus, CommandError> {
        let secret = to_secret(&secret)?;
        let mut store = match Store::unlock(&self.inner.dir, &secret) {
            Err(sleutel_store::StoreError::Wiped) => {
                self.erase_traces();
                return Err(sleutel_store::StoreError::Wiped.into());
            }
            // The duress passphrase: everything is gone, and the app answers like a fresh install would.
            Err(sleutel_store::StoreError::ErasedByDuress) => {
                self.erase_traces();
                return self.status();
            }
            other => other?,
        };
        // Records past the retention period go at unlock; counts stay (see sleutel_store::retention).
        store.purge_expired(Self::today())?;
        self.inner.sync.finish_pending_enrolment(&mut store);
        *self.store() = Some(store);
        self.inner.sync.wake();
        self.status()
    }

    /// Locks: closes the database and wipes the key from memory.
    pub fn lock(&self) -> Result<AppStatus, CommandError> {
        self.store().take();
        self.status()
    }

    pub fn home_summary(&self, today: NaiveDate) -> Result<HomeSummary, CommandError> {
        self.with_store(|store| {
            let month = Period::of(today);
            let counts: sleutel_domain::counts::Counts = store.counts_between(month, month)?.into_iter().collect();
            let total = |m: Metric| i32::try_from(counts.total(m)).unwrap_or(i32::MAX);
            Ok(HomeSummary {
                month: month.to_string(),
                follow_ups_due: u32::try_from(store.follow_ups_due(today)?.len()).unwrap_or(u32::MAX),
                activities: total(Metric::Activities),
                participants: total(Metric::Participants),
                referrals: total(Metric::Referrals),
            })
        })
    }

    /// The volunteer's calendar date (local time: a visit at half past midnight belongs to the new day).
    pub fn today() -> NaiveDate {
        chrono::Local::now().date_naive()
    }
}

/// A window title from the UI: short, one line, no control characters.
pub fn window_title(title: &str) -> Result<&str, CommandError> {
    let title = title.trim();
    if title.is_empty() || title.chars().count() > 40 || title.chars().any(char::is_control) {
        return Err(CommandError::new("invalid_setting", "a window title is 1 to 40 characters on one line"));
    }
    Ok(title)
}

fn to_secret(secret: &UnlockSecret) -> Result<Secret, CommandError> {
    Ok(match secret.kind {
        SecretKind::Passphrase => Secret::Passphrase(Passphrase::new(&secret.value)),
        SecretKind::RecoveryCode => Secret::RecoveryCode(RecoveryCode::parse(&secret.value)?),
    })
}

fn locked() -> CommandError {
    CommandError::new("locked", "the app is locked")
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn session() -> (tempfile::TempDir, Session) {
        let dir = tempfile::tempdir().expect("tempdir");
        let session = Session::new(
            dir.path().join("data"),
            dir.path().join("backups"),
            KdfParams::INSECURE_FOR_TESTS,
            SyncSettings::default(),
        );
        (dir, session)
    }

    pub(crate) fn passphrase(value: &str) -> UnlockSecret {
        UnlockSecret { kind: SecretKind::Passphrase, value: value.to_owned().into() }
    }

    #[test]
    fn first_start_setup_then_unlock_then_lock() {
        let (_dir, s) = session();
        assert_eq!(s.status().expect("status").state, AppState::Setup);
        assert_eq!(s.setup("kort").map_err(|e| e.code).err().as_deref(), Some("passphrase_too_short"));
        let code = s.setup("een lange wachtzin").expect("created").recovery_code;
        assert_eq!(code.len(), 24);
        assert_eq!(s.status().expect("status").state, AppState::Locked);
        let err = s.unlock(passphrase("fout fout fout")).expect_err("wrong");
        assert_eq!(err.code, "wrong_secret");
        let after_one = s.status().expect("status");
        assert_eq!((after_one.failed_attempts, after_one.attempts_before_wait), (1, throttle::FREE_ATTEMPTS - 1));
        assert_eq!(s.home_summary(Session::today()).map_err(|e| e.code).err().as_deref(), Some("locked"));
        assert_eq!(s.unlock(passphrase("een lange wachtzin")).expect("unlocks").state, AppState::Unlocked);
        assert_eq!(s.home_summary(Session::today()).expect("summary").activities, 0);
        assert_eq!(s.lock().expect("locks").state, AppState::Locked);
        let by_code = UnlockSecret { kind: SecretKind::RecoveryCode, value: code.to_lowercase().into() };
        assert_eq!(s.unlock(by_code).expect("recovery code works").state, AppState::Unlocked);
    }

    #[test]
    fn window_titles_are_short_single_lines() {
        assert_eq!(window_title(" Notities ").expect("fine"), "Notities");
        for bad in ["", "   ", "een\ntweede regel", &"x".repeat(41)] {
            assert_eq!(window_title(bad).map_err(|e| e.code).err().as_deref(), Some("invalid_setting"), "{bad:?}");
        }
    }

    #[test]
    fn a_malformed_recovery_code_is_a_clear_error() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        let err = s
            .unlock(UnlockSecret { kind: SecretKind::RecoveryCode, value: String::from("nope").into() })
            .expect_err("bad");
        assert_eq!(err.code, "recovery_code_malformed");
        assert_eq!(s.status().expect("status").failed_attempts, 0, "a typo in the format is not a failed attempt");
    }

    #[test]
    fn secrets_never_print() {
        let secret = passphrase("geheime zin");
        assert!(!format!("{secret:?}").contains("geheime"));
        let result = NewRecoveryCode { recovery_code: String::from("ABCD-EFGH").into() };
        assert!(!format!("{result:?}").contains("ABCD"));
    }
}
