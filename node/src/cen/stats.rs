//! Statistics over CEN seizures: counts and summed quantities per unit, in total and grouped by
//! commodity, place country, route country and year.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use ncen_protocol::projection::{CenGoods, CenSeizure};
use serde::Serialize;

use super::filter::commodity_within;

/// Seizures and quantities of the whole selection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct StatTotals {
    pub seizures: u64,
    /// Summed quantity per unit code (`KGM`, `H87`...), rounded to three decimals.
    pub quantities: BTreeMap<String, f64>,
}

/// One group of a breakdown.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct StatGroup {
    /// The commodity code, country code or year of the group.
    pub key: String,
    /// Seizures in the group, each counted once.
    pub seizures: u64,
    /// Summed quantity per unit code, rounded to three decimals.
    pub quantities: BTreeMap<String, f64>,
}

/// Statistics of the seizures that match a filter. With a commodity filter, quantities and the
/// commodity breakdown cover only the goods lines within that commodity. Groups are sorted by
/// seizures, most first, then by key.
#[derive(Debug, Clone, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Statistics {
    pub totals: StatTotals,
    /// By commodity code as recorded; a seizure counts once per distinct code.
    pub by_commodity: Vec<StatGroup>,
    /// By country of the seizure's place.
    pub by_country: Vec<StatGroup>,
    /// By country of departure, transit or destination; a seizure counts once per country.
    pub by_route_country: Vec<StatGroup>,
    /// By year of the seizure date.
    pub by_year: Vec<StatGroup>,
}

#[derive(Debug, Default)]
struct Tally {
    seizures: u64,
    quantities: HashMap<String, f64>,
}

impl Tally {
    fn add<'a>(&mut self, goods: impl IntoIterator<Item = &'a CenGoods>) {
        self.seizures += 1;
        for g in goods {
            if g.quantity.is_finite() {
                *self.quantities.entry(g.unit.clone()).or_default() += g.quantity;
            }
        }
    }

    fn quantities(&self) -> BTreeMap<String, f64> {
        self.quantities.iter().map(|(unit, q)| (unit.clone(), round(*q))).collect()
    }
}

/// Three decimals (a gram of a kilogram), without a negative zero.
fn round(q: f64) -> f64 {
    let r = (q * 1000.0).round() / 1000.0;
    if r == 0.0 { 0.0 } else { r }
}

#[derive(Debug, Default)]
pub(super) struct Accumulator {
    totals: Tally,
    by_commodity: HashMap<String, Tally>,
    by_country: HashMap<String, Tally>,
    by_route_country: HashMap<String, Tally>,
    by_year: HashMap<String, Tally>,
}

impl Accumulator {
    /// Adds one seizure; with `commodity`, only its goods within that commodity count.
    pub(super) fn add(&mut self, s: &CenSeizure, commodity: Option<&str>) {
        let goods: Vec<&CenGoods> =
            s.goods.iter().filter(|g| commodity.is_none_or(|c| commodity_within(&g.commodity, c))).collect();
        self.totals.add(goods.iter().copied());
        let codes: BTreeSet<&str> = goods.iter().map(|g| g.commodity.as_str()).collect();
        for code in codes {
            self.by_commodity
                .entry(code.to_owned())
                .or_default()
                .add(goods.iter().copied().filter(|g| g.commodity == code));
        }
        self.by_country.entry(s.place.country.clone()).or_default().add(goods.iter().copied());
        let route: BTreeSet<&str> = s
            .route
            .departure
            .iter()
            .chain(s.route.transit.iter())
            .chain(s.route.destination.iter())
            .map(String::as_str)
            .collect();
        for country in route {
            self.by_route_country.entry(country.to_owned()).or_default().add(goods.iter().copied());
        }
        let year = s.date.get(..4).unwrap_or(&s.date).to_owned();
        self.by_year.entry(year).or_default().add(goods.iter().copied());
    }

    pub(super) fn finish(self) -> Statistics {
        Statistics {
            totals: StatTotals { seizures: self.totals.seizures, quantities: self.totals.quantities() },
            by_commodity: groups(self.by_commodity),
            by_country: groups(self.by_country),
            by_route_country: groups(self.by_route_country),
            by_year: groups(self.by_year),
        }
    }
}

fn groups(map: HashMap<String, Tally>) -> Vec<StatGroup> {
    let mut out: Vec<StatGroup> = map
        .into_iter()
        .map(|(key, t)| StatGroup { quantities: t.quantities(), key, seizures: t.seizures })
        .collect();
    out.sort_by(|a, b| b.seizures.cmp(&a.seizures).then_with(|| a.key.cmp(&b.key)));
    out
}
