//! A process killed with SIGKILL in the middle of a burst of saves loses no save it acknowledged, and the database
//! passes `PRAGMA integrity_check` with counts still equal to the records. 20 rounds, each killed at a random point.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::*;
use sleutel_domain::counts::Metric;
use sleutel_store::{KdfParams, Passphrase, Store};

const BURST_PASSPHRASE: &str = "crash test passphrase";
const ROUNDS: usize = 20;

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
        let mut child = Command::new(env!("CARGO_BIN_EXE_sleutel-store-tool"))
            .arg("write-burst")
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("child starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
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
