//! Records as they are signed, stored and exchanged: kind, origin, revision and body, with
//! tombstones for deletions (MISSION B3).

use serde::{Deserialize, Serialize};

use crate::model::{Company, RecordId, Seizure, Suspect};

/// Version of the signed record payload format.
pub const RECORD_FORMAT: u8 = 1;

/// The three national databases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum RecordKind {
    Seizure,
    Suspect,
    Company,
}

impl RecordKind {
    pub const ALL: [RecordKind; 3] = [RecordKind::Seizure, RecordKind::Suspect, RecordKind::Company];

    /// The collection name used in URLs and agreements (`seizures`, `suspects`, `companies`).
    pub fn collection(self) -> &'static str {
        match self {
            RecordKind::Seizure => "seizures",
            RecordKind::Suspect => "suspects",
            RecordKind::Company => "companies",
        }
    }

    /// One byte that stands for the kind in storage keys.
    pub fn tag(self) -> u8 {
        match self {
            RecordKind::Seizure => 1,
            RecordKind::Suspect => 2,
            RecordKind::Company => 3,
        }
    }

    pub fn from_tag(tag: u8) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.tag() == tag)
    }

    pub fn from_collection(name: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.collection() == name)
    }
}

/// The content of a record of any kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "data", rename_all = "lowercase")]
pub enum RecordBody {
    Seizure(Seizure),
    Suspect(Suspect),
    Company(Company),
}

impl RecordBody {
    pub fn kind(&self) -> RecordKind {
        match self {
            RecordBody::Seizure(_) => RecordKind::Seizure,
            RecordBody::Suspect(_) => RecordKind::Suspect,
            RecordBody::Company(_) => RecordKind::Company,
        }
    }

    /// The administration's own reference of the record.
    pub fn national_reference(&self) -> &str {
        match self {
            RecordBody::Seizure(s) => &s.national_reference,
            RecordBody::Suspect(s) => &s.national_reference,
            RecordBody::Company(c) => &c.national_reference,
        }
    }
}

/// What the origin signs: one revision of one record, or its tombstone. Carried as the payload
/// of a COSE_Sign1 envelope, byte for byte as the origin encoded it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignedRecord {
    /// [`RECORD_FORMAT`].
    pub format: u8,
    pub id: RecordId,
    pub kind: RecordKind,
    /// The administration that owns the record (ISO 3166-1 alpha-2, or `WCO`).
    pub origin: String,
    /// 1 for the first version, then one more per correction or deletion.
    pub revision: u32,
    /// When the origin signed this revision, milliseconds since the Unix epoch (UTC).
    pub issued_at_ms: i64,
    /// The content; `None` marks a tombstone: the record was deleted at its origin.
    pub body: Option<RecordBody>,
}

impl SignedRecord {
    pub fn is_tombstone(&self) -> bool {
        self.body.is_none()
    }
}

/// Checks an administration code: two uppercase ASCII letters, or `WCO` for the hub.
pub fn is_administration_code(code: &str) -> bool {
    code == "WCO" || (code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_tags_and_collections() {
        for kind in RecordKind::ALL {
            assert_eq!(RecordKind::from_tag(kind.tag()), Some(kind));
            assert_eq!(RecordKind::from_collection(kind.collection()), Some(kind));
        }
        assert_eq!(RecordKind::from_tag(0), None);
        assert_eq!(RecordKind::from_collection("persons"), None);
    }

    #[test]
    fn administration_codes() {
        assert!(is_administration_code("NL"));
        assert!(is_administration_code("WCO"));
        assert!(!is_administration_code("nl"));
        assert!(!is_administration_code("NLD"));
        assert!(!is_administration_code(""));
    }
}
