//! The dashboard's web pages: the built files of `ui/dashboard` (`ui/dist-dashboard`), served next to the API
//! from the same origin, so the session cookie can stay `SameSite=Strict` and no CORS is needed. The pages route
//! with `#/…` fragments, so every page is `index.html` and unknown paths stay 404.
//!
//! Every response carries headers that keep the pages from being framed, sniffed or leaking their address, and a
//! content security policy that allows only the server's own scripts and styles (the enrolment QR code is a
//! `data:` image).

use std::path::Path;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// File names of scripts and styles carry their hash; index.html is checked with the server each time.
fn checked_each_time(router: Router) -> Router {
    router.layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-cache")))
}

/// The dashboard built into this binary (feature `embedded-dashboard`).
#[cfg(feature = "embedded-dashboard")]
#[derive(rust_embed::RustEmbed)]
#[folder = "../../ui/dist-dashboard"]
struct BuiltPages;

/// The built-in pages, when this binary has them.
#[cfg(feature = "embedded-dashboard")]
pub fn built_in() -> Option<Router> {
    async fn page(uri: axum::http::Uri) -> axum::response::Response {
        let path = match uri.path().trim_start_matches('/') {
            "" => "index.html",
            path => path,
        };
        match BuiltPages::get(path) {
            Some(file) => ([(header::CONTENT_TYPE, file.metadata.mimetype().to_owned())], file.data).into_response(),
            None => StatusCode::NOT_FOUND.into_response(),
        }
    }
    BuiltPages::get("index.html").map(|_| checked_each_time(Router::new().fallback(page)))
}

/// The built-in pages, when this binary has them.
#[cfg(not(feature = "embedded-dashboard"))]
pub fn built_in() -> Option<Router> {
    None
}

/// The static files of `dir` (for development), else the pages built into the binary, or a 404 that says how to
/// get them when there are none.
pub fn files(dir: Option<&Path>) -> Router {
    if let Some(dir) = dir.filter(|d| d.join("index.html").is_file()) {
        return checked_each_time(Router::new().fallback_service(ServeDir::new(dir)));
    }
    match built_in() {
        Some(pages) => pages,
        None => Router::new().fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                "The dashboard is not in this binary: build it with `make` (or `make ui-build` and cargo's \
                 --features embedded-dashboard), or start with --dashboard-dir ui/dist-dashboard.\n",
            )
                .into_response()
        }),
    }
}

/// Adds the security headers to every response of `router`.
pub fn with_security_headers<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    let headers: [(HeaderName, &'static str); 5] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    headers.into_iter().fold(router, |router, (name, value)| {
        router.layer(SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value)))
    })
}
