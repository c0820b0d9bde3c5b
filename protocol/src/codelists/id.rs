//! The identifiers of the code lists and their names in files and URLs.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Which code list: one per drop-down of the data model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ListId {
    /// Dotted hierarchical commodity categories (`DRUGS.COCAINE`).
    Commodity,
    DetectionMethod,
    LocationType,
    /// Customs procedure or direction of the goods (import, export, transit, ...).
    Direction,
    ConveyanceType,
    ConcealmentMethod,
    /// ISO 3166-1 alpha-2.
    Country,
    /// Active ISO 4217.
    Currency,
    /// UN/ECE Recommendation 20.
    Unit,
    PhotoKind,
    Sex,
    IdentityDocumentType,
    CompanyRole,
    /// The six regions of the WCO, for comparisons across administrations.
    WcoRegion,
}

impl ListId {
    /// Every list, in catalog order.
    pub const ALL: [ListId; 14] = [
        ListId::Commodity,
        ListId::DetectionMethod,
        ListId::LocationType,
        ListId::Direction,
        ListId::ConveyanceType,
        ListId::ConcealmentMethod,
        ListId::Country,
        ListId::Currency,
        ListId::Unit,
        ListId::PhotoKind,
        ListId::Sex,
        ListId::IdentityDocumentType,
        ListId::CompanyRole,
        ListId::WcoRegion,
    ];

    /// The snake_case name used in JSON, file names and URLs: `"commodity"`,
    /// `"detection_method"`, ...
    pub fn name(self) -> &'static str {
        match self {
            ListId::Commodity => "commodity",
            ListId::DetectionMethod => "detection_method",
            ListId::LocationType => "location_type",
            ListId::Direction => "direction",
            ListId::ConveyanceType => "conveyance_type",
            ListId::ConcealmentMethod => "concealment_method",
            ListId::Country => "country",
            ListId::Currency => "currency",
            ListId::Unit => "unit",
            ListId::PhotoKind => "photo_kind",
            ListId::Sex => "sex",
            ListId::IdentityDocumentType => "identity_document_type",
            ListId::CompanyRole => "company_role",
            ListId::WcoRegion => "wco_region",
        }
    }

    /// The list with this [`name`](ListId::name), if any.
    pub fn parse(name: &str) -> Option<ListId> {
        ListId::ALL.into_iter().find(|id| id.name() == name)
    }

    /// Position in [`ListId::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for ListId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde_and_index_matches_all() {
        for (i, id) in ListId::ALL.into_iter().enumerate() {
            assert_eq!(id.index(), i);
            assert_eq!(ListId::parse(id.name()), Some(id));
            let json = serde_json::to_string(&id).expect("serialise");
            assert_eq!(json, format!("\"{}\"", id.name()));
        }
        assert_eq!(ListId::parse("Commodity"), None);
    }
}
