//! The messages nodes exchange over libp2p request-response, their protocol id and their size
//! limits. Records travel as the origin's COSE_Sign1 envelopes, byte for byte.

use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

use crate::agreement::Document;
use crate::cbor::Limits;
use crate::codelists::ListId;
use crate::global::{GlobalQuery, GlobalResult, GlobalStatistics};
use crate::model::RecordId;
use crate::record::RecordKind;

/// The one request-response protocol of the federation, versioned.
pub const PROTOCOL_EXCHANGE: &str = "/ncen/exchange/1";
/// Largest request accepted.
pub const MAX_REQUEST_BYTES: usize = 256 << 10;
/// Largest response accepted.
pub const MAX_RESPONSE_BYTES: usize = 8 << 20;
/// Bounds for decoding a request.
pub const REQUEST_LIMITS: Limits = Limits { max_bytes: MAX_REQUEST_BYTES, max_depth: 16 };
/// Bounds for decoding a response.
pub const RESPONSE_LIMITS: Limits = Limits { max_bytes: MAX_RESPONSE_BYTES, max_depth: 16 };
/// Most entries a pull may ask for.
pub const MAX_PULL: u32 = 1000;
/// Largest photo a node accepts, stores or sends (well under [`MAX_RESPONSE_BYTES`]).
pub const MAX_PHOTO_BYTES: usize = 4 << 20;

/// What one node asks another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Request {
    /// Entries of the responder's origin log after sequence number `after`, filtered by the
    /// policy the responder applies to the requester.
    Pull { after: u64, limit: u32 },
    /// The sender's origin log has grown to `head`: pull when you can.
    Notify { head: u64 },
    /// An agreement document, new or with a new act; the receiver verifies and merges it.
    Agreement { document: Document },
    /// The hub's signed member directory, if newer than `have`.
    Directory { have: u64 },
    /// The bytes of a photo that the current revision of one of the responder's records
    /// references; served only under the policy that let the requester receive that record
    /// (for the hub: non-nominal photo kinds of seizures only).
    Photo { kind: RecordKind, id: RecordId, sha256: String },
    /// Entries of the responder's operation log after `after`: the operation definitions, joins,
    /// messages and receipts it signed, each only if the requester is a member of its operation
    /// and among its addressees.
    OpPull { after: u64, limit: u32 },
    /// The sender's operation log has grown to `head`: pull when you can.
    OpNotify { head: u64 },
    /// A search of the hub's global CEN database by the user `asker` of the requesting member
    /// (MISSION B6); the hub answers members only and audits who asked.
    GlobalSearch { asker: String, query: Box<GlobalQuery> },
    /// Statistics of the hub's global CEN database, asked like [`Request::GlobalSearch`].
    GlobalStatistics { asker: String, query: Box<GlobalQuery> },
    /// The hub's signed code list releases newer than the versions the requester holds
    /// (at most [`MAX_CODE_LISTS`] lists named).
    CodeLists { have: Vec<(ListId, u32)> },
    /// The hub published a code list release: fetch with [`Request::CodeLists`].
    CodeListsNotify,
    /// Entries of the hub's board log (publications and forum posts) after `after`; every
    /// directory member may pull it.
    BoardPull { after: u64, limit: u32 },
    /// The hub's board log has grown to `head`: pull when you can.
    BoardNotify { head: u64 },
    /// A forum post signed by the requester's node, for the hub to check and append to its
    /// board log byte for byte.
    ForumPost { envelope: ByteBuf },
}

/// One entry of the hub's board log: a publication signed by the hub or a forum post signed by
/// its author's node, exactly as signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardEntry {
    pub seq: u64,
    pub envelope: ByteBuf,
}

/// Most lists a [`Request::CodeLists`] may name.
pub const MAX_CODE_LISTS: usize = 64;
/// The hub answers with releases up to this many bytes in all; the rest comes next time.
pub const MAX_CODE_LIST_RESPONSE_BYTES: usize = 6 << 20;

/// One entry of a node's operation log, as a member may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpEntry {
    pub seq: u64,
    pub operation: RecordId,
    /// The responder's COSE_Sign1 envelope of a definition, join, message or receipt.
    pub envelope: ByteBuf,
}

/// One entry of an origin log, as a peer may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub seq: u64,
    pub kind: RecordKind,
    pub id: RecordId,
    pub revision: u32,
    /// The origin's COSE_Sign1 envelope: the record revision, or its hub projection.
    pub envelope: ByteBuf,
}

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// No active agreement (or hub relation) lets the requester see anything.
    NoAgreement,
    /// The requester is not a known peer.
    UnknownPeer,
    /// The request is well formed but not acceptable.
    BadRequest,
    /// The responder failed; try again later.
    Unavailable,
    /// The record references the photo but the responder does not hold its bytes (yet).
    NotHeld,
}

/// What the responder answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Response {
    /// Entries the policy allows, the position to pull after next time (past filtered entries
    /// too) and the responder's log head.
    Entries {
        entries: Vec<Entry>,
        next: u64,
        head: u64,
    },
    Ack,
    /// The signed directory (empty when the requester's copy is current).
    Directory {
        envelope: Option<ByteBuf>,
    },
    /// Operation log entries for the requester, the position to pull after next time and the
    /// responder's operation log head.
    OpEntries {
        entries: Vec<OpEntry>,
        next: u64,
        head: u64,
    },
    /// A photo's bytes, exactly as uploaded at the origin; the requester checks them against
    /// the SHA-256 it asked for.
    Photo {
        bytes: ByteBuf,
    },
    Refused {
        reason: Refusal,
        message: String,
    },
    /// The hub's answer to [`Request::GlobalSearch`].
    GlobalResult {
        result: GlobalResult,
    },
    /// The hub's answer to [`Request::GlobalStatistics`].
    GlobalStatistics {
        statistics: GlobalStatistics,
    },
    /// Signed code list releases (COSE_Sign1 by the hub), newest of each list only.
    CodeLists {
        releases: Vec<ByteBuf>,
    },
    /// Board log entries, the position to pull after next time and the hub's board log head.
    BoardEntries {
        entries: Vec<BoardEntry>,
        next: u64,
        head: u64,
    },
}
