//! The global CEN search page, shown at every node: the hub searches its own database, a
//! member's node asks the hub. Only non-nominal fields ever reach these pages.

use askama::Template;

use super::{Chrome, FacetGroup, SearchForm};

/// One seizure of the global CEN database.
#[derive(Debug, Clone)]
pub struct GlobalRow {
    pub date: String,
    pub origin: String,
    pub origin_label: String,
    pub region_label: String,
    /// Commodities and quantities.
    pub goods: String,
    /// Place and its country.
    pub place: String,
    /// Detection, conveyance, concealment and route.
    pub detail: String,
    /// The summary the origin wrote for the CEN.
    pub summary: String,
    pub photos: usize,
}

#[derive(Template, Debug)]
#[template(path = "global.html")]
pub struct GlobalSearchPage {
    pub c: Chrome,
    pub f: SearchForm,
    pub total: String,
    pub searched: bool,
    pub facets: Vec<FacetGroup>,
    pub rows: Vec<GlobalRow>,
    /// Removable chips for the active filters: (label, href without it).
    pub chips: Vec<(String, String)>,
    pub newer: Option<String>,
    pub older: Option<String>,
    pub stats_href: String,
    pub export_xlsx: String,
    pub export_csv: String,
    /// The query went to the hub (a member's node) rather than to this node's own database.
    pub via_hub: bool,
    /// Why there are no results (the hub cannot be reached, refused...), for the reader.
    pub problem: Option<String>,
    /// Seizures left out because their origin's signature did not check out.
    pub rejected: usize,
}
