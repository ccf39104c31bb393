//! `GET /api/v1/projects[?organisation]`, `POST /api/v1/projects`, `PUT|DELETE /api/v1/projects/{id}` and
//! `GET /api/v1/projects/{id}/progress`, `GET /api/v1/projects/{id}/export` (rules: [`crate::use_cases::projects`]).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Method, StatusCode};
use serde::Deserialize;
use sleutel_protocol::ErrorCode;

use super::as_caller;
use crate::ApiError;
use crate::state::AppState;
use crate::use_cases::projects::{self, Project, ProjectExportRequest, ProjectProgress, ProjectRequest};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ProjectParams {
    organisation: Option<i64>,
}

type Body = Result<Json<ProjectRequest>, axum::extract::rejection::JsonRejection>;
type Id = Result<Path<i64>, axum::extract::rejection::PathRejection>;

/// The projects of the organisations the caller may see.
#[utoipa::path(get, path = "/api/v1/projects", params(ProjectParams),
    responses((status = 200, body = [Project]), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<ProjectParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<Project>>, ApiError> {
    let Query(p) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let rows = as_caller(&state, &headers, Method::GET, move |storage, caller| {
        projects::list(storage, &caller, p.organisation)
    });
    Ok(Json(rows.await?))
}

/// Creates a project; without `indicators` it gets the six standard ones.
#[utoipa::path(post, path = "/api/v1/projects", request_body = ProjectRequest,
    responses((status = 200, body = Project), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply),
              (status = 409, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Project>, ApiError> {
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let reply = as_caller(&state, &headers, Method::POST, move |storage, caller| {
        projects::create(storage, &caller, &request, crate::now())
    });
    Ok(Json(reply.await?))
}

/// Replaces a project's name, funder, period and indicators.
#[utoipa::path(put, path = "/api/v1/projects/{id}", request_body = ProjectRequest,
    params(("id" = i64, Path, description = "the project")),
    responses((status = 200, body = Project), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply),
              (status = 409, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn replace(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Id,
    body: Body,
) -> Result<Json<Project>, ApiError> {
    let id = super::path_or_error(id)?;
    let Json(request) = body.map_err(|_| ApiError(ErrorCode::MalformedJson))?;
    let reply = as_caller(&state, &headers, Method::PUT, move |storage, caller| {
        projects::replace(storage, &caller, id, &request, crate::now())
    });
    Ok(Json(reply.await?))
}

/// Deletes a project (the counts stay).
#[utoipa::path(delete, path = "/api/v1/projects/{id}", params(("id" = i64, Path, description = "the project")),
    responses((status = 204), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn delete(State(state): State<AppState>, headers: HeaderMap, id: Id) -> Result<StatusCode, ApiError> {
    let id = super::path_or_error(id)?;
    let done = as_caller(&state, &headers, Method::DELETE, move |storage, caller| {
        projects::delete(storage, &caller, id, crate::now())
    });
    done.await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What a project realised against its targets, month by month.
#[utoipa::path(get, path = "/api/v1/projects/{id}/progress", params(("id" = i64, Path, description = "the project")),
    responses((status = 200, body = ProjectProgress), (status = 400, body = sleutel_protocol::ErrorReply),
              (status = 401, body = sleutel_protocol::ErrorReply), (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn progress(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Id,
) -> Result<Json<ProjectProgress>, ApiError> {
    let id = super::path_or_error(id)?;
    let reply =
        as_caller(&state, &headers, Method::GET, move |storage, caller| projects::progress(storage, &caller, id));
    Ok(Json(reply.await?))
}

/// The project's card as CSV or XLSX for its funder, small realised counts hidden.
#[utoipa::path(get, path = "/api/v1/projects/{id}/export",
    params(("id" = i64, Path, description = "the project"), ProjectExportRequest),
    responses((status = 200, description = "The card: CSV (UTF-8 with a byte order mark; `;` in Dutch, `,` in \
                English) or an XLSX workbook, as an attachment",
               content((String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
              (status = 400, body = sleutel_protocol::ErrorReply), (status = 401, body = sleutel_protocol::ErrorReply),
              (status = 403, body = sleutel_protocol::ErrorReply)))]
pub(crate) async fn export(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Id,
    params: Result<Query<ProjectExportRequest>, axum::extract::rejection::QueryRejection>,
) -> Result<axum::response::Response, ApiError> {
    let id = super::path_or_error(id)?;
    let Query(request) = params.map_err(|_| ApiError(ErrorCode::InvalidQuery))?;
    let file = as_caller(&state, &headers, Method::GET, move |storage, caller| {
        projects::export(storage, &caller, id, &request, crate::now())
    });
    Ok(super::exports::attachment(file.await?))
}
