//! The HTTP API. Handlers are thin: they extract what the request carries, call one use case (`crate::use_cases`)
//! on the blocking pool, and map its result to the protocol's replies. Logs carry codes and ids, never bodies.

mod accounts;
mod closing;
mod counts;
mod device_auth;
mod devices;
mod effects;
mod enrol;
mod exports;
mod health;
mod manage;
mod organisations;
mod overview;
mod projects;
mod session;
mod support;
mod totals;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use sleutel_protocol::{limits, paths};
use utoipa::OpenApi;

use crate::auth;
use crate::state::AppState;

pub use totals::TotalsReply;

/// Every operation can refuse a request it cannot read (a malformed query, body or header, a body over the limit)
/// with `400 {code, message}`; the document says so once for all, instead of in every handler's attribute.
fn every_operation_may_answer_bad_request(openapi: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
    let refused = ResponseBuilder::new()
        .description("The request could not be read: `{code, message}` with a stable code (docs/protocol.md)")
        .content("application/json", ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorReply"))).build())
        .build();
    for item in openapi.paths.paths.values_mut() {
        let operations = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
        for operation in operations.into_iter().flatten() {
            operation.responses.responses.entry("400".into()).or_insert_with(|| RefOr::T(refused.clone()));
        }
    }
}

/// How callers prove who they are, for the document's `securitySchemes`.
#[derive(Debug)]
struct SecuritySchemes;

impl utoipa::Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{ApiKey, ApiKeyValue, Http, HttpAuthScheme, SecurityScheme};
        every_operation_may_answer_bad_request(openapi);
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut bearer = Http::new(HttpAuthScheme::Bearer);
        bearer.description = Some("An account's API token (`slt_…`), for scripts.".into());
        components.add_security_scheme("bearer", SecurityScheme::Http(bearer));
        let cookie =
            "The dashboard's session (`__Host-sleutel_session`; without the prefix under --plain-http-cookies).";
        components.add_security_scheme(
            "session_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description("__Host-sleutel_session", cookie))),
        );
        let csrf = "The session's CSRF token (from POST /api/v1/session), on every change made with a session.";
        components.add_security_scheme(
            "csrf_token",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(auth::CSRF_HEADER, csrf))),
        );
        let signature = "A device's Ed25519 signature (URL-safe base64) over `sleutel-sync-v1`, the method, the path, \
                         x-sleutel-device, x-sleutel-timestamp, x-sleutel-batch and the body's SHA-256, one per \
                         line; see docs/protocol.md.";
        components.add_security_scheme(
            "device_signature",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                sleutel_protocol::headers::SIGNATURE,
                signature,
            ))),
        );
    }
}

#[derive(Debug, OpenApi)]
#[openapi(
    modifiers(&SecuritySchemes),
    info(title = "Sleutel coordinator API", version = "1", description = "Sync protocol v1; see docs/protocol.md."),
    paths(
        enrol::enrol,
        counts::upload,
        devices::me,
        devices::reference_lists,
        totals::totals,
        exports::table,
        exports::labels,
        session::login,
        session::current,
        session::logout,
        session::begin_two_factor,
        session::confirm_two_factor,
        session::disable_two_factor,
        manage::devices,
        manage::issue_code,
        manage::revoke,
        manage::audit,
        overview::overview,
        projects::list,
        projects::create,
        projects::replace,
        projects::delete,
        projects::progress,
        projects::export,
        closing::list,
        closing::close,
        closing::reopen,
        organisations::list,
        organisations::set_threshold,
        organisations::set_reach_details,
        support::ask,
        support::open,
        support::handled,
        support::contact,
        support::set_contact,
        support::wellbeing,
        effects::effects,
        accounts::list,
        accounts::create,
        accounts::reset_password,
        accounts::set_organisations,
        accounts::create_organisation,
        accounts::delete,
        accounts::change_own_password,
        health::alive,
        health::ready
    ),
    components(schemas(
        sleutel_protocol::EnrolRequest,
        sleutel_protocol::EnrolReply,
        sleutel_protocol::UploadRequest,
        sleutel_protocol::UploadReply,
        sleutel_protocol::DeviceStatus,
        sleutel_protocol::ReferenceLists,
        sleutel_protocol::ErrorReply,
        TotalsReply,
        crate::export::Labels,
        crate::use_cases::login::LoginRequest,
        crate::use_cases::login::SessionReply,
        crate::use_cases::two_factor::TwoFactorSetup,
        crate::use_cases::two_factor::TwoFactorCode,
        crate::use_cases::two_factor::TwoFactorStart,
        crate::use_cases::two_factor::TwoFactorStop,
        crate::use_cases::two_factor::RecoveryCodes,
        crate::use_cases::devices::DeviceRow,
        crate::use_cases::devices::AuditRow,
        crate::use_cases::devices::CodeRequest,
        crate::use_cases::devices::CodeReply,
        crate::use_cases::overview::Overview,
        crate::use_cases::overview::Compared,
        crate::use_cases::overview::ComparedGroup,
        crate::use_cases::projects::Project,
        crate::use_cases::projects::ProjectRequest,
        crate::use_cases::projects::Indicator,
        crate::use_cases::projects::ProjectProgress,
        crate::use_cases::projects::IndicatorProgress,
        crate::use_cases::closing::CloseRequest,
        crate::use_cases::closing::ClosedPeriodRow,
        crate::use_cases::closing::Correction,
        crate::use_cases::overview::PeriodKind,
        organisations::OrganisationRow,
        organisations::ThresholdRequest,
        organisations::ReachDetailsRequest,
        sleutel_protocol::DebriefRequest,
        sleutel_protocol::DebriefReply,
        sleutel_protocol::SupportContactInfo,
        crate::use_cases::support::DebriefRequestView,
        crate::use_cases::support::SupportContactRequest,
        crate::use_cases::support::SupportContactReply,
        crate::use_cases::support::Wellbeing,
        crate::use_cases::support::WellbeingMonth,
        crate::use_cases::effects::Effects,
        crate::use_cases::effects::StatementEffect,
        crate::use_cases::accounts::AccountRow,
        crate::use_cases::accounts::NewAccount,
        crate::use_cases::accounts::NewPassword,
        crate::use_cases::accounts::OrganisationsRequest,
        crate::use_cases::accounts::NewOrganisation,
        crate::use_cases::accounts::PasswordChange,
        health::Health,
    ))
)]
pub struct ApiDoc;

async fn openapi() -> axum::Json<utoipa::openapi::OpenApi> {
    axum::Json(ApiDoc::openapi())
}

pub fn router(state: AppState) -> Router {
    let pages = crate::dashboard::files(state.dashboard_dir.as_deref());
    let api = Router::new()
        .route(paths::ENROL, post(enrol::enrol))
        .route(paths::COUNTS, post(counts::upload))
        .route(paths::DEVICE_STATUS, get(devices::me))
        .route(paths::REFERENCE_LISTS, get(devices::reference_lists))
        .route(paths::TOTALS, get(totals::totals))
        .route(paths::EXPORT_TABLE, get(exports::table))
        .route(paths::LABELS, get(exports::labels))
        .route(paths::DEVICES, get(manage::devices))
        .route(paths::DEVICE_CODES, post(manage::issue_code))
        .route(paths::DEVICE_REVOKE, post(manage::revoke))
        .route(paths::AUDIT, get(manage::audit))
        .route(paths::OVERVIEW, get(overview::overview))
        .route(paths::PROJECTS, get(projects::list).post(projects::create))
        .route(paths::PROJECT, axum::routing::put(projects::replace).delete(projects::delete))
        .route(paths::PROJECT_PROGRESS, get(projects::progress))
        .route(paths::PROJECT_EXPORT, get(projects::export))
        .route(paths::CLOSED_PERIODS, get(closing::list).post(closing::close))
        .route(paths::CLOSED_PERIOD, axum::routing::delete(closing::reopen))
        .route(paths::ORGANISATIONS, get(organisations::list).post(accounts::create_organisation))
        .route(paths::ACCOUNTS, get(accounts::list).post(accounts::create))
        .route(paths::ACCOUNT, axum::routing::delete(accounts::delete))
        .route(paths::ACCOUNT_PASSWORD, post(accounts::reset_password))
        .route(paths::ACCOUNT_ORGANISATIONS, axum::routing::put(accounts::set_organisations))
        .route(paths::OWN_PASSWORD, axum::routing::put(accounts::change_own_password))
        .route(paths::ORGANISATION_THRESHOLD, axum::routing::put(organisations::set_threshold))
        .route(paths::ORGANISATION_REACH_DETAILS, axum::routing::put(organisations::set_reach_details))
        .route(paths::ORGANISATION_SUPPORT_CONTACT, get(support::contact).put(support::set_contact))
        .route(paths::DEBRIEF_REQUESTS, get(support::open).post(support::ask))
        .route(paths::DEBRIEF_REQUEST_HANDLED, post(support::handled))
        .route(paths::WELLBEING, get(support::wellbeing))
        .route(paths::EFFECTS, get(effects::effects))
        .route(paths::SESSION, post(session::login).get(session::current).delete(session::logout))
        .route(paths::TWO_FACTOR, post(session::begin_two_factor).put(session::confirm_two_factor))
        .route(paths::TWO_FACTOR_OFF, post(session::disable_two_factor))
        .route(paths::OPENAPI, get(openapi))
        .route("/healthz", get(health::alive))
        .route("/readyz", get(health::ready))
        // Every answer of the API is `{code, message}`, also for a path or a method it does not have (other paths
        // are the dashboard's pages).
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        .method_not_allowed_fallback(method_not_allowed)
        // Bodies are read as bytes up to this limit; the handlers turn an overflow into `body_too_large`.
        .layer(DefaultBodyLimit::max(limits::MAX_BODY_BYTES))
        // Every API answer is about someone's work or access: no browser or proxy cache may keep it.
        .layer(tower_http::set_header::SetResponseHeaderLayer::if_not_present(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        ))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), record_metrics))
        .with_state(state);
    crate::dashboard::with_security_headers(api.merge(pages))
}

/// Counts every answered API request by its route template and outcome: `ok`, the protocol code it was refused
/// with, or (for an answer without one) its HTTP status.
async fn record_metrics(
    axum::extract::State(state): axum::extract::State<AppState>,
    route: Option<axum::extract::MatchedPath>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let started = std::time::Instant::now();
    let method = request.method().clone();
    let response = next.run(request).await;
    let code = match response.extensions().get::<sleutel_protocol::ErrorCode>() {
        Some(code) => code.as_str().to_owned(),
        None if response.status().is_success() => "ok".to_owned(),
        None => response.status().as_u16().to_string(),
    };
    let route = route.as_ref().map_or("other", axum::extract::MatchedPath::as_str);
    // A request for a talk is not measured: a counter per route would tell whoever reads the monitoring when
    // volunteers asked (to the scrape interval), next to the devices' uploads.
    if method == axum::http::Method::POST && route == paths::DEBRIEF_REQUESTS {
        return response;
    }
    state.metrics.record(method.as_str(), route, &code, started.elapsed().as_secs_f64());
    response
}

/// `GET /metrics` on the metrics address: everything measured, for Prometheus.
pub async fn metrics(axum::extract::State(state): axum::extract::State<AppState>) -> axum::response::Response {
    use axum::response::IntoResponse;
    let pool = with_storage(&state, |storage| Ok(storage.pool_state())).await.ok().flatten();
    let text = state.metrics.render(pool);
    ([(axum::http::header::CONTENT_TYPE, crate::metrics::CONTENT_TYPE)], text).into_response()
}

async fn api_not_found() -> crate::ApiError {
    crate::ApiError(sleutel_protocol::ErrorCode::NotFound)
}

async fn method_not_allowed() -> crate::ApiError {
    crate::ApiError(sleutel_protocol::ErrorCode::MethodNotAllowed)
}

/// A path parameter that is not what the route takes (`/accounts/abc`) is a malformed query, answered as JSON.
pub(crate) fn path_or_error<T>(
    path: Result<axum::extract::Path<T>, axum::extract::rejection::PathRejection>,
) -> Result<T, crate::ApiError> {
    path.map(|axum::extract::Path(value)| value).map_err(|_| crate::ApiError(sleutel_protocol::ErrorCode::InvalidQuery))
}

/// Reads the body, mapping axum's length-limit rejection to the protocol's code.
pub(crate) fn body_or_error(
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<axum::body::Bytes, crate::ApiError> {
    body.map_err(|rejection| {
        if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            crate::ApiError(sleutel_protocol::ErrorCode::BodyTooLarge)
        } else {
            crate::ApiError(sleutel_protocol::ErrorCode::MalformedJson)
        }
    })
}

/// The client's address and its rate-limit key, when `limiter` lets one more request from it through (else
/// `rate_limited`). Checked before any work, so guessing codes or passwords stays slow.
pub(crate) fn client_within(
    state: &AppState,
    limiter: &crate::rate_limit::RateLimiter,
    peer: std::net::SocketAddr,
    headers: &axum::http::HeaderMap,
) -> Result<(std::net::IpAddr, String), crate::ApiError> {
    let client = crate::client_address::client_ip(peer, headers, &state.proxies);
    let key = crate::client_address::limit_key(client);
    if !limiter.allow(&key, crate::rate_limit::now_secs()) {
        return Err(crate::ApiError(sleutel_protocol::ErrorCode::RateLimited));
    }
    Ok((client, key))
}

/// Runs `work` on the blocking pool (storage calls block); refusals become their codes.
pub(crate) async fn with_storage<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&dyn crate::storage::Storage) -> Result<T, crate::use_cases::Refusal> + Send + 'static,
) -> Result<T, crate::ApiError> {
    let storage = state.storage.clone();
    Ok(tokio::task::spawn_blocking(move || work(storage.as_ref())).await??)
}

/// Runs `work` for the authenticated caller of a request on the blocking pool; refusals become their codes.
pub(crate) async fn as_caller<T: Send + 'static>(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    method: axum::http::Method,
    work: impl FnOnce(&dyn crate::storage::Storage, crate::auth::Caller) -> Result<T, crate::use_cases::Refusal>
    + Send
    + 'static,
) -> Result<T, crate::ApiError> {
    let credentials = crate::auth::credentials(headers, &method, state.secure_cookies).map_err(crate::ApiError)?;
    let storage = state.storage.clone();
    tokio::task::spawn_blocking(move || {
        let caller = crate::auth::authenticate(storage.as_ref(), &credentials, crate::now())?;
        work(storage.as_ref(), caller)
    })
    .await?
    .map_err(crate::ApiError::from)
}
