//! The receiving side of replication: every entry's envelope must verify with the sender's key
//! and name the sender as origin; an active agreement (or, at the hub, membership) must cover
//! it; a revision not newer than the one held is ignored (replays, duplicates). Accepted entries,
//! the new cursor and the audit entry are written in one batch.

use std::collections::HashMap;

use ncen_protocol::cbor::{self, Limits};
use ncen_protocol::codelists::Catalog;
use ncen_protocol::envelope::{self, CONTENT_TYPE_RECORD};
use ncen_protocol::model::RecordId;
use ncen_protocol::projection::{CONTENT_TYPE_CEN, SignedCen};
use ncen_protocol::record::{RECORD_FORMAT, RecordBody, RecordKind, SignedRecord};
use ncen_protocol::validate::Validator;
use ncen_protocol::wire::Entry;

use super::{Federation, cursor_key};
use crate::audit::{AuditEvent, Outcome};
use crate::cen::CenHead;
use crate::journal::LogEntry;
use crate::net::key_of_peer_id;
use crate::photos::photos_of;
use crate::records::{RecordHead, date_of_ms, envelope_payload, index_keys};
use crate::store::{Batch, Cf, StoreError, keys, value};

const ENVELOPE_LIMIT: usize = 4 << 20;
const PAYLOAD_LIMITS: Limits = Limits { max_bytes: ENVELOPE_LIMIT, max_depth: 64 };

/// What applying one response did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Applied {
    pub applied: usize,
    /// Not newer than what this node holds: replays and duplicates.
    pub ignored: usize,
    /// Refused entries with the reason (nothing of them was stored).
    pub rejected: Vec<String>,
    /// An entry uses a code this node's lists do not hold yet (the origin has a newer release
    /// from the hub): it and the entries after it were left for the next pull, and the cursor
    /// stops before it.
    pub held_back: Option<String>,
}

/// The start of the reason of an entry held back for a code this node does not know yet.
const UNKNOWN_CODE: &str = "unknown code: ";

/// What the entries of one response applied so far left for the next ones and for afterwards.
#[derive(Default)]
struct Seen {
    /// The heads written in this batch, newer than the store's.
    heads: HashMap<(RecordKind, RecordId), RecordHead>,
    /// Photos that applied revisions stopped referencing: forgotten after the write unless
    /// another record still references them.
    dropped: Vec<String>,
}

/// Why one entry is refused.
type Refuse = String;

enum Outcome1 {
    Applied,
    Ignored,
}

/// An entry whose signature, content type, payload and identity checked out, before the
/// checks that need the store (agreement, current head).
enum Checked {
    Record(SignedRecord),
    Cen(SignedCen),
}

/// Checks one entry: signature by `from_peer_id`, content type, payload shape, origin and
/// identity; for records, the body against the code lists. Needs no store: runs in parallel.
fn check(
    fed: &Federation,
    catalog: &Catalog,
    key: Option<&ed25519_dalek::VerifyingKey>,
    from: &str,
    from_peer_id: &str,
    entry: &Entry,
) -> Result<Checked, Refuse> {
    let key = key.ok_or("the sender's PeerId carries no Ed25519 key")?;
    let v = envelope::verify_from(&entry.envelope, key, from_peer_id.as_bytes(), ENVELOPE_LIMIT)
        .map_err(|e| format!("signature: {e}"))?;
    let content_type = v.content_type.as_deref();
    if fed.is_hub() {
        if content_type != Some(CONTENT_TYPE_CEN) {
            return Err(format!("content type {content_type:?} is not a CEN projection"));
        }
        let signed: SignedCen =
            cbor::from_slice(&v.payload, PAYLOAD_LIMITS).map_err(|e| format!("payload: {e}"))?;
        if signed.origin != from {
            return Err(format!("origin {} is not the sender {from}", signed.origin));
        }
        if entry.kind != RecordKind::Seizure || signed.id != entry.id || signed.revision != entry.revision {
            return Err("the entry does not match the signed projection".into());
        }
        if let Some(body) = &signed.body
            && (body.id != signed.id || body.origin != from || body.revision != signed.revision)
        {
            return Err("the projection's identity does not match its envelope".into());
        }
        return Ok(Checked::Cen(signed));
    }
    if content_type != Some(CONTENT_TYPE_RECORD) {
        return Err(format!("content type {content_type:?} is not a record"));
    }
    let record: SignedRecord =
        cbor::from_slice(&v.payload, PAYLOAD_LIMITS).map_err(|e| format!("payload: {e}"))?;
    if record.format != RECORD_FORMAT {
        return Err(format!("record format {} unsupported", record.format));
    }
    if record.origin != from {
        return Err(format!("origin {} is not the sender {from}", record.origin));
    }
    if record.kind != entry.kind || record.id != entry.id || record.revision != entry.revision {
        return Err("the entry does not match the signed record".into());
    }
    if let Some(body) = &record.body {
        if body.kind() != record.kind {
            return Err("the body is not of the entry's kind".into());
        }
        Validator::new(catalog, None).received().record(body).map_err(|e| {
            // A code this node does not hold may come from a release it has not fetched yet,
            // unless it has heard from its hub since the record was signed: then it is wrong.
            if e.0.iter().any(|f| f.message.starts_with("is not in code list"))
                && fed.codelists.may_be_behind(record.issued_at_ms)
            {
                format!("{UNKNOWN_CODE}{e}")
            } else {
                format!("invalid record: {e}")
            }
        })?;
    }
    Ok(Checked::Record(record))
}

/// Checks every entry, on all cores when there are many.
fn check_all(
    fed: &Federation,
    from: &str,
    from_peer_id: &str,
    entries: &[Entry],
) -> Vec<Result<Checked, Refuse>> {
    let key = key_of_peer_id(from_peer_id);
    let catalog = fed.catalog.current();
    let catalog = catalog.as_ref();
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8);
    if threads < 2 || entries.len() < 32 {
        return entries.iter().map(|e| check(fed, catalog, key.as_ref(), from, from_peer_id, e)).collect();
    }
    let chunk = entries.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = entries
            .chunks(chunk)
            .map(|part| {
                let key = key.as_ref();
                scope.spawn(move || {
                    part.iter().map(|e| check(fed, catalog, key, from, from_peer_id, e)).collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .zip(entries.chunks(chunk))
            .flat_map(|(w, part)| {
                w.join().unwrap_or_else(|_| part.iter().map(|_| Err("the check failed".to_owned())).collect())
            })
            .collect()
    })
}

impl Federation {
    /// Applies the entries `from` (administration, PeerId) sent in one response, then moves the
    /// cursor to `next`.
    pub fn apply_entries(
        &self,
        from: &str,
        from_peer_id: &str,
        entries: &[Entry],
        next: u64,
    ) -> Result<Applied, StoreError> {
        let mut out = Applied::default();
        let mut checked = check_all(self, from, from_peer_id, entries);
        let mut entries = entries;
        let mut next = next;
        // Never lose an entry for a code list release not fetched yet: stop before it.
        if let Some(i) = checked.iter().position(|c| matches!(c, Err(r) if r.starts_with(UNKNOWN_CODE))) {
            if let Some(Err(reason)) = checked.get(i) {
                out.held_back = Some(format!("seq {}: {reason}", entries[i].seq));
            }
            next = entries[i].seq.saturating_sub(1);
            checked.truncate(i);
            entries = &entries[..i];
        }
        let terms = if self.is_hub() { Vec::new() } else { self.agreements.active_with(from)? };
        let mut seen = Seen::default();
        let basis = if self.is_hub() {
            "policy=hub".to_owned()
        } else {
            let ids: Vec<String> = terms.iter().map(|t| t.id.to_string()).collect();
            format!("agreements=[{}]", ids.join(","))
        };
        self.journal.write(true, |batch, app| {
            let mut cen_heads: HashMap<RecordId, CenHead> = HashMap::new();
            for (entry, checked) in entries.iter().zip(checked) {
                let result = match checked {
                    Err(reason) => Err(reason),
                    Ok(Checked::Cen(signed)) => {
                        let applied = self.apply_cen(batch, &mut cen_heads, from, entry, signed);
                        if matches!(applied, Ok(Outcome1::Applied)) {
                            // The hub's search index follows the change feed like a node's own.
                            let change =
                                LogEntry { kind: entry.kind, id: entry.id, revision: entry.revision };
                            app.changed(batch, change)?;
                        }
                        applied
                    }
                    Ok(Checked::Record(record)) => {
                        let photos: Vec<String> = record
                            .body
                            .as_ref()
                            .map(|b| photos_of(b).iter().map(|p| p.sha256.clone()).collect())
                            .unwrap_or_default();
                        let applied = self.apply_record(batch, &mut seen, from, &terms, entry, record);
                        if matches!(applied, Ok(Outcome1::Applied)) {
                            let change =
                                LogEntry { kind: entry.kind, id: entry.id, revision: entry.revision };
                            app.changed(batch, change)?;
                            let shas = photos.iter().map(String::as_str);
                            self.photos.want_missing(batch, from, entry.kind, entry.id, shas)?;
                        }
                        applied
                    }
                };
                match result {
                    Ok(Outcome1::Applied) => out.applied += 1,
                    Ok(Outcome1::Ignored) => out.ignored += 1,
                    Err(reason) => {
                        app.audit(
                            batch,
                            AuditEvent::new(from, "replication.reject", Outcome::Denied)
                                .target(format!("{}/{}", entry.kind.collection(), entry.id))
                                .detail(format!(
                                    "from={from} seq={} revision={} reason={reason}",
                                    entry.seq, entry.revision
                                )),
                        )?;
                        out.rejected.push(format!("seq {}: {reason}", entry.seq));
                    }
                }
            }
            batch.put(Cf::Cursors, &cursor_key(from), &next.to_be_bytes());
            if !entries.is_empty() {
                app.audit(
                    batch,
                    AuditEvent::new(from, "replication.apply", Outcome::Ok).detail(format!(
                        "from={from} {basis} entries={} applied={} ignored={} rejected={} cursor={next}",
                        entries.len(),
                        out.applied,
                        out.ignored,
                        out.rejected.len()
                    )),
                )?;
            }
            Ok::<_, StoreError>(())
        })?;
        let mut dropped = seen.dropped;
        if !dropped.is_empty() {
            dropped.sort();
            dropped.dedup();
            self.photos.forget_unreferenced(from, &dropped)?;
        }
        Ok(out)
    }

    fn apply_record(
        &self,
        batch: &mut Batch<'_>,
        seen: &mut Seen,
        from: &str,
        terms: &[ncen_protocol::agreement::Terms],
        entry: &Entry,
        record: SignedRecord,
    ) -> Result<Outcome1, Refuse> {
        let me = self.me();
        let covering: Vec<_> = terms.iter().filter(|t| t.covers_flow(from, me, record.kind)).collect();
        if covering.is_empty() {
            return Err(format!("no active agreement covers {} from {from}", record.kind.collection()));
        }
        if let Some(RecordBody::Seizure(s)) = &record.body
            && !covering.iter().any(|t| t.covers_commodities(s.goods.iter().map(|g| g.commodity.as_str())))
        {
            return Err("outside the agreement's commodity filter".into());
        }
        let key = (record.kind, record.id);
        let current = match seen.heads.get(&key) {
            Some(h) => Some(h.clone()),
            None => self.stored_head(record.kind, record.id).map_err(|e| e.to_string())?,
        };
        if let Some(head) = &current {
            if head.origin != from {
                return Err(format!("the id belongs to a record of {}", head.origin));
            }
            if head.revision >= record.revision {
                return Ok(Outcome1::Ignored);
            }
        }
        let kind = record.kind;
        let id = record.id;
        // Remove what the previous revision put in the indexes.
        let mut index_date = None;
        if let Some(head) = &current {
            index_date = Some(head.index_date.clone());
            if let Ok(old) = envelope_payload(&head.envelope)
                && let Some(old_body) = &old.body
            {
                for k in index_keys(kind, from, &head.index_date, id, old_body) {
                    batch.delete(Cf::Index, &k);
                }
                let kept = record.body.as_ref().map(photos_of).unwrap_or_default();
                seen.dropped.extend(
                    photos_of(old_body)
                        .iter()
                        .filter(|p| !kept.iter().any(|k| k.sha256.eq_ignore_ascii_case(&p.sha256)))
                        .map(|p| p.sha256.to_ascii_lowercase()),
                );
            }
        }
        let index_date = match &record.body {
            Some(RecordBody::Seizure(s)) => s.date.clone(),
            _ => index_date.unwrap_or_else(|| date_of_ms(record.issued_at_ms)),
        };
        let reference = match (&record.body, &current) {
            (Some(b), _) => b.national_reference().to_owned(),
            (None, Some(h)) => h.national_reference.clone(),
            (None, None) => String::new(),
        };
        batch.put(Cf::Revisions, &keys::revision(kind, id, record.revision), &entry.envelope);
        if let Some(body) = &record.body {
            for k in index_keys(kind, from, &index_date, id, body) {
                batch.put(Cf::Index, &k, &[]);
            }
            batch.put(Cf::NationalRefs, &keys::national_ref(kind, from, &reference), id.as_bytes());
        } else if !reference.is_empty() {
            batch.delete(Cf::NationalRefs, &keys::national_ref(kind, from, &reference));
        }
        let head = RecordHead {
            origin: from.to_owned(),
            revision: record.revision,
            deleted: record.body.is_none(),
            index_date,
            national_reference: reference,
            envelope: entry.envelope.to_vec(),
            code_lists: self.catalog.current().revision(),
        };
        batch.put(Cf::Records, &keys::record(kind, id), &value::encode(&head).map_err(|e| e.to_string())?);
        seen.heads.insert(key, head);
        Ok(Outcome1::Applied)
    }

    fn stored_head(&self, kind: RecordKind, id: RecordId) -> Result<Option<RecordHead>, StoreError> {
        match self.journal.store().get(Cf::Records, &keys::record(kind, id))? {
            Some(b) => Ok(Some(value::decode("records", &b)?)),
            None => Ok(None),
        }
    }

    fn apply_cen(
        &self,
        batch: &mut Batch<'_>,
        heads: &mut HashMap<RecordId, CenHead>,
        from: &str,
        entry: &Entry,
        signed: SignedCen,
    ) -> Result<Outcome1, Refuse> {
        let Some(cen) = &self.cen else { return Err("this node keeps no CEN database".into()) };
        let current = match heads.get(&signed.id) {
            Some(h) => Some(h.clone()),
            None => cen.head(signed.id).map_err(|e| e.to_string())?,
        };
        if let Some(h) = &current
            && h.origin != from
        {
            return Err(format!("the id belongs to a seizure of {}", h.origin));
        }
        match cen.apply(batch, current.as_ref(), &signed, &entry.envelope).map_err(|e| e.to_string())? {
            Some(head) => {
                if let Some(body) = &signed.body {
                    let shas = body.photos.iter().map(|p| p.sha256.as_str());
                    self.photos
                        .want_missing(batch, from, RecordKind::Seizure, signed.id, shas)
                        .map_err(|e| e.to_string())?;
                }
                heads.insert(signed.id, head);
                Ok(Outcome1::Applied)
            }
            None => Ok(Outcome1::Ignored),
        }
    }
}
