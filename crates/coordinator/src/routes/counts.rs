//! `POST /api/v1/counts`: a device's signed batch of counts (docs/protocol.md). The rules:
//! [`crate::use_cases::upload`].

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use sleutel_protocol::{ErrorCode, UploadReply, UploadRequest, paths};

use super::device_auth::authenticate;
use super::with_storage;
use crate::ApiError;
use crate::state::AppState;
use crate::use_cases::upload::{self, SignedUpload};

type Body = Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>;

/// Uploads a signed batch of counts.
#[utoipa::path(post, path = "/api/v1/counts", request_body = UploadRequest,
    responses((status = 200, body = UploadReply), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 409, body = sleutel_protocol::ErrorReply),
              (status = 413, body = sleutel_protocol::ErrorReply), (status = 429, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn upload(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    let device = named_device(&headers);
    match take(&state, &headers, body).await {
        Ok(reply) => Json(reply).into_response(),
        Err(ApiError(code)) => {
            tracing::warn!(device_id = %device, code = code.as_str(), "upload rejected");
            let recorded = move |storage: &dyn crate::storage::Storage| {
                Ok(upload::record_rejection(storage, &device, code, crate::now())?)
            };
            let _ = with_storage(&state, recorded).await;
            ApiError(code).into_response()
        }
    }
}

/// The device the request names (at most 64 characters, for logs), before anything is verified.
fn named_device(headers: &HeaderMap) -> String {
    let named = headers.get(sleutel_protocol::headers::DEVICE).and_then(|v| v.to_str().ok());
    named.unwrap_or("unknown").chars().take(64).collect()
}

/// Reads and authenticates the upload, then hands it to the use case.
async fn take(state: &AppState, headers: &HeaderMap, body: Body) -> Result<UploadReply, ApiError> {
    let body = super::body_or_error(body)?;
    sleutel_protocol::check_version(&body)?;
    let request: UploadRequest = serde_json::from_slice(&body).map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let (device, signed) = authenticate(state, "POST", paths::COUNTS, headers, &body).await?;
    let (body_sha256, ceilings) = (crate::sha256(&body), state.device_ceilings);
    with_storage(state, move |storage| {
        let signed = SignedUpload { body_sha256, batch_id: &signed.batch_id, timestamp: signed.timestamp };
        upload::upload(storage, request, &device, signed, ceilings, crate::now())
    })
    .await
}
