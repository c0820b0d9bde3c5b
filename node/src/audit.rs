//! The tamper-evident audit log (MISSION B4): every authentication, account change, record
//! write and record read is an entry whose hash chains to the one before, and the head of the
//! chain is kept in the store's metadata so that a removed tail is noticed too.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::store::keys::MetaKey;
use crate::store::{Cf, Store, StoreError, value};

/// How an audited action ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Ok,
    Denied,
    Failed,
}

/// What happened, before it gets its place in the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub actor: String,
    pub action: &'static str,
    pub target: Option<String>,
    pub outcome: Outcome,
    pub detail: Option<String>,
}

impl AuditEvent {
    pub fn new(actor: impl Into<String>, action: &'static str, outcome: Outcome) -> Self {
        AuditEvent { actor: actor.into(), action, target: None, outcome, detail: None }
    }

    pub fn target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

/// One stored entry of the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditEntry {
    pub seq: u64,
    pub at_ms: i64,
    pub actor: String,
    pub action: String,
    pub target: Option<String>,
    pub outcome: Outcome,
    pub detail: Option<String>,
    /// SHA-256 of the previous entry's stored bytes (zeros for the first entry), hex.
    pub prev: String,
}

/// The last entry of the chain: its sequence number and the hash of its stored bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AuditHead {
    pub seq: u64,
    pub hash: [u8; 32],
}

/// Builds the stored bytes of the entry that follows `head`, and the new head.
pub fn chain(head: &AuditHead, at_ms: i64, event: AuditEvent) -> Result<(Vec<u8>, AuditHead), StoreError> {
    let entry = AuditEntry {
        seq: head.seq + 1,
        at_ms,
        actor: event.actor,
        action: event.action.to_owned(),
        target: event.target,
        outcome: event.outcome,
        detail: event.detail,
        prev: hex::encode(head.hash),
    };
    let bytes = value::encode(&entry)?;
    let hash: [u8; 32] = Sha256::digest(&bytes).into();
    Ok((bytes, AuditHead { seq: entry.seq, hash }))
}

pub fn audit_key(seq: u64) -> [u8; 8] {
    seq.to_be_bytes()
}

/// Reads the head recorded in the store's metadata.
pub fn read_head(store: &Store) -> Result<AuditHead, StoreError> {
    match store.get(Cf::Meta, MetaKey::AuditHead.bytes())? {
        Some(bytes) => value::decode("meta", &bytes),
        None => Ok(AuditHead::default()),
    }
}

/// Why the chain does not hold.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ChainError {
    #[error("entry {seq}: missing (expected after entry {prev})")]
    Missing { seq: u64, prev: u64 },
    #[error("entry at position {position} says it is entry {seq}: entries were reordered or removed")]
    OutOfOrder { position: u64, seq: u64 },
    #[error("entry {seq}: does not chain to the entry before it: one of the two was changed")]
    Edited { seq: u64 },
    #[error("entry {seq}: unreadable ({message})")]
    Unreadable { seq: u64, message: String },
    #[error(
        "the chain ends at entry {found} but the recorded head is entry {expected}: the tail was cut or changed"
    )]
    HeadMismatch { found: u64, expected: u64 },
    #[error("storage error: {0}")]
    Store(String),
}

/// The outcome of a successful verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    pub entries: u64,
    pub head_hash: String,
}

/// Walks the whole chain and checks every link and the recorded head.
pub fn verify(store: &Store) -> Result<ChainReport, ChainError> {
    let store_err = |e: StoreError| ChainError::Store(e.to_string());
    let recorded = read_head(store).map_err(store_err)?;
    let mut prev = AuditHead::default();
    for item in store.iter_from(Cf::Audit, &audit_key(0), true) {
        let (key, bytes) = item.map_err(store_err)?;
        let position = prev.seq + 1;
        let key_seq = key
            .as_ref()
            .try_into()
            .map(u64::from_be_bytes)
            .map_err(|_| ChainError::Unreadable { seq: position, message: "bad key".into() })?;
        if key_seq != position {
            return Err(ChainError::Missing { seq: position, prev: prev.seq });
        }
        let entry: AuditEntry = value::decode("audit", &bytes)
            .map_err(|e| ChainError::Unreadable { seq: key_seq, message: e.to_string() })?;
        if entry.seq != position {
            return Err(ChainError::OutOfOrder { position, seq: entry.seq });
        }
        if entry.prev != hex::encode(prev.hash) {
            return Err(ChainError::Edited { seq: entry.seq });
        }
        prev = AuditHead { seq: entry.seq, hash: Sha256::digest(&bytes).into() };
    }
    if prev != recorded {
        return Err(ChainError::HeadMismatch { found: prev.seq, expected: recorded.seq });
    }
    Ok(ChainReport { entries: prev.seq, head_hash: hex::encode(prev.hash) })
}

/// Reads entries from `after + 1` on, newest last, at most `limit`.
pub fn list(store: &Store, after: u64, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
    let mut out = Vec::new();
    for item in store.iter_from(Cf::Audit, &audit_key(after.saturating_add(1)), true).take(limit) {
        let (_, bytes) = item?;
        out.push(value::decode("audit", &bytes)?);
    }
    Ok(out)
}

/// What a reader of the log filters on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub actor: Option<String>,
    /// Actions starting with this, e.g. `auth.` or `replication`.
    pub action_prefix: Option<String>,
    pub outcome: Option<Outcome>,
    pub from_ms: Option<i64>,
    /// Exclusive.
    pub to_ms: Option<i64>,
}

impl AuditFilter {
    fn matches(&self, e: &AuditEntry) -> bool {
        self.actor.as_ref().is_none_or(|a| &e.actor == a)
            && self.action_prefix.as_ref().is_none_or(|p| e.action.starts_with(p.as_str()))
            && self.outcome.is_none_or(|o| e.outcome == o)
            && self.from_ms.is_none_or(|t| e.at_ms >= t)
            && self.to_ms.is_none_or(|t| e.at_ms < t)
    }
}

/// Entries examined by one search at most, so that a rare filter over a long log stays quick.
pub const SEARCH_SCAN_LIMIT: usize = 200_000;

/// Newest first: up to `limit` entries matching `filter`, older than `before` (a sequence
/// number, exclusive). Also returns where to continue, if the log goes on.
pub fn search(
    store: &Store,
    filter: &AuditFilter,
    before: Option<u64>,
    limit: usize,
) -> Result<(Vec<AuditEntry>, Option<u64>), StoreError> {
    let start = match before {
        Some(0) => return Ok((Vec::new(), None)),
        Some(b) => b - 1,
        None => u64::MAX,
    };
    let mut out = Vec::new();
    let mut last_seen = None;
    for item in store.iter_from(Cf::Audit, &audit_key(start), false).take(SEARCH_SCAN_LIMIT) {
        let (_, bytes) = item?;
        let entry: AuditEntry = value::decode("audit", &bytes)?;
        last_seen = Some(entry.seq);
        if filter.from_ms.is_some_and(|t| entry.at_ms < t) {
            return Ok((out, None));
        }
        if filter.matches(&entry) {
            out.push(entry);
            if out.len() == limit {
                break;
            }
        }
    }
    Ok((out, last_seen.filter(|s| *s > 1)))
}
