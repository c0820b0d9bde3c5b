//! The example records of the empty template: one row per sheet, showing how a seizure links
//! to a suspect and a company of the same upload by their national references.

use crate::model::{
    Address, Company, CompanyLink, Contact, ContactKind, Conveyance, GoodsLine, IdentityDocument, Money,
    Offender, PhotoRef, Place, RegistrationNumber, Route, Seizure, Suspect,
};

/// Stand-in ids of the example's links, written as the national references below.
const SUSPECT_ID: uuid::Uuid = uuid::Uuid::from_u128(1);
const COMPANY_ID: uuid::Uuid = uuid::Uuid::from_u128(2);
const SUSPECT_REFERENCE: &str = "NL-S-2026-000045";
const COMPANY_REFERENCE: &str = "NL-C-2026-000017";

/// A seizure, the suspect it names as offender and the company it names as consignee.
pub fn example() -> (Seizure, Suspect, Company) {
    let seizure = Seizure {
        national_reference: "NL-2026-000123".into(),
        date: "2026-01-30".into(),
        place: Place {
            name: Some("Port of Rotterdam".into()),
            location_type: "SEAPORT".into(),
            country: "NL".into(),
        },
        direction: "IMPORT".into(),
        detection_method: "XRAY_SCAN".into(),
        conveyance: Some(Conveyance { kind: "SEA_CONTAINER".into(), identifier: Some("MSCU1234567".into()) }),
        concealment: Some("FALSE_COMPARTMENT".into()),
        route: Route {
            departure: Some("EC".into()),
            transit: vec!["PA".into()],
            destination: Some("NL".into()),
        },
        goods: vec![GoodsLine {
            commodity: "DRUGS.COCAINE".into(),
            description: Some("bricks in banana boxes".into()),
            quantity: 120.5,
            unit: "KGM".into(),
            value: Some(Money { amount: 4_500_000.0, currency: "EUR".into() }),
        }],
        offenders: vec![Offender {
            suspect: Some(SUSPECT_ID),
            nationality: Some("NL".into()),
            sex: Some("MALE".into()),
            age: Some(34),
        }],
        companies: vec![CompanyLink { company: COMPANY_ID, role: "CONSIGNEE".into() }],
        photos: vec![PhotoRef {
            kind: "XRAY".into(),
            sha256: "9f2c4b7e0d1a3f5c8b6e2d4a7c9f1e3b5d7a9c2e4f6b8d0a1c3e5f7b9d2a4c6e".into(),
            media_type: "image/png".into(),
            caption: Some("X-ray image of the container".into()),
        }],
        remarks: Some("free text: nominal, never leaves under the hub policy".into()),
        summary: Some("non-nominal summary for CEN".into()),
    };
    let suspect = Suspect {
        national_reference: SUSPECT_REFERENCE.into(),
        family_name: "Jansen".into(),
        given_names: Some("Pieter".into()),
        aliases: vec!["PJ".into(), "Piet".into()],
        date_of_birth: Some("1991-04-12".into()),
        place_of_birth: Some("Utrecht".into()),
        nationality: Some("NL".into()),
        sex: Some("MALE".into()),
        identity_documents: vec![IdentityDocument {
            kind: "PASSPORT".into(),
            number: "NXC1234P5".into(),
            issuing_country: "NL".into(),
            expiry: Some("2030-04-11".into()),
        }],
        addresses: vec![Address {
            street: Some("Keizersgracht 1".into()),
            city: Some("Amsterdam".into()),
            postal_code: Some("1015 CJ".into()),
            country: "NL".into(),
        }],
        contacts: vec![Contact { kind: ContactKind::Phone, value: "+31 6 12345678".into() }],
        photos: Vec::new(),
        remarks: None,
    };
    let company = Company {
        national_reference: COMPANY_REFERENCE.into(),
        name: "Fruit Import Rotterdam B.V.".into(),
        registration_numbers: vec![RegistrationNumber { scheme: "EORI".into(), value: "NL123456789".into() }],
        country: "NL".into(),
        addresses: vec![Address {
            street: Some("Waalhaven 10".into()),
            city: Some("Rotterdam".into()),
            postal_code: Some("3089 KH".into()),
            country: "NL".into(),
        }],
        contacts: vec![Contact { kind: ContactKind::Email, value: "info@example.nl".into() }],
        role: Some("IMPORTER".into()),
        remarks: None,
    };
    (seizure, suspect, company)
}

/// How the example writes its links: by national reference.
pub fn example_link(id: uuid::Uuid) -> String {
    match id {
        SUSPECT_ID => SUSPECT_REFERENCE.to_owned(),
        COMPANY_ID => COMPANY_REFERENCE.to_owned(),
        other => other.to_string(),
    }
}
