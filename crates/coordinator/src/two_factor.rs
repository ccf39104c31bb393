//! Time-based one-time codes (TOTP, RFC 6238) for dashboard sign-in, through `totp-rs`: SHA-1, six digits,
//! 30-second steps, as every authenticator app does by default. A code is accepted for the step before, the
//! current one and the one after (a phone's clock may be off by half a minute), and each step only once.

use ring::rand::{SecureRandom, SystemRandom};
use totp_rs::{Algorithm, Secret, TOTP};

/// Seconds per step.
pub const STEP_SECS: i64 = 30;
/// Recovery codes made when two-factor sign-in is switched on.
pub const RECOVERY_CODES: usize = 10;

/// A new random secret of 160 bits (RFC 4226's recommendation), base32 as apps show it.
pub fn new_secret() -> Option<String> {
    let mut bytes = [0u8; 20];
    SystemRandom::new().fill(&mut bytes).ok()?;
    match Secret::Raw(bytes.to_vec()).to_encoded() {
        Secret::Encoded(text) => Some(text),
        Secret::Raw(_) => None,
    }
}

fn totp(secret: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret.to_owned()).to_bytes().ok()?;
    TOTP::new(Algorithm::SHA1, 6, 0, STEP_SECS as u64, bytes, Some("Sleutel".to_owned()), account.to_owned()).ok()
}

/// The `otpauth://` address an authenticator app reads from a QR code. A `:` in the account's name (allowed in
/// names, not in the address's label) shows as `-`.
pub fn setup_uri(secret: &str, account: &str) -> Option<String> {
    Some(totp(secret, &account.replace(':', "-"))?.get_url())
}

/// The code for the step holding unix time `at` (for tests and for people who check their app).
pub fn code_at(secret: &str, at: i64) -> Option<String> {
    Some(totp(secret, "")?.generate(u64::try_from(at).ok()?))
}

/// The step a code belongs to, when it is right for the step before `now`'s, `now`'s or the one after; compared in
/// constant time.
pub fn matching_step(secret: &str, code: &str, now: i64) -> Option<i64> {
    let totp = totp(secret, "")?;
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let current = now.div_euclid(STEP_SECS);
    [current - 1, current, current + 1]
        .into_iter()
        .filter(|step| *step >= 0)
        .find(|step| totp.check(&code, (*step * STEP_SECS) as u64))
}

/// New one-time recovery codes: ten characters from an alphabet without look-alikes, as `xxxxx-xxxxx`.
pub fn new_recovery_codes() -> Option<Vec<String>> {
    const ALPHABET: &[u8; 32] = b"abcdefghjkmnpqrstuvwxyz23456789!";
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 10];
            SystemRandom::new().fill(&mut bytes).ok()?;
            let letters: String = bytes.iter().map(|b| ALPHABET[usize::from(b % 32)] as char).collect();
            Some(format!("{}-{}", &letters[..5], &letters[5..]))
        })
        .collect()
}

/// What is stored of a recovery code: SHA-256 of it without dashes or spaces, in lower case, as typed either way.
pub fn recovery_hash(code: &str) -> [u8; 32] {
    let normal: String = code.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_lowercase();
    crate::sha256(normal.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, Appendix B, SHA-1 with the secret "12345678901234567890": the eight-digit codes' last six digits
    /// (truncation keeps the lowest digits, so a six-digit code is the same number modulo 10^6).
    #[test]
    fn the_rfc_6238_test_vectors_hold() {
        let secret = match Secret::Raw(b"12345678901234567890".to_vec()).to_encoded() {
            Secret::Encoded(text) => text,
            Secret::Raw(_) => unreachable!("encoded"),
        };
        let vectors = [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
            (20_000_000_000, "353130"),
        ];
        for (time, code) in vectors {
            assert_eq!(code_at(&secret, time).as_deref(), Some(code), "T = {time}");
            assert_eq!(matching_step(&secret, code, time), Some(time / STEP_SECS), "T = {time}");
        }
    }

    #[test]
    fn a_code_is_right_for_half_a_minute_either_side_and_not_beyond() {
        let secret = new_secret().expect("a secret");
        assert_eq!(secret.len(), 32, "160 bits in base32");
        let now = 1_800_000_015;
        let code = code_at(&secret, now).expect("a code");
        assert_eq!(matching_step(&secret, &code, now), Some(now / 30));
        assert_eq!(matching_step(&secret, &code, now + 30), Some(now / 30), "a slow phone");
        assert_eq!(matching_step(&secret, &code, now - 30), Some(now / 30), "a fast phone");
        assert_eq!(matching_step(&secret, &code, now + 90), None);
        assert_eq!(matching_step(&secret, "000000x", now), None);
        assert!(setup_uri(&secret, "beheer:noord").is_some_and(|u| u.contains("beheer-noord")), "a : in a name");
        let uri = setup_uri(&secret, "beheer").expect("uri");
        assert!(
            uri.starts_with("otpauth://totp/Sleutel:beheer?") && uri.contains(&format!("secret={secret}")),
            "{uri}"
        );
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_their_hash_ignores_dashes_and_case() {
        let codes = new_recovery_codes().expect("codes");
        assert_eq!(codes.len(), 10);
        assert_eq!(codes.iter().collect::<std::collections::HashSet<_>>().len(), 10);
        assert!(codes.iter().all(|c| c.len() == 11 && c.as_bytes()[5] == b'-'));
        assert_eq!(recovery_hash("abcde-fghjk"), recovery_hash(" ABCDEFGHJK "));
    }
}
