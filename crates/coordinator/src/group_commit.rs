//! Group commit for uploads, shared by both engines: concurrent uploads queue up while one caller holds the
//! writer; the holder applies every queued upload in one transaction (each in its own savepoint) and commits once.
//! Replies are sent only after that commit, so every acknowledged batch is durable while one commit (one fsync)
//! serves many batches.

use std::sync::{Mutex, MutexGuard};

use crate::storage::{Device, StorageError, StorageResult};
use crate::use_cases::upload::{Batch, IngestOutcome};

/// One upload waiting for the next commit.
#[derive(Debug)]
pub(crate) struct IngestJob {
    pub device: Device,
    pub batch: Batch,
    pub now: i64,
    reply: std::sync::mpsc::SyncSender<StorageResult<IngestOutcome>>,
}

/// The writer `W` (SQLite: the connection; PostgreSQL: only the right to write a group) and the queue in front of it.
#[derive(Debug)]
pub(crate) struct GroupCommit<W> {
    writer: Mutex<W>,
    pending: Mutex<Vec<IngestJob>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a lock cannot leave a half-applied transaction (the engine rolls it back), so what the
    // lock guards is still usable.
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl<W> GroupCommit<W> {
    pub fn new(writer: W) -> Self {
        Self { writer: Mutex::new(writer), pending: Mutex::default() }
    }

    /// The writer, for work other than uploads.
    pub fn writer(&self) -> MutexGuard<'_, W> {
        lock(&self.writer)
    }

    /// Queues one upload and waits for its outcome. `apply` gets the writer and a group of jobs and returns one
    /// result per job, in order.
    pub fn ingest(
        &self,
        device: &Device,
        batch: &Batch,
        now: i64,
        apply: impl FnOnce(&mut W, &[IngestJob]) -> Vec<StorageResult<IngestOutcome>>,
    ) -> StorageResult<IngestOutcome> {
        let (reply_tx, reply_rx) = std::sync::mpsc::sync_channel(1);
        lock(&self.pending).push(IngestJob { device: device.clone(), batch: batch.clone(), now, reply: reply_tx });
        let mut writer = self.writer();
        // Jobs are taken and answered while their taker holds the writer (the channels have room for the answer, so
        // sending never blocks); once we hold it, an answer to our job is either here or ours to make.
        if let Ok(result) = reply_rx.try_recv() {
            return result;
        }
        let jobs = std::mem::take(&mut *lock(&self.pending));
        let results = apply(&mut writer, &jobs);
        for (job, result) in jobs.into_iter().zip(results) {
            let _ = job.reply.send(result);
        }
        drop(writer);
        reply_rx.recv().unwrap_or(Err(StorageError::Corrupt))
    }
}
