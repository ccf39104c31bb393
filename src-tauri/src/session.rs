//! The app's session: where the store lives and whether it is unlocked. Command bodies live here as plain
//! functions, so they are tested without a window; `commands.rs` only adapts them to Tauri.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::{NaiveDate, Utc};
use sleutel_domain::counts::{Metric, Period};
use sleutel_store::{KdfParams, Passphrase, RecoveryCode, Secret, Store};

use sleutel_domain::pii::{self, Finding};
use sleutel_domain::{Activity, ActivityInput, reference};

use crate::dto::{
    AppState, AppStatus, CommandError, FormDefaults, HomeSummary, MunicipalityChoice, ReferenceData, Saved, SecretKind,
    SetupResult, UnlockSecret,
};

/// How many recent activities decide the "frequent themes" chips.
const RECENT_FOR_THEMES: u32 = 50;

pub struct Session {
    dir: PathBuf,
    kdf: KdfParams,
    store: Mutex<Option<Store>>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("dir", &self.dir).finish_non_exhaustive()
    }
}

impl Session {
    pub fn new(dir: PathBuf, kdf: KdfParams) -> Self {
        Self { dir, kdf, store: Mutex::new(None) }
    }

    fn store(&self) -> std::sync::MutexGuard<'_, Option<Store>> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn status(&self) -> Result<AppStatus, CommandError> {
        if self.store().is_some() {
            return Ok(AppStatus {
                state: AppState::Unlocked,
                failed_attempts: 0,
                retry_after_secs: 0,
                wipe_after: None,
            });
        }
        if !Store::exists(&self.dir) {
            return Ok(AppStatus { state: AppState::Setup, failed_attempts: 0, retry_after_secs: 0, wipe_after: None });
        }
        let s = Store::unlock_status(&self.dir)?;
        Ok(AppStatus {
            state: AppState::Locked,
            failed_attempts: s.failed_attempts,
            retry_after_secs: u32::try_from(s.retry_after_secs).unwrap_or(u32::MAX),
            wipe_after: s.wipe_after,
        })
    }

    /// Creates the store. It stays locked: typing the new passphrase once more right away helps remember it.
    pub fn setup(&self, passphrase: &str) -> Result<SetupResult, CommandError> {
        let passphrase = Passphrase::new_checked(passphrase)?;
        let (store, recovery) = Store::create(&self.dir, &passphrase, self.kdf)?;
        drop(store);
        Ok(SetupResult { recovery_code: recovery.display().to_string() })
    }

    pub fn unlock(&self, secret: UnlockSecret) -> Result<AppStatus, CommandError> {
        let secret = match secret.kind {
            SecretKind::Passphrase => Secret::Passphrase(Passphrase::new(&secret.value)),
            SecretKind::RecoveryCode => Secret::RecoveryCode(RecoveryCode::parse(&secret.value)?),
        };
        let store = Store::unlock(&self.dir, &secret)?;
        *self.store() = Some(store);
        self.status()
    }

    /// Locks: closes the database and wipes the key from memory.
    pub fn lock(&self) -> Result<AppStatus, CommandError> {
        self.store().take();
        self.status()
    }

    pub fn home_summary(&self, today: NaiveDate) -> Result<HomeSummary, CommandError> {
        let guard = self.store();
        let store = guard.as_ref().ok_or_else(locked)?;
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
    }

    pub fn reference_data() -> ReferenceData {
        let codes = |list: &reference::ReferenceList| list.entries.iter().map(|e| e.code.to_owned()).collect();
        ReferenceData {
            activity_types: codes(&reference::ACTIVITY_TYPES),
            themes: codes(&reference::THEMES),
            location_types: codes(&reference::LOCATION_TYPES),
            languages: codes(&reference::LANGUAGES),
            organisations: codes(&reference::ORGANISATIONS),
            municipalities: reference::municipalities()
                .iter()
                .map(|m| MunicipalityChoice { code: m.code.into(), name: m.name.into() })
                .collect(),
        }
    }

    /// Live warnings for a note: never stored, never logged.
    pub fn pii_check(text: &str, today: NaiveDate) -> Vec<Finding> {
        pii::detect(text, today)
    }

    pub fn form_defaults(&self, today: NaiveDate) -> Result<FormDefaults, CommandError> {
        let guard = self.store();
        let store = guard.as_ref().ok_or_else(locked)?;
        let recent = store.list_activities(&sleutel_store::ActivityFilter {
            limit: RECENT_FOR_THEMES,
            ..sleutel_store::ActivityFilter::default()
        })?;
        let mut uses: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for stored in &recent.items {
            for theme in stored.activity.themes.iter() {
                *uses.entry(theme.as_str()).or_default() += 1;
            }
        }
        let mut frequent: Vec<(&str, usize)> = uses.into_iter().collect();
        frequent.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        Ok(FormDefaults {
            date: today.format("%Y-%m-%d").to_string(),
            municipality: store.preference("last_municipality")?,
            languages: store
                .preference("last_languages")?
                .map(|l| l.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect())
                .unwrap_or_default(),
            frequent_themes: frequent.into_iter().take(5).map(|(t, _)| t.to_owned()).collect(),
        })
    }

    /// Validates (in the domain) and saves an activity; remembers municipality and languages for the next form.
    pub fn record_activity(&self, input: &ActivityInput, today: NaiveDate) -> Result<Saved, CommandError> {
        let activity = Activity::from_input(input, today)?;
        let mut guard = self.store();
        let store = guard.as_mut().ok_or_else(locked)?;
        let id = store.create_activity(&activity)?;
        store.set_preference("last_municipality", activity.municipality.as_str())?;
        let languages: Vec<&str> = activity.languages.iter().map(|l| l.as_str()).collect();
        store.set_preference("last_languages", &languages.join(","))?;
        Ok(Saved { id })
    }

    /// Deletes an activity and returns its form, so the UI can offer undo by saving it again.
    pub fn delete_activity(&self, id: i64) -> Result<ActivityInput, CommandError> {
        let mut guard = self.store();
        let store = guard.as_mut().ok_or_else(locked)?;
        Ok(store.delete_activity(id)?.activity.to_input())
    }

    pub fn today() -> NaiveDate {
        Utc::now().date_naive()
    }
}

fn locked() -> CommandError {
    CommandError { code: "locked".into(), message: "the app is locked".into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> (tempfile::TempDir, Session) {
        let dir = tempfile::tempdir().expect("tempdir");
        let session = Session::new(dir.path().join("data"), KdfParams::INSECURE_FOR_TESTS);
        (dir, session)
    }

    fn passphrase(value: &str) -> UnlockSecret {
        UnlockSecret { kind: SecretKind::Passphrase, value: value.into() }
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
        assert_eq!(s.status().expect("status").failed_attempts, 1);
        assert_eq!(s.home_summary(Session::today()).map_err(|e| e.code).err().as_deref(), Some("locked"));
        assert_eq!(s.unlock(passphrase("een lange wachtzin")).expect("unlocks").state, AppState::Unlocked);
        assert_eq!(s.home_summary(Session::today()).expect("summary").activities, 0);
        assert_eq!(s.lock().expect("locks").state, AppState::Locked);
        let by_code = UnlockSecret { kind: SecretKind::RecoveryCode, value: code.to_lowercase() };
        assert_eq!(s.unlock(by_code).expect("recovery code works").state, AppState::Unlocked);
    }

    fn visit(municipality: &str, themes: &[&str]) -> ActivityInput {
        ActivityInput {
            kind: "home_visit".into(),
            date: Session::today().format("%Y-%m-%d").to_string(),
            duration_minutes: 45,
            municipality: municipality.into(),
            location: "home".into(),
            languages: vec!["tr".into(), "nl".into()],
            themes: themes.iter().map(|t| (*t).to_owned()).collect(),
            women: 1,
            ..ActivityInput::default()
        }
    }

    #[test]
    fn recording_validates_in_the_domain_remembers_choices_and_can_be_undone() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        let today = Session::today();
        assert_eq!(
            s.record_activity(&visit("GM0202", &["opvoeding"]), today).map_err(|e| e.code).err().as_deref(),
            Some("locked")
        );
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");

        let mut bad = visit("GM0202", &["opvoeding"]);
        bad.duration_minutes = 0;
        let err = s.record_activity(&bad, today).expect_err("invalid");
        assert_eq!(err.code, "duration_out_of_range");

        s.record_activity(&visit("GM0202", &["opvoeding", "isolement"]), today).expect("saved");
        let last = s.record_activity(&visit("GM0855", &["opvoeding"]), today).expect("saved");
        let defaults = s.form_defaults(today).expect("defaults");
        assert_eq!(defaults.municipality.as_deref(), Some("GM0855"));
        assert_eq!(defaults.languages, ["nl", "tr"]);
        assert_eq!(defaults.frequent_themes, ["opvoeding", "isolement"]);
        assert_eq!(s.home_summary(today).expect("summary").activities, 2);

        let undo = s.delete_activity(last.id).expect("deleted");
        assert_eq!(s.home_summary(today).expect("summary").activities, 1);
        s.record_activity(&undo, today).expect("undo saves it again");
        assert_eq!(s.home_summary(today).expect("summary").participants, 2);
    }

    #[test]
    fn reference_data_and_pii_warnings_come_from_the_domain() {
        let data = Session::reference_data();
        assert_eq!(data.municipalities.len(), 342);
        assert!(data.themes.iter().any(|t| t == "huwelijksdwang"));
        let findings = Session::pii_check("bel 06-12345678", Session::today());
        assert_eq!(findings.len(), 1);
        assert_eq!((findings[0].start_utf16, findings[0].end_utf16), (4, 15));
    }

    #[test]
    fn a_malformed_recovery_code_is_a_clear_error() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        let err = s.unlock(UnlockSecret { kind: SecretKind::RecoveryCode, value: "nope".into() }).expect_err("bad");
        assert_eq!(err.code, "recovery_code_malformed");
        assert_eq!(s.status().expect("status").failed_attempts, 0, "a typo in the format is not a failed attempt");
    }

    #[test]
    fn secrets_never_print() {
        let secret = passphrase("geheime zin");
        assert!(!format!("{secret:?}").contains("geheime"));
        let result = SetupResult { recovery_code: "ABCD-EFGH".into() };
        assert!(!format!("{result:?}").contains("ABCD"));
    }
}
