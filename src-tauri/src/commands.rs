//! Tauri commands: each parses its arguments, calls the session, and returns `{code, message}` on error. Every
//! command that touches the store is async, so key derivation or a busy store never blocks the window's thread.
//! The list here, the permissions in `build.rs` and the main window's capability are kept equal by a test.

use tauri::State;
use zeroize::Zeroizing;

use sleutel_domain::pii::Finding;
use sleutel_domain::{ActivityInput, DraftForm, ReferralInput, ReferralStatus};

use crate::dto::{
    ActivityListItem, AppSettings, AppStatus, BackupFile, CommandError, DraftView, EnrolmentLinkView, FormDefaults,
    HomeSummary, MyWork, NewRecoveryCode, ReferenceData, ReferralView, Saved, SupportView, SyncView, UnlockSecret,
};
use crate::session::Session;

type Reply<T> = Result<T, CommandError>;

// Unlocking and locking.

#[tauri::command]
pub async fn app_status(session: State<'_, Session>) -> Reply<AppStatus> {
    session.status()
}

#[tauri::command]
pub async fn setup(session: State<'_, Session>, passphrase: Zeroizing<String>) -> Reply<NewRecoveryCode> {
    session.setup(&passphrase)
}

#[tauri::command]
pub async fn unlock(session: State<'_, Session>, secret: UnlockSecret) -> Reply<AppStatus> {
    session.unlock(secret)
}

#[tauri::command]
pub async fn lock(session: State<'_, Session>) -> Reply<AppStatus> {
    session.lock()
}

/// The window's title follows the screen: the neutral screen after a quick exit is titled like it ("Notities"), so
/// the task switcher does not say "Sleutel" either. The UI passes the translated text.
#[tauri::command]
pub fn set_window_title(window: tauri::WebviewWindow, title: String) -> Reply<()> {
    let title = crate::session::window_title(&title)?;
    window.set_title(title).map_err(|e| CommandError::new("window_unavailable", &e.to_string()))
}

#[tauri::command]
pub async fn home_summary(session: State<'_, Session>) -> Reply<HomeSummary> {
    session.home_summary(Session::today())
}

// Recording activities.

#[tauri::command]
pub fn reference_data() -> ReferenceData {
    Session::reference_data()
}

#[tauri::command]
pub fn pii_check(text: String) -> Vec<Finding> {
    Session::pii_check(&text, Session::today())
}

#[tauri::command]
pub async fn form_defaults(session: State<'_, Session>, kind: String) -> Reply<FormDefaults> {
    session.form_defaults(&kind, Session::today())
}

#[tauri::command]
pub async fn record_activity(session: State<'_, Session>, input: ActivityInput) -> Reply<Saved> {
    session.record_activity(&input, Session::today())
}

#[tauri::command]
pub async fn get_activity(session: State<'_, Session>, id: i64) -> Reply<ActivityInput> {
    session.activity(id)
}

#[tauri::command]
pub async fn update_activity(session: State<'_, Session>, id: i64, input: ActivityInput) -> Reply<Saved> {
    session.update_activity(id, &input, Session::today())
}

#[tauri::command]
pub async fn delete_activity(session: State<'_, Session>, id: i64) -> Reply<ActivityInput> {
    session.delete_activity(id)
}

#[tauri::command]
pub async fn recent_activities(session: State<'_, Session>) -> Reply<Vec<ActivityListItem>> {
    session.recent_activities()
}

// Drafts: the unfinished form, kept in the encrypted store.

#[tauri::command]
pub async fn save_draft(session: State<'_, Session>, form: DraftForm, body: String) -> Reply<()> {
    session.save_draft(form, &body)
}

#[tauri::command]
pub async fn draft(session: State<'_, Session>) -> Reply<Option<DraftView>> {
    session.draft()
}

#[tauri::command]
pub async fn discard_draft(session: State<'_, Session>) -> Reply<()> {
    session.discard_draft()
}

// Referrals.

#[tauri::command]
pub async fn record_referral(
    session: State<'_, Session>,
    input: ReferralInput,
    from_activity: Option<i64>,
) -> Reply<ReferralView> {
    session.record_referral(&input, from_activity, Session::today())
}

#[tauri::command]
pub async fn referrals(session: State<'_, Session>) -> Reply<Vec<ReferralView>> {
    session.referrals(Session::today())
}

#[tauri::command]
pub async fn get_referral(session: State<'_, Session>, id: i64) -> Reply<ReferralInput> {
    session.referral(id)
}

#[tauri::command]
pub async fn update_referral(session: State<'_, Session>, id: i64, input: ReferralInput) -> Reply<ReferralView> {
    session.update_referral(id, &input, Session::today())
}

#[tauri::command]
pub async fn change_referral_status(
    session: State<'_, Session>,
    id: i64,
    status: ReferralStatus,
    date: String,
) -> Reply<ReferralView> {
    session.change_referral_status(id, status, &date, Session::today())
}

#[tauri::command]
pub async fn set_referral_follow_up(session: State<'_, Session>, id: i64, follow_up: String) -> Reply<ReferralView> {
    session.set_referral_follow_up(id, &follow_up, Session::today())
}

#[tauri::command]
pub async fn delete_referral(session: State<'_, Session>, id: i64) -> Reply<()> {
    session.delete_referral(id)
}

// My work.

#[tauri::command]
pub async fn my_work(session: State<'_, Session>) -> Reply<MyWork> {
    session.my_work(Session::today())
}

#[tauri::command]
pub async fn support(session: State<'_, Session>) -> Reply<SupportView> {
    session.support()
}

// Sync: the network is used here, in Rust, never by the UI.

#[tauri::command]
pub async fn sync_status(session: State<'_, Session>) -> Reply<SyncView> {
    session.sync_status()
}

#[tauri::command]
pub async fn re_enrol(session: State<'_, Session>, code: String, label: String) -> Reply<SyncView> {
    session.re_enrol(&code, &label).await
}

/// Reads a pasted or scanned enrolment link into the form's two fields (`not_an_enrolment_link` otherwise).
#[tauri::command]
pub fn read_enrolment_link(text: String) -> Reply<EnrolmentLinkView> {
    Session::read_enrolment_link(&text)
}

#[tauri::command]
pub async fn enrol(session: State<'_, Session>, coordinator: String, code: String, label: String) -> Reply<SyncView> {
    session.enrol(&coordinator, &code, &label).await
}

#[tauri::command]
pub async fn sync_now(session: State<'_, Session>) -> Reply<SyncView> {
    session.sync_now().await
}

// Settings and backups.

#[tauri::command]
pub async fn get_settings(session: State<'_, Session>) -> Reply<AppSettings> {
    session.settings()
}

#[tauri::command]
pub async fn update_settings(session: State<'_, Session>, settings: AppSettings) -> Reply<AppSettings> {
    session.update_settings(&settings)
}

#[tauri::command]
pub async fn change_passphrase(
    session: State<'_, Session>,
    current: Zeroizing<String>,
    new: Zeroizing<String>,
) -> Reply<NewRecoveryCode> {
    session.change_passphrase(&current, &new)
}

#[tauri::command]
pub async fn set_duress_passphrase(
    session: State<'_, Session>,
    current: Zeroizing<String>,
    duress: Option<Zeroizing<String>>,
) -> Reply<AppSettings> {
    session.set_duress_passphrase(&current, duress.as_deref().map(String::as_str))
}

#[tauri::command]
pub async fn new_recovery_code(session: State<'_, Session>, passphrase: Zeroizing<String>) -> Reply<NewRecoveryCode> {
    session.new_recovery_code(&passphrase)
}

#[tauri::command]
pub async fn create_backup(session: State<'_, Session>) -> Reply<BackupFile> {
    session.create_backup()
}

#[tauri::command]
pub async fn backups(session: State<'_, Session>) -> Reply<Vec<BackupFile>> {
    session.backups()
}

#[tauri::command]
pub async fn restore_backup(session: State<'_, Session>, name: String, secret: UnlockSecret) -> Reply<AppStatus> {
    session.restore_backup(&name, &secret).await
}
