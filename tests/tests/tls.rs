//! Sync over TLS (rustls, ring provider): it works against a trusted certificate and refuses an untrusted one, with
//! the platform's roots and with the bundled Mozilla roots the Android build uses.

use sleutel_system_tests::tls::TlsFront;
use sleutel_system_tests::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_runs_over_tls_and_refuses_an_untrusted_certificate() {
    let coordinator = TestCoordinator::spawn().await;
    let org = coordinator.organisation("TLS");
    let front = TlsFront::start(coordinator.addr()).await;

    // Without trusting the certificate, enrolment fails and nothing is stored.
    let mut device = TestDevice::new();
    let err = sleutel_sync::enrol(
        &mut device.store,
        &front.url(),
        &coordinator.enrolment_code(&org),
        "Telefoon",
        &fast_sync(),
    )
    .await
    .expect_err("untrusted certificate");
    assert_eq!(err.code(), "network_unreachable");
    assert!(device.store.enrolment().expect("read").is_none());
    // With the Mozilla roots compiled in (the default on Android), the same: a real verifier, not "trust anything".
    let bundled = sleutel_sync::SyncConfig { bundled_roots: true, ..fast_sync() };
    let code = coordinator.enrolment_code(&org);
    let err = sleutel_sync::enrol(&mut device.store, &front.url(), &code, "Telefoon", &bundled)
        .await
        .expect_err("a self-made certificate is not in the Mozilla set");
    assert_eq!(err.code(), "network_unreachable");

    let mut config = fast_sync();
    config.trusted_roots_der = vec![front.certificate_der.clone()];
    sleutel_sync::enrol(&mut device.store, &front.url(), &coordinator.enrolment_code(&org), "Telefoon", &config)
        .await
        .expect("enrols over TLS");
    device.record_meeting(1, 6, 2, "GM0202");
    sleutel_sync::sync_now(&mut device.store, &config).await.expect("syncs over TLS");
    assert_eq!(coordinator.total("participants", org.id).await, 8);
}
