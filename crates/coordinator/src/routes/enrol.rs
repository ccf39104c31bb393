use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use sleutel_protocol::{EnrolReply, EnrolRequest, ErrorCode, OrganisationInfo, PublicKey, ReferenceLists, paths};

use super::device_auth::{check_clock, check_signature, signed_headers};
use crate::ApiError;
use crate::admin::{enrolment_code_hash, new_device_id};
use crate::state::AppState;
use crate::storage::{Enrolled, StorageError};

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
    let label = sleutel_domain::DeviceLabel::parse(&request.label, chrono::Utc::now().date_naive())
        .map_err(|_| ApiError(ErrorCode::InvalidField))?
        .as_str()
        .to_owned();
    let key = PublicKey::parse(&request.public_key).ok_or(ApiError(ErrorCode::InvalidField))?;
    let replaces = request.replaces.clone();
    let signed = signed_headers(&headers)?;
    if !signed.device_id.is_empty() || !signed.batch_id.is_empty() {
        return Err(ApiError(ErrorCode::InvalidField));
    }
    check_signature(&key, "POST", paths::ENROL, &signed, &body)?;
    check_clock(&state, signed.timestamp)?;

    let code_hash = enrolment_code_hash(&request.code);
    let storage = state.storage.clone();
    let replaced = match replaces {
        None => None,
        Some(proof) => Some(check_replacement(&state, &proof, &request.public_key).await?),
    };
    let device_id = new_device_id().map_err(|_| ApiError(ErrorCode::InternalError))?;
    let now = crate::now();
    let (device, organisation) = tokio::task::spawn_blocking(move || {
        let audit = crate::storage::AuditRecord {
            actor: device_id.clone(),
            action: "device_enrolled",
            detail: serde_json::json!({"device_id": device_id, "replaces": replaced}),
        };
        let enrolment = crate::storage::DeviceEnrolment {
            code_sha256: &code_hash,
            device_id: &device_id,
            public_key: &key.0,
            label: &label,
            replaces: replaced.as_deref(),
        };
        let enrolled = storage.enrol_device(&enrolment, &[audit], now);
        let device = match enrolled {
            Ok(Some(Enrolled { device, repeated: true })) => {
                // The device's first request got through but its reply did not: the same answer again.
                tracing::info!(device_id = %device.id, "enrolment repeated");
                storage.audit(now, &device.id, "enrolment_repeated", &serde_json::json!({"device_id": device.id}))?;
                let organisation = storage.organisation(device.organisation_id)?.ok_or(StorageError::NotFound)?;
                return Ok(Some((device, organisation)));
            }
            Ok(Some(Enrolled { device, .. })) => device,
            Ok(None) | Err(StorageError::Conflict) => {
                storage.audit(
                    now,
                    "unknown",
                    "enrolment_rejected",
                    &serde_json::json!({"code": "enrolment_code_invalid"}),
                )?;
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        let organisation = storage.organisation(device.organisation_id)?.ok_or(StorageError::NotFound)?;
        Ok::<_, StorageError>(Some((device, organisation)))
    })
    .await??
    .ok_or(ApiError(ErrorCode::EnrolmentCodeInvalid))?;
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

/// A replacement proof: the old device exists and its key signed the new public key. A wrong proof refuses the
/// enrolment before the code is used.
async fn check_replacement(
    state: &AppState,
    proof: &sleutel_protocol::Replacement,
    new_public_key: &str,
) -> Result<String, ApiError> {
    let signature = sleutel_protocol::Signature::parse(&proof.signature).ok_or(ApiError(ErrorCode::InvalidField))?;
    let storage = state.storage.clone();
    let id = proof.device_id.clone();
    let old =
        tokio::task::spawn_blocking(move || storage.device(&id)).await??.ok_or(ApiError(ErrorCode::InvalidField))?;
    let message = sleutel_protocol::replacement_bytes(&old.id, new_public_key.trim());
    if !sleutel_protocol::verify_signature(&PublicKey(old.public_key), &message, &signature) {
        return Err(ApiError(ErrorCode::InvalidField));
    }
    Ok(old.id)
}
