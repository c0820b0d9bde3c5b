//! The WCO hub's global CEN database: the stored head of every member's seizure projection
//! (`cen`), its date index (`cen_index`), and the searches and statistics made over them.

mod filter;
pub mod global;
mod stats;
#[cfg(test)]
mod tests;

use ncen_protocol::model::RecordId;
use ncen_protocol::projection::{CenSeizure, SignedCen};
use serde::{Deserialize, Serialize};

use crate::store::keys::{self, DATE_WIDTH};
use crate::store::{Batch, Cf, Store, StoreError, value};

pub use filter::{CenCursor, CenFilter, CenQuery, DEFAULT_LIMIT, MAX_LIMIT, commodity_within};
pub use global::{GlobalCen, GlobalError, GlobalPage};
pub use stats::{StatGroup, StatTotals, Statistics};

/// The current state of one projected seizure at the hub, as kept in `cen`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CenHead {
    pub origin: String,
    pub revision: u32,
    pub deleted: bool,
    /// When the origin signed this revision (ms since the Unix epoch).
    pub issued_at_ms: i64,
    /// The seizure date the record is indexed under (the last live date for a tombstone).
    pub date: String,
    /// The projection; `None` once the origin deleted the seizure.
    pub body: Option<CenSeizure>,
    /// The origin's COSE_Sign1 envelope of this revision, as received.
    #[serde(with = "serde_bytes")]
    pub envelope: Vec<u8>,
    /// Who signed `envelope` when it is not the origin: `WCO` for a seizure uploaded at the hub
    /// on behalf of a member administration without a node (the envelope is the hub's, with
    /// content type [`ncen_protocol::projection::CONTENT_TYPE_CEN_ON_BEHALF`]). `None`: the
    /// origin's node signed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<String>,
}

/// One page of CEN seizures, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CenPage {
    pub items: Vec<CenSeizure>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
    /// How many seizures match the filters, on all pages.
    pub total: u64,
}

/// The global CEN database kept by the hub.
#[derive(Debug, Clone)]
pub struct CenDb {
    store: Store,
}

/// `[date:10][uuid]`, the key of the date index.
fn index_key(date: &str, id: RecordId) -> Vec<u8> {
    keys::index_entry(&[], date, id)
}

impl CenDb {
    pub fn new(store: Store) -> Self {
        CenDb { store }
    }

    pub fn head(&self, id: RecordId) -> Result<Option<CenHead>, StoreError> {
        self.store.get(Cf::Cen, id.as_bytes())?.map(|b| value::decode("cen", &b)).transpose()
    }

    /// Puts one verified projection revision (body `None` = tombstone) into `batch` if its
    /// revision is newer than `current` (the head the caller read, or the one it put earlier in
    /// the same batch); returns the new head if applied, `None` if it was not newer
    /// (idempotent). Keeps the date index in step: a date change moves the index entry, a
    /// tombstone removes the record from the index and drops the body, keeping origin,
    /// revision and `deleted`.
    ///
    /// A revision is also refused (`None`, with a warning in the log) when it claims a record
    /// that another origin holds, or when its body disagrees with its signed id, origin or
    /// revision: such an entry must not overwrite what is stored, nor stall replication.
    pub fn apply(
        &self,
        batch: &mut Batch<'_>,
        current: Option<&CenHead>,
        signed: &SignedCen,
        envelope: &[u8],
    ) -> Result<Option<CenHead>, StoreError> {
        let id = signed.id;
        if let Some(cur) = current {
            if signed.revision <= cur.revision {
                return Ok(None);
            }
            if cur.origin != signed.origin {
                tracing::warn!(%id, held_by = %cur.origin, claimed_by = %signed.origin,
                    "CEN revision refused: the record belongs to another origin");
                return Ok(None);
            }
        }
        if let Some(body) = &signed.body
            && (body.id != id || body.origin != signed.origin || body.revision != signed.revision)
        {
            tracing::warn!(%id, origin = %signed.origin, "CEN revision refused: body and signed header differ");
            return Ok(None);
        }
        let live_date = current.filter(|c| !c.deleted).map(|c| c.date.as_str());
        let date = match &signed.body {
            Some(body) => body.date.clone(),
            None => current.map(|c| c.date.clone()).unwrap_or_default(),
        };
        if let Some(old) = live_date
            && (signed.body.is_none() || old != date)
        {
            batch.delete(Cf::CenIndex, &index_key(old, id));
        }
        if signed.body.is_some() {
            batch.put(Cf::CenIndex, &index_key(&date, id), &[]);
        }
        let head = CenHead {
            origin: signed.origin.clone(),
            revision: signed.revision,
            deleted: signed.body.is_none(),
            issued_at_ms: signed.issued_at_ms,
            date,
            body: signed.body.clone(),
            envelope: envelope.to_vec(),
            signed_by: None,
        };
        batch.put(Cf::Cen, id.as_bytes(), &value::encode(&head)?);
        Ok(Some(head))
    }

    /// [`CenDb::apply`] for a revision the hub signed itself on behalf of `signed.origin`, a
    /// member without a node: the same checks and indexes, and the head records `signer` (the
    /// hub's administration) as the one who signed. Refused (`None`) when the record is held
    /// from the origin's own node: the hub never overwrites what a member signed.
    pub fn apply_on_behalf(
        &self,
        batch: &mut Batch<'_>,
        current: Option<&CenHead>,
        signed: &SignedCen,
        envelope: &[u8],
        signer: &str,
    ) -> Result<Option<CenHead>, StoreError> {
        if current.is_some_and(|c| c.signed_by.is_none()) {
            tracing::warn!(id = %signed.id, "CEN upload refused: the record was signed by its origin's node");
            return Ok(None);
        }
        let Some(mut head) = self.apply(batch, current, signed, envelope)? else { return Ok(None) };
        head.signed_by = Some(signer.to_owned());
        batch.put(Cf::Cen, signed.id.as_bytes(), &value::encode(&head)?);
        Ok(Some(head))
    }

    /// Visits the live seizures whose date lies in the filter's range, newest first (by date,
    /// then id), with their index position; stops early when `visit` returns false.
    fn scan(
        &self,
        f: &CenFilter,
        mut visit: impl FnMut(CenCursor, CenSeizure) -> bool,
    ) -> Result<(), StoreError> {
        let (lower, upper) = f.date_range();
        let mut start = index_key(&upper, RecordId::max());
        start.push(0xff);
        let lower = index_key(&lower, RecordId::nil());
        for item in self.store.iter_from(Cf::CenIndex, &start, false) {
            let (key, _) = item?;
            if key.as_ref() < lower.as_slice() {
                break;
            }
            let Some((date, id)) = keys::split_index_tail(&key) else { continue };
            if key.len() != DATE_WIDTH + 16 {
                continue;
            }
            // The index and the heads are written in one batch; a head without a body here
            // would be a stale entry, which is skipped rather than shown.
            let Some(head) = self.head(id)? else { continue };
            let Some(body) = head.body else { continue };
            if head.deleted || !f.matches(&head.origin, &body) {
                continue;
            }
            if !visit(CenCursor { date, id }, body) {
                break;
            }
        }
        Ok(())
    }

    /// Lists matching seizures newest first (by date, then id), one page after `q.cursor`.
    /// `total` counts every match, so the whole filtered range is scanned.
    pub fn list(&self, q: &CenQuery) -> Result<CenPage, StoreError> {
        let limit = q.limit.clamp(1, MAX_LIMIT);
        let mut items = Vec::with_capacity(limit.min(64));
        let mut last = None;
        let mut more = false;
        let mut total = 0u64;
        self.scan(&q.filter, |position, body| {
            total += 1;
            if q.cursor.as_ref().is_some_and(|c| position >= *c) {
                return true;
            }
            if items.len() < limit {
                items.push(body);
                last = Some(position);
            } else {
                more = true;
            }
            true
        })?;
        let next_cursor = if more { last.map(|c| c.to_string()) } else { None };
        Ok(CenPage { items, next_cursor, total })
    }

    /// Counts and summed quantities of the matching seizures, grouped.
    pub fn statistics(&self, f: &CenFilter) -> Result<Statistics, StoreError> {
        let mut acc = stats::Accumulator::default();
        self.scan(f, |_, body| {
            acc.add(&body, f.commodity.as_deref());
            true
        })?;
        Ok(acc.finish())
    }

    /// How many live (not deleted) seizures the database holds.
    pub fn count(&self) -> Result<u64, StoreError> {
        let mut n = 0u64;
        for item in self.store.iter_from(Cf::CenIndex, &[], true) {
            item?;
            n += 1;
        }
        Ok(n)
    }
}
