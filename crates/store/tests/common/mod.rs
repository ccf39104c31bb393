//! Shared helpers for the store's integration tests.
#![allow(dead_code)]

use std::path::Path;

use chrono::NaiveDate;
use sleutel_domain::{Activity, ActivityInput, Referral, ReferralInput};
use sleutel_store::{KdfParams, Passphrase, RecoveryCode, Secret, Store};

pub const PASSPHRASE: &str = "lange zin met spaties";

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid")
}

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid date")
}

pub fn create(dir: &Path) -> (Store, RecoveryCode) {
    Store::create(dir, &Passphrase::new_checked(PASSPHRASE).expect("long enough"), KdfParams::INSECURE_FOR_TESTS)
        .expect("store is created")
}

pub fn passphrase(text: &str) -> Secret {
    Secret::Passphrase(Passphrase::new(text))
}

pub fn unlock(dir: &Path) -> Store {
    Store::unlock(dir, &passphrase(PASSPHRASE)).expect("unlocks")
}

pub fn meeting(date: &str, notes: &str) -> Activity {
    let input = ActivityInput {
        kind: "group_meeting".into(),
        date: date.into(),
        duration_minutes: 90,
        municipality: "GM0202".into(),
        location: "community_centre".into(),
        languages: vec!["tr".into()],
        themes: vec!["huwelijksdwang".into(), "opvoeding".into()],
        women: 20,
        men: 5,
        other: 0,
        notes: notes.into(),
        ..ActivityInput::default()
    };
    Activity::from_input(&input, today()).expect("valid meeting")
}

pub fn home_visit(date: &str) -> Activity {
    let input = ActivityInput {
        kind: "home_visit".into(),
        date: date.into(),
        duration_minutes: 60,
        municipality: "GM0855".into(),
        location: "home".into(),
        languages: vec!["ar".into(), "nl".into()],
        themes: vec!["huiselijk_geweld".into()],
        women: 1,
        ..ActivityInput::default()
    };
    Activity::from_input(&input, today()).expect("valid visit")
}

pub fn referral(store: &Store, date: &str, destination: &str, notes: &str) -> Referral {
    let input = ReferralInput {
        date: date.into(),
        municipality: "GM0202".into(),
        destination: destination.into(),
        themes: vec!["huiselijk_geweld".into()],
        follow_up: "2026-11-30".into(),
        notes: notes.into(),
        ..ReferralInput::default()
    };
    Referral::from_input(&input, store.new_referral_code().expect("code"), today()).expect("valid referral")
}

/// Every file in the data directory, with its bytes.
pub fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable dir") {
        let entry = entry.expect("entry");
        if entry.file_type().expect("type").is_file() {
            out.push((entry.file_name().to_string_lossy().into_owned(), std::fs::read(entry.path()).expect("read")));
        }
    }
    out
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
