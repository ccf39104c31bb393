//! Authenticating a device request: headers present, device known, signature valid over the fixed bytes, within
//! its rate limit, timestamp within the skew window, device not revoked.

use axum::http::HeaderMap;
use sleutel_protocol::{ErrorCode, PublicKey, Signature, headers, signing_bytes, verify_signature};

use crate::ApiError;
use crate::state::AppState;
use crate::storage::Device;

/// The signature headers of a request.
pub(crate) struct SignedHeaders {
    pub device_id: String,
    pub timestamp: i64,
    pub batch_id: String,
    pub signature: Signature,
}

pub(crate) fn signed_headers(map: &HeaderMap) -> Result<SignedHeaders, ApiError> {
    let text = |name: &str| -> Result<String, ApiError> {
        map.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned).ok_or(ApiError(ErrorCode::MissingHeader))
    };
    let timestamp = parse_timestamp(&text(headers::TIMESTAMP)?).ok_or(ApiError(ErrorCode::MissingHeader))?;
    let signature = Signature::parse(&text(headers::SIGNATURE)?).ok_or(ApiError(ErrorCode::MissingHeader))?;
    Ok(SignedHeaders {
        device_id: text(headers::DEVICE).unwrap_or_default(),
        timestamp,
        batch_id: text(headers::BATCH).unwrap_or_default(),
        signature,
    })
}

/// The timestamp header exactly as it was signed: decimal digits only, without a sign, spaces or leading zeros,
/// so one signed request has one accepted spelling.
fn parse_timestamp(text: &str) -> Option<i64> {
    let canonical = !text.is_empty()
        && text.len() <= 18
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    canonical.then(|| text.parse().ok()).flatten()
}

/// Checks the timestamp against the coordinator's clock.
pub(crate) fn check_clock(state: &AppState, timestamp: i64) -> Result<(), ApiError> {
    // abs_diff: no overflow for hostile timestamps near i64::MIN/MAX.
    if crate::now().abs_diff(timestamp) > state.clock_skew_secs.unsigned_abs() {
        return Err(ApiError(ErrorCode::ClockSkew));
    }
    Ok(())
}

/// Checks a signature made by `key`.
pub(crate) fn check_signature(
    key: &PublicKey,
    method: &str,
    path: &str,
    h: &SignedHeaders,
    body: &[u8],
) -> Result<(), ApiError> {
    let message = signing_bytes(method, path, &h.device_id, h.timestamp, &h.batch_id, body);
    if verify_signature(key, &message, &h.signature) { Ok(()) } else { Err(ApiError(ErrorCode::SignatureInvalid)) }
}

/// Authenticates a request from an enrolled device.
pub(crate) async fn authenticate(
    state: &AppState,
    method: &str,
    path: &str,
    map: &HeaderMap,
    body: &[u8],
) -> Result<(Device, SignedHeaders), ApiError> {
    let h = signed_headers(map)?;
    if h.device_id.is_empty() {
        return Err(ApiError(ErrorCode::MissingHeader));
    }
    let storage = state.storage.clone();
    let id = h.device_id.clone();
    let device =
        tokio::task::spawn_blocking(move || storage.device(&id)).await??.ok_or(ApiError(ErrorCode::UnknownDevice))?;
    check_signature(&PublicKey(device.public_key), method, path, &h, body)?;
    // The rate limit comes right after the signature, before every other refusal: a revoked device or one with
    // a wrong clock that keeps retrying is slowed down like any other, and cannot make work (or audit entries) for
    // every request. Before the signature it would let anyone who knows a device id use up that device's budget.
    if !state.limiter.allow(&device.id, crate::rate_limit::now_secs()) {
        return Err(ApiError(ErrorCode::RateLimited));
    }
    check_clock(state, h.timestamp)?;
    if device.revoked_at.is_some() {
        return Err(ApiError(ErrorCode::DeviceRevoked));
    }
    Ok((device, h))
}

/// An enrolment request whose signature its own new key made, within the clock window: the request and that key.
pub(crate) fn verified_enrolment(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(sleutel_protocol::EnrolRequest, PublicKey), ApiError> {
    sleutel_protocol::check_version(body)?;
    let request: sleutel_protocol::EnrolRequest =
        serde_json::from_slice(body).map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let key = PublicKey::parse(&request.public_key).ok_or(ApiError(ErrorCode::InvalidField))?;
    let signed = signed_headers(headers)?;
    // An enrolment names no device and no batch yet.
    if !signed.device_id.is_empty() || !signed.batch_id.is_empty() {
        return Err(ApiError(ErrorCode::InvalidField));
    }
    check_signature(&key, "POST", sleutel_protocol::paths::ENROL, &signed, body)?;
    check_clock(state, signed.timestamp)?;
    Ok((request, key))
}

#[cfg(test)]
mod tests {
    use super::parse_timestamp;

    #[test]
    fn timestamps_are_digits_only() {
        assert_eq!(parse_timestamp("1764460800"), Some(1_764_460_800));
        for bad in ["", "+1764460800", "-5", " 1764460800", "1764460800 ", "01764460800", "0x10", "9999999999999999999"]
        {
            assert_eq!(parse_timestamp(bad), None, "{bad:?}");
        }
    }
}
