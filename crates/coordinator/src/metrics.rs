//! Metrics for Prometheus, served on an address of their own (`--metrics-bind`), never next to the API: requests by
//! route and outcome code with their latency, uploads, enrolments and logins by code, and the database pool. Labels
//! are route templates and protocol codes only, never ids, names or counts.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    /// The route's template (`/api/v1/accounts/{id}`), or `other`.
    route: String,
    /// `ok`, a protocol code, or the HTTP status of an answer without one.
    code: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: String,
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CodeLabels {
    code: String,
}

/// From 1 ms to about 33 s, doubling.
fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.001, 2.0, 16))
}

/// Everything the coordinator measures, and the registry that writes it out.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    durations: Family<RouteLabels, Histogram, fn() -> Histogram>,
    uploads: Family<CodeLabels, Counter>,
    enrolments: Family<CodeLabels, Counter>,
    logins: Family<CodeLabels, Counter>,
    pool_connections: Gauge,
    pool_idle: Gauge,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("sleutel");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("requests", "HTTP requests by method, route and outcome code", requests.clone());
        let durations = Family::new_with_constructor(latency_histogram as fn() -> Histogram);
        registry.register("request_duration_seconds", "Time to answer, by method and route", durations.clone());
        let uploads = Family::<CodeLabels, Counter>::default();
        registry.register("uploads", "Uploads of counts by outcome code (ok, or why refused)", uploads.clone());
        let enrolments = Family::<CodeLabels, Counter>::default();
        registry.register("enrolments", "Device enrolments by outcome code", enrolments.clone());
        let logins = Family::<CodeLabels, Counter>::default();
        registry.register("logins", "Dashboard logins by outcome code", logins.clone());
        let pool_connections = Gauge::default();
        registry.register("database_pool_connections", "Open PostgreSQL connections", pool_connections.clone());
        let pool_idle = Gauge::default();
        registry.register("database_pool_idle", "Idle PostgreSQL connections", pool_idle.clone());
        Self { registry, requests, durations, uploads, enrolments, logins, pool_connections, pool_idle }
    }

    /// Counts one answered request: its method, route template, outcome code and time.
    pub fn record(&self, method: &str, route: &str, code: &str, seconds: f64) {
        let labels = RequestLabels { method: method.to_owned(), route: route.to_owned(), code: code.to_owned() };
        self.requests.get_or_create(&labels).inc();
        let route_labels = RouteLabels { method: labels.method, route: labels.route };
        self.durations.get_or_create(&route_labels).observe(seconds);
        let by_purpose = match (method, route) {
            ("POST", sleutel_protocol::paths::COUNTS) => Some(&self.uploads),
            ("POST", sleutel_protocol::paths::ENROL) => Some(&self.enrolments),
            ("POST", sleutel_protocol::paths::SESSION) => Some(&self.logins),
            _ => None,
        };
        if let Some(family) = by_purpose {
            family.get_or_create(&CodeLabels { code: code.to_owned() }).inc();
        }
    }

    /// The metrics in the OpenMetrics text format, with the database pool as it is now (`(open, idle)`; none for
    /// SQLite).
    pub fn render(&self, pool: Option<(u32, u32)>) -> String {
        let (open, idle) = pool.unwrap_or_default();
        self.pool_connections.set(i64::from(open));
        self.pool_idle.set(i64::from(idle));
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }
}

/// The content type of [`Metrics::render`].
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";
