//! A suspect record: a person under investigation. Every field is nominal.

use serde::{Deserialize, Serialize};

use super::{Address, Contact, PhotoRef};

/// A suspected person (MISSION N1). Nothing of it ever leaves under the hub policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Suspect {
    /// The administration's own reference; the key of idempotent uploads.
    pub national_reference: String,
    pub family_name: String,
    #[serde(default)]
    pub given_names: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date_of_birth: Option<String>,
    #[serde(default)]
    pub place_of_birth: Option<String>,
    /// Code list `country`.
    #[serde(default)]
    pub nationality: Option<String>,
    /// Code list `sex`.
    #[serde(default)]
    pub sex: Option<String>,
    #[serde(default)]
    pub identity_documents: Vec<IdentityDocument>,
    #[serde(default)]
    pub addresses: Vec<Address>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub photos: Vec<PhotoRef>,
    #[serde(default)]
    pub remarks: Option<String>,
}

/// A passport, identity card or other document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct IdentityDocument {
    /// Code list `identity_document_type`.
    pub kind: String,
    pub number: String,
    /// Code list `country`.
    pub issuing_country: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub expiry: Option<String>,
}
