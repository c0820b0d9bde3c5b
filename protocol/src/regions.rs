//! The WCO regions (code list `wco_region`) and which country lies in which, so that global
//! statistics compare regions as well as administrations. The membership is kept in
//! `protocol/data/wco_region_members.json`, checked against both code lists by the tests.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Region code → the ISO 3166-1 alpha-2 codes of the countries and territories in it.
const MEMBERS_JSON: &str = include_str!("../data/wco_region_members.json");

fn table() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let members: HashMap<String, Vec<String>> = serde_json::from_str(MEMBERS_JSON).unwrap_or_default();
        members
            .into_iter()
            .flat_map(|(region, countries)| countries.into_iter().map(move |c| (c, region.clone())))
            .collect()
    })
}

/// The WCO region of an administration or country (`NL` → `EUROPE`); `None` for the WCO
/// itself and for uninhabited territories.
pub fn region_of(country: &str) -> Option<&'static str> {
    table().get(country).map(String::as_str)
}

/// The countries of `region`, in code order.
pub fn countries_of(region: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> =
        table().iter().filter(|(_, r)| r.as_str() == region).map(|(c, _)| c.as_str()).collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::codelists::{Catalog, ListId};

    #[test]
    fn every_member_is_a_country_in_one_known_region() {
        let members: HashMap<String, Vec<String>> =
            serde_json::from_str(MEMBERS_JSON).expect("the membership file is JSON");
        let catalog = Catalog::builtin();
        let mut seen = HashMap::new();
        for (region, countries) in &members {
            assert!(catalog.list(ListId::WcoRegion).get(region).is_some(), "{region} is not a region");
            for c in countries {
                assert!(catalog.list(ListId::Country).get(c).is_some(), "{c} is not a country");
                assert!(seen.insert(c.clone(), region.clone()).is_none(), "{c} is in two regions");
            }
        }
        assert_eq!(members.len(), catalog.list(ListId::WcoRegion).entries.len(), "a region has no members");
    }

    #[test]
    fn administrations_resolve_to_their_region() {
        assert_eq!(region_of("NL"), Some("EUROPE"));
        assert_eq!(region_of("BR"), Some("AMERICAS_CARIBBEAN"));
        assert_eq!(region_of("KE"), Some("EAST_SOUTHERN_AFRICA"));
        assert_eq!(region_of("WCO"), None);
        assert!(countries_of("MENA").contains(&"MA"));
    }
}
