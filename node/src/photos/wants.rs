//! The photos received records reference and this node does not hold yet: one entry per origin
//! and photo, written in the same batch as the record, removed when the bytes arrive, retried
//! with a growing delay while the origin cannot send them.

use ncen_protocol::model::RecordId;
use ncen_protocol::record::RecordKind;
use serde::{Deserialize, Serialize};

use super::{Inspected, Photos, put, sha_key};
use crate::audit::{AuditEvent, Outcome};
use crate::journal::now_ms;
use crate::store::keys::origin_bytes;
use crate::store::{Batch, Cf, StoreError, value};

/// First delay before asking again for a photo the origin could not send.
const FIRST_RETRY_MS: i64 = 5_000;
/// Longest delay between two attempts.
const MAX_RETRY_MS: i64 = 3_600_000;

/// A photo to fetch from its record's origin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoWant {
    pub kind: RecordKind,
    pub id: RecordId,
    /// Failed attempts so far.
    pub attempts: u32,
    /// Not before this time (milliseconds since the epoch).
    pub next_try_ms: i64,
}

pub(super) fn want_key(origin: &str, sha: &[u8; 32]) -> Vec<u8> {
    let mut k = origin_bytes(origin).to_vec();
    k.extend_from_slice(sha);
    k
}

impl Photos {
    /// Notes in `batch` every photo of a received record that this node does not hold.
    pub fn want_missing<'a>(
        &self,
        batch: &mut Batch<'_>,
        origin: &str,
        kind: RecordKind,
        id: RecordId,
        photos: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), StoreError> {
        for sha in photos {
            let Some(k) = sha_key(sha) else { continue };
            if self.journal.store().get(Cf::Thumbnails, &k)?.is_some() {
                continue;
            }
            let want = PhotoWant { kind, id, attempts: 0, next_try_ms: 0 };
            batch.put(Cf::PhotoWants, &want_key(origin, &k), &value::encode(&want)?);
        }
        Ok(())
    }

    /// Up to `limit` photos to ask `origin` for now.
    pub fn due(&self, origin: &str, limit: usize) -> Result<Vec<(String, PhotoWant)>, StoreError> {
        let prefix = origin_bytes(origin);
        let now = now_ms();
        let mut out = Vec::new();
        for item in self.journal.store().iter_from(Cf::PhotoWants, &prefix, true) {
            let (key, val) = item?;
            if !key.starts_with(&prefix) || out.len() >= limit {
                break;
            }
            let want: PhotoWant = value::decode("photo_wants", &val)?;
            if want.next_try_ms <= now {
                out.push((hex::encode(&key[prefix.len()..]), want));
            }
        }
        Ok(out)
    }

    /// How many photos this node is still waiting for, over all origins.
    pub fn waiting(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for item in self.journal.store().iter_from(Cf::PhotoWants, &[], true) {
            item?;
            n += 1;
        }
        Ok(n)
    }

    /// Stores a photo received from `origin` (already checked against the SHA-256 asked for)
    /// and forgets the want, with the audit entry, in one batch.
    pub fn received(
        &self,
        origin: &str,
        want: &PhotoWant,
        bytes: &[u8],
        inspected: &Inspected,
    ) -> Result<(), StoreError> {
        let Some(k) = sha_key(&inspected.sha256) else { return Ok(()) };
        self.journal.write(true, |batch, app| {
            put(batch, bytes, inspected);
            batch.delete(Cf::PhotoWants, &want_key(origin, &k));
            app.audit(
                batch,
                AuditEvent::new(origin, "replication.photo", Outcome::Ok)
                    .target(format!("{}/{}", want.kind.collection(), want.id))
                    .detail(format!(
                        "from={origin} sha256={} type={} size={}",
                        inspected.sha256,
                        inspected.media_type,
                        bytes.len()
                    )),
            )
        })
    }

    /// Asks again later, each time waiting twice as long (up to an hour).
    pub fn retry_later(&self, origin: &str, sha256: &str, want: &PhotoWant) -> Result<(), StoreError> {
        let Some(k) = sha_key(sha256) else { return Ok(()) };
        let attempts = want.attempts.saturating_add(1);
        let delay = FIRST_RETRY_MS.saturating_mul(1 << (attempts - 1).min(20)).min(MAX_RETRY_MS);
        let next = PhotoWant { attempts, next_try_ms: now_ms().saturating_add(delay), ..want.clone() };
        let mut batch = self.journal.store().batch();
        batch.put(Cf::PhotoWants, &want_key(origin, &k), &value::encode(&next)?);
        batch.commit(false)
    }

    /// Gives up on a photo the origin will not send (no longer referenced, or not covered),
    /// with the reason in the audit log.
    pub fn give_up(
        &self,
        origin: &str,
        sha256: &str,
        want: &PhotoWant,
        reason: &str,
    ) -> Result<(), StoreError> {
        let Some(k) = sha_key(sha256) else { return Ok(()) };
        self.journal.write(true, |batch, app| {
            batch.delete(Cf::PhotoWants, &want_key(origin, &k));
            app.audit(
                batch,
                AuditEvent::new(origin, "replication.photo", Outcome::Denied)
                    .target(format!("{}/{}", want.kind.collection(), want.id))
                    .detail(format!("from={origin} sha256={sha256} reason={reason}")),
            )
        })
    }
}
