//! The `sleutel-coordinator` binary's administrative subcommands, run as a user would.

use std::process::Command;

fn run(data: &std::path::Path, args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_sleutel-coordinator"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("SLEUTEL_LOG", "warn")
        .output()
        .expect("binary runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), text)
}

#[test]
fn admin_subcommands_create_issue_list_and_revoke() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ok, out) = run(dir.path(), &["create-admin", "--name", "beheer"]);
    assert!(ok && out.contains("slt_"), "{out}");
    let (ok, out) = run(dir.path(), &["create-organisation", "--name", "Stichting Sleutel Arnhem"]);
    assert!(ok && out.contains("Organisation 1"), "{out}");
    let (ok, out) = run(dir.path(), &["create-organisation", "--name", "Stichting Sleutel Arnhem"]);
    assert!(!ok, "a duplicate name is refused: {out}");
    let (ok, out) = run(dir.path(), &["issue-code", "--organisation", "Stichting Sleutel Arnhem"]);
    assert!(ok && out.contains("Enrolment code"), "{out}");
    let (ok, out) = run(dir.path(), &["issue-code", "--organisation", "Nobody"]);
    assert!(!ok && out.contains("no organisation"), "{out}");
    let (ok, out) = run(dir.path(), &["issue-code", "--organisation", "1", "--valid-hours", "0"]);
    assert!(!ok && out.contains("valid-hours"), "{out}");
    let (ok, out) = run(dir.path(), &["list-devices"]);
    assert!(ok && out.trim().is_empty(), "{out}");
    let (ok, out) = run(dir.path(), &["revoke-device", "d-0000000000000000"]);
    assert!(!ok && out.contains("no device"), "{out}");
    let (ok, out) = run(dir.path(), &["totals", "--organisation", "1", "--month", "2026-03"]);
    assert!(ok && out.contains("totals 2026-03: activities 0, participants 0, referrals 0"), "{out}");
    let (ok, out) = run(dir.path(), &["totals", "--organisation", "1", "--month", "maart"]);
    assert!(!ok && out.contains("not a month"), "{out}");

    // Every administrative action is in the audit log.
    let state =
        sleutel_coordinator::AppState::open(&sleutel_coordinator::Config::new(dir.path().to_owned())).expect("opens");
    let actions: Vec<String> = state.storage.audit_log(10).expect("audit").into_iter().map(|e| e.action).collect();
    for action in ["account_created", "organisation_created", "enrolment_code_issued"] {
        assert!(actions.iter().any(|a| a == action), "{action} not audited: {actions:?}");
    }
}
