//! CENcomm over the federation: a member pulls the operation log of each administration it
//! shares an operation with; the responder serves an entry only to a member of its operation
//! and among its addressees; the receiver verifies that the entry is signed by the responder
//! and that the responder may say it (the coordinator defines, a member joins or writes, an
//! addressee reports receipt) before storing anything. A delivery receipt goes back at once.

use std::collections::BTreeMap;

use ncen_protocol::cbor::{self, Limits};
use ncen_protocol::envelope;
use ncen_protocol::operation::{
    CONTENT_TYPE_CONSENT, CONTENT_TYPE_FORWARD, CONTENT_TYPE_JOIN, CONTENT_TYPE_MESSAGE,
    CONTENT_TYPE_OPERATION, CONTENT_TYPE_RECEIPT, Consent, Forward, Join, Message, OPERATION_FORMAT,
    Operation, Receipt, ReceiptState,
};
use ncen_protocol::wire::{OpEntry, Response};
use serde_bytes::ByteBuf;

use super::{
    Delivery, ItemKind, JoinState, OpLogEntry, Operations, StoredMessage, StoredOperation, StoredReport,
    message_key,
};
use crate::audit::{AuditEvent, Outcome};
use crate::journal::{Appender, now_ms};
use crate::net::key_of_peer_id;
use crate::store::{Batch, Cf, StoreError, value};

/// Most entries served at once.
pub const MAX_OP_PULL: u32 = 500;
/// Bytes of envelopes in one response, well under the wire's response limit.
const MAX_PAYLOAD: usize = 6 << 20;
/// Largest envelope accepted.
const ENVELOPE_LIMIT: usize = 3 << 20;
const PAYLOAD_LIMITS: Limits = Limits { max_bytes: ENVELOPE_LIMIT, max_depth: 32 };

/// What applying one response did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct OpApplied {
    pub applied: usize,
    pub ignored: usize,
    pub rejected: Vec<String>,
}

enum Done {
    Applied,
    Ignored,
}

impl Operations {
    /// The entries of this node's operation log after `after` that `requester` may receive.
    pub fn serve(&self, requester: &str, after: u64, limit: u32) -> Result<(Response, usize), StoreError> {
        let head = self.journal.op_head();
        let limit = limit.clamp(1, MAX_OP_PULL) as usize;
        let mut entries = Vec::new();
        let mut bytes = 0;
        let mut next = after;
        let mut ops: BTreeMap<uuid::Uuid, Option<Operation>> = BTreeMap::new();
        let start = after.saturating_add(1).to_be_bytes();
        for item in self.journal.store().iter_from(Cf::OpLog, &start, true) {
            let (key, val) = item?;
            if entries.len() >= limit || bytes >= MAX_PAYLOAD {
                break;
            }
            let seq = <[u8; 8]>::try_from(key.as_ref())
                .map(u64::from_be_bytes)
                .map_err(|_| StoreError::Corrupt { cf: "op_log", message: "key length".into() })?;
            next = seq;
            let entry: OpLogEntry = value::decode("op_log", &val)?;
            if let std::collections::btree_map::Entry::Vacant(slot) = ops.entry(entry.operation) {
                slot.insert(self.stored(entry.operation)?.map(|s| s.op));
            }
            // The hub receives forwarded seizure reports and nothing else; members never see them.
            let allowed = if requester == "WCO" || entry.kind == ItemKind::Forward {
                requester == "WCO" && entry.kind == ItemKind::Forward
            } else {
                let member = ops
                    .get(&entry.operation)
                    .and_then(Option::as_ref)
                    .is_some_and(|op| op.is_member(requester));
                member && (entry.to.is_empty() || entry.to.iter().any(|t| t == requester))
            };
            if allowed {
                bytes += entry.envelope.len();
                entries.push(OpEntry {
                    seq,
                    operation: entry.operation,
                    envelope: ByteBuf::from(entry.envelope),
                });
            }
        }
        let sent = entries.len();
        Ok((Response::OpEntries { entries, next, head }, sent))
    }

    /// Applies what `from` (administration, PeerId) sent, then moves the cursor to `next`.
    pub fn apply(
        &self,
        from: &str,
        from_peer_id: &str,
        entries: &[OpEntry],
        next: u64,
    ) -> Result<OpApplied, StoreError> {
        let mut out = OpApplied::default();
        let key = key_of_peer_id(from_peer_id);
        self.journal.write(true, |batch, app| {
            // What this batch wrote, newer than the store's.
            let mut ops: BTreeMap<uuid::Uuid, StoredOperation> = BTreeMap::new();
            let mut msgs: BTreeMap<[u8; 32], StoredMessage> = BTreeMap::new();
            for entry in entries {
                let verified = key
                    .as_ref()
                    .ok_or_else(|| "the sender's PeerId carries no Ed25519 key".to_owned())
                    .and_then(|k| {
                        envelope::verify_from(&entry.envelope, k, from_peer_id.as_bytes(), ENVELOPE_LIMIT)
                            .map_err(|e| format!("signature: {e}"))
                    });
                let result = match (verified, key.as_ref()) {
                    (Err(e), _) => Err(e),
                    (Ok(v), Some(k)) if v.content_type.as_deref() == Some(CONTENT_TYPE_FORWARD) => {
                        self.apply_forward(batch, (from, from_peer_id, k), entry, &v.payload)
                    }
                    (Ok(v), _) => self.apply_one(
                        batch,
                        app,
                        from,
                        entry,
                        v.content_type.as_deref(),
                        &v.payload,
                        &mut ops,
                        &mut msgs,
                    ),
                };
                match result {
                    Ok(Done::Applied) => out.applied += 1,
                    Ok(Done::Ignored) => out.ignored += 1,
                    Err(reason) => {
                        app.audit(
                            batch,
                            AuditEvent::new(from, "operation.reject", Outcome::Denied)
                                .target(format!("operations/{}", entry.operation))
                                .detail(format!("from={from} seq={} reason={reason}", entry.seq)),
                        )?;
                        out.rejected.push(format!("seq {}: {reason}", entry.seq));
                    }
                }
            }
            for stored in ops.values() {
                Self::put_operation(batch, stored)?;
            }
            for stored in msgs.values() {
                Self::put_message(batch, stored)?;
            }
            batch.put(Cf::Cursors, &op_cursor_key(from), &next.to_be_bytes());
            if !entries.is_empty() {
                app.audit(
                    batch,
                    AuditEvent::new(from, "operation.apply", Outcome::Ok).detail(format!(
                        "from={from} entries={} applied={} ignored={} rejected={} cursor={next}",
                        entries.len(),
                        out.applied,
                        out.ignored,
                        out.rejected.len()
                    )),
                )?;
            }
            Ok::<_, StoreError>(())
        })?;
        Ok(out)
    }

    #[allow(clippy::too_many_arguments)]
    fn apply_one(
        &self,
        batch: &mut Batch<'_>,
        app: &mut Appender,
        from: &str,
        entry: &OpEntry,
        content_type: Option<&str>,
        payload: &[u8],
        ops: &mut BTreeMap<uuid::Uuid, StoredOperation>,
        msgs: &mut BTreeMap<[u8; 32], StoredMessage>,
    ) -> Result<Done, String> {
        let held = |ops: &mut BTreeMap<uuid::Uuid, StoredOperation>,
                    id: uuid::Uuid|
         -> Result<Option<StoredOperation>, String> {
            match ops.get(&id) {
                Some(s) => Ok(Some(s.clone())),
                None => self.stored(id).map_err(|e| e.to_string()),
            }
        };
        match content_type {
            Some(CONTENT_TYPE_OPERATION) => {
                let op: Operation =
                    cbor::from_slice(payload, PAYLOAD_LIMITS).map_err(|e| format!("payload: {e}"))?;
                if op.coordinator != from || op.id != entry.operation {
                    return Err("an operation is defined by its coordinator only".into());
                }
                op.check().map_err(|e| format!("invalid operation: {e}"))?;
                if !op.is_member(self.me()) {
                    return Err("this administration is not a member of the operation".into());
                }
                let current = held(ops, op.id)?;
                if current.as_ref().is_some_and(|c| c.op.version >= op.version) {
                    return Ok(Done::Ignored);
                }
                let stored = match current {
                    Some(mut c) => {
                        c.op = op;
                        c.envelope = entry.envelope.to_vec();
                        c
                    }
                    None => StoredOperation {
                        op,
                        envelope: entry.envelope.to_vec(),
                        joins: BTreeMap::new(),
                        last_access: BTreeMap::new(),
                        received_ms: now_ms(),
                    },
                };
                ops.insert(stored.op.id, stored);
                Ok(Done::Applied)
            }
            Some(CONTENT_TYPE_JOIN) => {
                let join: Join =
                    cbor::from_slice(payload, PAYLOAD_LIMITS).map_err(|e| format!("payload: {e}"))?;
                if join.format != OPERATION_FORMAT
                    || join.administration != from
                    || join.operation != entry.operation
                {
                    return Err("a join is signed by the joining administration".into());
                }
                let mut stored = held(ops, join.operation)?.ok_or("unknown operation")?;
                if !stored.op.is_member(from) {
                    return Err(format!("{from} is not a member of the operation"));
                }
                if stored.joins.get(from).is_some_and(|j| j.at_ms >= join.at_ms) {
                    return Ok(Done::Ignored);
                }
                stored.joins.insert(
                    from.to_owned(),
                    JoinState { accept: join.accept, by: join.by, at_ms: join.at_ms },
                );
                ops.insert(stored.op.id, stored);
                Ok(Done::Applied)
            }
            Some(CONTENT_TYPE_MESSAGE) => {
                let message: Message =
                    cbor::from_slice(payload, PAYLOAD_LIMITS).map_err(|e| format!("payload: {e}"))?;
                if message.format != OPERATION_FORMAT
                    || message.sender != from
                    || message.operation != entry.operation
                {
                    return Err("a message is signed by its sender's node".into());
                }
                let stored = held(ops, message.operation)?.ok_or("unknown operation")?;
                if !message.is_for(self.me()) {
                    return Err("the message is not for this administration".into());
                }
                message
                    .check(&stored.op, &self.catalog.current())
                    .map_err(|e| format!("invalid message: {e}"))?;
                if let Some(bad) = message.attachments.iter().find(|a| {
                    a.is_photo()
                        && crate::photos::inspect(&a.bytes).map(|i| i.media_type) != Ok(a.media_type.as_str())
                }) {
                    return Err(format!("attachment {:?} is not the image it claims to be", bad.name));
                }
                let key = message_key(message.operation, message.id);
                if msgs.contains_key(&key)
                    || self.message(message.operation, message.id).map_err(|e| e.to_string())?.is_some()
                {
                    return Ok(Done::Ignored);
                }
                let now = now_ms();
                let receipt = Receipt {
                    format: OPERATION_FORMAT,
                    operation: message.operation,
                    message: message.id,
                    administration: self.me().to_owned(),
                    state: ReceiptState::Delivered,
                    at_ms: now,
                };
                let signed = self.sign(CONTENT_TYPE_RECEIPT, &receipt).map_err(|e| e.to_string())?;
                let to = vec![from.to_owned()];
                Self::log(
                    app,
                    batch,
                    &OpLogEntry {
                        operation: message.operation,
                        kind: ItemKind::Receipt,
                        to,
                        envelope: signed,
                    },
                )
                .map_err(|e| e.to_string())?;
                msgs.insert(
                    key,
                    StoredMessage {
                        message,
                        envelope: entry.envelope.to_vec(),
                        received_ms: now,
                        receipts: BTreeMap::new(),
                        read_by: Default::default(),
                        read_receipt_sent: false,
                        forwarded_ms: None,
                    },
                );
                Ok(Done::Applied)
            }
            Some(CONTENT_TYPE_RECEIPT) => {
                let receipt: Receipt =
                    cbor::from_slice(payload, PAYLOAD_LIMITS).map_err(|e| format!("payload: {e}"))?;
                if receipt.format != OPERATION_FORMAT
                    || receipt.administration != from
                    || receipt.operation != entry.operation
                {
                    return Err("a receipt is signed by the receiving administration".into());
                }
                let key = message_key(receipt.operation, receipt.message);
                let mut held_msg = match msgs.get(&key) {
                    Some(m) => m.clone(),
                    None => self
                        .message(receipt.operation, receipt.message)
                        .map_err(|e| e.to_string())?
                        .ok_or("unknown message")?,
                };
                if held_msg.message.sender != self.me() || !held_msg.message.is_for(from) {
                    return Err("a receipt for a message this node did not send to the sender".into());
                }
                let d = held_msg.receipts.entry(from.to_owned()).or_insert_with(Delivery::default);
                match receipt.state {
                    ReceiptState::Delivered => d.delivered_ms = d.delivered_ms.or(Some(receipt.at_ms)),
                    ReceiptState::Read => {
                        d.delivered_ms = d.delivered_ms.or(Some(receipt.at_ms));
                        d.read_ms = d.read_ms.or(Some(receipt.at_ms));
                    }
                }
                msgs.insert(key, held_msg);
                Ok(Done::Applied)
            }
            other => Err(format!("content type {other:?} is not a CENcomm item")),
        }
    }

    /// At the hub: a member's forwarded seizure report, kept only with a valid consent signed by
    /// the same administration for exactly these fields, and only non-nominal fields.
    fn apply_forward(
        &self,
        batch: &mut Batch<'_>,
        (from, peer_id, key): (&str, &str, &ed25519_dalek::VerifyingKey),
        entry: &OpEntry,
        payload: &[u8],
    ) -> Result<Done, String> {
        if self.me() != "WCO" {
            return Err("only the hub receives forwarded seizure reports".into());
        }
        let forward: Forward =
            cbor::from_slice(payload, PAYLOAD_LIMITS).map_err(|e| format!("payload: {e}"))?;
        if forward.format != OPERATION_FORMAT
            || forward.origin != from
            || forward.operation != entry.operation
        {
            return Err("a forwarded report is signed by its owning administration".into());
        }
        forward.check_fields()?;
        let verified = envelope::verify_from(&forward.consent, key, peer_id.as_bytes(), ENVELOPE_LIMIT)
            .map_err(|e| format!("consent signature: {e}"))?;
        if verified.content_type.as_deref() != Some(CONTENT_TYPE_CONSENT) {
            return Err("the consent is not a consent".into());
        }
        let consent: Consent = cbor::from_slice(&verified.payload, PAYLOAD_LIMITS)
            .map_err(|e| format!("consent payload: {e}"))?;
        let encoded = cbor::to_vec(&forward.fields).map_err(|e| e.to_string())?;
        let digest = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&encoded));
        if consent.administration != from
            || consent.operation != forward.operation
            || consent.message != forward.message
            || consent.fields_sha256 != digest
        {
            return Err("the consent does not cover this report".into());
        }
        if self
            .journal
            .store()
            .get(Cf::CenReports, forward.message.as_bytes())
            .map_err(|e| e.to_string())?
            .is_some()
        {
            return Ok(Done::Ignored);
        }
        let report =
            StoredReport { forward, consent, envelope: entry.envelope.to_vec(), received_ms: now_ms() };
        let bytes = value::encode(&report).map_err(|e| e.to_string())?;
        batch.put(Cf::CenReports, report.forward.message.as_bytes(), &bytes);
        Ok(Done::Applied)
    }

    /// Where this node's pulls of `administration`'s operation log stand.
    pub fn cursor(&self, administration: &str) -> Result<u64, StoreError> {
        Ok(match self.journal.store().get(Cf::Cursors, &op_cursor_key(administration))? {
            Some(b) => <[u8; 8]>::try_from(b.as_slice()).map(u64::from_be_bytes).unwrap_or(0),
            None => 0,
        })
    }
}

/// Key of the cursor of this node's pulls of `administration`'s operation log.
pub fn op_cursor_key(administration: &str) -> Vec<u8> {
    let mut k = vec![b'o'];
    k.extend_from_slice(administration.as_bytes());
    k
}
