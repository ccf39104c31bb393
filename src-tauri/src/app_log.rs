//! The app's own log: a few lines that help find out why something failed (it started, sync failed with a code, a
//! command was refused with a code), in `logs/sleutel.log` inside its data folder, rotated at 256 KiB with three old
//! files kept.
//!
//! What it must never hold, because the file is not encrypted: anything typed (notes, labels, codes), a key, a
//! passphrase, or a trace of individual saves (a line per visit would tell when visits happened). So only error
//! *codes* and sync outcomes are logged, at `info` and above, and the app never logs a command's arguments. A
//! duress passphrase or a wipe empties the files with the store (`clear`), so a fresh start looks fresh.

use std::path::{Path, PathBuf};

use tauri_plugin_log::{RotationStrategy, Target, TargetKind, TimezoneStrategy};

/// The file name inside the logs folder, without `.log`.
pub const FILE_NAME: &str = "sleutel";
const MAX_FILE_BYTES: u128 = 256 * 1024;
const OLD_FILES_KEPT: usize = 3;

/// The logs folder inside the app's data folder.
pub fn folder(data: &Path) -> PathBuf {
    data.join("logs")
}

/// Starts logging to `folder` (created when missing).
pub fn start(app: &tauri::AppHandle, folder: &Path) -> tauri::Result<()> {
    app.plugin(
        tauri_plugin_log::Builder::new()
            .clear_targets()
            .target(Target::new(TargetKind::Folder { path: folder.to_path_buf(), file_name: Some(FILE_NAME.into()) }))
            .max_file_size(MAX_FILE_BYTES)
            .rotation_strategy(RotationStrategy::KeepSome(OLD_FILES_KEPT))
            .timezone_strategy(TimezoneStrategy::UseUtc)
            // Debug and trace lines of libraries may carry anything (a TLS library's, a URL with a code): never kept.
            .level(log::LevelFilter::Info)
            // Only the app's own lines (sleutel_app_lib, sleutel_*), whose every text is written to hold no data:
            // a library that starts logging at info level cannot put what it saw into the file.
            .filter(|metadata| metadata.target().starts_with("sleutel"))
            .build(),
    )
}

/// Empties the log: the open file is cut to nothing (and keeps being written, from empty), the rotated ones (whose
/// names hold the time they were rotated) are removed.
pub fn clear(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let current = format!("{FILE_NAME}.log");
    for path in entries.flatten().map(|entry| entry.path()) {
        if path.file_name().is_some_and(|name| *name == *current) {
            if let Ok(file) = std::fs::OpenOptions::new().write(true).open(&path) {
                let _ = file.set_len(0);
            }
        } else if path.is_file() {
            let _ = std::fs::remove_file(&path);
        }
    }
}
