//! A hello-world Tauri window: the baseline the app's cold start is compared with (`make bench`). It exits once
//! its page has loaded when `SLEUTEL_EXIT_AFTER_LOAD` is set, exactly like the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use tauri::Manager;
use tauri::webview::PageLoadEvent;

fn main() {
    let result = tauri::Builder::default()
        .on_page_load(|webview, payload| {
            if payload.event() == PageLoadEvent::Finished && std::env::var_os("SLEUTEL_EXIT_AFTER_LOAD").is_some() {
                webview.app_handle().exit(0);
            }
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("hello-tauri could not start: {e}");
        std::process::exit(1);
    }
}
