use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use sleutel_protocol::{DeviceStatus, ReferenceLists, paths};

use super::device_auth::authenticate;
use super::with_storage;
use crate::ApiError;
use crate::state::AppState;

/// The device's high-water mark, so a reinstalled device continues above it.
#[utoipa::path(get, path = "/api/v1/devices/me",
    responses((status = 200, body = DeviceStatus), (status = 401, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn me(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<DeviceStatus>, ApiError> {
    let (device, _) = authenticate(&state, "GET", paths::DEVICE_STATUS, &headers, b"").await?;
    Ok(Json(with_storage(&state, move |storage| crate::use_cases::devices::status(storage, &device)).await?))
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
