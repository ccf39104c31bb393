//! `POST /api/v1/enrol`: a device enrols with a one-time code, signed with its new key (docs/protocol.md). The
//! rules: [`crate::use_cases::enrol`].

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use sleutel_protocol::{EnrolReply, EnrolRequest, ErrorCode};

use super::device_auth::verified_enrolment;
use super::with_storage;
use crate::ApiError;
use crate::state::AppState;
use crate::use_cases::enrol;

/// Enrols a device with a one-time code; the request is signed with the device's new key.
#[utoipa::path(post, path = "/api/v1/enrol", request_body = EnrolRequest,
    responses((status = 201, body = EnrolReply), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply), (status = 429, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn enrol(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<(StatusCode, Json<EnrolReply>), ApiError> {
    // Per address, before any work: enrolment codes must not be guessable by trying many.
    super::client_within(&state, &state.enrol_limiter, peer, &headers)?;
    let (request, key) = verified_enrolment(&state, &headers, &super::body_or_error(body)?)?;
    let device_id = crate::admin::new_device_id().map_err(|_| ApiError(ErrorCode::InternalError))?;
    let reply = with_storage(&state, move |storage| {
        let enrolled = enrol::enrol(storage, &request, &key, &device_id, crate::now())?;
        enrol::reply(storage, enrolled)
    });
    Ok((StatusCode::CREATED, Json(reply.await?)))
}
