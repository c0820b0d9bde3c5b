//! What an investigation is made of, as stored.

use serde::{Deserialize, Serialize};

/// Where an investigation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    Assigned,
    InProgress,
    Suspended,
    Closed,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::Open, Status::Assigned, Status::InProgress, Status::Suspended, Status::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Assigned => "assigned",
            Status::InProgress => "in_progress",
            Status::Suspended => "suspended",
            Status::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A record the investigation is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// `seizures`, `suspects` or `companies`.
    pub kind: String,
    pub record: uuid::Uuid,
    /// How it was named when linked (its national reference).
    pub label: String,
}

/// A file attached to a note; its bytes are in the attachments column family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentRef {
    pub name: String,
    pub media_type: String,
    pub sha256: String,
    pub size: u64,
}

/// What an entry of the thread records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Opened,
    Note,
    Assigned,
    Status,
    Linked,
}

/// One entry of the thread, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub at_ms: i64,
    pub author: String,
    pub kind: EntryKind,
    /// The note, the new status, the assignees or the linked record.
    pub text: String,
    #[serde(default)]
    pub attachment: Option<AttachmentRef>,
}

/// A case file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Investigation {
    pub id: uuid::Uuid,
    pub title: String,
    pub summary: String,
    pub status: Status,
    pub created_by: String,
    pub created_ms: i64,
    pub updated_ms: i64,
    pub assignees: Vec<String>,
    pub links: Vec<Link>,
    pub thread: Vec<Entry>,
}
