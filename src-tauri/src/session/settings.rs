//! Settings: auto-lock time, retention period, wipe after failed unlocks, the passphrase, and encrypted backups.
//! The language is chosen in the UI and kept outside the store, because it is needed before unlocking.

use std::path::{Path, PathBuf};

use sleutel_store::{Passphrase, Store};

use super::{Session, to_secret};
use crate::dto::{AppSettings, AppStatus, BackupFile, CommandError, NewRecoveryCode, UnlockSecret};

/// Backups are files named `sleutel-backup-….sleutel` in the backup folder.
const BACKUP_PREFIX: &str = "sleutel-backup-";
const BACKUP_EXTENSION: &str = "sleutel";

impl Session {
    pub fn settings(&self) -> Result<AppSettings, CommandError> {
        self.with_store(|store| {
            let key_file = Store::unlock_status(store.dir())?;
            Ok(AppSettings {
                auto_lock_minutes: store.auto_lock_minutes()?,
                retention_months: store.retention_months()?,
                wipe_after: key_file.wipe_after,
                discreet: key_file.discreet,
                duress_passphrase_set: store.has_duress_passphrase()?,
            })
        })
    }

    /// Saves all settings, or none: each is checked before anything is written.
    pub fn update_settings(&self, settings: &AppSettings) -> Result<AppSettings, CommandError> {
        let invalid = |name: &str| CommandError::new("invalid_setting", &format!("invalid {name}"));
        if !(1..=30).contains(&settings.auto_lock_minutes) {
            return Err(invalid("auto_lock_minutes"));
        }
        if !(1..=120).contains(&settings.retention_months) {
            return Err(invalid("retention_months"));
        }
        if settings.wipe_after.is_some_and(|n| !(3..=100).contains(&n)) {
            return Err(invalid("wipe_after"));
        }
        self.with_store(|store| {
            store.set_auto_lock_minutes(settings.auto_lock_minutes)?;
            store.set_retention_months(settings.retention_months)?;
            store.set_wipe_after(settings.wipe_after)?;
            store.set_discreet(settings.discreet)?;
            store.purge_expired(Self::today())?;
            Ok(())
        })?;
        self.settings()
    }

    /// Changes the passphrase and with it the data key; the old recovery code stops working and the new one is
    /// returned to be shown once.
    pub fn change_passphrase(&self, current: &str, new: &str) -> Result<NewRecoveryCode, CommandError> {
        let new = Passphrase::new_checked(new)?;
        let code = self.with_store(|store| Ok(store.change_passphrase(&Passphrase::new(current), &new)?))?;
        Ok(NewRecoveryCode { recovery_code: code.display() })
    }

    /// Sets a duress passphrase (or removes it with `None`), after checking the current passphrase. Typed at
    /// unlock, it erases the store and the backups, and the app shows a first start.
    pub fn set_duress_passphrase(&self, current: &str, duress: Option<&str>) -> Result<AppSettings, CommandError> {
        let duress = duress.map(Passphrase::new_checked).transpose()?;
        self.with_store(|store| Ok(store.set_duress_passphrase(&Passphrase::new(current), duress.as_ref())?))?;
        self.settings()
    }

    /// Makes a new recovery code (the old one stops working), after checking the passphrase.
    pub fn new_recovery_code(&self, passphrase: &str) -> Result<NewRecoveryCode, CommandError> {
        let code = self.with_store(|store| Ok(store.new_recovery_code(&Passphrase::new(passphrase))?))?;
        Ok(NewRecoveryCode { recovery_code: code.display() })
    }

    /// Writes an encrypted backup into the backup folder and returns it.
    pub fn create_backup(&self) -> Result<BackupFile, CommandError> {
        std::fs::create_dir_all(&self.inner.backup_dir).map_err(sleutel_store::StoreError::from)?;
        let name = format!("{BACKUP_PREFIX}{}.{BACKUP_EXTENSION}", chrono::Local::now().format("%Y-%m-%d-%H%M%S"));
        let path = self.inner.backup_dir.join(&name);
        self.with_store(|store| Ok(store.backup_to(&path)?))?;
        describe(&path).ok_or_else(|| CommandError::new("not_found", "backup missing"))
    }

    /// Backups in the backup folder, newest first.
    pub fn backups(&self) -> Result<Vec<BackupFile>, CommandError> {
        let Ok(entries) = std::fs::read_dir(&self.inner.backup_dir) else { return Ok(Vec::new()) };
        let mut files: Vec<BackupFile> = entries.filter_map(|e| describe(&e.ok()?.path())).collect();
        files.sort_by(|a, b| b.name.cmp(&a.name));
        Ok(files)
    }

    /// Replaces what is on this device by a backup, opened with the passphrase or recovery code that were valid
    /// when it was made. The current data is removed only after the restored store has been opened; if the app
    /// stops half-way, [`Session::finish_interrupted_restore`] puts things right at the next start. No sync runs
    /// meanwhile (it would mix the two stores' outboxes).
    ///
    /// Only from an unlocked app or at first start: someone holding a locked phone cannot use a backup to get past
    /// the unlock screen. Wrong secrets are counted and throttled like unlocking (see `Store::restore_backup`).
    pub async fn restore_backup(&self, name: &str, secret: &UnlockSecret) -> Result<AppStatus, CommandError> {
        let _no_sync = self.inner.sync.gate.lock().await;
        if Store::exists(&self.inner.dir) && self.store().is_none() {
            return Err(super::locked());
        }
        let backup = self
            .backups()?
            .into_iter()
            .find(|b| b.name == name)
            .ok_or_else(|| CommandError::new("not_found", "no such backup"))?;
        let secret = to_secret(secret)?;
        let dir = &self.inner.dir;
        let (staging, previous) = (sibling(dir, "restoring"), sibling(dir, "previous"));
        remove_store_dir(&staging)?;
        self.finish_interrupted_restore()?;
        let attempts = sibling(dir, "restore-attempts");
        drop(Store::restore_backup(&self.inner.backup_dir.join(&backup.name), &staging, &secret, &attempts)?);
        let mut guard = self.store();
        guard.take();
        if dir.exists() {
            std::fs::rename(dir, &previous).map_err(sleutel_store::StoreError::from)?;
        }
        let restored = std::fs::rename(&staging, dir)
            .map_err(CommandError::from_io)
            .and_then(|()| Ok(Store::unlock(dir, &secret)?));
        match restored {
            Ok(store) => {
                *guard = Some(store);
                drop(guard);
                // Best effort: a leftover is wiped at the next start.
                let _ = remove_store_dir(&previous);
                self.inner.sync.wake();
                self.status()
            }
            Err(e) => {
                // Put the data that was there back in place.
                if previous.exists() {
                    let _ = remove_store_dir(dir);
                    let _ = std::fs::rename(&previous, dir);
                }
                Err(e)
            }
        }
    }

    /// Completes or undoes a restore that was interrupted (the app stopped between the two renames): the data that
    /// was there comes back when no restored store took its place; leftovers are wiped.
    pub fn finish_interrupted_restore(&self) -> Result<(), CommandError> {
        let dir = &self.inner.dir;
        let previous = sibling(dir, "previous");
        if previous.exists() {
            if Store::exists(dir) {
                remove_store_dir(&previous)?;
            } else {
                remove_store_dir(dir)?;
                std::fs::rename(&previous, dir).map_err(CommandError::from_io)?;
            }
        }
        remove_store_dir(&sibling(dir, "restoring"))
    }
}

impl Session {
    /// When the store is erased, what tells of it goes too: every backup in the backup folder, and the log.
    pub(crate) fn erase_traces(&self) {
        for backup in self.backups().unwrap_or_default() {
            let _ = Store::erase_backup(&self.inner.backup_dir.join(backup.name));
        }
        if let Some(folder) = &self.inner.log_folder {
            crate::app_log::clear(folder);
        }
    }
}

fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let mut name = dir.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{suffix}"));
    dir.with_file_name(name)
}

fn remove_store_dir(dir: &Path) -> Result<(), CommandError> {
    if dir.exists() {
        Store::wipe(dir)?;
        std::fs::remove_dir_all(dir).map_err(sleutel_store::StoreError::from)?;
    }
    Ok(())
}

fn describe(path: &Path) -> Option<BackupFile> {
    let name = path.file_name()?.to_str()?.to_owned();
    if !name.starts_with(BACKUP_PREFIX) || path.extension()? != BACKUP_EXTENSION {
        return None;
    }
    let meta = std::fs::metadata(path).ok()?;
    Some(BackupFile { name, folder: path.parent()?.display().to_string(), bytes: meta.len() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dto::AppState;
    use crate::session::tests::{passphrase, session};
    use sleutel_domain::ActivityInput;

    fn visit() -> ActivityInput {
        ActivityInput {
            kind: "home_visit".into(),
            date: Session::today().format("%Y-%m-%d").to_string(),
            duration_minutes: 30,
            municipality: "GM0363".into(),
            location: "home".into(),
            languages: vec!["nl".into()],
            themes: vec!["opvoeding".into()],
            women: 1,
            ..ActivityInput::default()
        }
    }

    #[test]
    fn settings_are_checked_before_anything_is_saved() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let defaults = s.settings().expect("settings");
        assert_eq!(defaults.auto_lock_minutes, 2);
        assert_eq!(defaults.wipe_after, None);
        let bad = AppSettings { wipe_after: Some(1), ..defaults.clone() };
        assert_eq!(s.update_settings(&bad).expect_err("wipe after 1").code, "invalid_setting");
        assert_eq!(s.settings().expect("settings"), defaults, "nothing saved");
        let good = AppSettings { auto_lock_minutes: 5, retention_months: 24, wipe_after: Some(10), ..defaults.clone() };
        assert_eq!(s.update_settings(&good).expect("saved"), good);
        s.lock().expect("locks");
        assert_eq!(s.status().expect("status").wipe_after, Some(10));
    }

    #[test]
    fn the_passphrase_changes_only_with_the_current_one() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        assert_eq!(s.change_passphrase("fout", "een nieuwe wachtzin").expect_err("wrong").code, "wrong_secret");
        assert_eq!(s.change_passphrase("een lange wachtzin", "kort").expect_err("short").code, "passphrase_too_short");
        let code = s.change_passphrase("een lange wachtzin", "een nieuwe wachtzin").expect("changed");
        s.lock().expect("locks");
        assert_eq!(s.unlock(passphrase("een lange wachtzin")).expect_err("old").code, "wrong_secret");
        assert_eq!(s.unlock(passphrase("een nieuwe wachtzin")).expect("new").state, AppState::Unlocked);
        assert_eq!(s.new_recovery_code("fout fout fout").expect_err("wrong").code, "wrong_secret");
        let newest = s.new_recovery_code("een nieuwe wachtzin").expect("made");
        s.lock().expect("locks");
        let by = |code: &str| crate::dto::UnlockSecret {
            kind: crate::dto::SecretKind::RecoveryCode,
            value: code.to_owned().into(),
        };
        assert_eq!(s.unlock(by(&code.recovery_code)).expect_err("replaced").code, "wrong_secret");
        assert_eq!(s.unlock(by(&newest.recovery_code)).expect("newest").state, AppState::Unlocked);
    }

    #[test]
    fn a_backup_restores_over_newer_data_and_a_wrong_secret_changes_nothing() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let today = Session::today();
        s.record_activity(&visit(), today).expect("saved");
        let backup = s.create_backup().expect("backup");
        assert!(backup.bytes > 0);
        assert_eq!(s.backups().expect("list"), vec![backup.clone()]);
        s.record_activity(&visit(), today).expect("saved after the backup");
        assert_eq!(s.home_summary(today).expect("summary").activities, 2);

        let rt = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
        let err = rt.block_on(s.restore_backup(&backup.name, &passphrase("fout fout fout"))).expect_err("wrong");
        assert_eq!(err.code, "wrong_secret");
        assert_eq!(s.home_summary(today).expect("still unlocked").activities, 2, "nothing changed");
        let err = rt
            .block_on(s.restore_backup("../../etc/passwd", &passphrase("een lange wachtzin")))
            .expect_err("not a backup");
        assert_eq!(err.code, "not_found");

        let status = rt.block_on(s.restore_backup(&backup.name, &passphrase("een lange wachtzin"))).expect("restored");
        assert_eq!(status.state, AppState::Unlocked);
        assert_eq!(s.home_summary(today).expect("summary").activities, 1);
        s.lock().expect("locks");
        assert_eq!(s.unlock(passphrase("een lange wachtzin")).expect("unlocks again").state, AppState::Unlocked);
    }

    /// Someone holding a locked phone cannot restore a backup; wiping the store after the chosen number of failed
    /// unlocks erases its backups too, so a first start finds nothing to guess at.
    #[test]
    fn a_locked_app_restores_nothing_and_a_wipe_takes_the_backups_along() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let settings = AppSettings { wipe_after: Some(3), ..s.settings().expect("settings") };
        s.update_settings(&settings).expect("saved");
        let backup = s.create_backup().expect("backup");
        s.lock().expect("locks");

        let rt = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
        let err = rt.block_on(s.restore_backup(&backup.name, &passphrase("een lange wachtzin"))).expect_err("locked");
        assert_eq!(err.code, "locked");
        for _ in 0..2 {
            assert_eq!(s.unlock(passphrase("fout fout fout")).expect_err("wrong").code, "wrong_secret");
        }
        assert_eq!(s.unlock(passphrase("fout fout fout")).expect_err("wiped").code, "store_wiped");
        assert_eq!(s.status().expect("status").state, AppState::Setup);
        assert!(s.backups().expect("list").is_empty(), "the backups went with the store");
    }

    /// The duress passphrase at unlock: the store and its backups are gone and the app answers exactly as at a first
    /// start. The neutral name is chosen in the settings and shows from the lock screen on.
    #[test]
    fn the_duress_passphrase_leaves_a_first_start_and_the_neutral_name_shows_on_the_lock_screen() {
        let (dir, s) = session();
        // The app's log, with a line of earlier use and a rotated file.
        let logs = dir.path().join("logs");
        let s = s.with_log_folder(logs.clone());
        std::fs::create_dir_all(&logs).expect("log folder");
        std::fs::write(logs.join("sleutel.log"), "[INFO] Sleutel 0.1.0 started\n").expect("log");
        std::fs::write(logs.join("sleutel_2026-11-01_10-00-00.log"), "[WARN] sync fails: network\n").expect("old log");
        let first_start = s.status().expect("status");
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let settings = s.settings().expect("settings");
        assert!(!settings.discreet && !settings.duress_passphrase_set);
        let discreet = s.update_settings(&AppSettings { discreet: true, ..settings }).expect("saved");
        assert!(discreet.discreet);
        assert_eq!(
            s.set_duress_passphrase("fout fout fout", Some("alles is goed")).expect_err("checked").code,
            "wrong_secret"
        );
        assert_eq!(
            s.set_duress_passphrase("een lange wachtzin", Some("kort")).expect_err("short").code,
            "passphrase_too_short"
        );
        assert!(
            s.set_duress_passphrase("een lange wachtzin", Some("alles is goed")).expect("set").duress_passphrase_set
        );
        s.record_activity(&visit(), Session::today()).expect("saved");
        s.create_backup().expect("backup");
        s.lock().expect("locks");
        assert!(s.status().expect("status").discreet, "the lock screen knows the neutral name");

        let after = s.unlock(passphrase("alles is goed")).expect("answers like a first start");
        assert_eq!(after, first_start);
        assert!(s.backups().expect("list").is_empty(), "the backups went too");
        assert_eq!(std::fs::read(logs.join("sleutel.log")).expect("the open log stays").len(), 0, "emptied");
        assert_eq!(std::fs::read_dir(&logs).expect("log folder").count(), 1, "the rotated log went");
        assert_eq!(s.unlock(passphrase("een lange wachtzin")).expect_err("gone").code, "store_not_initialised");
    }

    #[test]
    fn an_interrupted_restore_gives_the_old_data_back_at_the_next_start() {
        let (dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        s.record_activity(&visit(), Session::today()).expect("saved");
        s.lock().expect("locks");
        // The app stopped right after moving the current store aside.
        let store_dir = dir.path().join("data");
        std::fs::rename(&store_dir, dir.path().join("data.previous")).expect("moved aside");
        std::fs::create_dir_all(dir.path().join("data.restoring")).expect("half-restored leftover");
        s.finish_interrupted_restore().expect("finished");
        assert_eq!(s.status().expect("status").state, AppState::Locked, "the old store is back");
        assert!(!dir.path().join("data.restoring").exists());
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        assert_eq!(s.home_summary(Session::today()).expect("summary").activities, 1);
    }
}
