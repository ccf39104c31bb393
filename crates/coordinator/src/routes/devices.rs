use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use sleutel_protocol::{DeviceStatus, OrganisationInfo, ReferenceLists, paths};

use super::device_auth::authenticate;
use crate::ApiError;
use crate::state::AppState;
use crate::storage::StorageError;

/// The device's high-water mark, so a reinstalled device continues above it.
#[utoipa::path(get, path = "/api/v1/devices/me",
    responses((status = 200, body = DeviceStatus), (status = 401, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn me(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<DeviceStatus>, ApiError> {
    let (device, _) = authenticate(&state, "GET", paths::DEVICE_STATUS, &headers, b"").await?;
    let storage = state.storage.clone();
    let (organisation_id, id) = (device.organisation_id, device.id.clone());
    let (organisation, keys) = tokio::task::spawn_blocking(move || {
        let organisation = storage.organisation(organisation_id)?.ok_or(StorageError::NotFound)?;
        Ok::<_, StorageError>((organisation, storage.device_key_count(&id)?))
    })
    .await??;
    Ok(Json(DeviceStatus {
        device_id: device.id,
        organisation: OrganisationInfo { id: organisation.id, name: organisation.name },
        high_water_version: device.high_water_version,
        keys,
        last_upload_at: device.last_upload_at,
    }))
}

/// The reference lists for the device's organisation (the shipped lists until projects can override them).
#[utoipa::path(get, path = "/api/v1/reference-lists",
    responses((status = 200, body = ReferenceLists), (status = 401, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn reference_lists(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<ReferenceLists>, ApiError> {
    authenticate(&state, "GET", paths::REFERENCE_LISTS, &headers, b"").await?;
    Ok(Json(ReferenceLists::shipped()))
}
