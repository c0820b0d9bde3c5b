//! What a node keeps of CENcomm: its operation log of signed items for members, the operations
//! it knows with the members' answers and its users' last use, and the messages with their
//! receipts and readers.

use std::collections::{BTreeMap, BTreeSet};

use ncen_protocol::operation::{Message, Operation};
use serde::{Deserialize, Serialize};

/// What an operation log entry carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Definition,
    Join,
    Message,
    Receipt,
    /// The non-nominal part of a seizure message for the hub, with its consent.
    Forward,
}

/// One signed item this node offers to the members of an operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpLogEntry {
    pub operation: uuid::Uuid,
    pub kind: ItemKind,
    /// The members it is for; empty: every member of the operation as it stands when served.
    pub to: Vec<String>,
    #[serde(with = "serde_bytes")]
    pub envelope: Vec<u8>,
}

/// A member's answer to the invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinState {
    pub accept: bool,
    pub by: String,
    pub at_ms: i64,
}

/// An operation as this node holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredOperation {
    /// The newest version of the definition this node holds.
    pub op: Operation,
    /// The coordinator's signed envelope of that version.
    #[serde(with = "serde_bytes")]
    pub envelope: Vec<u8>,
    /// Each member's answer, the coordinator's included.
    pub joins: BTreeMap<String, JoinState>,
    /// When each local user last used the operation (milliseconds), for the lapse of access.
    pub last_access: BTreeMap<String, i64>,
    /// When this node first held it.
    pub received_ms: i64,
}

impl StoredOperation {
    /// Whether `administration` has joined (the coordinator has by creating it).
    pub fn joined(&self, administration: &str) -> bool {
        administration == self.op.coordinator || self.joins.get(administration).is_some_and(|j| j.accept)
    }
}

/// The receipts of one addressee.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    pub delivered_ms: Option<i64>,
    pub read_ms: Option<i64>,
}

/// A message as this node holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredMessage {
    pub message: Message,
    /// The sender's signed envelope.
    #[serde(with = "serde_bytes")]
    pub envelope: Vec<u8>,
    /// When this node stored it.
    pub received_ms: i64,
    /// At the sender: every addressee's receipts.
    pub receipts: BTreeMap<String, Delivery>,
    /// Local users who opened it.
    pub read_by: BTreeSet<String>,
    /// At an addressee: a read receipt went back to the sender.
    pub read_receipt_sent: bool,
    /// At the sender: when its non-nominal part was approved for the global CEN database.
    #[serde(default)]
    pub forwarded_ms: Option<i64>,
}

/// At the hub: an operation's seizure report forwarded by its owning administration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredReport {
    pub forward: ncen_protocol::operation::Forward,
    /// The consent, as verified.
    pub consent: ncen_protocol::operation::Consent,
    /// The origin's signed envelope of the forward.
    #[serde(with = "serde_bytes")]
    pub envelope: Vec<u8>,
    pub received_ms: i64,
}

/// `[operation][message]`: a message's key; v7 message ids keep an operation's messages in time
/// order.
pub fn message_key(operation: uuid::Uuid, message: uuid::Uuid) -> [u8; 32] {
    let mut k = [0u8; 32];
    k[..16].copy_from_slice(operation.as_bytes());
    k[16..].copy_from_slice(message.as_bytes());
    k
}
