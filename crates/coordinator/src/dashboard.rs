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

/// The static files of `dir`, or a 404 that says how to get them when there are none.
pub fn files(dir: Option<&Path>) -> Router {
    match dir.filter(|d| d.join("index.html").is_file()) {
        Some(dir) => Router::new().fallback_service(ServeDir::new(dir)).layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            // File names of scripts and styles carry their hash; index.html is checked with the server each time.
            HeaderValue::from_static("no-cache"),
        )),
        None => Router::new().fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                "The dashboard is not installed here: build it (make ui-build) and start with --dashboard-dir \
                 ui/dist-dashboard.\n",
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
