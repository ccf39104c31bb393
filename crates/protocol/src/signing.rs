//! The exact bytes a device signs, and signature verification (Ed25519, ring).
//!
//! ```text
//! sleutel-sync-v1\n
//! <METHOD>\n
//! <path>\n
//! <device id, empty for enrolment>\n
//! <timestamp, unix seconds, decimal>\n
//! <batch id, empty unless an upload>\n
//! <SHA-256 of the body, 64 lowercase hex digits>
//! ```
//! Fixed bytes, never a serialized struct: the signature does not depend on JSON formatting or field order, and the
//! body is bound through its digest.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::digest::{SHA256, digest};
use ring::signature::{ED25519, UnparsedPublicKey};

/// The domain prefix: a signature made for this protocol cannot be valid for anything else.
pub const SIGNATURE_DOMAIN: &str = "sleutel-sync-v1";

/// Lowercase hex SHA-256 of a body.
pub fn body_digest_hex(body: &[u8]) -> String {
    hex::encode(digest(&SHA256, body))
}

/// The bytes to sign for a request.
pub fn signing_bytes(
    method: &str,
    path: &str,
    device_id: &str,
    timestamp: i64,
    batch_id: &str,
    body: &[u8],
) -> Vec<u8> {
    format!(
        "{SIGNATURE_DOMAIN}\n{}\n{path}\n{device_id}\n{timestamp}\n{batch_id}\n{}",
        method.to_ascii_uppercase(),
        body_digest_hex(body)
    )
    .into_bytes()
}

/// The bytes a device signs with its *old* key when it enrols again under a new one (see `Replacement`):
/// `sleutel-replace-v1\n<old device id>\n<new public key, base64url>`. Only the holder of the old key can make
/// it, and it names the new key, so it cannot be reused for another enrolment.
pub fn replacement_bytes(old_device_id: &str, new_public_key: &str) -> Vec<u8> {
    format!("sleutel-replace-v1\n{old_device_id}\n{new_public_key}").into_bytes()
}

/// A 32-byte Ed25519 public key; base64url without padding on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey(pub [u8; 32]);

impl PublicKey {
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = URL_SAFE_NO_PAD.decode(text.trim()).ok()?;
        Some(Self(bytes.try_into().ok()?))
    }

    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }
}

/// A 64-byte Ed25519 signature; base64url without padding on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u8>);

impl Signature {
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = URL_SAFE_NO_PAD.decode(text.trim()).ok()?;
        (bytes.len() == 64).then_some(Self(bytes))
    }

    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(&self.0)
    }
}

/// Whether `signature` is a valid signature of `message` by `key`.
pub fn verify_signature(key: &PublicKey, message: &[u8], signature: &Signature) -> bool {
    UnparsedPublicKey::new(&ED25519, key.0).verify(message, &signature.0).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ring::signature::{Ed25519KeyPair, KeyPair};

    /// The test vectors published in `docs/protocol.md`, read from the document itself so the two cannot drift.
    fn vectors() -> Vec<(String, String)> {
        let doc = include_str!("../../../docs/protocol.md");
        let block = doc.split("```test-vector").nth(1).expect("a test-vector block").split("```").next().expect("end");
        block
            .lines()
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .collect()
    }

    fn vector(name: &str) -> String {
        vectors().into_iter().find(|(k, _)| k == name).map(|(_, v)| v).unwrap_or_else(|| panic!("vector {name}"))
    }

    #[test]
    fn the_documented_test_vectors_hold() {
        let seed = hex::decode(vector("seed")).expect("hex seed");
        let pair = Ed25519KeyPair::from_seed_unchecked(&seed).expect("valid seed");
        let public = PublicKey(pair.public_key().as_ref().try_into().expect("32 bytes"));
        assert_eq!(public.encode(), vector("public_key"));

        let body = vector("body");
        assert_eq!(body_digest_hex(body.as_bytes()), vector("body_sha256"));
        let timestamp: i64 = vector("timestamp").parse().expect("number");
        let message = signing_bytes(
            &vector("method"),
            &vector("path"),
            &vector("device_id"),
            timestamp,
            &vector("batch_id"),
            body.as_bytes(),
        );
        assert_eq!(hex::encode(&message), vector("signing_bytes_hex"));
        let signature = Signature(pair.sign(&message).as_ref().to_vec());
        assert_eq!(signature.encode(), vector("signature"));
        assert!(verify_signature(&public, &message, &signature));
    }

    #[test]
    fn any_change_to_the_signed_fields_breaks_the_signature() {
        let pair = Ed25519KeyPair::from_seed_unchecked(&[7u8; 32]).expect("seed");
        let public = PublicKey(pair.public_key().as_ref().try_into().expect("32 bytes"));
        let msg = signing_bytes("POST", "/api/v1/counts", "dev", 100, "batch-0000000000000001", b"{}");
        let sig = Signature(pair.sign(&msg).as_ref().to_vec());
        assert!(verify_signature(&public, &msg, &sig));
        for other in [
            signing_bytes("GET", "/api/v1/counts", "dev", 100, "batch-0000000000000001", b"{}"),
            signing_bytes("POST", "/api/v1/enrol", "dev", 100, "batch-0000000000000001", b"{}"),
            signing_bytes("POST", "/api/v1/counts", "dev2", 100, "batch-0000000000000001", b"{}"),
            signing_bytes("POST", "/api/v1/counts", "dev", 101, "batch-0000000000000001", b"{}"),
            signing_bytes("POST", "/api/v1/counts", "dev", 100, "batch-0000000000000002", b"{}"),
            signing_bytes("POST", "/api/v1/counts", "dev", 100, "batch-0000000000000001", b"{ }"),
        ] {
            assert!(!verify_signature(&public, &other, &sig));
        }
        assert!(Signature::parse("too-short").is_none());
        assert!(PublicKey::parse("!!").is_none());
    }
}
