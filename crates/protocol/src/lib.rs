//! Sleutel sync protocol, version 1. `docs/protocol.md` is the specification; this crate is its reference
//! implementation: the JSON wire types, the exact bytes that are signed ([`signing_bytes`]), protocol version
//! handling ([`check_version`]) and the stable reply and error codes ([`ErrorCode`], [`ItemCode`]).
//!
//! No IO. Both the coordinator and the device's sync client use these types, so they cannot drift apart.

mod codes;
pub mod enrolment_link;
mod signing;
mod wire;

pub use codes::{ErrorCode, ItemCode};
pub use signing::{
    PublicKey, SIGNATURE_DOMAIN, Signature, body_digest_hex, replacement_bytes, signing_bytes, verify_signature,
};
pub use wire::{
    CountItem, DebriefReply, DebriefRequest, DeviceStatus, EnrolReply, EnrolRequest, ErrorReply, ItemProblem,
    OrganisationInfo, ReferenceEntry, ReferenceLists, Replacement, SupportContactInfo, UploadReply, UploadRequest,
    UploadStatus, VersionProbe,
};

/// The protocol version this build speaks.
pub const PROTOCOL_VERSION: u32 = 1;

/// Paths of the API, relative to the coordinator's base URL.
pub mod paths {
    pub const ENROL: &str = "/api/v1/enrol";
    pub const COUNTS: &str = "/api/v1/counts";
    pub const DEVICE_STATUS: &str = "/api/v1/devices/me";
    pub const REFERENCE_LISTS: &str = "/api/v1/reference-lists";
    pub const TOTALS: &str = "/api/v1/totals";
    pub const EXPORT_TABLE: &str = "/api/v1/exports/table";
    pub const LABELS: &str = "/api/v1/labels";
    pub const SESSION: &str = "/api/v1/session";
    pub const DEVICES: &str = "/api/v1/devices";
    pub const DEVICE_CODES: &str = "/api/v1/devices/codes";
    pub const DEVICE_REVOKE: &str = "/api/v1/devices/{id}/revoke";
    pub const AUDIT: &str = "/api/v1/audit";
    pub const OVERVIEW: &str = "/api/v1/overview";
    pub const PROJECTS: &str = "/api/v1/projects";
    pub const PROJECT: &str = "/api/v1/projects/{id}";
    pub const PROJECT_PROGRESS: &str = "/api/v1/projects/{id}/progress";
    pub const PROJECT_EXPORT: &str = "/api/v1/projects/{id}/export";
    pub const CLOSED_PERIODS: &str = "/api/v1/closed-periods";
    pub const CLOSED_PERIOD: &str = "/api/v1/closed-periods/{organisation}/{first_month}";
    pub const ORGANISATIONS: &str = "/api/v1/organisations";
    pub const ORGANISATION_THRESHOLD: &str = "/api/v1/organisations/{id}/threshold";
    pub const ACCOUNTS: &str = "/api/v1/accounts";
    pub const ACCOUNT: &str = "/api/v1/accounts/{id}";
    pub const ACCOUNT_PASSWORD: &str = "/api/v1/accounts/{id}/password";
    pub const ACCOUNT_ORGANISATIONS: &str = "/api/v1/accounts/{id}/organisations";
    pub const OWN_PASSWORD: &str = "/api/v1/session/password";
    pub const TWO_FACTOR: &str = "/api/v1/session/two-factor";
    pub const TWO_FACTOR_OFF: &str = "/api/v1/session/two-factor/off";
    pub const DEBRIEF_REQUESTS: &str = "/api/v1/debrief-requests";
    pub const DEBRIEF_REQUEST_HANDLED: &str = "/api/v1/debrief-requests/{id}/handled";
    pub const ORGANISATION_REACH_DETAILS: &str = "/api/v1/organisations/{id}/reach-details";
    pub const EFFECTS: &str = "/api/v1/effects";
    pub const WELLBEING: &str = "/api/v1/wellbeing";
    pub const ORGANISATION_SUPPORT_CONTACT: &str = "/api/v1/organisations/{id}/support-contact";
    pub const OPENAPI: &str = "/api/v1/openapi.json";
}

/// Request headers that carry the signature and what it binds.
pub mod headers {
    /// The device id (empty for enrolment).
    pub const DEVICE: &str = "x-sleutel-device";
    /// Unix seconds when the request was signed.
    pub const TIMESTAMP: &str = "x-sleutel-timestamp";
    /// The batch id of an upload (empty for other requests).
    pub const BATCH: &str = "x-sleutel-batch";
    /// Base64url (no padding) Ed25519 signature over [`crate::signing_bytes`].
    pub const SIGNATURE: &str = "x-sleutel-signature";
}

/// Limits both sides respect.
pub mod limits {
    /// Largest request body the coordinator reads.
    pub const MAX_BODY_BYTES: usize = 1024 * 1024;
    /// Most count items in one upload.
    pub const MAX_ITEMS_PER_BATCH: usize = 2000;
    /// Most count keys one device may hold at the coordinator. A heavy volunteer has about 100 a month, so this is
    /// over forty years of them; it only stops a broken or hostile device from filling the disk.
    pub const MAX_KEYS_PER_DEVICE: i64 = 50_000;
    /// Most upload replies kept per device (for answering a retried batch). Older ones go first.
    pub const MAX_STORED_REPLIES_PER_DEVICE: i64 = 200;
    /// How far a request's timestamp may differ from the coordinator's clock.
    pub const CLOCK_SKEW_SECS: i64 = 300;
    /// Batch ids: 16 to 64 characters of `[A-Za-z0-9_-]`.
    pub const BATCH_ID_MIN: usize = 16;
    pub const BATCH_ID_MAX: usize = 64;
    /// A device label: at most this many characters.
    pub const LABEL_MAX_CHARS: usize = sleutel_domain::DeviceLabel::MAX_CHARS;
}

/// Refuses a request whose body declares a protocol this build does not speak, with a clear code; parse only
/// `{"protocol": n}` first, so a newer body shape cannot cause a confusing parse error.
pub fn check_version(body: &[u8]) -> Result<(), ErrorCode> {
    let probe: VersionProbe = serde_json::from_slice(body).map_err(|_| ErrorCode::MalformedJson)?;
    match probe.protocol {
        PROTOCOL_VERSION => Ok(()),
        v if v > PROTOCOL_VERSION => Err(ErrorCode::ProtocolUnsupported),
        _ => Err(ErrorCode::ProtocolUnsupported),
    }
}

/// Whether a batch id is well formed.
pub fn valid_batch_id(id: &str) -> bool {
    (limits::BATCH_ID_MIN..=limits::BATCH_ID_MAX).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_checked_before_the_body_is_parsed() {
        assert_eq!(check_version(br#"{"protocol":1,"anything":true}"#), Ok(()));
        assert_eq!(check_version(br#"{"protocol":2,"items":"a new shape"}"#), Err(ErrorCode::ProtocolUnsupported));
        assert_eq!(check_version(br#"{"protocol":0}"#), Err(ErrorCode::ProtocolUnsupported));
        assert_eq!(check_version(b"{not json"), Err(ErrorCode::MalformedJson));
        assert_eq!(check_version(br#"{"items":[]}"#), Err(ErrorCode::MalformedJson));
    }

    #[test]
    fn batch_ids_are_bounded_and_plain() {
        assert!(valid_batch_id("b-0123456789abcdef"));
        assert!(!valid_batch_id("short"));
        assert!(!valid_batch_id(&"x".repeat(65)));
        assert!(!valid_batch_id("b 0123456789abcdef"));
    }
}
