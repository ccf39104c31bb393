//! The Sleutel app shell: a Tauri v2 window around the Svelte UI in `ui/`, with thin commands over the core
//! crates. No business logic here: validation is in `sleutel-domain`, storage in `sleutel-store`.

mod commands;
pub mod dto;
pub mod session;

use tauri::Manager;

/// Where the app keeps its data: `SLEUTEL_APP_DATA_DIR` when set (tests), otherwise the platform's app data folder.
fn data_dir(app: &tauri::App) -> std::path::PathBuf {
    std::env::var_os("SLEUTEL_APP_DATA_DIR")
        .map(std::path::PathBuf::from)
        .or_else(|| app.path().app_data_dir().ok())
        .unwrap_or_else(|| std::path::PathBuf::from("sleutel-data"))
}

#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    let result = tauri::Builder::default()
        .setup(|app| {
            let dir = data_dir(app).join("store");
            app.manage(session::Session::new(dir, sleutel_store::KdfParams::PRODUCTION));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::setup,
            commands::unlock,
            commands::lock,
            commands::home_summary,
            commands::reference_data,
            commands::pii_check,
            commands::form_defaults,
            commands::record_activity,
            commands::delete_activity,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Sleutel could not start: {e}");
        std::process::exit(1);
    }
}
