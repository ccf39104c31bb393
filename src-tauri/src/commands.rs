//! Tauri commands: each parses its arguments, calls the session, and returns `{code, message}` on error.

use tauri::State;

use crate::dto::{AppStatus, CommandError, HomeSummary, SetupResult, UnlockSecret};
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
