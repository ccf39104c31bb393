use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use sleutel_protocol::{ErrorCode, UploadReply, UploadRequest, paths};

use super::device_auth::authenticate;
use crate::ApiError;
use crate::state::AppState;
use crate::storage::IngestOutcome;
use crate::use_cases::upload::{SignedUpload, prepare_batch};

/// Uploads a signed batch of counts.
#[utoipa::path(post, path = "/api/v1/counts", request_body = UploadRequest,
    responses((status = 200, body = UploadReply), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 409, body = sleutel_protocol::ErrorReply),
              (status = 413, body = sleutel_protocol::ErrorReply), (status = 429, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Response {
    let device_hint = headers
        .get(sleutel_protocol::headers::DEVICE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("unknown")
        .chars()
        .take(64)
        .collect::<String>();
    match handle(&state, &headers, body).await {
        Ok(reply) => reply,
        Err(ApiError(code)) => {
            tracing::warn!(device_id = %device_hint, code = code.as_str(), "upload rejected");
            if authenticated_rejection(code) {
                let storage = state.storage.clone();
                let detail = serde_json::json!({"device_id": device_hint, "code": code.as_str()});
                let _ = tokio::task::spawn_blocking(move || {
                    storage.audit_repeated(
                        crate::now(),
                        &device_hint,
                        "upload_rejected",
                        &detail,
                        REPEATED_REJECTION_WINDOW_SECS,
                    )
                })
                .await;
            }
            ApiError(code).into_response()
        }
    }
}

/// The same rejection of the same device within this time is one audit entry with a count, not one per request.
const REPEATED_REJECTION_WINDOW_SECS: i64 = 3600;

/// Rejections that can only happen after the device's signature verified go to the audit log. Anonymous junk
/// (bad JSON, unknown devices, bad signatures) and rate limiting are only logged, so nobody can flood the audit log
/// or slow down ingest with it.
fn authenticated_rejection(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::DeviceRevoked
            | ErrorCode::ClockSkew
            | ErrorCode::ReplayDetected
            | ErrorCode::BatchIdReused
            | ErrorCode::InvalidField
            | ErrorCode::TooManyItems
    )
}

async fn handle(
    state: &AppState,
    headers: &HeaderMap,
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, ApiError> {
    let body = super::body_or_error(body)?;
    sleutel_protocol::check_version(&body)?;
    let request: UploadRequest = serde_json::from_slice(&body).map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let (device, signed) = authenticate(state, "POST", paths::COUNTS, headers, &body).await?;
    let upload =
        SignedUpload { body_sha256: crate::sha256(&body), batch_id: &signed.batch_id, timestamp: signed.timestamp };
    let batch = prepare_batch(request, &device, upload, state.device_ceilings, crate::now())?;
    let storage = state.storage.clone();
    let outcome = tokio::task::spawn_blocking(move || storage.ingest(&device, &batch, crate::now())).await??;
    match outcome {
        IngestOutcome::Reply { reply, replayed } => {
            tracing::info!(
                imported = reply.imported,
                updated = reply.updated,
                ignored = reply.ignored,
                rejected = reply.rejected,
                replayed,
                "batch ingested"
            );
            Ok(Json(reply).into_response())
        }
        IngestOutcome::Refused(code) => Err(ApiError(code)),
    }
}
