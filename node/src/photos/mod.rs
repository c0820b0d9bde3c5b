//! Photos of records (MISSION N5): checked by content, stored once per SHA-256 with a thumbnail,
//! read back for the UI and the API, and served to peers by the replication engine under the
//! policy of the record that references them.

pub mod inspect;
pub mod wants;

use std::sync::Arc;

pub use inspect::{Inspected, PhotoError, inspect, sniff};
use ncen_protocol::model::PhotoRef;
use ncen_protocol::record::RecordBody;
pub use wants::PhotoWant;

use crate::audit::{AuditEvent, Outcome};
use crate::journal::Journal;
use crate::store::{Batch, Cf, StoreError, keys};

/// Why a photo could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum StorePhotoError {
    #[error(transparent)]
    Photo(#[from] PhotoError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The key of a photo: the 32 bytes of its SHA-256, from lowercase or uppercase hex.
pub fn sha_key(sha256: &str) -> Option<[u8; 32]> {
    if sha256.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    hex::decode_to_slice(sha256, &mut out).ok()?;
    Some(out)
}

/// The photos a record body references (only seizures and suspects have any).
pub fn photos_of(body: &RecordBody) -> &[PhotoRef] {
    match body {
        RecordBody::Seizure(s) => &s.photos,
        RecordBody::Suspect(s) => &s.photos,
        RecordBody::Company(_) => &[],
    }
}

/// The node's photo store.
#[derive(Debug, Clone)]
pub struct Photos {
    journal: Arc<Journal>,
}

impl Photos {
    pub fn new(journal: Arc<Journal>) -> Self {
        Photos { journal }
    }

    /// Checks `bytes` and stores them with their thumbnail, auditing who uploaded them and
    /// where from. Storing the same bytes again changes nothing but the audit log.
    pub fn upload(&self, actor: &str, bytes: &[u8], via: &str) -> Result<Inspected, StorePhotoError> {
        let inspected = match inspect(bytes) {
            Ok(i) => i,
            Err(e) => {
                self.journal.audit(
                    AuditEvent::new(actor, "photo.upload", Outcome::Denied)
                        .detail(format!("via={via} size={} error={e}", bytes.len())),
                    false,
                )?;
                return Err(e.into());
            }
        };
        self.journal.write(true, |batch, app| {
            put(batch, bytes, &inspected);
            app.audit(
                batch,
                AuditEvent::new(actor, "photo.upload", Outcome::Ok)
                    .target(format!("photos/{}", inspected.sha256))
                    .detail(format!(
                        "via={via} type={} size={} pixels={}x{}",
                        inspected.media_type,
                        bytes.len(),
                        inspected.width,
                        inspected.height
                    )),
            )
        })?;
        Ok(inspected)
    }

    /// Whether this node holds the bytes of a photo.
    pub fn holds(&self, sha256: &str) -> Result<bool, StoreError> {
        match sha_key(sha256) {
            Some(k) => Ok(self.journal.store().get(Cf::Thumbnails, &k)?.is_some()),
            None => Ok(false),
        }
    }

    /// A photo's bytes and media type (read from the bytes).
    pub fn bytes(&self, sha256: &str) -> Result<Option<(&'static str, Vec<u8>)>, StoreError> {
        let Some(k) = sha_key(sha256) else { return Ok(None) };
        Ok(self
            .journal
            .store()
            .get(Cf::Photos, &k)?
            .map(|b| (sniff(&b).unwrap_or("application/octet-stream"), b)))
    }

    /// A photo's thumbnail (a JPEG).
    pub fn thumbnail(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let Some(k) = sha_key(sha256) else { return Ok(None) };
        self.journal.store().get(Cf::Thumbnails, &k)
    }

    /// Whether any record this node holds (own or received) references the photo.
    pub fn referenced(&self, sha256: &str) -> Result<bool, StoreError> {
        let sha = sha256.to_ascii_lowercase();
        for kind in ncen_protocol::record::RecordKind::ALL {
            let prefix = keys::index_prefix(kind, keys::Term::Photo(&sha));
            if let Some(item) = self.journal.store().iter_from(Cf::Index, &prefix, true).next() {
                let (key, _) = item?;
                if key.starts_with(&prefix) {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Deletes the photos that received records no longer reference (a correction without them,
    /// or the record deleted at its origin), unless another record still does (MISSION B3).
    pub fn forget_unreferenced(&self, from: &str, shas: &[String]) -> Result<usize, StoreError> {
        let mut gone = Vec::new();
        for sha in shas {
            if !self.referenced(sha)?
                && let Some(k) = sha_key(sha)
            {
                gone.push((sha.clone(), k));
            }
        }
        if gone.is_empty() {
            return Ok(0);
        }
        self.journal.write(true, |batch, app| {
            for (sha, k) in &gone {
                batch.delete(Cf::Photos, k);
                batch.delete(Cf::Thumbnails, k);
                batch.delete(Cf::PhotoWants, &wants::want_key(from, k));
                app.audit(
                    batch,
                    AuditEvent::new(from, "photo.forget", Outcome::Ok)
                        .target(format!("photos/{sha}"))
                        .detail(format!("origin={from} reason=no record held here references it any more")),
                )?;
            }
            Ok::<_, StoreError>(())
        })?;
        Ok(gone.len())
    }

    #[cfg(test)]
    pub(crate) fn journal(&self) -> &Arc<Journal> {
        &self.journal
    }
}

/// Adds a checked photo and its thumbnail to `batch`.
pub(crate) fn put(batch: &mut Batch<'_>, bytes: &[u8], inspected: &Inspected) {
    if let Some(k) = sha_key(&inspected.sha256) {
        batch.put(Cf::Photos, &k, bytes);
        batch.put(Cf::Thumbnails, &k, &inspected.thumbnail);
    }
}

#[cfg(test)]
mod tests;
