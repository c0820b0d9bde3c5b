//! The single writer: every write of the node passes here, so that the origin log's sequence
//! numbers and the audit chain advance in step with the data, in the same atomic batch.

use std::sync::{Mutex, PoisonError};

use ncen_protocol::model::RecordId;
use ncen_protocol::record::RecordKind;
use serde::{Deserialize, Serialize};

use crate::audit::{self, AuditEvent, AuditHead};
use crate::store::keys::{self, MetaKey};
use crate::store::{Batch, Cf, Store, StoreError, value};

/// One entry of an origin's append-only log: which revision of which record was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub kind: RecordKind,
    pub id: RecordId,
    pub revision: u32,
}

#[derive(Debug, Clone)]
struct State {
    audit: AuditHead,
    next_seq: u64,
    /// The next sequence number of the node-local change feed (`Cf::Changes`).
    next_change: u64,
    /// The next sequence number of the CENcomm operation log (`Cf::OpLog`).
    next_op: u64,
}

/// Serialises writes; see the module documentation.
#[derive(Debug)]
pub struct Journal {
    store: Store,
    origin: String,
    state: Mutex<State>,
    /// The last sequence number of this node's origin log, for the replication engine.
    head: tokio::sync::watch::Sender<u64>,
    /// The last sequence number of the change feed, for the search index.
    changes: tokio::sync::watch::Sender<u64>,
    /// The last sequence number of the operation log, for the replication engine.
    ops: tokio::sync::watch::Sender<u64>,
}

/// What a write adds to the log and the audit chain, inside its batch.
#[derive(Debug)]
pub struct Appender {
    origin: String,
    state: State,
    now_ms: i64,
}

impl Appender {
    /// Appends a record revision to this node's origin log and returns its sequence number.
    pub fn log(&mut self, batch: &mut Batch<'_>, entry: LogEntry) -> Result<u64, StoreError> {
        let seq = self.state.next_seq;
        batch.put(Cf::OriginLog, &keys::origin_log(&self.origin, seq), &value::encode(&entry)?);
        self.state.next_seq += 1;
        Ok(seq)
    }

    /// Appends a signed CENcomm item (`value` is an encoded `OpLogEntry`) to the operation log
    /// and returns its sequence number.
    pub fn op_log(&mut self, batch: &mut Batch<'_>, value: &[u8]) -> u64 {
        let seq = self.state.next_op;
        batch.put(Cf::OpLog, &seq.to_be_bytes(), value);
        self.state.next_op += 1;
        seq
    }

    /// Appends a record write (own or received) to the node-local change feed and returns its
    /// sequence number. Every write of `Cf::Records` calls it in the same batch.
    pub fn changed(&mut self, batch: &mut Batch<'_>, entry: LogEntry) -> Result<u64, StoreError> {
        let seq = self.state.next_change;
        batch.put(Cf::Changes, &keys::change(seq), &value::encode(&entry)?);
        self.state.next_change += 1;
        Ok(seq)
    }

    /// Appends an audit entry.
    pub fn audit(&mut self, batch: &mut Batch<'_>, event: AuditEvent) -> Result<(), StoreError> {
        let (bytes, head) = audit::chain(&self.state.audit, self.now_ms, event)?;
        batch.put(Cf::Audit, &audit::audit_key(head.seq), &bytes);
        self.state.audit = head;
        Ok(())
    }

    pub fn now_ms(&self) -> i64 {
        self.now_ms
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    let now = time::OffsetDateTime::now_utc();
    (now.unix_timestamp_nanos() / 1_000_000) as i64
}

impl Journal {
    pub fn open(store: Store, origin: &str) -> Result<Journal, StoreError> {
        let audit = audit::read_head(&store)?;
        let mut next_seq = 1;
        let upper = keys::origin_log(origin, u64::MAX);
        if let Some(item) = store.iter_from(Cf::OriginLog, &upper, false).next() {
            let (key, _) = item?;
            let prefix = keys::origin_bytes(origin);
            if key.starts_with(&prefix)
                && let Ok(seq) = <[u8; 8]>::try_from(&key[prefix.len()..])
            {
                next_seq = u64::from_be_bytes(seq) + 1;
            }
        }
        let next_change = match store.iter_from(Cf::Changes, &keys::change(u64::MAX), false).next() {
            Some(item) => keys::change_seq(&item?.0).map_or(1, |seq| seq + 1),
            None => 1,
        };
        let next_op = match store.iter_from(Cf::OpLog, &u64::MAX.to_be_bytes(), false).next() {
            Some(item) => <[u8; 8]>::try_from(item?.0.as_ref()).map_or(1, |b| u64::from_be_bytes(b) + 1),
            None => 1,
        };
        let (ops, _) = tokio::sync::watch::channel(next_op - 1);
        let (head, _) = tokio::sync::watch::channel(next_seq - 1);
        let (changes, _) = tokio::sync::watch::channel(next_change - 1);
        Ok(Journal {
            store,
            origin: origin.to_owned(),
            state: Mutex::new(State { audit, next_seq, next_change, next_op }),
            head,
            changes,
            ops,
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs `build` with a fresh batch and an appender, then writes the batch (synced if
    /// `sync`). The log and chain positions advance only if the write succeeded.
    pub fn write<T, E>(
        &self,
        sync: bool,
        build: impl FnOnce(&mut Batch<'_>, &mut Appender) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let mut guard = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let mut appender = Appender { origin: self.origin.clone(), state: guard.clone(), now_ms: now_ms() };
        let mut batch = self.store.batch();
        let out = build(&mut batch, &mut appender)?;
        if appender.state.audit != guard.audit {
            batch.put(Cf::Meta, MetaKey::AuditHead.bytes(), &value::encode(&appender.state.audit)?);
        }
        batch.commit(sync)?;
        let grown = appender.state.next_seq != guard.next_seq;
        let changed = appender.state.next_change != guard.next_change;
        let op_grown = appender.state.next_op != guard.next_op;
        *guard = appender.state;
        if grown {
            self.head.send_replace(guard.next_seq - 1);
        }
        if changed {
            self.changes.send_replace(guard.next_change - 1);
        }
        if op_grown {
            self.ops.send_replace(guard.next_op - 1);
        }
        Ok(out)
    }

    /// Records one audit event on its own (authentication, reads, account changes).
    pub fn audit(&self, event: AuditEvent, sync: bool) -> Result<(), StoreError> {
        self.write(sync, |batch, app| app.audit(batch, event))
    }

    /// Watches the last sequence number of the operation log.
    pub fn subscribe_ops(&self) -> tokio::sync::watch::Receiver<u64> {
        self.ops.subscribe()
    }

    /// The last sequence number of the operation log (0 while it is empty).
    pub fn op_head(&self) -> u64 {
        *self.ops.borrow()
    }

    /// Watches the last sequence number of this node's origin log.
    pub fn subscribe(&self) -> tokio::sync::watch::Receiver<u64> {
        self.head.subscribe()
    }

    /// Watches the last sequence number of the change feed (0 while it is empty).
    pub fn subscribe_changes(&self) -> tokio::sync::watch::Receiver<u64> {
        self.changes.subscribe()
    }

    /// The last sequence number of the change feed (0 while it is empty).
    pub fn last_change(&self) -> u64 {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).next_change - 1
    }

    /// The administration whose origin log this journal appends to.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The next sequence number of this node's origin log.
    pub fn next_seq(&self) -> u64 {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).next_seq
    }

    /// The sequence number of the last audit entry.
    pub fn audit_seq(&self) -> u64 {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).audit.seq
    }
}
