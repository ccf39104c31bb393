//! Tauri commands: each parses its arguments, calls the session, and returns `{code, message}` on error.

use tauri::State;

use sleutel_domain::ActivityInput;
use sleutel_domain::pii::Finding;

use crate::dto::{AppStatus, CommandError, FormDefaults, HomeSummary, ReferenceData, Saved, SetupResult, UnlockSecret};
use crate::session::Session;

#[tauri::command]
pub fn app_status(session: State<'_, Session>) -> Result<AppStatus, CommandError> {
    session.status()
}

#[tauri::command]
pub async fn setup(session: State<'_, Session>, passphrase: String) -> Result<SetupResult, CommandError> {
    session.setup(&passphrase)
}

#[tauri::command]
pub async fn unlock(session: State<'_, Session>, secret: UnlockSecret) -> Result<AppStatus, CommandError> {
    session.unlock(secret)
}

#[tauri::command]
pub fn lock(session: State<'_, Session>) -> Result<AppStatus, CommandError> {
    session.lock()
}

#[tauri::command]
pub fn home_summary(session: State<'_, Session>) -> Result<HomeSummary, CommandError> {
    session.home_summary(Session::today())
}

#[tauri::command]
pub fn reference_data() -> ReferenceData {
    Session::reference_data()
}

#[tauri::command]
pub fn pii_check(text: String) -> Vec<Finding> {
    Session::pii_check(&text, Session::today())
}

#[tauri::command]
pub fn form_defaults(session: State<'_, Session>) -> Result<FormDefaults, CommandError> {
    session.form_defaults(Session::today())
}

#[tauri::command]
pub async fn record_activity(session: State<'_, Session>, input: ActivityInput) -> Result<Saved, CommandError> {
    session.record_activity(&input, Session::today())
}

#[tauri::command]
pub async fn delete_activity(session: State<'_, Session>, id: i64) -> Result<ActivityInput, CommandError> {
    session.delete_activity(id)
}
