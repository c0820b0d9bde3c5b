//! A seizure or offence record: what was found, where, how, on which route, and who was involved.

use serde::{Deserialize, Serialize};

use super::PhotoRef;

/// One seizure or offence, as recorded by the reporting administration's officers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Seizure {
    /// The administration's own case number; unique per node, the key of idempotent uploads.
    pub national_reference: String,
    /// Date of the seizure, `YYYY-MM-DD`.
    pub date: String,
    pub place: Place,
    /// Code list `direction`: the customs procedure or direction of the goods.
    pub direction: String,
    /// Code list `detection_method`.
    pub detection_method: String,
    #[serde(default)]
    pub conveyance: Option<Conveyance>,
    /// Code list `concealment_method`.
    #[serde(default)]
    pub concealment: Option<String>,
    #[serde(default)]
    pub route: Route,
    pub goods: Vec<GoodsLine>,
    #[serde(default)]
    pub offenders: Vec<Offender>,
    #[serde(default)]
    pub companies: Vec<CompanyLink>,
    #[serde(default)]
    pub photos: Vec<PhotoRef>,
    /// Free text for national use: nominal, never leaves under the hub policy.
    #[serde(default)]
    pub remarks: Option<String>,
    /// A summary written for the global CEN database: non-nominal by the officer's choice.
    #[serde(default)]
    pub summary: Option<String>,
}

/// Where the seizure took place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Name of the office, port or crossing.
    #[serde(default)]
    pub name: Option<String>,
    /// Code list `location_type`.
    pub location_type: String,
    /// Code list `country`.
    pub country: String,
}

/// The means of transport.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Conveyance {
    /// Code list `conveyance_type`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Container number, flight number, vessel name, vehicle plate...: nominal.
    #[serde(default)]
    pub identifier: Option<String>,
}

/// Countries of departure, transit and destination (code list `country`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Route {
    #[serde(default)]
    pub departure: Option<String>,
    #[serde(default)]
    pub transit: Vec<String>,
    #[serde(default)]
    pub destination: Option<String>,
}

/// One line of seized goods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct GoodsLine {
    /// Code list `commodity`, dotted (`DRUGS.COCAINE`).
    pub commodity: String,
    /// Free text: nominal.
    #[serde(default)]
    pub description: Option<String>,
    pub quantity: f64,
    /// Code list `unit` (UN/ECE Recommendation 20).
    pub unit: String,
    #[serde(default)]
    pub value: Option<Money>,
}

/// An amount in a currency (code list `currency`, ISO 4217).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Money {
    pub amount: f64,
    pub currency: String,
}

/// A person involved in the offence: a link to the suspect database plus the few attributes
/// that statistics need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Offender {
    /// The suspect record, when the person is in the suspect database.
    #[serde(default)]
    pub suspect: Option<uuid::Uuid>,
    /// Code list `country`.
    #[serde(default)]
    pub nationality: Option<String>,
    /// Code list `sex`.
    #[serde(default)]
    pub sex: Option<String>,
    /// Age in years at the date of the seizure.
    #[serde(default)]
    pub age: Option<u8>,
}

/// A business entity involved in the case: a link to the company database and its role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CompanyLink {
    pub company: uuid::Uuid,
    /// Code list `company_role`.
    pub role: String,
}
