//! `GET /healthz` (the process is alive) and `GET /readyz` (its database answers and has every migration), for
//! load balancers, systemd and monitoring. Neither needs credentials nor says anything about the data.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use super::with_storage;
use crate::state::AppState;

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `alive`, `ready` or `not_ready`.
    pub status: &'static str,
}

/// The process answers.
#[utoipa::path(get, path = "/healthz", responses((status = 200, body = Health)))]
pub(crate) async fn alive() -> Json<Health> {
    Json(Health { status: "alive" })
}

/// The database answers and has every migration this coordinator knows; else 503.
#[utoipa::path(get, path = "/readyz", responses((status = 200, body = Health), (status = 503, body = Health)))]
pub(crate) async fn ready(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    match with_storage(&state, |storage| Ok(storage.ready()?)).await {
        Ok(true) => (StatusCode::OK, Json(Health { status: "ready" })),
        _ => (StatusCode::SERVICE_UNAVAILABLE, Json(Health { status: "not_ready" })),
    }
}
