//! A company record: a business entity involved in offences. Every field but the country is nominal.

use serde::{Deserialize, Serialize};

use super::{Address, Contact};

/// An offending or involved business entity (MISSION N1, N3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Company {
    /// The administration's own reference; the key of idempotent uploads.
    pub national_reference: String,
    pub name: String,
    #[serde(default)]
    pub registration_numbers: Vec<RegistrationNumber>,
    /// Code list `country`: where the company is established.
    pub country: String,
    #[serde(default)]
    pub addresses: Vec<Address>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Code list `company_role`: its usual role in cases.
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub remarks: Option<String>,
}

/// A registration number under a named scheme (EORI, VAT, trade register...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RegistrationNumber {
    pub scheme: String,
    pub value: String,
}
