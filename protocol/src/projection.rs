//! The non-nominal projection: a seizure in, the record the global CEN database may hold out
//! (MISSION I2, C1). A field is non-nominal only if this module copies it: anything added to
//! [`Seizure`] later stays at the node until someone names it here.

use serde::{Deserialize, Serialize};

use crate::model::{Money, RecordId, Route, Seizure};

/// Photo kinds that show goods or hiding places, never a person or a document.
pub const NON_NOMINAL_PHOTO_KINDS: [&str; 3] = ["CONCEALMENT", "GOODS", "XRAY"];

/// A seizure as the WCO hub receives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CenSeizure {
    pub id: uuid::Uuid,
    pub origin: String,
    pub revision: u32,
    pub date: String,
    pub place: CenPlace,
    pub direction: String,
    pub detection_method: String,
    pub conveyance_type: Option<String>,
    pub concealment: Option<String>,
    pub route: Route,
    pub goods: Vec<CenGoods>,
    pub offenders: Vec<CenOffender>,
    pub photos: Vec<CenPhoto>,
    pub summary: Option<String>,
}

/// The place of a seizure: a port, airport or crossing, never a private address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CenPlace {
    pub name: Option<String>,
    pub location_type: String,
    pub country: String,
}

/// A goods line without its free-text description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CenGoods {
    pub commodity: String,
    pub quantity: f64,
    pub unit: String,
    pub value: Option<Money>,
}

/// What statistics need of an offender: no link to the person, an age band instead of an age.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CenOffender {
    pub nationality: Option<String>,
    pub sex: Option<String>,
    pub age_band: Option<String>,
}

/// A photo of goods or of a concealment, without its caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CenPhoto {
    pub kind: String,
    pub sha256: String,
    pub media_type: String,
}

/// The age band the hub sees in place of an age.
pub fn age_band(age: u8) -> &'static str {
    match age {
        0..=17 => "0-17",
        18..=24 => "18-24",
        25..=34 => "25-34",
        35..=44 => "35-44",
        45..=54 => "45-54",
        55..=64 => "55-64",
        _ => "65+",
    }
}

/// Projects one revision of a seizure onto the fields the global CEN database may hold.
pub fn project(seizure: &Seizure, id: RecordId, origin: &str, revision: u32) -> CenSeizure {
    CenSeizure {
        id,
        origin: origin.to_owned(),
        revision,
        date: seizure.date.clone(),
        place: CenPlace {
            name: seizure.place.name.clone(),
            location_type: seizure.place.location_type.clone(),
            country: seizure.place.country.clone(),
        },
        direction: seizure.direction.clone(),
        detection_method: seizure.detection_method.clone(),
        conveyance_type: seizure.conveyance.as_ref().map(|c| c.kind.clone()),
        concealment: seizure.concealment.clone(),
        route: Route {
            departure: seizure.route.departure.clone(),
            transit: seizure.route.transit.clone(),
            destination: seizure.route.destination.clone(),
        },
        goods: seizure
            .goods
            .iter()
            .map(|g| CenGoods {
                commodity: g.commodity.clone(),
                quantity: g.quantity,
                unit: g.unit.clone(),
                value: g.value.clone(),
            })
            .collect(),
        offenders: seizure
            .offenders
            .iter()
            .map(|o| CenOffender {
                nationality: o.nationality.clone(),
                sex: o.sex.clone(),
                age_band: o.age.map(|a| age_band(a).to_owned()),
            })
            .collect(),
        photos: seizure
            .photos
            .iter()
            .filter(|p| NON_NOMINAL_PHOTO_KINDS.contains(&p.kind.as_str()))
            .map(|p| CenPhoto {
                kind: p.kind.clone(),
                sha256: p.sha256.clone(),
                media_type: p.media_type.clone(),
            })
            .collect(),
        summary: seizure.summary.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_bands_cover_every_age() {
        assert_eq!(age_band(0), "0-17");
        assert_eq!(age_band(17), "0-17");
        assert_eq!(age_band(18), "18-24");
        assert_eq!(age_band(64), "55-64");
        assert_eq!(age_band(65), "65+");
        assert_eq!(age_band(255), "65+");
    }
}

/// Content type of an envelope whose payload is a [`SignedCen`].
pub const CONTENT_TYPE_CEN: &str = "application/ncen-cen-seizure+cbor";

/// Content type of an envelope whose payload is a [`SignedCen`] that the WCO hub signed on
/// behalf of its origin, a member administration without a node that uploaded its seizures at
/// the hub: the key that signed it is the hub's, never the origin's.
pub const CONTENT_TYPE_CEN_ON_BEHALF: &str = "application/ncen-cen-seizure+cbor; signer=hub";

/// The signed payload of a seizure's projection as the origin sends it to the hub: the same
/// identity, revision and time as the record revision it was projected from; a tombstone has no
/// body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignedCen {
    pub format: u8,
    pub id: RecordId,
    pub origin: String,
    pub revision: u32,
    pub issued_at_ms: i64,
    pub body: Option<CenSeizure>,
}
