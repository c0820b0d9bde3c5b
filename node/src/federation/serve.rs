//! The sending side of replication: entries of this node's origin log after a peer's cursor,
//! filtered by the policy for that peer (agreement scope, direction and validity; or, for the
//! hub, the non-nominal projection of each seizure signed here), within the wire limits.

use ncen_protocol::cbor::{self, Limits};
use ncen_protocol::envelope;
use ncen_protocol::projection::{CONTENT_TYPE_CEN, SignedCen, project};
use ncen_protocol::record::{RECORD_FORMAT, RecordBody, RecordKind, SignedRecord};
use ncen_protocol::wire::{Entry, MAX_PULL, Response};
use serde_bytes::ByteBuf;

use super::{Federation, Policy};
use crate::journal::LogEntry;
use crate::store::keys;
use crate::store::{Cf, StoreError, value};

/// Bytes of envelopes in one response, well under the wire's response limit.
const MAX_RESPONSE_PAYLOAD: usize = 6 << 20;
const ENVELOPE_LIMIT: usize = 4 << 20;

/// What a pull served: the response and, for the audit, how many entries and under which
/// agreements.
#[derive(Debug)]
pub struct Served {
    pub response: Response,
    pub sent: usize,
}

fn corrupt(message: String) -> StoreError {
    StoreError::Corrupt { cf: "revisions", message }
}

impl Federation {
    /// Serves a pull under `policy` (which must be Hub or Agreement).
    pub fn serve_pull(&self, policy: &Policy, after: u64, limit: u32) -> Result<Served, StoreError> {
        let head = self.head();
        let limit = limit.clamp(1, MAX_PULL) as usize;
        let me = self.me().to_owned();
        let origin_prefix = keys::origin_bytes(&me);
        let start = keys::origin_log(&me, after.saturating_add(1));
        let mut entries = Vec::new();
        let mut bytes = 0usize;
        let mut next = after;
        for item in self.journal.store().iter_from(Cf::OriginLog, &start, true) {
            let (key, val) = item?;
            if !key.starts_with(&origin_prefix) {
                break;
            }
            let seq = <[u8; 8]>::try_from(&key[origin_prefix.len()..])
                .map(u64::from_be_bytes)
                .map_err(|_| StoreError::Corrupt { cf: "origin_log", message: "key length".into() })?;
            if entries.len() >= limit || bytes >= MAX_RESPONSE_PAYLOAD {
                break;
            }
            next = seq;
            let log: LogEntry = value::decode("origin_log", &val)?;
            let Some(envelope) = self.entry_for(policy, &log)? else { continue };
            bytes += envelope.len();
            entries.push(Entry {
                seq,
                kind: log.kind,
                id: log.id,
                revision: log.revision,
                envelope: ByteBuf::from(envelope),
            });
        }
        let sent = entries.len();
        Ok(Served { response: Response::Entries { entries, next, head }, sent })
    }

    /// The envelope a peer under `policy` may receive for one log entry, if any.
    fn entry_for(&self, policy: &Policy, log: &LogEntry) -> Result<Option<Vec<u8>>, StoreError> {
        let me = self.me();
        match policy {
            Policy::Hub => {
                if log.kind != RecordKind::Seizure {
                    return Ok(None);
                }
                let Some(stored) = self
                    .journal
                    .store()
                    .get(Cf::Revisions, &keys::revision(log.kind, log.id, log.revision))?
                else {
                    return Ok(None);
                };
                let record = decode_record(&stored)?;
                let body = match &record.body {
                    Some(RecordBody::Seizure(s)) => {
                        Some(project(s, record.id, &record.origin, record.revision))
                    }
                    Some(_) => return Ok(None),
                    None => None,
                };
                let cen = SignedCen {
                    format: RECORD_FORMAT,
                    id: record.id,
                    origin: record.origin,
                    revision: record.revision,
                    issued_at_ms: record.issued_at_ms,
                    body,
                };
                let payload = cbor::to_vec(&cen).map_err(|e| StoreError::Encode(e.to_string()))?;
                let signed = envelope::sign(
                    self.identity.signing_key(),
                    self.identity.peer_id().as_bytes(),
                    CONTENT_TYPE_CEN,
                    &payload,
                )
                .map_err(|e| StoreError::Encode(e.to_string()))?;
                Ok(Some(signed))
            }
            Policy::Agreement { administration, terms } => {
                let covering: Vec<_> =
                    terms.iter().filter(|t| t.covers_flow(me, administration, log.kind)).collect();
                if covering.is_empty() {
                    return Ok(None);
                }
                let Some(stored) = self
                    .journal
                    .store()
                    .get(Cf::Revisions, &keys::revision(log.kind, log.id, log.revision))?
                else {
                    return Ok(None);
                };
                if covering.iter().any(|t| t.scope.commodities.is_empty()) {
                    return Ok(Some(stored));
                }
                let record = decode_record(&stored)?;
                let pass = match &record.body {
                    Some(RecordBody::Seizure(s)) => covering
                        .iter()
                        .any(|t| t.covers_commodities(s.goods.iter().map(|g| g.commodity.as_str()))),
                    // Suspects, companies and tombstones are not filtered by commodity.
                    _ => true,
                };
                Ok(pass.then_some(stored))
            }
            Policy::NoAgreement { .. } | Policy::Unknown => Ok(None),
        }
    }
}

fn decode_record(envelope_bytes: &[u8]) -> Result<SignedRecord, StoreError> {
    let payload =
        envelope::payload_unverified(envelope_bytes, ENVELOPE_LIMIT).map_err(|e| corrupt(e.to_string()))?;
    cbor::from_slice(&payload, Limits { max_bytes: ENVELOPE_LIMIT, max_depth: 64 })
        .map_err(|e| corrupt(e.to_string()))
}
