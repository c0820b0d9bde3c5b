//! Queries of the global CEN database that a member node sends the hub on behalf of one of its
//! users (MISSION B6), and the hub's answers: non-nominal seizures as their origins signed
//! them, facet counts and quantity totals. Every field is bounded before the hub runs a query.

use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

/// Most seizures one answer carries.
pub const MAX_GLOBAL_LIMIT: u32 = 100;
/// Deepest page an answer reaches.
pub const MAX_GLOBAL_OFFSET: u32 = 10_000;
/// Longest free text of a query, in characters.
pub const MAX_GLOBAL_TEXT: usize = 500;
/// Longest code in a filter.
pub const MAX_GLOBAL_CODE: usize = 64;
/// Longest user name the asker reports (for the hub's audit).
pub const MAX_ASKER: usize = 64;

/// What to look for in the global CEN database. Every filter is optional; codes come from the
/// code lists, dates are `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GlobalQuery {
    /// Words of the non-nominal text (place names, summaries).
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub commodity: Option<String>,
    /// Country of the seizure's place.
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub route_country: Option<String>,
    /// Reporting administration.
    #[serde(default)]
    pub origin: Option<String>,
    /// WCO region of the reporting administration (code list `wco_region`).
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub conveyance: Option<String>,
    #[serde(default)]
    pub concealment: Option<String>,
    #[serde(default)]
    pub detection_method: Option<String>,
    #[serde(default)]
    pub photo_kind: Option<String>,
    #[serde(default)]
    pub date_from: Option<String>,
    #[serde(default)]
    pub date_to: Option<String>,
    /// Page size (search only), 1 to [`MAX_GLOBAL_LIMIT`].
    #[serde(default)]
    pub limit: u32,
    /// Matches to skip (search only), at most [`MAX_GLOBAL_OFFSET`].
    #[serde(default)]
    pub offset: u32,
}

impl GlobalQuery {
    /// The first field that is out of bounds, with what is wrong with it.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        if let Some(t) = &self.text
            && t.chars().count() > MAX_GLOBAL_TEXT
        {
            return Err(("q", format!("longer than {MAX_GLOBAL_TEXT} characters")));
        }
        let codes: [(&'static str, &Option<String>); 10] = [
            ("commodity", &self.commodity),
            ("country", &self.country),
            ("route_country", &self.route_country),
            ("origin", &self.origin),
            ("region", &self.region),
            ("conveyance", &self.conveyance),
            ("concealment", &self.concealment),
            ("detection_method", &self.detection_method),
            ("photo_kind", &self.photo_kind),
            ("date_from", &self.date_from),
        ];
        for (name, value) in codes.into_iter().chain([("date_to", &self.date_to)]) {
            if let Some(v) = value
                && (v.is_empty() || v.len() > MAX_GLOBAL_CODE || !v.bytes().all(|b| b.is_ascii_graphic()))
            {
                return Err((name, format!("{v:?} is not a code")));
            }
        }
        if self.limit > MAX_GLOBAL_LIMIT {
            return Err(("limit", format!("{} is more than {MAX_GLOBAL_LIMIT}", self.limit)));
        }
        if self.offset > MAX_GLOBAL_OFFSET {
            return Err(("offset", format!("{} is more than {MAX_GLOBAL_OFFSET}", self.offset)));
        }
        Ok(())
    }
}

/// The values of one facet among all matches, most frequent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacetCounts {
    pub facet: String,
    /// `(code, matches)` pairs.
    pub values: Vec<(String, u64)>,
}

/// A page of matching seizures, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlobalResult {
    pub total: u64,
    /// The origins' COSE_Sign1 envelopes of the seizures' projections, byte for byte as the hub
    /// received them (for a member without a node, as the hub signed them on its behalf).
    pub envelopes: Vec<ByteBuf>,
    pub facets: Vec<FacetCounts>,
}

/// The summed quantity of one commodity in one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuantityTotal {
    pub commodity: String,
    pub unit: String,
    pub total: f64,
}

/// Statistics of the matches: counts per facet value and quantity totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GlobalStatistics {
    pub total: u64,
    pub facets: Vec<FacetCounts>,
    /// Per commodity and unit, largest first.
    pub quantities: Vec<QuantityTotal>,
    /// For the largest commodity and unit of `quantities`: `(YYYY-MM, total)` by month.
    pub by_month: Vec<(String, f64)>,
    /// For each WCO region among the matches: `(region, [(YYYY, matches)])`, years ascending,
    /// so that regions can be compared over time.
    #[serde(default)]
    pub regions_by_year: Vec<(String, Vec<(String, u64)>)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_checked_field_by_field() {
        assert!(GlobalQuery { limit: 20, ..Default::default() }.check().is_ok());
        let long = GlobalQuery { text: Some("x".repeat(501)), ..Default::default() };
        assert_eq!(long.check().map_err(|e| e.0), Err("q"));
        let code = GlobalQuery { commodity: Some("DRUGS COCAINE".into()), ..Default::default() };
        assert_eq!(code.check().map_err(|e| e.0), Err("commodity"));
        let many = GlobalQuery { limit: 101, ..Default::default() };
        assert_eq!(many.check().map_err(|e| e.0), Err("limit"));
        let deep = GlobalQuery { offset: 10_001, ..Default::default() };
        assert_eq!(deep.check().map_err(|e| e.0), Err("offset"));
    }
}
