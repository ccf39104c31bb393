//! The Sleutel app shell: a Tauri v2 window around the Svelte UI in `ui/`, with thin commands over the core
//! crates. No business logic here: validation is in `sleutel-domain`, storage in `sleutel-store`.

pub mod app_log;
mod commands;
pub mod dto;
pub mod session;
#[cfg(desktop)]
mod window_placement;

use std::path::PathBuf;

use tauri::Manager;
use tauri::webview::PageLoadEvent;

use session::{Session, SyncSettings};

/// The window title of the neutral name (the page's `neutral-title` in Dutch, the language the app starts in).
const NEUTRAL_WINDOW_TITLE: &str = "Notities";

/// Where the app keeps its data: `SLEUTEL_APP_DATA_DIR` when set (tests), otherwise the platform's app data folder.
fn data_dir(app: &tauri::App) -> PathBuf {
    std::env::var_os("SLEUTEL_APP_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| app.path().app_data_dir().ok())
        .unwrap_or_else(|| PathBuf::from("sleutel-data"))
}

/// Where backups go: `SLEUTEL_BACKUP_DIR` when set (tests), otherwise a `Sleutel` folder in the user's documents,
/// so a backup outlives the app's own folder; on platforms without one, next to the data.
fn backup_dir(app: &tauri::App, data: &std::path::Path) -> PathBuf {
    std::env::var_os("SLEUTEL_BACKUP_DIR")
        .map(PathBuf::from)
        .or_else(|| app.path().document_dir().ok().map(|d| d.join("Sleutel")))
        .unwrap_or_else(|| data.join("backups"))
}

#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    let builder = tauri::Builder::default();
    // First of all plugins: a second start hands over to the first window and ends before anything else runs.
    #[cfg(desktop)]
    let builder = builder.plugin(window_placement::single_instance());
    // Phones scan the enrolment QR code (capabilities/mobile.json grants the scan to the main window there).
    #[cfg(mobile)]
    let builder = builder.plugin(tauri_plugin_barcode_scanner::init());
    let result = builder
        // Benchmark hook (`make bench`): exit once the page has loaded, to time a cold start against a hello-world
        // window that does the same (benches/hello-tauri).
        .on_page_load(|webview, payload| {
            if payload.event() == PageLoadEvent::Finished && std::env::var_os("SLEUTEL_EXIT_AFTER_LOAD").is_some() {
                webview.app_handle().exit(0);
            }
        })
        .setup(|app| {
            let data = data_dir(app);
            // Without a desktop session bus a second start gets this far; the data folder's lock stops it here.
            // (Desktop only: a phone's system may run this setup again in the same process.)
            #[cfg(desktop)]
            let folder_lock = match sleutel_store::FolderLock::acquire(&data) {
                Ok(lock) => lock,
                Err(sleutel_store::StoreError::InUse) => {
                    eprintln!("Sleutel is open already; this start ends.");
                    std::process::exit(0);
                }
                Err(e) => return Err(Box::new(e)),
            };
            // The app works without its log (a logger set already, a folder that cannot be written).
            if let Err(e) = app_log::start(app.handle(), &app_log::folder(&data)) {
                eprintln!("Sleutel: no log file ({e})");
            }
            log::info!("Sleutel {} started", app.package_info().version);
            let session = Session::new(
                data.join("store"),
                backup_dir(app, &data),
                sleutel_store::KdfParams::PRODUCTION,
                SyncSettings::default(),
            )
            .with_log_folder(app_log::folder(&data));
            if let Err(e) = session.finish_interrupted_restore() {
                log::error!("an interrupted restore could not be finished: {}", e.code);
            }
            let discreet = session.status().is_ok_and(|s| s.discreet);
            #[cfg(desktop)]
            window_placement::remember(app.handle(), &data, discreet)?;
            // With the neutral name chosen, the window is titled like it from the first moment, before the page
            // (which keeps the title in line afterwards) has loaded.
            if discreet && let Some(window) = app.get_webview_window("main") {
                let _ = window.set_title(NEUTRAL_WINDOW_TITLE);
            }
            tauri::async_runtime::spawn(session.clone().background_sync());
            app.manage(session);
            #[cfg(desktop)]
            app.manage(folder_lock);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::setup,
            commands::unlock,
            commands::lock,
            commands::set_window_title,
            commands::home_summary,
            commands::reference_data,
            commands::pii_check,
            commands::form_defaults,
            commands::record_activity,
            commands::get_activity,
            commands::update_activity,
            commands::delete_activity,
            commands::recent_activities,
            commands::save_draft,
            commands::draft,
            commands::discard_draft,
            commands::record_referral,
            commands::referrals,
            commands::get_referral,
            commands::update_referral,
            commands::change_referral_status,
            commands::set_referral_follow_up,
            commands::delete_referral,
            commands::my_work,
            commands::sync_status,
            commands::support,
            commands::enrol,
            commands::read_enrolment_link,
            commands::re_enrol,
            commands::sync_now,
            commands::get_settings,
            commands::update_settings,
            commands::change_passphrase,
            commands::new_recovery_code,
            commands::set_duress_passphrase,
            commands::create_backup,
            commands::backups,
            commands::restore_backup,
        ])
        .build(tauri::generate_context!());
    match result {
        Ok(app) => app.run(on_event),
        Err(e) => {
            eprintln!("Sleutel could not start: {e}");
            std::process::exit(1);
        }
    }
}

/// The window's size and place are written while the window still exists: after it moved or changed size, when it
/// is asked to close, and when the app is asked to exit (`exit` closes windows without asking them).
fn on_event(app: &tauri::AppHandle, event: tauri::RunEvent) {
    match event {
        #[cfg(desktop)]
        tauri::RunEvent::WindowEvent { event: tauri::WindowEvent::CloseRequested { .. }, .. }
        | tauri::RunEvent::ExitRequested { .. } => window_placement::save(app),
        #[cfg(desktop)]
        tauri::RunEvent::WindowEvent {
            event: tauri::WindowEvent::Moved(_) | tauri::WindowEvent::Resized(_), ..
        } => window_placement::changed(app),
        _ => {}
    }
}
