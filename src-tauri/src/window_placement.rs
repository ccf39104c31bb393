//! Desktop only: one app window per user, and its size and place remembered between starts.
//!
//! A second start hands over to the first (the single-instance plugin, over the desktop session bus) and ends; the
//! first shows its window. Without a session bus the data folder's lock (`sleutel_store::FolderLock`) still keeps
//! a second process out.
//!
//! Size, place and maximised state are kept in `window-state.json` in the data folder (written once the window has
//! stayed put for half a second after a move or resize, and when it is closed), unless the volunteer chose the
//! neutral name (discreet): then the window opens at its default size and no file is kept.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_window_state::{AppHandleExt, StateFlags, WindowExt};

/// The file inside the data folder.
pub const STATE_FILE: &str = "window-state.json";
const MAIN: &str = "main";

fn flags() -> StateFlags {
    StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED
}

/// The plugin that ends a second start and shows the first window instead. Registered first, so a second start
/// ends before anything else of it runs.
pub fn single_instance<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::init(|app, _arguments, _working_dir| {
        log::info!("a second start: showing the open window instead");
        if let Some(window) = app.get_webview_window(MAIN) {
            let _ = window.unminimize();
            let _ = window.show();
            let _ = window.set_focus();
        }
    })
}

/// Restores the main window's size and place and keeps them from now on; when `discreet`, forgets them instead.
pub fn remember(app: &AppHandle, data: &Path, discreet: bool) -> tauri::Result<()> {
    let Some(file) = state_file(data, discreet) else { return Ok(()) };
    // The plugin joins this name to its own folder; an absolute path keeps the file in the data folder instead.
    app.plugin(
        tauri_plugin_window_state::Builder::new()
            .with_filename(path_text(file.clone()))
            .with_state_flags(flags())
            .build(),
    )?;
    app.manage(Remembering { file, changes: AtomicU64::new(0) });
    if let Some(window) = app.get_webview_window(MAIN) {
        // Registered after the window was made, the plugin only knows it from here on.
        window.restore_state(flags())?;
    }
    Ok(())
}

/// Present while the window's place is being remembered; counts the window's moves and resizes.
struct Remembering {
    file: PathBuf,
    changes: AtomicU64,
}

/// How long the window must stay put before its new place is written (a drag sends many events).
const SETTLE: Duration = Duration::from_millis(500);

/// Writes the window's size and place now (when it is asked to close and when the app is asked to exit); once the
/// neutral name is chosen during a session, removes what was kept instead.
pub fn save(app: &AppHandle) {
    if app.try_state::<Remembering>().is_none() {
        return;
    }
    let discreet = app.try_state::<crate::session::Session>().is_some_and(|s| s.status().is_ok_and(|st| st.discreet));
    if discreet {
        let file = app.state::<Remembering>().file.clone();
        let _ = std::fs::remove_file(file);
    } else if app.save_window_state(flags()).is_err() {
        log::warn!("window state could not be saved");
    }
}

/// The window moved or changed size: its place is written once it has stayed put for a moment. Closing is not
/// enough on its own: a window can end without being asked (the app killed, the session ended).
pub fn changed(app: &AppHandle) {
    let Some(remembering) = app.try_state::<Remembering>() else { return };
    let change = remembering.changes.fetch_add(1, Ordering::Relaxed) + 1;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(SETTLE).await;
        let settled = app.try_state::<Remembering>().is_some_and(|r| r.changes.load(Ordering::Relaxed) == change);
        if settled {
            save(&app);
        }
    });
}

/// Where the window's place is kept, or `None` when discreet, after removing what an earlier start kept.
fn state_file(data: &Path, discreet: bool) -> Option<PathBuf> {
    let file = data.join(STATE_FILE);
    if !discreet {
        return Some(file);
    }
    match std::fs::remove_file(&file) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => log::warn!("window state could not be removed"),
        _ => {}
    }
    None
}

fn path_text(path: PathBuf) -> String {
    path.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_is_kept_in_the_data_folder_unless_discreet_which_forgets_it() {
        let dir = tempfile::tempdir().expect("temporary folder");
        assert_eq!(state_file(dir.path(), false), Some(dir.path().join(STATE_FILE)));
        std::fs::write(dir.path().join(STATE_FILE), "{}").expect("written");
        assert_eq!(state_file(dir.path(), true), None);
        assert!(!dir.path().join(STATE_FILE).exists(), "discreet removes what an earlier start kept");
        assert_eq!(state_file(dir.path(), true), None, "nothing to remove is fine too");
    }
}
