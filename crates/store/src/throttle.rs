//! Throttling of failed unlocks. The first few attempts are free (typos happen); after that each failure doubles
//! the wait before the next attempt, up to a cap. The state lives in the key file, so it survives restarts.
//!
//! This is a gate for someone holding the phone, not a defence against a copied file: against that, only the
//! Argon2id cost protects the passphrase. The docs say so.

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

/// Seconds still to wait at `now` (unix seconds), or 0. A last failure in the future (clock turned back) counts as
/// just now, so turning the clock back does not skip the wait; `Store::unlock_at` then moves the stored time to now,
/// so the wait also ends.
pub fn remaining(failed: u32, last_failure_unix: Option<i64>, now_unix: i64) -> u64 {
    let Some(last) = last_failure_unix else { return 0 };
    let elapsed = u64::try_from(now_unix.saturating_sub(last)).unwrap_or(0);
    delay_after(failed).saturating_sub(elapsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_and_are_capped() {
        assert_eq!([0, 1, 2].map(delay_after), [0, 0, 0]);
        assert_eq!([3, 4, 5, 6].map(delay_after), [5, 10, 20, 40]);
        assert_eq!(delay_after(30), MAX_DELAY_SECS);
        assert_eq!(delay_after(u32::MAX), MAX_DELAY_SECS);
    }

    #[test]
    fn remaining_time_counts_down_and_resists_clock_changes() {
        assert_eq!(remaining(4, Some(1000), 1003), 7);
        assert_eq!(remaining(4, Some(1000), 1010), 0);
        assert_eq!(remaining(4, Some(1000), 900), 10);
        assert_eq!(remaining(4, None, 900), 0);
    }
}
