//! Sync from the app: enrolment, "sync now", and a background task that sends the outbox when there is something
//! to send. All network traffic is in Rust (`sleutel-sync`); the UI only asks for the status in plain words.

use std::time::Duration;

use sleutel_sync::{StoreAccess, SyncConfig, SyncError};

use super::Session;
use crate::dto::{CommandError, EnrolmentLinkView, SyncView};

/// When the background task syncs.
#[derive(Debug, Clone)]
pub struct SyncSettings {
    /// Sync at least this often while unlocked (when there is something to send).
    pub interval: Duration,
    /// After a save, wait this long so a burst of saves goes in one sync.
    pub after_change: Duration,
    pub config: SyncConfig,
}

impl Default for SyncSettings {
    fn default() -> Self {
        Self {
            interval: Duration::from_secs(15 * 60),
            after_change: Duration::from_secs(5),
            config: SyncConfig::default(),
        }
    }
}

pub(super) struct SyncRunner {
    settings: SyncSettings,
    wake: tokio::sync::Notify,
    /// One sync at a time, whether started by the volunteer or in the background.
    pub(super) gate: tokio::sync::Mutex<()>,
    running: std::sync::atomic::AtomicBool,
    /// An enrolment the coordinator accepted while the app was locked; saved at the next unlock.
    pending_enrolment: std::sync::Mutex<Option<sleutel_store::Enrolment>>,
    /// The key pair of an enrolment that failed on the network, kept with its address and code: asking again sends
    /// the same key, so the coordinator answers with the device it may already have enrolled.
    enrolment_key: std::sync::Mutex<Option<EnrolmentKey>>,
    /// What the log last said about sync: `Some(None)` working, `Some(Some(code))` failing with that code.
    logged_outcome: std::sync::Mutex<Option<Option<&'static str>>>,
}

struct EnrolmentKey {
    coordinator: String,
    code: String,
    pkcs8: zeroize::Zeroizing<Vec<u8>>,
}

impl EnrolmentKey {
    fn is_for(&self, coordinator: &str, code: &str) -> bool {
        self.coordinator == coordinator.trim() && self.code == code.trim()
    }
}

impl SyncRunner {
    pub(super) fn new(settings: SyncSettings) -> Self {
        Self {
            settings,
            wake: tokio::sync::Notify::new(),
            gate: tokio::sync::Mutex::new(()),
            logged_outcome: std::sync::Mutex::new(None),
            running: std::sync::atomic::AtomicBool::new(false),
            pending_enrolment: std::sync::Mutex::new(None),
            enrolment_key: std::sync::Mutex::new(None),
        }
    }

    /// Saves an enrolment that arrived while the app was locked (see [`Session::enrol`]).
    pub(super) fn finish_pending_enrolment(&self, store: &mut sleutel_store::Store) {
        let pending = self.pending_enrolment.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(enrolment) = pending
            && store.enrolment().ok().flatten().is_none()
        {
            let _ = sleutel_sync::complete_enrolment(store, &enrolment);
        }
    }

    /// Something changed (a save, an unlock): the background task looks soon.
    pub(super) fn wake(&self) {
        self.wake.notify_one();
    }
}

impl Session {
    pub fn sync_status(&self) -> Result<SyncView, CommandError> {
        let running = self.inner.sync.running.load(std::sync::atomic::Ordering::Relaxed);
        self.with_store(|store| {
            let status = sleutel_sync::status(store)?;
            let coordinator = store.enrolment()?.map(|e| e.coordinator_url);
            Ok(SyncView {
                enrolled: status.enrolled,
                organisation: status.organisation,
                coordinator,
                last_success_at: status.last_success_at,
                pending: status.pending_keys,
                rejected: status.rejected_keys,
                problem: status.last_error_code,
                running,
            })
        })
    }

    /// Enrols with a coordinator using a one-time code, then sends everything counted so far.
    pub async fn enrol(&self, coordinator: &str, code: &str, label: &str) -> Result<SyncView, CommandError> {
        let label = if label.trim().is_empty() { "Sleutel" } else { label };
        let label = sleutel_domain::DeviceLabel::parse(label, Self::today())?;
        let label = label.as_str();
        {
            let _one_at_a_time = self.inner.sync.gate.lock().await;
            let config = self.inner.sync.settings.config.interactive();
            let pkcs8 = self.enrolment_key_for(coordinator, code)?;
            let result = sleutel_sync::request_enrolment_with_key(
                &self.inner.store,
                coordinator,
                code,
                label,
                &config,
                pkcs8.clone(),
            )
            .await;
            let mut kept = self.inner.sync.enrolment_key.lock().unwrap_or_else(|p| p.into_inner());
            *kept = match &result {
                // Only a failure on the way may have enrolled this key; anything else starts afresh next time.
                Err(e) if e.is_transient() => Some(EnrolmentKey {
                    coordinator: coordinator.trim().to_owned(),
                    code: code.trim().to_owned(),
                    pkcs8,
                }),
                _ => None,
            };
            drop(kept);
            if let Err(e) = &result {
                log::warn!("enrolment failed: {}", e.code());
            }
            let (_, enrolment) = result?;
            log::info!("enrolled");
            // The code is used up now: if the app locked meanwhile (the volunteer switched apps to copy the code),
            // keep the new identity in memory and save it at the next unlock rather than losing it.
            if let Err(SyncError::Locked) =
                self.inner.store.with(|store| sleutel_sync::complete_enrolment(store, &enrolment))
            {
                *self.inner.sync.pending_enrolment.lock().unwrap_or_else(|p| p.into_inner()) = Some(enrolment);
                return Err(super::locked());
            }
        }
        self.sync_now().await
    }

    /// The coordinator's address and the code from an enrolment link.
    pub fn read_enrolment_link(text: &str) -> Result<EnrolmentLinkView, CommandError> {
        let link = sleutel_protocol::enrolment_link::EnrolmentLink::parse(text)
            .ok_or_else(|| CommandError::new("not_an_enrolment_link", "not an enrolment link"))?;
        Ok(EnrolmentLinkView { server: link.server, code: link.code })
    }

    /// Enrols again with a new code after the coordinator revoked this device (same coordinator): the device proves
    /// with its old key that it is the same one, so what it counted moves to the new device instead of counting
    /// twice; then everything is sent.
    pub async fn re_enrol(&self, code: &str, label: &str) -> Result<SyncView, CommandError> {
        let label = if label.trim().is_empty() { "Sleutel" } else { label };
        let label = sleutel_domain::DeviceLabel::parse(label, Self::today())?;
        {
            let _one_at_a_time = self.inner.sync.gate.lock().await;
            let config = self.inner.sync.settings.config.interactive();
            let coordinator = self
                .inner
                .store
                .with(|s| Ok(s.enrolment()?))?
                .ok_or_else(|| CommandError::new("not_enrolled", "not enrolled"))?
                .coordinator_url;
            sleutel_sync::re_enrol_with(&self.inner.store, &coordinator, code, label.as_str(), &config)
                .await
                .inspect_err(|e| log::warn!("enrolling again failed: {}", e.code()))?;
            log::info!("enrolled again");
        }
        self.sync_now().await
    }

    /// The key pair to enrol with: the one kept from a failed attempt with the same address and code, or a new one.
    fn enrolment_key_for(&self, coordinator: &str, code: &str) -> Result<zeroize::Zeroizing<Vec<u8>>, CommandError> {
        let kept = self.inner.sync.enrolment_key.lock().unwrap_or_else(|p| p.into_inner());
        match kept.as_ref().filter(|k| k.is_for(coordinator, code)) {
            Some(key) => Ok(key.pkcs8.clone()),
            None => Ok(sleutel_sync::new_device_key()?),
        }
    }

    /// Sends the outbox now and answers the status afterwards (a failure is part of the status, not an error).
    pub async fn sync_now(&self) -> Result<SyncView, CommandError> {
        let _one_at_a_time = match self.inner.sync.gate.try_lock() {
            Ok(gate) => gate,
            Err(_) => {
                // A sync is running already: its outcome is the answer; do not start another right after it.
                drop(self.inner.sync.gate.lock().await);
                return self.sync_status();
            }
        };
        self.inner.sync.running.store(true, std::sync::atomic::Ordering::Relaxed);
        let result = sleutel_sync::sync_now_with(&self.inner.store, &self.inner.sync.settings.config).await;
        self.inner.sync.running.store(false, std::sync::atomic::Ordering::Relaxed);
        self.log_sync_outcome(&result);
        // Any other failure is recorded in the store by sleutel-sync; the status shows it in plain words.
        if let Err(SyncError::Locked) = result {
            return Err(super::locked());
        }
        self.sync_status()
    }

    /// Logs when sync starts failing (with the code), fails differently, or works again; not every attempt: sync
    /// runs after each save, so a line per attempt would tell when the volunteer recorded something.
    fn log_sync_outcome(&self, result: &Result<sleutel_sync::SyncReport, SyncError>) {
        let outcome = match result {
            Ok(_) => None,
            Err(SyncError::Locked) => return,
            Err(e) => Some(e.code()),
        };
        let mut logged = self.inner.sync.logged_outcome.lock().unwrap_or_else(|p| p.into_inner());
        if *logged != Some(outcome) {
            match outcome {
                None => log::info!("sync works"),
                Some(code) => log::warn!("sync fails: {code}"),
            }
            *logged = Some(outcome);
        }
    }

    /// Whether the background task has anything to do: unlocked, enrolled, and counts or a request for a talk
    /// waiting, or the daily look at the organisation (its contact, what it counts) due.
    fn has_sync_work(&self) -> bool {
        self.with_store(|store| {
            Ok(store.enrolment()?.is_some()
                && (store.outbox_len()? > 0
                    || store.needs_recovery()?
                    || !store.pending_debriefs()?.is_empty()
                    || sleutel_sync::organisation_check_due(store)?))
        })
        .unwrap_or(false)
    }

    /// The background task: runs for the life of the app.
    pub async fn background_sync(self) {
        loop {
            let settings = &self.inner.sync.settings;
            tokio::select! {
                () = self.inner.sync.wake.notified() => tokio::time::sleep(settings.after_change).await,
                () = tokio::time::sleep(settings.interval) => {}
            }
            if self.has_sync_work() {
                let _ = self.sync_now().await;
            }
        }
    }
}

impl From<SyncError> for CommandError {
    fn from(e: SyncError) -> Self {
        match e {
            SyncError::Store(store) => store.into(),
            other => Self::new(other.code(), &other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::session::Session;
    use crate::session::tests::{passphrase, session};

    #[test]
    fn an_enrolment_link_fills_the_address_and_the_code_and_other_text_is_refused() {
        let view =
            Session::read_enrolment_link(" sleutel://enrol?server=https%3A%2F%2Fsleutel.example.org&code=K7QM-2XPA ")
                .expect("a link");
        assert_eq!((view.server.as_str(), view.code.as_str()), ("https://sleutel.example.org", "K7QM-2XPA"));
        for text in ["K7QM-2XPA", "https://sleutel.example.org", "sleutel://enrol?code=K7QM-2XPA"] {
            assert_eq!(Session::read_enrolment_link(text).expect_err(text).code, "not_an_enrolment_link");
        }
    }

    #[test]
    fn status_before_enrolment_and_refusals_are_clear() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        assert_eq!(s.sync_status().map_err(|e| e.code).err().as_deref(), Some("locked"));
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let status = s.sync_status().expect("status");
        assert!(!status.enrolled);
        assert_eq!(status.pending, 0);
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        let err = rt.block_on(s.enrol("http://sleutel.example.nl", "ABCD-EFGH", "")).expect_err("plain http");
        assert_eq!(err.code, "insecure_url");
        // Checked on the device before anything is sent: staff would see the label.
        let err = rt
            .block_on(s.enrol("https://sleutel.example.nl", "ABCD-EFGH", "Telefoon van Fatima 0612345678"))
            .expect_err("identifies");
        assert_eq!((err.code.as_str(), err.field.as_deref()), ("label_identifies", Some("label")));
        let err = rt.block_on(s.sync_now()).map(|v| v.problem).expect("status");
        assert_eq!(err.as_deref(), Some("not_enrolled"), "a failed sync is shown in the status");
    }

    #[test]
    fn an_enrolment_lost_on_the_network_is_asked_again_with_the_same_key() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        // Nobody listens here: the request fails on the way, as a lost reply would.
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
        let address = format!("http://127.0.0.1:{port}");
        let kept = || {
            let key = s.inner.sync.enrolment_key.lock().expect("lock");
            key.as_ref().map(|k| (k.coordinator.clone(), k.code.clone(), k.pkcs8.to_vec()))
        };
        let err = rt.block_on(s.enrol(&address, "ABCD-EFGH-JKLM", "")).expect_err("nobody there");
        assert_eq!(err.code, "network_unreachable");
        let (coordinator, code, first) = kept().expect("the key is kept");
        assert_eq!((coordinator.as_str(), code.as_str()), (address.as_str(), "ABCD-EFGH-JKLM"));
        // Again, with spaces typed around the code: the same key.
        rt.block_on(s.enrol(&format!("{address} "), " ABCD-EFGH-JKLM", "")).expect_err("still nobody");
        assert_eq!(kept().map(|k| k.2), Some(first.clone()));
        // Another code is another enrolment: a new key.
        rt.block_on(s.enrol(&address, "ZZZZ-ZZZZ-ZZZZ", "")).expect_err("still nobody");
        assert_ne!(kept().map(|k| k.2), Some(first));
        // A refusal (not a failure on the way) forgets the key.
        let refused = rt.block_on(s.enrol("http://sleutel.example.nl", "ZZZZ-ZZZZ-ZZZZ", "")).expect_err("plain http");
        assert_eq!(refused.code, "insecure_url");
        assert!(kept().is_none());
    }
}
