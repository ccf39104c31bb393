//! The deployment as documented: Debian's nginx runs `docs/deploy/nginx-sleutel.conf` as it is (only its `@…@`
//! values filled in) with a self-signed certificate in front of the real coordinator binary started with
//! `--behind-proxy`. A device enrols and syncs through it over HTTPS, the coordinator sees the client's address (not
//! nginx's, and not one the client made up), and an oversized body gets the coordinator's own answer.
#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use sleutel_coordinator::admin;
use sleutel_coordinator::sqlite::SqliteStorage;
use sleutel_coordinator::storage::prelude::*;
use sleutel_coordinator::storage::{Role, TotalsQuery};
use sleutel_coordinator::use_cases::closing;
use sleutel_domain::counts::{Metric, Period};
use sleutel_system_tests::process::CoordinatorProcess;
use sleutel_system_tests::{TestDevice, error_code, fast_sync};

/// Debian's nginx on a free loopback port, with the site file of `docs/deploy`, a configuration and temporary
/// folders of its own; stopped when dropped.
struct Nginx {
    child: Child,
    port: u16,
    certificate_der: Vec<u8>,
    _dir: tempfile::TempDir,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start_nginx(upstream: &str) -> Nginx {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // nginx's workers run as an unprivileged user when the tests run as root: they must reach their folders.
    std::fs::set_permissions(root, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let certified =
        rcgen::generate_simple_self_signed(vec!["localhost".to_owned(), "127.0.0.1".to_owned(), "::1".to_owned()])
            .unwrap();
    std::fs::write(root.join("cert.pem"), certified.cert.pem()).unwrap();
    std::fs::write(root.join("key.pem"), certified.signing_key.serialize_pem()).unwrap();
    let port = free_port();
    let site = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/deploy/nginx-sleutel.conf"))
        .unwrap()
        .replace("@PORT@", &port.to_string())
        .replace("@SERVER_NAME@", "localhost")
        .replace("@CERTIFICATE@", &root.join("cert.pem").to_string_lossy())
        .replace("@CERTIFICATE_KEY@", &root.join("key.pem").to_string_lossy())
        .replace("@UPSTREAM@", upstream);
    let unfilled = site.lines().filter(|l| !l.trim_start().starts_with('#') && l.contains('@')).count();
    assert_eq!(unfilled, 0, "every value of the site file is filled in:\n{site}");
    std::fs::write(root.join("site.conf"), site).unwrap();
    let temp = |name: &str| {
        let path = root.join(name);
        std::fs::create_dir(&path).unwrap();
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o777)).unwrap();
        path.to_string_lossy().into_owned()
    };
    let main = format!(
        "worker_processes 1;\nerror_log {root}/error.log;\npid {root}/nginx.pid;\nevents {{ worker_connections 64; }}\n\
         http {{\n  client_body_temp_path {};\n  proxy_temp_path {};\n  fastcgi_temp_path {};\n  uwsgi_temp_path {};\n  \
         scgi_temp_path {};\n  include {root}/site.conf;\n}}\n",
        temp("body"),
        temp("proxy"),
        temp("fastcgi"),
        temp("uwsgi"),
        temp("scgi"),
        root = root.display()
    );
    std::fs::write(root.join("nginx.conf"), main).unwrap();
    let conf = root.join("nginx.conf");
    let check = Command::new("nginx").arg("-t").arg("-q").arg("-c").arg(&conf).output().unwrap();
    assert!(check.status.success(), "nginx -t: {}", String::from_utf8_lossy(&check.stderr));
    let child = Command::new("nginx")
        .arg("-c")
        .arg(&conf)
        .args(["-g", "daemon off;"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Owned at once, so it is stopped and waited for however this ends.
    let nginx = Nginx { child, port, certificate_der: certified.cert.der().to_vec(), _dir: dir };
    for _ in 0..200 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return nginx;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!(
        "nginx did not listen: {}",
        std::fs::read_to_string(nginx._dir.path().join("error.log")).unwrap_or_default()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_the_documented_nginx_a_device_syncs_over_https_and_limits_see_the_client() {
    let data = tempfile::tempdir().unwrap();
    let storage = SqliteStorage::open(data.path()).unwrap();
    let organisation = admin::create_organisation(&storage, "Stichting Voorkant", sleutel_coordinator::now()).unwrap();
    let (_, _, password) =
        admin::create_account_with_password(&storage, "beheer", "amina", Role::Coordinator, &[organisation.id], 0)
            .unwrap();
    let path = data.path().to_string_lossy().into_owned();
    let coordinator = CoordinatorProcess::start_serving(&["--data-dir", &path], &["--behind-proxy"]);
    let nginx = start_nginx(coordinator.url.trim_start_matches("http://"));
    let base = format!("https://localhost:{}", nginx.port);

    // A device enrols and syncs through nginx over HTTPS; the coordinator's totals are the device's.
    let mut config = fast_sync();
    config.trusted_roots_der = vec![nginx.certificate_der.clone()];
    let mut device = TestDevice::new();
    let code = admin::issue_enrolment_code(&storage, organisation.id, 3600, sleutel_coordinator::now()).unwrap();
    sleutel_sync::enrol(&mut device.store, &base, &code, "Telefoon", &config).await.expect("enrols over HTTPS");
    device.record_meeting(1, 7, 3, "GM0202");
    sleutel_sync::sync_now(&mut device.store, &config).await.expect("syncs over HTTPS");
    let month = Period::of(sleutel_system_tests::today());
    let query = TotalsQuery {
        metric: Metric::Participants,
        from: month,
        to: month,
        organisations: vec![organisation.id],
        municipality: None,
        group_by_dimension: None,
        by_period: false,
    };
    let total: i64 = closing::totals(&storage, &query).unwrap().iter().map(|r| r.value).sum();
    assert_eq!(total, 10, "7 women and 3 men, counted once");

    // A login over IPv6 with a made-up X-Forwarded-For: the coordinator records the address nginx saw (::1), not
    // nginx's own (127.0.0.1) and not the made-up one.
    sleutel_sync::install_crypto_provider();
    let client = reqwest::Client::builder()
        .tls_certs_merge([reqwest::Certificate::from_der(&nginx.certificate_der).unwrap()])
        .build()
        .unwrap();
    let response = client
        .post(format!("https://[::1]:{}/api/v1/session", nginx.port))
        .header("x-forwarded-for", "203.0.113.9")
        .json(&serde_json::json!({"name": "amina", "password": password}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap_or_default());
    let login = storage.audit_log(20).unwrap().into_iter().find(|e| e.action == "login").expect("the login is audited");
    assert_eq!(login.detail["from"], "::1", "{:?}", login.detail);

    // nginx lets a body over the coordinator's 1 MiB through, so the device gets the protocol's own answer.
    let response = client
        .post(format!("{base}/api/v1/counts"))
        .header("content-type", "application/json")
        .body(vec![b' '; 1536 * 1024])
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = response.text().await.unwrap();
    assert_eq!((status, error_code(&body).as_str()), (413, "body_too_large"), "{body}");
}
