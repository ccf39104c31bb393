use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use sleutel_protocol::{EnrolReply, EnrolRequest, ErrorCode, OrganisationInfo, PublicKey, ReferenceLists, paths};

use super::device_auth::{check_clock, check_signature, signed_headers};
use crate::ApiError;
use crate::admin::new_device_id;
use crate::state::AppState;

/// Enrols a device with a one-time code; the request is signed with the device's new key.
#[utoipa::path(post, path = "/api/v1/enrol", request_body = EnrolRequest,
    responses((status = 201, body = EnrolReply), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn enrol(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<(StatusCode, Json<EnrolReply>), ApiError> {
    // Per address, before any work: enrolment codes must not be guessable by trying many.
    let client = crate::client_address::client_ip(peer, &headers, &state.proxies);
    if !state.enrol_limiter.allow(&crate::client_address::limit_key(client), crate::rate_limit::now_secs()) {
        return Err(ApiError(ErrorCode::RateLimited));
    }
    let body = super::body_or_error(body)?;
    sleutel_protocol::check_version(&body)?;
    let request: EnrolRequest = serde_json::from_slice(&body).map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let key = PublicKey::parse(&request.public_key).ok_or(ApiError(ErrorCode::InvalidField))?;
    let signed = signed_headers(&headers)?;
    if !signed.device_id.is_empty() || !signed.batch_id.is_empty() {
        return Err(ApiError(ErrorCode::InvalidField));
    }
    check_signature(&key, "POST", paths::ENROL, &signed, &body)?;
    check_clock(&state, signed.timestamp)?;
    let device_id = new_device_id().map_err(|_| ApiError(ErrorCode::InternalError))?;
    let storage = state.storage.clone();
    let (device, organisation) = tokio::task::spawn_blocking(move || {
        crate::use_cases::enrol::enrol(storage.as_ref(), &request, &key, &device_id, crate::now())
    })
    .await??;
    tracing::info!(device_id = %device.id, organisation_id = device.organisation_id, "device enrolled");
    Ok((
        StatusCode::CREATED,
        Json(EnrolReply {
            device_id: device.id,
            organisation: OrganisationInfo { id: organisation.id, name: organisation.name },
            reference_lists: ReferenceLists::shipped(),
        }),
    ))
}
