//! Codes people read aloud and type: Crockford base32 (no I, L, O, U), forgiving about case, spaces, dashes and the
//! look-alikes I/L (1) and O (0). Used by referral codes, recovery codes and enrolment codes.

/// The 32 characters of Crockford base32.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// One character per random byte (`byte % 32`): each character carries exactly 5 uniform bits.
pub fn from_random_bytes(bytes: &[u8]) -> String {
    bytes.iter().map(|b| char::from(ALPHABET[usize::from(b % 32)])).collect()
}

/// What a person typed, normalised: upper case, without spaces and dashes, I/L read as 1 and O as 0. Other
/// characters are kept, so callers decide whether they are an error.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            c => c,
        })
        .collect()
}

/// Whether every character is in [`ALPHABET`].
pub fn is_valid(code: &str) -> bool {
    code.bytes().all(|b| ALPHABET.contains(&b))
}

/// The code in groups of `size` joined by dashes, e.g. `7K3F-Q9XM`.
pub fn grouped(code: &str, size: usize) -> String {
    let chars: Vec<char> = code.chars().collect();
    chars.chunks(size.max(1)).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_is_forgiving_and_grouping_is_stable() {
        assert_eq!(normalise("ab ld-oxyz"), "AB1D0XYZ");
        assert!(is_valid("AB1D0XYZ") && !is_valid("ABU"));
        assert_eq!(grouped("7K3FQ9XM2D4P", 4), "7K3F-Q9XM-2D4P");
        assert_eq!(from_random_bytes(&[0, 31, 32, 255]), "0Z0Z");
    }
}
