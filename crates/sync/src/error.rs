//! One error type for sync, with stable codes; the coordinator's own codes pass through unchanged.

use sleutel_protocol::ErrorCode;
use sleutel_store::StoreError;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SyncError {
    #[error("this device is not enrolled with a coordinator")]
    NotEnrolled,
    #[error("this device is already enrolled")]
    AlreadyEnrolled,
    #[error("not a valid coordinator address")]
    InvalidUrl,
    #[error("the coordinator address must use https (plain http only for this computer)")]
    InsecureUrl,
    #[error("the coordinator could not be reached")]
    Network,
    #[error("the coordinator refused the request: {}", .0.as_str())]
    Refused(ErrorCode),
    #[error("the coordinator's answer was not understood")]
    BadReply,
    #[error("the local store failed: {}", .0.code())]
    Store(#[from] StoreError),
    #[error("the signing key could not be used")]
    Key,
    #[error("the app was locked during sync")]
    Locked,
}

impl SyncError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotEnrolled => "not_enrolled",
            Self::AlreadyEnrolled => "already_enrolled",
            Self::InvalidUrl => "invalid_url",
            Self::InsecureUrl => "insecure_url",
            Self::Network => "network_unreachable",
            Self::Refused(code) => code.as_str(),
            Self::BadReply => "bad_reply",
            Self::Store(e) => e.code(),
            Self::Key => "signing_key_unusable",
            Self::Locked => "locked",
        }
    }

    /// Whether retrying later may help.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Network | Self::BadReply => true,
            Self::Refused(code) => code.is_transient(),
            _ => false,
        }
    }
}

/// Plain English words for a code, for logs and as a fallback when the UI has no translation.
pub(crate) fn plain_words(code: &str) -> &'static str {
    match code {
        "network_unreachable" => "The coordinator could not be reached. Sync will try again later.",
        "device_revoked" => "This device was switched off by your coordinator. Ask them for a new code.",
        "unknown_device" => "The coordinator does not know this device. Enrol it again with a new code.",
        "enrolment_code_invalid" => "The code is not valid (mistyped, already used or expired). Ask for a new code.",
        "clock_skew" => "This device's clock is off. Check the date and time.",
        "rate_limited" => "The coordinator is busy. Sync will try again later.",
        "insecure_url" => "The address must start with https://.",
        _ => "Sync did not work. It will try again later.",
    }
}
