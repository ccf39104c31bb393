//! A process killed with SIGKILL in the middle of a burst of saves loses no save it acknowledged, and the database
//! passes `PRAGMA integrity_check` with counts still equal to the records. 20 rounds, each killed at a random point.
//! The same for a passphrase change, which re-encrypts the database with a new data key.

mod common;

use std::io::{BufRead, BufReader, Lines};
use std::process::{Child, ChildStdout, Command, Stdio};

use common::*;
use sleutel_domain::counts::Metric;
use sleutel_store::{KdfParams, Passphrase, Store};

const BURST_PASSPHRASE: &str = "crash test passphrase";
const ROUNDS: usize = 20;

/// Starts `sleutel-store-tool <command> <dir>`, with its output to read line by line.
fn start_tool(command: &str, dir: &std::path::Path) -> (Child, Lines<BufReader<ChildStdout>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sleutel-store-tool"))
        .arg(command)
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("child starts");
    let stdout = child.stdout.take().expect("piped stdout");
    (child, BufReader::new(stdout).lines())
}

#[test]
fn sigkill_mid_burst_loses_no_acknowledged_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(
        Store::create(dir.path(), &Passphrase::new(BURST_PASSPHRASE), KdfParams::INSECURE_FOR_TESTS).expect("created"),
    );
    let mut acknowledged_total = 0usize;
    // A fixed sequence of kill points, spread so some kills land early and some late in a burst.
    let kill_after = |round: usize| 1 + (round * 37 + 11) % 60;

    for round in 0..ROUNDS {
        let (mut child, mut lines) = start_tool("write-burst", dir.path());
        let mut acked = Vec::new();
        while acked.len() < kill_after(round) {
            match lines.next() {
                Some(Ok(line)) => acked.push(line.trim_start_matches("ACK ").parse::<i64>().expect("an id")),
                other => panic!("round {round}: child stopped early: {other:?}"),
            }
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        acknowledged_total += acked.len();

        let store = Store::unlock(dir.path(), &passphrase(BURST_PASSPHRASE)).expect("unlocks after a crash");
        assert!(store.integrity_check().expect("check runs"), "round {round}: integrity_check failed");
        for id in &acked {
            assert!(store.activity(*id).is_ok(), "round {round}: acknowledged save {id} lost");
        }
        let counts = store.all_counts().expect("counts");
        assert_eq!(counts.non_zero(), store.recompute_counts().expect("recompute").non_zero(), "round {round}");
        let stored = store.list_activities(&Default::default()).expect("list").total as usize;
        assert!(stored >= acknowledged_total, "round {round}: {stored} stored < {acknowledged_total} acknowledged");
        assert_eq!(counts.total(Metric::Activities) as usize, stored);
    }
}

/// Killed at points spread over a passphrase change (key file, re-encryption, key file again), the store still
/// unlocks with the old or the new passphrase, finishes the change, keeps every record, and the data key of the
/// next unlock is the one the key file names.
#[test]
fn sigkill_during_a_passphrase_change_loses_nothing() {
    const SECOND: &str = "second crash test passphrase";
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) =
        Store::create(dir.path(), &Passphrase::new(BURST_PASSPHRASE), KdfParams::INSECURE_FOR_TESTS).expect("created");
    for day in 1..=20 {
        store.create_activity(&home_visit(&format!("2026-10-{day:02}"))).expect("saved");
    }
    let before = store.list_activities(&Default::default()).expect("list").total;
    drop(store);

    let mut mid_change = 0;
    for round in 0..ROUNDS {
        let (mut child, mut lines) = start_tool("change-passphrase-loop", dir.path());
        let begins = 1 + round % 3;
        let mut seen = 0;
        while seen < begins {
            match lines.next() {
                Some(Ok(line)) if line.starts_with("BEGIN") => seen += 1,
                Some(Ok(_)) => {}
                other => panic!("round {round}: child stopped early: {other:?}"),
            }
        }
        // A change takes a few milliseconds: spread the kill over it.
        std::thread::sleep(std::time::Duration::from_micros((round as u64 * 397) % 4000));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let key_file = std::fs::read_to_string(dir.path().join("sleutel.key")).expect("key file");
        mid_change += usize::from(key_file.contains("key_change"));

        let store = Store::unlock(dir.path(), &passphrase(BURST_PASSPHRASE))
            .or_else(|_| Store::unlock(dir.path(), &passphrase(SECOND)))
            .unwrap_or_else(|e| panic!("round {round}: neither passphrase unlocks: {e:?}"));
        assert!(store.integrity_check().expect("check runs"), "round {round}: integrity_check failed");
        assert_eq!(store.list_activities(&Default::default()).expect("list").total, before, "round {round}");
        drop(store);
        let key_file = std::fs::read_to_string(dir.path().join("sleutel.key")).expect("key file");
        assert!(!key_file.contains("key_change"), "round {round}: the unlock finished the change");
    }
    eprintln!("{mid_change} of {ROUNDS} kills landed inside a change");
    assert!(mid_change > 0, "no kill landed inside a change: the test proved nothing");
}
