//! Throttling of failed attempts at a secret (unlock, passphrase change, restore). The first few attempts are free
//! (typos happen); after that each failure doubles the wait before the next attempt, up to a cap.
//!
//! The number of failures is persisted (in the key file, or the restore attempts file), so it survives restarts.
//! The wait itself is measured on a monotonic clock inside the running process ([`Gate`]): changing the phone's
//! clock does not shorten it, and after a restart it starts again in full.
//!
//! This is a gate for someone holding the phone, not a defence against a copied file: against that, only the
//! Argon2id cost protects the passphrase. The docs say so.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

/// Failed attempts allowed before any delay.
pub const FREE_ATTEMPTS: u32 = 3;
/// The first delay, after [`FREE_ATTEMPTS`] failures.
pub const FIRST_DELAY_SECS: u64 = 5;
/// The longest delay.
pub const MAX_DELAY_SECS: u64 = 15 * 60;

/// The delay required after `failed` consecutive failures.
pub fn delay_after(failed: u32) -> u64 {
    if failed < FREE_ATTEMPTS {
        return 0;
    }
    let doublings = (failed - FREE_ATTEMPTS).min(20);
    (FIRST_DELAY_SECS << doublings).min(MAX_DELAY_SECS)
}

/// When this process first saw a secret's current number of failures.
#[derive(Debug, Clone, Copy)]
struct Seen {
    failed: u32,
    since: Instant,
}

/// The running process's view of each throttled secret (keyed by the file that persists its failures). A new gate
/// is a restarted app: every wait starts again in full.
#[derive(Debug, Default)]
pub struct Gate {
    seen: Mutex<HashMap<PathBuf, Seen>>,
}

impl Gate {
    /// A gate of its own: for tests, where a new gate stands for a restart.
    pub fn new() -> Self {
        Self::default()
    }

    /// The gate of this process, used by [`crate::Store::unlock`] and the other attempts.
    pub fn process() -> &'static Gate {
        static GATE: OnceLock<Gate> = OnceLock::new();
        GATE.get_or_init(Gate::new)
    }

    /// Seconds still to wait at `now` before the next attempt at the secret persisted in `file`, which has
    /// `failed` failures. The first look in this process at a number of failures starts its wait.
    pub fn remaining(&self, file: &Path, failed: u32, now: Instant) -> u64 {
        let mut seen = self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let entry = seen.entry(file.to_owned()).or_insert(Seen { failed, since: now });
        if entry.failed != failed {
            *entry = Seen { failed, since: now };
        }
        delay_after(failed).saturating_sub(now.saturating_duration_since(entry.since).as_secs())
    }

    /// Notes a failure (the secret in `file` now has `failed` failures) at `now`: the next wait starts here.
    pub fn failed(&self, file: &Path, failed: u32, now: Instant) {
        let mut seen = self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        seen.insert(file.to_owned(), Seen { failed, since: now });
    }

    /// Forgets `file` after a success.
    pub fn succeeded(&self, file: &Path) {
        let mut seen = self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        seen.remove(file);
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn delays_grow_and_are_capped() {
        assert_eq!([0, 1, 2].map(delay_after), [0, 0, 0]);
        assert_eq!([3, 4, 5, 6].map(delay_after), [5, 10, 20, 40]);
        assert_eq!(delay_after(30), MAX_DELAY_SECS);
        assert_eq!(delay_after(u32::MAX), MAX_DELAY_SECS);
    }

    #[test]
    fn the_wait_runs_on_the_monotonic_clock_and_restarts_in_full_in_a_new_process() {
        let file = Path::new("/x/key");
        let gate = Gate::new();
        let t0 = Instant::now();
        gate.failed(file, 4, t0);
        assert_eq!(gate.remaining(file, 4, t0 + Duration::from_secs(3)), 7);
        assert_eq!(gate.remaining(file, 4, t0 + Duration::from_secs(10)), 0);
        // A restarted app (a new gate) waits the whole delay again, from when it first looks.
        let restarted = Gate::new();
        let t1 = t0 + Duration::from_secs(60);
        assert_eq!(restarted.remaining(file, 4, t1), 10);
        assert_eq!(restarted.remaining(file, 4, t1 + Duration::from_secs(4)), 6);
        // A failure seen through another process (the persisted count changed) starts the wait again too.
        assert_eq!(restarted.remaining(file, 5, t1 + Duration::from_secs(5)), 20);
        restarted.succeeded(file);
        assert_eq!(restarted.remaining(file, 0, t1), 0);
    }
}
