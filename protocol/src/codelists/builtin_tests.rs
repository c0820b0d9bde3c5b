//! Tests of the built-in code-list data embedded from `protocol/data/codelists/`.

use std::collections::{BTreeSet, HashSet};

use super::*;

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

#[test]
fn builtin_data_is_valid() {
    let checked = Catalog::builtin_checked();
    assert!(checked.is_ok(), "{}", checked.err().map(|e| e.to_string()).unwrap_or_default());
    assert_eq!(checked.ok().as_ref(), Some(catalog()));
}

#[test]
fn every_entry_has_seven_non_empty_labels() {
    for list in catalog().lists() {
        assert!(!list.entries.is_empty(), "{} is empty", list.id);
        for entry in &list.entries {
            for lang in Lang::ALL {
                let label = entry.labels.get(&lang).map(|l| l.trim()).unwrap_or_default();
                assert!(!label.is_empty(), "{} {} has no {lang} label", list.id, entry.code);
                assert_eq!(label, entry.labels[&lang], "{} {} {lang}: stray spaces", list.id, entry.code);
            }
            assert_eq!(entry.labels.len(), 7, "{} {}: unknown languages", list.id, entry.code);
        }
    }
}

#[test]
fn arabic_labels_are_in_arabic_script() {
    for list in catalog().lists() {
        for entry in &list.entries {
            let label = &entry.labels[&Lang::Ar];
            assert!(
                label.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{} {}: {label:?}",
                list.id,
                entry.code
            );
        }
    }
}

#[test]
fn russian_labels_are_in_cyrillic_script() {
    for list in catalog().lists() {
        for entry in &list.entries {
            let label = &entry.labels[&Lang::Ru];
            assert!(
                label.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
                "{} {}: {label:?}",
                list.id,
                entry.code
            );
        }
    }
}

#[test]
fn codes_are_unique_and_parents_exist() {
    for list in catalog().lists() {
        let mut seen = HashSet::new();
        for entry in &list.entries {
            assert!(seen.insert(entry.code.as_str()), "{} {} twice", list.id, entry.code);
        }
        for entry in &list.entries {
            if let Some(parent) = &entry.parent {
                assert!(seen.contains(parent.as_str()), "{} {}: no parent {parent}", list.id, entry.code);
            }
        }
    }
}

#[test]
fn only_commodities_are_hierarchical_and_carry_hs_chapters() {
    for list in catalog().lists() {
        for entry in &list.entries {
            if list.id != ListId::Commodity {
                assert!(entry.parent.is_none(), "{} {}", list.id, entry.code);
                assert!(entry.hs_chapters.is_empty(), "{} {}", list.id, entry.code);
            }
            for chapter in &entry.hs_chapters {
                let valid = chapter.len() == 2
                    && chapter.bytes().all(|b| b.is_ascii_digit())
                    && (1..=97).contains(&chapter.parse::<u8>().unwrap_or(0))
                    && chapter != "77";
                assert!(valid, "{} {}: HS chapter {chapter:?}", list.id, entry.code);
            }
        }
    }
}

#[test]
fn canonical_codes_exist() {
    let c = catalog();
    for (id, code) in [
        (ListId::Commodity, "DRUGS.COCAINE"),
        (ListId::DetectionMethod, "XRAY_SCAN"),
        (ListId::LocationType, "SEAPORT"),
        (ListId::Direction, "IMPORT"),
        (ListId::ConveyanceType, "SEA_CONTAINER"),
        (ListId::ConcealmentMethod, "FALSE_COMPARTMENT"),
        (ListId::Unit, "KGM"),
        (ListId::Currency, "EUR"),
        (ListId::Currency, "USD"),
        (ListId::Country, "NL"),
        (ListId::Country, "BE"),
        (ListId::Country, "EC"),
        (ListId::Country, "PA"),
        (ListId::PhotoKind, "XRAY"),
        (ListId::Sex, "UNKNOWN"),
        (ListId::IdentityDocumentType, "PASSPORT"),
        (ListId::CompanyRole, "CONSIGNEE"),
    ] {
        assert!(c.list(id).is_valid(code), "{id} {code}");
    }
    assert_eq!(c.list(ListId::Country).label("NL", Lang::Fr), Some("Pays-Bas"));
    assert_eq!(c.list(ListId::Commodity).label("DRUGS.COCAINE", Lang::De), Some("Kokain"));
}

#[test]
fn commodity_tree_covers_the_illicit_trade_report() {
    let list = catalog().list(ListId::Commodity);
    let roots: BTreeSet<&str> = list.roots().map(|e| e.code.as_str()).collect();
    let expected: BTreeSet<&str> = [
        "CULTURAL_HERITAGE",
        "DRUGS",
        "ENVIRONMENT",
        "IPR",
        "HEALTH_SAFETY",
        "REVENUE",
        "SECURITY",
        "CURRENCY",
        "OTHER",
    ]
    .into_iter()
    .collect();
    assert_eq!(roots, expected);
    for code in [
        "DRUGS.CANNABIS.HERB",
        "DRUGS.CANNABIS.RESIN",
        "DRUGS.CANNABIS.OIL",
        "DRUGS.HEROIN",
        "DRUGS.OPIUM",
        "DRUGS.METHAMPHETAMINE",
        "DRUGS.AMPHETAMINE",
        "DRUGS.MDMA",
        "DRUGS.KHAT",
        "DRUGS.NPS",
        "DRUGS.TRAMADOL",
        "DRUGS.FENTANYL",
        "DRUGS.PRECURSORS",
        "ENVIRONMENT.CITES.IVORY",
        "ENVIRONMENT.CITES.PANGOLIN_SCALES",
        "ENVIRONMENT.CITES.RHINO_HORN",
        "ENVIRONMENT.TIMBER",
        "ENVIRONMENT.HAZARDOUS_WASTE",
        "ENVIRONMENT.ODS",
        "IPR.PHARMACEUTICALS",
        "HEALTH_SAFETY.MEDICINES",
        "REVENUE.TOBACCO.CIGARETTES",
        "REVENUE.TOBACCO.WATER_PIPE",
        "REVENUE.ALCOHOL",
        "REVENUE.FUEL",
        "SECURITY.WEAPONS.FIREARMS",
        "SECURITY.AMMUNITION",
        "SECURITY.EXPLOSIVES",
        "SECURITY.STRATEGIC_GOODS",
        "CURRENCY.CASH",
    ] {
        assert!(list.is_valid(code), "{code}");
    }
    assert!(list.is_within("DRUGS.CANNABIS.RESIN", "DRUGS"));
    assert!(list.children("DRUGS").count() >= 15);
    let cocaine = list.get("DRUGS.COCAINE").map(|e| e.hs_chapters.clone());
    assert_eq!(cocaine, Some(vec!["29".to_owned()]));
}

#[test]
fn countries_are_the_iso_3166_1_alpha_2_codes() {
    let list = catalog().list(ListId::Country);
    assert_eq!(list.entries.len(), 249);
    for entry in &list.entries {
        assert!(entry.code.len() == 2 && entry.code.bytes().all(|b| b.is_ascii_uppercase()));
    }
    for pseudo in ["EU", "EZ", "UN", "QO", "XK", "ZZ", "AC", "IC"] {
        assert!(list.get(pseudo).is_none(), "{pseudo}");
    }
}

#[test]
fn currencies_are_active_iso_4217_codes() {
    let list = catalog().list(ListId::Currency);
    assert!(list.entries.len() >= 150, "{}", list.entries.len());
    for entry in &list.entries {
        assert!(entry.code.len() == 3 && entry.code.bytes().all(|b| b.is_ascii_uppercase()));
    }
    for active in ["EUR", "USD", "GBP", "JPY", "CHF", "XOF", "XAF", "XCD", "XPF", "XCG", "XAU"] {
        assert!(list.is_valid(active), "{active}");
    }
    for historic in ["NLG", "DEM", "FRF", "BGN", "ANG", "SLL", "VEF", "XXX", "XTS"] {
        assert!(list.get(historic).is_none(), "{historic}");
    }
}

#[test]
fn units_are_un_ece_recommendation_20_codes() {
    let list = catalog().list(ListId::Unit);
    for code in ["KGM", "GRM", "MGM", "TNE", "LTR", "MLT", "MTQ", "H87", "PR", "NAR"] {
        assert!(list.is_valid(code), "{code}");
    }
}

#[test]
fn only_person_and_document_photos_are_nominal() {
    let nominal: Vec<&str> = catalog()
        .lists()
        .flat_map(|list| list.entries.iter())
        .filter(|entry| entry.nominal)
        .map(|entry| entry.code.as_str())
        .collect();
    assert_eq!(nominal, ["PERSON", "DOCUMENT"]);
    let photos = catalog().list(ListId::PhotoKind);
    assert!(photos.get("PERSON").is_some_and(|e| e.nominal));
    assert!(photos.get("XRAY").is_some_and(|e| !e.nominal));
}

#[test]
fn a_deprecated_entry_resolves_but_is_not_valid() {
    let mut lists: Vec<CodeList> = catalog().lists().cloned().collect();
    let units = &mut lists[ListId::Unit.index()];
    let kgm = units.entries.iter_mut().find(|e| e.code == "KGM");
    if let Some(kgm) = kgm {
        kgm.deprecated = true;
    }
    let changed = Catalog::from_lists(lists).expect("still consistent");
    let units = changed.list(ListId::Unit);
    assert!(units.get("KGM").is_some());
    assert_eq!(units.label("KGM", Lang::En), Some("Kilogram (kg)"));
    assert!(!units.is_valid("KGM"));
    assert!(units.is_valid("GRM"));
}

#[test]
fn data_files_use_only_known_fields() {
    let known_list: BTreeSet<&str> = ["id", "version", "entries"].into_iter().collect();
    let known_entry: BTreeSet<&str> =
        ["code", "labels", "parent", "hs_chapters", "deprecated", "nominal"].into_iter().collect();
    for list in catalog().lists() {
        let json = serde_json::to_value(list).expect("serialise");
        let object = json.as_object().expect("object");
        assert!(object.keys().all(|k| known_list.contains(k.as_str())));
    }
    for (id, text) in super::catalog::builtin_json() {
        let value: serde_json::Value = serde_json::from_str(text).expect("json");
        let object = value.as_object().expect("object");
        for key in object.keys() {
            assert!(known_list.contains(key.as_str()), "{id}: unknown field {key}");
        }
        for entry in value["entries"].as_array().expect("entries") {
            for key in entry.as_object().expect("entry").keys() {
                assert!(known_entry.contains(key.as_str()), "{id}: unknown entry field {key}");
            }
        }
    }
}

#[test]
fn builtin_versions_are_positive() {
    for list in catalog().lists() {
        assert!(list.version >= 1, "{}", list.id);
    }
}
