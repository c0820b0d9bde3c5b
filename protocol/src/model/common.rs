//! Value types shared by seizures, suspects and companies: addresses, contacts, photo references.

use serde::{Deserialize, Serialize};

/// A postal address. Always nominal: it never leaves under the hub policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Address {
    #[serde(default)]
    pub street: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 code (code list `country`).
    pub country: String,
}

/// How to reach a person or a business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ContactKind {
    Phone,
    Email,
    Other,
}

/// A phone number, an email address or another contact. Always nominal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub kind: ContactKind,
    pub value: String,
}

/// A reference to a photo stored beside the record (MISSION N5), by content hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PhotoRef {
    /// Code list `photo_kind`: concealment, goods, X-ray... (persons and documents are nominal).
    pub kind: String,
    /// Lowercase hex SHA-256 of the image bytes.
    pub sha256: String,
    /// `image/jpeg`, `image/png`...
    pub media_type: String,
    /// Free text: nominal.
    #[serde(default)]
    pub caption: Option<String>,
}
