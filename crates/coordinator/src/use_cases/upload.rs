//! Uploading a signed batch of counts (`POST /api/v1/counts`), after the handler has authenticated the device and
//! validated the items: the rules of docs/protocol.md, step 2 onwards.

use std::collections::HashMap;

use sleutel_domain::counts::{CountKey, Dimension};
use sleutel_protocol::{ErrorCode, ItemCode, ItemProblem, UploadReply, UploadStatus};

use crate::storage::{Device, StorageResult};

/// One valid count of an upload, with its position in the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidItem {
    pub index: usize,
    pub key: CountKey,
    pub value: i64,
    pub version: i64,
}

/// A verified upload, ready to apply.
#[derive(Debug, Clone)]
pub struct Batch {
    pub batch_id: String,
    pub body_sha256: [u8; 32],
    pub timestamp: i64,
    pub items: Vec<ValidItem>,
    /// Items already refused by validation; they are part of the reply.
    pub invalid: Vec<sleutel_protocol::ItemProblem>,
    pub item_count: usize,
    /// How much one device may keep here.
    pub ceilings: crate::storage::DeviceCeilings,
}

/// What happened to an upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestOutcome {
    /// Applied now, or the stored reply of an earlier identical batch.
    Reply { reply: UploadReply, replayed: bool },
    /// Refused as a whole; nothing changed.
    Refused(ErrorCode),
}

/// What the coordinator holds about a device while it takes an upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeviceState {
    pub revoked: bool,
    pub high_water_version: i64,
    pub key_count: i64,
}

/// An upload received before under the same batch id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBatch {
    pub body_sha256: Vec<u8>,
    pub last_timestamp: i64,
    /// The reply as sent (JSON), to send again.
    pub reply_json: String,
}

/// The steps an upload needs from storage, all inside one transaction that the engine commits (or rolls back when
/// a step fails).
pub trait UploadTransaction {
    fn device_state(&mut self, device_id: &str) -> StorageResult<DeviceState>;
    fn stored_batch(&mut self, device_id: &str, batch_id: &str) -> StorageResult<Option<StoredBatch>>;
    /// A retried batch: remember its newer timestamp, so the same request cannot be replayed later.
    fn touch_batch(&mut self, device_id: &str, batch_id: &str, timestamp: i64) -> StorageResult<()>;
    /// Keeps the batch's reply (JSON, as sent) to answer a retry of it.
    fn store_batch(&mut self, device_id: &str, batch: &Batch, reply_json: &str, now: i64) -> StorageResult<()>;
    /// Keeps the device's `keep` newest stored replies (the one just stored among them) and none older than the
    /// retention period.
    fn prune_batches(&mut self, device_id: &str, just_stored: &str, keep: i64, now: i64) -> StorageResult<()>;
    /// The device's value and version of each of these keys that it sent before (one query, not one per key).
    fn device_counts(&mut self, device_id: &str, keys: &[CountKey]) -> StorageResult<HashMap<CountKey, (i64, i64)>>;
    /// Stores the device's new values and adds each change to its organisation's totals (kept up to date with
    /// every upload), all at once: an engine may write them as one batched statement per table.
    fn write_counts(&mut self, device_id: &str, organisation_id: i64, changes: &[CountChange]) -> StorageResult<()>;
    fn finish_device(&mut self, device_id: &str, state: DeviceState, last_upload_at: i64) -> StorageResult<()>;
}

/// One accepted item of an upload: the device's new value and version, and how much its organisation's total moves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountChange {
    pub key: CountKey,
    pub value: i64,
    pub version: i64,
    pub change: i64,
}

impl CountChange {
    /// The municipality the total is filed under ("" when the key has none).
    pub fn municipality(&self) -> &str {
        self.key.dimensions.get(Dimension::Municipality).unwrap_or("")
    }

    /// How the number of the device's keys above zero in this month moves: +1 when the key becomes non-zero, −1
    /// when it drops to zero, else 0 (kept in `device_months` for the "active volunteers" of a period).
    pub fn nonzero_change(&self) -> i64 {
        let before = self.value - self.change;
        i64::from(self.value > 0) - i64::from(before > 0)
    }
}

/// How many keys above zero each month of these changes gains (or loses), for the months where that moves.
pub fn nonzero_changes(changes: &[CountChange]) -> Vec<(String, i64)> {
    let mut months: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
    for c in changes {
        *months.entry(c.key.period.to_string()).or_default() += c.nonzero_change();
    }
    months.into_iter().filter(|(_, change)| *change != 0).collect()
}

/// What the handler learnt about an upload before its rules apply: the body's digest and the signed headers.
#[derive(Debug, Clone, Copy)]
pub struct SignedUpload<'a> {
    pub body_sha256: [u8; 32],
    pub batch_id: &'a str,
    pub timestamp: i64,
}

/// Checks an authenticated upload against its device and turns it into a batch: the body names the device and the
/// signed batch id (`invalid_field`), at most 2,000 items (`too_many_items`); each item is valid, not for a month
/// after next (`period_out_of_range`, a device whose clock is a little ahead may send next month) and not twice in
/// the batch (`duplicate_key`). Refused items become part of the reply, the rest of the batch still counts.
pub fn prepare_batch(
    request: sleutel_protocol::UploadRequest,
    device: &Device,
    signed: SignedUpload<'_>,
    ceilings: crate::storage::DeviceCeilings,
    now: i64,
) -> Result<Batch, super::Refusal> {
    if signed.batch_id.is_empty() {
        return Err(ErrorCode::MissingHeader.into());
    }
    if request.device_id != device.id
        || request.batch_id != signed.batch_id
        || !sleutel_protocol::valid_batch_id(&request.batch_id)
    {
        return Err(ErrorCode::InvalidField.into());
    }
    if request.items.len() > sleutel_protocol::limits::MAX_ITEMS_PER_BATCH {
        return Err(ErrorCode::TooManyItems.into());
    }
    let today = super::day_of(now);
    let latest = sleutel_domain::counts::Period::of(today).next();
    let mut items = Vec::with_capacity(request.items.len());
    let mut invalid = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (index, item) in request.items.iter().enumerate() {
        let problem = match item.validate() {
            Ok(key) if latest.is_some_and(|latest| key.period > latest) => ItemCode::PeriodOutOfRange,
            Ok(key) if seen.insert(key) => {
                items.push(ValidItem { index, key, value: item.value, version: item.version });
                continue;
            }
            Ok(_) => ItemCode::DuplicateKey,
            Err(code) => code,
        };
        invalid.push(ItemProblem { index, code: problem, message: problem.message().into() });
    }
    Ok(Batch {
        batch_id: request.batch_id,
        body_sha256: signed.body_sha256,
        timestamp: signed.timestamp,
        item_count: request.items.len(),
        items,
        invalid,
        ceilings,
    })
}

/// Takes an authenticated upload: checks its items ([`prepare_batch`]) and applies it through the engine's group
/// commit ([`take_upload`] inside). Answers the reply, or the code the whole batch is refused with.
pub fn upload(
    storage: &dyn crate::storage::Storage,
    request: sleutel_protocol::UploadRequest,
    device: &Device,
    signed: SignedUpload<'_>,
    ceilings: crate::storage::DeviceCeilings,
    now: i64,
) -> Result<UploadReply, super::Refusal> {
    let batch = prepare_batch(request, device, signed, ceilings, now)?;
    match storage.ingest(device, &batch, now)? {
        IngestOutcome::Reply { reply, replayed } => {
            tracing::info!(
                imported = reply.imported,
                updated = reply.updated,
                ignored = reply.ignored,
                rejected = reply.rejected,
                replayed,
                "batch ingested"
            );
            Ok(reply)
        }
        IngestOutcome::Refused(code) => Err(code.into()),
    }
}

/// The same rejection of the same device within this time is one audit entry with a count, not one per request.
const REPEATED_REJECTION_WINDOW_SECS: i64 = 3600;

/// Writes a refused upload to the audit log when only the device itself can have sent it (its signature verified):
/// revoked, clock skew, replay, a reused batch id, a malformed field, too many items. Anonymous junk (bad JSON,
/// unknown devices, bad signatures) and rate limiting are only logged, so nobody can flood the audit log or slow
/// down ingest with it. A device retrying the same refused request makes one entry with a count.
pub fn record_rejection(
    storage: &dyn crate::storage::Storage,
    device_id: &str,
    code: ErrorCode,
    now: i64,
) -> StorageResult<()> {
    let on_record = matches!(
        code,
        ErrorCode::DeviceRevoked
            | ErrorCode::ClockSkew
            | ErrorCode::ReplayDetected
            | ErrorCode::BatchIdReused
            | ErrorCode::InvalidField
            | ErrorCode::TooManyItems
    );
    if !on_record {
        return Ok(());
    }
    let detail = serde_json::json!({"device_id": device_id, "code": code.as_str()});
    storage.audit_repeated(now, device_id, "upload_rejected", &detail, REPEATED_REJECTION_WINDOW_SECS)
}

/// Takes one upload inside `tx`: a batch id seen before with the same body gets the stored reply (or
/// `replay_detected` when its timestamp is not newer), with another body `batch_id_reused`; a device revoked
/// meanwhile is refused; otherwise each valid item replaces the stored value when its version is newer.
pub fn take_upload(
    tx: &mut impl UploadTransaction,
    device: &Device,
    batch: &Batch,
    now: i64,
) -> StorageResult<IngestOutcome> {
    // Revocation is checked again here: a revoke that raced this upload wins.
    let state = tx.device_state(&device.id)?;
    if state.revoked {
        return Ok(IngestOutcome::Refused(ErrorCode::DeviceRevoked));
    }
    if let Some(seen) = tx.stored_batch(&device.id, &batch.batch_id)? {
        if seen.body_sha256 != batch.body_sha256 {
            return Ok(IngestOutcome::Refused(ErrorCode::BatchIdReused));
        }
        if batch.timestamp <= seen.last_timestamp {
            return Ok(IngestOutcome::Refused(ErrorCode::ReplayDetected));
        }
        tx.touch_batch(&device.id, &batch.batch_id, batch.timestamp)?;
        let reply = serde_json::from_str(&seen.reply_json).map_err(|_| crate::storage::StorageError::Corrupt)?;
        return Ok(IngestOutcome::Reply { reply, replayed: true });
    }
    let reply = apply_items(tx, device, state, batch)?;
    let reply_json = serde_json::to_string(&reply).map_err(|_| crate::storage::StorageError::Corrupt)?;
    tx.store_batch(&device.id, batch, &reply_json, now)?;
    // Replies are kept to answer a retried batch: a week at most, and the newest few hundred per device, so no
    // device can fill the disk with them.
    tx.prune_batches(&device.id, &batch.batch_id, batch.ceilings.stored_replies, now)?;
    Ok(IngestOutcome::Reply { reply, replayed: false })
}

fn apply_items(
    tx: &mut impl UploadTransaction,
    device: &Device,
    mut state: DeviceState,
    batch: &Batch,
) -> StorageResult<UploadReply> {
    let mut reply = UploadReply {
        status: UploadStatus::Success,
        imported: 0,
        updated: 0,
        ignored: 0,
        rejected: 0,
        conflicts: batch.invalid.clone(),
    };
    let refuse = |reply: &mut UploadReply, index: usize, code: ItemCode| {
        reply.conflicts.push(ItemProblem { index, code, message: code.message().into() });
    };
    let keys: Vec<CountKey> = batch.items.iter().map(|item| item.key).collect();
    let known = tx.device_counts(&device.id, &keys)?;
    let mut changes = Vec::with_capacity(batch.items.len());
    for item in &batch.items {
        let change = match known.get(&item.key).copied() {
            None if state.key_count >= batch.ceilings.keys => {
                refuse(&mut reply, item.index, ItemCode::TooManyKeys);
                continue;
            }
            None => {
                reply.imported += 1;
                state.key_count += 1;
                item.value
            }
            Some((_, version)) if item.version < version => {
                reply.ignored += 1;
                continue;
            }
            Some((value, version)) if item.version == version => {
                if value == item.value {
                    reply.ignored += 1;
                } else {
                    // The same version with another value: a device must never do this.
                    refuse(&mut reply, item.index, ItemCode::Conflict);
                }
                continue;
            }
            Some((value, _)) => {
                reply.updated += 1;
                item.value - value
            }
        };
        changes.push(CountChange { key: item.key, value: item.value, version: item.version, change });
        state.high_water_version = state.high_water_version.max(item.version);
    }
    // A batch never holds a key twice (prepare_batch), so the changes can be written in any order, at once.
    tx.write_counts(&device.id, device.organisation_id, &changes)?;
    reply.conflicts.sort_by_key(|c| c.index);
    reply.rejected = reply.conflicts.len() as u32;
    reply.status = if reply.rejected == 0 {
        UploadStatus::Success
    } else if reply.rejected as usize == batch.item_count {
        UploadStatus::Error
    } else {
        UploadStatus::Warning
    };
    tx.finish_device(&device.id, state, batch.timestamp)?;
    Ok(reply)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::DeviceCeilings;

    /// The rules need no database: an in-memory storage shows what each step must do.
    #[derive(Default)]
    struct Memory {
        revoked: bool,
        high_water_version: i64,
        key_count: i64,
        batches: HashMap<String, StoredBatch>,
        counts: HashMap<CountKey, (i64, i64)>,
        totals: HashMap<CountKey, i64>,
    }

    impl UploadTransaction for Memory {
        fn device_state(&mut self, _: &str) -> StorageResult<DeviceState> {
            Ok(DeviceState {
                revoked: self.revoked,
                high_water_version: self.high_water_version,
                key_count: self.key_count,
            })
        }
        fn stored_batch(&mut self, _: &str, batch_id: &str) -> StorageResult<Option<StoredBatch>> {
            Ok(self.batches.get(batch_id).cloned())
        }
        fn touch_batch(&mut self, _: &str, batch_id: &str, timestamp: i64) -> StorageResult<()> {
            if let Some(b) = self.batches.get_mut(batch_id) {
                b.last_timestamp = timestamp;
            }
            Ok(())
        }
        fn store_batch(&mut self, _: &str, batch: &Batch, reply_json: &str, _: i64) -> StorageResult<()> {
            let stored = StoredBatch {
                body_sha256: batch.body_sha256.to_vec(),
                last_timestamp: batch.timestamp,
                reply_json: reply_json.to_owned(),
            };
            self.batches.insert(batch.batch_id.clone(), stored);
            Ok(())
        }
        fn prune_batches(&mut self, _: &str, _: &str, _: i64, _: i64) -> StorageResult<()> {
            Ok(())
        }
        fn device_counts(&mut self, _: &str, keys: &[CountKey]) -> StorageResult<HashMap<CountKey, (i64, i64)>> {
            Ok(keys.iter().filter_map(|k| Some((*k, *self.counts.get(k)?))).collect())
        }
        fn write_counts(&mut self, _: &str, _: i64, changes: &[CountChange]) -> StorageResult<()> {
            for c in changes {
                self.counts.insert(c.key, (c.value, c.version));
                *self.totals.entry(c.key).or_default() += c.change;
            }
            Ok(())
        }
        fn finish_device(&mut self, _: &str, state: DeviceState, _: i64) -> StorageResult<()> {
            self.high_water_version = state.high_water_version;
            self.key_count = state.key_count;
            Ok(())
        }
    }

    fn key(municipality: &str) -> CountKey {
        CountKey::parse("2026-11", "activities", [("activity", "home_visit"), ("municipality", municipality)])
            .expect("key")
    }

    fn batch(id: &str, body: u8, timestamp: i64, items: &[(&str, i64, i64)]) -> Batch {
        Batch {
            batch_id: id.into(),
            body_sha256: [body; 32],
            timestamp,
            items: items
                .iter()
                .enumerate()
                .map(|(index, &(m, value, version))| ValidItem { index, key: key(m), value, version })
                .collect(),
            invalid: Vec::new(),
            item_count: items.len(),
            ceilings: DeviceCeilings { keys: 2, stored_replies: 200 },
        }
    }

    fn device() -> Device {
        Device {
            id: "d-1".into(),
            organisation_id: 1,
            public_key: [0; 32],
            label: "Telefoon".into(),
            enrolled_at: 0,
            revoked_at: None,
            last_upload_at: None,
            high_water_version: 0,
        }
    }

    fn reply(outcome: IngestOutcome) -> UploadReply {
        match outcome {
            IngestOutcome::Reply { reply, .. } => reply,
            IngestOutcome::Refused(code) => panic!("refused: {code:?}"),
        }
    }

    #[test]
    fn newer_versions_replace_older_ones_and_totals_follow_by_difference() {
        let mut memory = Memory::default();
        let first =
            reply(take_upload(&mut memory, &device(), &batch("b1", 1, 10, &[("GM0202", 3, 1)]), 10).expect("ok"));
        assert_eq!((first.imported, first.updated, first.ignored), (1, 0, 0));
        let newer = batch("b2", 2, 11, &[("GM0202", 5, 2)]);
        assert_eq!(reply(take_upload(&mut memory, &device(), &newer, 11).expect("ok")).updated, 1);
        let older = batch("b3", 3, 12, &[("GM0202", 1, 1)]);
        assert_eq!(reply(take_upload(&mut memory, &device(), &older, 12).expect("ok")).ignored, 1);
        let conflict = batch("b4", 4, 13, &[("GM0202", 9, 2)]);
        let conflict = reply(take_upload(&mut memory, &device(), &conflict, 13).expect("ok"));
        assert_eq!(conflict.conflicts[0].code, ItemCode::Conflict);
        assert_eq!(memory.totals[&key("GM0202")], 5);
        assert_eq!(memory.high_water_version, 2);
    }

    #[test]
    fn a_batch_id_answers_its_retry_refuses_a_replay_and_another_body() {
        let mut memory = Memory::default();
        let b = batch("b1", 1, 10, &[("GM0202", 3, 1)]);
        take_upload(&mut memory, &device(), &b, 10).expect("ok");
        let retried = Batch { timestamp: 11, ..b.clone() };
        assert!(matches!(
            take_upload(&mut memory, &device(), &retried, 11),
            Ok(IngestOutcome::Reply { replayed: true, .. })
        ));
        let replay = take_upload(&mut memory, &device(), &retried, 11).expect("ok");
        assert_eq!(replay, IngestOutcome::Refused(ErrorCode::ReplayDetected));
        let other = Batch { body_sha256: [9; 32], timestamp: 12, ..b };
        assert_eq!(
            take_upload(&mut memory, &device(), &other, 12).expect("ok"),
            IngestOutcome::Refused(ErrorCode::BatchIdReused)
        );
        assert_eq!(memory.totals[&key("GM0202")], 3, "counted once");
    }

    #[test]
    fn a_revoked_device_is_refused_and_new_keys_stop_at_the_ceiling() {
        let mut memory = Memory::default();
        let three = batch("b1", 1, 10, &[("GM0202", 1, 1), ("GM0363", 1, 1), ("GM0599", 1, 1)]);
        let three = reply(take_upload(&mut memory, &device(), &three, 10).expect("ok"));
        assert_eq!((three.imported, three.conflicts[0].code), (2, ItemCode::TooManyKeys));
        assert_eq!(three.status, UploadStatus::Warning);
        memory.revoked = true;
        let after = batch("b2", 2, 11, &[("GM0202", 2, 2)]);
        assert_eq!(
            take_upload(&mut memory, &device(), &after, 11).expect("ok"),
            IngestOutcome::Refused(ErrorCode::DeviceRevoked)
        );
    }
}
