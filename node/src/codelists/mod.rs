//! Code lists at a node (MISSION N2, B5): the catalog in force, which is the built-in lists
//! overlaid with the newest hub-signed release of each; the hub's publishing of a change as a
//! new signed release; and a member's taking of a release fetched from its hub.

mod service;

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use ncen_protocol::codelists::Catalog;
use tokio::sync::watch;

pub use service::{CodeListService, CodeListsError, ReleaseInfo};

/// This node's catalog in force, swapped whole when a release is taken; cheap to clone, and
/// every clone sees the swap. Each node holds its own (a hub and members may share a process).
#[derive(Debug, Clone)]
pub struct CatalogHandle {
    current: Arc<watch::Sender<Arc<Catalog>>>,
    /// Held while a release is checked and written, so that versions never race.
    writing: Arc<Mutex<()>>,
}

impl CatalogHandle {
    pub fn new(catalog: Catalog) -> Self {
        CatalogHandle { current: Arc::new(watch::channel(Arc::new(catalog)).0), writing: Arc::default() }
    }

    /// The built-in lists only.
    pub fn builtin() -> Self {
        CatalogHandle::new(Catalog::builtin().clone())
    }

    /// The catalog in force now; new records are checked with it.
    pub fn current(&self) -> Arc<Catalog> {
        self.current.borrow().clone()
    }

    /// Puts `catalog` in force.
    pub(crate) fn set(&self, catalog: Catalog) {
        self.current.send_replace(Arc::new(catalog));
    }

    /// Taken while a release is checked against the catalog in force and written.
    pub(crate) fn lock(&self) -> MutexGuard<'_, ()> {
        self.writing.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Changes whenever another catalog comes into force.
    pub fn subscribe(&self) -> watch::Receiver<Arc<Catalog>> {
        self.current.subscribe()
    }
}

impl From<&'static Catalog> for CatalogHandle {
    fn from(catalog: &'static Catalog) -> Self {
        CatalogHandle::new(catalog.clone())
    }
}
