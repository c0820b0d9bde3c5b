//! The one catalog of column families: every family the node uses is declared here, with what
//! its keys and values are.

/// A column family of the node's store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cf {
    /// Node identity and store metadata: `MetaKey` → versioned value.
    Meta,
    /// Current revision of each record: `[kind][uuid]` → `RecordHead`.
    Records,
    /// Every signed revision: `[kind][uuid][revision u32 BE]` → COSE_Sign1 bytes.
    Revisions,
    /// The origin's append-only log for replication: `[origin:3][seq u64 BE]` → `LogEntry`.
    OriginLog,
    /// Uniqueness of national references: `[kind][origin:3][reference]` → uuid.
    NationalRefs,
    /// Secondary indexes: `[kind][term type][term][0][date:10][uuid]` → empty.
    Index,
    /// User accounts: username → `User`.
    Users,
    /// Bearer sessions: SHA-256 of the token → `Session`.
    Sessions,
    /// Hash-chained audit log: `[seq u64 BE]` → `AuditEntry` bytes.
    Audit,
    /// Known peers: administration code → `Peer`.
    Peers,
    /// Agreements: uuid → `StoredAgreement` (the signed document and its delivery state).
    Agreements,
    /// Replication cursors: `[direction][administration]` → sequence number (u64 BE).
    Cursors,
    /// The hub's global CEN database: uuid → `CenHead`.
    Cen,
    /// The hub's index of CEN records by date: `[date:10][uuid]` → empty.
    CenIndex,
    /// The node-local change feed of record writes, own and received, which the search index
    /// follows: `[local seq u64 BE]` → `LogEntry`.
    Changes,
    /// Investigations (case files) of this node: uuid → `Investigation`. Never replicated.
    Investigations,
    /// Files attached to investigations: SHA-256 of the bytes → the bytes.
    Attachments,
    /// Photos of records, own and received (MISSION N5): SHA-256 of the bytes (32 bytes) →
    /// `StoredPhoto` (media type and size as read from the content, then the bytes).
    Photos,
    /// A small JPEG of each photo for result grids: SHA-256 (32 bytes) → JPEG bytes.
    Thumbnails,
    /// Photos that received records reference and this node does not hold yet:
    /// `[origin:3][sha256:32]` → `PhotoWant`.
    PhotoWants,
    /// CENcomm: this node's operation log of what it signed for operation members (definitions,
    /// joins, messages, receipts): `[seq u64 BE]` → `OpLogEntry`.
    OpLog,
    /// CENcomm operations this node coordinates or takes part in: uuid → `StoredOperation`.
    Operations,
    /// CENcomm messages, own and received: `[operation uuid][message uuid v7]` → `StoredMessage`.
    OpMessages,
    /// At the hub: operations' seizure reports forwarded with consent: message uuid →
    /// `StoredReport`.
    CenReports,
    /// Code list releases signed by the hub, every version kept:
    /// `[list name][0][version u32 BE]` → `StoredRelease`.
    CodeLists,
    /// Publications and forum posts (MISSION C5, C6): the hub's board log, or a member's
    /// verified copy of it: `[hub seq u64 BE]` → `StoredBoardEntry`.
    BoardLog,
    /// What each user has read of the publications: `[username][0][publication uuid]` →
    /// when (i64 BE milliseconds).
    BoardReads,
    /// A member's forum posts signed and not yet acknowledged by the hub: `[post uuid]` →
    /// COSE_Sign1 bytes.
    BoardOutbox,
}

impl Cf {
    pub const ALL: [Cf; 28] = [
        Cf::Meta,
        Cf::Records,
        Cf::Revisions,
        Cf::OriginLog,
        Cf::NationalRefs,
        Cf::Index,
        Cf::Users,
        Cf::Sessions,
        Cf::Audit,
        Cf::Peers,
        Cf::Agreements,
        Cf::Cursors,
        Cf::Cen,
        Cf::CenIndex,
        Cf::Changes,
        Cf::Investigations,
        Cf::Attachments,
        Cf::Photos,
        Cf::Thumbnails,
        Cf::PhotoWants,
        Cf::OpLog,
        Cf::Operations,
        Cf::OpMessages,
        Cf::CenReports,
        Cf::CodeLists,
        Cf::BoardLog,
        Cf::BoardReads,
        Cf::BoardOutbox,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Cf::Meta => "meta",
            Cf::Records => "records",
            Cf::Revisions => "revisions",
            Cf::OriginLog => "origin_log",
            Cf::NationalRefs => "national_refs",
            Cf::Index => "index",
            Cf::Users => "users",
            Cf::Sessions => "sessions",
            Cf::Audit => "audit",
            Cf::Peers => "peers",
            Cf::Agreements => "agreements",
            Cf::Cursors => "cursors",
            Cf::Cen => "cen",
            Cf::CenIndex => "cen_index",
            Cf::Changes => "changes",
            Cf::Investigations => "investigations",
            Cf::Attachments => "attachments",
            Cf::Photos => "photos",
            Cf::Thumbnails => "thumbnails",
            Cf::PhotoWants => "photo_wants",
            Cf::OpLog => "op_log",
            Cf::Operations => "operations",
            Cf::OpMessages => "op_messages",
            Cf::CenReports => "cen_reports",
            Cf::CodeLists => "code_lists",
            Cf::BoardLog => "board_log",
            Cf::BoardReads => "board_reads",
            Cf::BoardOutbox => "board_outbox",
        }
    }
}
