//! How sync reaches the device's store. The app keeps its store behind a mutex (and `None` while locked); sync
//! takes it only around each local step, never while waiting on the network.

use std::sync::Mutex;

use sleutel_store::Store;

use crate::error::SyncError;

/// Short, exclusive use of the store. An implementation answers [`SyncError::Locked`] when the store is closed.
pub trait StoreAccess: Sync {
    fn with<R>(&self, step: impl FnOnce(&mut Store) -> Result<R, SyncError>) -> Result<R, SyncError>;
}

/// The app's shape: the store while unlocked, `None` while locked.
impl StoreAccess for Mutex<Option<Store>> {
    fn with<R>(&self, step: impl FnOnce(&mut Store) -> Result<R, SyncError>) -> Result<R, SyncError> {
        let mut guard = self.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        step(guard.as_mut().ok_or(SyncError::Locked)?)
    }
}

/// A store the caller owns for the whole sync (tests, tools).
pub(crate) struct Exclusive<'a>(Mutex<&'a mut Store>);

impl<'a> Exclusive<'a> {
    pub(crate) fn new(store: &'a mut Store) -> Self {
        Self(Mutex::new(store))
    }
}

impl StoreAccess for Exclusive<'_> {
    fn with<R>(&self, step: impl FnOnce(&mut Store) -> Result<R, SyncError>) -> Result<R, SyncError> {
        let mut guard = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        step(&mut guard)
    }
}
