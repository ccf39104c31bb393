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
