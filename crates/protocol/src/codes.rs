//! Stable codes. Request-level errors ([`ErrorCode`]) come with an HTTP status; item-level problems ([`ItemCode`])
//! appear in an upload reply's `conflicts`. Codes are never renamed once released.

use serde::{Deserialize, Serialize};

/// Why a whole request was refused. Nothing was changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body's `protocol` is not one this coordinator speaks.
    ProtocolUnsupported,
    /// The body is not valid JSON of the expected shape.
    MalformedJson,
    /// The body is larger than the limit.
    BodyTooLarge,
    /// More items than allowed in one batch.
    TooManyItems,
    /// A signature header is missing or malformed.
    MissingHeader,
    /// The device id is not known here.
    UnknownDevice,
    /// The device was revoked by a coordinator.
    DeviceRevoked,
    /// The signature does not verify for this device's key and these bytes.
    SignatureInvalid,
    /// The timestamp is outside the allowed clock skew.
    ClockSkew,
    /// This exact signed request was seen before.
    ReplayDetected,
    /// The batch id was used before for a different body.
    BatchIdReused,
    /// Too many requests from this device; retry later.
    RateLimited,
    /// The enrolment code is unknown, expired or already used.
    EnrolmentCodeInvalid,
    /// A field is out of its allowed range (label, batch id, public key).
    InvalidField,
    /// Missing or wrong credentials for a coordinator endpoint.
    Unauthorized,
    /// Authenticated, but not allowed to see this organisation.
    Forbidden,
    /// A query parameter is malformed.
    InvalidQuery,
    /// (exports) The table has more than 6,000 cells, or protecting it would take too long: choose a coarser one.
    TableTooLarge,
    /// Something with this name exists already (an account, an organisation).
    AlreadyExists,
    /// No such endpoint.
    NotFound,
    /// The endpoint exists, but not with this HTTP method.
    MethodNotAllowed,
    /// Something went wrong on the coordinator; retry later.
    InternalError,
    /// (login) The password is right; this account also needs the code from its authenticator app.
    SecondFactorRequired,
    /// An admin must switch two-factor sign-in on before doing anything else.
    TwoFactorRequired,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ProtocolUnsupported => "protocol_unsupported",
            Self::MalformedJson => "malformed_json",
            Self::BodyTooLarge => "body_too_large",
            Self::TooManyItems => "too_many_items",
            Self::MissingHeader => "missing_header",
            Self::UnknownDevice => "unknown_device",
            Self::DeviceRevoked => "device_revoked",
            Self::SignatureInvalid => "signature_invalid",
            Self::ClockSkew => "clock_skew",
            Self::ReplayDetected => "replay_detected",
            Self::BatchIdReused => "batch_id_reused",
            Self::RateLimited => "rate_limited",
            Self::EnrolmentCodeInvalid => "enrolment_code_invalid",
            Self::InvalidField => "invalid_field",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::InvalidQuery => "invalid_query",
            Self::TableTooLarge => "table_too_large",
            Self::AlreadyExists => "already_exists",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::InternalError => "internal_error",
            Self::SecondFactorRequired => "second_factor_required",
            Self::TwoFactorRequired => "two_factor_required",
        }
    }

    /// The HTTP status the coordinator answers with.
    pub fn http_status(self) -> u16 {
        match self {
            Self::ProtocolUnsupported | Self::MalformedJson | Self::TooManyItems | Self::InvalidField => 400,
            Self::InvalidQuery | Self::MissingHeader | Self::TableTooLarge => 400,
            Self::BodyTooLarge => 413,
            Self::UnknownDevice | Self::SignatureInvalid | Self::ClockSkew | Self::Unauthorized => 401,
            Self::SecondFactorRequired => 401,
            Self::DeviceRevoked | Self::Forbidden | Self::EnrolmentCodeInvalid | Self::TwoFactorRequired => 403,
            Self::ReplayDetected | Self::BatchIdReused | Self::AlreadyExists => 409,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::RateLimited => 429,
            Self::InternalError => 500,
        }
    }

    /// Whether the same request may succeed later, so a client should retry with backoff. (`clock_skew` is not:
    /// retrying with the same wrong clock cannot help; the device's clock must be corrected first.)
    pub fn is_transient(self) -> bool {
        matches!(self, Self::RateLimited | Self::InternalError)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        ALL_ERROR_CODES.into_iter().find(|c| c.as_str() == code)
    }
}

/// Every request-level code, for documentation and tests.
pub const ALL_ERROR_CODES: [ErrorCode; 24] = [
    ErrorCode::ProtocolUnsupported,
    ErrorCode::MalformedJson,
    ErrorCode::BodyTooLarge,
    ErrorCode::TooManyItems,
    ErrorCode::MissingHeader,
    ErrorCode::UnknownDevice,
    ErrorCode::DeviceRevoked,
    ErrorCode::SignatureInvalid,
    ErrorCode::ClockSkew,
    ErrorCode::ReplayDetected,
    ErrorCode::BatchIdReused,
    ErrorCode::RateLimited,
    ErrorCode::EnrolmentCodeInvalid,
    ErrorCode::InvalidField,
    ErrorCode::Unauthorized,
    ErrorCode::Forbidden,
    ErrorCode::InvalidQuery,
    ErrorCode::TableTooLarge,
    ErrorCode::AlreadyExists,
    ErrorCode::NotFound,
    ErrorCode::MethodNotAllowed,
    ErrorCode::InternalError,
    ErrorCode::SecondFactorRequired,
    ErrorCode::TwoFactorRequired,
];

/// Why one item of an upload was not applied. The other items are unaffected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemCode {
    /// Not a `YYYY-MM` period between 2000-01 and 2999-12.
    PeriodMalformed,
    /// The metric is not one of the protocol's metrics.
    UnknownMetric,
    /// The dimension names are not exactly the metric's.
    DimensionsMismatch,
    /// A dimension value is not a known code.
    UnknownDimensionValue,
    /// The value is negative or above the per-key maximum.
    ValueOutOfRange,
    /// The version is not a positive integer.
    VersionInvalid,
    /// The same key and version arrived before with another value: a device must never do this.
    Conflict,
    /// The same key appears twice in one batch.
    DuplicateKey,
    /// The period lies after next month: no device counts what has not happened.
    PeriodOutOfRange,
    /// The device holds as many count keys at the coordinator as one device may; new keys are refused.
    TooManyKeys,
}

impl ItemCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PeriodMalformed => "period_malformed",
            Self::UnknownMetric => "unknown_metric",
            Self::DimensionsMismatch => "dimensions_mismatch",
            Self::UnknownDimensionValue => "unknown_dimension_value",
            Self::ValueOutOfRange => "value_out_of_range",
            Self::VersionInvalid => "version_invalid",
            Self::Conflict => "conflict",
            Self::DuplicateKey => "duplicate_key",
            Self::PeriodOutOfRange => "period_out_of_range",
            Self::TooManyKeys => "too_many_keys",
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Self::PeriodMalformed => "the period is not a valid YYYY-MM month",
            Self::UnknownMetric => "the metric is not known",
            Self::DimensionsMismatch => "the dimensions do not match the metric",
            Self::UnknownDimensionValue => "a dimension value is not a known code",
            Self::ValueOutOfRange => "the value is negative or too large",
            Self::VersionInvalid => "the version must be a positive integer",
            Self::Conflict => "this version was already received with another value",
            Self::DuplicateKey => "the same key appears twice in this batch",
            Self::PeriodOutOfRange => "the period lies after next month",
            Self::TooManyKeys => "this device has reached the most count keys one device may hold",
        }
    }
}
