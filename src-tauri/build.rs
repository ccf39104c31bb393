// One permission per command (`allow-<command>`), generated from this list; the main window's capability
// (capabilities/main.json) grants exactly these. A command missing here cannot be called from the UI.
const COMMANDS: &[&str] = &[
    "app_status",
    "setup",
    "unlock",
    "lock",
    "set_window_title",
    "home_summary",
    "reference_data",
    "pii_check",
    "form_defaults",
    "record_activity",
    "get_activity",
    "update_activity",
    "delete_activity",
    "recent_activities",
    "save_draft",
    "draft",
    "discard_draft",
    "record_referral",
    "referrals",
    "get_referral",
    "update_referral",
    "change_referral_status",
    "set_referral_follow_up",
    "delete_referral",
    "my_work",
    "sync_status",
    "support",
    "enrol",
    "read_enrolment_link",
    "re_enrol",
    "sync_now",
    "get_settings",
    "update_settings",
    "change_passphrase",
    "new_recovery_code",
    "set_duress_passphrase",
    "create_backup",
    "backups",
    "restore_backup",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .unwrap_or_else(|e| panic!("tauri build failed: {e}"));
}
