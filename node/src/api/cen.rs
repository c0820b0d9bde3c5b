//! The hub's global CEN database over HTTP: `GET /api/v1/cen/seizures` (filtered, paged,
//! newest first) and `GET /api/v1/cen/statistics`. National nodes answer 404.

use axum::Json;
use axum::extract::State;
use ncen_protocol::codelists::{Catalog, ListId};
use ncen_protocol::record::is_administration_code;
use serde::Deserialize;

use super::AppState;
use super::error::ApiError;
use super::extract::{Auth, QueryParams};
use crate::cen::{CenCursor, CenDb, CenFilter, CenPage, CenQuery, DEFAULT_LIMIT, MAX_LIMIT, Statistics};
use crate::roles::Permission;

/// Filters of a CEN search or statistic.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CenFilterParams {
    /// Reporting administration (`NL`).
    pub origin: Option<String>,
    /// Commodity code; a category (`DRUGS`) matches all its types.
    pub commodity: Option<String>,
    /// Country of the seizure's place.
    pub country: Option<String>,
    /// Country of departure, transit or destination.
    pub route_country: Option<String>,
    /// Year of the seizure, `YYYY`.
    pub year: Option<String>,
    /// First date included, `YYYY-MM-DD`.
    pub date_from: Option<String>,
    /// Last date included, `YYYY-MM-DD`.
    pub date_to: Option<String>,
}

/// Filters and paging of a CEN search.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CenSearchParams {
    /// Reporting administration (`NL`).
    pub origin: Option<String>,
    /// Commodity code; a category (`DRUGS`) matches all its types.
    pub commodity: Option<String>,
    /// Country of the seizure's place.
    pub country: Option<String>,
    /// Country of departure, transit or destination.
    pub route_country: Option<String>,
    /// Year of the seizure, `YYYY`.
    pub year: Option<String>,
    /// First date included, `YYYY-MM-DD`.
    pub date_from: Option<String>,
    /// Last date included, `YYYY-MM-DD`.
    pub date_to: Option<String>,
    /// Page size, 1 to 500 (default 50).
    pub limit: Option<usize>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The database, or the 404 of a national node.
fn cen_db(state: &AppState) -> Result<CenDb, ApiError> {
    state
        .cen
        .clone()
        .ok_or_else(|| ApiError::not_found("the global CEN database is kept by the WCO hub only"))
}

fn check_date(field: &str, d: &str) -> Result<(), ApiError> {
    let ok = d.len() == 10
        && time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]")).is_ok();
    if ok {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!("{field}: {d:?} is not a date written YYYY-MM-DD")))
    }
}

fn check_country(field: &str, c: &str, catalog: &Catalog) -> Result<(), ApiError> {
    if catalog.list(ListId::Country).get(c).is_some() {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!("{field}: {c:?} is not in code list `country`")))
    }
}

fn to_filter(p: CenFilterParams, catalog: &Catalog) -> Result<CenFilter, ApiError> {
    if let Some(o) = &p.origin
        && !is_administration_code(o)
    {
        return Err(ApiError::bad_request(format!(
            "origin: {o:?} is not an administration code like NL or WCO"
        )));
    }
    if let Some(c) = &p.commodity
        && catalog.list(ListId::Commodity).get(c).is_none()
    {
        return Err(ApiError::bad_request(format!("commodity: {c:?} is not in code list `commodity`")));
    }
    if let Some(c) = &p.country {
        check_country("country", c, catalog)?;
    }
    if let Some(c) = &p.route_country {
        check_country("route_country", c, catalog)?;
    }
    if let Some(y) = &p.year
        && !(y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(ApiError::bad_request(format!("year: {y:?} is not a year written YYYY")));
    }
    if let Some(d) = &p.date_from {
        check_date("date_from", d)?;
    }
    if let Some(d) = &p.date_to {
        check_date("date_to", d)?;
    }
    Ok(CenFilter {
        origin: p.origin,
        commodity: p.commodity,
        country: p.country,
        route_country: p.route_country,
        year: p.year,
        date_from: p.date_from,
        date_to: p.date_to,
    })
}

fn to_query(p: CenSearchParams, catalog: &Catalog) -> Result<CenQuery, ApiError> {
    let limit = p.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_request(format!("limit: {limit} is not between 1 and {MAX_LIMIT}")));
    }
    let cursor = match &p.cursor {
        None => None,
        Some(c) => Some(
            CenCursor::parse(c)
                .ok_or_else(|| ApiError::bad_request("cursor: not a cursor this hub gave out"))?,
        ),
    };
    let filter = CenFilterParams {
        origin: p.origin,
        commodity: p.commodity,
        country: p.country,
        route_country: p.route_country,
        year: p.year,
        date_from: p.date_from,
        date_to: p.date_to,
    };
    Ok(CenQuery { filter: to_filter(filter, catalog)?, limit, cursor })
}

#[utoipa::path(get, path = "/api/v1/cen/seizures", tag = "cen", params(CenSearchParams),
    responses((status = 200, body = CenPage), (status = 400, body = super::error::ErrorBody),
        (status = 404, description = "not the WCO hub", body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn seizures(
    State(state): State<AppState>,
    auth: Auth,
    QueryParams(params): QueryParams<CenSearchParams>,
) -> Result<Json<CenPage>, ApiError> {
    let actor = auth.require(Permission::ReadCen)?.username.clone();
    let db = cen_db(&state)?;
    let query = to_query(params, &state.catalog.current())?;
    let records = state.records.clone();
    let page = tokio::task::spawn_blocking(move || {
        let page = db.list(&query)?;
        records.audit_read(&actor, "cen.search", format!("cen/seizures?{query:?}"))?;
        Ok::<_, ApiError>(page)
    })
    .await??;
    Ok(Json(page))
}

#[utoipa::path(get, path = "/api/v1/cen/statistics", tag = "cen", params(CenFilterParams),
    responses((status = 200, body = Statistics), (status = 400, body = super::error::ErrorBody),
        (status = 404, description = "not the WCO hub", body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn statistics(
    State(state): State<AppState>,
    auth: Auth,
    QueryParams(params): QueryParams<CenFilterParams>,
) -> Result<Json<Statistics>, ApiError> {
    let actor = auth.require(Permission::ReadCen)?.username.clone();
    let db = cen_db(&state)?;
    let filter = to_filter(params, &state.catalog.current())?;
    let records = state.records.clone();
    let stats = tokio::task::spawn_blocking(move || {
        let stats = db.statistics(&filter)?;
        records.audit_read(&actor, "cen.statistics", format!("cen/statistics?{filter:?}"))?;
        Ok::<_, ApiError>(stats)
    })
    .await??;
    Ok(Json(stats))
}
