//! Privacy promises: record content never reaches disk unencrypted, in any file of the data directory.

mod common;

use common::*;

const MARKERS: [&str; 3] = ["MARKER-notitie-7f3a9c", "MARKER-wijk-Schilderswijk", "MARKER-verwijzing-b81d"];

fn assert_no_marker(dir: &std::path::Path, when: &str) {
    let files = files_in(dir);
    assert!(files.iter().any(|(name, _)| name == "sleutel.db"), "{when}: database present");
    for (name, bytes) in &files {
        for marker in MARKERS {
            assert!(!contains(bytes, marker.as_bytes()), "{when}: {marker} found in {name}");
            // Also not as UTF-16, should anything ever store text that way.
            let wide: Vec<u8> = marker.encode_utf16().flat_map(u16::to_le_bytes).collect();
            assert!(!contains(bytes, &wide), "{when}: {marker} (UTF-16) found in {name}");
        }
    }
}

#[test]
fn marker_strings_never_appear_in_any_file_of_the_data_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = create(dir.path());
    let mut activity = meeting("2026-11-02", MARKERS[0]);
    activity.wijk = sleutel_domain::Wijk::new(MARKERS[1]).expect("valid");
    let id = store.create_activity(&activity).expect("saved");
    store.create_referral(&referral(&store, "2026-11-03", "veilig_thuis", MARKERS[2]), Some(id)).expect("saved");
    // The markers really are stored: we can read them back.
    assert_eq!(store.activity(id).expect("read").activity.notes.as_str(), MARKERS[0]);

    // While open, the WAL and shared-memory files exist too.
    let names: Vec<String> = files_in(dir.path()).into_iter().map(|(n, _)| n).collect();
    assert!(names.iter().any(|n| n.ends_with("-wal")), "WAL present while open: {names:?}");
    assert_no_marker(dir.path(), "while open");

    // Deleting and editing leave no plaintext either (secure_delete).
    store.update_activity(id, &meeting("2026-11-02", "")).expect("updated");
    drop(store);
    assert_no_marker(dir.path(), "after close");

    let store = unlock(dir.path());
    let backup = dir.path().join("backup.bin");
    store.backup_to(&backup).expect("backup");
    assert_no_marker(dir.path(), "after backup");
}
