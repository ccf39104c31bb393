//! Enrolment and upload over HTTP.

use std::net::IpAddr;
use std::time::Duration;

use reqwest::{Method, StatusCode, Url};
use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde::de::DeserializeOwned;
use sleutel_domain::counts::CountKey;
use sleutel_protocol::{
    CountItem, DebriefReply, DebriefRequest, DeviceStatus, EnrolReply, EnrolRequest, ErrorReply, PROTOCOL_VERSION,
    PublicKey, Replacement, Signature, SupportContactInfo, UploadReply, UploadRequest, headers, limits, paths,
    replacement_bytes, signing_bytes,
};
use sleutel_store::{Enrolment, Store};
use zeroize::Zeroizing;

use crate::access::{Exclusive, StoreAccess};
use crate::backoff::Backoff;
use crate::error::SyncError;

/// Tuning of sync; the defaults suit a phone on a flaky network.
#[derive(Debug, Clone)]
pub struct SyncConfig {
    /// Count items per batch.
    pub batch_size: u32,
    /// Attempts per batch before giving up until the next sync.
    pub max_attempts: u32,
    pub backoff: Backoff,
    /// Timeout of one request, connection included.
    pub request_timeout: Duration,
    /// DER certificates of the only roots to trust, for a coordinator with its own CA. Empty: `bundled_roots` or
    /// the platform's trusted roots.
    pub trusted_roots_der: Vec<Vec<u8>>,
    /// Trust the Mozilla root certificates compiled into the app (`webpki-roots`) instead of the platform's. On by
    /// default on Android: the platform verifier there needs the app's Java context handed to it first (JNI and an
    /// Android library in the Gradle project; see docs/mobile.md), and without that reqwest panics at the first
    /// handshake. The bundled roots are as current as the app's release.
    pub bundled_roots: bool,
}

impl Default for SyncConfig {
    fn default() -> Self {
        Self {
            batch_size: 500,
            max_attempts: 6,
            backoff: Backoff { base: Duration::from_millis(500), max: Duration::from_secs(60) },
            request_timeout: Duration::from_secs(20),
            trusted_roots_der: Vec::new(),
            bundled_roots: cfg!(target_os = "android"),
        }
    }
}

impl SyncConfig {
    /// For a request someone is waiting for (enrolment from the sync screen): a lost reply is still asked again,
    /// but after seconds rather than a minute, and only twice.
    pub fn interactive(&self) -> Self {
        Self {
            max_attempts: self.max_attempts.min(3),
            backoff: Backoff { base: self.backoff.base.min(Duration::from_millis(500)), max: Duration::from_secs(2) },
            request_timeout: self.request_timeout.min(Duration::from_secs(8)),
            ..self.clone()
        }
    }
}

/// What one sync did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct SyncReport {
    pub batches: u32,
    pub items_sent: u32,
    /// Items the coordinator applied or already had.
    pub items_accepted: u32,
    /// Items the coordinator refused; they stay in the outbox with their code.
    pub items_rejected: u32,
    /// Retries after transient failures.
    pub retries: u32,
    /// Requests for a talk the coordinator now has.
    pub debriefs_sent: u32,
}

/// How often sync asks the coordinator about the organisation (its support contact, what it counts).
const ORGANISATION_REFRESH: chrono::TimeDelta = chrono::TimeDelta::hours(24);

/// Parses a coordinator address: `https://…`, or `http://` only to a loopback address.
pub fn coordinator_url(text: &str) -> Result<Url, SyncError> {
    let url = Url::parse(text.trim()).map_err(|_| SyncError::InvalidUrl)?;
    match url.scheme() {
        "https" => {}
        "http" => {
            let loopback = match url.host() {
                Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
                Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
                Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
                None => false,
            };
            if !loopback {
                return Err(SyncError::InsecureUrl);
            }
        }
        _ => return Err(SyncError::InvalidUrl),
    }
    if url.host().is_none() {
        return Err(SyncError::InvalidUrl);
    }
    Ok(url)
}

fn http_client(config: &SyncConfig) -> Result<reqwest::Client, SyncError> {
    crate::install_crypto_provider();
    // No redirects: a redirect could lead a signed request to another host or to plain HTTP.
    let mut builder = reqwest::Client::builder()
        .timeout(config.request_timeout)
        .connect_timeout(config.request_timeout)
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy();
    if let Some(roots) = root_store(config)? {
        let tls = rustls::ClientConfig::builder().with_root_certificates(roots).with_no_client_auth();
        builder = builder.tls_backend_preconfigured(tls);
    }
    builder.build().map_err(|_| SyncError::Network)
}

/// The roots to trust when they are not the platform's (`None`): the configured ones, or the bundled Mozilla set.
fn root_store(config: &SyncConfig) -> Result<Option<rustls::RootCertStore>, SyncError> {
    if !config.trusted_roots_der.is_empty() {
        let mut roots = rustls::RootCertStore::empty();
        for der in &config.trusted_roots_der {
            roots.add(rustls::pki_types::CertificateDer::from(der.clone())).map_err(|_| SyncError::InvalidUrl)?;
        }
        return Ok(Some(roots));
    }
    Ok(config.bundled_roots.then(|| rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() }))
}

struct Signer {
    pair: Ed25519KeyPair,
    device_id: String,
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Sends one signed request; maps the reply to `T` or to the coordinator's error code.
#[allow(clippy::too_many_arguments)]
async fn send<T: DeserializeOwned>(
    http: &reqwest::Client,
    base: &Url,
    method: Method,
    path: &str,
    signer: &Signer,
    timestamp: i64,
    batch_id: &str,
    body: Vec<u8>,
) -> Result<T, SyncError> {
    let url = base.join(path).map_err(|_| SyncError::InvalidUrl)?;
    let message = signing_bytes(method.as_str(), path, &signer.device_id, timestamp, batch_id, &body);
    let signature = Signature(signer.pair.sign(&message).as_ref().to_vec());
    let mut request = http
        .request(method, url)
        .header(headers::DEVICE, &signer.device_id)
        .header(headers::TIMESTAMP, timestamp.to_string())
        .header(headers::BATCH, batch_id)
        .header(headers::SIGNATURE, signature.encode());
    if !body.is_empty() {
        request = request.header(reqwest::header::CONTENT_TYPE, "application/json").body(body);
    }
    let response = request.send().await.map_err(|_| SyncError::Network)?;
    let status = response.status();
    let bytes = response.bytes().await.map_err(|_| SyncError::Network)?;
    if status.is_success() {
        return serde_json::from_slice(&bytes).map_err(|_| SyncError::BadReply);
    }
    match serde_json::from_slice::<ErrorReply>(&bytes) {
        Ok(reply) => Err(SyncError::Refused(reply.code)),
        Err(_) if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS => Err(SyncError::Network),
        Err(_) => Err(SyncError::BadReply),
    }
}

fn signer_of(enrolment: &Enrolment) -> Result<Signer, SyncError> {
    let pair = Ed25519KeyPair::from_pkcs8(&enrolment.signing_key).map_err(|_| SyncError::Key)?;
    Ok(Signer { pair, device_id: enrolment.device_id.clone() })
}

/// Enrols this device with a coordinator using a one-time code, and stores the new identity.
pub async fn enrol(
    store: &mut Store,
    coordinator: &str,
    code: &str,
    label: &str,
    config: &SyncConfig,
) -> Result<EnrolReply, SyncError> {
    enrol_with(&Exclusive::new(store), coordinator, code, label, config).await
}

/// [`enrol`] through a [`StoreAccess`]: the store is held only around each local step, never during the request.
pub async fn enrol_with(
    store: &impl StoreAccess,
    coordinator: &str,
    code: &str,
    label: &str,
    config: &SyncConfig,
) -> Result<EnrolReply, SyncError> {
    let (reply, enrolment) = request_enrolment(store, coordinator, code, label, config).await?;
    store.with(|s| complete_enrolment(s, &enrolment))?;
    Ok(reply)
}

/// The network half of enrolment: the coordinator registers a new key for this device. The returned identity must
/// be saved with [`complete_enrolment`]; until then it exists only in memory (the code is used up).
pub async fn request_enrolment(
    store: &impl StoreAccess,
    coordinator: &str,
    code: &str,
    label: &str,
    config: &SyncConfig,
) -> Result<(EnrolReply, Enrolment), SyncError> {
    request_enrolment_with_key(store, coordinator, code, label, config, new_device_key()?).await
}

/// A new Ed25519 key pair for a device (PKCS#8).
pub fn new_device_key() -> Result<Zeroizing<Vec<u8>>, SyncError> {
    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).map_err(|_| SyncError::Key)?;
    Ok(Zeroizing::new(pkcs8.as_ref().to_vec()))
}

/// [`request_enrolment`] with a key pair the caller keeps: asking again with the same key and code after a failure
/// on the network gets the device the coordinator may already have enrolled, instead of "code already used".
pub async fn request_enrolment_with_key(
    store: &impl StoreAccess,
    coordinator: &str,
    code: &str,
    label: &str,
    config: &SyncConfig,
    pkcs8: Zeroizing<Vec<u8>>,
) -> Result<(EnrolReply, Enrolment), SyncError> {
    if store.with(|s| Ok(s.enrolment()?))?.is_some() {
        return Err(SyncError::AlreadyEnrolled);
    }
    send_enrolment(store, coordinator, code, label, config, pkcs8, None).await
}

/// Enrols again with a new code (after this device was revoked, or to move to a new key), proving with the old key
/// that it is the same device: within the same organisation the coordinator moves the old device's counts to the
/// new one, so nothing is counted twice. The new identity replaces the old one and everything is queued again.
pub async fn re_enrol(
    store: &mut Store,
    coordinator: &str,
    code: &str,
    label: &str,
    config: &SyncConfig,
) -> Result<EnrolReply, SyncError> {
    re_enrol_with(&Exclusive::new(store), coordinator, code, label, config).await
}

/// [`re_enrol`] through a [`StoreAccess`]: the store is held only around each local step, never during the request.
pub async fn re_enrol_with(
    access: &impl StoreAccess,
    coordinator: &str,
    code: &str,
    label: &str,
    config: &SyncConfig,
) -> Result<EnrolReply, SyncError> {
    let old = access.with(|s| Ok(s.enrolment()?))?.ok_or(SyncError::NotEnrolled)?;
    let old_pair = Ed25519KeyPair::from_pkcs8(&old.signing_key).map_err(|_| SyncError::Key)?;
    let pkcs8 = new_device_key()?;
    let new_pair = Ed25519KeyPair::from_pkcs8(&pkcs8).map_err(|_| SyncError::Key)?;
    let new_public_key = PublicKey(new_pair.public_key().as_ref().try_into().map_err(|_| SyncError::Key)?).encode();
    let proof = Signature(old_pair.sign(&replacement_bytes(&old.device_id, &new_public_key)).as_ref().to_vec());
    let replaces = Replacement { device_id: old.device_id.clone(), signature: proof.encode() };
    let (reply, enrolment) = send_enrolment(access, coordinator, code, label, config, pkcs8, Some(replaces)).await?;
    access.with(|s| {
        s.replace_enrolment(&enrolment)?;
        s.requeue_all_counts_above(0)?;
        s.forget_organisation_settings()?;
        // Requests for a talk not sent yet were meant for the old organisation's coordinator.
        if enrolment.organisation_id != old.organisation_id {
            s.drop_unsent_debriefs()?;
        }
        Ok(())
    })?;
    Ok(reply)
}

async fn send_enrolment(
    store: &impl StoreAccess,
    coordinator: &str,
    code: &str,
    label: &str,
    config: &SyncConfig,
    pkcs8: Zeroizing<Vec<u8>>,
    replaces: Option<Replacement>,
) -> Result<(EnrolReply, Enrolment), SyncError> {
    let base = coordinator_url(coordinator)?;
    let pair = Ed25519KeyPair::from_pkcs8(&pkcs8).map_err(|_| SyncError::Key)?;
    let public_key = PublicKey(pair.public_key().as_ref().try_into().map_err(|_| SyncError::Key)?);
    let body = serde_json::to_vec(&EnrolRequest {
        protocol: PROTOCOL_VERSION,
        code: code.trim().to_owned(),
        public_key: public_key.encode(),
        label: label.trim().to_owned(),
        replaces,
    })
    .map_err(|_| SyncError::BadReply)?;
    let signer = Signer { pair, device_id: String::new() };
    let http = http_client(config)?;
    // A lost reply is retried with the same key and code: the coordinator answers a repeat with the same device,
    // so the one-time code is not used up by a network hiccup.
    let mut attempt = 0;
    let reply: EnrolReply = loop {
        let timestamp = store.with(|s| Ok(s.next_request_timestamp(now())?))?;
        match send(&http, &base, Method::POST, paths::ENROL, &signer, timestamp, "", body.clone()).await {
            Ok(reply) => break reply,
            Err(e) if e.is_transient() && attempt + 1 < config.max_attempts => {
                tokio::time::sleep(config.backoff.delay(attempt)).await;
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let enrolment = Enrolment {
        coordinator_url: base.to_string(),
        device_id: reply.device_id.clone(),
        organisation_id: reply.organisation.id,
        organisation_name: reply.organisation.name.clone(),
        signing_key: pkcs8,
        enrolled_at: chrono::Utc::now().to_rfc3339(),
    };
    tracing::info!(device_id = %reply.device_id, "enrolled");
    Ok((reply, enrolment))
}

/// The local half of enrolment: saves the identity and queues everything counted so far for the coordinator
/// (again, after a revocation withdrew it).
pub fn complete_enrolment(store: &mut Store, enrolment: &Enrolment) -> Result<(), SyncError> {
    store.save_enrolment(enrolment)?;
    store.requeue_all_counts_above(0)?;
    // The first sync asks the new organisation for its contact and what it counts.
    store.forget_organisation_settings()?;
    Ok(())
}

fn new_batch_id() -> Result<String, SyncError> {
    let mut bytes = [0u8; 12];
    SystemRandom::new().fill(&mut bytes).map_err(|_| SyncError::Key)?;
    Ok(format!("b-{}", hex::encode(bytes)))
}

/// Sends everything in the outbox, in batches, retrying transient failures with backoff. Records the outcome in
/// the store for [`crate::status`].
pub async fn sync_now(store: &mut Store, config: &SyncConfig) -> Result<SyncReport, SyncError> {
    sync_now_with(&Exclusive::new(store), config).await
}

/// [`sync_now`] through a [`StoreAccess`]: the store is held only around each local step, so the app keeps
/// recording while a request waits on a slow network. If the app locks in between, sync stops with `locked` and
/// the outbox keeps what was not acknowledged.
pub async fn sync_now_with(store: &impl StoreAccess, config: &SyncConfig) -> Result<SyncReport, SyncError> {
    let result = sync_everything(store, config).await;
    match &result {
        Ok(_) => store.with(|s| Ok(s.record_sync_success()?))?,
        Err(SyncError::Locked) => {}
        Err(e) => {
            tracing::warn!(code = e.code(), "sync failed");
            store.with(|s| Ok(s.record_sync_failure(e.code())?))?;
        }
    }
    result
}

async fn sync_everything(store: &impl StoreAccess, config: &SyncConfig) -> Result<SyncReport, SyncError> {
    if store.with(|s| Ok(s.needs_recovery()?))? {
        recover_after_restore_with(store, config).await?;
    }
    let enrolment = store.with(|s| Ok(s.enrolment()?))?.ok_or(SyncError::NotEnrolled)?;
    let link = Link::to(&enrolment, config)?;
    let mut report = SyncReport::default();
    // A request for a talk first: it is small, and someone is waiting for it.
    send_debriefs(store, &link, &mut report).await?;
    upload_counts(store, &link, &mut report).await?;
    refresh_organisation(store, &link).await;
    Ok(report)
}

/// A coordinator, this device's key, and how to talk to it.
struct Link<'a> {
    http: reqwest::Client,
    base: Url,
    signer: Signer,
    config: &'a SyncConfig,
}

impl<'a> Link<'a> {
    fn to(enrolment: &Enrolment, config: &'a SyncConfig) -> Result<Self, SyncError> {
        Ok(Self {
            http: http_client(config)?,
            base: coordinator_url(&enrolment.coordinator_url)?,
            signer: signer_of(enrolment)?,
            config,
        })
    }

    /// Sends one signed request; a transient failure is retried with backoff (the same body, signed anew), counted
    /// in `retries`.
    async fn send_retrying<T: DeserializeOwned>(
        &self,
        store: &impl StoreAccess,
        method: Method,
        path: &str,
        batch_id: &str,
        body: Vec<u8>,
        retries: &mut u32,
    ) -> Result<T, SyncError> {
        let mut attempt = 0;
        loop {
            let timestamp = store.with(|s| Ok(s.next_request_timestamp(now())?))?;
            let sent =
                send(&self.http, &self.base, method.clone(), path, &self.signer, timestamp, batch_id, body.clone());
            match sent.await {
                Ok(reply) => return Ok(reply),
                Err(e) if e.is_transient() && attempt + 1 < self.config.max_attempts => {
                    tokio::time::sleep(self.config.backoff.delay(attempt)).await;
                    attempt += 1;
                    *retries += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }

    async fn post_retrying<T: DeserializeOwned>(
        &self,
        store: &impl StoreAccess,
        path: &str,
        batch_id: &str,
        body: Vec<u8>,
        retries: &mut u32,
    ) -> Result<T, SyncError> {
        self.send_retrying(store, Method::POST, path, batch_id, body, retries).await
    }
}

/// Sends the requests for a talk that wait. One the coordinator refuses stays waiting (the app shows it as not
/// sent) without stopping the counts behind it; a network failure stops sync like any other.
async fn send_debriefs(store: &impl StoreAccess, link: &Link<'_>, report: &mut SyncReport) -> Result<(), SyncError> {
    for request in store.with(|s| Ok(s.pending_debriefs()?))? {
        let body = serde_json::to_vec(&DebriefRequest {
            protocol: PROTOCOL_VERSION,
            request_id: request.request_id.clone(),
            show_label: request.show_label,
        })
        .map_err(|_| SyncError::BadReply)?;
        match link.post_retrying::<DebriefReply>(store, paths::DEBRIEF_REQUESTS, "", body, &mut report.retries).await {
            Ok(reply) => {
                store.with(|s| {
                    s.debrief_sent(&request.request_id)?;
                    keep_support_contact(s, reply.support_contact.as_ref())
                })?;
                report.debriefs_sent += 1;
            }
            // Stays waiting, shown on the support screen; no log line, which would tell when a talk was asked.
            Err(SyncError::Refused(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Keeps the support contact the coordinator sent (`None`: the organisation has none now). One that does not
/// validate here is ignored, and the one kept before stays.
fn keep_support_contact(store: &mut Store, info: Option<&SupportContactInfo>) -> Result<(), SyncError> {
    let contact = match info {
        None => None,
        Some(info) => match sleutel_domain::SupportContact::new(&info.name, &info.phone, &info.email) {
            Ok(contact) => Some(contact),
            Err(_) => return Ok(()),
        },
    };
    store.save_support_contact(contact.as_ref())?;
    Ok(())
}

/// Asks about the organisation (its support contact, whether it counts age bands and community groups) when it
/// was last asked more than a day ago, or never (right after enrolment). Best effort: a failure here keeps what the
/// device knew and does not fail sync.
async fn refresh_organisation(store: &impl StoreAccess, link: &Link<'_>) {
    if !store.with(|s| organisation_check_due(s)).unwrap_or(false) {
        return;
    }
    let mut retries = 0;
    let status =
        link.send_retrying::<DeviceStatus>(store, Method::GET, paths::DEVICE_STATUS, "", Vec::new(), &mut retries);
    if let Ok(status) = status.await {
        let _ = store.with(|s| {
            keep_support_contact(s, status.support_contact.as_ref())?;
            s.set_reach_details(status.organisation.reach_details)?;
            s.organisation_checked(&chrono::Utc::now().to_rfc3339())?;
            Ok(())
        });
    }
}

/// Whether it is time to ask the coordinator about the organisation again (a day since the last time, or never):
/// a device with nothing to send still syncs for it, so a changed contact reaches it.
pub fn organisation_check_due(store: &Store) -> Result<bool, SyncError> {
    let checked = store.organisation_checked_at()?;
    Ok(checked
        .and_then(|at| chrono::DateTime::parse_from_rfc3339(&at).ok())
        .is_none_or(|at| chrono::Utc::now().signed_duration_since(at) >= ORGANISATION_REFRESH))
}

/// Sends the count outbox in batches.
async fn upload_counts(store: &impl StoreAccess, link: &Link<'_>, report: &mut SyncReport) -> Result<(), SyncError> {
    let signer = &link.signer;
    let batch_size = link.config.batch_size.clamp(1, limits::MAX_ITEMS_PER_BATCH as u32);
    loop {
        let pending = store.with(|s| Ok(s.outbox_pending(batch_size)?))?;
        if pending.is_empty() {
            return Ok(());
        }
        let sent: Vec<(CountKey, i64)> = pending.iter().map(|i| (i.key, i.version)).collect();
        let batch_id = new_batch_id()?;
        // The body is built once: a retry sends the same bytes under the same batch id, signed anew.
        let body = serde_json::to_vec(&UploadRequest {
            protocol: PROTOCOL_VERSION,
            device_id: signer.device_id.clone(),
            batch_id: batch_id.clone(),
            sent_at: now(),
            items: pending.iter().map(|i| CountItem::from_key(&i.key, i.value, i.version)).collect(),
        })
        .map_err(|_| SyncError::BadReply)?;
        let reply: UploadReply = link.post_retrying(store, paths::COUNTS, &batch_id, body, &mut report.retries).await?;
        report.batches += 1;
        report.items_sent += sent.len() as u32;
        let rejected: Vec<(CountKey, i64, String)> = reply
            .conflicts
            .iter()
            .filter_map(|c| sent.get(c.index).map(|(k, v)| (*k, *v, c.code.as_str().to_owned())))
            .collect();
        let accepted: Vec<(CountKey, i64)> = sent
            .iter()
            .enumerate()
            .filter(|(i, _)| !reply.conflicts.iter().any(|c| c.index == *i))
            .map(|(_, item)| *item)
            .collect();
        store.with(|s| {
            s.outbox_acknowledge(&accepted)?;
            s.outbox_reject(&rejected)?;
            Ok(())
        })?;
        report.items_accepted += accepted.len() as u32;
        report.items_rejected += rejected.len() as u32;
    }
}

/// After a restore or reinstall: asks the coordinator for this device's high-water mark and queues every count
/// again above it, so the next sync makes the coordinator's values equal the device's.
pub async fn recover_after_restore(store: &mut Store, config: &SyncConfig) -> Result<DeviceStatus, SyncError> {
    recover_after_restore_with(&Exclusive::new(store), config).await
}

async fn recover_after_restore_with(store: &impl StoreAccess, config: &SyncConfig) -> Result<DeviceStatus, SyncError> {
    let enrolment = store.with(|s| Ok(s.enrolment()?))?.ok_or(SyncError::NotEnrolled)?;
    let base = coordinator_url(&enrolment.coordinator_url)?;
    let signer = signer_of(&enrolment)?;
    let http = http_client(config)?;
    let timestamp = store.with(|s| Ok(s.next_request_timestamp(now())?))?;
    let status: DeviceStatus =
        send(&http, &base, Method::GET, paths::DEVICE_STATUS, &signer, timestamp, "", Vec::new()).await?;
    store.with(|s| Ok(s.requeue_all_counts_above(status.high_water_version)?))?;
    Ok(status)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bundled_roots_are_the_mozilla_set_and_the_default_only_on_android() {
        let platform = super::SyncConfig { bundled_roots: false, ..Default::default() };
        assert!(super::root_store(&platform).expect("roots").is_none(), "the platform's roots");
        let bundled = super::SyncConfig { bundled_roots: true, ..Default::default() };
        let roots = super::root_store(&bundled).expect("roots").expect("bundled");
        assert!(roots.len() > 100, "{} roots", roots.len());
        assert_eq!(super::SyncConfig::default().bundled_roots, cfg!(target_os = "android"));
    }

    use super::*;

    #[test]
    fn someone_waiting_gets_few_quick_retries() {
        let background = SyncConfig::default();
        let interactive = background.interactive();
        assert_eq!((background.max_attempts, interactive.max_attempts), (6, 3));
        let total: Duration = (0..interactive.max_attempts - 1).map(|a| interactive.backoff.delay(a)).sum();
        assert!(total <= Duration::from_secs(4), "waits {total:?} between attempts");
        assert_eq!(interactive.request_timeout, Duration::from_secs(8), "three attempts stay under half a minute");
    }

    #[test]
    fn only_https_or_loopback_http_is_accepted() {
        assert!(coordinator_url("https://sleutel.example.nl").is_ok());
        assert!(coordinator_url("http://127.0.0.1:8080").is_ok());
        assert!(coordinator_url("http://[::1]:8080").is_ok());
        assert!(coordinator_url("http://localhost:8080").is_ok());
        assert_eq!(coordinator_url("http://sleutel.example.nl").map_err(|e| e.code()).err(), Some("insecure_url"));
        assert_eq!(coordinator_url("http://10.0.0.1").map_err(|e| e.code()).err(), Some("insecure_url"));
        assert_eq!(coordinator_url("ftp://x").map_err(|e| e.code()).err(), Some("invalid_url"));
        assert_eq!(coordinator_url("not a url").map_err(|e| e.code()).err(), Some("invalid_url"));
    }
}
