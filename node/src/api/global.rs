//! `GET /api/v1/global/search` and `GET /api/v1/global/statistics`: the global CEN database
//! for CEN users of every node (MISSION B6). The hub answers from its own index; a member's
//! node asks its hub over libp2p in the user's name, with no second account. Both sides audit.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use ncen_protocol::codelists::{Catalog, ListId};
use ncen_protocol::global::{GlobalQuery, GlobalStatistics, MAX_GLOBAL_LIMIT, MAX_GLOBAL_OFFSET};
use ncen_protocol::record::is_administration_code;

use super::AppState;
use super::error::ApiError;
use super::extract::{Auth, QueryParams};
use crate::audit::{AuditEvent, Outcome};
use crate::cen::global::open_result;
use crate::cen::{GlobalError, GlobalPage};
use crate::roles::Permission;

/// Default page size.
const DEFAULT_LIMIT: u32 = 20;

/// The parameters a global query takes, with the code list each code comes from.
const CODES: [(&str, Option<ListId>); 9] = [
    ("commodity", Some(ListId::Commodity)),
    ("country", Some(ListId::Country)),
    ("route_country", Some(ListId::Country)),
    ("origin", None),
    ("region", Some(ListId::WcoRegion)),
    ("conveyance", Some(ListId::ConveyanceType)),
    ("concealment", Some(ListId::ConcealmentMethod)),
    ("detection_method", Some(ListId::DetectionMethod)),
    ("photo_kind", Some(ListId::PhotoKind)),
];

/// Filters and paging of a global query (all optional).
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct GlobalParams {
    /// Words of the non-nominal text: place names and CEN summaries.
    pub q: Option<String>,
    /// Commodity code; a category (`DRUGS`) matches all its types.
    pub commodity: Option<String>,
    /// Country of the seizure's place.
    pub country: Option<String>,
    /// Country of departure, transit or destination.
    pub route_country: Option<String>,
    /// Reporting administration (`NL`).
    pub origin: Option<String>,
    /// WCO region of the reporting administration (code list `wco_region`, e.g. `EUROPE`).
    pub region: Option<String>,
    /// Conveyance type code.
    pub conveyance: Option<String>,
    /// Concealment method code.
    pub concealment: Option<String>,
    /// Detection method code.
    pub detection_method: Option<String>,
    /// Only seizures with a photo of this kind.
    pub photo_kind: Option<String>,
    /// One calendar year, `YYYY` (instead of `date_from` and `date_to`).
    pub year: Option<String>,
    /// First date included, `YYYY-MM-DD`.
    pub date_from: Option<String>,
    /// Last date included, `YYYY-MM-DD`.
    pub date_to: Option<String>,
    /// Page size, 1 to 100 (default 20; search only).
    #[param(value_type = Option<u32>)]
    pub limit: Option<String>,
    /// Matches to skip, at most 10,000 (search only).
    #[param(value_type = Option<u32>)]
    pub offset: Option<String>,
}

fn is_date(d: &str) -> bool {
    d.len() == 10 && time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]")).is_ok()
}

/// Reads and checks a global query from request parameters; the error names the parameter.
pub fn parse_query(p: &GlobalParams, catalog: &Catalog) -> Result<GlobalQuery, (&'static str, String)> {
    let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    let get = |k: &str| {
        given(match k {
            "q" => &p.q,
            "commodity" => &p.commodity,
            "country" => &p.country,
            "route_country" => &p.route_country,
            "origin" => &p.origin,
            "region" => &p.region,
            "conveyance" => &p.conveyance,
            "concealment" => &p.concealment,
            "detection_method" => &p.detection_method,
            "photo_kind" => &p.photo_kind,
            "year" => &p.year,
            "date_from" => &p.date_from,
            "date_to" => &p.date_to,
            "limit" => &p.limit,
            _ => &p.offset,
        })
    };
    let mut q = GlobalQuery { text: get("q"), ..GlobalQuery::default() };
    for (name, list) in CODES {
        let Some(value) = get(name) else { continue };
        let known = match list {
            Some(list) => catalog.list(list).get(&value).is_some(),
            None => is_administration_code(&value),
        };
        if !known {
            let what =
                list.map_or("an administration code like NL".to_owned(), |l| format!("in code list `{l}`"));
            return Err((name, format!("{value:?} is not {what}")));
        }
        let slot = match name {
            "commodity" => &mut q.commodity,
            "country" => &mut q.country,
            "route_country" => &mut q.route_country,
            "origin" => &mut q.origin,
            "region" => &mut q.region,
            "conveyance" => &mut q.conveyance,
            "concealment" => &mut q.concealment,
            "detection_method" => &mut q.detection_method,
            _ => &mut q.photo_kind,
        };
        *slot = Some(value);
    }
    for (name, slot) in [("date_from", &mut q.date_from), ("date_to", &mut q.date_to)] {
        if let Some(d) = get(name) {
            if !is_date(&d) {
                return Err((name, format!("{d:?} is not a date written YYYY-MM-DD")));
            }
            *slot = Some(d);
        }
    }
    if let Some(y) = get("year") {
        if !(y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())) {
            return Err(("year", format!("{y:?} is not a year written YYYY")));
        }
        if q.date_from.is_some() || q.date_to.is_some() {
            return Err(("year", "give a year or dates, not both".into()));
        }
        q.date_from = Some(format!("{y}-01-01"));
        q.date_to = Some(format!("{y}-12-31"));
    }
    if let (Some(a), Some(b)) = (&q.date_from, &q.date_to)
        && b < a
    {
        return Err(("date_to", "is before date_from".into()));
    }
    let number = |name: &'static str, max: u32, default: u32| -> Result<u32, (&'static str, String)> {
        match get(name) {
            None => Ok(default),
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|n| *n <= max)
                .ok_or((name, format!("{v:?} is not a whole number from 0 to {max}"))),
        }
    };
    q.limit = number("limit", MAX_GLOBAL_LIMIT, DEFAULT_LIMIT)?.max(1);
    q.offset = number("offset", MAX_GLOBAL_OFFSET, 0)?;
    q.check()?;
    Ok(q)
}

impl From<GlobalError> for ApiError {
    fn from(e: GlobalError) -> Self {
        match e {
            GlobalError::Invalid { field, message } => ApiError::bad_request(format!("{field}: {message}"))
                .details(serde_json::json!({ field: message })),
            GlobalError::NoHub => ApiError::not_found(e.to_string()),
            GlobalError::Refused(_) => ApiError::new(StatusCode::BAD_GATEWAY, "hub_refused", e.to_string()),
            GlobalError::Unreachable(_) => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "hub_unreachable", e.to_string())
            }
            other => ApiError::internal("global CEN query", other),
        }
    }
}

fn audit(state: &AppState, actor: &str, action: &'static str, outcome: Outcome, detail: String) {
    if let Err(e) = state.records.audit_event(AuditEvent::new(actor, action, outcome).detail(detail)) {
        tracing::error!(error = %e, "cannot write the audit log");
    }
}

/// Runs a global search for `actor`: at the hub on its index, elsewhere through the hub.
pub async fn run_search(
    state: &AppState,
    actor: &str,
    query: GlobalQuery,
) -> Result<GlobalPage, GlobalError> {
    let detail = format!("{query:?}");
    let result = match state.engine.as_ref() {
        Some(engine) if engine.fed.is_hub() => {
            let global = engine.fed.global.get().cloned().ok_or(GlobalError::NoHub)?;
            let hub = engine.fed.identity.peer_id().to_owned();
            let directory = engine.fed.directory.clone();
            tokio::task::spawn_blocking(move || {
                let result = global.search(&query)?;
                let dir = directory.current()?.map(|(d, _)| d);
                Ok::<_, GlobalError>(open_result(result, dir.as_ref(), &hub))
            })
            .await
            .map_err(|e| GlobalError::Unreachable(e.to_string()))?
        }
        Some(engine) => engine.global_search(actor, query).await,
        None => Err(GlobalError::NoHub),
    };
    let outcome = if result.is_ok() { Outcome::Ok } else { Outcome::Failed };
    audit(state, actor, "cen.global_search", outcome, detail);
    result
}

/// Runs global statistics for `actor`, like [`run_search`].
pub async fn run_statistics(
    state: &AppState,
    actor: &str,
    query: GlobalQuery,
) -> Result<GlobalStatistics, GlobalError> {
    let detail = format!("{query:?}");
    let result = match state.engine.as_ref() {
        Some(engine) if engine.fed.is_hub() => {
            let global = engine.fed.global.get().cloned().ok_or(GlobalError::NoHub)?;
            tokio::task::spawn_blocking(move || global.statistics(&query))
                .await
                .map_err(|e| GlobalError::Unreachable(e.to_string()))?
        }
        Some(engine) => engine.global_statistics(actor, query).await,
        None => Err(GlobalError::NoHub),
    };
    let outcome = if result.is_ok() { Outcome::Ok } else { Outcome::Failed };
    audit(state, actor, "cen.global_statistics", outcome, detail);
    result
}

#[utoipa::path(get, path = "/api/v1/global/search", tag = "cen", params(GlobalParams),
    responses((status = 200, body = GlobalPage), (status = 400, body = super::error::ErrorBody),
        (status = 502, description = "the hub refused", body = super::error::ErrorBody),
        (status = 503, description = "the hub cannot be reached", body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn search(
    State(state): State<AppState>,
    auth: Auth,
    QueryParams(params): QueryParams<GlobalParams>,
) -> Result<Json<GlobalPage>, ApiError> {
    let actor = auth.require(Permission::ReadCen)?.username.clone();
    let query = parse_query(&params, state.catalog)
        .map_err(|(field, message)| GlobalError::Invalid { field, message })?;
    Ok(Json(run_search(&state, &actor, query).await?))
}

#[utoipa::path(get, path = "/api/v1/global/statistics", tag = "cen", params(GlobalParams),
    responses((status = 200, body = GlobalStatistics), (status = 400, body = super::error::ErrorBody),
        (status = 502, description = "the hub refused", body = super::error::ErrorBody),
        (status = 503, description = "the hub cannot be reached", body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn statistics(
    State(state): State<AppState>,
    auth: Auth,
    QueryParams(params): QueryParams<GlobalParams>,
) -> Result<Json<GlobalStatistics>, ApiError> {
    let actor = auth.require(Permission::ReadCen)?.username.clone();
    let params = GlobalParams { limit: None, offset: None, ..params };
    let query = parse_query(&params, state.catalog)
        .map_err(|(field, message)| GlobalError::Invalid { field, message })?;
    Ok(Json(run_statistics(&state, &actor, query).await?))
}
