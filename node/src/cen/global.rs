//! The global CEN database as every node's users query it (MISSION C3, C4, B6): at the hub,
//! searches and statistics run on the hub's search index, which holds every member's seizure
//! projection; at a member, the same query goes to the hub over libp2p and the seizures that
//! come back are checked against their origins' signatures before anyone sees them.

use ncen_protocol::cbor::{self, Limits};
use ncen_protocol::directory::Directory;
use ncen_protocol::envelope;
use ncen_protocol::global::{FacetCounts, GlobalQuery, GlobalResult, GlobalStatistics, QuantityTotal};
use ncen_protocol::projection::{CONTENT_TYPE_CEN, CONTENT_TYPE_CEN_ON_BEHALF, CenSeizure, SignedCen};
use ncen_protocol::record::RecordKind;
use serde_bytes::ByteBuf;

use super::CenDb;
use crate::net::key_of_peer_id;
use crate::search::{SearchError, SearchIndex, SearchQuery};
use crate::store::StoreError;

/// Largest envelope of one projection.
const ENVELOPE_LIMIT: usize = 256 << 10;
/// Bounds for decoding one projection.
const PAYLOAD_LIMITS: Limits = Limits { max_bytes: ENVELOPE_LIMIT, max_depth: 16 };
/// Most commodity lines the statistics carry.
const MAX_QUANTITIES: usize = 50;
/// Most regions compared over time (the WCO has six).
const MAX_REGIONS: usize = 8;
/// Most months of the quantity series.
const MAX_MONTHS: usize = 120;

#[derive(Debug, thiserror::Error)]
pub enum GlobalError {
    /// A query parameter is out of bounds or not a known code.
    #[error("{field}: {message}")]
    Invalid { field: &'static str, message: String },
    /// The node has no hub to ask.
    #[error("this node has no WCO hub configured")]
    NoHub,
    /// The hub could not be reached or did not answer in time.
    #[error("the WCO hub cannot be reached: {0}")]
    Unreachable(String),
    /// The hub refused the query (for instance: this node is not a member).
    #[error("the WCO hub refused the query: {0}")]
    Refused(String),
    #[error(transparent)]
    Search(SearchError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<SearchError> for GlobalError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::Invalid { field, message } => GlobalError::Invalid { field, message },
            SearchError::BadQuery(message) => GlobalError::Invalid { field: "q", message },
            other => GlobalError::Search(other),
        }
    }
}

/// The hub's side: the search index and the database it indexes.
#[derive(Debug, Clone)]
pub struct GlobalCen {
    index: SearchIndex,
    cen: CenDb,
}

fn search_query(q: &GlobalQuery, limit: usize, offset: usize) -> SearchQuery {
    SearchQuery {
        text: q.text.clone(),
        kinds: vec![RecordKind::Seizure],
        commodity: q.commodity.clone(),
        country: q.country.clone(),
        route_country: q.route_country.clone(),
        origin: q.origin.clone(),
        region: q.region.clone(),
        conveyance: q.conveyance.clone(),
        concealment: q.concealment.clone(),
        detection_method: q.detection_method.clone(),
        photo_kind: q.photo_kind.clone(),
        with_photos: false,
        date_from: q.date_from.clone(),
        date_to: q.date_to.clone(),
        limit,
        offset,
    }
}

fn facets(found: std::collections::BTreeMap<&'static str, Vec<(String, u64)>>) -> Vec<FacetCounts> {
    found
        .into_iter()
        .filter(|(name, _)| *name != "kind")
        .map(|(facet, values)| FacetCounts { facet: facet.to_owned(), values })
        .collect()
}

fn checked(q: &GlobalQuery) -> Result<(), GlobalError> {
    q.check().map_err(|(field, message)| GlobalError::Invalid { field, message })
}

impl GlobalCen {
    pub fn new(index: SearchIndex, cen: CenDb) -> Self {
        GlobalCen { index, cen }
    }

    /// A page of matching seizures, newest first, as their origins' envelopes.
    pub fn search(&self, q: &GlobalQuery) -> Result<GlobalResult, GlobalError> {
        checked(q)?;
        let limit = usize::try_from(q.limit.clamp(1, ncen_protocol::global::MAX_GLOBAL_LIMIT)).unwrap_or(1);
        let offset = usize::try_from(q.offset).unwrap_or(0);
        let found = self.index.search(&search_query(q, limit, offset))?;
        let mut envelopes = Vec::with_capacity(found.hits.len());
        for hit in &found.hits {
            // A hit of the hub's own records, or one deleted since the index's last commit,
            // has no live head here and is left out.
            if let Some(head) = self.cen.head(hit.id)?.filter(|h| !h.deleted) {
                envelopes.push(ByteBuf::from(head.envelope));
            }
        }
        Ok(GlobalResult { total: found.total, envelopes, facets: facets(found.facets) })
    }

    /// Counts per facet value and quantity totals of all matching seizures.
    pub fn statistics(&self, q: &GlobalQuery) -> Result<GlobalStatistics, GlobalError> {
        checked(q)?;
        let query = search_query(q, 1, 0);
        let found = self.index.search(&query)?;
        let sums = self.index.quantities(&query)?;
        let quantities: Vec<QuantityTotal> = sums
            .by_commodity
            .iter()
            .take(MAX_QUANTITIES)
            .map(|(commodity, unit, total)| QuantityTotal {
                commodity: commodity.clone(),
                unit: unit.clone(),
                total: *total,
            })
            .collect();
        let by_month = match sums.by_commodity.first() {
            Some((commodity, unit, _)) => {
                let key = (commodity.clone(), unit.clone());
                let all: Vec<(String, f64)> = sums
                    .by_month
                    .iter()
                    .map(|(month, totals)| (month.clone(), totals.get(&key).copied().unwrap_or(0.0)))
                    .collect();
                all[all.len().saturating_sub(MAX_MONTHS)..].to_vec()
            }
            None => Vec::new(),
        };
        let mut regions_by_year = Vec::new();
        let regions: Vec<String> = found
            .facets
            .get("region")
            .map(|values| values.iter().map(|(code, _)| code.clone()).collect())
            .unwrap_or_default();
        for region in regions.into_iter().take(MAX_REGIONS) {
            let per_region = SearchQuery { region: Some(region.clone()), ..query.clone() };
            let mut years = self.index.search(&per_region)?.facets.remove("year").unwrap_or_default();
            years.sort();
            regions_by_year.push((region, years));
        }
        Ok(GlobalStatistics {
            total: found.total,
            facets: facets(found.facets),
            quantities,
            by_month,
            regions_by_year,
        })
    }
}

/// Who may have signed a projection: the member's node named by the hub's directory; or, under
/// the on-behalf content type only, the hub itself for an administration without a node of its
/// own (never for a member whose node signs its own).
fn signer_allowed(
    kid: &str,
    origin: &str,
    on_behalf: bool,
    directory: Option<&Directory>,
    hub_peer_id: &str,
) -> bool {
    match directory.and_then(|d| d.member(origin)) {
        Some(member) => !on_behalf && member.peer_id == kid,
        None => on_behalf && kid == hub_peer_id,
    }
}

/// Checks one envelope of a hub answer: signed by its origin's node (or by the hub for a member
/// without a node), a live CEN projection, consistent with its header.
pub fn verify_envelope(
    bytes: &[u8],
    directory: Option<&Directory>,
    hub_peer_id: &str,
) -> Result<CenSeizure, String> {
    let kid = envelope::peek_kid(bytes, ENVELOPE_LIMIT).map_err(|e| e.to_string())?;
    let kid = String::from_utf8(kid).map_err(|_| "the signer is not a PeerId".to_owned())?;
    let key = key_of_peer_id(&kid).ok_or("the signer's PeerId carries no Ed25519 key")?;
    let verified =
        envelope::verify_from(bytes, &key, kid.as_bytes(), ENVELOPE_LIMIT).map_err(|e| e.to_string())?;
    let on_behalf = match verified.content_type.as_deref() {
        Some(CONTENT_TYPE_CEN) => false,
        Some(CONTENT_TYPE_CEN_ON_BEHALF) => true,
        _ => return Err("not a CEN projection".into()),
    };
    let signed: SignedCen = cbor::from_slice(&verified.payload, PAYLOAD_LIMITS).map_err(|e| e.to_string())?;
    if !signer_allowed(&kid, &signed.origin, on_behalf, directory, hub_peer_id) {
        return Err(format!("{kid} may not sign for {}", signed.origin));
    }
    let body = signed.body.ok_or("a deleted seizure")?;
    if body.id != signed.id || body.origin != signed.origin || body.revision != signed.revision {
        return Err("the projection's identity does not match its envelope".into());
    }
    Ok(body)
}

/// A page of the global CEN database as a member's users see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct GlobalPage {
    /// How many seizures match, on all pages.
    pub total: u64,
    /// The page, newest first; each one's signature checked.
    pub items: Vec<CenSeizure>,
    /// Per facet, its most frequent values among all matches.
    pub facets: Vec<FacetCounts>,
    /// Seizures of the page left out because their signature did not check out.
    pub rejected: usize,
}

/// Checks every envelope of a hub answer; those that fail are counted and logged, never shown.
pub fn open_result(result: GlobalResult, directory: Option<&Directory>, hub_peer_id: &str) -> GlobalPage {
    let mut items = Vec::with_capacity(result.envelopes.len());
    let mut rejected = 0;
    for bytes in &result.envelopes {
        match verify_envelope(bytes, directory, hub_peer_id) {
            Ok(seizure) => items.push(seizure),
            Err(reason) => {
                rejected += 1;
                tracing::warn!(%reason, "a seizure of the global CEN database was left out");
            }
        }
    }
    GlobalPage { total: result.total, items, facets: result.facets, rejected }
}
