//! The non-nominal projection keeps no nominal value: a property test over random seizures
//! whose every nominal field carries a unique marker that must not survive projection.

use ncen_protocol::model::{
    CompanyLink, Conveyance, GoodsLine, Money, Offender, PhotoRef, Place, RecordId, Route, Seizure,
};
use ncen_protocol::projection::{NON_NOMINAL_PHOTO_KINDS, project};
use proptest::prelude::*;

const COUNTRIES: &[&str] = &["NL", "BE", "EC", "PA", "CO", "DE", "FR", "CN", "AE", "NG"];
const COMMODITIES: &[&str] = &["DRUGS.COCAINE", "DRUGS.CANNABIS", "TOBACCO.CIGARETTES", "WEAPONS"];
const PHOTO_KINDS: &[&str] = &["CONCEALMENT", "GOODS", "XRAY", "CONVEYANCE", "PERSON", "DOCUMENT", "OTHER"];

/// A nominal value: a marker no code, date or number can contain by chance.
fn nominal() -> impl Strategy<Value = String> {
    "[a-z]{8,16}".prop_map(|s| format!("NOMINAL{s}"))
}

fn country() -> impl Strategy<Value = String> {
    prop::sample::select(COUNTRIES).prop_map(str::to_owned)
}

fn goods() -> impl Strategy<Value = GoodsLine> {
    (
        prop::sample::select(COMMODITIES),
        prop::option::of(nominal()),
        0.001f64..1e6,
        prop::option::of(0.0f64..1e9),
    )
        .prop_map(|(c, description, quantity, amount)| GoodsLine {
            commodity: c.to_owned(),
            description,
            quantity,
            unit: "KGM".into(),
            value: amount.map(|amount| Money { amount, currency: "EUR".into() }),
        })
}

fn offender() -> impl Strategy<Value = Offender> {
    (any::<u128>(), prop::option::of(country()), prop::option::of(0u8..100)).prop_map(
        |(id, nationality, age)| Offender {
            suspect: Some(RecordId::from_u128(id | 1 << 100)),
            nationality,
            sex: Some("MALE".into()),
            age,
        },
    )
}

fn photo() -> impl Strategy<Value = PhotoRef> {
    (prop::sample::select(PHOTO_KINDS), "[0-9a-f]{64}", prop::option::of(nominal())).prop_map(
        |(kind, sha, caption)| PhotoRef {
            kind: kind.to_owned(),
            sha256: sha,
            media_type: "image/jpeg".into(),
            caption,
        },
    )
}

prop_compose! {
    fn seizure()(
        reference in nominal(),
        place in country(),
        identifier in prop::option::of(nominal()),
        transit in prop::collection::vec(country(), 0..3),
        goods in prop::collection::vec(goods(), 1..4),
        offenders in prop::collection::vec(offender(), 0..4),
        companies in prop::collection::vec(any::<u128>(), 0..3),
        photos in prop::collection::vec(photo(), 0..6),
        remarks in prop::option::of(nominal()),
    ) -> Seizure {
        Seizure {
            national_reference: reference,
            date: "2026-11-30".into(),
            place: Place { name: Some("Port of Rotterdam".into()), location_type: "SEAPORT".into(), country: place },
            direction: "IMPORT".into(),
            detection_method: "XRAY_SCAN".into(),
            conveyance: Some(Conveyance { kind: "SEA_CONTAINER".into(), identifier }),
            concealment: Some("FALSE_COMPARTMENT".into()),
            route: Route { departure: Some("EC".into()), transit, destination: Some("NL".into()) },
            goods,
            offenders,
            companies: companies
                .into_iter()
                .map(|c| CompanyLink { company: RecordId::from_u128(c | 1 << 100), role: "IMPORTER".into() })
                .collect(),
            photos,
            remarks,
            summary: Some("120 kg of cocaine in a false compartment".into()),
        }
    }
}

/// Every nominal value of a seizure, as text.
fn nominal_values(s: &Seizure) -> Vec<String> {
    let mut v = vec![s.national_reference.clone()];
    v.extend(s.conveyance.iter().filter_map(|c| c.identifier.clone()));
    v.extend(s.goods.iter().filter_map(|g| g.description.clone()));
    v.extend(s.offenders.iter().filter_map(|o| o.suspect.map(|id| id.to_string())));
    v.extend(s.offenders.iter().filter_map(|o| o.age.map(|a| format!("\"age\":{a}"))));
    v.extend(s.companies.iter().map(|c| c.company.to_string()));
    v.extend(s.photos.iter().filter_map(|p| p.caption.clone()));
    v.extend(
        s.photos
            .iter()
            .filter(|p| !NON_NOMINAL_PHOTO_KINDS.contains(&p.kind.as_str()))
            .map(|p| p.sha256.clone()),
    );
    v.extend(s.remarks.clone());
    v
}

proptest! {
    #[test]
    fn no_nominal_value_survives_projection(s in seizure()) {
        let cen = project(&s, RecordId::from_u128(42), "NL", 1);
        let json = serde_json::to_string(&cen).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for value in nominal_values(&s) {
            prop_assert!(!json.contains(&value), "nominal value {value:?} leaked into {json}");
        }
        prop_assert!(!json.contains("NOMINAL"), "a nominal marker leaked into {json}");
        // What analysis needs is kept.
        prop_assert_eq!(cen.goods.len(), s.goods.len());
        prop_assert_eq!(cen.offenders.len(), s.offenders.len());
        prop_assert_eq!(&cen.place.country, &s.place.country);
        let kept_photos = s.photos.iter().filter(|p| NON_NOMINAL_PHOTO_KINDS.contains(&p.kind.as_str())).count();
        prop_assert_eq!(cen.photos.len(), kept_photos);
    }
}

#[test]
fn projected_fields_are_exactly_the_named_non_nominal_ones() {
    let cen = serde_json::to_value(project(
        &Seizure {
            national_reference: "NL-1".into(),
            date: "2026-11-30".into(),
            place: Place { name: None, location_type: "SEAPORT".into(), country: "NL".into() },
            direction: "IMPORT".into(),
            detection_method: "XRAY_SCAN".into(),
            conveyance: None,
            concealment: None,
            route: Route::default(),
            goods: vec![],
            offenders: vec![],
            companies: vec![],
            photos: vec![],
            remarks: None,
            summary: None,
        },
        RecordId::from_u128(1),
        "NL",
        1,
    ));
    let keys: Vec<String> =
        cen.ok().and_then(|v| v.as_object().map(|o| o.keys().cloned().collect())).unwrap_or_default();
    assert_eq!(
        keys,
        [
            "concealment",
            "conveyance_type",
            "date",
            "detection_method",
            "direction",
            "goods",
            "id",
            "offenders",
            "origin",
            "photos",
            "place",
            "revision",
            "route",
            "summary"
        ]
    );
}
