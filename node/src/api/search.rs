//! `GET /api/v1/search`: the national full-text search over seizures, suspects and companies,
//! with facets, for roles that read records; every search is audited.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{RawQuery, State};
use ncen_protocol::codelists::{Catalog, ListId};
use ncen_protocol::record::{RecordKind, is_administration_code};
use serde::{Deserialize, Serialize};

use super::AppState;
use super::error::ApiError;
use super::extract::Auth;
use crate::records::{RecordError, RecordView};
use crate::roles::Permission;
use crate::search::{SearchError, SearchQuery};

/// Default page size.
const DEFAULT_LIMIT: usize = 20;

/// What to search for; every parameter is optional and filters combine.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words to find in any script (case, accents and marks do not matter); every word must
    /// occur. Seizures: goods descriptions, place, summary, remarks, conveyance identifier,
    /// national reference; suspects: names, aliases, place of birth, identity document
    /// numbers; companies: name, registration numbers, cities. At most 500 characters.
    pub q: Option<String>,
    /// `seizures`, `suspects` or `companies`; repeat it or separate with commas for several.
    #[serde(default)]
    pub kind: Vec<String>,
    /// Commodity code; a category (`DRUGS`) matches all its types.
    pub commodity: Option<String>,
    /// Place country of a seizure, nationality of a suspect, country of a company.
    pub country: Option<String>,
    /// Departure, transit or destination country of a seizure.
    pub route_country: Option<String>,
    /// Owning administration (`NL`).
    pub origin: Option<String>,
    /// WCO region of the owning administration (code list `wco_region`, e.g. `EUROPE`).
    pub region: Option<String>,
    /// Conveyance type code.
    pub conveyance: Option<String>,
    /// Concealment method code.
    pub concealment: Option<String>,
    /// Detection method code.
    pub detection_method: Option<String>,
    /// Only records with a photo of this kind (`XRAY`, `GOODS`, `CONCEALMENT`, `PERSON`...).
    pub photo_kind: Option<String>,
    /// Only records with at least one photo (default false).
    pub with_photos: Option<bool>,
    /// First date included, `YYYY-MM-DD` (a seizure's date, else the day the record was made).
    pub date_from: Option<String>,
    /// Last date included, `YYYY-MM-DD`.
    pub date_to: Option<String>,
    /// Page size, 1 to 100 (default 20).
    #[param(value_type = Option<usize>)]
    pub limit: Option<String>,
    /// Matches to skip, at most 10,000 (default 0).
    #[param(value_type = Option<usize>)]
    pub offset: Option<String>,
}

/// One value of a facet and how many matches have it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FacetCount {
    pub key: String,
    pub count: u64,
}

/// A page of matches, newest first, with the number of all matches and, for each facet
/// (`kind`, `commodity`, `country`, `route_country`, `origin`, `conveyance`, `concealment`,
/// `detection_method`, `year`, `photo_kind`), its 20 most frequent values among all matches.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SearchResponse {
    pub total: u64,
    pub items: Vec<RecordView>,
    pub facets: BTreeMap<String, Vec<FacetCount>>,
}

fn bad(field: &'static str, message: impl std::fmt::Display) -> ApiError {
    let message = format!("{field}: {message}");
    let details = vec![serde_json::json!({ "field": field, "message": message })];
    ApiError::bad_request(message).details(details)
}

impl From<SearchError> for ApiError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::BadQuery(message) => bad("q", message),
            SearchError::Invalid { field, message } => bad(field, message),
            other => ApiError::internal("search failed", other),
        }
    }
}

fn number(field: &'static str, value: Option<&str>, default: usize) -> Result<usize, ApiError> {
    match value {
        None => Ok(default),
        Some(v) => v.trim().parse().map_err(|_| bad(field, format!("{v:?} is not a whole number"))),
    }
}

fn code(
    field: &'static str,
    value: Option<String>,
    list: ListId,
    catalog: &Catalog,
) -> Result<Option<String>, ApiError> {
    let Some(value) = value.filter(|v| !v.is_empty()) else { return Ok(None) };
    if catalog.list(list).get(&value).is_none() {
        return Err(bad(field, format!("{value:?} is not in code list `{}`", list.name())));
    }
    Ok(Some(value))
}

/// Checks the parameters against the code lists and turns them into a query.
pub fn to_query(p: SearchParams, catalog: &Catalog) -> Result<SearchQuery, ApiError> {
    let mut kinds = Vec::new();
    for k in p.kind.iter().flat_map(|k| k.split(',')).map(str::trim).filter(|k| !k.is_empty()) {
        let kind = RecordKind::from_collection(k)
            .ok_or_else(|| bad("kind", format!("{k:?} is not seizures, suspects or companies")))?;
        kinds.push(kind);
    }
    let origin = p.origin.filter(|o| !o.is_empty());
    if let Some(o) = &origin
        && !is_administration_code(o)
    {
        return Err(bad("origin", format!("{o:?} is not an administration code like NL or WCO")));
    }
    Ok(SearchQuery {
        text: p.q,
        kinds,
        commodity: code("commodity", p.commodity, ListId::Commodity, catalog)?,
        country: code("country", p.country, ListId::Country, catalog)?,
        route_country: code("route_country", p.route_country, ListId::Country, catalog)?,
        origin,
        region: code("region", p.region, ListId::WcoRegion, catalog)?,
        conveyance: code("conveyance", p.conveyance, ListId::ConveyanceType, catalog)?,
        concealment: code("concealment", p.concealment, ListId::ConcealmentMethod, catalog)?,
        detection_method: code("detection_method", p.detection_method, ListId::DetectionMethod, catalog)?,
        photo_kind: code("photo_kind", p.photo_kind, ListId::PhotoKind, catalog)?,
        with_photos: p.with_photos.unwrap_or(false),
        date_from: p.date_from.filter(|d| !d.is_empty()),
        date_to: p.date_to.filter(|d| !d.is_empty()),
        limit: number("limit", p.limit.as_deref(), DEFAULT_LIMIT)?,
        offset: number("offset", p.offset.as_deref(), 0)?,
    })
}

#[utoipa::path(get, path = "/api/v1/search", tag = "records",
    params(SearchParams),
    responses((status = 200, body = SearchResponse),
        (status = 400, description = "a parameter is wrong; the message and details name it", body = super::error::ErrorBody),
        (status = 403, description = "the role may not read records", body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn search(
    State(state): State<AppState>,
    auth: Auth,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResponse>, ApiError> {
    let actor = auth.require(Permission::ReadRecords)?.username.clone();
    let params: SearchParams = serde_html_form::from_str(raw.as_deref().unwrap_or(""))
        .map_err(|e| ApiError::bad_request(format!("bad query string: {e}")))?;
    let query = to_query(params, state.catalog)?;
    let index = state.search.clone().ok_or_else(|| {
        ApiError::new(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "this node serves without a search index",
        )
    })?;
    let records = state.records.clone();
    let (total, items, facets) = tokio::task::spawn_blocking(move || {
        let found = index.search(&query)?;
        let mut items = Vec::with_capacity(found.hits.len());
        for hit in &found.hits {
            match records.get(hit.kind, hit.id) {
                Ok(view) if !view.deleted => items.push(view),
                Ok(_) | Err(RecordError::NotFound { .. }) => {}
                Err(e) => return Err(ApiError::from(e)),
            }
        }
        records.audit_read(&actor, "record.search", format!("search?{query:?}"))?;
        Ok::<_, ApiError>((found.total, items, found.facets))
    })
    .await??;
    let facets = facets
        .into_iter()
        .map(|(name, values)| {
            (name.to_owned(), values.into_iter().map(|(key, count)| FacetCount { key, count }).collect())
        })
        .collect();
    Ok(Json(SearchResponse { total, items, facets }))
}
