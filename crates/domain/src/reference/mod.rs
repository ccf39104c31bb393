//! Reference lists: stable codes with Dutch and English labels, versioned.
//!
//! Codes are what is stored and synced; they never change meaning and are never reused. Labels may be improved
//! at any time. Each list has its own version, bumped whenever an entry is added or a label changes, so that a
//! coordinator's project can tell which list a device has. The UI shows these labels through its own i18n files
//! for other languages; Dutch and English live here because coordinators' exports need them without a UI.

mod lists;
mod municipalities;

pub use lists::{
    ACTIVITY_TYPES, AGE_BANDS, COMMUNITY_GROUPS, LANGUAGES, LOCATION_TYPES, OCCURRENCES, ORGANISATIONS, SIGNALS,
    STATEMENTS, THEMES, historic_organisation,
};
pub use municipalities::{MUNICIPALITY_LIST_YEAR, municipalities, municipality};

use serde::Serialize;

/// One entry of a reference list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RefEntry {
    pub code: &'static str,
    pub nl: &'static str,
    pub en: &'static str,
}

/// A named, versioned reference list.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ReferenceList {
    /// Stable name of the list, also used as the `list` in [`crate::DomainError::UnknownCode`].
    pub name: &'static str,
    /// Version of the list's content; bumped when an entry is added or a label changes.
    pub version: u32,
    pub entries: &'static [RefEntry],
}

impl ReferenceList {
    pub fn get(&self, code: &str) -> Option<&'static RefEntry> {
        self.entries.iter().find(|e| e.code == code)
    }

    pub fn contains(&self, code: &str) -> bool {
        self.get(code).is_some()
    }
}

/// All shipped lists except municipalities (which are large and have their own accessor), for export to the UI.
pub fn all_lists() -> [&'static ReferenceList; 10] {
    [
        &ACTIVITY_TYPES,
        &THEMES,
        &ORGANISATIONS,
        &LOCATION_TYPES,
        &LANGUAGES,
        &COMMUNITY_GROUPS,
        &AGE_BANDS,
        &OCCURRENCES,
        &SIGNALS,
        &STATEMENTS,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_list_has_unique_nonempty_codes_and_labels() {
        for list in all_lists() {
            let mut seen = HashSet::new();
            assert!(!list.entries.is_empty(), "{} is empty", list.name);
            for e in list.entries {
                assert!(seen.insert(e.code), "{}: duplicate code {}", list.name, e.code);
                assert!(
                    e.code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                    "{}: code {} is not snake_case ascii",
                    list.name,
                    e.code
                );
                assert!(!e.nl.trim().is_empty() && !e.en.trim().is_empty(), "{}: {}", list.name, e.code);
            }
        }
    }

    #[test]
    fn themes_follow_the_domain_document() {
        assert_eq!(THEMES.entries.len(), 17);
        assert_eq!(THEMES.get("huwelijksdwang").map(|e| e.en), Some("Forced marriage"));
        assert_eq!(THEMES.get("achterlating").map(|e| e.nl), Some("Achterlating"));
    }

    #[test]
    fn historic_destinations_map_to_veilig_thuis() {
        assert_eq!(historic_organisation("ashg"), Some("veilig_thuis"));
        assert_eq!(historic_organisation("AMK"), Some("veilig_thuis"));
        assert_eq!(historic_organisation("huisarts"), None);
    }
}
