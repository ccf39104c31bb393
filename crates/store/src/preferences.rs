//! Small preferences of the volunteer (last-used municipality and languages, language of the app), kept inside the
//! encrypted database because even these say something about the person using the phone.

use crate::error::{Result, StoreError};
use crate::vault::Store;

const PREFIX: &str = "pref.";

fn check_name(name: &str) -> Result<()> {
    let ok = (1..=40).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    if ok { Ok(()) } else { Err(StoreError::InvalidSetting("preference name")) }
}

impl Store {
    pub fn preference(&self, name: &str) -> Result<Option<String>> {
        check_name(name)?;
        self.setting(&format!("{PREFIX}{name}"))
    }

    /// Stores a preference; values are at most 500 characters.
    pub fn set_preference(&mut self, name: &str, value: &str) -> Result<()> {
        check_name(name)?;
        if value.chars().count() > 500 {
            return Err(StoreError::InvalidSetting("preference value"));
        }
        self.set_setting(&format!("{PREFIX}{name}"), value)
    }
}

/// Minutes without input before the app locks itself.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 2;
const AUTO_LOCK: &str = "auto_lock_minutes";

impl Store {
    pub fn auto_lock_minutes(&self) -> Result<u32> {
        Ok(self.preference(AUTO_LOCK)?.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_AUTO_LOCK_MINUTES))
    }

    /// Sets the auto-lock time: 1 to 30 minutes, so a forgotten phone never stays open long.
    pub fn set_auto_lock_minutes(&mut self, minutes: u32) -> Result<()> {
        if !(1..=30).contains(&minutes) {
            return Err(StoreError::InvalidSetting("auto_lock_minutes"));
        }
        self.set_preference(AUTO_LOCK, &minutes.to_string())
    }
}
