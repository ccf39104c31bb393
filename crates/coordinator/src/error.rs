//! One error type for the HTTP layer. Clients get `{code, message}` with the protocol's stable code; internal
//! details go to the log, never to the client.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use sleutel_protocol::{ErrorCode, ErrorReply};

use crate::storage::StorageError;

#[derive(Debug)]
pub struct ApiError(pub ErrorCode);

impl ApiError {
    pub fn message(code: ErrorCode) -> &'static str {
        match code {
            ErrorCode::ProtocolUnsupported => "this coordinator speaks protocol version 1",
            ErrorCode::MalformedJson => "the body is not valid JSON of the expected shape",
            ErrorCode::BodyTooLarge => "the body is larger than 1 MiB",
            ErrorCode::TooManyItems => "a batch holds at most 2000 items",
            ErrorCode::MissingHeader => "a signature header is missing or malformed",
            ErrorCode::UnknownDevice => "this device is not enrolled here",
            ErrorCode::DeviceRevoked => "this device was revoked by a coordinator",
            ErrorCode::SignatureInvalid => "the signature does not verify",
            ErrorCode::ClockSkew => "the request's timestamp is too far from the coordinator's clock",
            ErrorCode::ReplayDetected => "this exact request was received before",
            ErrorCode::BatchIdReused => "this batch id was used before for other content",
            ErrorCode::RateLimited => "too many requests; retry later",
            ErrorCode::EnrolmentCodeInvalid => "the enrolment code is unknown, expired or already used",
            ErrorCode::InvalidField => "a field is malformed or out of range",
            ErrorCode::Unauthorized => "missing or wrong credentials",
            ErrorCode::Forbidden => "not allowed for this account",
            ErrorCode::AlreadyExists => "something with this name exists already",
            ErrorCode::InvalidQuery => "a query parameter is malformed",
            ErrorCode::TableTooLarge => "the table is too large to protect; choose fewer rows, columns or months",
            ErrorCode::NotFound => "there is no such endpoint",
            ErrorCode::MethodNotAllowed => "this endpoint does not take this method",
            ErrorCode::InternalError => "something went wrong on the coordinator; retry later",
            ErrorCode::SecondFactorRequired => "the code from the authenticator app is needed as well",
            ErrorCode::TwoFactorRequired => "an admin must switch two-factor sign-in on first",
        }
    }
}

impl From<ErrorCode> for ApiError {
    fn from(code: ErrorCode) -> Self {
        Self(code)
    }
}

impl From<StorageError> for ApiError {
    fn from(e: StorageError) -> Self {
        tracing::error!(error = %e, "storage failure");
        Self(ErrorCode::InternalError)
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(e: tokio::task::JoinError) -> Self {
        tracing::error!(error = %e, "blocking task failed");
        Self(ErrorCode::InternalError)
    }
}

/// `Retry-After` on every `429`: the longest any of the coordinator's token buckets needs to refill one request at
/// its slowest allowed rate (one per minute), and longer than a flood of password checks lasts.
pub const RETRY_AFTER_SECS: u64 = 60;

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response =
            (status, Json(ErrorReply { code: self.0, message: Self::message(self.0).into() })).into_response();
        // For the metrics: the outcome by its code, without reading the body again.
        response.extensions_mut().insert(self.0);
        if status == StatusCode::TOO_MANY_REQUESTS {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from(RETRY_AFTER_SECS));
        }
        response
    }
}
