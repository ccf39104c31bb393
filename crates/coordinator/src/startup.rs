//! Building the app from configuration and running it on a listener. Tests bind `127.0.0.1:0` and get the address
//! back, like zero2prod's `spawn_app`.

use std::net::SocketAddr;

use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::state::AppState;

/// A coordinator running in the background; dropping it (or [`RunningCoordinator::stop`]) shuts it down.
#[derive(Debug)]
pub struct RunningCoordinator {
    pub addr: SocketAddr,
    pub state: AppState,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl RunningCoordinator {
    /// The base URL, e.g. `http://127.0.0.1:41234`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting, lets requests in flight finish, and waits.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for RunningCoordinator {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// A client must send a request's headers within this time, or the connection is closed (so slowly dripping
/// headers cannot hold connections open).
pub const HEADER_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);
/// A request, its body included, must be answered within this time; a slower one ends as `internal_error`.
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);
/// On shutdown, requests in flight get this long to finish.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(30);

/// Serves the API on `listener` until `shutdown` resolves, then lets requests in flight finish.
///
/// HTTP/1.1 through hyper with a timer, because `axum::serve` sets no header-read timeout.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::{Service, ServiceExt};

    let header_read_timeout = state.header_read_timeout;
    // axum's own way to hand each connection its peer address (`ConnectInfo`), as `axum::serve` does.
    let mut make_service = crate::routes::router(state)
        .layer(axum::middleware::from_fn(answer_within_time_limit))
        .into_make_service_with_connect_info::<SocketAddr>();
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment instead of spinning.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let app = make_service.call(peer).await.unwrap_or_else(|never| match never {});
        let service = hyper::service::service_fn(move |request: axum::http::Request<hyper::body::Incoming>| {
            app.clone().oneshot(request.map(axum::body::Body::new))
        });
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(header_read_timeout)
            .serve_connection(TokioIo::new(stream), service);
        // (No upgrades: the API has no WebSockets.)
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await.is_err() {
        tracing::warn!("requests still in flight after the grace period; stopping anyway");
    }
    Ok(())
}

async fn answer_within_time_limit(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!("request took longer than the time limit");
            crate::ApiError(sleutel_protocol::ErrorCode::InternalError).into_response()
        }
    }
}

/// Serves `GET /metrics` (Prometheus) on its own listener, apart from the API, until `shutdown` resolves.
pub async fn serve_metrics(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = axum::Router::new().route("/metrics", axum::routing::get(crate::routes::metrics)).with_state(state);
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}

/// Resolves when the process is asked to stop: SIGTERM (what systemd and container runtimes send) or Ctrl-C.
pub async fn stop_requested() {
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM; only Ctrl-C stops the coordinator");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
    tracing::info!("stopping: no new connections, requests in flight finish");
}

/// Binds `addr` (port 0 picks a free port) and serves in a background task.
pub async fn spawn(addr: SocketAddr, state: AppState) -> std::io::Result<RunningCoordinator> {
    let listener = TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(serve(listener, state.clone(), async move {
        let _ = rx.await;
    }));
    Ok(RunningCoordinator { addr, state, shutdown: Some(tx), task: Some(task) })
}
