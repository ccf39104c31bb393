//! A token bucket per device, in memory. With several coordinator instances each enforces its own share, which is
//! fine for its purpose: keeping one misbehaving device from hogging a server.

use std::collections::HashMap;
use std::sync::Mutex;

/// Now, in fractional seconds, the unit the buckets refill in.
pub fn now_secs() -> f64 {
    chrono::Utc::now().timestamp_millis() as f64 / 1000.0
}

#[derive(Debug)]
pub struct RateLimiter {
    per_second: f64,
    burst: f64,
    buckets: Mutex<HashMap<String, (f64, f64)>>,
}

impl RateLimiter {
    pub fn new(per_minute: u32, burst: u32) -> Self {
        Self { per_second: f64::from(per_minute) / 60.0, burst: f64::from(burst.max(1)), buckets: Mutex::default() }
    }

    /// Takes one token for `device` at time `now` (seconds, fractional); `false` when none is left.
    pub fn allow(&self, device: &str, now: f64) -> bool {
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() > 100_000 {
            // Bound memory: forget idle buckets (they refill to full anyway).
            buckets.retain(|_, (_, at)| now - *at < 3600.0);
        }
        let (tokens, at) = buckets.entry(device.to_owned()).or_insert((self.burst, now));
        *tokens = (*tokens + (now - *at).max(0.0) * self.per_second).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_allowed_then_refilled_over_time() {
        let limiter = RateLimiter::new(60, 3);
        assert!((0..3).all(|_| limiter.allow("d", 0.0)));
        assert!(!limiter.allow("d", 0.0));
        assert!(limiter.allow("other", 0.0), "buckets are per device");
        assert!(limiter.allow("d", 1.0), "one token per second at 60/min");
        assert!(!limiter.allow("d", 1.0));
    }
}
